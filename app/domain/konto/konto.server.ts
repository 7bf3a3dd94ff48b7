import type { z } from "zod";
import { EPOST_BEKREFTET_STI, type Auth } from "#app/auth/auth.server.ts";
import type { Nokkel } from "#app/i18n/i18n.ts";
import type { loggInnSkjema, registrerSkjema } from "./konto.schema.ts";
import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import { logg } from "#app/logg.server.ts";
import { loggHendelse } from "#app/domain/revisjon/revisjon.server.ts";
import { KLIENT_IP_HODE } from "../../../server/klient-ip.ts";
import { INNLOGGING, REGISTRERING, gjettegrense, nullstill, slippForesporsel, type Sperre } from "./grense.server.ts";
import { erVanligPassord } from "./vanlige-passord.server.ts";

/**
 * Account use cases on top of Better Auth. They return the Set-Cookie headers to pass on, or an
 * i18n key for a message the person can act on. Nothing personal is logged.
 */
export type KontoSvar = { ok: true; hoder: Headers; brukerId?: string; tofaktor?: true } | { ok: false; feil: Nokkel; status?: undefined } | Sperre;

/** What sign-in needs besides auth: the database (attempt counter, audit log) and a server secret for keyed hashes. */
export type Innloggingsvern = { db: Kysely<Database>; hemmelighet: string };

/**
 * Makes an account (and Better Auth sends the verification mail). With `vern`, the mail counts
 * against the verification-mail limit per address and per IP (ADR 0022), so sign-up cannot be
 * used to mail long lists of addresses.
 */
export async function registrer(auth: Auth, data: z.infer<typeof registrerSkjema>, headers: Headers, vern?: Innloggingsvern): Promise<KontoSvar> {
  if (vern) {
    const nei = await slippForesporsel(vern.db, vern.hemmelighet, REGISTRERING, data.epost, headers);
    if (nei) return nei;
  }
  // Also refused by the hook in auth.server.ts; checked here first for a clear field error.
  if (await erVanligPassord(data.passord, [data.navn, data.epost])) return { ok: false, feil: "konto.feil.passordVanlig" };
  const svar = await auth.api.signUpEmail({
    body: { name: data.navn, email: data.epost, password: data.passord, callbackURL: EPOST_BEKREFTET_STI },
    headers,
    asResponse: true,
  });
  if (svar.ok) {
    logg.info("konto_opprettet");
    const kropp = (await svar.json().catch(() => ({}))) as { user?: { id?: unknown } };
    return { ok: true, hoder: svar.headers, ...(typeof kropp.user?.id === "string" ? { brukerId: kropp.user.id } : {}) };
  }
  const kode = await feilkode(svar);
  logg.info("konto_opprettelse_avvist", { kode });
  if (kode.startsWith("USER_ALREADY_EXISTS")) return { ok: false, feil: "konto.feil.finnes" };
  if (kode === "INVALID_EMAIL") return { ok: false, feil: "konto.feil.epost" };
  if (kode === "PASSWORD_TOO_SHORT") return { ok: false, feil: "konto.feil.passordKort" };
  if (kode === "PASSWORD_COMMON") return { ok: false, feil: "konto.feil.passordVanlig" };
  return { ok: false, feil: "konto.feil.ukjent" };
}

/** The refusals that belong at the new-password field of a form. */
export const PASSORDFELTFEIL: readonly string[] = ["konto.feil.passordKort", "konto.feil.passordLangt", "konto.feil.passordVanlig"];

/**
 * Signs in with e-mail and password. Refuses without asking Better Auth when the e-mail or the
 * client IP has too many recent failures (counted in the database, so across all processes), and
 * writes each success and each counted failure to the audit log. The client IP comes only from the header our own server
 * sets (never from X-Forwarded-For). A failure is logged with a keyed hash of the e-mail, never
 * the address: attempts on one account can be correlated, but the log reveals no one's address.
 */
export async function loggInn(
  auth: Auth,
  data: z.infer<typeof loggInnSkjema>,
  headers: Headers,
  vern: Innloggingsvern,
): Promise<KontoSvar> {
  const grense = gjettegrense(vern.db, vern.hemmelighet, INNLOGGING, { epost: data.epost, ip: headers.get(KLIENT_IP_HODE) });
  const [epostNokkel, ipNokkel] = grense.nokler;
  const sperret = await grense.foer();
  if (sperret) {
    // Not written to the audit log: refused attempts are not counted, so an attacker could make
    // them without end, and the log can never be pruned. The failure that set off the block is there.
    logg.warn("innlogging_sperret");
    return sperret;
  }
  const svar = await auth.api.signInEmail({
    body: { email: data.epost, password: data.passord },
    headers,
    asResponse: true,
  });
  if (svar.ok) {
    const kropp = (await svar
      .clone()
      .json()
      .catch(() => ({}))) as { user?: { id?: unknown }; twoFactorRedirect?: unknown };
    if (kropp.twoFactorRedirect === true) {
      // Right password, but no session yet: the second step (/logg-inn/kode) finishes the sign-in.
      // The e-mail's failure count is kept until then, so a stolen password cannot reset the
      // limit on guessing codes (ADR 0013).
      logg.info("innlogging_krever_tofaktor");
      return { ok: true, hoder: svar.headers, tofaktor: true };
    }
    const brukerId = typeof kropp.user?.id === "string" ? kropp.user.id : null;
    await nullstill(vern.db, epostNokkel!);
    await loggHendelse(vern.db, { hendelse: "innlogging_ok", aktorId: brukerId, malId: brukerId, detaljer: { metode: "epost" } });
    logg.info("innlogging_ok");
    return { ok: true, hoder: svar.headers };
  }
  const kode = await feilkode(svar);
  logg.info("innlogging_avvist", { kode, status: svar.status });
  const naaSperret = await grense.feil();
  await loggHendelse(vern.db, {
    hendelse: "innlogging_feilet",
    detaljer: { kode, epost_nokkel: epostNokkel!.hash, ip_nokkel: ipNokkel!.hash, sperret: naaSperret },
  });
  return { ok: false, feil: svar.status === 429 ? "konto.feil.ukjent" : "konto.feil.feilInnlogging" };
}

export async function loggUt(auth: Auth, headers: Headers): Promise<Headers> {
  const svar = await auth.api.signOut({ headers, asResponse: true });
  logg.info("utlogging");
  return svar.headers;
}

async function feilkode(svar: Response): Promise<string> {
  const kropp = (await svar.json().catch(() => ({}))) as { code?: unknown };
  return typeof kropp.code === "string" ? kropp.code : `HTTP_${svar.status}`;
}
