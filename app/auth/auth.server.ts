import { betterAuth } from "better-auth";
import { organization, twoFactor } from "better-auth/plugins";
import { genericOAuth } from "better-auth/plugins/generic-oauth";
import type { OidcKonfig } from "#app/env.server.ts";
import { rolleDefinisjoner, tilgangskontroll } from "./roller.ts";
import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import { erSqlite } from "#app/db/dialekt.ts";
import { logg } from "#app/logg.server.ts";
import type { EpostSender } from "#app/epost/epost.server.ts";
import { lagEpostInnhold, type EpostType } from "#app/epost/maler.ts";
import { maalformFraCookie } from "#app/i18n/maalform.server.ts";
import { erSpraak } from "#app/i18n/i18n.ts";
import { loggSsoInnlogging, SSO_FEIL_TIL, utstederVakt } from "#app/domain/konto/sso.server.ts";
import { etterNyttPassord } from "#app/domain/konto/passord.server.ts";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { erVanligPassord } from "#app/domain/konto/vanlige-passord.server.ts";

/**
 * Every Better Auth path that sets a password, and where the new password is in its body. The hook
 * below refuses common passwords on each (sign-up, bli-med with a new account, reset, change), for
 * our forms and for any server call alike. See ADR 0021.
 */
const PASSORDSTIER: Record<string, "password" | "newPassword"> = {
  "/sign-up/email": "password",
  "/reset-password": "newPassword",
  "/change-password": "newPassword",
  "/set-password": "newPassword",
};
export const VANLIG_PASSORD_KODE = "PASSWORD_COMMON";
import { MAKS_EPOST, MAKS_NAVN } from "#app/domain/konto/konto.schema.ts";
import { GJENOPPRETTING_ALFABET } from "#app/domain/tofaktor/tofaktor.schema.ts";
import { randomInt } from "node:crypto";

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

/**
 * Better Auth's two-factor endpoints over HTTP are closed (404) as well: our own pages
 * (/profil/tofaktor, /logg-inn/kode) call them as `auth.api.*`, so every wrong code is counted in
 * our database limit and written to the audit log. See ADR 0013.
 */
export const STENGTE_TOFAKTORSTIER = [
  "enable", "disable", "get-totp-uri", "verify-totp", "send-otp", "verify-otp", "verify-backup-code", "generate-backup-codes",
].map((s) => `/two-factor/${s}`);


export type AuthKonfig = {
  baseURL: string;
  secret: string;
  sikreCookies: boolean;
  /** Sends verification and password-reset mails. Unset: no mails (and no password reset). */
  epost?: EpostSender;
  /** The one OIDC provider for single sign-on (Feide-ready). Unset: no SSO. */
  oidc?: OidcKonfig | undefined;
};

/** Where a password-reset link leads: our own Norwegian page, which posts the token back. */
export const NYTT_PASSORD_STI = "/nytt-passord";
/** Where Better Auth sends the person after the verification link (with ?error=… on failure). */
export const EPOST_BEKREFTET_STI = "/epost-bekreftet";

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
      mapProfileToUser: (p: { name?: unknown; email?: unknown }) => ({ name: ssoNavn(p) }),
    },
  ];
}

/**
 * The name an SSO identity brings, within the same limit as our forms (MAKS_NAVN): the provider's
 * claim is cut, not refused, so a person with a long name can still sign in.
 */
export function ssoNavn(p: { name?: unknown; email?: unknown }): string {
  const navn = typeof p.name === "string" && p.name.trim() ? p.name : typeof p.email === "string" ? p.email.split("@")[0]! : "Uten navn";
  // Cut at a whole character, measured as Zod measures (UTF-16 units).
  let kort = "";
  for (const tegn of navn.normalize("NFC").trim()) {
    if (kort.length + tegn.length > MAKS_NAVN) break;
    kort += tegn;
  }
  return kort.trim() || "Uten navn";
}

/**
 * The text limits of our forms, on every path that writes a user (Better Auth's own endpoints,
 * SSO, server calls): an over-long name, e-mail or image URL is refused with 400.
 */
