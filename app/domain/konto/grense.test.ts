import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALEKTER, lagTestDb, type TestDb } from "#app/db/test-databaser.ts";
import { KLIENT_IP_HODE } from "../../../server/klient-ip.ts";
import { GLEMT_PASSORD, NY_BEKREFTELSE, VINDU_MS, grenseNokler, innenforGrensen } from "./grense.server.ts";
import { forsokNokler } from "./innloggingsforsok.server.ts";

const HEMMELIGHET = "h".repeat(40);
const fra = (ip: string, forfalsket = "203.0.113.9") => new Headers({ [KLIENT_IP_HODE]: ip, "x-forwarded-for": forfalsket });

describe("nøklene for grensene", () => {
  it("skal skille formålene fra hverandre og fra innloggingen, uten å inneholde adressen", () => {
    const g = grenseNokler(HEMMELIGHET, GLEMT_PASSORD, "Kari@Example.no", "10.0.0.1");
    expect(g).toEqual(grenseNokler(HEMMELIGHET, GLEMT_PASSORD, " kari@example.no", "10.0.0.1"));
    expect(g.epost).not.toBe(grenseNokler(HEMMELIGHET, NY_BEKREFTELSE, "kari@example.no", "10.0.0.1").epost);
    expect(g.epost).not.toBe(forsokNokler(HEMMELIGHET, "kari@example.no", "10.0.0.1").epost);
    expect(g.ip).not.toBe(forsokNokler(HEMMELIGHET, "kari@example.no", "10.0.0.1").ip);
    expect(JSON.stringify(g)).not.toMatch(/kari|example|10\.0\.0\.1/);
  });
});

for (const dialekt of DIALEKTER) {
  describe(`grenser for e-post på ${dialekt}`, () => {
    let t: TestDb;
    beforeAll(async () => {
      t = await lagTestDb(dialekt);
    });
    afterAll(() => t.rydd());
    const start = new Date("2026-11-26T10:00:00.000Z");
    const om = (ms: number) => new Date(start.getTime() + ms);

    it("skal slippe gjennom tre e-poster per adresse i kvarteret, så nekte, uansett X-Forwarded-For", async () => {
      for (let i = 0; i < GLEMT_PASSORD.perEpost; i++) {
        expect(await innenforGrensen(t.db, HEMMELIGHET, GLEMT_PASSORD, "kari@example.no", fra("10.0.0.1", `198.51.100.${i}`), om(i * 1000))).toBe(true);
      }
      expect(await innenforGrensen(t.db, HEMMELIGHET, GLEMT_PASSORD, "KARI@example.no", fra("10.0.0.2"), om(5000))).toBe(false);
      // Another purpose and another address count for themselves.
      expect(await innenforGrensen(t.db, HEMMELIGHET, NY_BEKREFTELSE, "kari@example.no", fra("10.0.0.1"), om(5000))).toBe(true);
      expect(await innenforGrensen(t.db, HEMMELIGHET, GLEMT_PASSORD, "ola@example.no", fra("10.0.0.1"), om(5000))).toBe(true);
      // A refused request is not counted: when the first one leaves the window, one more goes through.
      expect(await innenforGrensen(t.db, HEMMELIGHET, GLEMT_PASSORD, "kari@example.no", fra("10.0.0.1"), om(VINDU_MS + 500))).toBe(true);
      expect(await innenforGrensen(t.db, HEMMELIGHET, GLEMT_PASSORD, "kari@example.no", fra("10.0.0.1"), om(VINDU_MS + 600))).toBe(false);
    });

    it("skal nekte en IP som ber om e-post for mange ulike adresser", async () => {
      const ip = "192.0.2.50";
      const tid = om(2 * VINDU_MS);
      for (let i = 0; i < GLEMT_PASSORD.perIp; i++) {
        expect(await innenforGrensen(t.db, HEMMELIGHET, GLEMT_PASSORD, `person${i}@example.no`, fra(ip, `203.0.113.${i}`), tid), `nr ${i + 1}`).toBe(true);
      }
      expect(await innenforGrensen(t.db, HEMMELIGHET, GLEMT_PASSORD, "ny@example.no", fra(ip, "203.0.113.200"), tid)).toBe(false);
      expect(await innenforGrensen(t.db, HEMMELIGHET, GLEMT_PASSORD, "ny@example.no", fra("192.0.2.51"), tid)).toBe(true);
    });
  });
}
