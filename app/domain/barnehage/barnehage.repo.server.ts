import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import { forbered } from "#app/db/forbered.ts";
import { somIso, somTall, sorterNorsk } from "#app/db/dialekt.ts";
import { erRolle, type Rolle } from "#app/auth/roller.ts";
import type { Medlemskap } from "#app/auth/tilgang.ts";

/**
 * Kysely only. Every query on barnehage data takes the barnehage id and filters on it, so a row
 * from another barnehage is never found.
 */
const medlemskapSporring = forbered((db, p: { barnehageId: string; brukerId: string }) =>
  db
    .selectFrom("member")
    .innerJoin("organization", "organization.id", "member.organizationId")
    .select(["member.id as medlemId", "member.role as rolle", "organization.id as barnehageId", "organization.name as barnehageNavn"])
    .where("member.organizationId", "=", p.barnehageId)
    .where("member.userId", "=", p.brukerId),
);

export async function hentMedlemskap(db: Kysely<Database>, barnehageId: string, brukerId: string): Promise<Medlemskap | null> {
  const [rad] = await medlemskapSporring(db, { barnehageId, brukerId });
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

const mineBarnehagerSporring = forbered((db, p: { brukerId: string }) =>
  db
    .selectFrom("member")
    .innerJoin("organization", "organization.id", "member.organizationId")
    .select(["organization.id as id", "organization.name as navn", "member.role as rolle"])
    .where("member.userId", "=", p.brukerId),
);

export async function mineBarnehager(db: Kysely<Database>, brukerId: string) {
  const rader = await mineBarnehagerSporring(db, { brukerId });
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
  rad: { id: string; barnehageId: string; kodeHash: string; rolle: Rolle; opprettetAv: string; opprettet: Date; utloper: Date; maksBruk?: number | null },
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
      maksBruk: rad.maksBruk ?? null,
      antallBrukt: 0,
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
  /** Null for a single-use invitation; the number of places for a staff invitation (ADR 0029). */
  maksBruk: number | null;
  antallBrukt: number;
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
  maksBruk: unknown;
  antallBrukt: unknown;
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
    maksBruk: r.maksBruk === null || r.maksBruk === undefined ? null : somTall(r.maksBruk),
    antallBrukt: somTall(r.antallBrukt),
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
  "invitasjonskode.maksBruk as maksBruk",
  "invitasjonskode.antallBrukt as antallBrukt",
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
    .where("maksBruk", "is", null)
    .where("brukt", "is", null)
    .where("trukketTilbake", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Gives an invitation back when adding the member failed after it was claimed. */
export async function frigiInvitasjon(db: Kysely<Database>, id: string) {
  await db.updateTable("invitasjonskode").set({ brukt: null, bruktAv: null }).where("id", "=", id).execute();
}

// Staff invitations (ADR 0029) ----------------------------------------------------------------

/**
 * Claims one place on a staff invitation for one person, in one transaction: the compare-and-set
 * on `antallBrukt` (never past `maksBruk`, never after revoke or expiry) and the row saying who
 * joined. Two people racing for the last place cannot both win; PostgreSQL re-checks the WHERE
 * on the locked row, SQLite has one writer. False when it is full, revoked, expired, or when this
 * person already used it (and was removed).
 */
export async function taPlass(db: Kysely<Database>, rad: { id: string; barnehageId: string; brukerId: string }, naa: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const tidligere = await trx.selectFrom("invitasjon_bruk").select("userId").where("invitasjonId", "=", rad.id).where("userId", "=", rad.brukerId).executeTakeFirst();
    if (tidligere) return false;
    const r = await trx
      .updateTable("invitasjonskode")
      .set((eb) => ({ antallBrukt: eb("antallBrukt", "+", 1) }))
      .where("id", "=", rad.id)
      .where("organizationId", "=", rad.barnehageId)
      .where("maksBruk", "is not", null)
      .where((eb) => eb("antallBrukt", "<", eb.ref("maksBruk")))
      .where("trukketTilbake", "is", null)
      .where("utloper", ">", naa)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) return false;
    await trx.insertInto("invitasjon_bruk").values({ invitasjonId: rad.id, organizationId: rad.barnehageId, userId: rad.brukerId, brukt: naa, fjernet: null }).execute();
    return true;
  });
}

/** Gives a place back when adding the member failed after it was claimed. */
export async function frigiPlass(db: Kysely<Database>, id: string, brukerId: string) {
  await db.transaction().execute(async (trx) => {
    const r = await trx.deleteFrom("invitasjon_bruk").where("invitasjonId", "=", id).where("userId", "=", brukerId).executeTakeFirst();
    if (Number(r.numDeletedRows) > 0) await trx.updateTable("invitasjonskode").set((eb) => ({ antallBrukt: eb("antallBrukt", "-", 1) })).where("id", "=", id).execute();
  });
}

export type InvitasjonBrukRad = { invitasjonId: string; brukerId: string; navn: string; brukt: string; fjernet: string | null; rolle: Rolle | null };

/** Who joined through each staff invitation in this barnehage, with their role now (null: no longer a member). */
export async function listInvitasjonsbruk(db: Kysely<Database>, barnehageId: string): Promise<InvitasjonBrukRad[]> {
  const rader = await db
    .selectFrom("invitasjon_bruk")
    .innerJoin("user", "user.id", "invitasjon_bruk.userId")
    .leftJoin("member", (j) => j.onRef("member.userId", "=", "invitasjon_bruk.userId").onRef("member.organizationId", "=", "invitasjon_bruk.organizationId"))
    .select(["invitasjon_bruk.invitasjonId as invitasjonId", "user.id as brukerId", "user.name as navn", "invitasjon_bruk.brukt as brukt", "invitasjon_bruk.fjernet as fjernet", "member.role as rolle"])
    .where("invitasjon_bruk.organizationId", "=", barnehageId)
    .orderBy("invitasjon_bruk.brukt", "desc")
    .execute();
  return rader.map((r) => ({
    invitasjonId: r.invitasjonId,
    brukerId: r.brukerId,
    navn: r.navn,
    brukt: somIso(r.brukt),
    fjernet: r.fjernet ? somIso(r.fjernet) : null,
    rolle: r.rolle && erRolle(r.rolle) ? r.rolle : null,
  }));
}

/** A removed member may not come back through the staff invitation they used (ADR 0029). */
export async function merkFjernetFraInvitasjoner(db: Kysely<Database>, barnehageId: string, brukerId: string, naa: Date) {
  await db.updateTable("invitasjon_bruk").set({ fjernet: naa }).where("organizationId", "=", barnehageId).where("userId", "=", brukerId).where("fjernet", "is", null).execute();
}

export async function hentInvitasjon(db: Kysely<Database>, barnehageId: string, id: string): Promise<InvitasjonRad | undefined> {
  const r = await db
    .selectFrom("invitasjonskode")
    .innerJoin("organization", "organization.id", "invitasjonskode.organizationId")
    .select(invitasjonKolonner)
    .where("invitasjonskode.organizationId", "=", barnehageId)
    .where("invitasjonskode.id", "=", id)
    .executeTakeFirst();
  return r ? somInvitasjon(r) : undefined;
}