export function sjekkBrukerfelt(user: { name?: unknown; email?: unknown; image?: unknown }) {
  const forLang = (v: unknown, maks: number) => typeof v === "string" && v.trim().length > maks;
  if (forLang(user.name, MAKS_NAVN) || forLang(user.email, MAKS_EPOST) || forLang(user.image, 2000)) {
    throw new APIError("BAD_REQUEST", { message: "Navn, e-post eller bilde er for langt." });
  }
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
    // State and callback errors of the OIDC sign-in land on our sign-in page (?error=…), ADR 0012.
    onAPIError: { errorURL: SSO_FEIL_TIL },
    disabledPaths: [...STENGTE_ORGANISASJONSSTIER, ...STENGTE_TOFAKTORSTIER],
    database: { db: db as Kysely<any>, type: erSqlite(db) ? "sqlite" : "postgres" },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        const felt = PASSORDSTIER[ctx.path];
        const body = ctx.body as Record<string, unknown> | undefined;
        const passord = felt ? body?.[felt] : undefined;
        if (typeof passord !== "string") return;
        const egne = [body?.name, body?.email].map((x) => (typeof x === "string" ? x : undefined));
        if (await erVanligPassord(passord, egne)) {
          throw new APIError("BAD_REQUEST", { message: "Password is too common", code: VANLIG_PASSORD_KODE });
        }
      }),
    },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      autoSignIn: true,
      // A reset proves control of the mailbox, not of the sessions: end them all.
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      // A reset proves the mailbox: the address is verified, and SSO links it never vouched for go.
      onPasswordReset: async ({ user }: { user: { id: string } }) => etterNyttPassord(db, user.id),
      ...(k.epost
        ? {
            // Not awaited: the answer must take as long for an unknown address as for a known one.
            sendResetPassword: async ({ user, token }: { user: EpostMottaker; token: string }, request?: Request) => {
              void sendEpost(k.epost!, "nyttPassord", user, `${k.baseURL}${NYTT_PASSORD_STI}?token=${encodeURIComponent(token)}`, request);
            },
          }
        : {}),
    },
    // Verification is sent on sign-up but not required to sign in (yet); see ADR 0010.
    emailVerification: k.epost
      ? {
          sendOnSignUp: true,
          expiresIn: 60 * 60 * 24,
          sendVerificationEmail: async ({ user, url }: { user: EpostMottaker; url: string }, request?: Request) =>
            sendEpost(k.epost!, "verifiser", user, url, request),
        }
      : undefined,
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
    databaseHooks: {
      // SSO sign-ins reach the audit log here (the e-mail path logs in loggInn); ADR 0015.
      session: {
        create: {
          after: async (session, ctx) => {
            await loggSsoInnlogging(db, session.userId, ctx?.path);
          },
        },
      },
      user: {
        create: {
          // A new account keeps the målform the person was reading in, so the first mail (the
          // verification) is in their målform too.
          before: async (user, ctx) => {
            sjekkBrukerfelt(user);
            const fraCookie = maalformFraCookie(ctx?.headers?.get("cookie") ?? null);
            return fraCookie && !erSpraak(user.maalform) ? { data: { ...user, maalform: fraCookie } } : undefined;
          },
        },
        update: {
          before: async (user) => {
            sjekkBrukerfelt(user);
            return undefined;
          },
        },
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
      // Drops the provider when discovery names another issuer than OIDC_ISSUER (ADR 0012).
      ...(k.oidc ? [utstederVakt(k.oidc)] : []),
      // TOTP with 10 recovery codes, both stored encrypted (ADR 0013). Only password sign-in asks
      // for the second factor. allowPasswordless: an account with no password (SSO only) can still
      // set up TOTP; an account with a password must give it.
      twoFactor({
        issuer: "Samla",
        allowPasswordless: true,
        // Recovery codes without look-alike characters (issue 15): lagGjenopprettingskoder.
        backupCodeOptions: { amount: 10, length: 10, storeBackupCodes: "encrypted", customBackupCodesGenerate: lagGjenopprettingskoder },
        twoFactorCookieMaxAge: 10 * 60,
      }),
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

type EpostMottaker = { email: string; name: string; maalform?: unknown };

/**
 * Sends one account mail in the person's målform (their setting, else the målform cookie of the
 * request, else bokmål). A failed send is logged and swallowed: sign-up still succeeds, and the
 * reset page shows the same neutral answer either way. Never logs the address or the link.
 */
async function sendEpost(sender: EpostSender, type: EpostType, user: EpostMottaker, lenke: string, request?: Request) {
  const maalform = erSpraak(user.maalform) ? user.maalform : (maalformFraCookie(request?.headers.get("cookie") ?? null) ?? "nb");
  try {
    await sender.send({ til: user.email, ...lagEpostInnhold(type, maalform, { navn: user.name, lenke }) });
  } catch (feil) {
    const f = feil as { name?: string; code?: string };
    logg.error("epost_feilet", { type, feil: f?.name, kode: f?.code });
  }
}

/**
 * Ten recovery codes of ten symbols from GJENOPPRETTING_ALFABET (no 0/o, 1/l/i), «abcde-fghjk»,
 * so a code read from paper is typed right the first time.
 */
export function lagGjenopprettingskoder(): string[] {
  return Array.from({ length: 10 }, () => {
    let kode = "";
    for (let i = 0; i < 10; i++) kode += GJENOPPRETTING_ALFABET[randomInt(GJENOPPRETTING_ALFABET.length)];
    return `${kode.slice(0, 5)}-${kode.slice(5)}`;
  });
}
