import { sql, type Kysely } from "kysely";
import { erSqlite } from "../dialekt.ts";

/**
 * Feedback after each module (issue 6, point 6; ADR 0019), built on the principle of ADR 0008:
 * *that* a person answered is stored apart from *what* was answered, with no column, time or
 * order that links the two.
 *
 * - `modul_tilbakemelding`: one row per barnehage and module with the number of answers. Every
 *   new answer first upserts this row, which locks it, so two answers to the same module never
 *   rewrite the answer rows at the same time.
 * - `modul_tilbakemelding_deltakelse`: who has answered (so nobody answers twice). No answer here.
 * - `modul_tilbakemelding_svar`: one row per statement answer (verdi 1–5, or null for «Vet ikke /
 *   vil ikke svare»), not grouped per person. `modul_tilbakemelding_fritekst`: the optional free
 *   texts, not linked to the values either. Neither has a user id or a time. Each new answer
 *   rewrites all rows of its barnehage and module in a random order with fresh random ids, so
 *   neither the physical order, the row ids nor PostgreSQL's xmin tell which row came when. On
 *   SQLite the tables are WITHOUT ROWID, so rows are stored in the order of their random key.
 */
export async function up(db: Kysely<any>) {
  const utenRowid = (b: { modifyEnd: (s: ReturnType<typeof sql>) => any }) => (erSqlite(db) ? b.modifyEnd(sql`without rowid`) : b);

  await db.schema
    .createTable("modul_tilbakemelding")
    .addColumn("organizationId", "text", (c) => c.notNull().references("organization.id").onDelete("cascade"))
    .addColumn("modulId", "text", (c) => c.notNull())
    .addColumn("antallSvar", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("modul_tilbakemelding_pk", ["organizationId", "modulId"])
    .execute();

  await db.schema
    .createTable("modul_tilbakemelding_deltakelse")
    .addColumn("organizationId", "text", (c) => c.notNull())
    .addColumn("modulId", "text", (c) => c.notNull())
    .addColumn("userId", "text", (c) => c.notNull().references("user.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("modul_tilbakemelding_deltakelse_pk", ["organizationId", "modulId", "userId"])
    .addForeignKeyConstraint("modul_tilbakemelding_deltakelse_fk", ["organizationId", "modulId"], "modul_tilbakemelding", ["organizationId", "modulId"], (f) =>
      f.onDelete("cascade"),
    )
    .execute();

  await utenRowid(
    db.schema
      .createTable("modul_tilbakemelding_svar")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("organizationId", "text", (c) => c.notNull())
      .addColumn("modulId", "text", (c) => c.notNull())
      .addColumn("utsagnId", "text", (c) => c.notNull())
      .addColumn("verdi", "integer")
      .addForeignKeyConstraint("modul_tilbakemelding_svar_fk", ["organizationId", "modulId"], "modul_tilbakemelding", ["organizationId", "modulId"], (f) =>
        f.onDelete("cascade"),
      ),
  ).execute();
  await db.schema.createIndex("modul_tilbakemelding_svar_idx").on("modul_tilbakemelding_svar").columns(["organizationId", "modulId"]).execute();

  await utenRowid(
    db.schema
      .createTable("modul_tilbakemelding_fritekst")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("organizationId", "text", (c) => c.notNull())
      .addColumn("modulId", "text", (c) => c.notNull())
      .addColumn("tekst", "text", (c) => c.notNull())
      .addForeignKeyConstraint("modul_tilbakemelding_fritekst_fk", ["organizationId", "modulId"], "modul_tilbakemelding", ["organizationId", "modulId"], (f) =>
        f.onDelete("cascade"),
      ),
  ).execute();
  await db.schema.createIndex("modul_tilbakemelding_fritekst_idx").on("modul_tilbakemelding_fritekst").columns(["organizationId", "modulId"]).execute();
}

export async function down(db: Kysely<any>) {
  for (const t of ["modul_tilbakemelding_fritekst", "modul_tilbakemelding_svar", "modul_tilbakemelding_deltakelse", "modul_tilbakemelding"]) {
    await db.schema.dropTable(t).execute();
  }
}
