import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALEKTER, lagTestDb, type TestDb } from "./test-databaser.ts";
import { erSqlite } from "./dialekt.ts";
import { forbered } from "./forbered.ts";

/** Queries compiled once (issue 16): the same rows as the builder run directly, on both databases. */
for (const dialekt of DIALEKTER) {
  describe(`forberedte spørringer på ${dialekt}`, () => {
    let t: TestDb;
    beforeAll(async () => {
      t = await lagTestDb(dialekt);
      const tid = (iso: string) => (erSqlite(t.db) ? iso : new Date(iso)) as never;
      await t.db
        .insertInto("organization")
        .values(["a", "b", "c"].map((x) => ({ id: `org-${x}`, name: `Barnehage ${x.toUpperCase()}`, slug: `bh-${x}`, logo: null, metadata: null, orgnummer: null, createdAt: tid("2026-01-01T00:00:00.000Z") })))
        .execute();
      await t.db
        .insertInto("team")
        .values([
          { id: "t1", organizationId: "org-a", navn: "Blåklokka", opprettet: tid("2026-02-01T00:00:00.000Z") },
          { id: "t2", organizationId: "org-a", navn: "Hestehoven", opprettet: tid("2026-03-01T00:00:00.000Z") },
          { id: "t3", organizationId: "org-b", navn: "Løvetann", opprettet: tid("2026-04-01T00:00:00.000Z") },
        ])
        .execute();
    });
    afterAll(() => t.rydd());

    let bygget = 0;
    const team = forbered((db, p: { barnehageId: string; ider: string[]; navn?: string; etter: Date }) => {
      bygget += 1;
      let q = db
        .selectFrom("team")
        .select(["id", "navn"])
        .where("organizationId", "=", p.barnehageId)
        .where("id", "in", p.ider)
        .where("opprettet", ">", p.etter as never);
      if (p.navn !== undefined) q = q.where("navn", "=", p.navn);
      return q.orderBy("navn");
    });
    const direkte = (barnehageId: string, ider: string[], etter: Date, navn?: string) => {
      let q = t.db
        .selectFrom("team")
        .select(["id", "navn"])
        .where("organizationId", "=", barnehageId)
        .where("id", "in", ider)
        .where("opprettet", ">", (erSqlite(t.db) ? etter.toISOString() : etter) as never);
      if (navn !== undefined) q = q.where("navn", "=", navn);
      return q.orderBy("navn").execute();
    };

    it("skal gi de samme radene som spørringen bygd på vanlig måte, med nye verdier hver gang", async () => {
      const etter = new Date("2026-01-15T00:00:00.000Z");
      const tilfeller: [string, string[], Date, string | undefined][] = [
        ["org-a", ["t1", "t2"], etter, undefined],
        ["org-a", ["t2", "t1"], new Date("2026-02-15T00:00:00.000Z"), undefined],
        ["org-b", ["t3", "t1"], etter, undefined],
        ["org-a", ["t1"], etter, undefined],
        ["org-a", ["t1", "t2", "t3"], etter, "Hestehoven"],
        ["org-c", ["t1", "t2"], etter, undefined],
      ];
      for (const [barnehageId, ider, tid, navn] of tilfeller) {
        const rader = await team(t.db, { barnehageId, ider, ...(navn === undefined ? {} : { navn }), etter: erSqlite(t.db) ? (tid.toISOString() as never) : tid });
        expect(rader, `${barnehageId} ${ider.join(",")} ${navn ?? ""}`).toEqual(await direkte(barnehageId, ider, tid, navn));
      }
      expect(await team(t.db, { barnehageId: "org-a", ider: ["t1", "t2"], etter: erSqlite(t.db) ? ("2026-01-15T00:00:00.000Z" as never) : etter })).toEqual([
        { id: "t1", navn: "Blåklokka" },
        { id: "t2", navn: "Hestehoven" },
      ]);
    });

    it("skal bygge spørringen én gang per form (lengden på lista, og hvilke verdier som mangler)", async () => {
      const etter = erSqlite(t.db) ? ("2026-01-15T00:00:00.000Z" as never) : new Date("2026-01-15T00:00:00.000Z");
      const for_ = bygget;
      for (let i = 0; i < 5; i++) await team(t.db, { barnehageId: i % 2 ? "org-a" : "org-b", ider: ["t1", "t3"], etter });
      for (let i = 0; i < 5; i++) await team(t.db, { barnehageId: "org-a", ider: ["t1", "t2", "t3"], navn: `navn ${i}`, etter });
      // Both shapes were seen in the test above: nothing is built again.
      expect(bygget).toBe(for_);
      await team(t.db, { barnehageId: "org-a", ider: ["t1", "t2", "t3", "t4", "t5"], etter });
      expect(bygget).toBe(for_ + 1);
    });

    it("skal ikke la en verdi bli SQL: en verdi med anførselstegn og en markør-lignende tekst er bare verdier", async () => {
      const etter = erSqlite(t.db) ? ("2000-01-01T00:00:00.000Z" as never) : new Date("2000-01-01T00:00:00.000Z");
      expect(await team(t.db, { barnehageId: "org-a' or '1'='1", ider: ["t1"], etter })).toEqual([]);
      // The markers are only used while building; a value that looks like one is a value (PostgreSQL refuses NUL in text).
      const likMarkor = erSqlite(t.db) ? "\u0000forbered:barnehageId:-1\u0000" : "forbered:barnehageId:-1";
      expect(await team(t.db, { barnehageId: likMarkor, ider: ["t1"], etter })).toEqual([]);
    });
  });
}
