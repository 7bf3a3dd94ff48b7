import type { Auth } from "#app/auth/auth.server.ts";
import { oidcLeverandorId } from "#app/auth/auth.server.ts";
import type { OidcKonfig } from "#app/env.server.ts";
import { tryggTil } from "#app/auth/sesjon.ts";

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
