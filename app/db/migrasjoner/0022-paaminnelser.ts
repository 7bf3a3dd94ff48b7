import type { Kysely } from "kysely";
import { tidType } from "../dialekt.ts";

/**
 * Reminders and the job runner (issue 15, point 4; ADR 0031).
 * - `jobb_laas`: one row per periodic job; a process runs the job only while it holds the lease
 *   (`laastAv`, `laastTil`), claimed with one compare-and-set UPDATE, so several app processes on
 *   one database take turns instead of all scanning at once.
 * - `paaminnelse`: the outbox. One row per (type, person, object, occasion): the unique key makes a
 *   reminder exist once however many processes find it; each row is claimed with its own lease
 *   before the mail goes, and `sendt` is set after.
 * - `paaminnelse_av`: the kinds of reminder a person has turned off (none: all on).
 * - `samling.sekvens` and `samling_avlyst`: the calendar's SEQUENCE and the cancelled samlinger, so
 *   a moved or cancelled samling updates in calendar apps (ADR 0016).
 */
export async function up(db: Kysely<any>) {
  const tid = tidType(db);
  await db.schema
    .createTable("jobb_laas")
    .addColumn("navn", "text", (c) => c.primaryKey())
    .addColumn("laastAv", "text")
    .addColumn("laastTil", tid)
    .addColumn("sistFullfort", tid)
    .execute();
  await db.schema
    .createTable("paaminnelse")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organizationId", "text", (c) => c.notNull().references("organization.id").onDelete("cascade"))
    .addColumn("userId", "text", (c) => c.notNull().references("user.id").onDelete("cascade"))
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("objektId", "text", (c) => c.notNull())
    .addColumn("anledning", "text", (c) => c.notNull())
    .addColumn("opprettet", tid, (c) => c.notNull())
    .addColumn("sendt", tid)
    // sendt | av (turned off since) | utdatert (no longer true: the samling moved, the round closed)
    .addColumn("utfall", "text")
    .addColumn("laastAv", "text")
    .addColumn("laastTil", tid)
    .addColumn("forsok", "integer", (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint("paaminnelse_nokkel_uq", ["type", "userId", "objektId", "anledning"])
    .execute();
  await db.schema.createIndex("paaminnelse_sendt_idx").on("paaminnelse").columns(["sendt", "laastTil"]).execute();
  await db.schema.createIndex("paaminnelse_bruker_idx").on("paaminnelse").columns(["userId"]).execute();
  await db.schema.createIndex("paaminnelse_org_idx").on("paaminnelse").columns(["organizationId"]).execute();
  await db.schema
    .createTable("paaminnelse_av")
    .addColumn("userId", "text", (c) => c.notNull().references("user.id").onDelete("cascade"))
    .addColumn("type", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("paaminnelse_av_pk", ["userId", "type"])
    .execute();
  await db.schema.alterTable("samling").addColumn("sekvens", "integer", (c) => c.notNull().defaultTo(0)).execute();
  await db.schema
    .createTable("samling_avlyst")
    .addColumn("samlingId", "text", (c) => c.primaryKey())
    .addColumn("organizationId", "text", (c) => c.notNull())
    .addColumn("teamId", "text", (c) => c.notNull())
    .addColumn("modulId", "text", (c) => c.notNull())
    .addColumn("starter", tid, (c) => c.notNull())
    .addColumn("varighetMinutter", "integer", (c) => c.notNull())
    .addColumn("sekvens", "integer", (c) => c.notNull())
    .addColumn("avlyst", tid, (c) => c.notNull())
    .addForeignKeyConstraint("samling_avlyst_team_fk", ["teamId", "organizationId"], "team", ["id", "organizationId"], (f) => f.onDelete("cascade"))
    .execute();
  await db.schema.createIndex("samling_avlyst_team_idx").on("samling_avlyst").columns(["organizationId", "teamId"]).execute();
}

export async function down(db: Kysely<any>) {
  await db.schema.dropTable("samling_avlyst").execute();
  await db.schema.alterTable("samling").dropColumn("sekvens").execute();
  await db.schema.dropTable("paaminnelse_av").execute();
  await db.schema.dropTable("paaminnelse").execute();
  await db.schema.dropTable("jobb_laas").execute();
}
