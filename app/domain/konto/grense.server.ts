import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import { logg } from "#app/logg.server.ts";
import { loggHendelse } from "#app/domain/revisjon/revisjon.server.ts";
import { KLIENT_IP_HODE } from "../../../server/klient-ip.ts";
import { leggTilFeil, slettFeil, slettGamle, tellFeil, tiderFor } from "./innloggingsforsok.repo.server.ts";
import { GRENSE_PER_EPOST, GRENSE_PER_IP, VINDU_MS, klientBlokk, nokkelHash } from "./innloggingsforsok.server.ts";

/**
 * The ONE limit mechanism for everything a stranger can guess or make us send (ADR 0009, 0022):
 * passwords at sign-in, the current password of a signed-in person, TOTP and recovery codes,
 * invitation and eier codes, and the account mails. One row per counted event per key in
 * `innloggingsforsok`, keyed by a keyed hash (HMAC with the server secret) of what is counted: an
 * e-mail address, a client IP (IPv4 or IPv6 /64), an account id or a typed code. Counted in one
 * sliding window in the database, so every app process shares the count and a forged
 * X-Forwarded-For changes nothing. The purpose is part of the hashed value, so the counts of
 * different limits never mix (sign-in and its second step share theirs on purpose, ADR 0013).
 *
 * One window for every limit (15 minutes): the table is pruned by age, and «try again at» is
 * computed from the window and the rows that hold the count up.
 */
export type Nokkelart = "epost" | "ip" | "konto" | "kode";
export type Grense = { formaal: string; perEpost?: number; perIp?: number; perKonto?: number; perKode?: number };

/**
 * Password sign-in and its second step (TOTP or recovery code), per e-mail and per IP (ADR 0009,
 * 0013): the numbers are GRENSE_PER_EPOST and GRENSE_PER_IP in innloggingsforsok.server.ts.
 */
export const INNLOGGING = { formaal: "innlogging", perEpost: GRENSE_PER_EPOST, perIp: GRENSE_PER_IP } satisfies Grense;

/**
 * Three reset mails per address per quarter: enough for a person whose mail was slow, too few to
 * flood someone's inbox. Sixty per IP (four a minute): one public IP may be a whole barnehage or
 * municipality, and the per-address limit already protects each inbox; the IP limit stops one
 * client from mailing long lists of addresses.
 */
export const GLEMT_PASSORD = { formaal: "glemt-passord", perEpost: 3, perIp: 60 } satisfies Grense;
/** The same for a verification mail: a new one from the profile page, and the one a sign-up sends. */
export const NY_BEKREFTELSE = { formaal: "ny-bekreftelse", perEpost: 3, perIp: 60 } satisfies Grense;
/**
 * The current password (or the first code of a two-factor setup) typed by a signed-in person:
 * changing the password, deleting the account, two-factor on/off and new recovery codes. Counted
 * per account, so a stolen session cannot be used to guess the password behind it; 10 a quarter
 * like sign-in. Not shared with the sign-in count, so a thief with a session cannot lock the
 * owner out of signing in.
 */
export const PASSORDSJEKK = { formaal: "passordsjekk", perKonto: 10 } satisfies Grense;
/**
 * Invitation codes (barnehage) and eier codes: 8 symbols from 31, about 40 bits, valid 7 days.
 * Only wrong codes (unknown, used, revoked, expired) count. 30 per IP a quarter lets a room of
 * new staff mistype; 10 per code stops probing one code; 30 per account for the signed-in forms.
 * At 30 a quarter one client gets about 2,900 guesses a day, against 2^40 codes.
 */
export const INVITASJONSKODE = { formaal: "invitasjonskode", perIp: 30, perKode: 10 } satisfies Grense;
/** Sign-up sends a verification mail to the address typed: per IP, so no one mails lists of addresses. */
export const REGISTRERING = { formaal: "registrering", perEpost: 3, perIp: 100 } satisfies Grense;
export const EIERKODE = { formaal: "eierkode", perIp: 30, perKode: 10, perKonto: 30 } satisfies Grense;

export { VINDU_MS };

const MAKS: Record<Nokkelart, "perEpost" | "perIp" | "perKonto" | "perKode"> = { epost: "perEpost", ip: "perIp", konto: "perKonto", kode: "perKode" };

