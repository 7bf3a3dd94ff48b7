import { createHmac, timingSafeEqual } from "node:crypto";
import type { Kysely } from "kysely";
import { symmetricDecrypt } from "better-auth/crypto";
import type { Auth } from "#app/auth/auth.server.ts";
import type { Database } from "#app/db/skjema.ts";
import type { Aktor } from "#app/kontekst.ts";
import type { Nokkel } from "#app/i18n/i18n.ts";
import { logg } from "#app/logg.server.ts";
import { loggHendelse } from "#app/domain/revisjon/revisjon.server.ts";
import { qrSvg } from "#app/domain/barnehage/qr.server.ts";
import { INNLOGGING, gjettegrense, nullstill, passordsjekk, type Sperre } from "#app/domain/konto/grense.server.ts";
import type { Innloggingsvern } from "#app/domain/konto/konto.server.ts";
import { KLIENT_IP_HODE } from "../../../server/klient-ip.ts";
import { harPassord, harTofaktorPaa, hentTofaktorRad, taTidssteg } from "./tofaktor.repo.server.ts";
import { erGjenopprettingskode } from "./tofaktor.schema.ts";

/**
 * Two-factor sign-in (TOTP from an authenticator app, and 10 recovery codes) on top of Better
 * Auth's twoFactor plugin, whose HTTP endpoints are closed: these use cases are the only way in,
 * so each wrong code is counted in our database limit and each change is in the audit log.
 * See docs/decisions/0013-tofaktor.md.
 */

export type Feil = { ok: false; feil: Nokkel; status?: 400 | 429; provIgjen?: string } | Sperre;
export type Svar<T extends object = object> = ({ ok: true; hoder: Headers } & T) | Feil;

/** The state of the person's two-factor setup, read from the database (not from the session). */
export type TofaktorStatus = { paa: boolean; paabegynt: boolean; harPassord: boolean };

export async function hentStatus(db: Kysely<Database>, aktor: Aktor): Promise<TofaktorStatus> {
  const [paa, rad, passord] = await Promise.all([harTofaktorPaa(db, aktor.id), hentTofaktorRad(db, aktor.id), harPassord(db, aktor.id)]);
  return { paa, paabegynt: !paa && rad !== undefined && !rad.bekreftet, harPassord: passord };
}

/** Step 1: the password is checked and a new secret made (not in use until a code confirms it). */
export async function startOppsett(auth: Auth, db: Kysely<Database>, aktor: Aktor, passord: string | undefined, headers: Headers): Promise<Svar> {
  const mangler = await manglerPassord(db, aktor, passord);
  if (mangler) return mangler;
  const grense = passordsjekk(db, auth.options.secret, aktor.id);
  const sperret = await grense.foer();
  if (sperret) return sperret;
  const svar = await auth.api.enableTwoFactor({ body: { password: passord ?? "", method: "totp" }, headers, asResponse: true });
  if (!svar.ok) return tellFeil(grense, "tofaktor_paa", feilFra(await feilkode(svar), "tofaktor_start"));
  return { ok: true, hoder: svar.headers };
}

/**
 * While a setup waits for its first code: the secret as text (for typing into the app) and as a QR
 * code drawn on the server (no JavaScript). Null when no setup is waiting.
 */
export async function hentOppsett(auth: Auth, db: Kysely<Database>, aktor: Aktor, qrEtikett: string): Promise<{ hemmelighet: string; qr: string } | null> {
  const rad = await hentTofaktorRad(db, aktor.id);
  if (!rad || rad.bekreftet) return null;
  const ctx = await auth.$context;
  const klar = await symmetricDecrypt({ key: ctx.secretConfig, data: rad.hemmelighetKryptert });
  // Better Auth stores its own secrets as plain text (used as UTF-8 bytes); imported ones as "base32:…".
  const b32 = klar.startsWith("base32:") ? klar.slice(7).toUpperCase() : base32(new TextEncoder().encode(klar));
  const uri = `otpauth://totp/Samla:${encodeURIComponent(aktor.epost)}?secret=${b32}&issuer=Samla&digits=6&period=30`;
  return { hemmelighet: b32.replace(/(.{4})(?=.)/g, "$1 "), qr: await qrSvg(uri, qrEtikett) };
}

