import { oversetter, type Nokkel } from "#app/i18n/i18n.ts";
import type { Spraak } from "#app/domain/innhold/innhold.schema.ts";
import type { SkjemaFeil } from "#app/components/skjema.ts";

/** Form errors as text in the reader's målform (the name check names the word it found). */
export function feilTekster(sp: Spraak, feil: SkjemaFeil): Record<string, string> {
  const t = oversetter(sp);
  return Object.fromEntries(Object.entries(feil).map(([k, v]) => [k, t(v as Nokkel)]));
}

export function navneFeil(sp: Spraak, felt: string, navn: string): Record<string, string> {
  return { [felt]: oversetter(sp)("observasjon.feil.navn", { navn }) };
}
