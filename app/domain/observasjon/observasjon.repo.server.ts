import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import { somIso, somJson } from "#app/db/dialekt.ts";
import type { Svar } from "./kalibrering.ts";

/**
 * Kysely only. Periods and shared observations are the barnehage's: every query takes the
 * barnehage id and filters on it. An observation that is not shared is its author's own: the
 * queries that read one take the author's id and filter on it (ADR 0035).
 */
export type PeriodeRad = { id: string; teamId: string; fra: string; til: string; opprettet: string };
export type ObservasjonRad = {
  id: string;
  periodeId: string;
  art: "praksis" | "film";
  malId: string;
  naar: string;
  sted: string;
  situasjon: string;
  kategorier: Record<string, string>;
  valg: Record<string, Svar>;
  delt: string | null;
  oppdatert: string;
};
export type DeltObservasjonRad = ObservasjonRad & { forfatterNavn: string; erMin: boolean };

const periodeKolonner = ["id", "teamId", "fra", "til", "opprettet"] as const;
const somPeriode = (r: { id: string; teamId: string; fra: string; til: string; opprettet: unknown }): PeriodeRad => ({ ...r, opprettet: somIso(r.opprettet) });

export async function lagPeriode(db: Kysely<Database>, rad: { id: string; barnehageId: string; teamId: string; fra: string; til: string; brukerId: string; naa: Date }) {
  await db
    .insertInto("observasjon_periode")
    .values({ id: rad.id, organizationId: rad.barnehageId, teamId: rad.teamId, fra: rad.fra, til: rad.til, opprettetAv: rad.brukerId, opprettet: rad.naa })
    .execute();
}

export async function perioderForTeam(db: Kysely<Database>, barnehageId: string, teamId: string): Promise<PeriodeRad[]> {
  const rader = await db.selectFrom("observasjon_periode").select(periodeKolonner).where("organizationId", "=", barnehageId).where("teamId", "=", teamId).orderBy("fra", "desc").execute();
  return rader.map(somPeriode);
}

export async function finnPeriode(db: Kysely<Database>, barnehageId: string, periodeId: string): Promise<PeriodeRad | undefined> {
  const r = await db.selectFrom("observasjon_periode").select(periodeKolonner).where("organizationId", "=", barnehageId).where("id", "=", periodeId).executeTakeFirst();
  return r ? somPeriode(r) : undefined;
}

