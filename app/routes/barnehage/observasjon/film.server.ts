import { tjenester } from "#app/tjenester.server.ts";
import type { Film } from "#app/domain/innhold/innhold.server.ts";

/** The calibration's case film from the content index (ADR 0028), whichever module holds it. */
export function filmEtterId(filmId: string): Film | undefined {
  for (const m of tjenester().innhold.moduler) {
    const f = m.filmer.get(filmId);
    if (f) return f;
  }
  return undefined;
}
