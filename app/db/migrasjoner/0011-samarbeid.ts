import type { Kysely } from "kysely";
import { tidType } from "../dialekt.ts";

/**
 * Working together (issue 5, ADR 0016): the team's plan, samlinger with their live state,
 * attendance, group notes, private reflections and their shared copies, and practice tasks with
 * each member's log. Every table but `refleksjon` carries the barnehage id (organizationId) and a
 * composite foreign key to the team in that barnehage, so a row can never point across barnehager,
 * and every repository query filters on it.
 *
 * `refleksjon` is private to its author (DESIGN.md): it has no barnehage or team column on purpose,
 * and only the author's own use cases read it. Sharing writes an explicit copy to `delt_refleksjon`.
 * Removing a person from the barnehage removes nothing they wrote for the team (the team's notes
 * stay the team's); deleting the account removes their private reflections.
 */
export async function up(db: Kysely<any>) {
  const tid = tidType(db);

  // Which modules a team works through, in which order.
  await db.schema
    .createTable("team_plan")
    .addColumn("teamId", "text", (c) => c.notNull())
    .addColumn("organizationId", "text", (c) => c.notNull())
    .addColumn("modulId", "text", (c) => c.notNull())
    .addColumn("rekkefolge", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("team_plan_pk", ["teamId", "modulId"])
    .addForeignKeyConstraint("team_plan_team_fk", ["teamId", "organizationId"], "team", ["id", "organizationId"], (f) => f.onDelete("cascade"))
    .execute();

  // A samling: a meeting of one team about one module. `steg` and `stegStartet` are the live state
  // of samling mode (which step of the module's samling plan is on the projector, and since when),
  // kept in the database so every app process shows the same thing.
  await db.schema
    .createTable("samling")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organizationId", "text", (c) => c.notNull())
    .addColumn("teamId", "text", (c) => c.notNull())
    .addColumn("modulId", "text", (c) => c.notNull())
    .addColumn("starter", tid, (c) => c.notNull())
    .addColumn("varighetMinutter", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull()) // planlagt | pagaar | holdt
    .addColumn("steg", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("stegStartet", tid)
    .addColumn("holdt", tid)
    .addColumn("opprettetAv", "text", (c) => c.notNull())
    .addColumn("opprettet", tid, (c) => c.notNull())
    .addColumn("versjon", "integer", (c) => c.notNull().defaultTo(1))
    .addForeignKeyConstraint("samling_team_fk", ["teamId", "organizationId"], "team", ["id", "organizationId"], (f) => f.onDelete("cascade"))
    .execute();
  await db.schema.createIndex("samling_team_starter_idx").on("samling").columns(["organizationId", "teamId", "starter"]).execute();
  await db.schema.createIndex("samling_id_organizationId_uq").on("samling").columns(["id", "organizationId"]).unique().execute();

  // Who was at a samling (marked by the leader); the basis for catch-up.
  await db.schema
    .createTable("samling_oppmote")
    .addColumn("samlingId", "text", (c) => c.notNull())
    .addColumn("organizationId", "text", (c) => c.notNull())
    .addColumn("userId", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("samling_oppmote_pk", ["samlingId", "userId"])
    .addForeignKeyConstraint("samling_oppmote_samling_fk", ["samlingId", "organizationId"], "samling", ["id", "organizationId"], (f) => f.onDelete("cascade"))
    .execute();

  // The team's shared notes for one activity at one samling. `versjon` is the optimistic lock:
  // an update names the version it was based on and fails if someone saved in between.
  await db.schema
    .createTable("gruppenotat")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organizationId", "text", (c) => c.notNull())
    .addColumn("samlingId", "text", (c) => c.notNull())
    .addColumn("aktivitetId", "text", (c) => c.notNull())
    .addColumn("tekst", "text", (c) => c.notNull())
    .addColumn("versjon", "integer", (c) => c.notNull())
    .addColumn("oppdatertAv", "text")
    .addColumn("oppdatert", tid, (c) => c.notNull())
    .addForeignKeyConstraint("gruppenotat_samling_fk", ["samlingId", "organizationId"], "samling", ["id", "organizationId"], (f) => f.onDelete("cascade"))
    .execute();
  await db.schema.createIndex("gruppenotat_samling_aktivitet_uq").on("gruppenotat").columns(["samlingId", "aktivitetId"]).unique().execute();

  // A private reflection: one per person and activity, readable by its author only.
  await db.schema
    .createTable("refleksjon")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("userId", "text", (c) => c.notNull().references("user.id").onDelete("cascade"))
    .addColumn("modulId", "text", (c) => c.notNull())
    .addColumn("aktivitetId", "text", (c) => c.notNull())
    .addColumn("tekst", "text", (c) => c.notNull())
    .addColumn("oppdatert", tid, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("refleksjon_bruker_aktivitet_uq").on("refleksjon").columns(["userId", "modulId", "aktivitetId"]).unique().execute();

  // "Share with my team": an explicit copy, owned by the team from then on (the private one is untouched).
  await db.schema
    .createTable("delt_refleksjon")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organizationId", "text", (c) => c.notNull())
    .addColumn("teamId", "text", (c) => c.notNull())
    .addColumn("modulId", "text", (c) => c.notNull())
    .addColumn("aktivitetId", "text", (c) => c.notNull())
    .addColumn("forfatterId", "text")
    .addColumn("tekst", "text", (c) => c.notNull())
    .addColumn("delt", tid, (c) => c.notNull())
    .addForeignKeyConstraint("delt_refleksjon_team_fk", ["teamId", "organizationId"], "team", ["id", "organizationId"], (f) => f.onDelete("cascade"))
    .execute();
  await db.schema.createIndex("delt_refleksjon_team_idx").on("delt_refleksjon").columns(["organizationId", "teamId", "modulId"]).execute();

  // A practice task (utprøving) agreed at the end of a samling: what, who, by when.
  await db.schema
    .createTable("utproving")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organizationId", "text", (c) => c.notNull())
    .addColumn("teamId", "text", (c) => c.notNull())
    .addColumn("samlingId", "text", (c) => c.notNull())
    .addColumn("hva", "text", (c) => c.notNull())
    .addColumn("hvem", "text", (c) => c.notNull())
    .addColumn("frist", "text", (c) => c.notNull()) // a calendar date, YYYY-MM-DD
    .addColumn("opprettetAv", "text")
    .addColumn("opprettet", tid, (c) => c.notNull())
    .addForeignKeyConstraint("utproving_samling_fk", ["samlingId", "organizationId"], "samling", ["id", "organizationId"], (f) => f.onDelete("cascade"))
    .execute();
  await db.schema.createIndex("utproving_team_idx").on("utproving").columns(["organizationId", "teamId"]).execute();
  await db.schema.createIndex("utproving_id_organizationId_uq").on("utproving").columns(["id", "organizationId"]).unique().execute();

  // Each member's log of how the practice went (shared with the team; one per person and task).
  await db.schema
    .createTable("utproving_logg")
    .addColumn("utprovingId", "text", (c) => c.notNull())
    .addColumn("organizationId", "text", (c) => c.notNull())
    .addColumn("userId", "text", (c) => c.notNull())
    .addColumn("tekst", "text", (c) => c.notNull())
    .addColumn("oppdatert", tid, (c) => c.notNull())
    .addPrimaryKeyConstraint("utproving_logg_pk", ["utprovingId", "userId"])
    .addForeignKeyConstraint("utproving_logg_utproving_fk", ["utprovingId", "organizationId"], "utproving", ["id", "organizationId"], (f) => f.onDelete("cascade"))
    .execute();
}

export async function down(db: Kysely<any>) {
  for (const t of ["utproving_logg", "utproving", "delt_refleksjon", "refleksjon", "gruppenotat", "samling_oppmote", "samling", "team_plan"]) {
    await db.schema.dropTable(t).execute();
  }
}
