import type { Kysely } from "kysely";
import { tidType } from "../dialekt.ts";

/**
 * The staff invitation (issue 15, point 1; ADR 0029): the same invitation codes as 0003, but one
 * code may be used by several people. `maksBruk` is null for the single-use kind (as before) and
 * the number of places for a staff invitation; `antallBrukt` is claimed by one compare-and-set
 * statement. `invitasjon_bruk` lists who joined through a staff invitation (for the styrer), and
 * `fjernet` keeps a removed person from joining again with the same code.
 */
export async function up(db: Kysely<any>) {
  const tid = tidType(db);
  await db.schema.alterTable("invitasjonskode").addColumn("maksBruk", "integer").execute();
  await db.schema
    .alterTable("invitasjonskode")
    .addColumn("antallBrukt", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable("invitasjon_bruk")
    .addColumn("invitasjonId", "text", (c) => c.notNull().references("invitasjonskode.id").onDelete("cascade"))
    .addColumn("organizationId", "text", (c) => c.notNull().references("organization.id").onDelete("cascade"))
    .addColumn("userId", "text", (c) => c.notNull().references("user.id").onDelete("cascade"))
    .addColumn("brukt", tid, (c) => c.notNull())
    .addColumn("fjernet", tid)
    .addPrimaryKeyConstraint("invitasjon_bruk_pk", ["invitasjonId", "userId"])
    .execute();
  await db.schema.createIndex("invitasjon_bruk_organizationId_idx").on("invitasjon_bruk").columns(["organizationId", "userId"]).execute();
}

export async function down(db: Kysely<any>) {
  await db.schema.dropTable("invitasjon_bruk").execute();
  await db.schema.alterTable("invitasjonskode").dropColumn("antallBrukt").execute();
  await db.schema.alterTable("invitasjonskode").dropColumn("maksBruk").execute();
}
