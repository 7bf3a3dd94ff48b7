import type { Kysely } from "kysely";
import { tidType } from "../dialekt.ts";

/**
 * Editions (issue 18, ADR 0034). `redaktor`: who has the editor role, granted and taken away only
 * by an operator (scripts/redaktor.ts), never from the app. `samling.modulUtgave`: the edition of
 * the module a samling started on, kept until it ends (or the leader moves on).
 * `team_modul_utgave`: the newest edition a team has been told about, so «Modul 2 er oppdatert»
 * shows once per team.
 */
export async function up(db: Kysely<any>) {
  const tid = tidType(db);
  await db.schema
    .createTable("redaktor")
    .addColumn("userId", "text", (c) => c.primaryKey().references("user.id").onDelete("cascade"))
    .addColumn("gitt", tid, (c) => c.notNull())
    .execute();
  await db.schema.alterTable("samling").addColumn("modulUtgave", "integer").execute();
  await db.schema
    .createTable("team_modul_utgave")
    .addColumn("organizationId", "text", (c) => c.notNull().references("organization.id").onDelete("cascade"))
    .addColumn("teamId", "text", (c) => c.notNull().references("team.id").onDelete("cascade"))
    .addColumn("modulId", "text", (c) => c.notNull())
    .addColumn("utgave", "integer", (c) => c.notNull())
    .addColumn("oppdatert", tid, (c) => c.notNull())
    .addPrimaryKeyConstraint("team_modul_utgave_pk", ["teamId", "modulId"])
    .execute();
}

export async function down(db: Kysely<any>) {
  await db.schema.dropTable("team_modul_utgave").execute();
  await db.schema.alterTable("samling").dropColumn("modulUtgave").execute();
  await db.schema.dropTable("redaktor").execute();
}
