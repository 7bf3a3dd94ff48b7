import type { Kysely } from "kysely";

/**
 * Storage failures (issue 11 point 12): /helse writes one row here on every check, so a database
 * that can be read but not written (read-only file or mount, full disk, a read-only PostgreSQL)
 * answers 503 instead of 200. One row per check name; nothing personal.
 */
export async function up(db: Kysely<any>) {
  await db.schema
    .createTable("helse")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("sist", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>) {
  await db.schema.dropTable("helse").execute();
}
