import { createHmac } from "node:crypto";
import { isIPv6 } from "node:net";
import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import { leggTilFeil, slettFeil, slettGamle, tellFeil } from "./innloggingsforsok.repo.server.ts";

/**
 * Brute-force protection on our real sign-in path (the form → loggInn → auth.api.signInEmail,
 * which Better Auth does not rate-limit). Failures are counted in the database, so the limit holds
 * across every app process; see docs/decisions/0009-revisjonslogg-og-innloggingsgrense.md.
 */

/** Sliding window: a failure counts for 15 minutes («vent et kvarter» in the message). */
export const VINDU_MS = 15 * 60 * 1000;
/**
 * 10 wrong passwords per e-mail address per window: far above what a person who mistypes makes,
 * far below what guessing needs (about 1,000 guesses a day at most, against a 10-character minimum).
 */
export const GRENSE_PER_EPOST = 10;
/**
 * 50 failures per client IP per window: stops one address from spraying many accounts, while a
 * barnehage whose staff share one public IP can still have several people mistype at once.
 */
export const GRENSE_PER_IP = 50;

/** What the sign-in counts against: keyed hashes of the normalised e-mail and of the client IP. */
export type ForsokNokler = { epost: string; ip: string };

/**
 * A keyed hash (HMAC-SHA256) of a value. Lets us count and correlate attempts for one e-mail
 * address or IP without storing the address itself: without the server secret, the hash cannot be
 * reversed by trying a list of known addresses, as a plain hash could be.
 */
export function nokkelHash(hemmelighet: string, formaal: "epost" | "ip" | "konto" | "kode", verdi: string): string {
  // The prefix keeps an e-mail key from ever equalling an IP, account or code key.
  return createHmac("sha256", hemmelighet).update(`samla:${formaal}:${verdi}`).digest("hex");
}

export function forsokNokler(hemmelighet: string, epost: string, ip: string | null): ForsokNokler {
  return {
    epost: nokkelHash(hemmelighet, "epost", epost.normalize("NFC").trim().toLowerCase()),
    // No client IP only happens outside server/app-server.ts (dev server): count those together.
    ip: nokkelHash(hemmelighet, "ip", klientBlokk(ip?.trim() || "ukjent")),
  };
}

/**
 * The unit an IP limit counts: an IPv4 address, or an IPv6 /64 network. One IPv6 customer usually
 * holds a whole /64 (2^64 addresses), so counting single IPv6 addresses would be no limit at all.
 */
export function klientBlokk(ip: string): string {
  const uten = ip.split("%", 1)[0]!;
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(uten);
  if (v4) return v4[1]!;
  if (!isIPv6(uten)) return uten;
  const [venstre = "", hoyre = ""] = uten.split("::");
  const v = venstre ? venstre.split(":") : [];
  const h = uten.includes("::") ? (hoyre ? hoyre.split(":") : []) : [];
  const grupper = uten.includes("::") ? [...v, ...Array(8 - v.length - h.length).fill("0"), ...h] : v;
  return `${grupper.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(":")}::/64`;
}

/** True when this e-mail or this IP has used up its failures in the window. */
export async function erSperret(db: Kysely<Database>, n: ForsokNokler, naa = new Date()): Promise<boolean> {
  const antall = await tellFeil(db, [n.epost, n.ip], new Date(naa.getTime() - VINDU_MS));
  return (antall.get(n.epost) ?? 0) >= GRENSE_PER_EPOST || (antall.get(n.ip) ?? 0) >= GRENSE_PER_IP;
}

/** Counts one failed sign-in against the e-mail and the IP, and prunes rows past the window. */
export async function registrerFeil(db: Kysely<Database>, n: ForsokNokler, naa = new Date()): Promise<void> {
  await leggTilFeil(db, [n.epost, n.ip], naa);
  await slettGamle(db, new Date(naa.getTime() - VINDU_MS));
}

/**
 * After a correct password: the e-mail starts afresh. The IP count stays, so an attacker who owns
 * one account cannot clear the IP limit by signing in to it between guesses.
 */
export async function nullstillEpost(db: Kysely<Database>, n: ForsokNokler): Promise<void> {
  await slettFeil(db, n.epost);
}
