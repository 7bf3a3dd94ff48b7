import { redirect, type MiddlewareFunction } from "react-router";
import { aktorKontekst, barnehageKontekst, eierKontekst, maalformKontekst, type Aktor } from "#app/kontekst.ts";
import { krevMedlemskap } from "#app/domain/barnehage/barnehage.server.ts";
import { krevEierMedlemskap } from "#app/domain/eier/eier.server.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { maalformFraCookie } from "#app/i18n/maalform.server.ts";
import { erSpraak } from "#app/i18n/i18n.ts";
import { harSesjonsCookie } from "./sesjon.ts";

/**
 * The one authentication chain. The root middleware reads the session (from the database, so it
 * holds across processes and a revoked session fails on the next request) and puts the actor and
 * the målform into the request context. The signed-in layout adds `krevInnlogging`, which covers
 * every loader and action below it.
 */
export const aktorMiddleware: MiddlewareFunction<Response> = async ({ request, context }) => {
  const cookie = request.headers.get("cookie");
  let aktor: Aktor | null = null;
  let brukersMaalform: unknown;
  if (harSesjonsCookie(cookie)) {
    const sesjon = await tjenester().auth.api.getSession({ headers: request.headers });
    if (sesjon) {
      aktor = { id: sesjon.user.id, navn: sesjon.user.name, epost: sesjon.user.email };
      brukersMaalform = (sesjon.user as { maalform?: unknown }).maalform;
    }
  }
  context.set(aktorKontekst, aktor);
  context.set(maalformKontekst, erSpraak(brukersMaalform) ? brukersMaalform : (maalformFraCookie(cookie) ?? "nb"));
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
export const barnehageMiddleware: MiddlewareFunction<Response> = async ({ params, context }) => {
  const medlemskap = await krevMedlemskap(context.get(aktorKontekst), params.barnehageId ?? "", { db: tjenester().db });
  context.set(barnehageKontekst, medlemskap);
};

/**
 * On the owner layout (below krevInnlogging): reads the actor's membership of the owner in the
 * URL from the database on every request, for loaders and actions alike. Not one of the owner's
 * people is "not found". Being an owner gives no access to the barnehager's own pages (ADR 0014).
 */
export const eierMiddleware: MiddlewareFunction<Response> = async ({ params, context }) => {
  const medlemskap = await krevEierMedlemskap(context.get(aktorKontekst), params.eierId ?? "", { db: tjenester().db });
  // MFA: issue 4 requires two-step sign-in for the eier role. Connect `krevTofaktor` here when
  // the MFA branch is merged (after the membership check, so non-members still get a plain 404).
  context.set(eierKontekst, medlemskap);
};
