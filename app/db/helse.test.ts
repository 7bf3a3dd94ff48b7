import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import { DatabaseSync } from "node:sqlite";
import { Kysely, SqliteDialect, sql } from "kysely";
import { DIALEKTER, lagTestDb, testMappe, type TestDb } from "./test-databaser.ts";
import { lagDb, lagringsMelding, migrer } from "./db.server.ts";
import { sqliteAdapter } from "./sqlite-adapter.server.ts";
import { helseSvar } from "./helse.server.ts";
import type { Database } from "./skjema.ts";

/** Issue 11 point 12: /helse says 503 when the database can be read but not written. */
for (const dialekt of DIALEKTER) {
  describe(`/helse på ${dialekt}`, () => {
    let t: TestDb;
    beforeAll(async () => {
      t = await lagTestDb(dialekt);
    });
    afterAll(() => t.rydd());

    it("skal svare 200 og skrive én rad når databasen tar imot skriving", async () => {
      const svar = await helseSvar(t.db, "v1");
      expect(svar.status).toBe(200);
      expect(svar.headers.get("cache-control")).toBe("no-store");
      expect(await svar.json()).toEqual({ status: "ok", database: "ok", innhold: "v1" });
      await helseSvar(t.db, "v1");
      expect(await t.db.selectFrom("helse").selectAll().execute()).toHaveLength(1);
    });

    if (dialekt !== "sqlite") {
      it("skal svare 503 når PostgreSQL er skrivebeskyttet (som en lesereplika)", async () => {
        await sql`set default_transaction_read_only = on`.execute(t.db);
        try {
          const svar = await helseSvar(t.db, "v1");
          expect(svar.status).toBe(503);
          expect(await svar.json()).toEqual({ status: "feil", database: "skrivebeskyttet" });
        } finally {
          await sql`set default_transaction_read_only = off`.execute(t.db);
        }
      });
    }
  });
}

describe("/helse og oppstarten med en SQLite-fil som ikke kan skrives", () => {
  let mappe: string;
  let fil: string;
  beforeAll(async () => {
    mappe = mkdtempSync(path.join(testMappe(), "samla-helse-"));
    fil = path.join(mappe, "samla.sqlite");
    const db = lagDb({ type: "sqlite", fil });
    await migrer(db);
    await db.destroy();
  });
  afterAll(() => rmSync(mappe, { recursive: true, force: true }));

  const aapne = (database: DatabaseSync) => new Kysely<Database>({ dialect: new SqliteDialect({ database: sqliteAdapter(database) }) });

  it("skal svare 503 «skrivebeskyttet» når fila bare kan leses (som en skrivebeskyttet montering)", async () => {
    // Tests run as root, so chmod would not stop the write: open the file read-only instead.
    const db = aapne(new DatabaseSync(fil, { readOnly: true }));
    try {
      const svar = await helseSvar(db, "v1");
      expect(svar.status).toBe(503);
      expect(await svar.json()).toEqual({ status: "feil", database: "skrivebeskyttet" });
    } finally {
      await db.destroy();
    }
  });

  it("skal svare 503 «full» når databasen ikke kan vokse (full disk, simulert med max_page_count)", async () => {
    const database = new DatabaseSync(fil);
    const db = aapne(database);
    try {
      await sql`delete from helse`.execute(db);
      const sider = Number(database.prepare("pragma page_count").get()!.page_count);
      database.exec(`pragma max_page_count = ${sider}`);
      // Fill what room is left, so the next new row needs a page the "disk" does not have.
      let i = 0;
      for (const lengde of [400, 100, 20, 1]) {
        for (; ; i++) {
          try {
            database.prepare("insert into helse (id, sist) values (?, ?)").run(`f${i}`, "x".repeat(lengde));
          } catch {
            break;
          }
        }
      }
      const svar = await helseSvar(db, "v1");
      expect(svar.status).toBe(503);
      expect(await svar.json()).toEqual({ status: "feil", database: "full" });
    } finally {
      await db.destroy();
    }
  });

  it("skal i oppstartsmeldingen nevne datamappen og hva man gjør", () => {
    const e = { DATA_DIR: mappe };
    expect(lagringsMelding("skrivebeskyttet", e)).toContain(mappe);
    expect(lagringsMelding("skrivebeskyttet", e)).toMatch(/skrivebeskyttet.*ls -l.*DATA_DIR/s);
    expect(lagringsMelding("full", e)).toMatch(/er full.*df -h.*DATA_DIR/s);
    const pg = lagringsMelding("skrivebeskyttet", { DATA_DIR: mappe, DATABASE_URL: "postgres://samla:hemmelig@db.example:5432/samla" });
    expect(pg).toContain("db.example:5432");
    expect(pg).not.toContain("hemmelig");
  });
});
