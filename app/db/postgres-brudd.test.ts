import { describe, expect, it } from "vitest";
import { sql } from "kysely";
import pg from "pg";
import { lagDb } from "./db.server.ts";
import { lagTomPostgresDatabase } from "./test-databaser.ts";

/**
 * The server ending a connection (a restart, a failover, `pg_terminate_backend`) must not end the
 * app's process: the pool logs it and the next query gets a new connection.
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)("PostgreSQL-tilkobling som serveren bryter", () => {
  it("skal overleve at serveren avslutter en ledig tilkobling, og svare på neste spørring", async () => {
    const tom = await lagTomPostgresDatabase();
    const db = lagDb({ type: "postgres", url: tom.url });
    try {
      await sql`select 1`.execute(db);
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      const navn = new URL(tom.url).pathname.slice(1);
      await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()", [navn]);
      await admin.end();
      await new Promise((r) => setTimeout(r, 200));
      const { rows } = await sql<{ svar: number }>`select 1 as svar`.execute(db);
      expect(rows[0]?.svar).toBe(1);
    } finally {
      await db.destroy();
      await tom.slett();
    }
  });
});
