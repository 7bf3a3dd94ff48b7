import type { Aktor } from "#app/kontekst.ts";
import type { Rolle } from "./roller.ts";

/**
 * The policy file: every access rule, by name, in one place. Routes and use cases ask
 * `kan(aktor, handling, medlemskap)`; `krev` throws a 404 (not 403) so nobody learns that a thing
 * exists. The membership is read from the database on every request (barnehage middleware), so a
 * removed member or a changed role counts from the next request.
 */
export type Handling =
  | "les:offentlig-innhold"
  | "se:min-side"
  | "opprett:barnehage"
  | "se:barnehage"
  | "les:lederstotte"
  | "endre:medlemmer"
  | "inviter"
  | "les:revisjonslogg"
  | "se:team"
  | "endre:team"
  | "endre:teammedlemmer"
  // Module feedback (ADR 0019)
  | "svar:tilbakemelding"
  | "se:tilbakemelding"
  | "les:tilbakemelding-fritekst";

/** The actor's membership in the barnehage the request is about (null: not a member). */
export type Medlemskap = { barnehageId: string; barnehageNavn: string; medlemId: string; rolle: Rolle };

type Regel = (aktor: Aktor | null, medlemskap: Medlemskap | null) => boolean;
const erMedlem: Regel = (a, m) => a !== null && m !== null;
const harRolle =
  (...roller: Rolle[]): Regel =>
  (a, m) =>
    erMedlem(a, m) && roller.includes(m!.rolle);

const regler: Record<Handling, Regel> = {
  "les:offentlig-innhold": () => true,
  "se:min-side": (aktor) => aktor !== null,
  "opprett:barnehage": (aktor) => aktor !== null,
  "se:barnehage": erMedlem,
  "les:lederstotte": harRolle("leder", "styrer"),
  "endre:medlemmer": harRolle("styrer"),
  inviter: harRolle("styrer"),
  "les:revisjonslogg": harRolle("styrer"),
  // Teams (ADR 0011): every member sees them; the styrer creates, renames and deletes them;
  // a pedagogisk leder runs an avdeling day to day, so leder and styrer decide who is in it.
  "se:team": erMedlem,
  "endre:team": harRolle("styrer"),
  "endre:teammedlemmer": harRolle("leder", "styrer"),
  // Module feedback (ADR 0019): every member answers for themselves; leder and styrer see the
  // aggregates (only at ≥ 5 answers); only the styrer reads the free texts, never an eier.
  "svar:tilbakemelding": erMedlem,
  "se:tilbakemelding": harRolle("leder", "styrer"),
  "les:tilbakemelding-fritekst": harRolle("styrer"),
};

export function kan(aktor: Aktor | null, handling: Handling, medlemskap: Medlemskap | null = null): boolean {
  return regler[handling](aktor, medlemskap);
}

export function krev(aktor: Aktor | null, handling: Handling, medlemskap: Medlemskap | null = null): void {
  if (!kan(aktor, handling, medlemskap)) throw ikkeFunnet();
}

/** The one "not found" response; used for missing things and for things the actor may not see. */
export function ikkeFunnet(): Response {
  return new Response("Ikke funnet", { status: 404 });
}
