import { z } from "zod";

/**
 * The range of an `integer` column (PostgreSQL's is 32 bits; SQLite's is wider). A number from a
 * form that is stored in or compared with such a column is bounded here, so an out-of-range value
 * is a field error (400), never a database error (500).
 */
export const HELTALL_MIN = -2_147_483_648;
export const HELTALL_MAKS = 2_147_483_647;

/** A whole number from a form field, within [min, HELTALL_MAKS]. */
export function heltall(min: number, melding: string) {
  return z.coerce.number(melding).int(melding).min(Math.max(min, HELTALL_MIN), melding).max(HELTALL_MAKS, melding);
}
