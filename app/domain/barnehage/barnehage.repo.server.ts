import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import { somIso, sorterNorsk } from "#app/db/dialekt.ts";
import { erRolle, type Rolle } from "#app/auth/roller.ts";
import type { Medlemskap } from "#app/auth/tilgang.ts";

/**
 * Kysely only. Every query on barnehage data takes the barnehage id and filters on it, so a row
 * from another barnehage is never found.
 */
export async function hentMedlemskap(db: Kysely<Database>, barnehageId: string, brukerId: string): Promise<Medlemskap | null> {
  const rad = await db
    .selectFrom("member")
    .innerJoin("organization", "organization.id", "member.organizationId")
    .select(["member.id as medlemId", "member.role as rolle", "organization.id as barnehageId", "organization.name as barnehageNavn"])
    .where("member.organizationId", "=", barnehageId)
    .where("member.userId", "=", brukerId)
    .executeTakeFirst();
  if (!rad || !erRolle(rad.rolle)) return null;
  return { medlemId: rad.medlemId, rolle: rad.rolle, barnehageId: rad.barnehageId, barnehageNavn: rad.barnehageNavn };
}

export type MedlemRad = { brukerId: string; navn: string; rolle: Rolle };

export async function listMedlemmer(db: Kysely<Database>, barnehageId: string): Promise<MedlemRad[]> {
  const rader = await db
    .selectFrom("member")
    .innerJoin("user", "user.id", "member.userId")
    .select(["user.id as brukerId", "user.name as navn", "member.role as rolle"])
    .where("member.organizationId", "=", barnehageId)
    .execute();
  return sorterNorsk(
    rader.filter((r) => erRolle(r.rolle)).map((r) => ({ brukerId: r.brukerId, navn: r.navn, rolle: r.rolle as Rolle })),
    (r) => r.navn,
  );
}

export async function mineBarnehager(db: Kysely<Database>, brukerId: string) {
  const rader = await db
    .selectFrom("member")
    .innerJoin("organization", "organization.id", "member.organizationId")
    .select(["organization.id as id", "organization.name as navn", "member.role as rolle"])
    .where("member.userId", "=", brukerId)
    .execute();
  return sorterNorsk(rader.map((r) => ({ ...r })), (r) => r.navn);
}

export async function hentBarnehage(db: Kysely<Database>, barnehageId: string) {
  return db.selectFrom("organization").select(["id", "name as navn", "orgnummer"]).where("id", "=", barnehageId).executeTakeFirst();
}

/** Changes a member's role; returns false when the person is not a member of this barnehage. */
export async function settRolle(db: Kysely<Database>, barnehageId: string, brukerId: string, rolle: Rolle): Promise<boolean> {
  const r = await db.updateTable("member").set({ role: rolle }).where("organizationId", "=", barnehageId).where("userId", "=", brukerId).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/**
 * A styrer steps down to leder, but only while another styrer remains. The organisation row is
 * updated first inside the transaction, so two styrere stepping down at once on PostgreSQL take
 * turns instead of both seeing the other one (SQLite serialises writers anyway).
 */
export async function gaaNedSomStyrer(db: Kysely<Database>, barnehageId: string, brukerId: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await trx.updateTable("organization").set((eb) => ({ name: eb.ref("name") })).where("id", "=", barnehageId).execute();
    const styrere = await trx.selectFrom("member").select("userId").where("organizationId", "=", barnehageId).where("role", "=", "styrer").execute();
    if (!styrere.some((s) => s.userId === brukerId) || styrere.length < 2) return false;
    await trx.updateTable("member").set({ role: "leder" }).where("organizationId", "=", barnehageId).where("userId", "=", brukerId).execute();
    return true;
  });
}

