import { Link } from "react-router";
import { Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import type { Route } from "./+types/resultater";
import type { SideHandle } from "#app/root.tsx";
import { maalformKontekst } from "#app/kontekst.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { useMaalform, useT } from "#app/components/use-t.ts";
import { intlSprak } from "#app/i18n/i18n.ts";
import { eierRapport } from "#app/domain/eier/rapport.server.ts";
import { formaterCelle, type Rapporttabell } from "#app/domain/eier/rapport.ts";
import { Stolpediagram } from "#app/components/stolpediagram.tsx";
import { eierFraKontekst } from "./eier.server.ts";

/** Plain HTML, no scripts (ADR 0001, 0014): tables, charts drawn with CSS, and plain download links. */
export const handle: SideHandle = { utenJs: true };

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: `${loaderData?.navn ?? "Eier"} – Samla` }];
}

/**
 * The owner's results: progress, ståsted and module feedback per barnehage and in total, from the
 * report model the CSV and PDF files use too (issue 15, point 5). Only figures reach the browser:
 * no names of staff, no single answers, no free text; below five answers a cell is «for få svar».
 */
export async function loader({ context }: Route.LoaderArgs) {
  const { aktor, medlemskap } = eierFraKontekst(context);
  const { rapport, barnehager } = await eierRapport(aktor, medlemskap, tjenester(), context.get(maalformKontekst));
  return { navn: medlemskap.eierNavn, eierId: medlemskap.eierId, tabeller: rapport.tabeller, barnehager };
}

/**
 * One table of the report. The explicit roles keep it a table for screen readers when the phone
 * layout turns each row into a card (CSS display changes would otherwise drop the semantics).
 */
