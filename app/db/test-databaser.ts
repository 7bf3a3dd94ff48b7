import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { Kysely } from "kysely";
import { lagDb, migrer } from "./db.server.ts";
import type { Database } from "./skjema.ts";

/**
 * The databases every repository and domain test runs on, the way Kysely tests itself: SQLite
 * (a real file in WAL mode), PostgreSQL in-process (PGlite, so `npm test` needs no server), and a
 * real PostgreSQL server when TEST_DATABASE_URL is set (CI). Each call gives a fresh, migrated,
 * empty database, so tests never share data.
 */
export type Dialekt = "sqlite" | "pglite" | "postgres";

export const DIALEKTER: Dialekt[] = process.env.TEST_DATABASE_URL
  ? ["sqlite", "pglite", "postgres"]
  : ["sqlite", "pglite"];

export type TestDb = { db: Kysely<Database>; rydd: () => Promise<void> };

export async function lagTestDb(dialekt: Dialekt): Promise<TestDb> {
  if (dialekt === "sqlite") {
    const mappe = mkdtempSync(path.join(tmpdir(), "samla-test-"));
    const db = lagDb({ type: "sqlite", fil: path.join(mappe, "test.sqlite") });
    await migrer(db);
    return { db, rydd: () => db.destroy() };
  }
  if (dialekt === "pglite") {
    const db = lagDb({ type: "pglite", pglite: new PGlite() });
    await migrer(db);
    return { db, rydd: () => db.destroy() };
  }
  const pgDb = await lagTomPostgresDatabase();
  const db = lagDb({ type: "postgres", url: pgDb.url });
  await migrer(db);
  return {
    db,
    rydd: async () => {
      await db.destroy();
      await pgDb.slett();
    },
  };
}

/**
 * A new, empty database on the PostgreSQL server in TEST_DATABASE_URL, and a function that drops
 * it again (forcing out any connections a test left open).
 */
export async function lagTomPostgresDatabase(): Promise<{ url: string; slett: () => Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL er ikke satt");
  const navn = `samla_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${navn}`);
  await admin.end();
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${navn}`;
  return {
    url: dbUrl.toString(),
    slett: async () => {
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`drop database if exists ${navn} with (force)`);
      await a.end();
    },
  };
}

/** Asserts that a use case answered «not found» (a 404 Response), never «forbidden». */
export async function forventIkkeFunnet(p: Promise<unknown>) {
  const svar = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(svar instanceof Response) || svar.status !== 404) {
    throw new Error(`Ventet «ikke funnet» (404), fikk ${svar instanceof Response ? svar.status : String(svar)}`);
  }
}
