import type { Kysely } from "kysely";
import { tidType } from "../dialekt.ts";

/**
 * Owners (eiere: a municipality or a private owner) and their barnehager: our own tables, not
 * Better Auth's organizations (ADR 0014, same reasons as teams in ADR 0011). A barnehage has at
 * most one owner (organizationId is the key of eier_barnehage). eier_kode holds short codes, by
 * their hash only: «barnehage» codes let a styrer link their barnehage to the owner, «eier» codes
 * let another person join the owner.
 */
export async function up(db: Kysely<any>) {
  const tid = tidType(db);
  await db.schema
    .createTable("eier")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("navn", "text", (c) => c.notNull())
    .addColumn("orgnummer", "text")
    .addColumn("opprettet", tid, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("eier_medlem")
    .addColumn("eierId", "text", (c) => c.notNull().references("eier.id").onDelete("cascade"))
    .addColumn("userId", "text", (c) => c.notNull().references("user.id").onDelete("cascade"))
    .addColumn("lagtTil", tid, (c) => c.notNull())
    .addPrimaryKeyConstraint("eier_medlem_pk", ["eierId", "userId"])
    .execute();
  await db.schema.createIndex("eier_medlem_userId_idx").on("eier_medlem").column("userId").execute();
  await db.schema
    .createTable("eier_barnehage")
    // One owner per barnehage: the barnehage is the key.
    .addColumn("organizationId", "text", (c) => c.primaryKey().references("organization.id").onDelete("cascade"))
    .addColumn("eierId", "text", (c) => c.notNull().references("eier.id").onDelete("cascade"))
    .addColumn("tilknyttet", tid, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("eier_barnehage_eierId_idx").on("eier_barnehage").column("eierId").execute();
  await db.schema
    .createTable("eier_kode")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("eierId", "text", (c) => c.notNull().references("eier.id").onDelete("cascade"))
    .addColumn("formaal", "text", (c) => c.notNull())
    .addColumn("kodeHash", "text", (c) => c.notNull().unique())
    .addColumn("opprettetAv", "text", (c) => c.references("user.id").onDelete("set null"))
    .addColumn("opprettet", tid, (c) => c.notNull())
    .addColumn("utloper", tid, (c) => c.notNull())
    .addColumn("brukt", tid)
    .execute();
  await db.schema.createIndex("eier_kode_eierId_idx").on("eier_kode").column("eierId").execute();
}

export async function down(db: Kysely<any>) {
  await db.schema.dropTable("eier_kode").execute();
  await db.schema.dropTable("eier_barnehage").execute();
  await db.schema.dropTable("eier_medlem").execute();
  await db.schema.dropTable("eier").execute();
}
