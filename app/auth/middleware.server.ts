import { redirect, type MiddlewareFunction } from "react-router";
import { aktorKontekst, barnehageKontekst, eierKontekst, maalformKontekst, type Aktor } from "#app/kontekst.ts";
import { krevMedlemskap } from "#app/domain/barnehage/barnehage.server.ts";
import { krevEierMedlemskap } from "#app/domain/eier/eier.server.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { maalformFraCookie } from "#app/i18n/maalform.server.ts";
import { erSpraak } from "#app/i18n/i18n.ts";
import type { Spraak } from "#app/domain/innhold/innhold.schema.ts";
import { erOktForGammel, harSesjonsCookie } from "./sesjon.ts";
import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import type { Auth } from "./auth.server.ts";
import { logg } from "#app/logg.server.ts";
import { lesGyldigOkt, type Okt } from "./okt-oppslag.server.ts";

/**
 * Reads the session of a request from the database, and refuses (and deletes) one that is past the
 * absolute lifetime (30 days from sign-in), even when the sliding renewal has kept it alive. Deleted,
 * so every later `auth.api.getSession` in this and any process refuses it too. The common case (a
 * valid session, no renewal due) is read with one query (`lesGyldigOkt`); everything else goes to
 * Better Auth's `getSession`, which also does the renewal (ADR 0033): its cookies (the renewed
 * session cookie, or the deletion of a bad one) come back in `cookier` for the response.
 * `utenSkriving` (the fast path): only the common case, never getSession.
 */
export async function lesOkt(auth: Auth, db: Kysely<Database>, headers: Headers, naa = Date.now(), { utenSkriving = false } = {}): Promise<(Okt & { cookier: string[] }) | null> {
  let sesjon: Okt | null = await lesGyldigOkt(auth, db, headers.get("cookie"), naa);
  let cookier: string[] = [];
  if (!sesjon && !utenSkriving) {
    const svar = await auth.api.getSession({ headers, returnHeaders: true });
    sesjon = svar.response;
    cookier = svar.headers.getSetCookie();
  }
  if (!sesjon) return null;
  if (erOktForGammel(sesjon.session.createdAt, naa)) {
    await db.deleteFrom("session").where("id", "=", sesjon.session.id).execute();
    logg.info("okt_utlopt_absolutt");
    return null;
  }
  return { ...sesjon, cookier };
}

/**
 * The actor and målform of a request, from its cookie header: the one session check. The root
 * middleware calls it for React Router, and the fast path (app/hurtigsti.server.ts) for its pages
 * with `utenSkriving`, so both paths see the same person or no one (ADR 0033); a session due for
 * renewal is no one to the fast path, so React Router renews it and sends the new cookie.
 */
export async function lesAktor(headers: Headers, valg: { utenSkriving?: boolean } = {}): Promise<{ aktor: Aktor | null; maalform: Spraak; cookier: string[] }> {
  const cookie = headers.get("cookie");
  let aktor: Aktor | null = null;
  let brukersMaalform: unknown;
  let cookier: string[] = [];
  if (harSesjonsCookie(cookie)) {
    const { auth, db } = tjenester();
    const sesjon = await lesOkt(auth, db, headers, Date.now(), valg);
    if (sesjon) {
      aktor = {
        id: sesjon.user.id,
        navn: sesjon.user.name,
        epost: sesjon.user.email,
        tofaktor: (sesjon.user as { twoFactorEnabled?: unknown }).twoFactorEnabled === true,
      };
      brukersMaalform = (sesjon.user as { maalform?: unknown }).maalform;
      cookier = sesjon.cookier;
    }
  }
  return { aktor, maalform: erSpraak(brukersMaalform) ? brukersMaalform : (maalformFraCookie(cookie) ?? "nb"), cookier };
}

/**
 * The one authentication chain. The root middleware reads the session (from the database, so it
 * holds across processes and a revoked session fails on the next request) and puts the actor and
 * the målform into the request context. The signed-in layout adds `krevInnlogging`, which covers
 * every loader and action below it.
 */
