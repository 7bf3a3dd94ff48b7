import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import { somIso, somTall } from "#app/db/dialekt.ts";
import type { Hendelse, Kandidat, PaaminnelseSlag } from "./paaminnelse.ts";

/**
 * Kysely only (ADR 0031). The scans join on the barnehage id at every step (team, membership,
 * attendance), so a reminder never crosses barnehager; each also leaves out people who have
 * turned the kind off and people no longer members.
 */

const avSlaatt = (slag: PaaminnelseSlag) => (eb: any) =>
  eb.not(eb.exists(eb.selectFrom("paaminnelse_av").select("paaminnelse_av.type").whereRef("paaminnelse_av.userId", "=", "team_medlem.userId").where("paaminnelse_av.type", "=", slag)));

/** Planned samlinger starting in [fra, til), with each member of the team. */
export async function samlingKandidater(db: Kysely<Database>, fra: Date, til: Date): Promise<Kandidat[]> {
  const rader = await db
    .selectFrom("samling")
    .innerJoin("team_medlem", (j) => j.onRef("team_medlem.teamId", "=", "samling.teamId").onRef("team_medlem.organizationId", "=", "samling.organizationId"))
    .innerJoin("member", (j) => j.onRef("member.organizationId", "=", "samling.organizationId").onRef("member.userId", "=", "team_medlem.userId"))
    .select(["samling.id", "samling.organizationId", "samling.starter", "team_medlem.userId"])
    .where("samling.status", "=", "planlagt")
    .where("samling.starter", ">=", fra)
    .where("samling.starter", "<", til)
    .where(avSlaatt("samling"))
    .execute();
  return rader.map((r) => ({ type: "samling", barnehageId: r.organizationId, brukerId: r.userId, objektId: r.id, anledning: somIso(r.starter) }));
}

/**
 * Open ståsted rounds matching `filter` (dates are YYYY-MM-DD), with each person in the round's
 * group (the team, or the whole barnehage) who has not answered yet.
 */
async function stastedKandidater(db: Kysely<Database>, type: Hendelse, idag: string, filter: { apnerFra?: string; lukkerTil?: string }, anledning: (r: { apner: string; lukker: string }) => string): Promise<Kandidat[]> {
  let runder = db.selectFrom("stasted_runde").select(["id", "organizationId", "teamId", "apner", "lukker"]).where("status", "=", "apen").where("apner", "<=", idag).where("lukker", ">=", idag);
  if (filter.apnerFra) runder = runder.where("apner", ">=", filter.apnerFra);
  if (filter.lukkerTil) runder = runder.where("lukker", "<=", filter.lukkerTil);
  const ut: Kandidat[] = [];
  for (const r of await runder.execute()) {
    let q = db
      .selectFrom("member")
      .select("member.userId")
      .where("member.organizationId", "=", r.organizationId)
      .where((eb) =>
        eb.not(eb.exists(eb.selectFrom("stasted_deltakelse").select("stasted_deltakelse.userId").where("stasted_deltakelse.rundeId", "=", r.id).whereRef("stasted_deltakelse.userId", "=", "member.userId"))),
      )
      .where((eb) => eb.not(eb.exists(eb.selectFrom("paaminnelse_av").select("paaminnelse_av.type").whereRef("paaminnelse_av.userId", "=", "member.userId").where("paaminnelse_av.type", "=", "stasted"))));
    if (r.teamId !== null) {
      const teamId = r.teamId;
      q = q.where((eb) =>
        eb.exists(eb.selectFrom("team_medlem").select("team_medlem.userId").where("team_medlem.teamId", "=", teamId).whereRef("team_medlem.organizationId", "=", "member.organizationId").whereRef("team_medlem.userId", "=", "member.userId")),
      );
    }
    for (const m of await q.execute()) ut.push({ type, barnehageId: r.organizationId, brukerId: m.userId, objektId: r.id, anledning: anledning(r) });
  }
  return ut;
}

/** Rounds that opened in the last days: «the round is open». */
export function stastedApnetKandidater(db: Kysely<Database>, idag: string, apnerFra: string) {
  return stastedKandidater(db, "stastedApnet", idag, { apnerFra }, () => "apnet");
}

/** Rounds that close by `lukkerTil`: «the round closes soon» (once per close date). */
export function stastedStengerKandidater(db: Kysely<Database>, idag: string, lukkerTil: string) {
  return stastedKandidater(db, "stastedStenger", idag, { lukkerTil }, (r) => `lukker-${r.lukker}`);
}

