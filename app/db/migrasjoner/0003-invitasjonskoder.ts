import type { Kysely } from "kysely";
import { tidType } from "../dialekt.ts";

/**
 * Invitations without e-mail: a short code (and a link carrying it) that gives one person a role
 * in one barnehage. Only the SHA-256 of the code is stored; expiry, revoke and use are timestamps.
 */
export async function up(db: Kysely<any>) {
  const tid = tidType(db);
  await db.schema
    .createTable("invitasjonskode")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organizationId", "text", (c) => c.notNull().references("organization.id").onDelete("cascade"))
    .addColumn("kodeHash", "text", (c) => c.notNull().unique())
    .addColumn("rolle", "text", (c) => c.notNull())
    .addColumn("opprettetAv", "text", (c) => c.notNull().references("user.id").onDelete("cascade"))
    .addColumn("opprettet", tid, (c) => c.notNull())
    .addColumn("utloper", tid, (c) => c.notNull())
    .addColumn("trukketTilbake", tid)
    .addColumn("brukt", tid)
    .addColumn("bruktAv", "text", (c) => c.references("user.id").onDelete("set null"))
    .execute();
  await db.schema.createIndex("invitasjonskode_organizationId_idx").on("invitasjonskode").column("organizationId").execute();
}

export async function down(db: Kysely<any>) {
  await db.schema.dropTable("invitasjonskode").execute();
}
