import { Link } from "react-router";
import { Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import type { Route } from "./+types/kalibrering";
import type { SideHandle } from "#app/root.tsx";
import { maalformKontekst } from "#app/kontekst.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { useT } from "#app/components/use-t.ts";
import { maler } from "#app/domain/observasjon/maler.server.ts";
import { kalibrering } from "#app/domain/observasjon/observasjon.server.ts";
import { barnehageFraKontekst } from "../barnehage.server.ts";
import { filmEtterId } from "./film.server.ts";

export const handle: SideHandle = { utenJs: true };

export function meta() {
  return [{ title: "Sammenlign observasjonene – Samla" }];
}

/**
 * Calibration for the group talk (ADR 0035): the shared observations of the case film side by side,
 * per category, and for each statement whether everyone saw the same. Only shared observations.
 */
export async function loader({ params, context }: Route.LoaderArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  const sp = context.get(maalformKontekst);
  const m = await maler();
  const k = await kalibrering(aktor, medlemskap, params.periodeId, m, tjenester());
  return {
    barnehageId: medlemskap.barnehageId,
    periodeId: params.periodeId,
    film: filmEtterId(m.kalibrering.film)?.manus.tittel[sp] ?? "",
    antall: k.observatorer.length,
    harMin: k.harMin,
    minErDelt: k.minErDelt,
    kategorier: k.kategorier.map((kat) => {
      const innhold = m.kategorier.find((x) => x.id === kat.id)!;
      return {
        id: kat.id,
        tittel: innhold.tittel[sp],
        enige: kat.enige,
        uenige: kat.uenige,
        utsagn: kat.utsagn.map((u) => ({ ...u, tekst: m.kalibrering.utsagn.find((x) => x.id === u.id)!.tekst[sp] })),
        tekster: kat.tekster.map((x) => ({ ...x, erMin: k.observatorer.find((o) => o.id === x.id)?.erMin ?? false })),
      };
    }),
  };
}

export default function Kalibrering({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const periode = `/barnehage/${d.barnehageId}/observasjon/${d.periodeId}`;
  const samlet = (u: { ja: number; nei: number; usikker: number; enige: boolean }) =>
    d.antall < 2 ? "–" : u.ja + u.nei + u.usikker === 0 ? t("observasjon.ingenSvar") : u.enige ? t("observasjon.enige") : t("observasjon.uenige");
  return (
    <div className="lesebredde kalibrering">
      <Paragraph data-size="sm">
        <Link to={periode}>{t("observasjon.avbryt")}</Link>
      </Paragraph>
      <Heading level={1} data-size="lg">
        {t("observasjon.kalibreringTittel")}
      </Heading>
      <Paragraph>«{d.film}»</Paragraph>
      <Paragraph data-antall-delt={d.antall}>{t("observasjon.antallDelt", { antall: d.antall })}</Paragraph>
      {!d.harMin ? (
        <Paragraph>
          {t("observasjon.observerForst")} <Link to={`${periode}/skriv?mal=film`}>{t("observasjon.observerFilmen")}</Link>
        </Paragraph>
      ) : !d.minErDelt ? (
        <Paragraph>{t("observasjon.delDinForst")}</Paragraph>
      ) : null}
      {d.antall < 2 ? <Paragraph>{t("observasjon.forFaa")}</Paragraph> : <p className="observasjon-regel">{t("observasjon.samtale")}</p>}
      {d.antall > 0
        ? d.kategorier.map((k) => (
            <section key={k.id} aria-labelledby={`kat-${k.id}`} data-kategori={k.id}>
              <Heading level={2} data-size="md" id={`kat-${k.id}`}>
                {k.tittel}
              </Heading>
              {d.antall >= 2 ? <Paragraph data-enige={k.enige}>{t("observasjon.enigeOm", { enige: k.enige, antall: k.utsagn.length })}</Paragraph> : null}
              <div className="tabell-rull kalibrering__tabell" tabIndex={0} role="region" aria-labelledby={`kat-${k.id}`}>
                <Table data-size="md">
                  <caption className="sr-only">{k.tittel}</caption>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell scope="col">{t("observasjon.utsagnKolonne")}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{t("observasjon.svar.ja")}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{t("observasjon.svar.nei")}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{t("observasjon.svar.usikker")}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{t("observasjon.vurdering")}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {k.utsagn.map((u) => (
                      <Table.Row key={u.id} data-utsagn={u.id} data-enige={u.enige ? "ja" : "nei"}>
                        <Table.HeaderCell scope="row">{u.tekst}</Table.HeaderCell>
                        <Table.Cell className="tall">{u.ja}</Table.Cell>
                        <Table.Cell className="tall">{u.nei}</Table.Cell>
                        <Table.Cell className="tall">{u.usikker}</Table.Cell>
                        <Table.Cell className={u.enige ? undefined : "kalibrering__uenige"}>{samlet(u)}</Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </div>
              {/* On a phone: the same numbers as a list (the table is hidden there, and this on a wide screen). */}
              <ul className="kalibrering__liste">
                {k.utsagn.map((u) => (
                  <li key={u.id}>
                    <span className="kalibrering__utsagn">{u.tekst}</span>
                    <span>
                      {t("observasjon.svar.ja")}: {u.ja} · {t("observasjon.svar.nei")}: {u.nei} · {t("observasjon.svar.usikker")}: {u.usikker}
                    </span>
                    <span className={u.enige ? undefined : "kalibrering__uenige"}>{samlet(u)}</span>
                  </li>
                ))}
              </ul>
              <Heading level={3} data-size="xs" className="kalibrering__ord">
                {t("observasjon.deresOrd")}
              </Heading>
              <ul className="side-om-side">
                {k.tekster.map((x) => (
                  <li key={x.id}>
                    <Heading level={4}>{x.erMin ? t("observasjon.observator", { navn: x.forfatterNavn }) : x.forfatterNavn}</Heading>
                    <p className="observasjon__tekst">{x.tekst || t("observasjon.skrevIngenting")}</p>
                  </li>
                ))}
              </ul>
            </section>
          ))
        : null}
    </div>
  );
}
