import type { Kysely } from "kysely";
import { boolType, tidType } from "../dialekt.ts";

/**
 * Groups at a samling (issue 12, point 3; ADR 0027). One grouping per samling, reused by every
 * group step of it until the leader splits again: how many groups (numbered 1..n, «Gruppe 1»…),
 * whether members may pick their own group on the phone, and which group the leader highlights
 * for the plenary. Membership is one row per person and samling.
 *
 * Each group has its own note per activity: `gruppenotat` gets a `gruppe` column (0 = «hele
 * teamet», the note every samling had before), and the unique key becomes (samling, activity,
 * group), so two groups writing at the same time never touch the same row. Existing notes keep
 * working as the whole team's note.
 */
export async function up(db: Kysely<any>) {
  const tid = tidType(db);
  await db.schema.alterTable("gruppenotat").addColumn("gruppe", "integer", (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.dropIndex("gruppenotat_samling_aktivitet_uq").execute();
  await db.schema.createIndex("gruppenotat_samling_aktivitet_gruppe_uq").on("gruppenotat").columns(["samlingId", "aktivitetId", "gruppe"]).unique().execute();

  await db.schema
    .createTable("samling_gruppering")
    .addColumn("samlingId", "text", (c) => c.primaryKey())
    .addColumn("organizationId", "text", (c) => c.notNull())
    .addColumn("antall", "integer", (c) => c.notNull())
    .addColumn("selvvalg", boolType(db), (c) => c.notNull())
    .addColumn("fremhevet", "integer")
    .addColumn("oppdatert", tid, (c) => c.notNull())
    .addForeignKeyConstraint("samling_gruppering_samling_fk", ["samlingId", "organizationId"], "samling", ["id", "organizationId"], (f) => f.onDelete("cascade"))
    .execute();

  await db.schema
    .createTable("samling_gruppe_medlem")
    .addColumn("samlingId", "text", (c) => c.notNull())
    .addColumn("organizationId", "text", (c) => c.notNull())
    .addColumn("userId", "text", (c) => c.notNull())
    .addColumn("gruppe", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("samling_gruppe_medlem_pk", ["samlingId", "userId"])
    .addForeignKeyConstraint("samling_gruppe_medlem_samling_fk", ["samlingId", "organizationId"], "samling", ["id", "organizationId"], (f) => f.onDelete("cascade"))
    .execute();
  await db.schema.createIndex("samling_gruppe_medlem_bruker_idx").on("samling_gruppe_medlem").column("userId").execute();
}

export async function down(db: Kysely<any>) {
  await db.schema.dropTable("samling_gruppe_medlem").execute();
  await db.schema.dropTable("samling_gruppering").execute();
  await db.schema.dropIndex("gruppenotat_samling_aktivitet_gruppe_uq").execute();
  await db.deleteFrom("gruppenotat").where("gruppe", "!=", 0).execute();
  await db.schema.createIndex("gruppenotat_samling_aktivitet_uq").on("gruppenotat").columns(["samlingId", "aktivitetId"]).unique().execute();
  await db.schema.alterTable("gruppenotat").dropColumn("gruppe").execute();
}
