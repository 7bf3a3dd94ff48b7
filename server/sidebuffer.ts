import { brotliCompressSync, gzipSync, constants } from "node:zlib";
import { createHash } from "node:crypto";

/**
 * Cache of rendered public pages, per content version, målform and path. A page is rendered by
 * React Router once, compressed once (brotli and gzip), and then served from memory: this is what
 * lets the public module page take a planning-day burst (see docs/benchmarks.md). Only anonymous
 * GET requests without a query string are served from or stored in it.
 */
export type BufretSide = {
  status: number;
  hoder: [string, string][];
  ren: Buffer;
  gzip: Buffer;
  br: Buffer;
  etag: string;
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
    const side: BufretSide = {
      status,
      hoder,
      ren: kropp,
      gzip: gzipSync(kropp, { level: 9 }),
      br: brotliCompressSync(kropp, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
      etag: `"${createHash("sha1").update(kropp).digest("base64url").slice(0, 20)}"`,
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
export function velgKoding(acceptEncoding: string | undefined): "br" | "gzip" | undefined {
  const a = acceptEncoding ?? "";
  if (/\bbr\b/.test(a)) return "br";
  if (/\bgzip\b/.test(a)) return "gzip";
  return undefined;
}
