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
  /** Body and complete response headers (flat [name, value, …]) per encoding, built once. */
  varianter: Record<Koding, { kropp: Buffer; hoder: string[] }>;
};

export class Sidebuffer {
  readonly #sider = new Map<string, BufretSide>();
  readonly versjon: string;
  readonly maksAntall: number;
  constructor(versjon: string, maksAntall = 500) {
    this.versjon = versjon;
    this.maksAntall = maksAntall;
  }

  nokkel(maalform: string, sti: string) {
    return `${this.versjon}|${maalform}|${sti}`;
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
