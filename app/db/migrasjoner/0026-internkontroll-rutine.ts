import type { Kysely } from "kysely";
import { tidType } from "../dialekt.ts";

/**
 * The barnehage's written routine for barnehageloven kapittel VIII (issue 14, point 4; ADR 0036):
 * one row per adopted version, never updated. `svar` is the guided form's answers as JSON text
 * (roles and places, not people); `vedtatt` is the calendar date (YYYY-MM-DD) the styrer adopted
 * it. `godkjentAv` links the approver's account (set null when the account is deleted); the
 * approver's name is kept with the document as `godkjentNavn` until then (anonymised on deletion).
 */
export async function up(db: Kysely<any>) {
  const tid = tidType(db);
  await db.schema
    .createTable("internkontroll_rutine")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organizationId", "text", (c) => c.notNull().references("organization.id").onDelete("cascade"))
    .addColumn("versjon", "integer", (c) => c.notNull())
    .addColumn("svar", "text", (c) => c.notNull())
    .addColumn("vedtatt", "text", (c) => c.notNull())
    .addColumn("godkjentRolle", "text", (c) => c.notNull())
    .addColumn("godkjentNavn", "text")
    .addColumn("godkjentAv", "text", (c) => c.references("user.id").onDelete("set null"))
    .addColumn("opprettet", tid, (c) => c.notNull())
    .addUniqueConstraint("internkontroll_rutine_versjon_uq", ["organizationId", "versjon"])
    .execute();
  await db.schema.createIndex("internkontroll_rutine_godkjentAv_idx").on("internkontroll_rutine").column("godkjentAv").execute();
}

export async function down(db: Kysely<any>) {
  await db.schema.dropTable("internkontroll_rutine").execute();
}
