import type { Kysely } from "kysely";
import { tidType } from "../dialekt.ts";

/**
 * Teams (avdelinger or groups) inside a barnehage: our own tables, not Better Auth's teams (ADR 0011).
 * team_medlem carries the barnehage id so the database itself holds the rule «only members of
 * the same barnehage»: one foreign key to the team in that barnehage, one to the membership in it.
 * Removing someone from the barnehage (or deleting the team) removes their team memberships too.
 */
export async function up(db: Kysely<any>) {
  const tid = tidType(db);
  await db.schema
    .createTable("team")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organizationId", "text", (c) => c.notNull().references("organization.id").onDelete("cascade"))
    .addColumn("navn", "text", (c) => c.notNull())
    .addColumn("opprettet", tid, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("team_organizationId_idx").on("team").column("organizationId").execute();
  // The target of team_medlem's composite foreign key.
  await db.schema.createIndex("team_id_organizationId_uq").on("team").columns(["id", "organizationId"]).unique().execute();
  await db.schema
    .createTable("team_medlem")
    .addColumn("teamId", "text", (c) => c.notNull())
    .addColumn("organizationId", "text", (c) => c.notNull())
    .addColumn("userId", "text", (c) => c.notNull())
    .addColumn("lagtTil", tid, (c) => c.notNull())
    .addPrimaryKeyConstraint("team_medlem_pk", ["teamId", "userId"])
    .addForeignKeyConstraint("team_medlem_team_fk", ["teamId", "organizationId"], "team", ["id", "organizationId"], (f) => f.onDelete("cascade"))
    .addForeignKeyConstraint("team_medlem_medlem_fk", ["organizationId", "userId"], "member", ["organizationId", "userId"], (f) => f.onDelete("cascade"))
    .execute();
  await db.schema.createIndex("team_medlem_organizationId_userId_idx").on("team_medlem").columns(["organizationId", "userId"]).execute();
}

export async function down(db: Kysely<any>) {
  await db.schema.dropTable("team_medlem").execute();
  await db.schema.dropTable("team").execute();
}
