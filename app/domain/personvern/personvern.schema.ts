import { z } from "zod";

/**
 * The «delete my account» form. A password account confirms with its password; an account that
 * only signs in with SSO has no password and types the word SLETT instead. Messages are i18n keys.
 */
export const SLETT_ORD = "SLETT";

export const slettKontoSkjema = z.object({
  passord: z.string().max(128, "personvern.slett.feil.passord").optional(),
  bekreft: z.string().trim().max(20, "personvern.slett.feil.ord").optional(),
});

/** Whether the typed word is SLETT (any case, surrounding spaces ignored); nynorsk readers type the same word. */
export function erSlettOrd(verdi: string | undefined): boolean {
  return (verdi ?? "").trim().toUpperCase() === SLETT_ORD;
}
