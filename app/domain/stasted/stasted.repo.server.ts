import { randomUUID } from "node:crypto";
import type { Kysely, Selectable, Transaction } from "kysely";
import type { Database, StastedRundeTabell } from "#app/db/skjema.ts";
import { forbered } from "#app/db/forbered.ts";
import { somIso, somJson, somTall } from "#app/db/dialekt.ts";

/**
 * Kysely only. Every query on a round filters on the barnehage id. Participation
 * (stasted_deltakelse) and answers (stasted_svarsett/stasted_svar) are written in one transaction
 * but never with a column in common (ADR 0008); see lagreSvar for how order is hidden.
 */
export type Fase = "for" | "underveis" | "etter";
/** The statements and areas a round used, with their texts, so a later instrument version changes nothing. */
export type RundeInnhold = {
  omrader: { id: string; nb: string; nn: string }[];
  utsagn: { id: string; omrade: string; nb: string; nn: string }[];
};
export type RundeRad = {
  id: string;
  barnehageId: string;
  teamId: string | null;
  fase: Fase;
  apner: string;
  lukker: string;
  status: "apen" | "lukket";
  instrumentVersjon: number;
  innhold: RundeInnhold;
  antallSvar: number | null;
  opprettet: string;
};

type Db = Kysely<Database>;

function tilRunde(r: Selectable<StastedRundeTabell>): RundeRad {
  return {
    id: r.id,
    barnehageId: r.organizationId,
    teamId: r.teamId,
    fase: r.fase,
    apner: r.apner,
    lukker: r.lukker,
    status: r.status,
    instrumentVersjon: somTall(r.instrumentVersjon),
    innhold: somJson<RundeInnhold>(r.utsagn),
    antallSvar: r.antallSvar === null ? null : somTall(r.antallSvar),
    opprettet: somIso(r.opprettet),
  };
}

export async function lagreRunde(
  db: Db,
  r: { id: string; barnehageId: string; teamId: string | null; fase: Fase; apner: string; lukker: string; instrumentVersjon: number; innhold: RundeInnhold; opprettetAv: string; opprettet: Date },
) {
  await db
    .insertInto("stasted_runde")
    .values({
      id: r.id,
      organizationId: r.barnehageId,
      teamId: r.teamId,
      fase: r.fase,
      apner: r.apner,
      lukker: r.lukker,
      status: "apen",
      instrumentVersjon: r.instrumentVersjon,
      utsagn: JSON.stringify(r.innhold),
      antallSvar: null,
      opprettetAv: r.opprettetAv,
      opprettet: r.opprettet,
      lukket: null,
    })
    .execute();
}

export async function finnRunde(db: Db, barnehageId: string, rundeId: string): Promise<RundeRad | undefined> {
  const r = await db.selectFrom("stasted_runde").selectAll().where("organizationId", "=", barnehageId).where("id", "=", rundeId).executeTakeFirst();
  return r ? tilRunde(r) : undefined;
}

/** The barnehage's rounds, newest first. */
export async function listRunder(db: Db, barnehageId: string): Promise<RundeRad[]> {
  const rader = await db.selectFrom("stasted_runde").selectAll().where("organizationId", "=", barnehageId).execute();
  return rader.map(tilRunde).sort((a, b) => b.opprettet.localeCompare(a.opprettet) || b.apner.localeCompare(a.apner));
}

/** Closed rounds in the given barnehager (for the owner view). */
export async function lukkedeRunderI(db: Db, barnehageIder: string[]): Promise<RundeRad[]> {
  if (barnehageIder.length === 0) return [];
  const rader = await db.selectFrom("stasted_runde").selectAll().where("organizationId", "in", barnehageIder).where("status", "=", "lukket").execute();
  return rader.map(tilRunde);
}

export async function antallDeltakere(db: Db, barnehageId: string, rundeId: string): Promise<number> {
  const r = await db
    .selectFrom("stasted_deltakelse")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("organizationId", "=", barnehageId)
    .where("rundeId", "=", rundeId)
    .executeTakeFirst();
  return somTall(r?.n);
}

export async function harDeltatt(db: Db, barnehageId: string, rundeId: string, brukerId: string): Promise<boolean> {
  const r = await db
    .selectFrom("stasted_deltakelse")
    .select("rundeId")
    .where("organizationId", "=", barnehageId)
    .where("rundeId", "=", rundeId)
    .where("userId", "=", brukerId)
    .executeTakeFirst();
  return r !== undefined;
}

