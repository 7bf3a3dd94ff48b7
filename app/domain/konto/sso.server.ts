import type { Auth } from "#app/auth/auth.server.ts";
import { oidcLeverandorId } from "#app/auth/auth.server.ts";
import type { OidcKonfig } from "#app/env.server.ts";
import { tryggTil } from "#app/auth/sesjon.ts";
import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import { loggHendelse } from "#app/domain/revisjon/revisjon.server.ts";
import { logg } from "#app/logg.server.ts";

/** Where Better Auth sends the browser when the provider or the linking fails (?error=…). */
export const SSO_FEIL_TIL = "/logg-inn";

export type SsoStart = { ok: true; url: string; hoder: Headers } | { ok: false; kode: "start" | "utsteder" };

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
    const { url } = svar.ok ? ((await svar.json()) as { url?: string }) : {};
    if (url) return { ok: true, url, hoder: svar.headers };
  } catch {
    // Falls through to the answer below.
  }
  // Better Auth builds the provider (discovery) on the first request, so ask after the attempt.
  return { ok: false, kode: utstederErAvvist(oidc) ? "utsteder" : "start" };
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

/** The payload of a JWT without checking it (the ID token was verified when it was stored). */
function jwtInnhold(token: string | null): Record<string, unknown> | null {
  const del = token?.split(".")[1];
  if (!del) return null;
  try {
    const innhold = JSON.parse(Buffer.from(del, "base64url").toString("utf8")) as unknown;
    return innhold && typeof innhold === "object" ? (innhold as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

type KontoRad = { id: string; userId: string; providerId: string; idToken: string | null };

/**
 * Removes every SSO link of the person whose provider did not vouch for this very address: the
 * ID token Better Auth keeps from the last sign-in (updated each time) must say
 * `email_verified: true` for the user's e-mail. Anything else (false, missing, another address, no
 * token) goes. Called when the owner of the address proves the mailbox (password reset), so an
 * identity that signed up with someone else's unverified address loses the account. ADR 0012.
 */
export async function fjernUbekreftedeSsoKoblinger(db: Kysely<Database>, brukerId: string): Promise<number> {
  const bruker = await db.selectFrom("user").select("email").where("id", "=", brukerId).executeTakeFirst();
  if (!bruker) return 0;
  // Better Auth's account table is not in our Kysely schema (only its own code writes it).
  const kdb = db as unknown as Kysely<{ account: KontoRad }>;
  const kontoer = await kdb.selectFrom("account").select(["id", "providerId", "idToken"]).where("userId", "=", brukerId).where("providerId", "!=", "credential").execute();
  const fjern = kontoer.filter((k) => {
    const c = jwtInnhold(k.idToken);
    return !(c && c.email_verified === true && typeof c.email === "string" && c.email.toLowerCase() === bruker.email.toLowerCase());
  });
  if (fjern.length) await kdb.deleteFrom("account").where("id", "in", fjern.map((k) => k.id)).execute();
  return fjern.length;
}

const utenSkraastrek = (s: string) => s.replace(/\/+$/, "");

/**
 * A Better Auth plugin placed right after genericOAuth: when the discovery document names another
 * issuer than OIDC_ISSUER (OpenID Connect Discovery 1.0 §4.3: they MUST be identical; a trailing
 * slash aside), the provider is dropped, so neither the start nor the callback can use it. The
 * error is logged once with both values; /logg-inn/sso then answers `?error=utsteder`.
 */
export function utstederVakt(oidc: OidcKonfig) {
  const id = oidcLeverandorId(oidc.issuer);
  return {
    id: "samla-oidc-utsteder",
    init: (ctx: { socialProviders: { id: string; issuer?: string }[] }) => {
      const leverandor = ctx.socialProviders.find((p) => p.id === id);
      if (!leverandor || leverandor.issuer === undefined || utenSkraastrek(leverandor.issuer) === utenSkraastrek(oidc.issuer)) return;
      logg.error("oidc_utsteder_feil", {
        forventet: oidc.issuer,
        fikk: leverandor.issuer,
        merknad: "issuer i discovery-dokumentet er ikke OIDC_ISSUER; innlogging med SSO er slått av",
      });
      utstederAvvist.add(id);
      return { context: { socialProviders: ctx.socialProviders.filter((p) => p !== leverandor) } };
    },
  } as const;
}

/** Provider ids whose discovery named another issuer (per process; discovery runs at start). */
const utstederAvvist = new Set<string>();

/** True when the configured provider was dropped because its discovery named another issuer. */
export function utstederErAvvist(oidc: OidcKonfig): boolean {
  return utstederAvvist.has(oidcLeverandorId(oidc.issuer));
}
