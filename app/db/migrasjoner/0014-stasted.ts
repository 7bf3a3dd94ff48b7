import { sql, type Kysely } from "kysely";
import { erSqlite, jsonType, tidType } from "../dialekt.ts";

/**
 * Ståsted (issue 6, ADR 0008): anonymous before/after self-assessment rounds.
 *
 * - `stasted_runde`: a round for a team or the whole barnehage, with the statements it used.
 * - `stasted_deltakelse`: THAT a person answered (who, which round). Nothing else.
 * - `stasted_svarsett` + `stasted_svar`: WHAT was answered while the round is open. No user id,
 *   no time, a random UUID as key; on SQLite `WITHOUT ROWID`, so there is no hidden insertion
 *   counter. The repository rewrites a round's answer rows sorted by their random id on every new
 *   answer (ADR 0008), so neither physical order (PostgreSQL ctid) nor the inserting transaction
 *   (xmin) follows the order people answered in.
 * - `stasted_resultat` + `stasted_omradetall`: when the round closes, the answers are counted
 *   into these aggregate tables and the individual answer rows are deleted.
 * - `stasted_onsket`: a team's own «hvor vil vi?» text (module 0).
 */
export async function up(db: Kysely<any>) {
  const tid = tidType(db);
  const utenRowid = <T extends { modifyEnd(s: ReturnType<typeof sql>): T }>(b: T): T => (erSqlite(db) ? b.modifyEnd(sql`without rowid`) : b);

  await db.schema
    .createTable("stasted_runde")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organizationId", "text", (c) => c.notNull().references("organization.id").onDelete("cascade"))
    .addColumn("teamId", "text") // null: the whole barnehage
    .addColumn("fase", "text", (c) => c.notNull()) // for | underveis | etter
    .addColumn("apner", "text", (c) => c.notNull()) // YYYY-MM-DD
    .addColumn("lukker", "text", (c) => c.notNull()) // YYYY-MM-DD
    .addColumn("status", "text", (c) => c.notNull()) // apen | lukket
    .addColumn("instrumentVersjon", "integer", (c) => c.notNull())
    .addColumn("utsagn", jsonType(db), (c) => c.notNull()) // the statements and areas this round used
    .addColumn("antallSvar", "integer") // set when the round closes
    .addColumn("opprettetAv", "text", (c) => c.notNull())
    .addColumn("opprettet", tid, (c) => c.notNull())
    .addColumn("lukket", tid)
    .execute();
  await db.schema.createIndex("stasted_runde_org_idx").on("stasted_runde").columns(["organizationId", "opprettet"]).execute();

  await db.schema
    .createTable("stasted_deltakelse")
    .addColumn("rundeId", "text", (c) => c.notNull().references("stasted_runde.id").onDelete("cascade"))
    .addColumn("organizationId", "text", (c) => c.notNull())
    .addColumn("userId", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("stasted_deltakelse_pk", ["rundeId", "userId"])
    .execute();

  await utenRowid(
    db.schema
      .createTable("stasted_svarsett")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("rundeId", "text", (c) => c.notNull().references("stasted_runde.id").onDelete("cascade"))
      .addColumn("organizationId", "text", (c) => c.notNull())
      .addColumn("kvitteringHash", "text", (c) => c.notNull().unique()),
  ).execute();

  await utenRowid(
    db.schema
      .createTable("stasted_svar")
      .addColumn("svarsettId", "text", (c) => c.notNull().references("stasted_svarsett.id").onDelete("cascade"))
      .addColumn("utsagnId", "text", (c) => c.notNull())
      .addColumn("verdi", "integer", (c) => c.notNull()) // 1–5, or 0 for «vet ikke / vil ikke svare»
      .addPrimaryKeyConstraint("stasted_svar_pk", ["svarsettId", "utsagnId"]),
  ).execute();

  await db.schema
    .createTable("stasted_resultat")
    .addColumn("rundeId", "text", (c) => c.notNull().references("stasted_runde.id").onDelete("cascade"))
    .addColumn("organizationId", "text", (c) => c.notNull())
    .addColumn("utsagnId", "text", (c) => c.notNull())
    .addColumn("verdi", "integer", (c) => c.notNull())
    .addColumn("antall", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("stasted_resultat_pk", ["rundeId", "utsagnId", "verdi"])
    .execute();

  // How many people answered at least one statement of an area on the scale (the area's «n»).
  await db.schema
    .createTable("stasted_omradetall")
    .addColumn("rundeId", "text", (c) => c.notNull().references("stasted_runde.id").onDelete("cascade"))
    .addColumn("organizationId", "text", (c) => c.notNull())
    .addColumn("omradeId", "text", (c) => c.notNull())
    .addColumn("antall", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("stasted_omradetall_pk", ["rundeId", "omradeId"])
    .execute();

  await db.schema
    .createTable("stasted_onsket")
    .addColumn("teamId", "text", (c) => c.notNull())
    .addColumn("organizationId", "text", (c) => c.notNull())
    .addColumn("tekst", "text", (c) => c.notNull())
    .addColumn("oppdatert", tid, (c) => c.notNull())
    .addPrimaryKeyConstraint("stasted_onsket_pk", ["teamId"])
    .addForeignKeyConstraint("stasted_onsket_team_fk", ["teamId", "organizationId"], "team", ["id", "organizationId"], (f) => f.onDelete("cascade"))
    .execute();
}

export async function down(db: Kysely<any>) {
  for (const t of ["stasted_onsket", "stasted_omradetall", "stasted_resultat", "stasted_svar", "stasted_svarsett", "stasted_deltakelse", "stasted_runde"]) {
    await db.schema.dropTable(t).execute();
  }
}
