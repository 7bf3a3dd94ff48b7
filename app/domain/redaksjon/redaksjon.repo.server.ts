import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import { forbered } from "#app/db/forbered.ts";
import { somIso } from "#app/db/dialekt.ts";

/** Kysely only (ADR 0034). Team and samling rows are always filtered on the barnehage id. */

export async function erRedaktor(db: Kysely<Database>, brukerId: string): Promise<boolean> {
  return Boolean(await db.selectFrom("redaktor").select("userId").where("userId", "=", brukerId).executeTakeFirst());
}

/** For the person's own data export: the editor role and since when (empty when none). */
export async function hentRedaktorrolle(db: Kysely<Database>, brukerId: string): Promise<{ redaktorSiden: string }[]> {
  const rader = await db.selectFrom("redaktor").select("gitt").where("userId", "=", brukerId).execute();
  return rader.map((r) => ({ redaktorSiden: somIso(r.gitt) }));
}

export async function finnBrukerIdEtterEpost(db: Kysely<Database>, epost: string): Promise<string | undefined> {
  const r = await db.selectFrom("user").select("id").where("email", "=", epost.trim().toLowerCase()).executeTakeFirst();
  return r?.id;
}

export async function settRedaktor(db: Kysely<Database>, brukerId: string, naa: Date): Promise<void> {
  if (await erRedaktor(db, brukerId)) return;
  await db.insertInto("redaktor").values({ userId: brukerId, gitt: naa }).execute();
}

export async function fjernRedaktor(db: Kysely<Database>, brukerId: string): Promise<boolean> {
  const r = await db.deleteFrom("redaktor").where("userId", "=", brukerId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** The newest edition of a module the team has been told about (undefined: never opened it). */
const hentTeamUtgaveSporring = forbered((db, p: { barnehageId: string; teamId: string; modulId: string }) =>
  db.selectFrom("team_modul_utgave").select("utgave").where("organizationId", "=", p.barnehageId).where("teamId", "=", p.teamId).where("modulId", "=", p.modulId),
);

export async function hentTeamUtgave(db: Kysely<Database>, barnehageId: string, teamId: string, modulId: string): Promise<number | undefined> {
  const [r] = await hentTeamUtgaveSporring(db, { barnehageId, teamId, modulId });
  return r ? Number(r.utgave) : undefined;
}

/**
 * Records that the team has been told about this edition. Only moves forward, in one statement,
 * so two members opening the page at the same moment cannot both be told twice or move it back.
 */
export async function settTeamUtgave(db: Kysely<Database>, barnehageId: string, teamId: string, modulId: string, utgave: number, naa: Date): Promise<boolean> {
  const oppdatert = await db
    .updateTable("team_modul_utgave")
    .set({ utgave, oppdatert: naa })
    .where("organizationId", "=", barnehageId)
    .where("teamId", "=", teamId)
    .where("modulId", "=", modulId)
    .where("utgave", "<", utgave)
    .executeTakeFirst();
  if (Number(oppdatert.numUpdatedRows) > 0) return true;
  const r = await db
    .insertInto("team_modul_utgave")
    .values({ organizationId: barnehageId, teamId, modulId, utgave, oppdatert: naa })
    .onConflict((oc) => oc.columns(["teamId", "modulId"]).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** The leader moves a samling in progress on to another edition. */
export async function settSamlingUtgave(db: Kysely<Database>, barnehageId: string, samlingId: string, modulId: string, utgave: number): Promise<boolean> {
  const r = await db
    .updateTable("samling")
    .set((eb) => ({ modulUtgave: utgave, versjon: eb("versjon", "+", 1) }))
    .where("organizationId", "=", barnehageId)
    .where("id", "=", samlingId)
    .where("modulId", "=", modulId)
    .where("status", "=", "pagaar")
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
