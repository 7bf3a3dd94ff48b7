import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";

/**
 * The job leases (ADR 0031). A lease is claimed by ONE compare-and-set statement: the UPDATE only
 * matches while nobody holds the lease or the holder's time is up, so of two processes that try
 * at the same moment, exactly one gets a row updated.
 */
export async function taLeie(db: Kysely<Database>, navn: string, kjorer: string, naa: Date, leieMs: number): Promise<boolean> {
  await db.insertInto("jobb_laas").values({ navn, laastAv: null, laastTil: null, sistFullfort: null }).onConflict((oc) => oc.column("navn").doNothing()).execute();
  const r = await db
    .updateTable("jobb_laas")
    .set({ laastAv: kjorer, laastTil: new Date(naa.getTime() + leieMs) })
    .where("navn", "=", navn)
    .where((eb) => eb.or([eb("laastTil", "is", null), eb("laastTil", "<", naa)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Gives the lease back (only the holder can), and notes when the job last finished. */
export async function slippLeie(db: Kysely<Database>, navn: string, kjorer: string, naa: Date, fullfort: boolean) {
  await db
    .updateTable("jobb_laas")
    .set(fullfort ? { laastAv: null, laastTil: null, sistFullfort: naa } : { laastAv: null, laastTil: null })
    .where("navn", "=", navn)
    .where("laastAv", "=", kjorer)
    .execute();
}
