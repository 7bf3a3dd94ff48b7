import { z } from "zod";

/**
 * The range of an `integer` column (PostgreSQL's is 32 bits; SQLite's is wider). A number from a
 * form that is stored in or compared with such a column is bounded here, so an out-of-range value
 * is a field error (400), never a database error (500).
 */
export const HELTALL_MIN = -2_147_483_648;
export const HELTALL_MAKS = 2_147_483_647;

/** The largest version number a form may send: the save stores `versjon + 1`, which must fit too. */
export const VERSJON_MAKS = HELTALL_MAKS - 1;

/** A whole number from a form field, within [min, maks] (at most the column's range). */
export function heltall(min: number, melding: string, maks = HELTALL_MAKS) {
  return z.coerce.number(melding).int(melding).min(Math.max(min, HELTALL_MIN), melding).max(Math.min(maks, HELTALL_MAKS), melding);
}
