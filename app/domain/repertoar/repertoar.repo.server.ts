import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import { somIso, somJson, sorterNorsk } from "#app/db/dialekt.ts";
import type { Niva, OppforingInn } from "./repertoar.schema.ts";

/**
 * Kysely only. The repertoire is the barnehage's: every query takes the barnehage id and filters
 * on it; an entry from another barnehage is «not found» (ADR 0035).
 */
export type OppforingRad = OppforingInn & {
  id: string;
  status: "foreslatt" | "vedtatt";
  foreslattAv: string | null;
  foreslattAvNavn: string | null;
  kilde: string | null;
  versjon: number;
  opprettet: string;
  endret: string;
  endretAvNavn: string | null;
};
export type Endring = { felt: keyof OppforingInn; for: string; etter: string };
export type HistorikkRad = { id: string; hendelse: "foreslatt" | "endret" | "vedtatt"; endringer: Endring[]; tidspunkt: string; brukerNavn: string | null };

function grunnSporring(db: Kysely<Database>, barnehageId: string) {
  return db
    .selectFrom("repertoar")
    .leftJoin("user as forslag", "forslag.id", "repertoar.foreslattAv")
    .leftJoin("user as endrer", "endrer.id", "repertoar.endretAv")
    .select([
      "repertoar.id as id",
      "situasjon",
      "handling",
      "hvem",
      "hvorfor",
      "niva",
      "status",
      "foreslattAv",
      "forslag.name as foreslattAvNavn",
      "kilde",
      "versjon",
      "repertoar.opprettet as opprettet",
      "endret",
      "endrer.name as endretAvNavn",
    ])
    .where("repertoar.organizationId", "=", barnehageId);
}

type RaRad = Awaited<ReturnType<ReturnType<typeof grunnSporring>["execute"]>>[number];
function somOppforing(r: RaRad): OppforingRad {
  return {
    id: r.id,
    situasjon: r.situasjon,
    handling: r.handling,
    hvem: r.hvem,
    hvorfor: r.hvorfor,
    niva: r.niva as Niva,
    status: r.status,
    foreslattAv: r.foreslattAv,
    foreslattAvNavn: r.foreslattAvNavn ?? null,
    kilde: r.kilde,
    versjon: Number(r.versjon),
    opprettet: somIso(r.opprettet),
    endret: somIso(r.endret),
    endretAvNavn: r.endretAvNavn ?? null,
  };
}

/** All entries of the barnehage, sorted the Norwegian way by situation. */
export async function oppforinger(db: Kysely<Database>, barnehageId: string): Promise<OppforingRad[]> {
  return sorterNorsk((await grunnSporring(db, barnehageId).execute()).map(somOppforing), (r) => r.situasjon);
}

export async function finnOppforing(db: Kysely<Database>, barnehageId: string, id: string): Promise<OppforingRad | undefined> {
  const r = await grunnSporring(db, barnehageId).where("repertoar.id", "=", id).executeTakeFirst();
  return r ? somOppforing(r) : undefined;
}

export async function lagOppforing(
  db: Kysely<Database>,
  rad: OppforingInn & { id: string; barnehageId: string; teamId: string | null; kilde: string | null; brukerId: string; naa: Date; historikkId: string },
) {
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto("repertoar")
      .values({
        id: rad.id,
        organizationId: rad.barnehageId,
        teamId: rad.teamId,
        situasjon: rad.situasjon,
        handling: rad.handling,
        hvem: rad.hvem,
        hvorfor: rad.hvorfor,
        niva: rad.niva,
        status: "foreslatt",
        foreslattAv: rad.brukerId,
        kilde: rad.kilde,
        versjon: 1,
        opprettet: rad.naa,
        endret: rad.naa,
        endretAv: rad.brukerId,
      })
      .execute();
    await tx
      .insertInto("repertoar_historikk")
      .values({ id: rad.historikkId, organizationId: rad.barnehageId, oppforingId: rad.id, brukerId: rad.brukerId, hendelse: "foreslatt", endringer: "[]", tidspunkt: rad.naa })
      .execute();
  });
}

