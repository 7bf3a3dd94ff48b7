import { mkdirSync } from "node:fs";
import path from "node:path";
import { Kysely, PostgresDialect, SqliteDialect, PGliteDialect, sql } from "kysely";
import { Migrator } from "kysely/migration";
import pg from "pg";
import type { Database } from "./skjema.ts";
import { migrasjoner } from "./migrasjoner/index.ts";
import { aapneSqlite, sqliteAdapter } from "./sqlite-adapter.server.ts";
import { logg } from "../logg.server.ts";

export type DbKonfig =
  | { type: "sqlite"; fil: string }
  | { type: "postgres"; url: string }
  | { type: "pglite"; pglite: import("kysely").PGlite };

// Keep PostgreSQL `date` values as 'YYYY-MM-DD' strings, as SQLite returns them.
pg.types.setTypeParser(1082, (v: string) => v);

/** Creates a Kysely instance for the given database. One per process. */
export function lagDb(konfig: DbKonfig): Kysely<Database> {
  switch (konfig.type) {
    case "sqlite": {
      if (konfig.fil !== ":memory:") mkdirSync(path.dirname(konfig.fil), { recursive: true });
      const database = sqliteAdapter(aapneSqlite(konfig.fil));
      return new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
    }
    case "postgres": {
      const pool = new pg.Pool({ connectionString: konfig.url, max: 10 });
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
