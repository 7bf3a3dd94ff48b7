/**
 * The audit log's vocabulary (revisjonslogg): which events exist and what a row may carry.
 * Pure rules, no database.
 */
export const HENDELSER = [
  "innlogging_ok",
  "innlogging_feilet",
  "rolle_endret",
  "medlem_fjernet",
  "medlem_lagt_til",
  "invitasjon_opprettet",
  "invitasjon_trukket",
  "mfa_endret",
  "data_eksportert",
  // Profile (issue 15, point 7): the person changed their own name (never the name itself).
  "navn_endret",
  "konto_slettet",
  // Owners and barnehage settings (ADR 0014).
  "eier_opprettet",
  "eier_kode_laget",
  "eier_medlem_lagt_til",
  "barnehage_tilknyttet",
  "barnehage_frakoblet",
  "barnehage_endret",
  // Ståsted rounds (ADR 0008): who opened and closed a round, never who answered or what.
  "stasted_runde_opprettet",
  "stasted_runde_lukket",
  // Guessing limits (ADR 0022): a wrong current password or setup code, a wrong invitation or eier code.
  "bekreftelse_feilet",
  "kode_feilet",
] as const;

export type Hendelse = (typeof HENDELSER)[number];

/** A flat map of technical values: ids, role names, outcome codes, keyed hashes, counts. */
export type Detaljer = Record<string, string | number | boolean | null>;

/** An event to record. `malId` is the affected user, member or invitation. */
export type NyHendelse = {
  hendelse: Hendelse;
  aktorId?: string | null;
  organisasjonId?: string | null;
  malId?: string | null;
  detaljer?: Detaljer;
};

export type Revisjonsrad = {
  id: number;
  tid: string;
  hendelse: Hendelse;
  aktorId: string | null;
  organisasjonId: string | null;
  malId: string | null;
  detaljer: Detaljer;
};

// Ids, codes, role names and hex hashes only: no spaces and no "@", so neither an e-mail address
// nor a sentence of personal text can be written to a log that can never be corrected.
const TEKNISK = /^[A-Za-z0-9_.:-]{0,128}$/;

/** Returns the first detail that is not a plain technical value, or undefined when all are fine. */
export function ugyldigDetalj(detaljer: Detaljer): string | undefined {
  for (const [nokkel, verdi] of Object.entries(detaljer)) {
    if (!TEKNISK.test(nokkel)) return nokkel;
    if (typeof verdi === "string" && !TEKNISK.test(verdi)) return nokkel;
    if (typeof verdi === "number" && !Number.isFinite(verdi)) return nokkel;
  }
  return undefined;
}
