import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { validerInstrument, type Instrument } from "./stasted.schema.ts";

/** Where the instrument lives, relative to the content root (content/). */
export const INSTRUMENT_FIL = "stasted/instrument.yaml";

export class InstrumentFeil extends Error {
  readonly problemer: string[];
  constructor(problemer: string[]) {
    super(`Ståstedsinstrumentet (${INSTRUMENT_FIL}) har ${problemer.length} feil:\n${problemer.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "InstrumentFeil";
    this.problemer = problemer;
  }
}

/**
 * Reads and validates the ståsted instrument from the content root, so a broken statement list
 * stops the start-up and the tests instead of reaching a round. Throws InstrumentFeil listing
 * every problem in Norwegian.
 */
export async function lesInstrument(rot: string): Promise<Instrument> {
  const kilde = await readFile(path.join(rot, INSTRUMENT_FIL), "utf8").catch(() => undefined);
  if (kilde === undefined) throw new InstrumentFeil(["fila mangler"]);
  let data: unknown;
  try {
    data = parseYaml(kilde);
  } catch (feil) {
    throw new InstrumentFeil([`ugyldig YAML: ${(feil as Error).message}`]);
  }
  const { instrument, problemer } = validerInstrument(data);
  if (!instrument) throw new InstrumentFeil(problemer);
  return instrument;
}
