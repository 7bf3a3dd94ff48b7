import { createHmac, timingSafeEqual } from "node:crypto";
import { parseCookies } from "better-call";
import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import { forbered } from "#app/db/forbered.ts";
import type { Auth } from "./auth.server.ts";

/** The session and the person, as the one session check uses them (ADR 0033). */
export type Okt = {
  session: { id: string; createdAt: Date };
  user: { id: string; name: string; email: string; twoFactorEnabled?: unknown; maalform?: unknown };
};

type Oppsett = { navn: string; hemmelighet: string; utloperEtterMs: number; fornyEtterMs: number } | null;
const oppsett = new WeakMap<Auth, Promise<Oppsett>>();

/** Better Auth's own settings for this instance: the cookie name, the secret, the session lifetimes. */
function lesOppsett(auth: Auth): Promise<Oppsett> {
  let o = oppsett.get(auth);
  if (!o) {
    o = auth.$context.then((k) => {
      // Options the settings here leave out today (auth.server.ts), read as Better Auth's general options.
      const valg = k.options as { secondaryStorage?: unknown; session?: { cookieCache?: { enabled?: boolean }; deferSessionRefresh?: boolean; disableSessionRefresh?: boolean } };
      const s = valg.session;
      // Sessions kept anywhere but in the database, a cookie cache or deferred refresh: Better Auth decides every time.
      if (valg.secondaryStorage || s?.cookieCache?.enabled || s?.deferSessionRefresh || s?.disableSessionRefresh) return null;
      return { navn: k.authCookies.sessionToken.name, hemmelighet: k.secret, utloperEtterMs: k.sessionConfig.expiresIn * 1000, fornyEtterMs: k.sessionConfig.updateAge * 1000 };
    });
    oppsett.set(auth, o);
  }
  return o;
}

/** The session and its person by token, in one query compiled once per database (issue 16). */
const oktSporring = forbered((db, p: { token: string }) =>
  db
    .selectFrom("session")
    .innerJoin("user", "user.id", "session.userId")
    .select(["session.id", "session.expiresAt", "session.createdAt", "user.id as brukerId", "user.name", "user.email", "user.twoFactorEnabled", "user.maalform"])
    .where("session.token", "=", p.token),
);

/**
 * A read-only check of the session cookie for the common case, or null: then Better Auth's
 * `getSession` decides, as before (ADR 0033). It gives a session only when Better Auth would give
 * the same one without writing anything: the cookie Better Auth reads (its name and its own cookie
 * parser), signed with our secret (HMAC-SHA256, the exact signature Better Auth makes), a session
 * with that token and a person, not expired, and not due for the sliding renewal (that writes, so
 * getSession does it). Anything else (no cookie, a bad signature, an unknown token, an expired
 * session, a renewal due, a cookie cache) answers null, so this never admits what getSession
 * refuses; it only saves getSession's work (a key import and verify through Web Crypto, two queries
 * through the adapter, and its endpoint machinery) on every signed-in request.
 */
export async function lesGyldigOkt(auth: Auth, db: Kysely<Database>, cookie: string | null, naa = Date.now()): Promise<Okt | null> {
  if (!cookie) return null;
  const o = await lesOppsett(auth);
  if (!o) return null;
  const verdi = parseCookies(cookie).get(o.navn);
  if (!verdi) return null;
  const punktum = verdi.lastIndexOf(".");
  if (punktum < 1) return null;
  const token = verdi.slice(0, punktum);
  const signatur = Buffer.from(verdi.slice(punktum + 1));
  const riktig = Buffer.from(createHmac("sha256", o.hemmelighet).update(token).digest("base64"));
  if (signatur.length !== riktig.length || !timingSafeEqual(signatur, riktig)) return null;
  const [rad] = await oktSporring(db, { token });
  if (!rad) return null;
  const utloper = new Date(rad.expiresAt).getTime();
  // Expired (getSession refuses it), or due for renewal (getSession moves expiresAt and writes).
  if (!(utloper > naa) || utloper - o.utloperEtterMs + o.fornyEtterMs <= naa) return null;
  return {
    session: { id: rad.id, createdAt: new Date(rad.createdAt) },
    user: { id: rad.brukerId, name: rad.name, email: rad.email, twoFactorEnabled: rad.twoFactorEnabled === true || rad.twoFactorEnabled === 1, maalform: rad.maalform },
  };
}
