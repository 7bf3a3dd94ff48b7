import { betterAuth } from "better-auth";
import { organization } from "better-auth/plugins";
import { genericOAuth } from "better-auth/plugins/generic-oauth";
import type { OidcKonfig } from "#app/env.server.ts";
import { rolleDefinisjoner, tilgangskontroll } from "./roller.ts";
import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import { erSqlite } from "#app/db/dialekt.ts";
import { logg } from "#app/logg.server.ts";

/**
 * Better Auth's organization endpoints over HTTP are closed (404). Samla's own pages and use
 * cases are the only way to barnehage data, so every tenant rule lives in tilgang.ts and the
 * repositories, and no endpoint hands members' e-mail addresses to other members. Server code
 * still calls `auth.api.*` (the router is not involved). See ADR 0007.
 */
export const STENGTE_ORGANISASJONSSTIER = [
  "accept-invitation", "add-team-member", "cancel-invitation", "check-slug", "create", "create-role", "create-team",
  "delete", "delete-role", "get-active-member", "get-active-member-role", "get-full-organization", "get-invitation",
  "get-organization", "get-role", "has-permission", "invite-member", "leave", "list", "list-invitations",
  "list-members", "list-roles", "list-team-members", "list-teams", "list-user-invitations", "list-user-teams",
  "reject-invitation", "remove-member", "remove-team", "remove-team-member", "set-active", "set-active-team",
  "update", "update-member-role", "update-role", "update-team",
].map((s) => `/organization/${s}`);

export type AuthKonfig = { baseURL: string; secret: string; sikreCookies: boolean; oidc?: OidcKonfig | undefined };

/**
 * The provider id of an OIDC issuer: readable, URL-safe and derived from the issuer, so the
 * account table's (providerId, accountId) is (issuer, sub). It is part of the redirect URI
 * registered at the provider: {BASE_URL}/api/auth/callback/{id}. See ADR 0012.
 */
export function oidcLeverandorId(issuer: string): string {
  const u = new URL(issuer);
  const del = `${u.host}${u.pathname}`.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return `oidc-${del}`;
}

/** Better Auth's generic OAuth provider for our one OIDC issuer (none when SSO is off). */
function oidcLeverandorer(oidc: OidcKonfig | undefined) {
  if (!oidc) return [];
  return [
    {
      providerId: oidcLeverandorId(oidc.issuer),
      name: oidc.navn,
      discoveryUrl: `${oidc.issuer}/.well-known/openid-configuration`,
      // Identity comes from the signed ID token (issuer + JWKS from discovery), never unverified claims.
      requireIdTokenVerification: true,
      clientId: oidc.clientId,
      clientSecret: oidc.clientSecret,
      scopes: oidc.scopes,
      pkce: true,
      // accountId = the ID token's `sub` (Better Auth's default for OIDC discovery providers).
      mapProfileToUser: (p: { name?: unknown; email?: unknown }) => ({
        name: typeof p.name === "string" && p.name.trim() ? p.name : typeof p.email === "string" ? p.email.split("@")[0]! : "Uten navn",
      }),
    },
  ];
}

/** Navn på øktcookien; serveren bruker det for å vite om en forespørsel kan være innlogget. */
export const SESJONS_COOKIE_PREFIKS = "samla";

/**
 * Better Auth, configured once. Sessions live in the database (no per-process state), so several
 * app processes on one PostgreSQL share them. See docs/decisions/0003-autentisering.md.
 */
export function lagAuth(db: Kysely<Database>, k: AuthKonfig) {
  return betterAuth({
    appName: "Samla",
    baseURL: k.baseURL,
    basePath: "/api/auth",
    secret: k.secret,
    telemetry: { enabled: false },
    // Better Auth's messages go to our JSON log; they name events, never e-mail addresses.
    logger: {
      level: "warn",
      log: (niva, melding) => logg[niva]("better_auth", { melding }),
    },
    disabledPaths: STENGTE_ORGANISASJONSSTIER,
    database: { db: db as Kysely<any>, type: erSqlite(db) ? "sqlite" : "postgres" },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      autoSignIn: true,
    },
    // Linking an SSO identity to an existing account needs email_verified from the provider (the
    // OIDC provider is not "trusted") and a verified local e-mail (Better Auth's default), so an
    // unverified address is never linked either way. See ADR 0012.
    account: {
      accountLinking: { enabled: true, trustedProviders: [], disableImplicitLinking: false },
    },
    user: {
      additionalFields: {
        maalform: { type: "string", required: false, input: false },
      },
    },
    session: {
      expiresIn: 60 * 60 * 24 * 14,
      updateAge: 60 * 60 * 24,
    },
    // Barnehage = organization. Invitations are our own (code/link, no e-mail), see ADR 0007.
    plugins: [
      organization({
        ac: tilgangskontroll,
        roles: rolleDefinisjoner,
        creatorRole: "styrer",
        // Only our use case creates barnehager (a server call with userId counts as a system action).
        allowUserToCreateOrganization: false,
        membershipLimit: 500,
        schema: { organization: { additionalFields: { orgnummer: { type: "string", required: false } } } },
      }),
      genericOAuth({ config: oidcLeverandorer(k.oidc) }),
    ],
    advanced: {
      cookiePrefix: SESJONS_COOKIE_PREFIKS,
      // Set by server/app-server.ts from the socket (or trusted proxies), never by the client.
      ipAddress: { ipAddressHeaders: ["x-samla-klient-ip"] },
      useSecureCookies: k.sikreCookies,
      defaultCookieAttributes: { sameSite: "lax", httpOnly: true },
    },
  });
}

export type Auth = ReturnType<typeof lagAuth>;
