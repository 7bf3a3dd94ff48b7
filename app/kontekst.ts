import { createContext } from "react-router";
import type { Spraak } from "#app/domain/innhold/innhold.schema.ts";
import type { EierMedlemskap, Medlemskap } from "#app/auth/tilgang.ts";

/**
 * The signed-in person, as the rest of the app sees them. `tofaktor`: two-factor sign-in is
 * switched on for the account (read from the session's user on every request; ADR 0013).
 */
/** (`tofaktor` absent, as in tests that make an actor by hand, counts as switched off.) */
/** `redaktor`: has the editor role (ADR 0034); read only where it matters, by the editor's pages. */
export type Aktor = { id: string; navn: string; epost: string; tofaktor?: boolean; redaktor?: boolean };

/** Set by the root middleware for every request: the actor, or null when not signed in. */
export const aktorKontekst = createContext<Aktor | null>(null);
/** Set by the root middleware: the målform of this request. */
export const maalformKontekst = createContext<Spraak>("nb");
/**
 * Set by the barnehage layout's middleware: the actor's membership in the barnehage in the URL,
 * read from the database on this request (so a removal or role change counts at once).
 */
export const barnehageKontekst = createContext<Medlemskap | null>(null);
/**
 * Set by the owner layout's middleware: the actor's membership of the owner (eier) in the URL,
 * read from the database on this request (ADR 0014).
 */
export const eierKontekst = createContext<EierMedlemskap | null>(null);
