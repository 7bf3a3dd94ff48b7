import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { Kysely } from "kysely";
import { inject } from "vitest";
import { lagDb, migrer } from "./db.server.ts";
import { DIALEKTER, testMappe, type Dialekt } from "./test-dialekter.ts";
import type { Database } from "./skjema.ts";

/**
 * The databases every repository and domain test runs on, the way Kysely tests itself: SQLite
 * (a real file in WAL mode) and PostgreSQL. PostgreSQL is a real server when TEST_DATABASE_URL is
 * set (CI), otherwise in-process PGlite, so `npm test` needs no server on a newcomer's machine.
 * Each call gives a fresh, migrated, empty database, so tests never share data.
 *
 * Migrations run once per dialect (app/db/test-maler.ts, Vitest's global set-up); each call here
 * copies that template, which is what makes a database test file cheap to start.
 */
export { DIALEKTER, testMappe, type Dialekt };

export type TestDb = {
  db: Kysely<Database>;
  rydd: () => Promise<void>;
  /** A second, independent connection to the same database (as another app process has); not on PGlite. Close it yourself. */
  nyTilkobling?: () => Kysely<Database>;
};

/** The template a global set-up provided, or undefined when run without it (then: migrate). */
function mal(navn: "sqliteMal" | "pgliteMal" | "postgresMal"): string | undefined {
  try {
    return inject(navn) || undefined;
  } catch {
    return undefined;
  }
}

export async function lagTestDb(dialekt: Dialekt): Promise<TestDb> {
  if (dialekt === "sqlite") {
    const mappe = mkdtempSync(path.join(testMappe(), "samla-test-"));
    const fil = path.join(mappe, "test.sqlite");
    const kilde = mal("sqliteMal");
    if (kilde) copyFileSync(kilde, fil);
    const db = lagDb({ type: "sqlite", fil });
    if (!kilde) await migrer(db);
    return {
      db,
      rydd: async () => {
        await db.destroy();
        rmSync(mappe, { recursive: true, force: true });
      },
      nyTilkobling: () => lagDb({ type: "sqlite", fil }),
    };
  }
  if (dialekt === "pglite") {
    const kilde = mal("pgliteMal");
    const pglite = kilde ? new PGlite({ loadDataDir: new Blob([readFileSync(kilde)]) }) : new PGlite();
    const db = lagDb({ type: "pglite", pglite });
    if (!kilde) await migrer(db);
    return { db, rydd: () => db.destroy() };
  }
  const kilde = mal("postgresMal");
  const pgDb = await lagTomPostgresDatabase(kilde);
  const db = lagDb({ type: "postgres", url: pgDb.url });
  if (!kilde) await migrer(db);
  return {
    db,
    rydd: async () => {
      await db.destroy();
      await pgDb.slett();
    },
    nyTilkobling: () => lagDb({ type: "postgres", url: pgDb.url }),
  };
}

/**
 * A new database on the PostgreSQL server in TEST_DATABASE_URL (empty, or a copy of `mal`), and a
 * function that drops it again (forcing out any connections a test left open).
 */
export async function lagTomPostgresDatabase(mal?: string): Promise<{ url: string; slett: () => Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL er ikke satt");
  const navn = `samla_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(mal ? `create database ${navn} template ${mal}` : `create database ${navn}`);
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
