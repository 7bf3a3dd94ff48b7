import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import { forbered } from "#app/db/forbered.ts";
import { somIso, somTall, sorterNorsk } from "#app/db/dialekt.ts";
import type { EierMedlemskap } from "#app/auth/tilgang.ts";

/**
 * Kysely only. Every query on an owner's data takes the owner id (or the barnehage id) and
 * filters on it, so an owner never reaches another owner's barnehager, and a barnehage's owner
 * link is only read or removed for that barnehage.
 */
export type EierRad = { id: string; navn: string; orgnummer: string | null };

/** Creates the owner and makes its creator its first person, in one transaction. */
export async function lagreEier(db: Kysely<Database>, rad: { id: string; navn: string; orgnummer: string | null; opprettet: Date }, brukerId: string) {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto("eier").values({ id: rad.id, navn: rad.navn, orgnummer: rad.orgnummer, opprettet: rad.opprettet }).execute();
    await trx.insertInto("eier_medlem").values({ eierId: rad.id, userId: brukerId, lagtTil: rad.opprettet }).execute();
  });
}

export async function hentEier(db: Kysely<Database>, eierId: string): Promise<EierRad | undefined> {
  return db.selectFrom("eier").select(["id", "navn", "orgnummer"]).where("id", "=", eierId).executeTakeFirst();
}

/** The person's membership of the owner, or null (read on every request by the eier middleware). */
export async function hentEierMedlemskap(db: Kysely<Database>, eierId: string, brukerId: string): Promise<EierMedlemskap | null> {
  const r = await db
    .selectFrom("eier_medlem")
    .innerJoin("eier", "eier.id", "eier_medlem.eierId")
    .select(["eier.id as eierId", "eier.navn as eierNavn"])
    .where("eier_medlem.eierId", "=", eierId)
    .where("eier_medlem.userId", "=", brukerId)
    .executeTakeFirst();
  return r ? { eierId: r.eierId, eierNavn: r.eierNavn } : null;
}

/** The owners a person acts for, sorted the Norwegian way (for the start page). */
const eiereForBrukerSporring = forbered((db, p: { brukerId: string }) =>
  db.selectFrom("eier_medlem").innerJoin("eier", "eier.id", "eier_medlem.eierId").select(["eier.id as id", "eier.navn as navn"]).where("eier_medlem.userId", "=", p.brukerId),
);

export async function eiereForBruker(db: Kysely<Database>, brukerId: string): Promise<{ id: string; navn: string }[]> {
  const rader = await eiereForBrukerSporring(db, { brukerId });
  return sorterNorsk(rader.map((r) => ({ id: r.id, navn: r.navn })), (r) => r.navn);
}

/** Adds a person to the owner; adding someone already there changes nothing. */
export async function leggTilEierMedlem(db: Kysely<Database>, eierId: string, brukerId: string, naa: Date) {
  await db
    .insertInto("eier_medlem")
    .values({ eierId, userId: brukerId, lagtTil: naa })
    .onConflict((oc) => oc.columns(["eierId", "userId"]).doNothing())
    .execute();
}

export async function antallEierMedlemmer(db: Kysely<Database>, eierId: string): Promise<number> {
  const r = await db.selectFrom("eier_medlem").select((eb) => eb.fn.countAll().as("antall")).where("eierId", "=", eierId).executeTakeFirstOrThrow();
  return somTall(r.antall);
}

// Codes ----------------------------------------------------------------------------------------

export type Formaal = "barnehage" | "eier";

export async function lagreEierKode(
  db: Kysely<Database>,
  rad: { id: string; eierId: string; formaal: Formaal; kodeHash: string; opprettetAv: string; opprettet: Date; utloper: Date },
) {
  await db.insertInto("eier_kode").values({ ...rad, brukt: null }).execute();
}

export type EierKodeRad = { id: string; eierId: string; eierNavn: string; formaal: Formaal; utloper: string; brukt: string | null };