/** Practice tasks due in [fraDato, tilDato], with each team member who has not logged how it went. */
export async function utprovingKandidater(db: Kysely<Database>, fraDato: string, tilDato: string): Promise<Kandidat[]> {
  const rader = await db
    .selectFrom("utproving")
    .innerJoin("team_medlem", (j) => j.onRef("team_medlem.teamId", "=", "utproving.teamId").onRef("team_medlem.organizationId", "=", "utproving.organizationId"))
    .innerJoin("member", (j) => j.onRef("member.organizationId", "=", "utproving.organizationId").onRef("member.userId", "=", "team_medlem.userId"))
    .select(["utproving.id", "utproving.organizationId", "utproving.frist", "team_medlem.userId"])
    .where("utproving.frist", ">=", fraDato)
    .where("utproving.frist", "<=", tilDato)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom("utproving_logg").select("utproving_logg.userId").whereRef("utproving_logg.utprovingId", "=", "utproving.id").whereRef("utproving_logg.userId", "=", "team_medlem.userId"),
        ),
      ),
    )
    .where(avSlaatt("utproving"))
    .execute();
  return rader.map((r) => ({ type: "utproving", barnehageId: r.organizationId, brukerId: r.userId, objektId: r.id, anledning: r.frist }));
}

/**
 * Samlinger held in [fra, til] whose attendance was registered, with each team member who was not
 * there and has not caught up yet.
 */
export async function taIgjenKandidater(db: Kysely<Database>, fra: Date, til: Date): Promise<Kandidat[]> {
  const rader = await db
    .selectFrom("samling")
    .innerJoin("team_medlem", (j) => j.onRef("team_medlem.teamId", "=", "samling.teamId").onRef("team_medlem.organizationId", "=", "samling.organizationId"))
    .innerJoin("member", (j) => j.onRef("member.organizationId", "=", "samling.organizationId").onRef("member.userId", "=", "team_medlem.userId"))
    .select(["samling.id", "samling.organizationId", "team_medlem.userId"])
    .where("samling.status", "=", "holdt")
    .where("samling.holdt", ">=", fra)
    .where("samling.holdt", "<=", til)
    .where((eb) => eb.exists(eb.selectFrom("samling_oppmote").select("samling_oppmote.userId").whereRef("samling_oppmote.samlingId", "=", "samling.id").whereRef("samling_oppmote.organizationId", "=", "samling.organizationId")))
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom("samling_oppmote").select("samling_oppmote.userId").whereRef("samling_oppmote.samlingId", "=", "samling.id").whereRef("samling_oppmote.userId", "=", "team_medlem.userId"))),
    )
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom("samling_tatt_igjen").select("samling_tatt_igjen.userId").whereRef("samling_tatt_igjen.samlingId", "=", "samling.id").whereRef("samling_tatt_igjen.userId", "=", "team_medlem.userId"))),
    )
    .where(avSlaatt("taIgjen"))
    .execute();
  return rader.map((r) => ({ type: "taIgjen", barnehageId: r.organizationId, brukerId: r.userId, objektId: r.id, anledning: "holdt" }));
}

// --- The outbox ---------------------------------------------------------------------------------

/** Puts reminders in the outbox; one that is there already (the unique key) is left as it is. */
export async function leggIKo(db: Kysely<Database>, kandidater: Kandidat[], naa: Date): Promise<void> {
  for (let i = 0; i < kandidater.length; i += 100) {
    const bit = kandidater.slice(i, i + 100);
    await db
      .insertInto("paaminnelse")
      .values(bit.map((k) => ({ id: randomUUID(), organizationId: k.barnehageId, userId: k.brukerId, type: k.type, objektId: k.objektId, anledning: k.anledning, opprettet: naa })))
      .onConflict((oc) => oc.columns(["type", "userId", "objektId", "anledning"]).doNothing())
      .execute();
  }
}

export type KoRad = { id: string; barnehageId: string; brukerId: string; type: string; objektId: string; anledning: string };