/** Step 2: the first code from the app switches two-factor on; the recovery codes are shown once. */
export async function bekreftOppsett(auth: Auth, db: Kysely<Database>, aktor: Aktor, kode: string, headers: Headers): Promise<Svar<{ koder: string[] }>> {
  const grense = passordsjekk(db, auth.options.secret, aktor.id);
  const sperret = await grense.foer();
  if (sperret) return sperret;
  if ((await brukTotpKode(auth, db, aktor.id, kode)) === "brukt") return tellFeil(grense, "tofaktor_kode", feilFra("CODE_ALREADY_USED", "tofaktor_bekreft"));
  const svar = await auth.api.verifyTOTP({ body: { code: kode }, headers, asResponse: true });
  if (!svar.ok) return tellFeil(grense, "tofaktor_kode", feilFra(await feilkode(svar), "tofaktor_bekreft"));
  const { backupCodes } = await auth.api.viewBackupCodes({ body: { userId: aktor.id } });
  await loggHendelse(db, { hendelse: "mfa_endret", aktorId: aktor.id, malId: aktor.id, detaljer: { endring: "slaatt_paa" } });
  return { ok: true, hoder: svar.headers, koder: backupCodes };
}

/** Switches two-factor off (password required when the account has one). */
export async function slaaAv(auth: Auth, db: Kysely<Database>, aktor: Aktor, passord: string | undefined, headers: Headers): Promise<Svar> {
  const mangler = await manglerPassord(db, aktor, passord);
  if (mangler) return mangler;
  const grense = passordsjekk(db, auth.options.secret, aktor.id);
  const sperret = await grense.foer();
  if (sperret) return sperret;
  const svar = await auth.api.disableTwoFactor({ body: { password: passord ?? "" }, headers, asResponse: true });
  if (!svar.ok) return tellFeil(grense, "tofaktor_av", feilFra(await feilkode(svar), "tofaktor_av"));
  await loggHendelse(db, { hendelse: "mfa_endret", aktorId: aktor.id, malId: aktor.id, detaljer: { endring: "slaatt_av" } });
  return { ok: true, hoder: svar.headers };
}

/** New recovery codes: the old ones stop working at once. */
export async function lagNyeKoder(auth: Auth, db: Kysely<Database>, aktor: Aktor, passord: string | undefined, headers: Headers): Promise<Svar<{ koder: string[] }>> {
  const mangler = await manglerPassord(db, aktor, passord);
  if (mangler) return mangler;
  const grense = passordsjekk(db, auth.options.secret, aktor.id);
  const sperret = await grense.foer();
  if (sperret) return sperret;
  const svar = await auth.api.generateBackupCodes({ body: { password: passord ?? "" }, headers, asResponse: true });
  if (!svar.ok) return tellFeil(grense, "nye_koder", feilFra(await feilkode(svar), "tofaktor_nye_koder"));
  const kropp = (await svar.json()) as { backupCodes: string[] };
  await loggHendelse(db, { hendelse: "mfa_endret", aktorId: aktor.id, malId: aktor.id, detaljer: { endring: "nye_koder" } });
  return { ok: true, hoder: svar.headers, koder: kropp.backupCodes };
}

/** Whether the request carries a (signed, not necessarily valid) second-step cookie from sign-in. */
export function harInnloggingsutfordring(cookieHeader: string | null): boolean {
  return /(?:^|;\s*)(?:__Secure-)?samla\.two_factor=/.test(cookieHeader ?? "");
}

/**
 * The second step of sign-in: a code from the app or a recovery code, after the right password.
 * Counts against the same database limit as a wrong password (the e-mail and the IP of the person
 * whose password was right), and writes success and failure to the audit log.
 * `startPaaNytt`: the sign-in has expired or used up its attempts; the password must be given again.
 */
