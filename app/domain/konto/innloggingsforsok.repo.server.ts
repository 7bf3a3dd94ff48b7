import type { Generated, Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import { somTall } from "#app/db/dialekt.ts";

/**
 * Failed sign-in attempts (migration 0004-revisjonslogg), one row per failure per key. Keys are
 * keyed hashes (see innloggingsforsok.server.ts), never an e-mail address or an IP address.
 */
export type InnloggingsforsokTabell = {
  id: Generated<number | string>;
  nokkel: string;
  tid: string | Date;
};

// Kept out of app/db/skjema.ts for now to stay clear of the parallel barnehage work; move there later.
const medTabell = (db: Kysely<Database>) => db.withTables<{ innloggingsforsok: InnloggingsforsokTabell }>();

/** Records one failure for each key. */
export async function leggTilFeil(db: Kysely<Database>, nokler: string[], tid: Date): Promise<void> {
  if (!nokler.length) return;
  await medTabell(db)
    .insertInto("innloggingsforsok")
    .values(nokler.map((nokkel) => ({ nokkel, tid })))
    .execute();
}

/** Failures per key since `fra` (keys without failures are absent from the map). */
export async function tellFeil(db: Kysely<Database>, nokler: string[], fra: Date): Promise<Map<string, number>> {
  if (!nokler.length) return new Map();
  const rader = await medTabell(db)
    .selectFrom("innloggingsforsok")
    .select((e) => ["nokkel", e.fn.countAll().as("antall")])
    .where("nokkel", "in", nokler)
    .where("tid", ">", fra)
    .groupBy("nokkel")
    .execute();
  return new Map(rader.map((r) => [r.nokkel, somTall(r.antall)]));
}

/** The times of one key's rows since `fra`, oldest first (to say when a limit frees up). */
export async function tiderFor(db: Kysely<Database>, nokkel: string, fra: Date): Promise<Date[]> {
  const rader = await medTabell(db).selectFrom("innloggingsforsok").select("tid").where("nokkel", "=", nokkel).where("tid", ">", fra).orderBy("tid").orderBy("id").execute();
  return rader.map((r) => new Date(r.tid));
}

/** Forgets every failure for a key (after a successful sign-in). */
export async function slettFeil(db: Kysely<Database>, nokkel: string): Promise<void> {
  await medTabell(db).deleteFrom("innloggingsforsok").where("nokkel", "=", nokkel).execute();
}

/** Removes rows that have left the window, so the table stays small. */
export async function slettGamle(db: Kysely<Database>, for_: Date): Promise<void> {
  await medTabell(db).deleteFrom("innloggingsforsok").where("tid", "<=", for_).execute();
}
