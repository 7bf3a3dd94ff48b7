import type { Auth } from "#app/auth/auth.server.ts";
import { EPOST_BEKREFTET_STI, NYTT_PASSORD_STI } from "#app/auth/auth.server.ts";
import type { Nokkel } from "#app/i18n/i18n.ts";
import { logg } from "#app/logg.server.ts";
import type { Innloggingsvern, KontoSvar } from "./konto.server.ts";
import { passordsjekk } from "./grense.server.ts";
import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import { fjernUbekreftedeSsoKoblinger } from "./sso.server.ts";
import { erVanligPassord } from "./vanlige-passord.server.ts";

/**
 * Password and session use cases on top of Better Auth: forgotten password, new password from a
 * mailed link, change password, sign out everywhere, and a new verification mail. Nothing
 * personal is logged (no addresses, no tokens).
 */

/**
 * Asks for a reset link. Always ends the same way, whether the account exists or not, so the
 * page cannot be used to find out who has an account.
 */
export async function beOmNyttPassord(auth: Auth, epost: string, headers: Headers): Promise<void> {
  const svar = await auth.api.requestPasswordReset({ body: { email: epost, redirectTo: NYTT_PASSORD_STI }, headers, asResponse: true });
  logg.info("nytt_passord_bedt_om", { status: svar.status });
}

/** Sets a new password from a mailed token. Better Auth ends every session of the person. */
export async function settNyttPassord(auth: Auth, data: { token: string; passord: string }, headers: Headers): Promise<{ ok: true } | { ok: false; feil: Nokkel }> {
  if (await erVanligPassord(data.passord)) return { ok: false, feil: "konto.feil.passordVanlig" };
  const svar = await auth.api.resetPassword({ body: { token: data.token, newPassword: data.passord }, headers, asResponse: true });
  if (svar.ok) {
    logg.info("nytt_passord_satt");
    return { ok: true };
  }
  const kode = await feilkode(svar);
  logg.info("nytt_passord_avvist", { kode });
  if (kode === "PASSWORD_TOO_SHORT") return { ok: false, feil: "konto.feil.passordKort" };
  if (kode === "PASSWORD_TOO_LONG") return { ok: false, feil: "konto.feil.passordLangt" };
  if (kode === "PASSWORD_COMMON") return { ok: false, feil: "konto.feil.passordVanlig" };
  return { ok: false, feil: "konto.nytt.ugyldig" };
}

/**
 * Better Auth's `onPasswordReset` hook (after the new password is stored): the person has shown
 * they control the mailbox, so the address is verified, and SSO links whose provider never vouched
 * for this address are removed (an identity with an unverified e-mail claim keeps no link). ADR 0012.
 */
export async function etterNyttPassord(db: Kysely<Database>, brukerId: string): Promise<void> {
  await db.updateTable("user").set({ emailVerified: true as never }).where("id", "=", brukerId).execute();
  const fjernet = await fjernUbekreftedeSsoKoblinger(db, brukerId);
  if (fjernet) logg.info("sso_koblinger_fjernet", { antall: fjernet });
}

/**
 * Changes the password of the signed-in person after checking the current one, and signs out
 * every other session. Returns the new session cookie to pass on.
 */
export async function byttPassord(
  auth: Auth,
  data: { naavaerendePassord: string; passord: string },
  headers: Headers,
  vern?: Innloggingsvern & { aktorId: string },
): Promise<KontoSvar> {
  if (await erVanligPassord(data.passord)) return { ok: false, feil: "konto.feil.passordVanlig" };
  // The current password is guessable with a stolen session: counted per account (ADR 0022).
  const grense = vern ? passordsjekk(vern.db, vern.hemmelighet, vern.aktorId) : null;
  const sperret = await grense?.foer();
  if (sperret) return sperret;
  const svar = await auth.api.changePassword({
    body: { currentPassword: data.naavaerendePassord, newPassword: data.passord, revokeOtherSessions: true },
    headers,
    asResponse: true,
  });
  if (svar.ok) {
    logg.info("passord_byttet");
    await grense?.riktig();
    return { ok: true, hoder: svar.headers };
  }
  const kode = await feilkode(svar);
  logg.info("passord_bytte_avvist", { kode });
  if (kode === "INVALID_PASSWORD") {
    await grense?.feil("passordbytte");
    return { ok: false, feil: "konto.feil.feilPassord" };
  }
  if (kode === "PASSWORD_TOO_SHORT") return { ok: false, feil: "konto.feil.passordKort" };
  if (kode === "PASSWORD_COMMON") return { ok: false, feil: "konto.feil.passordVanlig" };
  return { ok: false, feil: "konto.feil.ukjent" };
}

/** Ends every session of the signed-in person, this one too, and clears its cookies. */
export async function loggUtOveralt(auth: Auth, headers: Headers): Promise<Headers> {
  const svar = await auth.api.revokeSessions({ headers, asResponse: true });
  // Never tell the person they are signed out everywhere unless they are.
  if (!svar.ok) {
    logg.error("logg_ut_overalt_feilet", { status: svar.status });
    throw new Error(`revokeSessions svarte ${svar.status}`);
  }
  logg.info("logget_ut_overalt");
  const ut = await auth.api.signOut({ headers, asResponse: true });
  return ut.headers;
}

/** Sends a new verification mail to the signed-in person's own address. */
export async function sendBekreftelsePaaNytt(auth: Auth, epost: string, headers: Headers): Promise<void> {
  const svar = await auth.api.sendVerificationEmail({ body: { email: epost, callbackURL: EPOST_BEKREFTET_STI }, headers, asResponse: true });
  logg.info("bekreftelse_sendt_paa_nytt", { status: svar.status });
}

async function feilkode(svar: Response): Promise<string> {
  const kropp = (await svar.json().catch(() => ({}))) as { code?: unknown };
  return typeof kropp.code === "string" ? kropp.code : `HTTP_${svar.status}`;
}
