import { PassThrough, Transform } from "node:stream";
import type { EntryContext, RouterContextProvider, HandleErrorFunction } from "react-router";
import { ServerRouter, isRouteErrorResponse } from "react-router";
import { logg } from "./logg.server.ts";
import { createReadableStreamFromReadable } from "@react-router/node";
import { renderToString } from "react-dom/server";
import { stromSide } from "./strom-side.server.ts";
import { isbot } from "isbot";
import { NonceContext } from "./components/nonce.tsx";
import { innholdsSikkerhet, sikkerhetsHoder, hstsHode } from "./sikkerhet.server.ts";
import { harSesjonsCookie } from "./auth/sesjon.ts";
import type { SideHandle } from "./root.tsx";
// The one nonce source (16 bytes from the OS generator, pooled): cached pages and rendered pages alike.
import { nyNonce } from "../server/nonce.ts";

import { klargjor, tjenester } from "./tjenester.server.ts";
import { liveEtag } from "./domain/samling/rom.server.ts";
import { env, oidcKonfig } from "./env.server.ts";
import { erHurtigRute, huskSide } from "./hurtigsti.server.ts";
import { aktorKontekst } from "./kontekst.ts";
export { hurtigsti } from "./hurtigsti.server.ts";
export { klargjor, startJobber, stopp, tjenester } from "./tjenester.server.ts";
/**
 * The CSP of every HTML page, rendered now or served from the page cache: the SSO form's redirect
 * may go on to the OIDC provider's origin (form-action), and nowhere else.
 */
function sidensInnholdsSikkerhet(nonce: string, skriptHasher?: string[]): string {
  const oidc = oidcKonfig(env());
  return innholdsSikkerhet(nonce, oidc ? [new URL(oidc.issuer).origin] : [], skriptHasher);
}

/**
 * For server/app-server.ts: the samling version check (ADR 0026), answered before React Router
 * with one read by primary key, so polling every second costs next to nothing.
 */
export async function samlingVersjon(samlingId: string): Promise<string | undefined> {
  return liveEtag(tjenester().db, samlingId);
}

/** For server/app-server.ts, which sets these headers on every response (and the CSP on cached pages). */
export const sikkerhet = { innholdsSikkerhet: sidensInnholdsSikkerhet, sikkerhetsHoder, hstsHode };

/** A signed-in person's page data is never stored (server/app-server.ts does the same for all responses). */
export function handleDataRequest(response: Response, { request }: { request: Request }) {
  if (harSesjonsCookie(request.headers.get("cookie"))) response.headers.set("Cache-Control", "no-store");
  return response;
}

// `npm run dev` (Vite) loads this module without server/main.ts, so start the services here.
if (import.meta.env.DEV) await klargjor();

export const streamTimeout = 5_000;

/** Unexpected errors go to the JSON log (with the stack, for us); 4xx are normal answers. */
export const handleError: HandleErrorFunction = (feil, { request }) => {
  if (request.signal.aborted) return;
  if (isRouteErrorResponse(feil) && feil.status < 500) return;
  if (feil instanceof Response && feil.status < 500) return;
  const sti = new URL(request.url).pathname;
  if (feil instanceof Error) logg.error("uventet_feil", { sti, feil: feil.name, melding: feil.message, stakk: feil.stack });
  else logg.error("uventet_feil", { sti, feil: String(feil) });
};

/**
 * Renders every HTML document. Each response gets a fresh CSP nonce, used by the few inline
 * scripts React Router writes; no 'unsafe-inline' scripts are allowed.
 */
export default async function handleRequest(
  request: Request,
  status: number,
  headers: Headers,
  routerContext: EntryContext,
  loadContext: RouterContextProvider,
) {
  const nonce = nyNonce();
  headers.set("Content-Security-Policy", sidensInnholdsSikkerhet(nonce));
  headers.set("Content-Type", "text/html; charset=utf-8");
  if (harSesjonsCookie(request.headers.get("cookie"))) headers.set("Cache-Control", "no-store");
  const innhold = (
    <NonceContext value={nonce}>
      <ServerRouter context={routerContext} url={request.url} nonce={nonce} />
    </NonceContext>
  );
  // A page without scripts (`handle.utenJs`) has nothing to stream after the shell and no
  // Suspense: one synchronous renderToString is cheaper than a pipeable stream (issue 16). The
  // loader data is not sent either (StreamTransfer writes nothing when <Scripts> was not rendered).
  // A throw here is what a rejected stromSide is below (the shell failed): React Router renders the error page.
  if (erUtenJs(routerContext)) {
    const html = `<!DOCTYPE html>${renderToString(innhold)}`;
    huskForHurtigstien(request, status, routerContext, loadContext, html, nonce);
    return new Response(html, { headers, status });
  }
  const kropp = await stromSide(innhold, {
    nonce,
    ventPaaAlt: isbot(request.headers.get("user-agent")) || routerContext.isSpaMode,
    tidsfristMs: streamTimeout + 1000,
    lagKropp() {
      // A page the fast path may answer later (/start): its bytes are kept as they pass (ADR 0033).
      if (!kanHuskes(request, status, routerContext)) return new PassThrough();
      const biter: Buffer[] = [];
      return new Transform({
        transform(bit: Buffer, _koding, videre) {
          biter.push(bit);
          videre(null, bit);
        },
        flush(ferdig) {
          huskForHurtigstien(request, status, routerContext, loadContext, Buffer.concat(biter).toString("utf8"), nonce);
          ferdig();
        },
      });
    },
    onError(feil, etterSkallet) {
      status = 500;
      if (etterSkallet) console.error(feil);
    },
  });
  return new Response(createReadableStreamFromReadable(kropp), { headers, status });
}

/** Whether this answer may be kept for the fast path: one of its pages, a GET without a query string, 200, no errors, no action (ADR 0033). */
function kanHuskes(request: Request, status: number, routerContext: EntryContext): boolean {
  const h = routerContext.staticHandlerContext;
  return erHurtigRute(h.matches.at(-1)?.route.id) && request.method === "GET" && status === 200 && !h.errors && !h.actionData && !new URL(request.url).search;
}

/** A page React Router rendered for a GET without a query string: kept when it is one of the fast path's (ADR 0033). */
function huskForHurtigstien(request: Request, status: number, routerContext: EntryContext, loadContext: RouterContextProvider, html: string, nonce: string) {
  if (!kanHuskes(request, status, routerContext)) return;
  const h = routerContext.staticHandlerContext;
  huskSide(h.matches.at(-1)?.route.id, new URL(request.url).pathname, h.loaderData, loadContext.get(aktorKontekst), html, nonce);
}

/** Whether the page that answers (the deepest route) is plain HTML without scripts (`handle.utenJs`). */
function erUtenJs(routerContext: EntryContext): boolean {
  const siste = routerContext.staticHandlerContext.matches.at(-1);
  if (!siste || routerContext.staticHandlerContext.errors) return false;
  return (routerContext.routeModules[siste.route.id]?.handle as SideHandle | undefined)?.utenJs === true;
}
