import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import type { Aktor } from "#app/kontekst.ts";
import { krev } from "#app/auth/tilgang.ts";
import { renTekst } from "#app/db/dialekt.ts";
import { loggHendelse } from "#app/domain/revisjon/revisjon.server.ts";

/** What the profile page shows about the signed-in person: their own row only. */
export async function hentProfil(db: Kysely<Database>, aktor: Aktor) {
  const rad = await db.selectFrom("user").select(["name", "email", "emailVerified"]).where("id", "=", aktor.id).executeTakeFirstOrThrow();
  return { navn: rad.name, epost: rad.email, bekreftet: Boolean(rad.emailVerified) };
}

/**
 * The signed-in person changes their own name (issue 15, point 7), with the limits of sign-up
 * (navnFelt: trimmed, 1–100 characters; NFC). Audited as `navn_endret` without the name: the log
 * can never be corrected, a name can. Returns when it was saved, for «Lagret kl. HH:MM».
 */
export async function endreNavn(aktor: Aktor | null, navn: string, { db }: { db: Kysely<Database> }, naa = new Date()): Promise<{ lagret: string; endret: boolean }> {
  krev(aktor, "endre:eget-navn");
  const nytt = renTekst(navn);
  const gammelt = await db.selectFrom("user").select("name").where("id", "=", aktor!.id).executeTakeFirstOrThrow();
  if (gammelt.name === nytt) return { lagret: naa.toISOString(), endret: false };
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("user").set({ name: nytt, updatedAt: naa }).where("id", "=", aktor!.id).execute();
    await loggHendelse(trx, { hendelse: "navn_endret", aktorId: aktor!.id, malId: aktor!.id }, naa);
  });
  return { lagret: naa.toISOString(), endret: true };
}