/** Whether the person is in the team (and still a member of the barnehage). */
export async function erITeam(db: Db, barnehageId: string, teamId: string, brukerId: string): Promise<boolean> {
  const r = await db
    .selectFrom("team_medlem")
    .select("userId")
    .where("organizationId", "=", barnehageId)
    .where("teamId", "=", teamId)
    .where("userId", "=", brukerId)
    .executeTakeFirst();
  return r !== undefined;
}

type Svarsett = { id: string; kvitteringHash: string; svar: { utsagnId: string; verdi: number }[] };

async function lesSvarsett(trx: Transaction<Database> | Db, barnehageId: string, rundeId: string): Promise<Svarsett[]> {
  const sett = await trx.selectFrom("stasted_svarsett").select(["id", "kvitteringHash"]).where("organizationId", "=", barnehageId).where("rundeId", "=", rundeId).execute();
  if (sett.length === 0) return [];
  const svar = await trx
    .selectFrom("stasted_svar")
    .select(["svarsettId", "utsagnId", "verdi"])
    .where(
      "svarsettId",
      "in",
      sett.map((s) => s.id),
    )
    .execute();
  const kart = new Map<string, Svarsett>(sett.map((s) => [s.id, { id: s.id, kvitteringHash: s.kvitteringHash, svar: [] }]));
  for (const s of svar) kart.get(s.svarsettId)?.svar.push({ utsagnId: s.utsagnId, verdi: somTall(s.verdi) });
  return [...kart.values()];
}

/**
 * Stores that the person answered and, apart from it, what was answered, in one transaction.
 * Returns false (and stores nothing) if the person has answered this round already.
 *
 * Hiding the order: the round's answer rows are deleted and written again, all of them, sorted by
 * their random UUID. Afterwards every answer row of the round was written by this same
 * transaction (PostgreSQL's xmin is the same for all) and lies in random-id order (ctid on
 * PostgreSQL; WITHOUT ROWID keeps SQLite's rows in key order), so neither the physical order nor
 * the writing transaction tells which answer came with which participation row.
 */
export async function lagreSvar(
  db: Db,
  r: { barnehageId: string; rundeId: string; brukerId: string; kvitteringHash: string; svar: { utsagnId: string; verdi: number }[] },
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const finnes = await trx
      .selectFrom("stasted_deltakelse")
      .select("userId")
      .where("organizationId", "=", r.barnehageId)
      .where("rundeId", "=", r.rundeId)
      .where("userId", "=", r.brukerId)
      .executeTakeFirst();
    if (finnes) return false;
    await trx.insertInto("stasted_deltakelse").values({ rundeId: r.rundeId, organizationId: r.barnehageId, userId: r.brukerId }).execute();
    const alle = await lesSvarsett(trx, r.barnehageId, r.rundeId);
    alle.push({ id: randomUUID(), kvitteringHash: r.kvitteringHash, svar: r.svar });
    await skrivOmSortert(trx, r.barnehageId, r.rundeId, alle);
    return true;
  });
}

async function skrivOmSortert(trx: Transaction<Database>, barnehageId: string, rundeId: string, alle: Svarsett[]) {
  const gamle = alle.map((s) => s.id);
  if (gamle.length) {
    await trx.deleteFrom("stasted_svar").where("svarsettId", "in", gamle).execute();
    await trx.deleteFrom("stasted_svarsett").where("organizationId", "=", barnehageId).where("rundeId", "=", rundeId).execute();
  }
  const sortert = [...alle].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (sortert.length === 0) return;
  await trx
    .insertInto("stasted_svarsett")
    .values(sortert.map((s) => ({ id: s.id, rundeId, organizationId: barnehageId, kvitteringHash: s.kvitteringHash })))
    .execute();
  const svar = sortert.flatMap((s) => [...s.svar].sort((a, b) => a.utsagnId.localeCompare(b.utsagnId)).map((x) => ({ svarsettId: s.id, utsagnId: x.utsagnId, verdi: x.verdi })));
  for (let i = 0; i < svar.length; i += 500) await trx.insertInto("stasted_svar").values(svar.slice(i, i + 500)).execute();
}

