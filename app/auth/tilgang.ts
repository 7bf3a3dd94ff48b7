import type { Aktor } from "#app/kontekst.ts";

/**
 * The policy file: every access rule, by name, in one place. Routes and use cases ask
 * `kan(aktor, handling)`; `krev` throws a 404 (not 403) so nobody learns that a thing exists.
 * Roles inside barnehager (ansatt, leder, styrer, eier) arrive with the people issue.
 */
export type Handling = "les:offentlig-innhold" | "se:min-side";

const regler: Record<Handling, (aktor: Aktor | null) => boolean> = {
  "les:offentlig-innhold": () => true,
  "se:min-side": (aktor) => aktor !== null,
};

export function kan(aktor: Aktor | null, handling: Handling): boolean {
  return regler[handling](aktor);
}

export function krev(aktor: Aktor | null, handling: Handling): void {
  if (!kan(aktor, handling)) throw new Response("Ikke funnet", { status: 404 });
}
