import { SqliteAdapter, type Kysely } from "kysely";

/**
 * Portability helpers used by migrations and repositories. The rules they implement are written
 * down once in docs/decisions/0002-database.md ("Portabilitetsregler").
 */
export function erSqlite(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

/** Column type for a point in time: ISO-8601 UTC text (declared "date", as Better Auth expects) on SQLite, timestamptz on PostgreSQL. */
export function tidType(db: Kysely<any>) {
  return erSqlite(db) ? "date" : "timestamptz";
}

/** Column type for a boolean: integer 0/1 on SQLite, boolean on PostgreSQL. */
export function boolType(db: Kysely<any>) {
  return erSqlite(db) ? "integer" : "boolean";
}

/** Column type for JSON: text on SQLite, jsonb on PostgreSQL. Always write JSON.stringify(value). */
export function jsonType(db: Kysely<any>) {
  return erSqlite(db) ? "text" : "jsonb";
}

/** Reads a boolean column the same way on both databases. */
export function somBool(verdi: unknown): boolean {
  return verdi === true || verdi === 1 || verdi === "1" || verdi === "t";
}

/** Reads a timestamp column (ISO text or Date) as an ISO-8601 UTC string. */
export function somIso(verdi: unknown): string {
  if (verdi instanceof Date) return verdi.toISOString();
  return new Date(String(verdi)).toISOString();
}

/** Reads count(*) (a string on pg, a number elsewhere) as a number. */
export function somTall(verdi: unknown): number {
  return typeof verdi === "bigint" ? Number(verdi) : Number(verdi ?? 0);
}

/** Reads a JSON column (text on SQLite, an object on PostgreSQL). */
export function somJson<T>(verdi: unknown): T {
  return (typeof verdi === "string" ? JSON.parse(verdi) : verdi) as T;
}

/** Normalises user text before it is stored or compared: NFC, no NUL (PostgreSQL rejects it). */
export function renTekst(tekst: string): string {
  return tekst.normalize("NFC").replaceAll("\u0000", "");
}

/**
 * Case-insensitive, accent-aware key for Norwegian search. SQLite's LIKE folds ASCII only, so
 * searchable columns store this key beside the text and queries compare keys on both databases.
 */
export function sokeNokkel(tekst: string): string {
  return renTekst(tekst).toLocaleLowerCase("nb-NO");
}

const norsk = new Intl.Collator("nb-NO");
/** Norwegian sort order (æ, ø, å last), done in the repository layer so both databases agree. */
export function sorterNorsk<T>(rader: T[], felt: (rad: T) => string): T[] {
  return [...rader].sort((a, b) => norsk.compare(felt(a), felt(b)));
}
