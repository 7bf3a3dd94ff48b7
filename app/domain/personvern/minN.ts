/**
 * The one rule for small groups (DESIGN.md «≥ 5 answers», ADR 0008, 0019, 0023), pure: no
 * database, no access checks. Every aggregation of answers or shares calls it.
 *
 * 1. A group (a round, a statement, an area, a team, a barnehage) is shown on its own only when at
 *    least MIN_SVAR people are in it.
 * 2. Complementary suppression: a total is made of the parts that are shown on their own, never of
 *    hidden ones. So «total minus the parts you can see» is always zero, whoever looks and whatever
 *    they can see of the parts; a hidden group can never be recovered by subtraction.
 * 3. A total with no part that is shown is itself hidden (it would consist of hidden groups only).
 */
export const MIN_SVAR = 5;

/** Whether a group of this many people may be shown on its own. */
export function vises(antall: number): boolean {
  return antall >= MIN_SVAR;
}

/** A part of a total: how many people it is about, whether it is shown on its own, and its figures. */
export type Del<T> = { antall: number; vist: boolean; verdi: T };
/** A total of the shown parts only; `deler` is how many parts it was made of. */
export type Total<T> = { antall: number; vist: boolean; verdi: T | null; deler: number };

/**
 * Adds up the parts that are shown on their own (rule 2) with `legg`. The total is shown when at
 * least one part is in it and it reaches the minimum (rule 3); otherwise it has no figures.
 */
export function synligTotal<T>(deler: readonly Del<T>[], legg: (a: T, b: T) => T): Total<T> {
  const med = deler.filter((d) => d.vist && vises(d.antall));
  if (med.length === 0) return { antall: 0, vist: false, verdi: null, deler: 0 };
  const antall = med.reduce((s, d) => s + d.antall, 0);
  const verdi = med.slice(1).reduce((s, d) => legg(s, d.verdi), med[0]!.verdi);
  return vises(antall) ? { antall, vist: true, verdi, deler: med.length } : { antall: 0, vist: false, verdi: null, deler: 0 };
}

/** Adds two lists of counts element by element (distributions). */
export function leggTellinger<T extends readonly number[]>(a: T, b: T): T {
  return a.map((x, i) => x + (b[i] ?? 0)) as unknown as T;
}
