/** Cookie names Better Auth uses for the session with our prefix (plain and __Secure-). */
export function harSesjonsCookie(cookieHeader: string | null | undefined): boolean {
  return /(?:^|;\s*)(?:__Secure-)?samla\.session_token=/.test(cookieHeader ?? "");
}

/** Only local paths may be used as a return address after sign-in (no open redirect). */
export function tryggTil(til: unknown, reserve = "/start"): string {
  if (typeof til !== "string" || !til.startsWith("/") || til.startsWith("//") || til.startsWith("/\\")) return reserve;
  return til;
}
