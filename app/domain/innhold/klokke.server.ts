import { readFileSync } from "node:fs";

/**
 * The clock that decides what is published (ADR 0034). In production: the real time. In tests,
 * SAMLA_TESTKLOKKE names a file holding an ISO instant (env.server.ts refuses it outside
 * localhost), so an end-to-end test can move «now» past a scheduled minute without a restart.
 */
let testklokke: string | undefined;

export function brukTestklokke(fil: string | undefined) {
  testklokke = fil;
}

export function naa(): Date {
  if (testklokke) {
    const tekst = (() => {
      try {
        return readFileSync(testklokke, "utf8").trim();
      } catch {
        return "";
      }
    })();
    const d = new Date(tekst);
    if (tekst && !Number.isNaN(d.getTime())) return d;
  }
  return new Date();
}
