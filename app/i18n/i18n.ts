import { nb, type Nokkel } from "./nb.ts";
import { nn } from "./nn.ts";
import type { Spraak } from "#app/domain/innhold/innhold.schema.ts";

export type { Nokkel };
export type Oversetter = (nokkel: Nokkel, verdier?: Record<string, string | number>) => string;

const ordbok = { nb, nn } as const;

/**
 * The translate function for one målform. Unknown {placeholders} are left as they are. A count
 * chooses its word with {navn|entall|flertall}, e.g. "{antall} {antall|medlem|medlemer}", so
 * «1 medlem» and «3 medlemer» come from one key in both målformer (see flertall).
 */
export function oversetter(spraak: Spraak): Oversetter {
  const meldinger = ordbok[spraak];
  return (nokkel, verdier) => {
    const tekst: string = meldinger[nokkel];
    if (!verdier) return tekst;
    return tekst
      .replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (hele, navn: string, en: string, flere: string) =>
        navn in verdier ? flertall(spraak, verdier[navn]!, en, flere) : hele,
      )
      .replace(/\{(\w+)\}/g, (hele, navn: string) => (navn in verdier ? String(verdier[navn]) : hele));
  };
}

const flertallsregler = new Map<Spraak, Intl.PluralRules>();
/**
 * The one plural helper: the singular for a count of one, otherwise the plural, by the CLDR rules
 * for nb-NO and nn-NO. The count may be a number or a number already formatted («1 234»).
 */
export function flertall(spraak: Spraak, antall: number | string, entall: string, flertallsform: string): string {
  const n = typeof antall === "number" ? antall : Number(String(antall).replace(/[\s\u00a0\u202f]/g, "").replace(",", "."));
  let regler = flertallsregler.get(spraak);
  if (!regler) flertallsregler.set(spraak, (regler = new Intl.PluralRules(intlSprak(spraak))));
  return Number.isFinite(n) && regler.select(n) === "one" ? entall : flertallsform;
}

export function erSpraak(verdi: unknown): verdi is Spraak {
  return verdi === "nb" || verdi === "nn";
}

/** BCP 47 tag for Intl: nb-NO or nn-NO. */
export function intlSprak(spraak: Spraak) {
  return spraak === "nn" ? "nn-NO" : "nb-NO";
}

const datoFormater = new Map<string, Intl.DateTimeFormat>();
const tallFormater = new Map<string, Intl.NumberFormat>();
/**
 * An Intl.DateTimeFormat made once per locale and options. Making one costs far more than using
 * it (it was a tenth of the CPU time of a signed-in page under load; docs/benchmarks.md).
 */
export function datoFormat(locale: string, valg: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const nokkel = `${locale}|${JSON.stringify(valg)}`;
  let f = datoFormater.get(nokkel);
  if (!f) datoFormater.set(nokkel, (f = new Intl.DateTimeFormat(locale, valg)));
  return f;
}
/** The same for Intl.NumberFormat. */
export function tallFormat(locale: string, valg: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const nokkel = `${locale}|${JSON.stringify(valg)}`;
  let f = tallFormater.get(nokkel);
  if (!f) tallFormater.set(nokkel, (f = new Intl.NumberFormat(locale, valg)));
  return f;
}

/**
 * THE date helper: every date a person reads goes through here, so no page shows an ISO date.
 * A calendar date (YYYY-MM-DD) or an instant (ISO timestamp or Date, shown in Oslo time), the
 * Norwegian way: «26. november 2026».
 */
export function formaterDato(verdi: string | Date, spraak: Spraak) {
  if (typeof verdi === "string" && /^\d{4}-\d{2}-\d{2}$/.test(verdi)) {
    return datoFormat(intlSprak(spraak), { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${verdi}T00:00:00Z`));
  }
  return datoFormat(intlSprak(spraak), { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Oslo" }).format(new Date(verdi));
}

/** The time of day of an instant in Oslo, «14:32», e.g. for «Lagret kl. 14:32». */
export function formaterKlokke(verdi: string | Date, spraak: Spraak) {
  return datoFormat(intlSprak(spraak), { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "Europe/Oslo" }).format(new Date(verdi));
}
