import { z } from "zod";

/** Zod schemas for content frontmatter. The format is described in docs/innhold.md. */

export const SPRAAK = ["nb", "nn"] as const;
export type Spraak = (typeof SPRAAK)[number];

const stabilId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "bruk små bokstaver a–z, tall og bindestrek");
const dato = z.iso.date("skriv datoen som ÅÅÅÅ-MM-DD");
const tekst = z.string().trim().min(1, "kan ikke være tom");
const toSpraak = z.object({ nb: tekst, nn: tekst });

export const modulMetaSkjema = z.strictObject({
  id: z.string().regex(/^m[0-9]$/, "modul-id skal være m0 … m9"),
  nummer: z.number().int().min(0).max(9),
  slug: stabilId,
  tittel: tekst,
  ingress: tekst,
  sistEndret: dato,
  tidsbruk: tekst,
  mal: z.array(tekst).min(2, "minst to mål").max(5, "høyst fem mål"),
  filmer: z.array(stabilId).min(1, "minst én film"),
});
export type ModulMeta = z.infer<typeof modulMetaSkjema>;

export const STEG_TYPER = [
  "innledning",
  "film",
  "individuelt",
  "gruppe",
  "plenum",
  "avtale",
  "tilbakemelding",
  "pause",
] as const;
export type StegType = (typeof STEG_TYPER)[number];

export const samlingsstegSkjema = z.strictObject({
  id: stabilId,
  type: z.enum(STEG_TYPER),
  minutter: z.number().int().min(1, "minst 1 minutt").max(60),
  tittel: tekst,
  beskrivelse: tekst,
  aktivitet: stabilId.optional(),
  film: stabilId.optional(),
});
export type Samlingssteg = z.infer<typeof samlingsstegSkjema>;

export const lederMetaSkjema = z
  .strictObject({
    modul: z.string().regex(/^m[0-9]$/),
    sistEndret: dato,
    varighet: z.number().int().min(30).max(240),
    samlingsplan: z.array(samlingsstegSkjema).min(3, "en samlingsplan har minst tre steg"),
  })
  .refine((m) => m.samlingsplan.reduce((s, steg) => s + steg.minutter, 0) === m.varighet, {
    message: "varighet må være summen av minuttene i samlingsplanen",
    path: ["varighet"],
  });
export type LederMeta = z.infer<typeof lederMetaSkjema>;

export const sideMetaSkjema = z.object({
  id: stabilId.optional(),
  tittel: tekst,
  ingress: tekst.optional(),
  sistEndret: dato,
});
export type SideMeta = z.infer<typeof sideMetaSkjema>;

export const filmManusSkjema = z.strictObject({
  id: stabilId,
  tittel: toSpraak,
  beskrivelse: toSpraak,
  scener: z
    .array(
      z.strictObject({
        skjerm: z.object({ nb: tekst.max(60), nn: tekst.max(60) }),
        tale: toSpraak,
        synstolking: toSpraak.optional(),
      }),
    )
    .min(2, "en film har minst to scener"),
});
export type FilmManus = z.infer<typeof filmManusSkjema>;

export const AKTIVITET_TYPER = ["diskusjon", "refleksjon", "utproving", "observasjon", "case"] as const;
export type AktivitetType = (typeof AKTIVITET_TYPER)[number];

const minutter = z.coerce.number().int().min(1).max(90);
export const aktivitetAttrSkjema = z.discriminatedUnion("type", [
  z.strictObject({
    id: stabilId,
    type: z.literal("diskusjon"),
    individuelt: minutter,
    gruppe: minutter,
    plenum: minutter,
  }),
  z.strictObject({
    id: stabilId,
    type: z.enum(["refleksjon", "utproving", "observasjon", "case"]),
    minutter: minutter.optional(),
  }),
]);

/**
 * The stored statute text (content/lov/barnehageloven-kap8.nb.md). Every block (a § title or a
 * ledd) has a `kontroll` entry saying which public sources quote it word for word: «bekreftet»
 * needs two, «en-kilde» one, and «ubekreftet» none but a note saying where the wording comes from.
 */
export const LOVKONTROLL_STATUS = ["bekreftet", "en-kilde", "ubekreftet"] as const;
const lovkontrollSkjema = z
  .strictObject({
    status: z.enum(LOVKONTROLL_STATUS),
    kilder: z.array(z.url({ protocol: /^https?$/, error: "kilden skal være en nettadresse" })),
    merknad: tekst.optional(),
  })
  .refine((k) => (k.status === "bekreftet" ? k.kilder.length >= 2 : k.status === "en-kilde" ? k.kilder.length === 1 : k.kilder.length === 0 && !!k.merknad), {
    message: "«bekreftet» krever minst to kilder, «en-kilde» én, og «ubekreftet» ingen kilder, men en merknad",
  });
export type Lovkontroll = z.infer<typeof lovkontrollSkjema>;

export const lovtekstMetaSkjema = z.strictObject({
  lov: tekst,
  kapittel: tekst,
  kilde: z.url({ protocol: /^https$/ }).refine((u) => u.startsWith("https://lovdata.no/"), "kilden skal være Lovdata"),
  iKraft: dato,
  hentet: dato,
  opphav: tekst.refine((t) => t.includes("åndsverkloven § 14"), "skal si at lovteksten er sitert etter åndsverkloven § 14"),
  nynorsk: tekst,
  ufullstendig: tekst.optional(),
  mangler: z.record(z.string().regex(/^p4[123]$/), tekst).default({}),
  kontroll: z.record(stabilId, lovkontrollSkjema),
});
export type LovtekstMeta = z.infer<typeof lovtekstMetaSkjema>;