/** A counted key: its hash and how many events it may have in the window. */
export type GrenseNokkel = { hash: string; maks: number };

/** What to count, before hashing: the client IP comes from the request, the rest from the use case. */
export type Telles = Partial<Record<Exclude<Nokkelart, "ip">, string>> & { ip?: string | null };

/**
 * The keyed hashes for one limit. Values are normalised (e-mail: NFC, trimmed, lower case; IP:
 * IPv4 or IPv6 /64; code: upper case without spaces) so the same thing is always the same key.
 */
export function grenseNokler(hemmelighet: string, grense: Grense, epost: string, ip: string | null): { epost: string; ip: string };
export function grenseNokler(hemmelighet: string, grense: Grense, telles: Telles): GrenseNokkel[];
export function grenseNokler(hemmelighet: string, grense: Grense, a: string | Telles, ip?: string | null) {
  if (typeof a === "string") {
    const [e, i] = grenseNokler(hemmelighet, { formaal: grense.formaal, perEpost: 1, perIp: 1 }, { epost: a, ip: ip ?? null });
    return { epost: e!.hash, ip: i!.hash };
  }
  const ut: GrenseNokkel[] = [];
  for (const art of ["epost", "ip", "konto", "kode"] as const) {
    const maks = grense[MAKS[art]];
    if (maks === undefined || (art !== "ip" && a[art] === undefined)) continue;
    const verdi = normaliser(art, a[art] ?? null);
    // Sign-in keeps its ADR 0009 keys (no purpose in the value); every other limit has its purpose.
    ut.push({ hash: nokkelHash(hemmelighet, art, grense.formaal === "innlogging" ? verdi : `${grense.formaal}:${verdi}`), maks });
  }
  return ut;
}

function normaliser(art: Nokkelart, verdi: string | null): string {
  if (art === "ip") return klientBlokk(verdi?.trim() || "ukjent");
  if (art === "epost") return (verdi ?? "").normalize("NFC").trim().toLowerCase();
  if (art === "kode") return (verdi ?? "").replace(/[\s-]/g, "").toUpperCase();
  return verdi ?? "";
}

/** Not limited, or limited until `provIgjen` (when the count of every key is below its maximum again). */
export type Sjekk = { sperret: false } | { sperret: true; provIgjen: Date };

/**
 * Whether any key has used up its events in the window, and if so, when the last of them frees
 * one: the (count − max + 1)-th oldest event of that key leaves the window then.
 */
export async function sjekkGrense(db: Kysely<Database>, nokler: GrenseNokkel[], naa = new Date()): Promise<Sjekk> {
  const fra = new Date(naa.getTime() - VINDU_MS);
  const antall = await tellFeil(db, nokler.map((n) => n.hash), fra);
  let provIgjen = 0;
  for (const n of nokler) {
    const a = antall.get(n.hash) ?? 0;
    if (a < n.maks) continue;
    const tider = await tiderFor(db, n.hash, fra);
    const frigjor = tider[a - n.maks] ?? tider[tider.length - 1] ?? naa;
    provIgjen = Math.max(provIgjen, frigjor.getTime() + VINDU_MS);
  }
  return provIgjen ? { sperret: true, provIgjen: new Date(Math.max(provIgjen, naa.getTime() + 1000)) } : { sperret: false };
}

/** Counts one event against every key, and prunes rows that have left the window. */
export async function tell(db: Kysely<Database>, nokler: GrenseNokkel[], naa = new Date()): Promise<void> {
  await leggTilFeil(db, nokler.map((n) => n.hash), naa);
  await slettGamle(db, new Date(naa.getTime() - VINDU_MS));
}

/** Forgets one key's events (after a correct answer for that account). */
export async function nullstill(db: Kysely<Database>, nokkel: GrenseNokkel): Promise<void> {
  await slettFeil(db, nokkel.hash);
}

/** A refusal the page can show: an i18n key, HTTP 429 and when to try again (ISO time). */
export type Sperre = { ok: false; feil: "konto.feil.forMangeForsok" | "personvern.grense.forMange"; status: 429; provIgjen: string };

export function sperre(feil: Sperre["feil"], s: { provIgjen: Date }): Sperre {
  return { ok: false, feil, status: 429, provIgjen: s.provIgjen.toISOString() };
}

