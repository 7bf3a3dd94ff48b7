import type { Kysely } from "kysely";
import { tidType } from "../dialekt.ts";

/**
 * Catch-up (issue 5, ADR 0017): a member who missed a held samling marks it as caught up after
 * reading the group notes. Kept apart from `samling_oppmote`, so attendance stays what the leader
 * marked. The leader sees who has not caught up (names and counts), never what they wrote.
 */
export async function up(db: Kysely<any>) {
  await db.schema
    .createTable("samling_tatt_igjen")
    .addColumn("samlingId", "text", (c) => c.notNull())
    .addColumn("organizationId", "text", (c) => c.notNull())
    .addColumn("userId", "text", (c) => c.notNull())
    .addColumn("tidspunkt", tidType(db), (c) => c.notNull())
    .addPrimaryKeyConstraint("samling_tatt_igjen_pk", ["samlingId", "userId"])
    .addForeignKeyConstraint("samling_tatt_igjen_samling_fk", ["samlingId", "organizationId"], "samling", ["id", "organizationId"], (f) => f.onDelete("cascade"))
    .execute();
}

export async function down(db: Kysely<any>) {
  await db.schema.dropTable("samling_tatt_igjen").execute();
}