/**
 * Withdraws the answer set that belongs to the receipt, and the person's participation, together.
 * Returns false if the person has not answered or the receipt matches no set in this round.
 */
export async function trekkSvar(db: Db, r: { barnehageId: string; rundeId: string; brukerId: string; kvitteringHash: string }): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const sett = await trx
      .selectFrom("stasted_svarsett")
      .select("id")
      .where("organizationId", "=", r.barnehageId)
      .where("rundeId", "=", r.rundeId)
      .where("kvitteringHash", "=", r.kvitteringHash)
      .executeTakeFirst();
    if (!sett) return false;
    const d = await trx
      .deleteFrom("stasted_deltakelse")
      .where("organizationId", "=", r.barnehageId)
      .where("rundeId", "=", r.rundeId)
      .where("userId", "=", r.brukerId)
      .executeTakeFirst();
    if (Number(d.numDeletedRows) === 0) return false;
    await trx.deleteFrom("stasted_svar").where("svarsettId", "=", sett.id).execute();
    await trx.deleteFrom("stasted_svarsett").where("id", "=", sett.id).where("organizationId", "=", r.barnehageId).execute();
    return true;
  });
}

/**
 * Closes an open round: counts the answers into the aggregate tables and deletes the individual
 * answers, in one transaction. Returns false if the round is not open (already closed or missing).
 */
export async function lukkOgTell(db: Db, barnehageId: string, rundeId: string, naa: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const runde = await trx.selectFrom("stasted_runde").selectAll().where("organizationId", "=", barnehageId).where("id", "=", rundeId).executeTakeFirst();
    if (!runde || runde.status !== "apen") return false;
    const omradeAv = new Map(somJson<RundeInnhold>(runde.utsagn).utsagn.map((u) => [u.id, u.omrade]));
    const alle = await lesSvarsett(trx, barnehageId, rundeId);
    const tall = new Map<string, number>(); // "utsagnId|verdi" → antall
    const omradetall = new Map<string, number>();
    for (const sett of alle) {
      const omraderHer = new Set<string>();
      for (const s of sett.svar) {
        const k = `${s.utsagnId}|${s.verdi}`;
        tall.set(k, (tall.get(k) ?? 0) + 1);
        const omrade = omradeAv.get(s.utsagnId);
        if (omrade && s.verdi >= 1) omraderHer.add(omrade);
      }
      for (const o of omraderHer) omradetall.set(o, (omradetall.get(o) ?? 0) + 1);
    }
    if (tall.size) {
      await trx
        .insertInto("stasted_resultat")
        .values(
          [...tall].map(([k, antall]) => {
            const [utsagnId, verdi] = k.split("|");
            return { rundeId, organizationId: barnehageId, utsagnId: utsagnId!, verdi: Number(verdi), antall };
          }),
        )
        .execute();
    }
    if (omradetall.size) {
      await trx
        .insertInto("stasted_omradetall")
        .values([...omradetall].map(([omradeId, antall]) => ({ rundeId, organizationId: barnehageId, omradeId, antall })))
        .execute();
    }
    if (alle.length) {
      await trx.deleteFrom("stasted_svar").where("svarsettId", "in", alle.map((s) => s.id)).execute();
      await trx.deleteFrom("stasted_svarsett").where("organizationId", "=", barnehageId).where("rundeId", "=", rundeId).execute();
    }
    await trx
      .updateTable("stasted_runde")
      .set({ status: "lukket", lukket: naa, antallSvar: alle.length })
      .where("organizationId", "=", barnehageId)
      .where("id", "=", rundeId)
      .execute();
    return true;
  });
}

export type Opptelling = { tall: { utsagnId: string; verdi: number; antall: number }[]; omradetall: { omradeId: string; antall: number }[] };

