import type { Kysely } from "kysely";
import { jsonType, tidType } from "../dialekt.ts";

/**
 * Observation and the action repertoire (issue 14, points 1–2; ADR 0035).
 *
 * `observasjon_periode`: a team's practice period (fra–til, calendar dates). Its observations go
 * with it (cascade), and a period is deleted by itself a fixed number of days after `til`
 * (OBSERVASJON_LAGRINGSDAGER in app/domain/observasjon/), so nothing is kept longer than the page says.
 * `observasjon`: one person's log, private to its author until `delt` is set (shared with the team).
 * Children appear only as codes (barn A, barn B): the use case refuses text that looks like a name.
 *
 * `repertoar`: the barnehage's «Når vi ser …, gjør vi …» entries; `repertoar_historikk` who changed
 * what, when. Every table carries the barnehage id, and the team foreign keys are composite with it.
 */
export async function up(db: Kysely<any>) {
  const tid = tidType(db);
  const json = jsonType(db);

  await db.schema
    .createTable("observasjon_periode")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organizationId", "text", (c) => c.notNull())
    .addColumn("teamId", "text", (c) => c.notNull())
    .addColumn("fra", "text", (c) => c.notNull())
    .addColumn("til", "text", (c) => c.notNull())
    .addColumn("opprettetAv", "text", (c) => c.references("user.id").onDelete("set null"))
    .addColumn("opprettet", tid, (c) => c.notNull())
    .addUniqueConstraint("observasjon_periode_id_org", ["id", "organizationId"])
    .addForeignKeyConstraint("observasjon_periode_team_fk", ["teamId", "organizationId"], "team", ["id", "organizationId"], (f) => f.onDelete("cascade"))
    .execute();
  await db.schema.createIndex("observasjon_periode_team").on("observasjon_periode").columns(["organizationId", "teamId"]).execute();

  await db.schema
    .createTable("observasjon")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organizationId", "text", (c) => c.notNull())
    .addColumn("periodeId", "text", (c) => c.notNull())
    .addColumn("forfatterId", "text", (c) => c.notNull().references("user.id").onDelete("cascade"))
    // "praksis" (in the barnehage, with a template) or "film" (the case film, for calibration).
    .addColumn("art", "text", (c) => c.notNull())
    .addColumn("malId", "text", (c) => c.notNull())
    .addColumn("naar", "text", (c) => c.notNull())
    .addColumn("sted", "text", (c) => c.notNull())
    .addColumn("situasjon", "text", (c) => c.notNull())
    // What was seen, per category of the template: { kategoriId: text }.
    .addColumn("kategorier", json, (c) => c.notNull())
    // The film's statements (calibration): { utsagnId: "ja" | "nei" | "usikker" }.
    .addColumn("valg", json, (c) => c.notNull())
    .addColumn("delt", tid)
    .addColumn("opprettet", tid, (c) => c.notNull())
    .addColumn("oppdatert", tid, (c) => c.notNull())
    .addForeignKeyConstraint("observasjon_periode_fk", ["periodeId", "organizationId"], "observasjon_periode", ["id", "organizationId"], (f) => f.onDelete("cascade"))
    .execute();
  await db.schema.createIndex("observasjon_periode_idx").on("observasjon").columns(["organizationId", "periodeId"]).execute();
  await db.schema.createIndex("observasjon_forfatter").on("observasjon").column("forfatterId").execute();

  await db.schema
    .createTable("repertoar")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organizationId", "text", (c) => c.notNull().references("organization.id").onDelete("cascade"))
    .addColumn("teamId", "text")
    .addColumn("situasjon", "text", (c) => c.notNull())
    .addColumn("handling", "text", (c) => c.notNull())
    .addColumn("hvem", "text", (c) => c.notNull())
    .addColumn("hvorfor", "text", (c) => c.notNull())
    // barn | gruppe | personale | barnehage (the measure levels of module 3).
    .addColumn("niva", "text", (c) => c.notNull())
    // foreslatt | vedtatt
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("foreslattAv", "text", (c) => c.references("user.id").onDelete("set null"))
    // Where the proposal came from: a group note in a samling (samlingId/aktivitetId/gruppe), or null.
    .addColumn("kilde", "text")
    .addColumn("versjon", "integer", (c) => c.notNull())
    .addColumn("opprettet", tid, (c) => c.notNull())
    .addColumn("endret", tid, (c) => c.notNull())
    .addColumn("endretAv", "text", (c) => c.references("user.id").onDelete("set null"))
    .addUniqueConstraint("repertoar_id_org", ["id", "organizationId"])
    .execute();
  await db.schema.createIndex("repertoar_org").on("repertoar").column("organizationId").execute();

  await db.schema
    .createTable("repertoar_historikk")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organizationId", "text", (c) => c.notNull())
    .addColumn("oppforingId", "text", (c) => c.notNull())
    .addColumn("brukerId", "text", (c) => c.references("user.id").onDelete("set null"))
    .addColumn("hendelse", "text", (c) => c.notNull())
    // Which fields changed, with the text before and after: [{ felt, for, etter }].
    .addColumn("endringer", json, (c) => c.notNull())
    .addColumn("tidspunkt", tid, (c) => c.notNull())
    .addForeignKeyConstraint("repertoar_historikk_fk", ["oppforingId", "organizationId"], "repertoar", ["id", "organizationId"], (f) => f.onDelete("cascade"))
    .execute();
  await db.schema.createIndex("repertoar_historikk_oppforing").on("repertoar_historikk").columns(["organizationId", "oppforingId"]).execute();
}

export async function down(db: Kysely<any>) {
  await db.schema.dropTable("repertoar_historikk").execute();
  await db.schema.dropTable("repertoar").execute();
  await db.schema.dropTable("observasjon").execute();
  await db.schema.dropTable("observasjon_periode").execute();
}