export const aktorMiddleware: MiddlewareFunction<Response> = async ({ request, context }, next) => {
  const { aktor, maalform, cookier } = await lesAktor(request.headers);
  context.set(aktorKontekst, aktor);
  context.set(maalformKontekst, maalform);
  if (!cookier.length) return;
  // The renewed session cookie (Better Auth's sliding renewal) goes out with whatever the answer is.
  const svar = await next();
  try {
    for (const c of cookier) svar.headers.append("set-cookie", c);
    return svar;
  } catch {
    // Immutable headers: copy the response once.
    const kopi = new Response(svar.body, { status: svar.status, statusText: svar.statusText, headers: new Headers(svar.headers) });
    for (const c of cookier) kopi.headers.append("set-cookie", c);
    return kopi;
  }
};

export const krevInnlogging: MiddlewareFunction<Response> = async ({ request, context }) => {
  if (!context.get(aktorKontekst)) {
    const url = new URL(request.url);
    throw redirect(`/logg-inn?til=${encodeURIComponent(url.pathname + url.search)}`);
  }
};

/**
 * On the barnehage layout (below krevInnlogging): reads the actor's membership in the barnehage
 * of the URL from the database on every request, for loaders and actions alike. Not a member
 * (never was, removed, or another barnehage) is "not found".
 */
export const barnehageMiddleware: MiddlewareFunction<Response> = async ({ params, context, request }) => {
  const aktor = context.get(aktorKontekst);
  const medlemskap = await krevMedlemskap(aktor, params.barnehageId ?? "", { db: tjenester().db });
  krevTofaktor(aktor, medlemskap.rolle, request);
  context.set(barnehageKontekst, medlemskap);
};

/** The roles that must have two-factor sign-in switched on to use their barnehage (ADR 0013). */
export const ROLLER_MED_TOFAKTORKRAV: readonly string[] = ["styrer", "eier"];

/** Where a person is sent to set up two-factor sign-in; `til` brings them back afterwards. */
export const TOFAKTOR_OPPSETT_STI = "/profil/tofaktor";

/**
 * Styrer and eier must have two-factor sign-in: without it, every page under their barnehage (or
 * eier's) sends them to the setup with an explanation (`krevd=1`) and the address to come back
 * to. Call it after the membership (or ownership) is known, for loaders and actions alike; the
 * role is the one in the organisation of the URL. Other roles pass untouched.
 */
export function krevTofaktor(aktor: Aktor | null, rolle: string, request: Pick<Request, "url" | "method">): void {
  if (!aktor || aktor.tofaktor || !ROLLER_MED_TOFAKTORKRAV.includes(rolle)) return;
  const url = new URL(request.url);
  // A client-side navigation asks for "/x.data?_routes=…": come back to the page "/x" itself.
  const sti = url.pathname.replace(/\.data$/, "").replace(/^\/_root$/, "/");
  url.searchParams.delete("_routes");
  url.searchParams.delete("index");
  // A form post has no page to come back to: return to the page it was posted from.
  const til = request.method === "GET" && url.search ? `${sti}${url.search}` : sti;
  throw redirect(`${TOFAKTOR_OPPSETT_STI}?krevd=1&til=${encodeURIComponent(til)}`);
}

/**
 * On the owner layout (below krevInnlogging): reads the actor's membership of the owner in the
 * URL from the database on every request, for loaders and actions alike. Not one of the owner's
 * people is "not found". Being an owner gives no access to the barnehager's own pages (ADR 0014).
 */
export const eierMiddleware: MiddlewareFunction<Response> = async ({ request, params, context }) => {
  const aktor = context.get(aktorKontekst);
  const medlemskap = await krevEierMedlemskap(aktor, params.eierId ?? "", { db: tjenester().db });
  // After the membership check, so non-members still get a plain 404 (ADR 0013).
  krevTofaktor(aktor, "eier", request);
  context.set(eierKontekst, medlemskap);
};