function RapportTabell({ tabell, id }: { tabell: Rapporttabell; id: string }) {
  const t = useT();
  const locale = intlSprak(useMaalform());
  const forFa = t("eierResultater.forFaaSvar");
  const barnehage = t("eier.kolonne.barnehage");
  return (
    <div className="tabell-rull" tabIndex={0} role="region" aria-labelledby={id}>
      <Table data-size="sm" className="tabell rapporttabell" role="table" data-tabell={tabell.id}>
        <caption id={id}>{tabell.tittel}</caption>
        <Table.Head role="rowgroup">
          <Table.Row role="row">
            <Table.HeaderCell scope="col" role="columnheader">
              {barnehage}
            </Table.HeaderCell>
            {tabell.kolonner.map((k, i) => (
              <Table.HeaderCell scope="col" role="columnheader" key={i}>
                {k}
              </Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body role="rowgroup">
          {tabell.rader.map((r, i) => (
            <Table.Row key={i} role="row" className={r.samlet ? "rapporttabell__samlet" : undefined}>
              <Table.HeaderCell scope="row" role="rowheader">
                {r.navn}
              </Table.HeaderCell>
              {r.celler ? (
                r.celler.map((c, j) => (
                  <Table.Cell key={j} role="cell" data-kolonne={tabell.kolonner[j]}>
                    {formaterCelle(c, tabell.format[j]!, locale, forFa)}
                  </Table.Cell>
                ))
              ) : (
                <Table.Cell role="cell" colSpan={tabell.kolonner.length}>
                  {forFa}
                </Table.Cell>
              )}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

/**
 * A chart per area (issue 15): a bar per barnehage and for the total, on the scale 1–5, drawn on the
 * server with CSS (`Stolpediagram`, shared with a single ståsted round). The figures are in the table beside it.
 */
function Diagrammer({ tabell }: { tabell: Rapporttabell }) {
  const t = useT();
  const locale = intlSprak(useMaalform());
  const forFa = t("eierResultater.forFaaSvar");
  return (
    <div className="rapportdiagrammer">
      {tabell.kolonner.map((omrade, j) => (
        <Stolpediagram
          key={j}
          tittel={omrade}
          forFa={forFa}
          locale={locale}
          stolper={tabell.rader.map((r) => ({ navn: r.navn, verdi: r.celler?.[j] ?? null, uthevet: r.samlet }))}
        />
      ))}
    </div>
  );
}

function Nedlasting({ eierId, barnehager }: { eierId: string; barnehager: { id: string; navn: string }[] }) {
  const t = useT();
  const sti = `/eier/${eierId}/resultater`;
  return (
    <section aria-labelledby="eier-last-ned" className="ramme rapport-nedlasting">
      <Heading level={2} data-size="sm" id="eier-last-ned">
        {t("eierResultater.lastNed")}
      </Heading>
      <Paragraph data-size="sm">{t("eierResultater.lastNedIngress")}</Paragraph>
      <ul className="rapport-nedlasting__liste">
        <li>
          <span>{t("eierResultater.alle")}</span>
          <a href={`${sti}/csv`} download data-last-ned="csv">
            {t("eierResultater.csv")}
          </a>
          <a href={`${sti}/pdf`} download data-last-ned="pdf">
            {t("eierResultater.pdf")}
          </a>
        </li>
        {barnehager.map((b) => (
          <li key={b.id}>
            <span>{b.navn}</span>
            <a href={`${sti}/csv?barnehage=${encodeURIComponent(b.id)}`} download aria-label={t("eierResultater.csvFor", { barnehage: b.navn })}>
              {t("eierResultater.csv")}
            </a>
            <a href={`${sti}/pdf?barnehage=${encodeURIComponent(b.id)}`} download aria-label={t("eierResultater.pdfFor", { barnehage: b.navn })}>
              {t("eierResultater.pdf")}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

export default function EierResultater({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const fremdrift = d.tabeller.filter((x) => x.del === "fremdrift");
  const stasted = d.tabeller.filter((x) => x.del === "stasted");
  const tilbakemelding = d.tabeller.filter((x) => x.del === "tilbakemelding");
  return (
    <div className="eierrapport">
      <Heading level={1} data-size="lg">
        {t("eierResultater.tittel", { navn: d.navn })}
      </Heading>
      <Paragraph>{t("eierResultater.ingress")}</Paragraph>
      <Paragraph>
        <Link to={`/eier/${d.eierId}`}>{t("eierResultater.tilbake")}</Link>
      </Paragraph>
      {d.barnehager.length > 0 ? <Nedlasting eierId={d.eierId} barnehager={d.barnehager} /> : null}

      <section aria-labelledby="eier-fremdrift" className="seksjon">
        <Heading level={2} data-size="md" id="eier-fremdrift">
          {t("eierResultater.fremdrift")}
        </Heading>
        {fremdrift.length === 0 ? <Paragraph>{t("eierResultater.ingenBarnehager")}</Paragraph> : null}
        {fremdrift.map((x) => (
          <RapportTabell key={x.id} tabell={x} id={`tabell-${x.id}`} />
        ))}
      </section>

      <section aria-labelledby="eier-stasted" className="seksjon">
        <Heading level={2} data-size="md" id="eier-stasted">
          {t("eierResultater.stasted")}
        </Heading>
        <Paragraph data-size="sm">{t("eierResultater.stastedIngress")}</Paragraph>
        {stasted.length === 0 ? <Paragraph>{t("eierResultater.ingenRunder")}</Paragraph> : null}
        {stasted.map((x) => (
          <div key={x.id} className="rapportblokk" data-fase={x.id.replace("stasted-", "")}>
            <RapportTabell tabell={x} id={`tabell-${x.id}`} />
            <Diagrammer tabell={x} />
          </div>
        ))}
      </section>

      <section aria-labelledby="eier-tilbakemelding" className="seksjon">
        <Heading level={2} data-size="md" id="eier-tilbakemelding">
          {t("eierResultater.tilbakemelding")}
        </Heading>
        <Paragraph data-size="sm">{t("eierResultater.tilbakemeldingIngress")}</Paragraph>
        {tilbakemelding.length === 0 ? <Paragraph>{t("eierResultater.ingenTilbakemelding")}</Paragraph> : null}
        {tilbakemelding.map((x) => (
          <RapportTabell key={x.id} tabell={x} id={`tabell-${x.id}`} />
        ))}
      </section>
    </div>
  );
}
