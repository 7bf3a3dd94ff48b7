import { Link } from "react-router";
import { Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import type { Route } from "./+types/rutiner";
import { tjenester } from "#app/tjenester.server.ts";
import { useMaalform, useT } from "#app/components/use-t.ts";
import { rutinerForEier } from "#app/domain/rutine/rutine.server.ts";
import { formaterDato } from "#app/i18n/i18n.ts";
import { eierFraKontekst } from "./eier.server.ts";

export function meta() {
  return [{ title: "Rutiner for internkontroll – Samla" }];
}

/** The owner sees that each barnehage has a routine for internkontroll, and its date (issue 14, point 4). */
export async function loader({ context }: Route.LoaderArgs) {
  const { aktor, medlemskap } = eierFraKontekst(context);
  return { id: medlemskap.eierId, navn: medlemskap.eierNavn, barnehager: await rutinerForEier(aktor, medlemskap, tjenester()) };
}

export default function EierRutiner({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const maalform = useMaalform();
  return (
    <div>
      <Paragraph data-size="sm" className="dempet">
        <Link to={`/eier/${d.id}`}>{d.navn}</Link>
      </Paragraph>
      <Heading level={1} data-size="lg">
        {t("eierRutine.tittel")}
      </Heading>
      <Paragraph className="lesebredde">{t("eierRutine.ingress")}</Paragraph>
      <div className="tabell-rull">
        <Table>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t("eierRutine.kolonne.barnehage")}</Table.HeaderCell>
              <Table.HeaderCell>{t("eierRutine.kolonne.vedtatt")}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {d.barnehager.map((b) => (
              <Table.Row key={b.id} data-barnehage={b.id}>
                <Table.HeaderCell scope="row">{b.navn}</Table.HeaderCell>
                <Table.Cell>
                  {b.rutine ? (
                    <Link to={`/eier/${d.id}/rutiner/${b.id}`} aria-label={`${t("rutine.versjonLinje", { versjon: b.rutine.versjon, dato: formaterDato(b.rutine.vedtatt, maalform) })}: ${t("eierRutine.les", { barnehage: b.navn })}`}>
                      {t("rutine.versjonLinje", { versjon: b.rutine.versjon, dato: formaterDato(b.rutine.vedtatt, maalform) })}
                    </Link>
                  ) : (
                    t("eierRutine.ingen")
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </div>
  );
}
