/** Cookie names Better Auth uses for the session with our prefix (plain and __Secure-). */
export function harSesjonsCookie(cookieHeader: string | null | undefined): boolean {
  return /(?:^|;\s*)(?:__Secure-)?samla\.session_token=/.test(cookieHeader ?? "");
}

const BASE = "https://samla.example";
/** Tab, CR, LF and other controls, backslash: browsers drop or rewrite these in a Location. */
const FARLIG = /[\u0000-\u001f\u007f\\]/;

/**
 * Only a path on this site may be a return address after sign-in (no open redirect). The value
 * must be printable ASCII starting with one `/`; neither it nor its percent-decoded form may hold
 * controls (a tab or newline the browser strips turns `/\t/evil` into `//evil`) or backslashes,
 * or start with `//`. Then it is normalised by the URL parser and checked again: the result is
 * a path that stays on this origin, or `reserve`. Never throws.
 */
export function tryggTil(til: unknown, reserve = "/start"): string {
  if (typeof til !== "string" || !erTryggSti(til)) return reserve;
  const url = new URL(til, BASE);
  const normalisert = url.pathname + url.search + url.hash;
  // `/.//evil` normalises to `//evil`: check the result too, not only the input.
  return url.origin === BASE && erTryggSti(normalisert) ? normalisert : reserve;
}

function erTryggSti(til: string): boolean {
  if (til.length > 2000 || !/^\/[\u0021-\u007e]*$/.test(til)) return false;
  if (/^\/[/\\]/.test(til) || FARLIG.test(til)) return false;
  let dekodet: string;
  try {
    dekodet = decodeURIComponent(til);
  } catch {
    return false;
  }
  return !FARLIG.test(dekodet) && !/^\/[/\\]/.test(dekodet);
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
