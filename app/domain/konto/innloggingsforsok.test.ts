import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { Kysely } from "kysely";
import { DIALEKTER, lagTomPostgresDatabase, type Dialekt } from "#app/db/test-databaser.ts";
import { lagDb, migrer } from "#app/db/db.server.ts";
import type { Database } from "#app/db/skjema.ts";
import { GRENSE_PER_EPOST, GRENSE_PER_IP, VINDU_MS, erSperret, klientBlokk, forsokNokler, nokkelHash, nullstillEpost, registrerFeil } from "./innloggingsforsok.server.ts";

/**
 * Two "app processes" on one database: two Kysely instances on the same SQLite file, the same
 * PGlite, or the same PostgreSQL database. The count must be shared between them.
 */
async function toProsesser(dialekt: Dialekt): Promise<{ a: Kysely<Database>; b: Kysely<Database>; rydd: () => Promise<void> }> {
  if (dialekt === "sqlite") {
    const fil = path.join(mkdtempSync(path.join(tmpdir(), "samla-forsok-")), "delt.sqlite");
    const a = lagDb({ type: "sqlite", fil });
    await migrer(a);
    const b = lagDb({ type: "sqlite", fil });
    return { a, b, rydd: async () => (await a.destroy(), await b.destroy()) };
  }
  if (dialekt === "pglite") {
    const pglite = new PGlite();
    const a = lagDb({ type: "pglite", pglite });
    await migrer(a);
    const b = lagDb({ type: "pglite", pglite });
    return { a, b, rydd: () => a.destroy() };
  }
  const pgDb = await lagTomPostgresDatabase();
  const a = lagDb({ type: "postgres", url: pgDb.url });
  await migrer(a);
  const b = lagDb({ type: "postgres", url: pgDb.url });
  return { a, b, rydd: async () => (await a.destroy(), await b.destroy(), await pgDb.slett()) };
}

const HEMMELIGHET = "h".repeat(40);

for (const dialekt of DIALEKTER) {
  describe(`innloggingsforsøk på ${dialekt}`, () => {
    let p: Awaited<ReturnType<typeof toProsesser>>;
    beforeAll(async () => {
      p = await toProsesser(dialekt);
    });
    afterAll(() => p.rydd());
    const start = new Date("2026-11-26T10:00:00.000Z");
    const om = (ms: number) => new Date(start.getTime() + ms);

    it("skal sperre en e-post etter grensen selv når feilene kommer til to prosesser", async () => {
      const n = forsokNokler(HEMMELIGHET, "kari@example.no", "10.0.0.1");
      for (let i = 0; i < GRENSE_PER_EPOST - 1; i++) await registrerFeil(i % 2 ? p.a : p.b, n, om(i * 1000));
      expect(await erSperret(p.a, n, om(20_000))).toBe(false);
      expect(await erSperret(p.b, n, om(20_000))).toBe(false);
      await registrerFeil(p.b, n, om(10_000));
      expect(await erSperret(p.a, n, om(20_000))).toBe(true);
      expect(await erSperret(p.b, n, om(20_000))).toBe(true);
    });

    it("skal slippe e-posten til igjen når vinduet har gått", async () => {
      const n = forsokNokler(HEMMELIGHET, "kari@example.no", "10.0.0.1");
      // The first failure (at 0 s) has left the window: one attempt is free again.
      expect(await erSperret(p.a, n, om(VINDU_MS + 500))).toBe(false);
      expect(await erSperret(p.a, n, om(VINDU_MS + 60_000))).toBe(false);
    });

    it("skal nullstille e-posten ved riktig passord, men ikke IP-en", async () => {
      const n = forsokNokler(HEMMELIGHET, "ola@example.no", "10.0.0.2");
      for (let i = 0; i < GRENSE_PER_EPOST; i++) await registrerFeil(p.a, n, om(i));
      expect(await erSperret(p.b, n, om(100))).toBe(true);
      await nullstillEpost(p.b, n);
      expect(await erSperret(p.a, n, om(100))).toBe(false);
      // The IP still carries its ten failures.
      const annenEpost = forsokNokler(HEMMELIGHET, "per@example.no", "10.0.0.2");
      for (let i = 0; i < GRENSE_PER_IP - GRENSE_PER_EPOST - 1; i++) {
        const ny = forsokNokler(HEMMELIGHET, `person${i}@example.no`, "10.0.0.2");
        await registrerFeil(i % 2 ? p.a : p.b, ny, om(200 + i));
      }
      expect(await erSperret(p.a, annenEpost, om(1000))).toBe(false);
      await registrerFeil(p.a, forsokNokler(HEMMELIGHET, "siste@example.no", "10.0.0.2"), om(999));
      expect(await erSperret(p.a, annenEpost, om(1000))).toBe(true);
      expect(await erSperret(p.b, forsokNokler(HEMMELIGHET, "per@example.no", "10.0.0.3"), om(1000))).toBe(false);
    });
  });
}

describe("nøklene for innloggingsforsøk", () => {
  it("skal ikke inneholde e-postadressen eller IP-en, men være lik for samme normaliserte e-post", () => {
    const a = forsokNokler(HEMMELIGHET, " Kari@Example.NO ", "10.0.0.1");
    const b = forsokNokler(HEMMELIGHET, "kari@example.no", "10.0.0.1");
    expect(a).toEqual(b);
    expect(a.epost).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(a)).not.toMatch(/kari|example|10\.0\.0\.1/);
  });

  it("skal gi andre nøkler med en annen hemmelighet og skille e-post fra IP", () => {
    expect(nokkelHash("a".repeat(40), "epost", "kari@example.no")).not.toBe(nokkelHash("b".repeat(40), "epost", "kari@example.no"));
    expect(nokkelHash(HEMMELIGHET, "epost", "x")).not.toBe(nokkelHash(HEMMELIGHET, "ip", "x"));
  });
});

describe("hva IP-grensen teller", () => {
  it("skal telle en IPv4-adresse for seg og et helt IPv6-/64-nett som én klient", () => {
    expect(klientBlokk("192.0.2.7")).toBe("192.0.2.7");
    expect(klientBlokk("::ffff:192.0.2.7")).toBe("192.0.2.7");
    expect(klientBlokk("2001:db8:abcd:12:1:2:3:4")).toBe("2001:db8:abcd:12::/64");
    expect(klientBlokk("2001:db8:abcd:12::99")).toBe("2001:db8:abcd:12::/64");
    expect(klientBlokk("2001:0DB8:ABCD:0012::1%eth0")).toBe("2001:db8:abcd:12::/64");
    expect(klientBlokk("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(klientBlokk("::1")).toBe("0:0:0:0::/64");
    expect(forsokNokler(HEMMELIGHET, "a@example.no", "2001:db8:abcd:12::1").ip).toBe(forsokNokler(HEMMELIGHET, "b@example.no", "2001:db8:abcd:12:ffff::2").ip);
    expect(forsokNokler(HEMMELIGHET, "a@example.no", "2001:db8:abcd:12::1").ip).not.toBe(forsokNokler(HEMMELIGHET, "a@example.no", "2001:db8:abcd:13::1").ip);
  });
});
