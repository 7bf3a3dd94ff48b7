/**
 * Pure rules for groups at a samling (ADR 0027): no database, no access checks.
 */

/** Sizes the leader may ask for when splitting automatically (the guides say 3–5; 2 for small teams). */
export const MIN_STORRELSE = 2;
export const MAKS_STORRELSE = 5;
/** At most this many groups (a form field and a projector page have to stay sensible). */
export const MAKS_GRUPPER = 20;

/**
 * Splits people into groups of at most `storrelse`: as few groups as that allows
 * (ceil(n / storrelse)), and sizes differ by at most one, larger groups first. So with size 4,
 * 7 people give 4 + 3 and 11 give 4 + 4 + 3; with size 2, four people give 2 + 2. The order is
 * shuffled first (the guides ask to mix avdelinger and roles); `tilfeldig` is injectable for tests.
 */
export function delIGrupper<T>(personer: readonly T[], storrelse: number, tilfeldig: () => number = Math.random): T[][] {
  if (!Number.isInteger(storrelse) || storrelse < 1) throw new RangeError("storrelse");
  const n = personer.length;
  if (n === 0) return [];
  const antall = Math.min(Math.ceil(n / storrelse), MAKS_GRUPPER);
  const blandet = [...personer];
  for (let i = blandet.length - 1; i > 0; i--) {
    const j = Math.floor(tilfeldig() * (i + 1));
    [blandet[i], blandet[j]] = [blandet[j]!, blandet[i]!];
  }
  const grupper: T[][] = Array.from({ length: antall }, () => []);
  blandet.forEach((p, i) => grupper[i % antall]!.push(p));
  return grupper;
}

/** The group numbers that have columns: every group of the grouping, and any older group that has a note. */
export function gruppenumre(antall: number, medNotat: readonly number[]): number[] {
  const alle = new Set<number>();
  for (let g = 1; g <= antall; g++) alle.add(g);
  for (const g of medNotat) if (g > 0) alle.add(g);
  return [...alle].sort((a, b) => a - b);
}
