import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import { somBool, sorterNorsk } from "#app/db/dialekt.ts";

/**
 * Kysely only. Groups at a samling (ADR 0027) are the barnehage's data: every query takes the
 * barnehage id and filters on it, so a samling of another barnehage has no grouping here.
 */

export type Gruppering = { antall: number; selvvalg: boolean; fremhevet: number | null };
export type GruppeMedlem = { brukerId: string; navn: string; gruppe: number };

export async function hentGruppering(db: Kysely<Database>, barnehageId: string, samlingId: string): Promise<Gruppering | undefined> {
  const r = await db
    .selectFrom("samling_gruppering")
    .select(["antall", "selvvalg", "fremhevet"])
    .where("organizationId", "=", barnehageId)
    .where("samlingId", "=", samlingId)
    .executeTakeFirst();
  return r ? { antall: Number(r.antall), selvvalg: somBool(r.selvvalg), fremhevet: r.fremhevet == null ? null : Number(r.fremhevet) } : undefined;
}

/** Everyone placed in a group at this samling, with their name (for the leader's page), sorted by group and name. */
export async function gruppeMedlemmer(db: Kysely<Database>, barnehageId: string, samlingId: string): Promise<GruppeMedlem[]> {
  const rader = await db
    .selectFrom("samling_gruppe_medlem")
    .innerJoin("user", "user.id", "samling_gruppe_medlem.userId")
    .select(["samling_gruppe_medlem.userId as brukerId", "user.name as navn", "samling_gruppe_medlem.gruppe as gruppe"])
    .where("samling_gruppe_medlem.organizationId", "=", barnehageId)
    .where("samling_gruppe_medlem.samlingId", "=", samlingId)
    .execute();
  return sorterNorsk(rader.map((r) => ({ brukerId: r.brukerId, navn: r.navn, gruppe: Number(r.gruppe) })), (r) => r.navn).sort((a, b) => a.gruppe - b.gruppe);
}

/** The group this person is in at this samling (null: none). */
export async function minGruppe(db: Kysely<Database>, barnehageId: string, samlingId: string, brukerId: string): Promise<number | null> {
  const r = await db
    .selectFrom("samling_gruppe_medlem")
    .select("gruppe")
    .where("organizationId", "=", barnehageId)
    .where("samlingId", "=", samlingId)
    .where("userId", "=", brukerId)
    .executeTakeFirst();
  return r ? Number(r.gruppe) : null;
}

async function lagreGrupperingRad(db: Kysely<Database>, barnehageId: string, samlingId: string, g: Gruppering, naa: Date) {
  await db
    .insertInto("samling_gruppering")
    .values({ samlingId, organizationId: barnehageId, antall: g.antall, selvvalg: g.selvvalg, fremhevet: g.fremhevet, oppdatert: naa })
    .onConflict((oc) => oc.column("samlingId").doUpdateSet({ antall: g.antall, selvvalg: g.selvvalg, fremhevet: g.fremhevet, oppdatert: naa }))
    .execute();
}

/**
 * A new split: `antall` groups with exactly these members (everyone else is in no group). In one
 * transaction, so nobody ever sees half a split. Self-pick closes and the highlight goes, since
 * the groups are new.
 */
export async function settGrupper(db: Kysely<Database>, barnehageId: string, samlingId: string, antall: number, fordeling: { brukerId: string; gruppe: number }[], naa: Date) {
  await db.transaction().execute(async (tx) => {
    await lagreGrupperingRad(tx, barnehageId, samlingId, { antall, selvvalg: false, fremhevet: null }, naa);
    await tx.deleteFrom("samling_gruppe_medlem").where("organizationId", "=", barnehageId).where("samlingId", "=", samlingId).execute();
    if (fordeling.length) {
      await tx
        .insertInto("samling_gruppe_medlem")
        .values(fordeling.map((f) => ({ samlingId, organizationId: barnehageId, userId: f.brukerId, gruppe: f.gruppe })))
        .execute();
    }
  });
}

/**
 * Opens or closes self-pick. Opening with a number of groups sets it (people in a group above it
 * lose their place); the highlight stays if its group still exists.
 */
export async function settSelvvalg(db: Kysely<Database>, barnehageId: string, samlingId: string, aapen: boolean, antall: number | undefined, naa: Date) {
  await db.transaction().execute(async (tx) => {
    const gammel = await hentGruppering(tx, barnehageId, samlingId);
    const nyttAntall = antall ?? gammel?.antall ?? 0;
    const fremhevet = gammel?.fremhevet != null && gammel.fremhevet <= nyttAntall ? gammel.fremhevet : null;
    await lagreGrupperingRad(tx, barnehageId, samlingId, { antall: nyttAntall, selvvalg: aapen, fremhevet }, naa);
    await tx.deleteFrom("samling_gruppe_medlem").where("organizationId", "=", barnehageId).where("samlingId", "=", samlingId).where("gruppe", ">", nyttAntall).execute();
  });
}

/** Highlights one group for the plenary (null: none). False when the samling has no grouping. */
export async function settFremhevet(db: Kysely<Database>, barnehageId: string, samlingId: string, gruppe: number | null, naa: Date): Promise<boolean> {
  const r = await db
    .updateTable("samling_gruppering")
    .set({ fremhevet: gruppe, oppdatert: naa })
    .where("organizationId", "=", barnehageId)
    .where("samlingId", "=", samlingId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Puts one person in one group (picking again moves them). */
export async function settMinGruppe(db: Kysely<Database>, barnehageId: string, samlingId: string, brukerId: string, gruppe: number) {
  await db
    .insertInto("samling_gruppe_medlem")
    .values({ samlingId, organizationId: barnehageId, userId: brukerId, gruppe })
    .onConflict((oc) => oc.columns(["samlingId", "userId"]).doUpdateSet({ gruppe }))
    .execute();
}
