import { sql, type Kysely } from "kysely";
import { erSqlite, jsonType, tidType } from "../dialekt.ts";

/**
 * The append-only audit log (revisjonslogg) and the sign-in attempt counter (innloggingsforsok),
 * see docs/decisions/0009-revisjonslogg-og-innloggingsgrense.md. Both live in one migration so the
 * key stays clear of 0002/0003 (barnehager, roles, invitations).
 *
 * The audit log refuses UPDATE and DELETE in the database itself (a trigger on both dialects, and
 * TRUNCATE on PostgreSQL), so a bug or a stray query in the app cannot rewrite history.
 */
export async function up(db: Kysely<any>) {
  const tid = tidType(db);
  const sqlite = erSqlite(db);
  await db.schema
    .createTable("revisjonslogg")
    // A sequence, not a random id: it gives the true insert order and a stable key for paging.
    .addColumn("id", sqlite ? "integer" : "bigserial", (c) => (sqlite ? c.primaryKey().autoIncrement() : c.primaryKey()))
    .addColumn("tid", tid, (c) => c.notNull())
    .addColumn("hendelse", "text", (c) => c.notNull())
    // No foreign keys: the log must outlive deleted users, members and invitations.
    .addColumn("aktor_id", "text")
    .addColumn("organisasjon_id", "text")
    .addColumn("mal_id", "text")
    .addColumn("detaljer", jsonType(db), (c) => c.notNull())
    .execute();
  await db.schema.createIndex("revisjonslogg_organisasjon_idx").on("revisjonslogg").columns(["organisasjon_id", "id"]).execute();
  await db.schema.createIndex("revisjonslogg_aktor_idx").on("revisjonslogg").columns(["aktor_id", "id"]).execute();

  if (sqlite) {
    await sql`create trigger revisjonslogg_ingen_endring before update on revisjonslogg
      begin select raise(abort, 'revisjonslogg kan bare utvides'); end`.execute(db);
    await sql`create trigger revisjonslogg_ingen_sletting before delete on revisjonslogg
      begin select raise(abort, 'revisjonslogg kan bare utvides'); end`.execute(db);
  } else {
    await sql`create function revisjonslogg_bare_tillegg() returns trigger language plpgsql as $$
      begin raise exception 'revisjonslogg kan bare utvides'; end $$`.execute(db);
    await sql`create trigger revisjonslogg_ingen_endring before update or delete on revisjonslogg
      for each row execute function revisjonslogg_bare_tillegg()`.execute(db);
    await sql`create trigger revisjonslogg_ingen_tomming before truncate on revisjonslogg
      for each statement execute function revisjonslogg_bare_tillegg()`.execute(db);
  }

  // One row per failed sign-in per key (a keyed hash of the e-mail or of the client IP); counted in
  // a sliding window, so every app process sees the same count.
  await db.schema
    .createTable("innloggingsforsok")
    .addColumn("id", sqlite ? "integer" : "bigserial", (c) => (sqlite ? c.primaryKey().autoIncrement() : c.primaryKey()))
    .addColumn("nokkel", "text", (c) => c.notNull())
    .addColumn("tid", tid, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("innloggingsforsok_nokkel_idx").on("innloggingsforsok").columns(["nokkel", "tid"]).execute();
  await db.schema.createIndex("innloggingsforsok_tid_idx").on("innloggingsforsok").column("tid").execute();
}

export async function down(db: Kysely<any>) {
  await db.schema.dropTable("innloggingsforsok").execute();
  // Dropping the table drops its triggers on both dialects.
  await db.schema.dropTable("revisjonslogg").execute();
  if (!erSqlite(db)) await sql`drop function revisjonslogg_bare_tillegg()`.execute(db);
}
