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

const side = z.enum(["venstre", "hoyre"]);
const xPosisjon = z.number().int().min(-200).max(1480);
/** A person in a scene (names and places are checked against the film library by its tests). */
const filmPerson = z.strictObject({
  navn: tekst,
  x: xPosisjon,
  /** 0 = at the back of the floor, 1 = at the front. */
  dybde: z.number().min(0).max(1).default(0.5),
  inn: side.optional(),
  ut: side.optional(),
  /** Walks (or rolls) to this x, starting `ved` seconds into the scene. */
  til: xPosisjon.optional(),
  ved: z.number().min(0).max(60).optional(),
  sitter: z.boolean().default(false),
  pagulvet: z.boolean().default(false),
  /** Whom the person looks at when nobody speaks (a name in the scene). */
  ser: tekst.optional(),
  gest: z.enum(["vinker", "peker", "hand-pa-hjertet", "armer-ut"]).optional(),
});
const replikk = z.strictObject({ hvem: tekst, til: tekst.optional(), nb: tekst, nn: tekst });
export const filmManusSkjema = z.strictObject({
  id: stabilId,
  /** case: a situation acted out; forklaring: the law or a method, with pictograms. */
  type: z.enum(["case", "forklaring"]),
  tittel: toSpraak,
  beskrivelse: toSpraak,
  scener: z
    .array(
      z.strictObject({
        sted: stabilId,
        /** Minimum length in seconds; the scene grows to fit its lines. */
        varighet: z.number().min(1).max(40).optional(),
        personer: z.array(filmPerson).min(1, "en scene har minst én person"),
        /** Pictograms on the board (personalrom); new ones appear one by one. */
        tavle: z.array(stabilId).max(6).default([]),
        replikker: z.array(replikk).default([]),
        /** What is on screen, for the audio description track. */
        synstolking: toSpraak,
      }),
    )
    .min(3, "en film har minst tre scener"),
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

/**
 * A module's editorial life (content/moduler/<NN-slug>/utgaver.yaml, ADR 0034): its status, when a
 * scheduled module is published, and every edition with its change note. Times are Oslo wall-clock
 * time («2027-03-28T09:00», or a date alone for midnight). A module without the file is published,
 * with one edition dated by its `sistEndret`.
 */
export const MODUL_STATUS = ["utkast", "planlagt", "publisert", "trukket-tilbake"] as const;
export type ModulStatus = (typeof MODUL_STATUS)[number];
export const osloTid = z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/, "skriv tidspunktet som ÅÅÅÅ-MM-DD eller ÅÅÅÅ-MM-DDTTT:MM (norsk tid)");
export const utgaverSkjema = z
  .strictObject({
    status: z.enum(MODUL_STATUS),
    /** For `planlagt`: when the module appears for everyone (Oslo time). */
    publiseres: osloTid.optional(),
    /** For `planlagt`: a line the package front page may show before then, e.g. «Kommer våren 2027». */
    kommer: toSpraak.optional(),
    utgaver: z
      .array(
        z.strictObject({
          utgave: z.number().int().min(1),
          /** When this edition goes live (Oslo time). Edition 1 of a scheduled module: `publiseres`. */
          publisert: osloTid.optional(),
          /** A legal correction is shown to everyone at once, also to a samling in progress. */
          juridisk: z.boolean().default(false),
          /** «Hva er nytt» in both målformer; required from edition 2. */
          endringer: toSpraak.optional(),
        }),
      )
      .min(1, "minst én utgave"),
  })
  .superRefine((u, ctx) => {
    const feil = (message: string, path: PropertyKey[] = []) => ctx.addIssue({ code: "custom", message, path });
    if (u.status === "planlagt" && !u.publiseres) feil("en planlagt modul trenger publiseres: ÅÅÅÅ-MM-DDTTT:MM", ["publiseres"]);
    if (u.status !== "planlagt" && u.kommer) feil("kommer brukes bare for en planlagt modul", ["kommer"]);
    u.utgaver.forEach((g, i) => {
      if (g.utgave !== i + 1) feil(`utgavene skal være nummerert 1, 2, 3 … (fant ${g.utgave} på plass ${i + 1})`, ["utgaver", i, "utgave"]);
      if (i > 0 && !g.endringer) feil(`utgave ${g.utgave} mangler endringer (nb og nn)`, ["utgaver", i, "endringer"]);
      const planlagtForste = i === 0 && (u.status === "planlagt" || u.status === "utkast");
      if (!g.publisert && !planlagtForste) feil(`utgave ${g.utgave} mangler publisert`, ["utgaver", i, "publisert"]);
      const forrige = u.utgaver[i - 1]?.publisert;
      if (forrige && g.publisert && g.publisert < forrige) feil(`utgave ${g.utgave} er publisert før utgave ${g.utgave - 1}`, ["utgaver", i, "publisert"]);
    });
  });
export type UtgaverMeta = z.infer<typeof utgaverSkjema>;
