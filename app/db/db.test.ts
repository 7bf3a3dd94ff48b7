import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { getMigrations } from "better-auth/db/migration";
import { DIALEKTER, lagTestDb, type TestDb } from "./test-databaser.ts";
import { lagAuth } from "#app/auth/auth.server.ts";
import { erSqlite, renTekst, somBool, somIso, somTall, sokeNokkel, sorterNorsk } from "./dialekt.ts";
import { hentMaalform, lagreMaalform } from "#app/domain/konto/maalform.repo.server.ts";

for (const dialekt of DIALEKTER) {
  describe(`databasen på ${dialekt}`, () => {
    let t: TestDb;
    beforeAll(async () => {
      t = await lagTestDb(dialekt);
    });
    afterAll(() => t.rydd());

    it("skal ha kjørt alle migreringer, og en ny kjøring skal ikke gjøre noe", async () => {
      const { migrer } = await import("./db.server.ts");
      expect(await migrer(t.db)).toEqual([]);
    });

    it("skal ha nøyaktig de auth-tabellene Better Auth forventer", async () => {
      const auth = lagAuth(t.db, { baseURL: "http://localhost:3000", secret: "x".repeat(40), sikreCookies: false });
      const { toBeCreated, toBeAdded } = await getMigrations(auth.options);
      expect(toBeCreated).toEqual([]);
      expect(toBeAdded).toEqual([]);
    });

    it("skal lese tall, sannhetsverdier og tidspunkt likt", async () => {
      const naa = new Date("2026-11-26T10:00:00.000Z");
      await t.db
        .insertInto("user")
        .values({ id: "u1", name: "Åse Ærlig", email: "ase@example.no", emailVerified: true, createdAt: naa, updatedAt: naa, image: null, maalform: null })
        .execute();
      const rad = await t.db.selectFrom("user").selectAll().where("id", "=", "u1").executeTakeFirstOrThrow();
      expect(somBool(rad.emailVerified)).toBe(true);
      expect(somIso(rad.createdAt)).toBe(naa.toISOString());
      const { antall } = await t.db.selectFrom("user").select((e) => e.fn.countAll().as("antall")).executeTakeFirstOrThrow();
      expect(somTall(antall)).toBe(1);
      expect(erSqlite(t.db)).toBe(dialekt === "sqlite");
    });

    it("skal lagre og hente målform for en bruker", async () => {
      expect(await hentMaalform(t.db, "u1")).toBeUndefined();
      await lagreMaalform(t.db, "u1", "nn");
      expect(await hentMaalform(t.db, "u1")).toBe("nn");
    });

    it("skal lagre norsk tekst som NFC og finne den uavhengig av store og små bokstaver", async () => {
      const dekomponert = "A\u030Ase"; // «Åse» skrevet med kombinerende ring
      const naa = new Date();
      await t.db
        .insertInto("user")
        .values({ id: "u2", name: renTekst(dekomponert), email: "a2@example.no", emailVerified: false, createdAt: naa, updatedAt: naa, image: null, maalform: null })
        .execute();
      const rad = await t.db.selectFrom("user").select("name").where("name", "=", renTekst("Åse")).executeTakeFirst();
      expect(rad?.name).toBe("Åse");
      expect(sokeNokkel("ÆØÅ")).toBe(sokeNokkel("æøå"));
    });

    it("skal sortere norske navn med æ, ø og å til slutt", async () => {
      const rader = await t.db.selectFrom("user").select("name").execute();
      const navn = sorterNorsk([...rader, { name: "Øystein" }, { name: "Zara" }], (r) => r.name).map((r) => r.name);
      expect(navn).toEqual(["Zara", "Øystein", "Åse", "Åse Ærlig"]);
    });

    it("skal ha totrinnsinnlogging av som standard, og tabellen twoFactor (migrering 0008)", async () => {
      const rad = await t.db.selectFrom("user").select("twoFactorEnabled").where("id", "=", "u1").executeTakeFirstOrThrow();
      expect(somBool(rad.twoFactorEnabled)).toBe(false);
      await t.db.insertInto("twoFactor").values({ id: "tf1", secret: "kryptert", backupCodes: "kryptert", userId: "u1", verified: false }).execute();
      const tf = await t.db.selectFrom("twoFactor").selectAll().where("userId", "=", "u1").executeTakeFirstOrThrow();
      expect(somBool(tf.verified)).toBe(false);
      expect(somTall(tf.failedVerificationCount)).toBe(0);
      expect(tf.lockedUntil).toBeNull();
      await t.db.deleteFrom("twoFactor").where("id", "=", "tf1").execute();
    });

    it("skal svare på en enkel spørring", async () => {
      const r = await sql<{ en: number }>`select 1 as en`.execute(t.db);
      expect(somTall(r.rows[0]?.en)).toBe(1);
    });
  });
}
