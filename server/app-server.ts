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
import { logg, feilInfo } from "../app/logg.server.ts";
import { lagHurtigsti, type HurtigstiFunksjon } from "./hurtigsti.ts";

/**
 * The HTTP server around the React Router build. It is plain node:http, not Express, so the hot
 * path stays short: first the public page cache (one lookup, headers built once), then security
 * headers, the cross-origin and size checks, static files, media, and only then React Router. Services (database, auth, content) live inside the build and are started
 * through the functions entry.server.tsx exports.
 */

type Tjenester = {
  env: { BASE_URL: string; NODE_ENV: string; PORT: number; HOST: string; TRUST_PROXY_HOPS: number; DATA_DIR: string; DATABASE_URL?: string };
  innhold: { versjon: string; media: Map<string, { fil: string; storrelse: number; type: string }> };
};
type EntryModul = {
  klargjor: () => Promise<Tjenester>;
  stopp: () => Promise<void>;
  /** Starts the background jobs (ADR 0031); the process calls it once it listens. */
  startJobber?: () => void;
  sikkerhet: Sikkerhet;
  /** The samling version check (ADR 0026): the quoted ETag, or undefined for no such samling. */
  samlingVersjon?: (samlingId: string) => Promise<string | undefined>;
  /** The signed-in fast path for the team module page (ADR 0033): the page's parts around its nonce, or undefined for React Router. */
  hurtigsti?: HurtigstiFunksjon;
};
type Sikkerhet = { innholdsSikkerhet: (nonce: string, skriptHasher?: string[]) => string; sikkerhetsHoder: Record<string, string>; hstsHode: string };

const MAKS_KROPP = 1024 * 1024;

export async function lagServer(build: ServerBuild, klientMappe: string) {
  const entry = build.entry.module as unknown as EntryModul;
  const { sikkerhet } = entry;
  const t = await entry.klargjor();
  const handler = createRequestHandler(build, t.env.NODE_ENV === "development" ? "development" : "production");
  // `t.innhold` is what is published at this minute (ADR 0034): its version keys the cache.
  const buffer = new Sidebuffer(() => t.innhold.versjon);
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

  const hurtigsti = lagHurtigsti(entry.hurtigsti, (nonce) => sikkerhet.innholdsSikkerhet(nonce));
  const sikkerhetsHoder = Object.entries(sikkerhet.sikkerhetsHoder).flat();
  if (https) sikkerhetsHoder.push("Strict-Transport-Security", sikkerhet.hstsHode);

  const server = http.createServer((req, res) => {
    // The top-level guard: nothing a client sends (URL, headers, body) may end the process. An
    // error thrown here would otherwise be an unhandled rejection, which stops Node.
    behandle(req, res).catch((feil) => {
      const klientfeil = feil instanceof Klientfeil || feil instanceof URIError;
      loggFeil(klientfeil ? "ugyldig_foresporsel" : "uventet_feil", req, feil);
      if (res.headersSent) return void res.destroy();
      if (klientfeil) svarFeil(res, feil instanceof Klientfeil ? feil.status : 400, req, feil instanceof Klientfeil ? feil.melding : "ugyldig");
      else svarTekst(res, 500, "Noe gikk galt hos oss. Prøv igjen om litt.");
    });
  });

  async function behandle(req: http.IncomingMessage, res: http.ServerResponse) {
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
    // A malformed percent-encoding (/media/%E0) is the client's error, on every path.
    sjekkSti(sti);
    if (!lese && !sammeOpphav(req, egenOrigin)) return svarTekst(res, 403, "Forespørsler fra andre nettsteder er avvist.");
    if (Number(req.headers["content-length"] ?? 0) > MAKS_KROPP) return svarFeil(res, 413, req, "forStor");
    // Form actions read forms only: JSON, text or XML to a page is refused before it reaches one.
    // Better Auth's own endpoints (/api/auth/*) speak JSON and check their bodies themselves.
    if (!lese && !sti.startsWith("/api/auth/") && !erSkjemaKropp(req)) return svarFeil(res, 415, req, "kroppstype");

    // The samling version check (ADR 0026): phones, projectors and presenters poll it every
    // second; one read by primary key, an ETag, and 304 when nothing changed. No session, no
    // render: the id is an unguessable UUID and the answer is only a counter.
    if (lese && sti.startsWith("/samling-versjon/") && entry.samlingVersjon) {
      const etag = await entry.samlingVersjon(sti.slice("/samling-versjon/".length));
      res.setHeader("Content-Security-Policy", "default-src 'none'");
      res.setHeader("Cache-Control", "no-cache");
      if (!etag) return svarTekst(res, 404, "Ikke funnet");
      res.setHeader("ETag", etag);
      if (req.headers["if-none-match"] === etag) {
        res.writeHead(304);
        return res.end();
      }
      res.writeHead(200, { "Content-Type": "text/plain; charset=utf-8" });
      return res.end(metode === "HEAD" ? undefined : etag);
    }
    if (lese && (sti.startsWith("/assets/") || sti === "/favicon.ico" || sti === "/favicon.svg")) {
      res.setHeader("Content-Security-Policy", "default-src 'none'");
      return statisk(req, res, () => svarTekst(res, 404, "Ikke funnet"));
    }
    if (lese && sti.startsWith("/media/")) {
      const fil = t.innhold.media.get(decodeURIComponent(sti.slice("/media/".length)));
      res.setHeader("Content-Security-Policy", "default-src 'none'");
      return fil ? serverMedia(req, res, fil) : svarTekst(res, 404, "Ikke funnet");
    }

    // The signed-in fast path (ADR 0033): the team module page and /start, when this process has rendered it
    // for the same state; everything it does not answer goes on to React Router.
    if (lese && !anonym && (await hurtigsti(req, res, url, cookie))) return;

    let request: Request;
    try {
      request = createRequest(req, res);
    } catch (feil) {
      // A Host header that makes no URL, and the like.
      throw new Klientfeil(400, "ugyldig", { cause: feil });
    }
    request.headers.set(KLIENT_IP_HODE, klientIp(req, t.env.TRUST_PROXY_HOPS));
    // The size limit holds for chunked bodies too: bytes are counted as they arrive.
    let forStor = false;
    request = begrensKropp(request, MAKS_KROPP, () => {
      forStor = true;
      if (!res.headersSent) {
        res.setHeader("Connection", "close");
        svarFeil(res, 413, req, "forStor");
      }
    });
    try {
      // Secure cookies on https, and no-store for everything a signed-in person is sent.
      const svar = medSvarregler(await handler(request), { https, innlogget: !anonym });
      if (forStor || res.writableEnded) return;
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
      if (forStor || res.writableEnded) return;
      throw feil;
    }
  }
  // Malformed HTTP (bad header bytes, headers over Node's 16 KiB limit): Node's parser refuses it
  // before our handler runs. Answer 400/431 and log the parser's code, never the bytes.
  server.on("clientError", (feil: NodeJS.ErrnoException, socket) => {
    loggFeil("ugyldig_http", undefined, feil);
    if (!socket.writable || (socket as { _httpMessage?: unknown })._httpMessage) return void socket.destroy();
    const status = feil.code === "HPE_HEADER_OVERFLOW" ? "431 Request Header Fields Too Large" : "400 Bad Request";
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });
  // Keep idle connections open longer than clients and load balancers do (they usually give up
  // after 60 s), so a client never reuses a connection the server has just closed (ECONNRESET).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return { server, stopp: entry.stopp, startJobber: entry.startJobber ?? (() => {}), buffer, env: t.env };
}