/** The counted results of closed rounds, by round id. */
export async function hentOpptelling(db: Db, barnehageIder: string[], rundeIder: string[]): Promise<Map<string, Opptelling>> {
  const kart = new Map<string, Opptelling>(rundeIder.map((id) => [id, { tall: [], omradetall: [] }]));
  if (rundeIder.length === 0 || barnehageIder.length === 0) return kart;
  const tall = await db
    .selectFrom("stasted_resultat")
    .select(["rundeId", "utsagnId", "verdi", "antall"])
    .where("organizationId", "in", barnehageIder)
    .where("rundeId", "in", rundeIder)
    .execute();
  for (const t of tall) kart.get(t.rundeId)?.tall.push({ utsagnId: t.utsagnId, verdi: somTall(t.verdi), antall: somTall(t.antall) });
  const omr = await db
    .selectFrom("stasted_omradetall")
    .select(["rundeId", "omradeId", "antall"])
    .where("organizationId", "in", barnehageIder)
    .where("rundeId", "in", rundeIder)
    .execute();
  for (const o of omr) kart.get(o.rundeId)?.omradetall.push({ omradeId: o.omradeId, antall: somTall(o.antall) });
  return kart;
}

/** Open rounds the person may answer: in barnehager where they are a member, for all or for a team they are in. */
const apneRunderForSporring = forbered((db, p: { brukerId: string; idag: string }) =>
  db
    .selectFrom("stasted_runde")
    .innerJoin("member", (j) => j.onRef("member.organizationId", "=", "stasted_runde.organizationId").on("member.userId", "=", p.brukerId))
    .innerJoin("organization", "organization.id", "stasted_runde.organizationId")
    .leftJoin("team_medlem", (j) =>
      j
        .onRef("team_medlem.teamId", "=", "stasted_runde.teamId")
        .onRef("team_medlem.organizationId", "=", "stasted_runde.organizationId")
        .on("team_medlem.userId", "=", p.brukerId),
    )
    .leftJoin("stasted_deltakelse", (j) =>
      j.onRef("stasted_deltakelse.rundeId", "=", "stasted_runde.id").onRef("stasted_deltakelse.organizationId", "=", "stasted_runde.organizationId").on("stasted_deltakelse.userId", "=", p.brukerId),
    )
    .select([
      "stasted_runde.id as id",
      "stasted_runde.organizationId as barnehageId",
      "organization.name as barnehageNavn",
      "stasted_runde.teamId as teamId",
      "stasted_runde.fase as fase",
      "stasted_runde.lukker as lukker",
      "team_medlem.userId as iTeam",
      "stasted_deltakelse.userId as deltatt",
    ])
    .where("stasted_runde.status", "=", "apen")
    .where("stasted_runde.apner", "<=", p.idag)
    .where("stasted_runde.lukker", ">=", p.idag),
);

export async function apneRunderFor(db: Db, brukerId: string, idag: string) {
  const rader = await apneRunderForSporring(db, { brukerId, idag });
  return rader
    .filter((r) => r.teamId === null || r.iTeam !== null)
    .map((r) => ({ id: r.id, barnehageId: r.barnehageId, barnehageNavn: r.barnehageNavn, fase: r.fase, lukker: r.lukker, harSvart: r.deltatt !== null }));
}

/** Rounds still open after their closing date, in one barnehage. */
export async function utlopteRunder(db: Db, barnehageId: string, idag: string): Promise<string[]> {
  const rader = await db.selectFrom("stasted_runde").select("id").where("organizationId", "=", barnehageId).where("status", "=", "apen").where("lukker", "<", idag).execute();
  return rader.map((r) => r.id);
}

export async function hentOnsket(db: Db, barnehageId: string, teamId: string): Promise<{ tekst: string; oppdatert: string } | undefined> {
  const r = await db.selectFrom("stasted_onsket").select(["tekst", "oppdatert"]).where("organizationId", "=", barnehageId).where("teamId", "=", teamId).executeTakeFirst();
  return r ? { tekst: r.tekst, oppdatert: somIso(r.oppdatert) } : undefined;
}

/** Every team's «hvor vil vi?» in one barnehage (for a round for the whole barnehage). */
export async function listOnsket(db: Db, barnehageId: string): Promise<{ teamId: string; tekst: string }[]> {
  return db.selectFrom("stasted_onsket").select(["teamId", "tekst"]).where("organizationId", "=", barnehageId).execute();
}

export async function lagreOnsket(db: Db, barnehageId: string, teamId: string, tekst: string, naa: Date) {
  await db
    .insertInto("stasted_onsket")
    .values({ teamId, organizationId: barnehageId, tekst, oppdatert: naa })
    .onConflict((oc) => oc.column("teamId").doUpdateSet({ tekst, oppdatert: naa }).where("stasted_onsket.organizationId", "=", barnehageId))
    .execute();
}