export async function loggInnMedKode(
  auth: Auth,
  kode: string,
  headers: Headers,
  vern: Innloggingsvern,
): Promise<{ ok: true; hoder: Headers } | (Feil & { startPaaNytt?: boolean })> {
  const bruker = await brukerForUtfordring(auth, headers.get("cookie"), vern.hemmelighet);
  if (!bruker) return { ok: false, feil: "tofaktor.feil.utlopt", startPaaNytt: true };
  const grense = gjettegrense(vern.db, vern.hemmelighet, INNLOGGING, { epost: bruker.epost, ip: headers.get(KLIENT_IP_HODE) });
  const [epostNokkel, ipNokkel] = grense.nokler;
  const sperret = await grense.foer();
  if (sperret) {
    logg.warn("innlogging_sperret");
    return sperret;
  }
  const gjenoppretting = erGjenopprettingskode(kode);
  // A TOTP code already accepted once is refused here, before Better Auth sees it (single-use).
  const brukt = !gjenoppretting && (await brukTotpKode(auth, vern.db, bruker.id, kode)) === "brukt";
  const svar = brukt
    ? Response.json({ code: "CODE_ALREADY_USED" }, { status: 401 })
    : gjenoppretting
      ? await auth.api.verifyBackupCode({ body: { code: kode }, headers, asResponse: true })
      : await auth.api.verifyTOTP({ body: { code: kode }, headers, asResponse: true });
  const metode = gjenoppretting ? "gjenopprettingskode" : "app";
  if (svar.ok) {
    await nullstill(vern.db, epostNokkel!);
    await loggHendelse(vern.db, { hendelse: "innlogging_ok", aktorId: bruker.id, malId: bruker.id, detaljer: { metode: "epost", tofaktor: metode } });
    logg.info("innlogging_ok");
    return { ok: true, hoder: svar.headers };
  }
  const feilKode = await feilkode(svar);
  logg.info("innlogging_avvist", { kode: feilKode, status: svar.status, tofaktor: metode });
  const naaSperret = await grense.feil();
  await loggHendelse(vern.db, {
    hendelse: "innlogging_feilet",
    detaljer: { kode: feilKode, tofaktor: metode, epost_nokkel: epostNokkel!.hash, ip_nokkel: ipNokkel!.hash, sperret: naaSperret },
  });
  if (feilKode === "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE" || feilKode === "INVALID_TWO_FACTOR_COOKIE") {
    return { ok: false, feil: "tofaktor.feil.utlopt", startPaaNytt: true };
  }
  // Better Auth's own lock lasts 15 minutes from now.
  if (feilKode === "ACCOUNT_TEMPORARILY_LOCKED") return { ok: false, feil: "konto.feil.forMangeForsok", status: 429, provIgjen: new Date(Date.now() + 15 * 60_000).toISOString() };
  if (feilKode === "CODE_ALREADY_USED") return { ok: false, feil: "tofaktor.feil.kodeBrukt" };
  return { ok: false, feil: gjenoppretting ? "tofaktor.feil.feilGjenopprettingskode" : "tofaktor.feil.feilKode" };
}

/**
 * Whose sign-in this is: the id in Better Auth's signed second-step cookie, looked up where Better
 * Auth keeps it. We check the signature ourselves so a made-up cookie is never looked up.
 */
async function brukerForUtfordring(auth: Auth, cookieHeader: string | null, hemmelighet: string): Promise<{ id: string; epost: string } | null> {
  const m = /(?:^|;\s*)(?:__Secure-)?samla\.two_factor=([^;]+)/.exec(cookieHeader ?? "");
  if (!m) return null;
  let verdi: string;
  try {
    verdi = decodeURIComponent(m[1]!);
  } catch {
    return null;
  }
  const skille = verdi.lastIndexOf(".");
  if (skille < 1) return null;
  const id = verdi.slice(0, skille);
  const signatur = Buffer.from(verdi.slice(skille + 1));
  const forventet = Buffer.from(createHmac("sha256", hemmelighet).update(id).digest("base64"));
  if (signatur.length !== forventet.length || !timingSafeEqual(signatur, forventet)) return null;
  const ctx = await auth.$context;
  const utfordring = await ctx.internalAdapter.findVerificationValue(id);
  if (!utfordring || new Date(utfordring.expiresAt) <= new Date()) return null;
  const bruker = await ctx.internalAdapter.findUserById(utfordring.value);
  return bruker ? { id: bruker.id, epost: bruker.email } : null;
}

/** Better Auth's TOTP settings (its defaults, which we do not change): 30 s steps, 6 digits, ±1 step. */
const TOTP_PERIODE_S = 30;
const TOTP_SIFRE = 6;
const TOTP_VINDU = 1;

/**
 * Makes a TOTP code single-use (RFC 6238 §5.2). Finds the time step the code belongs to, within the
 * window Better Auth accepts (the step before, now, the step after), and claims it with one
 * compare-and-set in the database: only a step later than the last accepted one is taken, so a code
 * is refused for the rest of its window and so are older codes, across processes.
 * "ok": claimed, let Better Auth verify (and count) as usual. "brukt": the code is right but its step
 * (or a later one) was already used. "ukjent": not a current code; Better Auth refuses and counts it.
 */
