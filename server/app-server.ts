import http from "node:http";
import path from "node:path";
import { nyNonce } from "./nonce.ts";
import { KLIENT_IP_HODE, klientIp } from "./klient-ip.ts";
import { createRequest, sendResponse } from "@remix-run/node-fetch-server";
import { createRequestHandler, type ServerBuild } from "react-router";
import sirv from "sirv";
import { Sidebuffer, velgKoding } from "./sidebuffer.ts";
import { serverMedia } from "./media.ts";
import { harSesjonsCookie } from "../app/auth/sesjon.ts";
import { maalformFraCookie } from "../app/i18n/maalform.server.ts";
import { medSvarregler } from "./cookier.ts";

/**
 * The HTTP server around the React Router build. It is plain node:http, not Express, so the hot
 * path stays short: first the public page cache (one lookup, headers built once), then security
 * headers, the cross-origin and size checks, static files, media, and only then React Router. Services (database, auth, content) live inside the build and are started
 * through the functions entry.server.tsx exports.
 */

type Tjenester = {
  env: { BASE_URL: string; NODE_ENV: string; PORT: number; HOST: string; TRUST_PROXY_HOPS: number };
  innhold: { versjon: string; media: Map<string, { fil: string; storrelse: number; type: string }> };
};
type EntryModul = {
  klargjor: () => Promise<Tjenester>;
  stopp: () => Promise<void>;
  sikkerhet: Sikkerhet;
};
type Sikkerhet = { innholdsSikkerhet: (nonce: string, skriptHasher?: string[]) => string; sikkerhetsHoder: Record<string, string>; hstsHode: string };

const MAKS_KROPP = 1024 * 1024;

export async function lagServer(build: ServerBuild, klientMappe: string) {
  const entry = build.entry.module as unknown as EntryModul;
  const { sikkerhet } = entry;
  const t = await entry.klargjor();
  const handler = createRequestHandler(build, t.env.NODE_ENV === "development" ? "development" : "production");
  const buffer = new Sidebuffer(t.innhold.versjon);
  const egenOrigin = new URL(t.env.BASE_URL).origin;
  const https = egenOrigin.startsWith("https:");
  const statisk = sirv(klientMappe, {
    etag: true,
    // Pre-compressed by scripts/komprimer-ressurser.ts during the build.
    brotli: true,
    gzip: true,
    setHeaders(res, sti) {
      res.setHeader(
        "Cache-Control",
        sti.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "public, max-age=3600",
      );
    },
  });

  const sikkerhetsHoder = Object.entries(sikkerhet.sikkerhetsHoder).flat();
  if (https) sikkerhetsHoder.push("Strict-Transport-Security", sikkerhet.hstsHode);

  const server = http.createServer(async (req, res) => {
    const metode = req.method ?? "GET";
    const url = req.url ?? "/";
    const lese = metode === "GET" || metode === "HEAD";
    const cookie = req.headers.cookie ?? "";
    const anonym = !harSesjonsCookie(cookie);
    const bufferbar = lese && anonym && !url.includes("?");
    const nokkel = bufferbar ? buffer.nokkel(maalformFraCookie(cookie) ?? "nb", url) : "";

    // The hot path: a public page already rendered for this målform. Headers were built once.
    const treff = bufferbar ? buffer.hent(nokkel) : undefined;
    if (treff) {
      if (req.headers["if-none-match"] === treff.etag) {
        res.writeHead(304, [...sikkerhetsHoder, "ETag", treff.etag]);
        return res.end();
      }
      const v = treff.varianter[velgKoding(req.headers["accept-encoding"] as string | undefined)];
      res.writeHead(treff.status, [...sikkerhetsHoder, ...v.hoder, "Content-Security-Policy", sikkerhet.innholdsSikkerhet(nyNonce(), treff.skriptHasher)]);
      return res.end(metode === "HEAD" ? undefined : v.kropp);
    }

    for (let i = 0; i < sikkerhetsHoder.length; i += 2) res.setHeader(sikkerhetsHoder[i]!, sikkerhetsHoder[i + 1]!);
    const sti = url.split("?", 1)[0]!;
    if (!lese && !sammeOpphav(req, egenOrigin)) return svarTekst(res, 403, "Forespørsler fra andre nettsteder er avvist.");
    if (Number(req.headers["content-length"] ?? 0) > MAKS_KROPP) return svarTekst(res, 413, "Forespørselen er for stor.");

    if (lese && (sti.startsWith("/assets/") || sti === "/favicon.ico" || sti === "/favicon.svg")) {
      res.setHeader("Content-Security-Policy", "default-src 'none'");
      return statisk(req, res, () => svarTekst(res, 404, "Ikke funnet"));
    }
    if (lese && sti.startsWith("/media/")) {
      const fil = t.innhold.media.get(decodeURIComponent(sti.slice("/media/".length)));
      res.setHeader("Content-Security-Policy", "default-src 'none'");
      return fil ? serverMedia(req, res, fil) : svarTekst(res, 404, "Ikke funnet");
    }

    try {
      const request = createRequest(req, res);
      request.headers.set(KLIENT_IP_HODE, klientIp(req, t.env.TRUST_PROXY_HOPS));
      // Secure cookies on https, and no-store for everything a signed-in person is sent.
      const svar = medSvarregler(await handler(request), { https, innlogget: !anonym });
      if (svar.headers.get("X-Samla-Sidebuffer")) {
        svar.headers.delete("X-Samla-Sidebuffer");
        if (bufferbar && metode === "GET" && svar.status === 200) {
          const kropp = Buffer.from(await svar.arrayBuffer());
          const hoder = [...svar.headers].filter(([k]) => !["content-security-policy", "content-length", "set-cookie", "vary", "etag"].includes(k));
          buffer.lagre(nokkel, svar.status, hoder, kropp);
          return sendResponse(res, new Response(kropp, { status: svar.status, headers: svar.headers }));
        }
      }
      await sendResponse(res, svar);
    } catch (feil) {
      console.error(JSON.stringify({ tid: new Date().toISOString(), niva: "error", hendelse: "uventet_feil", feil: String(feil) }));
      if (!res.headersSent) svarTekst(res, 500, "Noe gikk galt hos oss. Prøv igjen om litt.");
      else res.destroy();
    }
  });
  // Keep idle connections open longer than clients and load balancers do (they usually give up
  // after 60 s), so a client never reuses a connection the server has just closed (ECONNRESET).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return { server, stopp: entry.stopp, buffer, env: t.env };
}

/** Cross-origin form posts are rejected for every route, not just the ones a framework guards. */
function sammeOpphav(req: http.IncomingMessage, egenOrigin: string): boolean {
  const origin = req.headers.origin;
  if (origin) return origin === egenOrigin || origin === `http://${req.headers.host}` || origin === `https://${req.headers.host}`;
  return req.headers["sec-fetch-site"] !== "cross-site";
}

function svarTekst(res: http.ServerResponse, status: number, tekst: string) {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Content-Security-Policy": "default-src 'none'" });
  res.end(tekst);
}

export const klientMappeFra = (rot: string) => path.join(rot, "build", "client");
