import { Link } from "react-router";
import { Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import type { Route } from "./+types/resultater";
import type { SideHandle } from "#app/root.tsx";
import { maalformKontekst } from "#app/kontekst.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { useMaalform, useT } from "#app/components/use-t.ts";
import { intlSprak, tallFormat } from "#app/i18n/i18n.ts";
import { eierResultater } from "#app/domain/eier/eier.server.ts";
import { modulTitler } from "#app/domain/fremdrift/fremdrift.server.ts";
import { tilbakemeldingsinstrument } from "#app/domain/tilbakemelding/tilbakemelding.server.ts";
import { eierFraKontekst } from "./eier.server.ts";

/** Plain HTML, no scripts (ADR 0001, 0014): tables only. */
export const handle: SideHandle = { utenJs: true };

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: `${loaderData?.navn ?? "Eier"} – Samla` }];
}

/** A mean, or null where fewer than five answered (the use cases decide; the page never does). */
type Snitt = number | null;

/**
 * The owner's results: progress, ståsted and module feedback per barnehage and in total. Only
 * figures reach the browser: no names of staff, no single answers, no free text.
 */
export async function loader({ context }: Route.LoaderArgs) {
  const { aktor, medlemskap } = eierFraKontekst(context);
  const maalform = context.get(maalformKontekst);
  const { db, innhold } = tjenester();
  const r = await eierResultater(aktor, medlemskap, { db });
  const navnPa = new Map(r.barnehager.map((b) => [b.id, b.navn]));
  const titler = modulTitler(innhold, maalform);
  const utsagn = (await tilbakemeldingsinstrument()).modulTilbakemelding.utsagn.map((u) => ({ id: u.id, tekst: u[maalform] }));
  const omrader = r.stasted.samlet[0]?.resultat.omrader.map((o) => ({ id: o.id, tekst: o[maalform] })) ?? [];
  const faser = (["for", "underveis", "etter"] as const).flatMap((fase) => {
    const samlet = r.stasted.samlet.find((f) => f.fase === fase);
    if (!samlet) return [];
    const rad = (res: typeof samlet.resultat) => (res.nok ? { antallSvar: res.antallSvar, snitt: omrader.map((o): Snitt => res.omrader.find((x) => x.id === o.id)?.snitt ?? null) } : null);
    return [
      {
        fase,
        samlet: rad(samlet.resultat),
        barnehager: r.stasted.barnehager.flatMap((b) => {
          const f = b.faser.find((x) => x.fase === fase);
          return f ? [{ navn: navnPa.get(b.barnehageId) ?? "", tall: rad(f.resultat) }] : [];
        }),
      },
    ];
  });
  const snittAv = (res: { vist: boolean; utsagn?: { utsagnId: string; vist: boolean; gjennomsnitt?: number }[] }) =>
    res.vist ? utsagn.map((u): Snitt => res.utsagn?.find((x) => x.utsagnId === u.id && x.vist)?.gjennomsnitt ?? null) : null;
  return {
    navn: medlemskap.eierNavn,
    eierId: medlemskap.eierId,
    fremdrift: r.barnehager.map((b) => ({ navn: b.navn, ...b.fremdrift })),
    omrader,
    faser,
    utsagn,
    moduler: r.tilbakemelding.map((m) => ({
      modulId: m.modulId,
      tittel: titler[m.modulId] ? `${titler[m.modulId]!.nummer}. ${titler[m.modulId]!.tittel}` : m.modulId,
      samlet: { antallBarnehager: m.samlet.antallBarnehager, snitt: snittAv(m.samlet) },
      barnehager: m.perBarnehage.map((b) => ({ navn: navnPa.get(b.barnehageId) ?? "", snitt: snittAv(b.resultat) })),
    })),
  };
}

