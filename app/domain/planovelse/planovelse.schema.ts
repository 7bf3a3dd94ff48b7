import { z } from "zod";
import type { PlanUtkast } from "./plansjekk.ts";

const tekst = z.string().trim().min(1);
const tiltakSkjema = z.strictObject({ tekst, ansvarlig: z.string().trim() });
/** A plan written as text, as in the module (no dates: the cases use week numbers). */
const planTekstSkjema = z.strictObject({
  problem: tekst,
  tiltak: z.array(tiltakSkjema).min(1),
  naar: tekst,
  evaluering: tekst,
});
const toSpraak = <T extends z.ZodType>(s: T) => z.strictObject({ nb: s, nn: s });

export const planSakSkjema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  modul: z.string().regex(/^m[0-9]$/),
  /** Where in the module the case is discussed (an anchor on the module page). */
  anker: z.string().regex(/^[a-z0-9-]+$/),
  tittel: toSpraak(tekst),
  sak: toSpraak(tekst),
  /** The weak plan the practice starts from. */
  utgangspunkt: toSpraak(planTekstSkjema),
  /** The package's model plan to compare with. */
  modell: toSpraak(planTekstSkjema),
});
export type PlanSak = z.infer<typeof planSakSkjema>;
export type PlanTekst = z.infer<typeof planTekstSkjema>;

export const planSakerSkjema = z.strictObject({ saker: z.array(planSakSkjema).min(1) });

/** At most this many measures in a plan (the form shows empty rows up to it). */
export const MAKS_TILTAK = 8;
const felt = z.string().catch("").default("").transform((s) => s.slice(0, 4000).normalize("NFC"));

/**
 * The practice form as posted (no JavaScript): fields a–e, measures as tiltak-1 … tiltak-N with
 * ansvarlig-1 … ansvarlig-N. Nothing is stored: the server only runs the check and shows it.
 */
export const planSkjema = z
  .looseObject({ problem: felt, fra: felt, naar: felt, evalueres: felt, evaluering: felt })
  .transform((data): PlanUtkast => {
    const tiltak = [];
    for (let i = 1; i <= MAKS_TILTAK; i++) {
      const t = data[`tiltak-${i}`];
      const a = data[`ansvarlig-${i}`];
      tiltak.push({ tekst: typeof t === "string" ? t.slice(0, 4000).normalize("NFC") : "", ansvarlig: typeof a === "string" ? a.slice(0, 400).normalize("NFC") : "" });
    }
    while (tiltak.length > 0 && tiltak.at(-1)!.tekst === "" && tiltak.at(-1)!.ansvarlig === "") tiltak.pop();
    return { problem: data.problem, fra: data.fra, naar: data.naar, evalueres: data.evalueres, evaluering: data.evaluering, tiltak };
  });

/** A text plan from the package as a draft for the editor. */
export function somUtkast(plan: PlanTekst): PlanUtkast {
  return { problem: plan.problem, tiltak: plan.tiltak, fra: "", naar: plan.naar, evalueres: "", evaluering: plan.evaluering };
}
