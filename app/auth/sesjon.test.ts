import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { tryggTil } from "./sesjon.ts";
import { tilSkjema } from "#app/domain/notat/notat.schema.ts";

const BASE = "https://samla.example";

/** What a redirect to `til` does in a browser: the URL it resolves to, tabs and newlines dropped. */
function iNettleser(til: string) {
  return new URL(til.replace(/[\t\n\r]/g, ""), BASE);
}

describe("tryggTil (til= etter innlogging)", () => {
  it.each([
    "/%09/evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "//evil.example",
    "/\\evil.example",
    "/\\\\evil.example",
    "/%5Cevil.example",
    "/%2F/evil.example",
    "/%0d%0aSet-Cookie:x=1",
    "/%0D%0ALocation:https://evil.example",
    "/ø",
    "/\u2028",
    "/%E0",
    "/.//evil.example",
    "/./%2F/evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    " /start",
    "",
  ])("skal avvise %j og falle tilbake til standard", (til) => {
    expect(tryggTil(til)).toBe("/start");
  });

  it.each([
    ["/start", "/start"],
    ["/bli-med?kode=ABCD2345", "/bli-med?kode=ABCD2345"],
    ["/barnehage/b1/team/t1/moduler/m1#a1", "/barnehage/b1/team/t1/moduler/m1#a1"],
    ["/moduler/%C3%A6", "/moduler/%C3%A6"],
    ["/a/../start", "/start"],
  ])("skal godta den lokale stien %j", (til, ventet) => {
    expect(tryggTil(til)).toBe(ventet);
  });

  it("skal for alle strenger gi en sti med én / som blir på samme opphav, og aldri kaste", () => {
    const tegn = fc.constantFrom("/", "\\", "%", "0", "9", "a", "D", "A", ".", ":", "@", "?", "#", "\t", "\n", "\r", " ", "ø", "\u2028", "e", "x", "%09", "%0a", "%0D", "%2f", "%5c", "%E0", "//", "http:");
    const lignende = fc.array(tegn, { maxLength: 12 }).map((d) => d.join(""));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" }), lignende, lignende.map((s) => "/" + s)), (til) => {
        const r = tryggTil(til);
        expect(r.startsWith("/")).toBe(true);
        expect(r[1]).not.toBe("/");
        expect(r[1]).not.toBe("\\");
        expect(iNettleser(r).origin).toBe(BASE);
        expect(new URL(r, BASE).origin).toBe(BASE);
        // A Location header takes only Latin-1: the result never makes Response() throw.
        expect(() => new Response(null, { status: 302, headers: { Location: r } })).not.toThrow();
      }),
      { numRuns: 5000 },
    );
  });

  it("skal gi samme svar i tilbake-feltet på gruppenotatet", () => {
    expect(tilSkjema.safeParse("/%09/evil.example").success).toBe(false);
    expect(tilSkjema.safeParse("/.//evil.example").success).toBe(false);
    expect(tilSkjema.safeParse("/barnehage/b1/team/t1/moduler/m1#a1").success).toBe(true);
  });
});