export default function EierResultater({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const maalform = useMaalform();
  const desimal = tallFormat(intlSprak(maalform), { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const prosent = tallFormat(intlSprak(maalform), { style: "percent", maximumFractionDigits: 0 });
  const forFa = t("eierResultater.forFaaSvar");
  const snitt = (s: Snitt) => (s === null ? forFa : desimal.format(s));
  const andel = (a: { antall: number; av: number } | null) => (a === null ? forFa : prosent.format(a.antall / a.av));
  return (
    <div className="lesebredde">
      <Heading level={1} data-size="lg">
        {t("eierResultater.tittel", { navn: d.navn })}
      </Heading>
      <Paragraph>{t("eierResultater.ingress")}</Paragraph>
      <Paragraph>
        <Link to={`/eier/${d.eierId}`}>{t("eierResultater.tilbake")}</Link>
      </Paragraph>

      <section aria-labelledby="eier-fremdrift">
        <Heading level={2} data-size="md" id="eier-fremdrift">
          {t("eierResultater.fremdrift")}
        </Heading>
        {d.fremdrift.length === 0 ? (
          <Paragraph>{t("eierResultater.ingenBarnehager")}</Paragraph>
        ) : (
          <div className="tabell-rull" tabIndex={0} role="region" aria-labelledby="eier-fremdrift">
            <Table data-size="sm" className="tabell">
              <caption>{t("eierResultater.fremdriftTabell")}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t("eier.kolonne.barnehage")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("eierResultater.samlinger")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("eierResultater.reflektert")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("eierResultater.logget")}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {d.fremdrift.map((b, i) => (
                  <Table.Row key={i}>
                    <Table.HeaderCell scope="row">{b.navn}</Table.HeaderCell>
                    <Table.Cell>{t("eierResultater.holdtAv", { holdt: b.samlingerHoldt, planlagt: b.samlingerPlanlagt })}</Table.Cell>
                    <Table.Cell>{andel(b.reflektert)}</Table.Cell>
                    <Table.Cell>{andel(b.logget)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        )}
      </section>

      <section aria-labelledby="eier-stasted">
        <Heading level={2} data-size="md" id="eier-stasted">
          {t("eierResultater.stasted")}
        </Heading>
        <Paragraph data-size="sm">{t("eierResultater.stastedIngress")}</Paragraph>
        {d.faser.length === 0 ? <Paragraph>{t("eierResultater.ingenRunder")}</Paragraph> : null}
        {d.faser.map((f) => (
          <div key={f.fase} className="tabell-rull" tabIndex={0} role="region" aria-label={t("eierResultater.stastedTabell", { fase: t(`stasted.fase.${f.fase}`) })}>
            <Table data-size="sm" className="tabell" data-fase={f.fase}>
              <caption>{t("eierResultater.stastedTabell", { fase: t(`stasted.fase.${f.fase}`) })}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t("eier.kolonne.barnehage")}</Table.HeaderCell>
                  {d.omrader.map((o) => (
                    <Table.HeaderCell scope="col" key={o.id}>
                      {o.tekst}
                    </Table.HeaderCell>
                  ))}
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {[...f.barnehager, { navn: t("eierResultater.samlet"), tall: f.samlet }].map((b, i) => (
                  <Table.Row key={i}>
                    <Table.HeaderCell scope="row">{b.navn}</Table.HeaderCell>
                    {b.tall ? (
                      b.tall.snitt.map((s, j) => <Table.Cell key={j}>{snitt(s)}</Table.Cell>)
                    ) : (
                      <Table.Cell colSpan={d.omrader.length}>{forFa}</Table.Cell>
                    )}
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        ))}
      </section>

      <section aria-labelledby="eier-tilbakemelding">
        <Heading level={2} data-size="md" id="eier-tilbakemelding">
          {t("eierResultater.tilbakemelding")}
        </Heading>
        <Paragraph data-size="sm">{t("eierResultater.tilbakemeldingIngress")}</Paragraph>
        {d.moduler.length === 0 ? <Paragraph>{t("eierResultater.ingenTilbakemelding")}</Paragraph> : null}
        {d.moduler.map((m) => (
          <div key={m.modulId} className="tabell-rull" tabIndex={0} role="region" aria-label={m.tittel}>
            <Table data-size="sm" className="tabell">
              <caption>{m.tittel}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t("eier.kolonne.barnehage")}</Table.HeaderCell>
                  {d.utsagn.map((u) => (
                    <Table.HeaderCell scope="col" key={u.id}>
                      {u.tekst}
                    </Table.HeaderCell>
                  ))}
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {[...m.barnehager, { navn: t("eierResultater.samlet"), snitt: m.samlet.snitt }].map((b, i) => (
                  <Table.Row key={i}>
                    <Table.HeaderCell scope="row">{b.navn}</Table.HeaderCell>
                    {b.snitt ? b.snitt.map((s, j) => <Table.Cell key={j}>{snitt(s)}</Table.Cell>) : <Table.Cell colSpan={d.utsagn.length}>{forFa}</Table.Cell>}
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        ))}
      </section>
    </div>
  );
}
