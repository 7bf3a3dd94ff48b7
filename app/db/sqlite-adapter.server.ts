import { DatabaseSync, type SQLInputValue, type StatementSync } from "node:sqlite";
import type { SqliteDatabase, SqliteStatement } from "kysely";

/**
 * Adapts Node's built-in `node:sqlite` to the interface Kysely's SqliteDialect expects, so we need
 * no native addon. Parameters are normalised here because node:sqlite binds a Date as NULL
 * silently, throws on undefined and wants booleans as 0/1 (see docs/decisions/0002-database.md).
 */
export function tilSqliteParameter(verdi: unknown): SQLInputValue {
  if (verdi === undefined || verdi === null) return null;
  if (verdi instanceof Date) return verdi.toISOString();
  if (typeof verdi === "boolean") return verdi ? 1 : 0;
  if (typeof verdi === "string" || typeof verdi === "number" || typeof verdi === "bigint") return verdi;
  if (verdi instanceof Uint8Array) return verdi;
  return JSON.stringify(verdi);
}

/**
 * Kysely prepares every query afresh; preparing costs more than running a small query, so the
 * adapter keeps the most recently used statements (keyed by SQL text, which Kysely builds with
 * placeholders, so the set is small). `iterate` gets its own statement, since a half-read
 * iterator must not be reset by another query with the same text.
 *
 * Transactions start with `begin immediate`: with several app processes on one file (WORKERS,
 * server/klynge.ts) a deferred transaction that reads and then writes can fail at once with
 * SQLITE_BUSY when another process wrote in between; taking the write lock at the start makes it
 * wait (busy_timeout) instead. Inside one process Kysely already runs one query at a time.
 */
export function sqliteAdapter(db: DatabaseSync, maksBufret = 500): SqliteDatabase {
  const bufret = new Map<string, { stmt: StatementSync; reader: boolean }>();
  const hent = (sql: string) => {
    let s = bufret.get(sql);
    if (s) {
      // Move to the back: the Map's order is the eviction order.
      bufret.delete(sql);
      bufret.set(sql, s);
      return s;
    }
    const stmt = db.prepare(sql);
    s = { stmt, reader: stmt.columns().length > 0 };
    if (bufret.size >= maksBufret) bufret.delete(bufret.keys().next().value!);
    bufret.set(sql, s);
    return s;
  };
  const binde = (p: ReadonlyArray<unknown>) => p.map(tilSqliteParameter);
  return {
    close() {
      bufret.clear();
      db.close();
    },
    prepare(sql: string): SqliteStatement {
      const { stmt, reader } = hent(sql === "begin" ? "begin immediate" : sql);
      return {
        reader,
        // node:sqlite returns null-prototype objects; spread them so they behave like plain rows.
        all: (p) => stmt.all(...binde(p)).map((r) => ({ ...r })),
        run: (p) => {
          const r = stmt.run(...binde(p));
          return { changes: r.changes, lastInsertRowid: r.lastInsertRowid };
        },
        iterate: function* (p) {
          for (const r of db.prepare(sql).iterate(...binde(p))) yield { ...r };
        },
      } as SqliteStatement;
    },
  };
}

/** Opens the SQLite file with the durability settings Samla requires, and checks they took. */
export function aapneSqlite(fil: string): DatabaseSync {
  const db = new DatabaseSync(fil);
  db.exec("PRAGMA journal_mode = WAL");
  db.exec("PRAGMA synchronous = FULL");
  db.exec("PRAGMA foreign_keys = ON");
  db.exec("PRAGMA busy_timeout = 5000");
  sjekkSqliteInnstillinger(db, fil);
  return db;
}

/** Refuses to go on unless the database really runs in WAL mode with synchronous=FULL. */
export function sjekkSqliteInnstillinger(db: DatabaseSync, fil: string) {
  const modus = String((db.prepare("PRAGMA journal_mode").get() as { journal_mode: string }).journal_mode);
  const sync = Number((db.prepare("PRAGMA synchronous").get() as { synchronous: number }).synchronous);
  if (fil !== ":memory:" && modus.toLowerCase() !== "wal") {
    throw new Error(`SQLite-databasen ${fil} kjører ikke i WAL-modus (fikk ${modus}). Samla starter ikke.`);
  }
  if (sync !== 2) {
    throw new Error(`SQLite-databasen ${fil} har ikke synchronous=FULL (fikk ${sync}). Samla starter ikke.`);
  }
}
