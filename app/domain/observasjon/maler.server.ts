import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { malerSkjema, type Maler } from "./maler.schema.ts";

/** Where the templates live, relative to the content root (content/). */
export const MALER_FIL = "observasjon/maler.yaml";

/** Reads and validates the observation templates; a broken file stops the start and the tests. */
export async function lesMaler(rot: string): Promise<Maler> {
  const kilde = await readFile(path.join(rot, MALER_FIL), "utf8");
  const r = malerSkjema.safeParse(parseYaml(kilde));
  if (!r.success) throw new Error(`Observasjonsmalene (${MALER_FIL}) har feil:\n${r.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`).join("\n")}`);
  return r.data;
}

let malene: Promise<Maler> | undefined;
/** The templates of this process (content is read once; it never changes while running). */
export function maler(): Promise<Maler> {
  malene ??= lesMaler(path.resolve("content"));
  return malene;
}
