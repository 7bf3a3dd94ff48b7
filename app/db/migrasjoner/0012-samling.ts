import type { Kysely } from "kysely";
import { tidType } from "../dialekt.ts";

/**
 * Samlinger (ADR 0016): the leader's own private notes for a samling (shown only in the presenter
 * view, only to their author), and each person's secret calendar feed. Only a hash of the feed's
 * secret is stored, so the database alone cannot be used to read anyone's calendar.
 */
export async function up(db: Kysely<any>) {
  const tid = tidType(db);

  await db.schema
    .createTable("samling_ledernotat")
    .addColumn("samlingId", "text", (c) => c.notNull())
    .addColumn("organizationId", "text", (c) => c.notNull())
    .addColumn("userId", "text", (c) => c.notNull().references("user.id").onDelete("cascade"))
    .addColumn("tekst", "text", (c) => c.notNull())
    .addColumn("oppdatert", tid, (c) => c.notNull())
    .addPrimaryKeyConstraint("samling_ledernotat_pk", ["samlingId", "userId"])
    .addForeignKeyConstraint("samling_ledernotat_samling_fk", ["samlingId", "organizationId"], "samling", ["id", "organizationId"], (f) => f.onDelete("cascade"))
    .execute();

  await db.schema
    .createTable("kalender_hemmelighet")
    .addColumn("userId", "text", (c) => c.primaryKey().references("user.id").onDelete("cascade"))
    .addColumn("hash", "text", (c) => c.notNull().unique())
    .addColumn("opprettet", tid, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>) {
  await db.schema.dropTable("kalender_hemmelighet").execute();
  await db.schema.dropTable("samling_ledernotat").execute();
}
