import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { planSakerSkjema, type PlanSak } from "./planovelse.schema.ts";

/** Where the practice cases live, relative to the content root (content/). */
export const SAKER_FIL = "planovelser/saker.yaml";

/** Reads and validates the fictional cases for plan practice; throws with every problem listed. */
export async function lesPlanSaker(rot: string): Promise<PlanSak[]> {
  const kilde = await readFile(path.join(rot, SAKER_FIL), "utf8");
  const resultat = planSakerSkjema.safeParse(parseYaml(kilde));
  if (!resultat.success) {
    throw new Error(`${SAKER_FIL} har feil:\n${resultat.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`).join("\n")}`);
  }
  return resultat.data.saker;
}

let sakerPromise: Promise<PlanSak[]> | undefined;
/** The cases from content/, read once per process (content is read-only, like the instrument). */
export function planSaker(): Promise<PlanSak[]> {
  sakerPromise ??= lesPlanSaker(path.resolve("content"));
  return sakerPromise;
}

export async function planSak(id: string): Promise<PlanSak | undefined> {
  return (await planSaker()).find((s) => s.id === id);
}
