/**
 * The owner's report as one model (issue 15, point 5): the results page, the CSV file and the PDF
 * are all drawn from it, so what one shows the others show, and the minimum of five (ADR 0023) is
 * applied once, in the use cases that fill it: a cell or row below the minimum is `null` here and
 * is never a number anywhere after. Pure: no database, no access checks.
 */
import { tallFormat } from "#app/i18n/i18n.ts";

export type Format = "tall" | "snitt" | "prosent";
/** A figure, or null: fewer than five answered (or a total that would reveal such a group). */
export type Celle = number | null;
export type Rapportrad = { navn: string; barnehageId: string | null; samlet: boolean; celler: Celle[] | null };
export type Rapporttabell = {
  id: string;
  del: "fremdrift" | "stasted" | "tilbakemelding";
  tittel: string;
  format: Format[];
  kolonner: string[];
  rader: Rapportrad[];
  /** For ståsted: one chart per area (column), bars per barnehage, on the scale 1–5. */
  diagram: boolean;
};
export type EierRapport = { eierNavn: string; barnehage: { id: string; navn: string } | null; tabeller: Rapporttabell[] };

/** Only one barnehage's rows, without the totals (they are about all of them): a report per barnehage. */
export function forBarnehage(rapport: EierRapport, barnehageId: string, navn: string): EierRapport {
  return {
    ...rapport,
    barnehage: { id: barnehageId, navn },
    tabeller: rapport.tabeller
      .map((t) => ({ ...t, rader: t.rader.filter((r) => !r.samlet && r.barnehageId === barnehageId) }))
      .filter((t) => t.rader.length > 0),
  };
}

/** A figure as the reader writes it: «4,0», «80 %», «3»; «for få svar» for a hidden one. */
export function formaterCelle(celle: Celle, format: Format, locale: string, forFa: string): string {
  if (celle === null) return forFa;
  if (format === "snitt") return tallFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(celle);
  if (format === "prosent") return tallFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(celle);
  return tallFormat(locale, { maximumFractionDigits: 0, useGrouping: false }).format(celle);
}

/** One CSV field: quoted when it holds the separator, a quote or a line break (RFC 4180). */
function felt(v: string): string {
  // A leading =, +, - or @ would be a formula in a spreadsheet: prefixed with ' (OWASP CSV injection).
  const trygg = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[";\r\n]/.test(trygg) ? `"${trygg.replaceAll('"', '""')}"` : trygg;
}

/**
 * The report as CSV for a spreadsheet in Norway: semicolon-separated (the comma is the decimal
 * sign), a BOM so Excel reads UTF-8 (æ, ø, å), CRLF line ends. One block per table: its title,
 * the header row, then one row per barnehage and the total; hidden cells say «for få svar».
 */
export function somCsv(rapport: EierRapport, tekst: { barnehage: string; forFa: string; tittel: string }, locale: string): string {
  const linjer: string[][] = [[tekst.tittel], []];
  for (const t of rapport.tabeller) {
    linjer.push([t.tittel]);
    linjer.push([tekst.barnehage, ...t.kolonner]);
    for (const r of t.rader) {
      linjer.push([r.navn, ...(r.celler ? r.celler.map((c, i) => formaterCelle(c, t.format[i]!, locale, tekst.forFa)) : t.kolonner.map(() => tekst.forFa))]);
    }
    linjer.push([]);
  }
  return `\uFEFF${linjer.map((l) => l.map(felt).join(";")).join("\r\n")}\r\n`;
}

/** A file name with the date only: nothing personal, no spaces. */
export function rapportFilnavn(eierNavn: string, barnehage: string | null, dato: string, endelse: "csv" | "pdf"): string {
  const slug = (s: string) =>
    s
      .normalize("NFKD")
      .toLowerCase()
      .replace(/æ/g, "ae")
      .replace(/ø/g, "o")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40) || "eier";
  return `samla-resultater-${slug(eierNavn)}${barnehage ? `-${slug(barnehage)}` : ""}-${dato}.${endelse}`;
}
