import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { DIALEKTER, lagTestDb, type TestDb } from "#app/db/test-databaser.ts";
import { HELTALL_MAKS, VERSJON_MAKS } from "./heltall.schema.ts";
import { gruppenotatSkjema } from "./notat/notat.schema.ts";
import { lederSkjema, planSkjema } from "./samling/samling.schema.ts";

/** Issue 11 point 6: a number from a form never overflows an `integer` column (500 on PostgreSQL). */
describe("tall fra skjema holder seg innenfor integer-kolonnen", () => {
  const forStore = [String(HELTALL_MAKS), String(HELTALL_MAKS + 1), "99999999999999999999", "1e400", "9007199254740993", "Infinity", "NaN", "1.5", "0x80000000"];
  it.each(forStore)("skal avvise versjon=%s som feltfeil", (versjon) => {
    expect(gruppenotatSkjema.safeParse({ tekst: "a", versjon }).error?.issues[0]?.message).toBe("konto.feil.ukjent");
    expect(lederSkjema.safeParse({ intent: "neste", versjon }).error?.issues[0]?.message).toBe("konto.feil.ukjent");
  });
  it("skal godta den største versjonen som kan lagres som versjon + 1, og avgrense varigheten", () => {
    expect(gruppenotatSkjema.safeParse({ tekst: "a", versjon: String(VERSJON_MAKS) }).data?.versjon).toBe(VERSJON_MAKS);
    expect(lederSkjema.safeParse({ intent: "neste", versjon: String(VERSJON_MAKS) }).success).toBe(true);
    const samling = { intent: "planlegg", dato: "2026-12-01", klokke: "10:00", modulId: "m1" };
    expect(planSkjema.safeParse({ ...samling, varighet: String(HELTALL_MAKS + 1) }).success).toBe(false);
  });
});

for (const dialekt of DIALEKTER) {
  describe(`grensen er kolonnens grense på ${dialekt}`, () => {
    let t: TestDb;
    beforeAll(async () => {
      t = await lagTestDb(dialekt);
    });
    afterAll(() => t.rydd());

    it("skal kunne sammenligne og lagre versjon med den største verdien skjemaet slipper gjennom (+ 1)", async () => {
      const rader = await t.db.selectFrom("gruppenotat").select("id").where("versjon", "=", VERSJON_MAKS + 1).execute();
      expect(rader).toEqual([]);
      const samlinger = await t.db.selectFrom("samling").select("id").where("versjon", "=", HELTALL_MAKS).execute();
      expect(samlinger).toEqual([]);
    });

    // SQLite's integer is 64 bits; PostgreSQL's is 32, which is what gave a 500 before the bound.
    if (dialekt !== "sqlite") {
      it("skal feile i databasen én over grensen (derfor grensen i skjemaet)", async () => {
        await expect(sql`select id from gruppenotat where versjon = ${HELTALL_MAKS + 1}`.execute(t.db)).rejects.toThrow(/out of range/i);
      });
    }
  });
}