export async function slettMedlem(db: Kysely<Database>, barnehageId: string, brukerId: string): Promise<boolean> {
  const r = await db.deleteFrom("member").where("organizationId", "=", barnehageId).where("userId", "=", brukerId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

// Invitations by code ------------------------------------------------------------------------

export async function lagreInvitasjon(
  db: Kysely<Database>,
  rad: { id: string; barnehageId: string; kodeHash: string; rolle: Rolle; opprettetAv: string; opprettet: Date; utloper: Date },
) {
  await db
    .insertInto("invitasjonskode")
    .values({
      id: rad.id,
      organizationId: rad.barnehageId,
      kodeHash: rad.kodeHash,
      rolle: rad.rolle,
      opprettetAv: rad.opprettetAv,
      opprettet: rad.opprettet,
      utloper: rad.utloper,
      trukketTilbake: null,
      brukt: null,
      bruktAv: null,
    })
    .execute();
}

export type InvitasjonRad = {
  id: string;
  barnehageId: string;
  barnehageNavn: string;
  rolle: string;
  opprettet: string;
  utloper: string;
  trukketTilbake: string | null;
  brukt: string | null;
};

function somInvitasjon(r: {
  id: string;
  barnehageId: string;
  barnehageNavn: string;
  rolle: string;
  opprettet: unknown;
  utloper: unknown;
  trukketTilbake: unknown;
  brukt: unknown;
}): InvitasjonRad {
  return {
    id: r.id,
    barnehageId: r.barnehageId,
    barnehageNavn: r.barnehageNavn,
    rolle: r.rolle,
    opprettet: somIso(r.opprettet),
    utloper: somIso(r.utloper),
    trukketTilbake: r.trukketTilbake ? somIso(r.trukketTilbake) : null,
    brukt: r.brukt ? somIso(r.brukt) : null,
  };
}

const invitasjonKolonner = [
  "invitasjonskode.id as id",
  "organization.id as barnehageId",
  "organization.name as barnehageNavn",
  "invitasjonskode.rolle as rolle",
  "invitasjonskode.opprettet as opprettet",
  "invitasjonskode.utloper as utloper",
  "invitasjonskode.trukketTilbake as trukketTilbake",
  "invitasjonskode.brukt as brukt",
] as const;

export async function finnInvitasjon(db: Kysely<Database>, kodeHash: string): Promise<InvitasjonRad | undefined> {
  const r = await db
    .selectFrom("invitasjonskode")
    .innerJoin("organization", "organization.id", "invitasjonskode.organizationId")
    .select(invitasjonKolonner)
    .where("invitasjonskode.kodeHash", "=", kodeHash)
    .executeTakeFirst();
  return r ? somInvitasjon(r) : undefined;
}

export async function listInvitasjoner(db: Kysely<Database>, barnehageId: string): Promise<InvitasjonRad[]> {
  const rader = await db
    .selectFrom("invitasjonskode")
    .innerJoin("organization", "organization.id", "invitasjonskode.organizationId")
    .select(invitasjonKolonner)
    .where("invitasjonskode.organizationId", "=", barnehageId)
    .orderBy("invitasjonskode.opprettet", "desc")
    .execute();
  return rader.map(somInvitasjon);
}

export async function trekkTilbake(db: Kysely<Database>, barnehageId: string, id: string, naa: Date): Promise<boolean> {
  const r = await db
    .updateTable("invitasjonskode")
    .set({ trukketTilbake: naa })
    .where("organizationId", "=", barnehageId)
    .where("id", "=", id)
    .where("trukketTilbake", "is", null)
    .where("brukt", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Claims an unused, unrevoked invitation for one person; false when someone else got there first. */
export async function merkBrukt(db: Kysely<Database>, id: string, brukerId: string, naa: Date): Promise<boolean> {
  const r = await db
    .updateTable("invitasjonskode")
    .set({ brukt: naa, bruktAv: brukerId })
    .where("id", "=", id)
    .where("brukt", "is", null)
    .where("trukketTilbake", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Gives an invitation back when adding the member failed after it was claimed. */
export async function frigiInvitasjon(db: Kysely<Database>, id: string) {
  await db.updateTable("invitasjonskode").set({ brukt: null, bruktAv: null }).where("id", "=", id).execute();
}
