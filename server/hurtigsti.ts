import type http from "node:http";
import { nyNonce } from "./nonce.ts";

/**
 * The server's side of the signed-in fast path (ADR 0033): which requests may try it, and the
 * response. Whether a request is answered, and with what, is decided inside the build
 * (app/hurtigsti.server.ts) by the same session, membership, policy and data functions React
 * Router uses; an undefined answer sends the request on to React Router, unchanged.
 */
/** The page as the parts around its CSP nonce (bytes, UTF-8), or undefined for React Router. */
export type HurtigstiFunksjon = (sti: string, cookie: string) => Promise<Buffer[] | undefined>;

export function lagHurtigsti(hurtigsti: HurtigstiFunksjon | undefined, innholdsSikkerhet: (nonce: string) => string) {
  if (!hurtigsti) return async () => false;
  /** Answers the request and returns true, or does nothing and returns false. */
  return async function svar(req: http.IncomingMessage, res: http.ServerResponse, url: string, cookie: string): Promise<boolean> {
    // Which addresses it covers (the team module page, /start) is the build's to say; a query string never.
    if (url.includes("?")) return false;
    const deler = await hurtigsti(url, cookie);
    if (deler === undefined) return false;
    // A fresh nonce in the page (`<link nonce>`, `<script nonce>`) and in the header, as React Router
    // gives each answer. The kept bytes are written as they are around it: no copy of the page.
    const nonce = nyNonce();
    const nonceByte = Buffer.from(nonce);
    let lengde = nonceByte.length * (deler.length - 1);
    for (const d of deler) lengde += d.length;
    // The headers React Router's answer has (entry.server.tsx and server/cookier.ts): a fresh CSP
    // nonce, HTML, and no-store for a signed-in person. The security headers are already set.
    res.writeHead(200, {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": innholdsSikkerhet(nonce),
      "Cache-Control": "no-store",
      "Content-Length": lengde,
      // Which path answered: for the equality test and for anyone reading a response.
      "X-Samla-Hurtigsti": "1",
    });
    if (req.method === "HEAD") {
      res.end();
      return true;
    }
    res.cork();
    deler.forEach((del, i) => {
      if (i > 0) res.write(nonceByte);
      res.write(del);
    });
    res.end();
    return true;
  };
}
