import { randomInt, randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import { somTall } from "#app/db/dialekt.ts";
import { stokk, type Telling } from "./tilbakemelding.ts";

/**
 * Kysely only. Every query filters on the barnehage id (organizationId). Participation and answers
 * are written in one transaction, but to tables with nothing in common beyond barnehage and module
 * (ADR 0019): no user id, no time and no grouping per person on the answer side.
 */
export type NyttSvar = {
  barnehageId: string;
  modulId: string;
  brukerId: string;
  svar: { utsagnId: string; verdi: number | null }[];
  fritekst: string | null;
};

/** Whether this person has answered the feedback for this module in this barnehage. */
export async function harSvart(db: Kysely<Database>, barnehageId: string, modulId: string, brukerId: string): Promise<boolean> {
  const r = await db
    .selectFrom("modul_tilbakemelding_deltakelse")
    .select("modulId")
    .where("organizationId", "=", barnehageId)
    .where("modulId", "=", modulId)
    .where("userId", "=", brukerId)
    .executeTakeFirst();
  return r !== undefined;
}

/** The modules this person has answered in this barnehage (their own participation only). */
export async function modulerBesvartAv(db: Kysely<Database>, barnehageId: string, brukerId: string): Promise<string[]> {
  const rader = await db.selectFrom("modul_tilbakemelding_deltakelse").select("modulId").where("organizationId", "=", barnehageId).where("userId", "=", brukerId).execute();
  return rader.map((r) => r.modulId);
}

/**
 * Stores one person's feedback. Returns false (and changes nothing) when they have answered before.
 *
 * The upsert of the module's counter row comes first: it locks that row, so concurrent answers to
 * the same module wait for each other. Then every answer row and free text of the module is read,
 * deleted and written again with the new ones, in a random order and with fresh random ids. After
 * that the rows carry the same transaction (PostgreSQL's xmin) and no order that could be matched
 * against the participation rows.
 */
export async function lagreSvar(db: Kysely<Database>, nytt: NyttSvar): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const { barnehageId, modulId } = nytt;
    await trx
      .insertInto("modul_tilbakemelding")
      .values({ organizationId: barnehageId, modulId, antallSvar: 0 })
      .onConflict((oc) => oc.columns(["organizationId", "modulId"]).doUpdateSet({ antallSvar: (eb) => eb.ref("modul_tilbakemelding.antallSvar") }))
      .execute();
    if (await harSvart(trx, barnehageId, modulId, nytt.brukerId)) return false;

    await trx.insertInto("modul_tilbakemelding_deltakelse").values({ organizationId: barnehageId, modulId, userId: nytt.brukerId }).execute();
    await trx
      .updateTable("modul_tilbakemelding")
      .set((eb) => ({ antallSvar: eb("antallSvar", "+", 1) }))
      .where("organizationId", "=", barnehageId)
      .where("modulId", "=", modulId)
      .execute();

    const gamleSvar = await trx.selectFrom("modul_tilbakemelding_svar").select(["utsagnId", "verdi"]).where("organizationId", "=", barnehageId).where("modulId", "=", modulId).execute();
    const gamleTekster = await trx.selectFrom("modul_tilbakemelding_fritekst").select("tekst").where("organizationId", "=", barnehageId).where("modulId", "=", modulId).execute();
    await trx.deleteFrom("modul_tilbakemelding_svar").where("organizationId", "=", barnehageId).where("modulId", "=", modulId).execute();
    await trx.deleteFrom("modul_tilbakemelding_fritekst").where("organizationId", "=", barnehageId).where("modulId", "=", modulId).execute();

    const svar = stokk([...gamleSvar, ...nytt.svar], randomInt).map((s) => ({ id: randomUUID(), organizationId: barnehageId, modulId, utsagnId: s.utsagnId, verdi: s.verdi }));
    const tekster = stokk([...gamleTekster.map((t) => t.tekst), ...(nytt.fritekst ? [nytt.fritekst] : [])], randomInt).map((tekst) => ({
      id: randomUUID(),
      organizationId: barnehageId,
      modulId,
      tekst,
    }));
    // One row per statement, so a barnehage of 60 stays far below any parameter limit in one insert.
    for (let i = 0; i < svar.length; i += 200) await trx.insertInto("modul_tilbakemelding_svar").values(svar.slice(i, i + 200)).execute();
    for (let i = 0; i < tekster.length; i += 200) await trx.insertInto("modul_tilbakemelding_fritekst").values(tekster.slice(i, i + 200)).execute();
    return true;
  });
}

export type Aggregat = { barnehageId: string; modulId: string; antallSvar: number; tellinger: Map<string, Telling> };

/**
 * Counts per barnehage, module, statement and value, computed in the database (no answer rows
 * leave it), for one barnehage or for an owner's many.
 */
export async function hentAggregater(db: Kysely<Database>, barnehageIder: readonly string[]): Promise<Aggregat[]> {
  if (barnehageIder.length === 0) return [];
  const ider = [...barnehageIder];
  const [antall, tellinger] = await Promise.all([
    db.selectFrom("modul_tilbakemelding").select(["organizationId", "modulId", "antallSvar"]).where("organizationId", "in", ider).execute(),
    db
      .selectFrom("modul_tilbakemelding_svar")
      .select((eb) => ["organizationId", "modulId", "utsagnId", "verdi", eb.fn.countAll().as("antall")])
      .where("organizationId", "in", ider)
      .groupBy(["organizationId", "modulId", "utsagnId", "verdi"])
      .execute(),
  ]);
  const ut = new Map<string, Aggregat>();
  for (const a of antall) {
    ut.set(`${a.organizationId}\u0000${a.modulId}`, { barnehageId: a.organizationId, modulId: a.modulId, antallSvar: somTall(a.antallSvar), tellinger: new Map() });
  }
  for (const t of tellinger) {
    const agg = ut.get(`${t.organizationId}\u0000${t.modulId}`);
    if (!agg) continue;
    const liste = agg.tellinger.get(t.utsagnId) ?? [];
    liste.push({ verdi: t.verdi === null ? null : somTall(t.verdi), antall: somTall(t.antall) });
    agg.tellinger.set(t.utsagnId, liste);
  }
  return [...ut.values()];
}

/** The free texts of one barnehage's module (the use case decides who may read them). */
export async function hentFritekster(db: Kysely<Database>, barnehageId: string, modulId: string): Promise<string[]> {
  const rader = await db.selectFrom("modul_tilbakemelding_fritekst").select("tekst").where("organizationId", "=", barnehageId).where("modulId", "=", modulId).execute();
  return rader.map((r) => r.tekst);
}
