import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { DIALEKTER, lagTestDb, type TestDb } from "#app/db/test-databaser.ts";
import * as repo from "./revisjon.repo.server.ts";
import { loggHendelse } from "./revisjon.server.ts";
import { HENDELSER, ugyldigDetalj } from "./revisjon.ts";

for (const dialekt of DIALEKTER) {
  describe(`revisjonsloggen på ${dialekt}`, () => {
    let t: TestDb;
    beforeAll(async () => {
      t = await lagTestDb(dialekt);
    });
    afterAll(() => t.rydd());

    it("skal lagre hendelser og liste en barnehages hendelser nyeste først, side for side", async () => {
      const start = new Date("2026-11-26T10:00:00.000Z");
      for (let i = 0; i < 5; i++) {
        await loggHendelse(
          t.db,
          { hendelse: "rolle_endret", aktorId: "styrer-1", organisasjonId: "bhg-a", malId: `medlem-${i}`, detaljer: { fra: "ansatt", til: "leder", nr: i } },
          new Date(start.getTime() + i * 1000),
        );
      }
      await loggHendelse(t.db, { hendelse: "medlem_fjernet", aktorId: "styrer-2", organisasjonId: "bhg-b", malId: "medlem-x" });

      const forste = await repo.hendelserForOrganisasjon(t.db, "bhg-a", { antall: 2 });
      expect(forste.rader.map((r) => r.malId)).toEqual(["medlem-4", "medlem-3"]);
      expect(forste.rader[0]).toMatchObject({
        hendelse: "rolle_endret",
        aktorId: "styrer-1",
        organisasjonId: "bhg-a",
        tid: "2026-11-26T10:00:04.000Z",
        detaljer: { fra: "ansatt", til: "leder", nr: 4 },
      });
      const andre = await repo.hendelserForOrganisasjon(t.db, "bhg-a", { antall: 2, forId: forste.nesteForId });
      expect(andre.rader.map((r) => r.malId)).toEqual(["medlem-2", "medlem-1"]);
      const tredje = await repo.hendelserForOrganisasjon(t.db, "bhg-a", { antall: 2, forId: andre.nesteForId });
      expect(tredje.rader.map((r) => r.malId)).toEqual(["medlem-0"]);
      expect(tredje.nesteForId).toBeUndefined();
    });

    it("skal aldri vise en annen barnehages hendelser", async () => {
      const b = await repo.hendelserForOrganisasjon(t.db, "bhg-b");
      expect(b.rader.map((r) => r.hendelse)).toEqual(["medlem_fjernet"]);
      expect((await repo.hendelserForOrganisasjon(t.db, "bhg-finnes-ikke")).rader).toEqual([]);
    });

    it("skal liste det én person har gjort", async () => {
      const s = await repo.hendelserForAktor(t.db, "styrer-2");
      expect(s.rader).toHaveLength(1);
      expect(s.rader[0]).toMatchObject({ hendelse: "medlem_fjernet", malId: "medlem-x", detaljer: {} });
    });

    it("skal nekte å endre en rad i databasen", async () => {
      await expect(sql`update revisjonslogg set hendelse = 'konto_slettet'`.execute(t.db)).rejects.toThrow(/revisjonslogg kan bare utvides/);
      await expect(sql`update revisjonslogg set detaljer = ${"{}"} where aktor_id = 'styrer-1'`.execute(t.db)).rejects.toThrow(/kan bare utvides/);
    });

    it("skal nekte å slette rader i databasen", async () => {
      await expect(sql`delete from revisjonslogg`.execute(t.db)).rejects.toThrow(/revisjonslogg kan bare utvides/);
      await expect(sql`delete from revisjonslogg where aktor_id = 'styrer-2'`.execute(t.db)).rejects.toThrow(/kan bare utvides/);
      if (dialekt !== "sqlite") await expect(sql`truncate revisjonslogg`.execute(t.db)).rejects.toThrow(/kan bare utvides/);
      expect((await repo.hendelserForOrganisasjon(t.db, "bhg-a")).rader).toHaveLength(5);
    });

    it("skal avvise personlig tekst i detaljene før noe lagres", async () => {
      await expect(loggHendelse(t.db, { hendelse: "innlogging_feilet", detaljer: { epost: "kari@example.no" } })).rejects.toThrow(/bare tekniske verdier/);
      await expect(loggHendelse(t.db, { hendelse: "data_eksportert", aktorId: "u-9", detaljer: { notat: "Kari var lei seg" } })).rejects.toThrow();
      expect((await repo.hendelserForAktor(t.db, "u-9")).rader).toEqual([]);
    });
  });
}

describe("revisjonsloggens regler", () => {
  it("skal ha hendelsene saken ber om", () => {
    expect(HENDELSER).toContain("innlogging_ok");
    expect(HENDELSER).toContain("konto_slettet");
    expect(new Set(HENDELSER).size).toBe(HENDELSER.length);
  });

  it("skal godta id-er, rollenavn, utfallskoder og nøkkelhasher", () => {
    expect(ugyldigDetalj({ rolle: "leder", kode: "INVALID_EMAIL_OR_PASSWORD", epost_nokkel: "a1b2c3", antall: 3, ok: true, x: null })).toBeUndefined();
    expect(ugyldigDetalj({ epost: "kari@example.no" })).toBe("epost");
    expect(ugyldigDetalj({ "fritt felt": "x" })).toBe("fritt felt");
  });
});
