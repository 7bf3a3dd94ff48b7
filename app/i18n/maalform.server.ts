import { erSpraak } from "./i18n.ts";
import type { Spraak } from "#app/domain/innhold/innhold.schema.ts";

/** Cookie that keeps the målform before sign-in (and mirrors the user's choice after). */
export const MAALFORM_COOKIE = "maalform";

export function maalformFraCookie(cookieHeader: string | null): Spraak | undefined {
  const m = /(?:^|;\s*)maalform=(nb|nn)(?:;|$)/.exec(cookieHeader ?? "");
  return m && erSpraak(m[1]) ? m[1] : undefined;
}

export function maalformCookie(spraak: Spraak, sikker: boolean) {
  return `${MAALFORM_COOKIE}=${spraak}; Path=/; Max-Age=31536000; SameSite=Lax${sikker ? "; Secure" : ""}`;
}