/** Reminders not sent yet whose lease (if any) has run out, oldest first. */
export async function ventende(db: Kysely<Database>, naa: Date, maksForsok: number, grense: number): Promise<KoRad[]> {
  const rader = await db
    .selectFrom("paaminnelse")
    .select(["id", "organizationId", "userId", "type", "objektId", "anledning"])
    .where("sendt", "is", null)
    .where((eb) => eb.or([eb("laastTil", "is", null), eb("laastTil", "<", naa)]))
    .where("forsok", "<", maksForsok)
    .orderBy("opprettet")
    .limit(grense)
    .execute();
  return rader.map((r) => ({ id: r.id, barnehageId: r.organizationId, brukerId: r.userId, type: r.type, objektId: r.objektId, anledning: r.anledning }));
}

/** Claims one reminder for sending: one compare-and-set, so two processes never both get it. */
export async function taPaaminnelse(db: Kysely<Database>, id: string, kjorer: string, naa: Date, leieMs: number): Promise<boolean> {
  const r = await db
    .updateTable("paaminnelse")
    .set((eb) => ({ laastAv: kjorer, laastTil: new Date(naa.getTime() + leieMs), forsok: eb("forsok", "+", 1) }))
    .where("id", "=", id)
    .where("sendt", "is", null)
    .where((eb) => eb.or([eb("laastTil", "is", null), eb("laastTil", "<", naa)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Marks a claimed reminder done: sent, turned off since, or no longer true. */
export async function fullfor(db: Kysely<Database>, id: string, kjorer: string, naa: Date, utfall: "sendt" | "av" | "utdatert") {
  await db.updateTable("paaminnelse").set({ sendt: naa, utfall, laastAv: null, laastTil: null }).where("id", "=", id).where("laastAv", "=", kjorer).execute();
}

/**
 * Removes what is no longer needed: reminders done more than `dager` days ago (far beyond every
 * window the scans look at, so none is found again) and cancelled samlinger long past their date.
 */
export async function ryddGamle(db: Kysely<Database>, naa: Date, dager: number): Promise<void> {
  const grense = new Date(naa.getTime() - dager * 24 * 3600_000);
  await db.deleteFrom("paaminnelse").where("sendt", "is not", null).where("sendt", "<", grense).execute();
  await db.deleteFrom("samling_avlyst").where("starter", "<", grense).execute();
}

// --- Preferences and counts ---------------------------------------------------------------------

export async function avSlaatteSlag(db: Kysely<Database>, brukerId: string): Promise<string[]> {
  const rader = await db.selectFrom("paaminnelse_av").select("type").where("userId", "=", brukerId).execute();
  return rader.map((r) => r.type);
}

/** Replaces the kinds turned off for this person. */
export async function settAvSlaatte(db: Kysely<Database>, brukerId: string, av: string[]) {
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom("paaminnelse_av").where("userId", "=", brukerId).execute();
    if (av.length) await tx.insertInto("paaminnelse_av").values(av.map((type) => ({ userId: brukerId, type }))).execute();
  });
}

/** How many of a team's members (still in the barnehage) have this kind on, and how many there are. */
export async function antallMedPaa(db: Kysely<Database>, barnehageId: string, teamId: string, slag: PaaminnelseSlag): Promise<{ paa: number; totalt: number }> {
  const r = await db
    .selectFrom("team_medlem")
    .innerJoin("member", (j) => j.onRef("member.organizationId", "=", "team_medlem.organizationId").onRef("member.userId", "=", "team_medlem.userId"))
    .select((eb) => [eb.fn.countAll().as("totalt"), eb.fn.count("team_medlem.userId").filterWhere(avSlaatt(slag)).as("paa")])
    .where("team_medlem.organizationId", "=", barnehageId)
    .where("team_medlem.teamId", "=", teamId)
    .executeTakeFirstOrThrow();
  return { paa: somTall(r.paa), totalt: somTall(r.totalt) };
}

/** The person a reminder goes to, if still a member of the barnehage. */
export async function mottaker(db: Kysely<Database>, barnehageId: string, brukerId: string): Promise<{ epost: string; navn: string; maalform: string | null } | undefined> {
  const r = await db
    .selectFrom("user")
    .innerJoin("member", "member.userId", "user.id")
    .select(["user.email", "user.name", "user.maalform"])
    .where("user.id", "=", brukerId)
    .where("member.organizationId", "=", barnehageId)
    .executeTakeFirst();
  return r ? { epost: r.email, navn: r.name, maalform: r.maalform } : undefined;
}

/** The person's reminders, for their own-data export (never another person's). */
export async function hentMinePaaminnelser(db: Kysely<Database>, brukerId: string) {
  const rader = await db.selectFrom("paaminnelse").select(["organizationId", "type", "objektId", "anledning", "opprettet", "sendt", "utfall"]).where("userId", "=", brukerId).orderBy("opprettet").execute();
  const av = await avSlaatteSlag(db, brukerId);
  return {
    avslaatt: av,
    sendt: rader.map((r) => ({ barnehageId: r.organizationId, type: r.type, objektId: r.objektId, anledning: r.anledning, opprettet: somIso(r.opprettet), sendt: r.sendt == null ? null : somIso(r.sendt), utfall: r.utfall })),
  };
}

export async function slettMinePaaminnelser(db: Kysely<Database>, brukerId: string) {
  await db.deleteFrom("paaminnelse").where("userId", "=", brukerId).execute();
  await db.deleteFrom("paaminnelse_av").where("userId", "=", brukerId).execute();
}

// --- What a reminder is about, read again when it is sent ---------------------------------------

export async function samlingInfo(db: Kysely<Database>, barnehageId: string, samlingId: string) {
  const r = await db
    .selectFrom("samling")
    .innerJoin("team", (j) => j.onRef("team.id", "=", "samling.teamId").onRef("team.organizationId", "=", "samling.organizationId"))
    .select(["samling.teamId", "team.navn as teamNavn", "samling.modulId", "samling.starter", "samling.status", "samling.holdt"])
    .where("samling.organizationId", "=", barnehageId)
    .where("samling.id", "=", samlingId)
    .executeTakeFirst();
  return r ? { teamId: r.teamId, teamNavn: r.teamNavn, modulId: r.modulId, starter: somIso(r.starter), status: r.status, holdt: r.holdt == null ? null : somIso(r.holdt) } : undefined;
}

/** Has this person been at (or caught up on) the samling since? */
export async function harVaertMedEllerTattIgjen(db: Kysely<Database>, barnehageId: string, samlingId: string, brukerId: string): Promise<boolean> {
  const [a, b] = await Promise.all([
    db.selectFrom("samling_oppmote").select("userId").where("organizationId", "=", barnehageId).where("samlingId", "=", samlingId).where("userId", "=", brukerId).executeTakeFirst(),
    db.selectFrom("samling_tatt_igjen").select("userId").where("organizationId", "=", barnehageId).where("samlingId", "=", samlingId).where("userId", "=", brukerId).executeTakeFirst(),
  ]);
  return a !== undefined || b !== undefined;
}

export async function rundeInfo(db: Kysely<Database>, barnehageId: string, rundeId: string, brukerId: string) {
  const r = await db
    .selectFrom("stasted_runde")
    .leftJoin("team", (j) => j.onRef("team.id", "=", "stasted_runde.teamId").onRef("team.organizationId", "=", "stasted_runde.organizationId"))
    .select(["stasted_runde.status", "stasted_runde.apner", "stasted_runde.lukker", "team.navn as teamNavn"])
    .where("stasted_runde.organizationId", "=", barnehageId)
    .where("stasted_runde.id", "=", rundeId)
    .executeTakeFirst();
  if (!r) return undefined;
  const svart = await db.selectFrom("stasted_deltakelse").select("userId").where("organizationId", "=", barnehageId).where("rundeId", "=", rundeId).where("userId", "=", brukerId).executeTakeFirst();
  return { status: r.status, apner: r.apner, lukker: r.lukker, teamNavn: r.teamNavn ?? null, svart: svart !== undefined };
}

export async function utprovingInfo(db: Kysely<Database>, barnehageId: string, utprovingId: string, brukerId: string) {
  const r = await db
    .selectFrom("utproving")
    .innerJoin("team", (j) => j.onRef("team.id", "=", "utproving.teamId").onRef("team.organizationId", "=", "utproving.organizationId"))
    .select(["utproving.hva", "utproving.frist", "utproving.samlingId", "team.navn as teamNavn"])
    .where("utproving.organizationId", "=", barnehageId)
    .where("utproving.id", "=", utprovingId)
    .executeTakeFirst();
  if (!r) return undefined;
  const logg = await db.selectFrom("utproving_logg").select("userId").where("organizationId", "=", barnehageId).where("utprovingId", "=", utprovingId).where("userId", "=", brukerId).executeTakeFirst();
  return { hva: r.hva, frist: r.frist, samlingId: r.samlingId, teamNavn: r.teamNavn, logget: logg !== undefined };
}
