import { PassThrough } from "node:stream";
import { randomBytes } from "node:crypto";
import type { EntryContext, RouterContextProvider, HandleErrorFunction } from "react-router";
import { ServerRouter, isRouteErrorResponse } from "react-router";
import { logg } from "./logg.server.ts";
import { createReadableStreamFromReadable } from "@react-router/node";
import { renderToPipeableStream } from "react-dom/server";
import { isbot } from "isbot";
import { NonceContext } from "./components/nonce.tsx";
import { innholdsSikkerhet, sikkerhetsHoder, hstsHode } from "./sikkerhet.server.ts";

import { klargjor } from "./tjenester.server.ts";
import { env, oidcKonfig } from "./env.server.ts";
export { klargjor, stopp, tjenester } from "./tjenester.server.ts";
/** For server/app-server.ts, which sets these headers on every response. */
export const sikkerhet = { innholdsSikkerhet, sikkerhetsHoder, hstsHode };

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
export default function handleRequest(
  request: Request,
  status: number,
  headers: Headers,
  routerContext: EntryContext,
  _loadContext: RouterContextProvider,
) {
  const nonce = randomBytes(16).toString("base64");
  const oidc = oidcKonfig(env());
  headers.set("Content-Security-Policy", innholdsSikkerhet(nonce, oidc ? [new URL(oidc.issuer).origin] : []));
  headers.set("Content-Type", "text/html; charset=utf-8");
  const ventPaaAlt = isbot(request.headers.get("user-agent")) || routerContext.isSpaMode;
  return new Promise<Response>((resolve, reject) => {
    let ferdig = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext value={nonce}>
        <ServerRouter context={routerContext} url={request.url} nonce={nonce} />
      </NonceContext>,
      {
        nonce,
        [ventPaaAlt ? "onAllReady" : "onShellReady"]() {
          ferdig = true;
          const body = new PassThrough();
          resolve(new Response(createReadableStreamFromReadable(body), { headers, status }));
          pipe(body);
        },
        onShellError: reject,
        onError(feil: unknown) {
          status = 500;
          if (ferdig) console.error(feil);
        },
      },
    );
    setTimeout(abort, streamTimeout + 1000);
  });
}
