import type { Kysely } from "kysely";
import { boolType, erSqlite, tidType } from "../dialekt.ts";

/**
 * The samling in the room (issue 12, ADR 0026): the presenter's live state beside the step, so
 * every app process shows the same. `pauset` (when the countdown was paused, null: running) and
 * `tilleggSekunder` (time added to the current step: +1/+5 min and the paused time); the film on
 * the projector (`filmSpiller`, the position in ms at `filmEndret`); whether the join code shows
 * (`visKode`); `live`, a counter bumped by changes the screens show that are not the leader's own
 * (group notes), so the version check is one indexed read. `kode` is the short join code on the
 * screen (unique), `skjermHash` the SHA-256 hash of the projector's secret link (never the secret).
 */
export async function up(db: Kysely<any>) {
  const tid = tidType(db);
  const bool = boolType(db);
  const sann = erSqlite(db) ? 1 : true;
  const usann = erSqlite(db) ? 0 : false;
  const kolonner: [string, (b: Kysely<any>) => Promise<unknown>][] = [
    ["pauset", (b) => b.schema.alterTable("samling").addColumn("pauset", tid).execute()],
    ["tilleggSekunder", (b) => b.schema.alterTable("samling").addColumn("tilleggSekunder", "integer", (c) => c.notNull().defaultTo(0)).execute()],
    ["filmSpiller", (b) => b.schema.alterTable("samling").addColumn("filmSpiller", bool, (c) => c.notNull().defaultTo(usann)).execute()],
    ["filmPosisjonMs", (b) => b.schema.alterTable("samling").addColumn("filmPosisjonMs", "integer", (c) => c.notNull().defaultTo(0)).execute()],
    ["filmEndret", (b) => b.schema.alterTable("samling").addColumn("filmEndret", tid).execute()],
    ["visKode", (b) => b.schema.alterTable("samling").addColumn("visKode", bool, (c) => c.notNull().defaultTo(sann)).execute()],
    ["live", (b) => b.schema.alterTable("samling").addColumn("live", "integer", (c) => c.notNull().defaultTo(0)).execute()],
    ["kode", (b) => b.schema.alterTable("samling").addColumn("kode", "text").execute()],
    ["skjermHash", (b) => b.schema.alterTable("samling").addColumn("skjermHash", "text").execute()],
  ];
  for (const [, legg] of kolonner) await legg(db);
  // Unique indexes, not column constraints: SQLite cannot add a UNIQUE column. NULLs never collide.
  await db.schema.createIndex("samling_kode_unik").unique().on("samling").column("kode").execute();
  await db.schema.createIndex("samling_skjerm_unik").unique().on("samling").column("skjermHash").execute();
}

export async function down(db: Kysely<any>) {
  await db.schema.dropIndex("samling_skjerm_unik").execute();
  await db.schema.dropIndex("samling_kode_unik").execute();
  for (const k of ["skjermHash", "kode", "live", "visKode", "filmEndret", "filmPosisjonMs", "filmSpiller", "tilleggSekunder", "pauset"]) {
    await db.schema.alterTable("samling").dropColumn(k).execute();
  }
}
