/** Cookie names Better Auth uses for the session with our prefix (plain and __Secure-). */
export function harSesjonsCookie(cookieHeader: string | null | undefined): boolean {
  return /(?:^|;\s*)(?:__Secure-)?samla\.session_token=/.test(cookieHeader ?? "");
}

/** Only local paths may be used as a return address after sign-in (no open redirect). */
export function tryggTil(til: unknown, reserve = "/start"): string {
  if (typeof til !== "string" || !til.startsWith("/") || til.startsWith("//") || til.startsWith("/\\")) return reserve;
  return til;
}

/**
 * The absolute session lifetime (ADR 0021): 30 days from sign-in, whatever the sliding renewal
 * (Better Auth moves expiresAt 14 days ahead at most once a day while the session is used) has made
 * of it. After that the person signs in again, with the password and the second factor.
 */
export const MAKS_OKTLEVETID_MS = 30 * 24 * 60 * 60 * 1000;

/** Whether a session made at `opprettet` is past the absolute lifetime at `naa`. */
export function erOktForGammel(opprettet: Date | string | number, naa = Date.now()): boolean {
  const t = new Date(opprettet).getTime();
  return !Number.isFinite(t) || naa - t > MAKS_OKTLEVETID_MS;
}
