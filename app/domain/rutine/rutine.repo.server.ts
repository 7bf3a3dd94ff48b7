import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import { somIso, somTall } from "#app/db/dialekt.ts";

export type RutineRad = {
  id: string;
  versjon: number;
  svar: string;
  vedtatt: string;
  godkjentRolle: string;
  godkjentNavn: string | null;
  opprettet: string;
};

const kolonner = ["id", "versjon", "svar", "vedtatt", "godkjentRolle", "godkjentNavn", "opprettet"] as const;
const somRad = (r: { id: string; versjon: unknown; svar: string; vedtatt: string; godkjentRolle: string; godkjentNavn: string | null; opprettet: unknown }): RutineRad => ({
  ...r,
  versjon: somTall(r.versjon),
  opprettet: somIso(r.opprettet),
});

/** The newest version of one barnehage's routine (every query is scoped by barnehage id). */
export async function hentGjeldende(db: Kysely<Database>, barnehageId: string): Promise<RutineRad | undefined> {
  const r = await db.selectFrom("internkontroll_rutine").select(kolonner).where("organizationId", "=", barnehageId).orderBy("versjon", "desc").limit(1).executeTakeFirst();
  return r ? somRad(r) : undefined;
}

export async function hentVersjon(db: Kysely<Database>, barnehageId: string, versjon: number): Promise<RutineRad | undefined> {
  const r = await db.selectFrom("internkontroll_rutine").select(kolonner).where("organizationId", "=", barnehageId).where("versjon", "=", versjon).executeTakeFirst();
  return r ? somRad(r) : undefined;
}

/** Every version, newest first: number, date and approver only (the history list). */
export async function hentHistorikk(db: Kysely<Database>, barnehageId: string) {
  const rader = await db.selectFrom("internkontroll_rutine").select(["versjon", "vedtatt", "godkjentRolle", "godkjentNavn"]).where("organizationId", "=", barnehageId).orderBy("versjon", "desc").execute();
  return rader.map((r) => ({ ...r, versjon: somTall(r.versjon) }));
}

/**
 * Adds the next version. The number is computed in the insert and (barnehage, versjon) is unique,
 * so two styrere adopting at the same time cannot both get the same number: the second insert
 * fails and the use case tries once more.
 */
export async function leggTilVersjon(
  db: Kysely<Database>,
  rad: { id: string; barnehageId: string; svar: string; vedtatt: string; godkjentRolle: string; godkjentNavn: string; godkjentAv: string; opprettet: Date },
): Promise<number> {
  const forrige = await db.selectFrom("internkontroll_rutine").select((eb) => eb.fn.max("versjon").as("maks")).where("organizationId", "=", rad.barnehageId).executeTakeFirst();
  const versjon = somTall(forrige?.maks ?? 0) + 1;
  await db
    .insertInto("internkontroll_rutine")
    .values({ id: rad.id, organizationId: rad.barnehageId, versjon, svar: rad.svar, vedtatt: rad.vedtatt, godkjentRolle: rad.godkjentRolle, godkjentNavn: rad.godkjentNavn, godkjentAv: rad.godkjentAv, opprettet: rad.opprettet })
    .execute();
  return versjon;
}

/** The current version per barnehage of a set (the owner's list): date and version, no text. */
export async function gjeldendeFor(db: Kysely<Database>, barnehageIder: string[]): Promise<Map<string, { versjon: number; vedtatt: string }>> {
  if (barnehageIder.length === 0) return new Map();
  const rader = await db
    .selectFrom("internkontroll_rutine as r")
    .select(["r.organizationId", "r.versjon", "r.vedtatt"])
    .where("r.organizationId", "in", barnehageIder)
    .where(({ eb, selectFrom }) => eb("r.versjon", "=", selectFrom("internkontroll_rutine as n").select((e) => e.fn.max("n.versjon").as("m")).whereRef("n.organizationId", "=", "r.organizationId")))
    .execute();
  return new Map(rader.map((r) => [r.organizationId, { versjon: somTall(r.versjon), vedtatt: r.vedtatt }]));
}

/** Own data: the versions this person approved (export). */
export async function hentGodkjentAv(db: Kysely<Database>, brukerId: string) {
  return db.selectFrom("internkontroll_rutine").select(["organizationId as barnehageId", "versjon", "vedtatt", "godkjentRolle", "godkjentNavn"]).where("godkjentAv", "=", brukerId).execute();
}

/**
 * Own data, on account deletion: the barnehage keeps its adopted routine (it is the barnehage's
 * document), but the approver's name goes; the role (styrer) stays.
 */
export async function anonymiserGodkjenner(db: Kysely<Database>, brukerId: string) {
  await db.updateTable("internkontroll_rutine").set({ godkjentNavn: null, godkjentAv: null }).where("godkjentAv", "=", brukerId).execute();
}
