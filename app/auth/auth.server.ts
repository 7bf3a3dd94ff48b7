import { betterAuth } from "better-auth";
import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import { erSqlite } from "#app/db/dialekt.ts";
import { logg } from "#app/logg.server.ts";

export type AuthKonfig = { baseURL: string; secret: string; sikreCookies: boolean };

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
    database: { db: db as Kysely<any>, type: erSqlite(db) ? "sqlite" : "postgres" },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      autoSignIn: true,
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
