import { describe, expect, it } from "vitest";
import { gunzipSync, brotliDecompressSync } from "node:zlib";
import { createHash } from "node:crypto";
import { inlineSkriptHasher, Sidebuffer, velgKoding } from "./sidebuffer.ts";
import { lesOmraade } from "./media.ts";
import { nyNonce } from "./nonce.ts";

describe("nonce", () => {
  it("skal gi en ny nonce på 16 byte hver gang, også forbi poolen", () => {
    const sett = new Set(Array.from({ length: 1000 }, nyNonce));
    expect(sett.size).toBe(1000);
    for (const n of sett) expect(Buffer.from(n, "base64")).toHaveLength(16);
  });
});

describe("sidebufferen", () => {
  it("skal komprimere én gang og gi samme innhold tilbake", () => {
    const b = new Sidebuffer("v1");
    const html = Buffer.from("<html>" + "æøå ".repeat(1000) + "</html>");
    const n = b.nokkel("nn", "/moduler/tiltak");
    b.lagre(n, 200, [["content-type", "text/html"]], html);
    const side = b.hent(n)!;
    expect(gunzipSync(side.varianter.gzip.kropp).equals(html)).toBe(true);
    expect(brotliDecompressSync(side.varianter.br.kropp).equals(html)).toBe(true);
    expect(side.varianter.br.kropp.length).toBeLessThan(html.length / 10);
    expect(side.varianter.br.hoder).toEqual(expect.arrayContaining(["Content-Encoding", "br", "Content-Length", String(side.varianter.br.kropp.length)]));
    expect(b.hent(b.nokkel("nb", "/moduler/tiltak"))).toBeUndefined();
  });

  it("skal lagre SHA-256 av hvert inline-skript, så CSP-en for et treff ikke gjenbruker en nonce", () => {
    const html = '<html><script nonce="abc">window.x=1</script><script type="module" src="/assets/a.js"></script><script nonce="abc" type="module">import "/a";</script></html>';
    const h = (t: string) => createHash("sha256").update(t).digest("base64");
    expect(inlineSkriptHasher(html)).toEqual([h("window.x=1"), h('import "/a";')]);
    const b = new Sidebuffer("v1");
    expect(b.lagre(b.nokkel("nb", "/"), 200, [], Buffer.from(html)).skriptHasher).toHaveLength(2);
  });

  it("skal holde seg innenfor maks antall sider", () => {
    const b = new Sidebuffer("v1", 2);
    for (const sti of ["/a", "/b", "/c"]) b.lagre(b.nokkel("nb", sti), 200, [], Buffer.from(sti));
    expect(b.antall).toBe(2);
    expect(b.hent(b.nokkel("nb", "/a"))).toBeUndefined();
  });

  it("skal velge brotli, så gzip, så ingen komprimering", () => {
    expect(velgKoding("gzip, deflate, br")).toBe("br");
    expect(velgKoding("gzip")).toBe("gzip");
    expect(velgKoding(undefined)).toBe("ren");
  });
});

describe("byte-områder for film", () => {
  it.each([
    ["bytes=0-99", { start: 0, slutt: 99 }],
    ["bytes=100-", { start: 100, slutt: 999 }],
    ["bytes=-100", { start: 900, slutt: 999 }],
    ["bytes=900-5000", { start: 900, slutt: 999 }],
  ])("%s", (hode, ventet) => {
    expect(lesOmraade(hode, 1000)).toEqual(ventet);
  });

  it("skal avvise områder utenfor fila og ignorere det som ikke er byte-områder", () => {
    expect(lesOmraade("bytes=1000-", 1000)).toBe("ugyldig");
    expect(lesOmraade("bytes=-0", 1000)).toBe("ugyldig");
    expect(lesOmraade("items=0-1", 1000)).toBeUndefined();
    expect(lesOmraade(undefined, 1000)).toBeUndefined();
  });
});

describe("klientens adresse", () => {
  const req = (xff: string | undefined, ip = "10.0.0.9") => ({ headers: { "x-forwarded-for": xff }, socket: { remoteAddress: ip } }) as never;
  it("skal bruke socketen når ingen proxy er betrodd, uansett hva klienten sender", async () => {
    const { klientIp } = await import("./klient-ip.ts");
    expect(klientIp(req("1.2.3.4"), 0)).toBe("10.0.0.9");
  });
  it("skal telle betrodde proxyer fra høyre, så en forfalsket X-Forwarded-For ikke hjelper", async () => {
    const { klientIp } = await import("./klient-ip.ts");
    expect(klientIp(req("6.6.6.6, 203.0.113.7"), 1)).toBe("203.0.113.7");
    expect(klientIp(req("6.6.6.6, 203.0.113.7, 10.1.1.1"), 2)).toBe("203.0.113.7");
    expect(klientIp(req(undefined), 1)).toBe("10.0.0.9");
  });
});
