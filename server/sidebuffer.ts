import { brotliCompressSync, gzipSync, constants } from "node:zlib";
import { createHash } from "node:crypto";

/**
 * Cache of rendered public pages, per content version, målform and path. A page is rendered by
 * React Router once, compressed once (brotli and gzip), and then served from memory: this is what
 * lets the public module page take a planning-day burst (see docs/benchmarks.md). Only anonymous
 * GET requests without a query string are served from or stored in it.
 */
export type Koding = "br" | "gzip" | "ren";
export type BufretSide = {
  status: number;
  etag: string;
  /** SHA-256 (base64) of each inline script: the CSP of a cache hit allows these instead of a nonce. */
  skriptHasher: string[];
  /** Body and complete response headers (flat [name, value, …]) per encoding, built once. */
  varianter: Record<Koding, { kropp: Buffer; hoder: string[] }>;
};

export class Sidebuffer {
  readonly #sider = new Map<string, BufretSide>();
  readonly #versjon: () => string;
  readonly maksAntall: number;
  /**
   * `versjon`: the content version, or a function giving it now. The app passes the version of
   * what is published at this minute (content hash and each module's visible edition, ADR 0034),
   * so a scheduled module or a new edition gets fresh pages at its minute, without a restart.
   */
  constructor(versjon: string | (() => string), maksAntall = 500) {
    this.#versjon = typeof versjon === "string" ? () => versjon : versjon;
    this.maksAntall = maksAntall;
  }

  get versjon() {
    return this.#versjon();
  }

  nokkel(maalform: string, sti: string) {
    return `${this.#versjon()}|${maalform}|${sti}`;
  }

  hent(nokkel: string) {
    return this.#sider.get(nokkel);
  }

  lagre(nokkel: string, status: number, hoder: [string, string][], kropp: Buffer): BufretSide {
    const etag = `"${createHash("sha1").update(kropp).digest("base64url").slice(0, 20)}"`;
    const felles = [...hoder.flat(), "ETag", etag, "Vary", "Cookie, Accept-Encoding"];
    const variant = (k: Buffer, koding?: string) => ({
      kropp: k,
      hoder: [...felles, ...(koding ? ["Content-Encoding", koding] : []), "Content-Length", String(k.length)],
    });
    const side: BufretSide = {
      status,
      etag,
      skriptHasher: inlineSkriptHasher(kropp.toString("utf8")),
      varianter: {
        ren: variant(kropp),
        gzip: variant(gzipSync(kropp, { level: 9 }), "gzip"),
        br: variant(brotliCompressSync(kropp, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }), "br"),
      },
    };
    // Bounded: the set of public pages is small and known; this only guards against surprises.
    if (this.#sider.size >= this.maksAntall) this.#sider.delete(this.#sider.keys().next().value!);
    this.#sider.set(nokkel, side);
    return side;
  }

  get antall() {
    return this.#sider.size;
  }
}

/** Picks the best encoding the client accepts: br, then gzip, then none. */
export function velgKoding(acceptEncoding: string | undefined): Koding {
  const a = acceptEncoding ?? "";
  if (/\bbr\b/.test(a)) return "br";
  if (/\bgzip\b/.test(a)) return "gzip";
  return "ren";
}

/** The SHA-256 hashes (base64) of the inline scripts of an HTML page, as CSP hash sources. */
export function inlineSkriptHasher(html: string): string[] {
  const hasher = new Set<string>();
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/i.test(m[1]!)) continue;
    hasher.add(createHash("sha256").update(m[2]!, "utf8").digest("base64"));
  }
  return [...hasher];
}
