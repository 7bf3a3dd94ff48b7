import { z } from "zod";

/** The questions of the guided form, in the order the routine uses them. */
export const RUTINE_FELT = ["meldeTil", "meldeFrist", "undersokerHvem", "undersokerHvordan", "planSkriver", "arkiv", "ledelsen", "opplaering"] as const;
export type RutineFelt = (typeof RUTINE_FELT)[number];
export type RutineSvar = Record<RutineFelt, string>;

const svarFelt = z
  .string({ error: "rutine.feil.tom" })
  .trim()
  .min(1, "rutine.feil.tom")
  .max(2000, "rutine.feil.lang")
  .transform((s) => s.normalize("NFC").replace(/\r\n?/g, "\n"));

/** YYYY-MM-DD and a real day (not 31 February). */
export function erKalenderdato(d: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return false;
  const dato = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(dato.getTime()) && dato.toISOString().slice(0, 10) === d;
}

/** The styrer's answers and the adoption date, as posted (no JavaScript needed). */
export const rutineSkjema = z.object({
  meldeTil: svarFelt,
  meldeFrist: svarFelt,
  undersokerHvem: svarFelt,
  undersokerHvordan: svarFelt,
  planSkriver: svarFelt,
  arkiv: svarFelt,
  ledelsen: svarFelt,
  opplaering: svarFelt,
  vedtatt: z.string({ error: "rutine.feil.dato" }).refine(erKalenderdato, "rutine.feil.dato"),
});
export type RutineInput = z.infer<typeof rutineSkjema>;

/** Stored answers, read back (an unknown or missing key is an empty answer, never a crash). */
export function lesSvar(json: string): RutineSvar {
  let data: Record<string, unknown> = {};
  try {
    data = JSON.parse(json) as Record<string, unknown>;
  } catch {
    data = {};
  }
  return Object.fromEntries(RUTINE_FELT.map((f) => [f, typeof data[f] === "string" ? data[f] : ""])) as RutineSvar;
}
