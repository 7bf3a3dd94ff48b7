import { z } from "zod";
import type { Maler } from "./maler.schema.ts";
import { FILM_MAL } from "./maler.schema.ts";

/** Form schemas for practice periods and observations (ADR 0035). Messages are i18n keys. */
export const MAKS_KORT = 200;
export const MAKS_LANG = 3000;
/** How long observations are kept after the practice period ends (stated on the pages). */
export const OBSERVASJON_LAGRINGSDAGER = 14;
/** A practice period is at most this many days long. */
export const MAKS_PERIODE_DAGER = 92;

const dato = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "observasjon.feil.dato").refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "observasjon.feil.dato");
const id = z.string().min(1, "konto.feil.ukjent").max(100, "konto.feil.ukjent");

export const periodeSkjema = z.discriminatedUnion(
  "intent",
  [
    z
      .object({ intent: z.literal("ny-periode"), fra: dato, til: dato })
      .refine((p) => p.til >= p.fra, { message: "observasjon.feil.tilForFra", path: ["til"] })
      .refine((p) => (Date.parse(p.til) - Date.parse(p.fra)) / 86_400_000 <= MAKS_PERIODE_DAGER, { message: "observasjon.feil.forLangPeriode", path: ["til"] }),
    z.object({ intent: z.literal("slett-periode"), periodeId: id }),
  ],
  "konto.feil.ukjent",
);

export const observasjonHandlingSkjema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("del"), id }),
    z.object({ intent: z.literal("slutt-dele"), id }),
    z.object({ intent: z.literal("slett"), id }),
    z.object({ intent: z.literal("slett-periode") }),
  ],
  "konto.feil.ukjent",
);

const kort = z.string().trim().max(MAKS_KORT, "observasjon.feil.forLang");
const lang = z.string().trim().max(MAKS_LANG, "observasjon.feil.forLang");

/** The field name of a category's text, and of a film statement's answer. */
export const kategoriFelt = (kategoriId: string) => `kategori-${kategoriId}`;
export const valgFelt = (utsagnId: string) => `valg-${utsagnId}`;

/**
 * The observation form, built from the templates: time, place and situation, one text per
 * category, and (for the case film) one answer per statement. Missing text is empty.
 */
export function observasjonSkjema(maler: Maler) {
  const felter: Record<string, z.ZodType> = {
    id: id.optional(),
    malId: z.enum([FILM_MAL, ...maler.maler.map((m) => m.id)] as [string, ...string[]], "konto.feil.ukjent"),
    naar: kort.default(""),
    sted: kort.default(""),
    situasjon: lang.default(""),
  };
  for (const k of maler.kategorier) felter[kategoriFelt(k.id)] = lang.default("");
  for (const u of maler.kalibrering.utsagn) felter[valgFelt(u.id)] = z.enum(["ja", "nei", "usikker"], "konto.feil.ukjent").optional();
  return z.object(felter);
}
