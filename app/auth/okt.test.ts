import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALEKTER, lagTestDb, type TestDb } from "#app/db/test-databaser.ts";
import { lagAuth, type Auth } from "./auth.server.ts";
import { lesOkt } from "./middleware.server.ts";
import { erOktForGammel, MAKS_OKTLEVETID_MS } from "./sesjon.ts";
import { lagPerson, loggInnCookie } from "#app/test/fabrikk.ts";
import { erSqlite } from "#app/db/dialekt.ts";

const BASE = "http://localhost:3000";
const DAG = 24 * 60 * 60 * 1000;

describe("absolutt levetid for økta", () => {
  it("er 30 dager fra innlogging", () => {
    expect(MAKS_OKTLEVETID_MS).toBe(30 * DAG);
    const naa = Date.parse("2026-12-01T12:00:00Z");
    expect(erOktForGammel(new Date(naa - 29 * DAG), naa)).toBe(false);
    expect(erOktForGammel(new Date(naa - 30 * DAG - 1000), naa)).toBe(true);
    expect(erOktForGammel("ikke en dato", naa)).toBe(true);
  });
});

for (const dialekt of DIALEKTER) {
  describe(`absolutt levetid for økta på ${dialekt}`, () => {
    let t: TestDb;
    let auth: Auth;
    beforeAll(async () => {
      t = await lagTestDb(dialekt);
      auth = lagAuth(t.db, { baseURL: BASE, secret: "s".repeat(40), sikreCookies: false });
    });
    afterAll(() => t.rydd());

    const tid = (d: Date) => (erSqlite(t.db) ? d.toISOString() : d) as never;

    it("skal nekte og slette en økt eldre enn 30 dager, også når den glidende fornyelsen holdt den i live", async () => {
      const aktor = await lagPerson({ db: t.db, auth }, "Gunn Gammel", { epost: "gunn@example.no" });
      const cookie = await loggInnCookie({ db: t.db, auth }, aktor);
      const h = new Headers({ cookie });
      const okt = await lesOkt(auth, t.db, h);
      expect(okt?.user.id).toBe(aktor.id);
      const id = okt!.session.id;
      // Made 29 days ago, renewed yesterday: still valid.
      await t.db.updateTable("session").set({ createdAt: tid(new Date(Date.now() - 29 * DAG)), expiresAt: tid(new Date(Date.now() + 13 * DAG)) }).where("id", "=", id).execute();
      expect((await lesOkt(auth, t.db, h))?.user.id).toBe(aktor.id);
      // Made 31 days ago and renewed (expiresAt still 13 days ahead): Better Auth alone would take it.
      await t.db.updateTable("session").set({ createdAt: tid(new Date(Date.now() - 31 * DAG)) }).where("id", "=", id).execute();
      expect(await auth.api.getSession({ headers: h })).not.toBeNull();
      expect(await lesOkt(auth, t.db, h)).toBeNull();
      // Deleted: refused on every later read, in any process.
      expect(await auth.api.getSession({ headers: h })).toBeNull();
      expect(await t.db.selectFrom("session").select("id").where("id", "=", id).execute()).toEqual([]);
    });
  });
}
