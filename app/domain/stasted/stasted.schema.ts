import { z } from "zod";
import { HELTALL_MAKS } from "#app/domain/heltall.schema.ts";

/**
 * Zod schema for the ståsted instrument, content/stasted/instrument.yaml.
 *
 * The staff answer the same statements anonymously before (module 0) and after (module 7), and the
 * results are compared per statement and per area. That only holds if the statements stay fixed, so
 * the instrument is versioned content: a round stores `versjon` and always knows which statements it
 * used, and a statement id never gets a new meaning. «Vet ikke / vil ikke svare» is not a value on
 * the scale; it is counted, but never part of a mean.
 */

export const SKALA_VERDIER = [1, 2, 3, 4, 5] as const;
export type Skalaverdi = (typeof SKALA_VERDIER)[number];

export const MIN_UTSAGN = 20;
export const MAKS_UTSAGN = 30;
export const MIN_UTSAGN_PER_OMRADE = 3;
export const MAKS_UTSAGN_PER_OMRADE = 4;
/** Statements are read on a phone, many by people with Norwegian as a second language. */
export const MAKS_ORD_PER_UTSAGN = 20;

const antallOrd = (s: string) => s.split(/\s+/).filter(Boolean).length;

const tekst = z
  .string({ error: (i) => (i.input === undefined ? "mangler tekst" : "skal være tekst") })
  .trim()
  .min(1, "kan ikke være tom");
const toSpraak = z.strictObject({ nb: tekst, nn: tekst });
const kortTekst = tekst.refine((s) => antallOrd(s) <= MAKS_ORD_PER_UTSAGN, `høyst ${MAKS_ORD_PER_UTSAGN} ord`);
const stabilId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "bruk små bokstaver a–z, tall og bindestrek");

export const skalatrinnSkjema = z.strictObject({
  verdi: z.literal(SKALA_VERDIER, "verdien skal være 1, 2, 3, 4 eller 5"),
  nb: tekst,
  nn: tekst,
});
export type Skalatrinn = z.infer<typeof skalatrinnSkjema>;

export const omradeSkjema = z.strictObject({ id: stabilId, nb: tekst, nn: tekst });
export type Omrade = z.infer<typeof omradeSkjema>;

export const utsagnSkjema = z.strictObject({
  id: z.string().regex(/^u[0-9]{2}$/, "utsagns-id skal være u01, u02 …"),
  omrade: stabilId,
  nb: kortTekst,
  nn: kortTekst,
});
export type Utsagn = z.infer<typeof utsagnSkjema>;

export const tilbakemeldingsutsagnSkjema = z.strictObject({
  id: z.string().regex(/^t[0-9]$/, "id skal være t1, t2 …"),
  nb: kortTekst,
  nn: kortTekst,
});
export type Tilbakemeldingsutsagn = z.infer<typeof tilbakemeldingsutsagnSkjema>;

type Meld = (melding: string, sti: PropertyKey[]) => void;

/** Reports each id that occurs more than once, at the place of the repeat. */
function sjekkUnikeIder(liste: readonly unknown[], hva: string, sti: PropertyKey[], meld: Meld) {
  const sett = new Set<string>();
  liste.forEach((element, i) => {
    const id = idAv(element);
    if (id === undefined) return;
    if (sett.has(id)) meld(`${hva} «${id}» finnes mer enn én gang`, [...sti, i, "id"]);
    sett.add(id);
  });
}

function idAv(x: unknown): string | undefined {
  return typeof x === "object" && x !== null && typeof (x as { id?: unknown }).id === "string" ? (x as { id: string }).id : undefined;
}
const somListe = (x: unknown): readonly unknown[] => (Array.isArray(x) ? x : []);

