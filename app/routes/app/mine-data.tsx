import { Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import type { Route } from "./+types/mine-data";
import { aktorKontekst } from "#app/kontekst.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { eksporterMineData } from "#app/domain/personvern/mine-data.server.ts";
import { useMaalform, useT } from "#app/components/use-t.ts";
import { SkrivUtKnapp } from "#app/components/skriv-ut-knapp.tsx";
import { formaterDato, formaterKlokke, type Nokkel } from "#app/i18n/i18n.ts";
import { nb } from "#app/i18n/nb.ts";
import type { Spraak } from "#app/domain/innhold/innhold.schema.ts";

export function meta() {
  return [{ title: "Data om deg – Samla" }];
}

export function headers() {
  // Personal data: never kept by a shared cache or the browser's back/forward store.
  return { "Cache-Control": "no-store" };
}

/**
 * «Mine data» as a readable, printable page (issue 15, point 7): the same export as the JSON file
 * (`/profil/data`, ADR 0015), every source in the DATAKILDER register in the order it is listed
 * there, each as a table. Logged as data_eksportert like the file.
 */
export async function loader({ context }: Route.LoaderArgs) {
  const data = await eksporterMineData(context.get(aktorKontekst), { db: tjenester().db });
  return { laget: data.laget, kilder: Object.entries(data.data).map(([navn, verdi]) => ({ navn, verdi })) };
}

const ISO_TID = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A field name from the export (camelCase) as words: «barnehageId» → «barnehage id». */
function somOrd(navn: string): string {
  const ord = navn.replace(/([a-zæøå])([A-Z])/g, "$1 $2").toLowerCase();
  return ord.charAt(0).toUpperCase() + ord.slice(1);
}

/** One value as text: dates the Norwegian way (one date helper), yes/no, nested values compactly. */
function somTekst(verdi: unknown, sp: Spraak, t: ReturnType<typeof useT>): string {
  if (verdi === null || verdi === undefined || verdi === "") return "–";
  if (typeof verdi === "boolean") return t(verdi ? "personvern.side.ja" : "personvern.side.nei");
  if (typeof verdi === "string" && ISO_TID.test(verdi)) return `${formaterDato(verdi, sp)} ${formaterKlokke(verdi, sp)}`;
  if (typeof verdi === "string" && /^\d{4}-\d{2}-\d{2}$/.test(verdi)) return formaterDato(verdi, sp);
  if (typeof verdi === "object") return JSON.stringify(verdi);
  return String(verdi);
}

/** An audit event is named as on the barnehage's event page; everything else via somTekst. */
function celle(kolonne: string, verdi: unknown, sp: Spraak, t: ReturnType<typeof useT>): string {
  if (kolonne === "hendelse" && typeof verdi === "string" && `hendelse.${verdi}` in nb) return t(`hendelse.${verdi}` as Nokkel);
  return somTekst(verdi, sp, t);
}

function Verdi({ verdi, overskrift }: { verdi: unknown; overskrift: string }) {
  const t = useT();
  const sp = useMaalform();
  if (Array.isArray(verdi)) {
    if (verdi.length === 0) return <Paragraph data-size="sm">{t("personvern.side.ingenting")}</Paragraph>;
    if (verdi.every((r) => r !== null && typeof r === "object" && !Array.isArray(r))) {
      const kolonner = [...new Set(verdi.flatMap((r) => Object.keys(r as object)))];
      return (
        // Scrolls sideways on a phone; focusable and named, so it can be scrolled with the keyboard.
        <div className="tabellrulle" tabIndex={0} role="region" aria-labelledby={overskrift}>
          <Table data-size="sm" className="tabell mine-data__tabell">
            <Table.Head>
              <Table.Row>
                {kolonner.map((k) => (
                  <Table.HeaderCell key={k}>{somOrd(k)}</Table.HeaderCell>
                ))}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {verdi.map((rad, i) => (
                <Table.Row key={i}>
                  {kolonner.map((k) => (
                    <Table.Cell key={k}>{celle(k, (rad as Record<string, unknown>)[k], sp, t)}</Table.Cell>
                  ))}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      );
    }
    return (
      <ul>
        {verdi.map((v, i) => (
          <li key={i}>{somTekst(v, sp, t)}</li>
        ))}
      </ul>
    );
  }
  if (verdi !== null && typeof verdi === "object") {
    return (
      <dl className="mine-data__felt">
        {Object.entries(verdi).map(([k, v]) => (
          <div key={k}>
            <dt>{somOrd(k)}</dt>
            <dd>{Array.isArray(v) || (v !== null && typeof v === "object") ? <Verdi verdi={v} overskrift={overskrift} /> : somTekst(v, sp, t)}</dd>
          </div>
        ))}
      </dl>
    );
  }
  return <Paragraph data-size="sm">{verdi === null || verdi === undefined ? t("personvern.side.ingenting") : somTekst(verdi, sp, t)}</Paragraph>;
}

export default function MineData({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const sp = useMaalform();
  return (
    <div className="mine-data">
      <Heading level={1} data-size="lg">
        {t("personvern.side.tittel")}
      </Heading>
      <Paragraph>{t("personvern.side.ingress", { dato: `${formaterDato(d.laget, sp)} ${formaterKlokke(d.laget, sp)}` })}</Paragraph>
      <div className="knapperad ikke-utskrift">
        <SkrivUtKnapp tekst={t("personvern.side.skrivUt")} />
        <a href="/profil/data" download>
          {t("personvern.data.lenke")}
        </a>
      </div>
      {d.kilder.map(({ navn, verdi }) => {
        const nokkel = `personvern.kilde.${navn}`;
        return (
          <section key={navn} className="seksjon mine-data__kilde" aria-labelledby={`kilde-${navn}`} data-kilde={navn}>
            <Heading level={2} data-size="sm" id={`kilde-${navn}`}>
              {nokkel in nb ? t(`personvern.kilde.${navn}` as Nokkel) : somOrd(navn)}
            </Heading>
            <Verdi verdi={verdi} overskrift={`kilde-${navn}`} />
          </section>
        );
      })}
    </div>
  );
}