/**
 * Changes an entry only if it is still at the version the writer started from, and writes the
 * history row in the same transaction. Returns false on a conflict (nothing written).
 */
export async function oppdaterOppforing(
  db: Kysely<Database>,
  rad: { id: string; barnehageId: string; versjon: number; endre: Partial<OppforingInn> & { status?: "vedtatt" }; hendelse: "endret" | "vedtatt"; endringer: Endring[]; brukerId: string; naa: Date; historikkId: string },
): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const r = await tx
      .updateTable("repertoar")
      .set({ ...rad.endre, versjon: rad.versjon + 1, endret: rad.naa, endretAv: rad.brukerId })
      .where("organizationId", "=", rad.barnehageId)
      .where("id", "=", rad.id)
      .where("versjon", "=", rad.versjon)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) return false;
    await tx
      .insertInto("repertoar_historikk")
      .values({ id: rad.historikkId, organizationId: rad.barnehageId, oppforingId: rad.id, brukerId: rad.brukerId, hendelse: rad.hendelse, endringer: JSON.stringify(rad.endringer), tidspunkt: rad.naa })
      .execute();
    return true;
  });
}

export async function slettOppforing(db: Kysely<Database>, barnehageId: string, id: string): Promise<boolean> {
  const r = await db.deleteFrom("repertoar").where("organizationId", "=", barnehageId).where("id", "=", id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Who changed what, and when: newest first. */
export async function historikk(db: Kysely<Database>, barnehageId: string, oppforingId: string): Promise<HistorikkRad[]> {
  const rader = await db
    .selectFrom("repertoar_historikk")
    .leftJoin("user", "user.id", "repertoar_historikk.brukerId")
    .select(["repertoar_historikk.id as id", "hendelse", "endringer", "tidspunkt", "user.name as brukerNavn"])
    .where("repertoar_historikk.organizationId", "=", barnehageId)
    .where("oppforingId", "=", oppforingId)
    .orderBy("tidspunkt", "desc")
    .orderBy("repertoar_historikk.id")
    .execute();
  return rader.map((r) => ({
    id: r.id,
    hendelse: r.hendelse as HistorikkRad["hendelse"],
    endringer: somJson<Endring[]>(r.endringer),
    tidspunkt: somIso(r.tidspunkt),
    brukerNavn: r.brukerNavn ?? null,
  }));
}

/** Own data (ADR 0015): entries the person proposed, and the changes they made. */
export async function mineForslag(db: Kysely<Database>, brukerId: string) {
  const rader = await db
    .selectFrom("repertoar")
    .select(["id", "organizationId as barnehageId", "situasjon", "handling", "hvem", "hvorfor", "niva", "status", "opprettet"])
    .where("foreslattAv", "=", brukerId)
    .orderBy("opprettet")
    .execute();
  return rader.map((r) => ({ ...r, opprettet: somIso(r.opprettet) }));
}

export async function mineEndringer(db: Kysely<Database>, brukerId: string) {
  const rader = await db
    .selectFrom("repertoar_historikk")
    .select(["oppforingId", "organizationId as barnehageId", "hendelse", "endringer", "tidspunkt"])
    .where("brukerId", "=", brukerId)
    .orderBy("tidspunkt")
    .execute();
  return rader.map((r) => ({ ...r, endringer: somJson<Endring[]>(r.endringer), tidspunkt: somIso(r.tidspunkt) }));
}

/**
 * Account deletion: the entries are the barnehage's and stay; the person's name goes from them
 * and from the history (the ids are set to null, so «who» reads «a former member»).
 */
export async function fjernPerson(db: Kysely<Database>, brukerId: string) {
  await db.updateTable("repertoar").set({ foreslattAv: null }).where("foreslattAv", "=", brukerId).execute();
  await db.updateTable("repertoar").set({ endretAv: null }).where("endretAv", "=", brukerId).execute();
  await db.updateTable("repertoar_historikk").set({ brukerId: null }).where("brukerId", "=", brukerId).execute();
}