export const instrumentSkjema = z
  .strictObject({
    versjon: z.number("versjon skal være et heltall").int("versjon skal være et heltall").min(1, "versjon starter på 1").max(HELTALL_MAKS, "versjon er for stor"),
    sistEndret: z.iso.date("skriv datoen som ÅÅÅÅ-MM-DD"),
    tittel: toSpraak,
    /** Information and consent text shown before the first statement; paragraphs separated by a blank line. */
    informasjon: toSpraak,
    skala: z.strictObject({
      trinn: z
        .array(skalatrinnSkjema)
        .length(SKALA_VERDIER.length, `skalaen skal ha ${SKALA_VERDIER.length} trinn`)
        .refine((trinn) => trinn.every((t, i) => t.verdi === SKALA_VERDIER[i]), "trinnene skal ha verdiene 1, 2, 3, 4, 5 i denne rekkefølgen"),
      vetIkke: toSpraak,
    }),
    omrader: z.array(omradeSkjema).min(1, "minst ett område"),
    utsagn: z
      .array(utsagnSkjema)
      .min(MIN_UTSAGN, `minst ${MIN_UTSAGN} utsagn`)
      .max(MAKS_UTSAGN, `høyst ${MAKS_UTSAGN} utsagn`),
    modulTilbakemelding: z.strictObject({
      utsagn: z.array(tilbakemeldingsutsagnSkjema).length(3, "tilbakemeldingen etter en modul har tre utsagn"),
      fritekst: toSpraak,
    }),
  })
  // The cross-checks run even when a field above is invalid, so one run lists every problem.
  .superRefine(
    (instrument, ctx) => {
      const meld: Meld = (message, path) => ctx.addIssue({ code: "custom", message, path });
      const omrader = somListe(instrument.omrader);
      const utsagn = somListe(instrument.utsagn);
      sjekkUnikeIder(omrader, "områdeid", ["omrader"], meld);
      sjekkUnikeIder(utsagn, "utsagnsid", ["utsagn"], meld);
      sjekkUnikeIder(somListe(instrument.modulTilbakemelding?.utsagn), "id", ["modulTilbakemelding", "utsagn"], meld);

      const perOmrade = new Map<string, number>();
      for (const o of omrader) {
        const id = idAv(o);
        if (id !== undefined) perOmrade.set(id, 0);
      }
      utsagn.forEach((u, i) => {
        const omrade = typeof u === "object" && u !== null ? (u as { omrade?: unknown }).omrade : undefined;
        if (typeof omrade !== "string") return;
        const antall = perOmrade.get(omrade);
        if (antall === undefined) meld(`området «${omrade}» finnes ikke i omrader`, ["utsagn", i, "omrade"]);
        else perOmrade.set(omrade, antall + 1);
      });
      omrader.forEach((o, i) => {
        const id = idAv(o);
        const antall = id === undefined ? undefined : perOmrade.get(id);
        if (antall === undefined || (antall >= MIN_UTSAGN_PER_OMRADE && antall <= MAKS_UTSAGN_PER_OMRADE)) return;
        meld(`området «${id}» har ${antall} utsagn, men skal ha ${MIN_UTSAGN_PER_OMRADE}–${MAKS_UTSAGN_PER_OMRADE}`, ["omrader", i]);
      });
    },
    { when: (p) => typeof p.value === "object" && p.value !== null },
  );
export type Instrument = z.infer<typeof instrumentSkjema>;

/**
 * Validates parsed YAML and returns every problem as «sti: melding» in Norwegian. Zod's built-in
 * messages (for example an unknown key) use its Norwegian locale; ours are written above.
 */
export function validerInstrument(data: unknown): { instrument: Instrument; problemer: [] } | { instrument?: undefined; problemer: string[] } {
  const r = instrumentSkjema.safeParse(data, { error: z.locales.no().localeError });
  if (r.success) return { instrument: r.data, problemer: [] };
  return { problemer: r.error.issues.map((i) => `${i.path.map(String).join(".") || "instrumentet"}: ${i.message}`) };
}

/* ---------- Forms for rounds (issue 6). Messages are i18n keys, shown in the reader's målform. ---------- */

export const FASER = ["for", "underveis", "etter"] as const;
const dato = z.iso.date("stasted.feil.dato");

export const nyRundeSkjema = z
  .object({
    intent: z.literal("opprett"),
    fase: z.enum(FASER, "stasted.feil.fase"),
    malgruppe: z.string().trim().min(1, "stasted.feil.malgruppe").max(100, "stasted.feil.malgruppe"),
    apner: dato,
    lukker: dato,
  })
  .refine((r) => r.lukker >= r.apner, { message: "stasted.feil.lukkerForApner", path: ["lukker"] });

/** One answer: a scale value 1–5, or 0 for «vet ikke / vil ikke svare». */
const svarverdi = z.enum(["0", "1", "2", "3", "4", "5"]).transform(Number);

export const rundeSkjema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("svar"), samtykke: z.literal("ja", "stasted.feil.samtykke") }).catchall(z.string()),
    z.object({ intent: z.literal("trekk"), kvittering: z.string().trim().min(1, "stasted.feil.kvittering").max(40, "stasted.feil.kvittering") }),
    z.object({ intent: z.literal("lukk") }),
  ],
  "konto.feil.ukjent",
);

/** Reads the answers (fields named by statement id) from a posted answer form; unknown ids and empty answers are left out. */
export function lesSvarene(felt: Record<string, string>, utsagnIder: string[]): { utsagnId: string; verdi: number }[] {
  return utsagnIder.flatMap((id) => {
    const r = svarverdi.safeParse(felt[id]);
    return r.success ? [{ utsagnId: id, verdi: r.data }] : [];
  });
}

export const onsketSkjema = z.object({
  tekst: z.string().trim().min(1, "stasted.feil.onsketTom").max(3000, "stasted.feil.onsketLang"),
});
