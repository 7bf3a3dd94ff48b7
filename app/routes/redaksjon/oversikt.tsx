import { Link } from "react-router";
import { Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import type { Route } from "./+types/oversikt";
import type { SideHandle } from "#app/root.tsx";
import { aktorKontekst } from "#app/kontekst.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { naa } from "#app/domain/innhold/klokke.server.ts";
import { redaksjonsoversikt } from "#app/domain/redaksjon/redaksjon.server.ts";
import { useMaalform, useT } from "#app/components/use-t.ts";
import { formaterDato, formaterKlokke } from "#app/i18n/i18n.ts";

export const handle: SideHandle = { utenJs: true };

export function meta() {
  return [{ title: "Redaksjonen – Samla" }];
}

/** The editor's page (ADR 0034): every module's status, editions and failing content checks. */
export async function loader({ context }: Route.LoaderArgs) {
  const { db, alleInnhold } = tjenester();
  return redaksjonsoversikt(context.get(aktorKontekst), { db, alleInnhold }, naa());
}

export default function Redaksjon({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const maalform = useMaalform();
  const tid = (iso: string) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? formaterDato(iso, maalform) : `${formaterDato(iso, maalform)} ${formaterKlokke(iso, maalform)}`);
  return (
    <div>
      <Heading level={1} data-size="lg">
        {t("redaksjon.tittel")}
      </Heading>
      <Paragraph>{t("redaksjon.ingress")}</Paragraph>
      <Table data-size="sm" className="tabell">
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t("redaksjon.modul")}</Table.HeaderCell>
            <Table.HeaderCell>{t("redaksjon.status")}</Table.HeaderCell>
            <Table.HeaderCell>{t("redaksjon.synligNaa")}</Table.HeaderCell>
            <Table.HeaderCell>{t("redaksjon.utgaver")}</Table.HeaderCell>
            <Table.HeaderCell>{t("redaksjon.sjekker")}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {d.moduler.map((m) => (
            <Table.Row key={m.id}>
              <Table.Cell>
                {m.nummer}. {m.tittel}
                <br />
                <Link to={`/redaksjon/moduler/${m.slug}`}>
                  {t("redaksjon.forhandsvis")}
                  <span className="sr-only"> {m.tittel}</span>
                </Link>
              </Table.Cell>
              <Table.Cell>
                {t(`utgave.status.${m.status}`)}
                {m.publiseres ? (
                  <>
                    <br />
                    {t("redaksjon.publiseres", { tid: tid(m.publiseres) })}
                  </>
                ) : null}
              </Table.Cell>
              <Table.Cell>{m.synligUtgave ?? t("redaksjon.ingen")}</Table.Cell>
              <Table.Cell>
                <ul>
                  {m.utgaver.map((u) => (
                    <li key={u.nummer}>
                      {t("redaksjon.utgaveFra", { utgave: u.nummer, tid: u.fra ? tid(u.fra) : t("redaksjon.ikkeSatt") })}
                      {u.juridisk ? ` (${t("utgave.juridisk")})` : ""}
                    </li>
                  ))}
                </ul>
              </Table.Cell>
              <Table.Cell>
                {m.problemer.length === 0 ? (
                  t("redaksjon.ok")
                ) : (
                  <details>
                    <summary>{t("redaksjon.feil", { antall: m.problemer.length })}</summary>
                    <ul>
                      {m.problemer.map((p) => (
                        <li key={p}>{p}</li>
                      ))}
                    </ul>
                  </details>
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {d.andreProblemer.length ? (
        <section aria-labelledby="andre-feil">
          <Heading level={2} id="andre-feil" data-size="sm">
            {t("redaksjon.andreFeil")}
          </Heading>
          <ul>
            {d.andreProblemer.map((p) => (
              <li key={`${p.fil}${p.melding}`}>
                {p.fil}: {p.melding}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