/** Looks a code up by its hash and purpose; a code made for the other purpose is not found. */
export async function finnEierKode(db: Kysely<Database>, kodeHash: string, formaal: Formaal): Promise<EierKodeRad | undefined> {
  const r = await db
    .selectFrom("eier_kode")
    .innerJoin("eier", "eier.id", "eier_kode.eierId")
    .select(["eier_kode.id as id", "eier.id as eierId", "eier.navn as eierNavn", "eier_kode.formaal as formaal", "eier_kode.utloper as utloper", "eier_kode.brukt as brukt"])
    .where("eier_kode.kodeHash", "=", kodeHash)
    .where("eier_kode.formaal", "=", formaal)
    .executeTakeFirst();
  return r ? { ...r, utloper: somIso(r.utloper), brukt: r.brukt ? somIso(r.brukt) : null } : undefined;
}

/** Claims an unused code; false when someone else used it first. */
export async function merkEierKodeBrukt(db: Kysely<Database>, id: string, naa: Date): Promise<boolean> {
  const r = await db.updateTable("eier_kode").set({ brukt: naa }).where("id", "=", id).where("brukt", "is", null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

// The link between a barnehage and its owner ----------------------------------------------------

export async function eierForBarnehage(db: Kysely<Database>, barnehageId: string): Promise<{ eierId: string; eierNavn: string; tilknyttet: string } | undefined> {
  const r = await db
    .selectFrom("eier_barnehage")
    .innerJoin("eier", "eier.id", "eier_barnehage.eierId")
    .select(["eier.id as eierId", "eier.navn as eierNavn", "eier_barnehage.tilknyttet as tilknyttet"])
    .where("eier_barnehage.organizationId", "=", barnehageId)
    .executeTakeFirst();
  return r ? { eierId: r.eierId, eierNavn: r.eierNavn, tilknyttet: somIso(r.tilknyttet) } : undefined;
}

/**
 * Claims the code and links the barnehage in one transaction. False when the code was used in the
 * meantime; the barnehage's primary key refuses a second owner.
 */
export async function knyttBarnehage(db: Kysely<Database>, kodeId: string, eierId: string, barnehageId: string, naa: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if (!(await merkEierKodeBrukt(trx, kodeId, naa))) return false;
    await trx.insertInto("eier_barnehage").values({ organizationId: barnehageId, eierId, tilknyttet: naa }).execute();
    return true;
  });
}

export async function kobleFraBarnehage(db: Kysely<Database>, barnehageId: string, eierId: string): Promise<boolean> {
  const r = await db.deleteFrom("eier_barnehage").where("organizationId", "=", barnehageId).where("eierId", "=", eierId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

// The owner's overview ----------------------------------------------------------------------------

export type EierBarnehage = { id: string; navn: string; orgnummer: string | null; tilknyttet: string; antallMedlemmer: number; antallTeam: number };

/**
 * The owner's barnehager with counts only (members, teams): three queries whatever the number of
 * barnehager, each limited to this owner's barnehager. Never names of staff or answers.
 */
export async function listBarnehagerForEier(db: Kysely<Database>, eierId: string): Promise<EierBarnehage[]> {
  const eiersBarnehager = db.selectFrom("eier_barnehage").select("organizationId").where("eierId", "=", eierId);
  const [barnehager, medlemmer, team] = await Promise.all([
    db
      .selectFrom("eier_barnehage")
      .innerJoin("organization", "organization.id", "eier_barnehage.organizationId")
      .select(["organization.id as id", "organization.name as navn", "organization.orgnummer as orgnummer", "eier_barnehage.tilknyttet as tilknyttet"])
      .where("eier_barnehage.eierId", "=", eierId)
      .execute(),
    db
      .selectFrom("member")
      .select(["organizationId", (eb) => eb.fn.countAll().as("antall")])
      .where("organizationId", "in", eiersBarnehager)
      .groupBy("organizationId")
      .execute(),
    db
      .selectFrom("team")
      .select(["organizationId", (eb) => eb.fn.countAll().as("antall")])
      .where("organizationId", "in", eiersBarnehager)
      .groupBy("organizationId")
      .execute(),
  ]);
  const antallMedlemmer = new Map(medlemmer.map((r) => [r.organizationId, somTall(r.antall)]));
  const antallTeam = new Map(team.map((r) => [r.organizationId, somTall(r.antall)]));
  return sorterNorsk(
    barnehager.map((b) => ({
      id: b.id,
      navn: b.navn,
      orgnummer: b.orgnummer,
      tilknyttet: somIso(b.tilknyttet),
      antallMedlemmer: antallMedlemmer.get(b.id) ?? 0,
      antallTeam: antallTeam.get(b.id) ?? 0,
    })),
    (b) => b.navn,
  );
}
