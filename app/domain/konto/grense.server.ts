import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import { logg } from "#app/logg.server.ts";
import { KLIENT_IP_HODE } from "../../../server/klient-ip.ts";
import { leggTilFeil, slettGamle, tellFeil } from "./innloggingsforsok.repo.server.ts";
import { VINDU_MS, klientBlokk, nokkelHash } from "./innloggingsforsok.server.ts";

/**
 * Limits on the account mails a stranger can make Samla send: «glemt passord» and a new
 * verification mail (ADR 0015). Same mechanism as the sign-in limit (ADR 0009): one row per
 * request in `innloggingsforsok`, keyed by a keyed hash of the e-mail and of the client IP, counted
 * in a sliding window in the database, so it holds across app processes and is not fooled by a
 * forged X-Forwarded-For. The purpose is part of the hashed value, so these counts never mix with
 * the sign-in counts (or with each other).
 *
 * The window is the sign-in window (15 minutes): the sign-in path prunes every row older than that.
 */
export type Grense = { formaal: "glemt-passord" | "ny-bekreftelse"; perEpost: number; perIp: number };

/**
 * Three reset mails per address per quarter: enough for a person whose mail was slow, too few to
 * flood someone's inbox. Sixty per IP (four a minute): one public IP may be a whole barnehage or
 * municipality, and the per-address limit already protects each inbox; the IP limit stops one
 * client from mailing long lists of addresses.
 */
export const GLEMT_PASSORD: Grense = { formaal: "glemt-passord", perEpost: 3, perIp: 60 };
/** The same for a new verification mail (only from the signed-in profile page). */
export const NY_BEKREFTELSE: Grense = { formaal: "ny-bekreftelse", perEpost: 3, perIp: 60 };

export { VINDU_MS };

export function grenseNokler(hemmelighet: string, grense: Grense, epost: string, ip: string | null) {
  return {
    epost: nokkelHash(hemmelighet, "epost", `${grense.formaal}:${epost.normalize("NFC").trim().toLowerCase()}`),
    ip: nokkelHash(hemmelighet, "ip", `${grense.formaal}:${klientBlokk(ip?.trim() || "ukjent")}`),
  };
}

/**
 * Counts one request against the limit and says whether it may go ahead. A refused request is
 * not counted (so waiting a quarter always helps); the count is shared by every app process.
 */
export async function innenforGrensen(
  db: Kysely<Database>,
  hemmelighet: string,
  grense: Grense,
  epost: string,
  headers: Headers,
  naa = new Date(),
): Promise<boolean> {
  const n = grenseNokler(hemmelighet, grense, epost, headers.get(KLIENT_IP_HODE));
  const antall = await tellFeil(db, [n.epost, n.ip], new Date(naa.getTime() - VINDU_MS));
  if ((antall.get(n.epost) ?? 0) >= grense.perEpost || (antall.get(n.ip) ?? 0) >= grense.perIp) {
    logg.warn("grense_naadd", { formaal: grense.formaal });
    return false;
  }
  await leggTilFeil(db, [n.epost, n.ip], naa);
  await slettGamle(db, new Date(naa.getTime() - VINDU_MS));
  return true;
}
