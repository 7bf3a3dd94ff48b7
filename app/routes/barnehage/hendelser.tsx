import { Link } from "react-router";
import { Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import type { Route } from "./+types/hendelser";
import { tjenester } from "#app/tjenester.server.ts";
import { useMaalform, useT } from "#app/components/use-t.ts";
import { hendelserForBarnehage } from "#app/domain/revisjon/revisjon.server.ts";
import { intlSprak, datoFormat } from "#app/i18n/i18n.ts";
import { barnehageFraKontekst } from "./barnehage.server.ts";

export function meta() {
  return [{ title: "Hendelser – Samla" }];
}

/** The styrer reads the barnehage's audit log (append-only), 50 at a time, newest first. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  const forId = Number(new URL(request.url).searchParams.get("for")) || undefined;
  const side = await hendelserForBarnehage(aktor, medlemskap, forId, tjenester());
  return { id: medlemskap.barnehageId, navn: medlemskap.barnehageNavn, ...side };
}

export default function Hendelser({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const maalform = useMaalform();
  const tid = datoFormat(intlSprak(maalform), { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Oslo" });
  return (
    <div className="lesebredde">
      <Paragraph data-size="sm">
        <Link to={`/barnehage/${d.id}`}>{d.navn}</Link>
      </Paragraph>
      <Heading level={1} data-size="lg">
        {t("hendelser.tittel")}
      </Heading>
      <Paragraph>{t("hendelser.ingress")}</Paragraph>
      {d.rader.length === 0 ? (
        <Paragraph>{t("hendelser.ingen")}</Paragraph>
      ) : (
        <Table data-size="sm" className="tabell">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t("hendelser.tid")}</Table.HeaderCell>
              <Table.HeaderCell>{t("hendelser.hva")}</Table.HeaderCell>
              <Table.HeaderCell>{t("hendelser.hvem")}</Table.HeaderCell>
              <Table.HeaderCell>{t("hendelser.gjelder")}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {d.rader.map((r) => (
              <Table.Row key={r.id}>
                <Table.Cell>{tid.format(new Date(r.tid))}</Table.Cell>
                <Table.Cell>
                  {t(`hendelse.${r.hendelse}`)}
                  {r.rolle === "ansatt" || r.rolle === "leder" || r.rolle === "styrer" ? ` (${t(`rolle.${r.rolle}`)})` : ""}
                </Table.Cell>
                <Table.Cell>{r.hvem ?? "–"}</Table.Cell>
                <Table.Cell>{r.gjelder ?? "–"}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {d.nesteForId ? (
        <Paragraph>
          <Link to={`?for=${d.nesteForId}`}>{t("hendelser.eldre")}</Link>
        </Paragraph>
      ) : null}
    </div>
  );
}
