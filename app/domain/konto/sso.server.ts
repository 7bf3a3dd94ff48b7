import type { Auth } from "#app/auth/auth.server.ts";
import { oidcLeverandorId } from "#app/auth/auth.server.ts";
import type { OidcKonfig } from "#app/env.server.ts";
import { tryggTil } from "#app/auth/sesjon.ts";
import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import { loggHendelse } from "#app/domain/revisjon/revisjon.server.ts";

/** Where Better Auth sends the browser when the provider or the linking fails (?error=…). */
export const SSO_FEIL_TIL = "/logg-inn";

export type SsoStart = { ok: true; url: string; hoder: Headers } | { ok: false };

/**
 * Starts an OIDC sign-in (authorization code + PKCE): Better Auth makes state, code verifier and
 * nonce, and answers with the provider's authorization URL and the cookies that bind the
 * callback to this browser. After the callback the person lands on `til` (a local path).
 */
export async function startSso(auth: Auth, oidc: OidcKonfig, til: unknown, headers: Headers): Promise<SsoStart> {
  const maal = tryggTil(til);
  try {
    const svar = await auth.api.signInSocial({
      body: { provider: oidcLeverandorId(oidc.issuer), callbackURL: maal, newUserCallbackURL: maal, errorCallbackURL: SSO_FEIL_TIL },
      headers,
      asResponse: true,
    });
    if (!svar.ok) return { ok: false };
    const { url } = (await svar.json()) as { url?: string };
    if (!url) return { ok: false };
    return { ok: true, url, hoder: svar.headers };
  } catch {
    return { ok: false };
  }
}

/** The OIDC callback path under /api/auth (Better Auth's generic provider uses /callback/:id). */
const CALLBACK = /^\/api\/auth\/(?:oauth2\/)?callback\/[^/]+$/;

/**
 * Audit log for a failed SSO sign-in (ADR 0015): the callback answered with a redirect that carries
 * `?error=…` (provider refused, state mismatch, linking refused …). Only the error code is kept,
 * reduced to technical characters. Success is logged where the session is made (auth.server.ts).
 */
export async function loggSsoFeil(db: Kysely<Database>, request: Request, svar: Response): Promise<void> {
  if (request.method !== "GET" && request.method !== "POST") return;
  if (!CALLBACK.test(new URL(request.url).pathname)) return;
  const til = svar.headers.get("location");
  if (!til) return;
  const feil = new URL(til, "http://x").searchParams.get("error");
  if (feil === null) return;
  const kode = feil.replace(/[^A-Za-z0-9_.:-]/g, "_").slice(0, 64) || "ukjent";
  await loggHendelse(db, { hendelse: "innlogging_feilet", detaljer: { metode: "sso", kode } });
}

/** Audit log for a successful SSO sign-in: called by Better Auth's session hook on the callback path. */
export async function loggSsoInnlogging(db: Kysely<Database>, brukerId: string, sti: string | undefined): Promise<void> {
  if (!sti || !/^\/(?:oauth2\/)?callback\//.test(sti)) return;
  await loggHendelse(db, { hendelse: "innlogging_ok", aktorId: brukerId, malId: brukerId, detaljer: { metode: "sso" } });
}