/**
 * For requests that cost us something (mails): counts this request and says whether it may go
 * ahead. A refused request is not counted (so waiting always helps). Returns the refusal or null.
 */
export async function slippForesporsel(
  db: Kysely<Database>,
  hemmelighet: string,
  grense: Grense,
  epost: string,
  headers: Headers,
  naa = new Date(),
): Promise<Sperre | null> {
  const nokler = grenseNokler(hemmelighet, grense, { epost, ip: headers.get(KLIENT_IP_HODE) });
  const s = await sjekkGrense(db, nokler, naa);
  if (s.sperret) {
    logg.warn("grense_naadd", { formaal: grense.formaal });
    return sperre("personvern.grense.forMange", s);
  }
  await tell(db, nokler, naa);
  return null;
}

/** `slippForesporsel` as a yes/no (true: go ahead). */
export async function innenforGrensen(db: Kysely<Database>, hemmelighet: string, grense: Grense, epost: string, headers: Headers, naa = new Date()): Promise<boolean> {
  return (await slippForesporsel(db, hemmelighet, grense, epost, headers, naa)) === null;
}

/**
 * For guesses (a code, a current password): `foer` refuses before the secret is checked when a
 * key is used up; `feil` counts a wrong guess and says whether that guess used the limit up.
 */
export function gjettegrense(db: Kysely<Database>, hemmelighet: string, grense: Grense, telles: Telles) {
  const nokler = grenseNokler(hemmelighet, grense, telles);
  return {
    nokler,
    async foer(naa = new Date()): Promise<Sperre | null> {
      const s = await sjekkGrense(db, nokler, naa);
      if (!s.sperret) return null;
      logg.warn("grense_naadd", { formaal: grense.formaal });
      return sperre("konto.feil.forMangeForsok", s);
    },
    async feil(naa = new Date()): Promise<boolean> {
      await tell(db, nokler, naa);
      return (await sjekkGrense(db, nokler, naa)).sperret;
    },
  };
}

/**
 * The current password of a signed-in person (or the first code of a two-factor setup), counted per
 * account under PASSORDSJEKK. `foer` refuses when the account has used up its guesses; `feil` counts
 * a wrong one and writes it to the audit log (account id and what was tried, nothing else);
 * `riktig` starts the account afresh.
 */
export function passordsjekk(db: Kysely<Database>, hemmelighet: string, aktorId: string) {
  const g = gjettegrense(db, hemmelighet, PASSORDSJEKK, { konto: aktorId });
  return {
    foer: () => g.foer(),
    async feil(hva: "passordbytte" | "sletting" | "tofaktor_paa" | "tofaktor_av" | "nye_koder" | "tofaktor_kode"): Promise<void> {
      const sperret = await g.feil();
      await loggHendelse(db, { hendelse: "bekreftelse_feilet", aktorId, malId: aktorId, detaljer: { hva, konto_nokkel: g.nokler[0]!.hash, sperret } });
    },
    riktig: () => nullstill(db, g.nokler[0]!),
  };
}

/**
 * A code typed by someone (invitation or eier code): refused before it is looked up when the IP,
 * the code or the account has used up its guesses; a wrong code (as `teller` says) is counted and
 * written to the audit log with keyed hashes only.
 */
export async function medKodegrense<T extends { ok: boolean }>(
  db: Kysely<Database>,
  hemmelighet: string,
  grense: Grense,
  telles: Telles,
  aktorId: string | null,
  prov: () => Promise<T>,
  teller: (svar: T) => boolean = (svar) => !svar.ok,
): Promise<T | Sperre> {
  const g = gjettegrense(db, hemmelighet, grense, telles);
  const sperret = await g.foer();
  if (sperret) return sperret;
  const svar = await prov();
  if (teller(svar)) {
    const naaSperret = await g.feil();
    const detaljer: Record<string, string | boolean> = { formaal: grense.formaal, sperret: naaSperret };
    grenseNokler(hemmelighet, grense, telles).forEach((n, i) => (detaljer[`nokkel_${i}`] = n.hash));
    await loggHendelse(db, { hendelse: "kode_feilet", aktorId, detaljer });
  }
  return svar;
}

export function erSperre(svar: { ok: boolean; status?: unknown }): svar is Sperre {
  return !svar.ok && svar.status === 429;
}