export async function brukTotpKode(auth: Auth, db: Kysely<Database>, userId: string, kode: string, naa = Date.now()): Promise<"ok" | "brukt" | "ukjent"> {
  const rad = await hentTofaktorRad(db, userId);
  if (!rad || !/^\d{6}$/.test(kode)) return "ukjent";
  const ctx = await auth.$context;
  const klar = await symmetricDecrypt({ key: ctx.secretConfig, data: rad.hemmelighetKryptert });
  const nokkel = klar.startsWith("base32:") ? fraBase32(klar.slice(7)) : Buffer.from(klar, "utf8");
  const steg = Math.floor(naa / 1000 / TOTP_PERIODE_S);
  let treff: number | undefined;
  // Every step of the window is computed (no early exit), as Better Auth does; the latest match wins.
  for (let i = -TOTP_VINDU; i <= TOTP_VINDU; i++) {
    if (likKode(hotp(nokkel, steg + i), kode)) treff = steg + i;
  }
  if (treff === undefined) return "ukjent";
  return (await taTidssteg(db, userId, treff)) ? "ok" : "brukt";
}

function hotp(nokkel: Buffer, teller: number): string {
  const t = Buffer.alloc(8);
  t.writeBigUInt64BE(BigInt(teller));
  const h = createHmac("sha1", nokkel).update(t).digest();
  const start = h[h.length - 1]! & 0x0f;
  return String((h.readUInt32BE(start) & 0x7fffffff) % 10 ** TOTP_SIFRE).padStart(TOTP_SIFRE, "0");
}

function likKode(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** An account with a password must give it; one without (SSO only) has nothing to give. */
async function manglerPassord(db: Kysely<Database>, aktor: Aktor, passord: string | undefined): Promise<Feil | null> {
  if (passord) return null;
  return (await harPassord(db, aktor.id)) ? { ok: false, feil: "tofaktor.feil.passordMangler" } : null;
}

/** A wrong password or setup code counts against the account (ADR 0022); other refusals do not. */
async function tellFeil(grense: ReturnType<typeof passordsjekk>, hva: Parameters<ReturnType<typeof passordsjekk>["feil"]>[0], feil: Feil): Promise<Feil> {
  if (feil.feil === "tofaktor.feil.feilPassord" || feil.feil === "tofaktor.feil.feilKode") await grense.feil(hva);
  return feil;
}

function feilFra(kode: string, hendelse: string): Feil {
  logg.info(`${hendelse}_avvist`, { kode });
  switch (kode) {
    case "INVALID_PASSWORD":
      return { ok: false, feil: "tofaktor.feil.feilPassord" };
    case "INVALID_CODE":
      return { ok: false, feil: "tofaktor.feil.feilKode" };
    case "CODE_ALREADY_USED":
      return { ok: false, feil: "tofaktor.feil.kodeBrukt" };
    case "TOTP_ALREADY_ENABLED":
      return { ok: false, feil: "tofaktor.feil.alleredePaa" };
    case "TOTP_NOT_ENABLED":
    case "TWO_FACTOR_NOT_ENABLED":
      return { ok: false, feil: "tofaktor.feil.ikkePaa" };
    case "SESSION_NOT_FRESH":
      return { ok: false, feil: "tofaktor.feil.loggInnPaaNytt" };
    default:
      return { ok: false, feil: "konto.feil.ukjent" };
  }
}

async function feilkode(svar: Response): Promise<string> {
  const kropp = (await svar.json().catch(() => ({}))) as { code?: unknown };
  return typeof kropp.code === "string" ? kropp.code : `HTTP_${svar.status}`;
}

/** RFC 4648 base32 (padding and spaces ignored) to bytes: imported secrets are stored as "base32:…". */
function fraBase32(tekst: string): Buffer {
  const alfabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  const ut: number[] = [];
  let biter = 0;
  let verdi = 0;
  for (const tegn of tekst.replace(/[\s=]+/g, "").toUpperCase()) {
    const i = alfabet.indexOf(tegn);
    if (i < 0) continue;
    verdi = ((verdi << 5) | i) & 0xffff;
    biter += 5;
    if (biter >= 8) {
      ut.push((verdi >>> (biter - 8)) & 0xff);
      biter -= 8;
    }
  }
  return Buffer.from(ut);
}

/** RFC 4648 base32 without padding: the form authenticator apps take a secret in. */
export function base32(bytes: Uint8Array): string {
  const alfabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let biter = 0;
  let verdi = 0;
  let ut = "";
  for (const b of bytes) {
    verdi = ((verdi << 8) | b) & 0xffff;
    biter += 8;
    while (biter >= 5) {
      ut += alfabet[(verdi >>> (biter - 5)) & 31];
      biter -= 5;
    }
  }
  if (biter > 0) ut += alfabet[(verdi << (5 - biter)) & 31];
  return ut;
}
