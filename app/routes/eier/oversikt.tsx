import { Form, Link, data } from "react-router";
import { Button, Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import type { Route } from "./+types/oversikt";
import { krev } from "#app/auth/tilgang.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { lesSkjema } from "#app/components/skjema.ts";
import { FeilOppsummering } from "#app/components/felt.tsx";
import { useMaalform, useT } from "#app/components/use-t.ts";
import { eierSideSkjema } from "#app/domain/eier/eier.schema.ts";
import { eierOversikt, lagEierKode } from "#app/domain/eier/eier.server.ts";
import { intlSprak, tallFormat, formaterDato } from "#app/i18n/i18n.ts";
import type { SideHandle } from "#app/root.tsx";
import { eierFraKontekst } from "./eier.server.ts";

/**
 * Plain HTML, no scripts (ADR 0001): the page is a table and two buttons that post a form. With
 * 500 barnehager this halves the HTML (no copy of the page data for hydration) and the server time.
 */
export const handle: SideHandle = { utenJs: true };

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: `${loaderData?.navn ?? "Eier"} – Samla` }];
}

/**
 * The owner's page: its barnehager with aggregate figures only (never staff names or answers),
 * and codes to link a barnehage or invite a colleague. Figures from other features are added
 * as columns here and as fields in barnehagerForEier.
 */
export async function loader({ context }: Route.LoaderArgs) {
  const { aktor, medlemskap } = eierFraKontekst(context);
  const { barnehager, sum } = await eierOversikt(aktor, medlemskap, tjenester());
  // Only what the page shows reaches the browser: with 500 barnehager the page data is most of the HTML.
  return {
    id: medlemskap.eierId,
    navn: medlemskap.eierNavn,
    sum,
    barnehager: barnehager.map((b) => ({ id: b.id, navn: b.navn, antallMedlemmer: b.antallMedlemmer, antallTeam: b.antallTeam })),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { aktor, medlemskap } = eierFraKontekst(context);
  krev(aktor, "endre:eier", medlemskap);
  const skjema = await lesSkjema(request, eierSideSkjema);
  if (!skjema.ok) return data({ feil: skjema.feil, ny: null }, { status: 400 });
  const { kode, utloper } = await lagEierKode(aktor, medlemskap, skjema.data.formaal, tjenester());
  return { feil: undefined, ny: { kode, utloper, formaal: skjema.data.formaal } };
}

export default function EierOversikt({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const maalform = useMaalform();
  const tall = tallFormat(intlSprak(maalform));
  const ny = actionData?.ny;
  return (
    <div className="lesebredde">
      <Heading level={1} data-size="lg">
        {d.navn}
      </Heading>
      <Paragraph>{t("eier.ingress")}</Paragraph>
      <Paragraph>
        <Link to={`/eier/${d.id}/resultater`}>{t("eierResultater.lenke")}</Link>
      </Paragraph>
      <Paragraph>
        <Link to={`/eier/${d.id}/rutiner`}>{t("eierRutine.lenke")}</Link>
      </Paragraph>

      <section aria-labelledby="eier-barnehager">
        <Heading level={2} data-size="md" id="eier-barnehager">
          {t("eier.barnehager")}
        </Heading>
        {d.barnehager.length === 0 ? (
          <Paragraph>{t("eier.ingenBarnehager")}</Paragraph>
        ) : (
          <>
            <Paragraph data-size="sm">
              {t("eier.sum", { barnehager: tall.format(d.sum.barnehager), medlemmer: tall.format(d.sum.medlemmer), team: tall.format(d.sum.team) })}
            </Paragraph>
            <div className="tabell-rull" tabIndex={0} role="region" aria-labelledby="eier-barnehager">
              <Table data-size="sm" className="tabell">
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t("eier.kolonne.barnehage")}</Table.HeaderCell>
                    <Table.HeaderCell>{t("eier.kolonne.medlemmer")}</Table.HeaderCell>
                    <Table.HeaderCell>{t("eier.kolonne.team")}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {d.barnehager.map((b) => (
                    <Table.Row key={b.id}>
                      <Table.HeaderCell scope="row">{b.navn}</Table.HeaderCell>
                      <Table.Cell>{tall.format(b.antallMedlemmer)}</Table.Cell>
                      <Table.Cell>{tall.format(b.antallTeam)}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          </>
        )}
      </section>

      <section aria-labelledby="eier-koder">
        <Heading level={2} data-size="md" id="eier-koder">
          {t("eier.koder")}
        </Heading>
        {ny ? (
          <div className="ramme" role="status">
            <Heading level={3} data-size="sm">
              {t(ny.formaal === "barnehage" ? "eier.kodeKlar.barnehage" : "eier.kodeKlar.eier")}
            </Heading>
            <p>
              <code className="invitasjon__kode" data-eierkode={ny.formaal}>
                {ny.kode}
              </code>
            </p>
            <Paragraph data-size="sm">{t(ny.formaal === "barnehage" ? "eier.kodeHjelp.barnehage" : "eier.kodeHjelp.eier")}</Paragraph>
            <Paragraph data-size="sm">{t("eier.kodeUtloper", { dato: formaterDato(ny.utloper, maalform) })}</Paragraph>
          </div>
        ) : null}
        <FeilOppsummering feil={actionData?.feil} />
        <Paragraph>{t("eier.kodeForklaring")}</Paragraph>
        <Form method="post" className="knapperad">
          <input type="hidden" name="intent" value="lag-kode" />
          <Button type="submit" name="formaal" value="barnehage">
            {t("eier.lagKode.barnehage")}
          </Button>
          <Button type="submit" name="formaal" value="eier" variant="secondary">
            {t("eier.lagKode.eier")}
          </Button>
        </Form>
      </section>
    </div>
  );
}
