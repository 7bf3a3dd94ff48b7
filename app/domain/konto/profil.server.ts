import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import type { Aktor } from "#app/kontekst.ts";

/** What the profile page shows about the signed-in person: their own row only. */
export async function hentProfil(db: Kysely<Database>, aktor: Aktor) {
  const rad = await db.selectFrom("user").select(["name", "email", "emailVerified"]).where("id", "=", aktor.id).executeTakeFirstOrThrow();
  return { navn: rad.name, epost: rad.email, bekreftet: Boolean(rad.emailVerified) };
}