/** Deletes a period and (by cascade) every observation in it. */
export async function slettPeriode(db: Kysely<Database>, barnehageId: string, periodeId: string): Promise<boolean> {
  const r = await db.deleteFrom("observasjon_periode").where("organizationId", "=", barnehageId).where("id", "=", periodeId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Retention: every period that ended before `sisteTil` goes, with its observations (all barnehager). */
export async function slettUtlopte(db: Kysely<Database>, sisteTil: string): Promise<number> {
  const r = await db.deleteFrom("observasjon_periode").where("til", "<", sisteTil).executeTakeFirst();
  return Number(r.numDeletedRows);
}

const obsKolonner = ["observasjon.id as id", "periodeId", "art", "malId", "naar", "sted", "situasjon", "kategorier", "valg", "delt", "oppdatert"] as const;
function somObservasjon(r: {
  id: string;
  periodeId: string;
  art: "praksis" | "film";
  malId: string;
  naar: string;
  sted: string;
  situasjon: string;
  kategorier: unknown;
  valg: unknown;
  delt: unknown;
  oppdatert: unknown;
}): ObservasjonRad {
  return {
    id: r.id,
    periodeId: r.periodeId,
    art: r.art,
    malId: r.malId,
    naar: r.naar,
    sted: r.sted,
    situasjon: r.situasjon,
    kategorier: somJson<Record<string, string>>(r.kategorier),
    valg: somJson<Record<string, Svar>>(r.valg),
    delt: r.delt ? somIso(r.delt) : null,
    oppdatert: somIso(r.oppdatert),
  };
}

/** The author's own observations in one period (shared or not). */
export async function mineObservasjoner(db: Kysely<Database>, barnehageId: string, periodeId: string, forfatterId: string): Promise<ObservasjonRad[]> {
  const rader = await db
    .selectFrom("observasjon")
    .select(obsKolonner)
    .where("organizationId", "=", barnehageId)
    .where("periodeId", "=", periodeId)
    .where("forfatterId", "=", forfatterId)
    .orderBy("opprettet")
    .execute();
  return rader.map(somObservasjon);
}

export async function minObservasjon(db: Kysely<Database>, barnehageId: string, id: string, forfatterId: string): Promise<ObservasjonRad | undefined> {
  const r = await db.selectFrom("observasjon").select(obsKolonner).where("organizationId", "=", barnehageId).where("id", "=", id).where("forfatterId", "=", forfatterId).executeTakeFirst();
  return r ? somObservasjon(r) : undefined;
}

/** The observations shared with the team in one period (never the unshared ones), oldest first. */
export async function delteObservasjoner(db: Kysely<Database>, barnehageId: string, periodeId: string, leserId: string, art?: "praksis" | "film"): Promise<DeltObservasjonRad[]> {
  let q = db
    .selectFrom("observasjon")
    .innerJoin("user", "user.id", "observasjon.forfatterId")
    .select([...obsKolonner, "forfatterId", "user.name as forfatterNavn"])
    .where("observasjon.organizationId", "=", barnehageId)
    .where("periodeId", "=", periodeId)
    .where("delt", "is not", null);
  if (art) q = q.where("art", "=", art);
  const rader = await q.orderBy("delt").execute();
  return rader.map((r) => ({ ...somObservasjon(r), forfatterNavn: r.forfatterNavn, erMin: r.forfatterId === leserId }));
}

export type NyObservasjon = Omit<ObservasjonRad, "id" | "delt" | "oppdatert" | "periodeId">;

export async function lagObservasjon(db: Kysely<Database>, rad: NyObservasjon & { id: string; barnehageId: string; periodeId: string; forfatterId: string; naa: Date }) {
  await db
    .insertInto("observasjon")
    .values({
      id: rad.id,
      organizationId: rad.barnehageId,
      periodeId: rad.periodeId,
      forfatterId: rad.forfatterId,
      art: rad.art,
      malId: rad.malId,
      naar: rad.naar,
      sted: rad.sted,
      situasjon: rad.situasjon,
      kategorier: JSON.stringify(rad.kategorier),
      valg: JSON.stringify(rad.valg),
      delt: null,
      opprettet: rad.naa,
      oppdatert: rad.naa,
    })
    .execute();
}

/** Only the author changes their observation. */
export async function endreObservasjon(db: Kysely<Database>, rad: NyObservasjon & { id: string; barnehageId: string; forfatterId: string; naa: Date }): Promise<boolean> {
  const r = await db
    .updateTable("observasjon")
    .set({ naar: rad.naar, sted: rad.sted, situasjon: rad.situasjon, kategorier: JSON.stringify(rad.kategorier), valg: JSON.stringify(rad.valg), oppdatert: rad.naa })
    .where("organizationId", "=", rad.barnehageId)
    .where("id", "=", rad.id)
    .where("forfatterId", "=", rad.forfatterId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Shares (a time) or stops sharing (null); only the author. */
export async function settDelt(db: Kysely<Database>, barnehageId: string, id: string, forfatterId: string, delt: Date | null): Promise<boolean> {
  const r = await db.updateTable("observasjon").set({ delt }).where("organizationId", "=", barnehageId).where("id", "=", id).where("forfatterId", "=", forfatterId).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function slettObservasjon(db: Kysely<Database>, barnehageId: string, id: string, forfatterId: string): Promise<boolean> {
  const r = await db.deleteFrom("observasjon").where("organizationId", "=", barnehageId).where("id", "=", id).where("forfatterId", "=", forfatterId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Own data (ADR 0015): every observation the person wrote, in every barnehage. */
export async function alleMineObservasjoner(db: Kysely<Database>, forfatterId: string) {
  const rader = await db.selectFrom("observasjon").select([...obsKolonner, "organizationId"]).where("forfatterId", "=", forfatterId).orderBy("opprettet").execute();
  return rader.map((r) => ({ barnehageId: r.organizationId, ...somObservasjon(r) }));
}

export async function slettAlleMineObservasjoner(db: Kysely<Database>, forfatterId: string) {
  await db.deleteFrom("observasjon").where("forfatterId", "=", forfatterId).execute();
}
