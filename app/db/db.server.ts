import { mkdirSync } from "node:fs";
import path from "node:path";
import { Kysely, PostgresDialect, SqliteDialect, PGliteDialect, sql } from "kysely";
import { Migrator } from "kysely/migration";
import { createRequire } from "node:module";
import type { Database } from "./skjema.ts";
import { migrasjoner } from "./migrasjoner/index.ts";
import { aapneSqlite, sqliteAdapter } from "./sqlite-adapter.server.ts";
import { logg } from "../logg.server.ts";

export type DbKonfig =
  | { type: "sqlite"; fil: string }
  | { type: "postgres"; url: string }
  | { type: "pglite"; pglite: import("kysely").PGlite };

/** The pg driver (~11 MB), loaded only when PostgreSQL is used (issue 16). */
let pgModul: typeof import("pg").default | undefined;
function pg() {
  if (!pgModul) {
    pgModul = createRequire(import.meta.url)("pg") as typeof import("pg").default;
    // Keep PostgreSQL `date` values as 'YYYY-MM-DD' strings, as SQLite returns them.
    pgModul.types.setTypeParser(1082, (v: string) => v);
  }
  return pgModul;
}

/** Creates a Kysely instance for the given database. One per process. */
export function lagDb(konfig: DbKonfig): Kysely<Database> {
  switch (konfig.type) {
    case "sqlite": {
      if (konfig.fil !== ":memory:") mkdirSync(path.dirname(konfig.fil), { recursive: true });
      const database = sqliteAdapter(aapneSqlite(konfig.fil));
      return new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
    }
    case "postgres": {
      const pool = new (pg().Pool)({ connectionString: konfig.url, max: 10 });
      // An idle connection that the server ends (a restart, a failover, an administrator) emits
      // 'error' on the pool; without a listener that would end the whole process. The pool drops
      // the connection and makes a new one for the next query.
      // A connection being closed can get the same message after the pool let go of it, so each
      // connection has its own listener too.
      const brutt = (feil: Error) => logg.warn("postgres_tilkobling_brutt", { kode: (feil as { code?: string }).code ?? null });
      pool.on("error", brutt);
      pool.on("connect", (klient) => klient.on("error", brutt));
      return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    }
    case "pglite":
      return new Kysely<Database>({ dialect: new PGliteDialect({ pglite: konfig.pglite }) });
  }
}

/** Database config from the environment: PostgreSQL when DATABASE_URL is set, else SQLite. */
export function dbKonfigFraEnv(e: { DATABASE_URL?: string; DATA_DIR: string }): DbKonfig {
  return e.DATABASE_URL
    ? { type: "postgres", url: e.DATABASE_URL }
    : { type: "sqlite", fil: path.resolve(e.DATA_DIR, "samla.sqlite") };
}

/** Runs every pending migration; throws with the failing migration's name. */
export async function migrer(db: Kysely<any>) {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrasjoner } });
  const { error, results } = await migrator.migrateToLatest();
  const feilet = results?.find((r) => r.status === "Error");
  if (error) {
    throw new Error(`Migrering feilet${feilet ? ` i ${feilet.migrationName}` : ""}: ${String(error)}`, {
      cause: error,
    });
  }
  return results?.filter((r) => r.status === "Success").map((r) => r.migrationName) ?? [];
}

/** A cheap round trip, used by the health endpoint. */
export async function pingDb(db: Kysely<any>) {
  await sql`select 1`.execute(db);
}

/**
 * A cheap real write (one committed upsert of one row), used by the health endpoint: a database
 * that can be read but not written (read-only file or mount, full disk, read-only PostgreSQL)
 * fails here. A write that is rolled back would not reach the disk and would not notice.
 */
export async function skriveproveDb(db: Kysely<Database>, naa = new Date()) {
  const sist = naa.toISOString();
  await db
    .insertInto("helse")
    .values({ id: "skriveprove", sist })
    .onConflict((oc) => oc.column("id").doUpdateSet({ sist }))
    .execute();
}

export type Lagringsfeil = "skrivebeskyttet" | "full" | "annen";

/** What kind of storage failure an error from SQLite or PostgreSQL is (for the log and the start-up message). */
export function lagringsfeil(feil: unknown): Lagringsfeil {
  for (let f: any = feil, i = 0; f && i < 5; f = f.cause, i++) {
    const kode = typeof f.errcode === "number" ? f.errcode & 0xff : undefined;
    // SQLite: 8 READONLY, 13 FULL; PostgreSQL: 25006 read_only_sql_transaction, 53100 disk_full; Node: EROFS, ENOSPC.
    if (kode === 8 || f.code === "25006" || f.code === "EROFS" || f.code === "EACCES" || f.code === "EPERM") return "skrivebeskyttet";
    if (kode === 13 || f.code === "53100" || f.code === "ENOSPC") return "full";
  }
  return "annen";
}

/**
 * The start-up message for a database that cannot be written: names the data folder (or that it
 * is PostgreSQL) and what the operator can do. Bokmål, like the other operator messages.
 */
export function lagringsMelding(art: Lagringsfeil, e: { DATABASE_URL?: string; DATA_DIR: string }): string {
  if (e.DATABASE_URL) {
    const u = new URL(e.DATABASE_URL);
    const hvor = `PostgreSQL-databasen ${u.pathname.slice(1)} på ${u.host}`;
    return art === "full"
      ? `${hvor} tar ikke imot skriving fordi disken er full. Frigjør plass på databaseserveren (df -h i PostgreSQL-datamappen) og start Samla på nytt.`
      : `${hvor} tar ikke imot skriving (skrivebeskyttet: en lesereplika, eller default_transaction_read_only er på). Pek DATABASE_URL på primærserveren, eller slå av skrivebeskyttelsen, og start Samla på nytt.`;
  }
  const mappe = path.resolve(e.DATA_DIR);
  return art === "full"
    ? `Disken med datamappen ${mappe} er full, så Samla kan ikke lagre. Det som alt er lagret, er ikke tapt. Frigjør plass (df -h ${mappe}) eller flytt datamappen til en disk med mer plass (DATA_DIR), og start Samla på nytt.`
    : `Samla får ikke skrive i datamappen ${mappe} (skrivebeskyttet). Sjekk at brukeren som kjører Samla kan skrive til mappen og til samla.sqlite, samla.sqlite-wal og samla.sqlite-shm (ls -l ${mappe}), og at disken ikke er montert skrivebeskyttet (mount). Rett det, eller velg en annen mappe med DATA_DIR, og start Samla på nytt.`;
}