/** Cross-origin form posts are rejected for every route, not just the ones a framework guards. */
function sammeOpphav(req: http.IncomingMessage, egenOrigin: string): boolean {
  const origin = req.headers.origin;
  if (origin) return origin === egenOrigin || origin === `http://${req.headers.host}` || origin === `https://${req.headers.host}`;
  return req.headers["sec-fetch-site"] !== "cross-site";
}

/** A refusal caused by what the client sent: answered with a 4xx, never a crash. */
class Klientfeil extends Error {
  readonly status: number;
  readonly melding: keyof typeof MELDINGER.nb;
  constructor(status: number, melding: keyof typeof MELDINGER.nb, options?: ErrorOptions) {
    super(`klientfeil ${status}`, options);
    this.name = "Klientfeil";
    this.status = status;
    this.melding = melding;
  }
}

function sjekkSti(sti: string) {
  try {
    decodeURIComponent(sti);
  } catch (feil) {
    throw new Klientfeil(400, "ugyldig", { cause: feil });
  }
}

/** The body types an HTML form sends (and an empty body with no type at all). */
function erSkjemaKropp(req: http.IncomingMessage): boolean {
  const type = (req.headers["content-type"] ?? "").split(";", 1)[0]!.trim().toLowerCase();
  if (type === "application/x-www-form-urlencoded" || type === "multipart/form-data") return true;
  return type === "" && !req.headers["transfer-encoding"] && Number(req.headers["content-length"] ?? 0) === 0;
}

/** The request with a body that fails once more than `maks` bytes have arrived (then `forStor` runs). */
export function begrensKropp(request: Request, maks: number, forStor: () => void): Request {
  if (!request.body) return request;
  let antall = 0;
  const teller = new TransformStream<Uint8Array, Uint8Array>({
    transform(bit, kontroll) {
      antall += bit.byteLength;
      if (antall > maks) {
        forStor();
        kontroll.error(new Klientfeil(413, "forStor"));
      } else kontroll.enqueue(bit);
    },
  });
  return new Request(request, { body: request.body.pipeThrough(teller), duplex: "half" } as RequestInit);
}

/** Refusals in the reader's målform (the cookie; bokmål by default). */
const MELDINGER = {
  nb: {
    ugyldig: "Adressen eller forespørselen er ugyldig.",
    forStor: "Forespørselen er for stor.",
    kroppstype: "Skjemaet kom i et format Samla ikke tar imot. Send det fra skjemaet på siden.",
  },
  nn: {
    ugyldig: "Adressa eller førespurnaden er ugyldig.",
    forStor: "Førespurnaden er for stor.",
    kroppstype: "Skjemaet kom i eit format Samla ikkje tek imot. Send det frå skjemaet på sida.",
  },
} as const;

function svarFeil(res: http.ServerResponse, status: number, req: http.IncomingMessage, melding: keyof typeof MELDINGER.nb) {
  const sprak = maalformFraCookie(typeof req.headers.cookie === "string" ? req.headers.cookie : null) ?? "nb";
  svarTekst(res, status, MELDINGER[sprak][melding]);
}

/** One log line per refused or failed request: method, error class and code; never the URL, headers or body. */
function loggFeil(hendelse: string, req: http.IncomingMessage | undefined, feil: unknown) {
  const f = feil as { code?: string; status?: number; cause?: unknown };
  const felt = { metode: req?.method, ...feilInfo(feil), kode: f?.code, status: f?.status, ...(f?.cause ? { arsak: feilInfo(f.cause).feil } : {}) };
  if (hendelse === "uventet_feil") logg.error(hendelse, felt);
  else logg.warn(hendelse, felt);
}

function svarTekst(res: http.ServerResponse, status: number, tekst: string) {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Content-Security-Policy": "default-src 'none'" });
  res.end(tekst);
}

export const klientMappeFra = (rot: string) => path.join(rot, "build", "client");
