import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";

/** Kysely only: the barnehage's own name and org number, always by its id. */
export async function settBarnehageInfo(db: Kysely<Database>, barnehageId: string, info: { navn: string; orgnummer: string | null }): Promise<boolean> {
  const r = await db.updateTable("organization").set({ name: info.navn, orgnummer: info.orgnummer }).where("id", "=", barnehageId).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
