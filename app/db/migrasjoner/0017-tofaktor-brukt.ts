import type { Kysely } from "kysely";

/**
 * TOTP codes are single-use (issue 11, point 4; ADR 0013): the last time step (Unix time / 30 s)
 * whose code was accepted, per person. A code is accepted only for a later step than this, set by
 * one compare-and-set statement (tofaktor.repo.server.ts), so two processes racing with the same
 * code cannot both win. One row per person; goes with the account.
 */
export async function up(db: Kysely<any>) {
  await db.schema
    .createTable("tofaktor_brukt")
    .addColumn("userId", "text", (c) => c.primaryKey().references("user.id").onDelete("cascade"))
    .addColumn("sisteSteg", "integer", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>) {
  await db.schema.dropTable("tofaktor_brukt").execute();
}
