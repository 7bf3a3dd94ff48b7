/** Pure rules of the action repertoire (ADR 0035). */

/**
 * A text that goes inside the sentence «Når vi ser …, gjør vi …»: a first word written with a
 * capital («Vi går bort») starts with a small letter there; names never appear (the name check).
 */
export function iSetning(tekst: string): string {
  return /^\p{Lu}\p{Ll}/u.test(tekst) ? tekst[0]!.toLocaleLowerCase("nb-NO") + tekst.slice(1) : tekst;
}
