import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import type { Spraak } from "#app/domain/innhold/innhold.schema.ts";

/** Stores a person's chosen målform on their own user row (their data only). */
export async function lagreMaalform(db: Kysely<Database>, brukerId: string, maalform: Spraak) {
  await db.updateTable("user").set({ maalform, updatedAt: new Date().toISOString() }).where("id", "=", brukerId).execute();
}

export async function hentMaalform(db: Kysely<Database>, brukerId: string): Promise<Spraak | undefined> {
  const rad = await db.selectFrom("user").select("maalform").where("id", "=", brukerId).executeTakeFirst();
  return rad?.maalform === "nb" || rad?.maalform === "nn" ? rad.maalform : undefined;
}
