import { z } from "zod";

/** Zod schema for content/observasjon/maler.yaml (ADR 0035): the templates, in nb and nn. */
const perSpraak = z.object({ nb: z.string().min(1), nn: z.string().min(1) });
const id = z.string().regex(/^[a-z0-9-]+$/);

export const malerSkjema = z
  .object({
    kategorier: z.array(z.object({ id, tittel: perSpraak, hjelp: perSpraak })).min(1),
    maler: z.array(z.object({ id, tittel: perSpraak, sporsmal: perSpraak })).min(1),
    kalibrering: z.object({
      film: z.string().min(1),
      utsagn: z.array(z.object({ id, kategori: id, tekst: perSpraak })).min(1),
    }),
  })
  .superRefine((m, ctx) => {
    const kategorier = new Set(m.kategorier.map((k) => k.id));
    for (const u of m.kalibrering.utsagn) {
      if (!kategorier.has(u.kategori)) ctx.addIssue({ code: "custom", message: `utsagnet ${u.id} har en ukjent kategori: ${u.kategori}` });
    }
    for (const [navn, liste] of [["kategorier", m.kategorier], ["maler", m.maler], ["utsagn", m.kalibrering.utsagn]] as const) {
      const ider = liste.map((x) => x.id);
      if (new Set(ider).size !== ider.length) ctx.addIssue({ code: "custom", message: `${navn} har samme id to ganger` });
    }
    if (m.maler.some((x) => x.id === FILM_MAL)) ctx.addIssue({ code: "custom", message: `malen kan ikke hete ${FILM_MAL}` });
  });

export type Maler = z.infer<typeof malerSkjema>;
export type Kategori = Maler["kategorier"][number];
export type Utsagn = Maler["kalibrering"]["utsagn"][number];

/** The template id of a calibration observation of the case film. */
export const FILM_MAL = "film";
