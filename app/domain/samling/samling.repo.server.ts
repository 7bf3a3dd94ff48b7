import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import { forbered } from "#app/db/forbered.ts";
import { somBool, somIso, sorterNorsk } from "#app/db/dialekt.ts";

/**
 * Kysely only. Every query on barnehage data takes the barnehage id and filters on it, so a
 * samling, plan or practice task of another barnehage is never found or changed.
 */
export type SamlingStatus = "planlagt" | "pagaar" | "holdt";
export type SamlingRad = {
  id: string;
  barnehageId: string;
  teamId: string;
  modulId: string;
  starter: string;
  varighetMinutter: number;
  status: SamlingStatus;
  steg: number;
  stegStartet: string | null;
  holdt: string | null;
  versjon: number;
  /** The samling in the room (ADR 0026): the countdown's pause and added time, the film, the join code. */
  pauset: string | null;
  tilleggSekunder: number;
  filmSpiller: boolean;
  filmPosisjonMs: number;
  filmEndret: string | null;
  visKode: boolean;
  kode: string | null;
  /** The module edition the samling started on (ADR 0034); null before start. */
  modulUtgave: number | null;
};

const samlingKolonner = [
  "id",
  "organizationId",
  "teamId",
  "modulId",
  "starter",
  "varighetMinutter",
  "status",
  "steg",
  "stegStartet",
  "holdt",
  "versjon",
  "pauset",
  "tilleggSekunder",
  "filmSpiller",
  "filmPosisjonMs",
  "filmEndret",
  "visKode",
  "kode",
  "modulUtgave",
] as const;
type RaSamling = {
  id: string;
  organizationId: string;
  teamId: string;
  modulId: string;
  starter: unknown;
  varighetMinutter: unknown;
  status: string;
  steg: unknown;
  stegStartet: unknown;
  holdt: unknown;
  versjon: unknown;
  pauset: unknown;
  tilleggSekunder: unknown;
  filmSpiller: unknown;
  filmPosisjonMs: unknown;
  filmEndret: unknown;
  visKode: unknown;
  kode: string | null;
  modulUtgave: unknown;
};

function tilSamling(r: RaSamling): SamlingRad {
  return {
    id: r.id,
    barnehageId: r.organizationId,
    teamId: r.teamId,
    modulId: r.modulId,
    starter: somIso(r.starter),
    varighetMinutter: Number(r.varighetMinutter),
    status: r.status as SamlingStatus,
    steg: Number(r.steg),
    stegStartet: r.stegStartet == null ? null : somIso(r.stegStartet),
    holdt: r.holdt == null ? null : somIso(r.holdt),
    versjon: Number(r.versjon),
    pauset: r.pauset == null ? null : somIso(r.pauset),
    tilleggSekunder: Number(r.tilleggSekunder),
    filmSpiller: somBool(r.filmSpiller),
    filmPosisjonMs: Number(r.filmPosisjonMs),
    filmEndret: r.filmEndret == null ? null : somIso(r.filmEndret),
    visKode: somBool(r.visKode),
    kode: r.kode ?? null,
    modulUtgave: r.modulUtgave == null ? null : Number(r.modulUtgave),
  };
}

// --- The team's plan ---------------------------------------------------------------------------

export async function hentPlan(db: Kysely<Database>, barnehageId: string, teamId: string): Promise<string[]> {
  const rader = await db.selectFrom("team_plan").select(["modulId"]).where("organizationId", "=", barnehageId).where("teamId", "=", teamId).orderBy("rekkefolge").execute();
  return rader.map((r) => r.modulId);
}

/** Replaces the team's plan with these modules in this order. */
export async function settPlan(db: Kysely<Database>, barnehageId: string, teamId: string, moduler: string[]) {
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom("team_plan").where("organizationId", "=", barnehageId).where("teamId", "=", teamId).execute();
    if (moduler.length) await tx.insertInto("team_plan").values(moduler.map((modulId, i) => ({ teamId, organizationId: barnehageId, modulId, rekkefolge: i + 1 }))).execute();
  });
}

/** Is this person a member of the team, and still of the barnehage? */
export async function erITeam(db: Kysely<Database>, barnehageId: string, teamId: string, brukerId: string): Promise<boolean> {
  const r = await db
    .selectFrom("team_medlem")
    .innerJoin("member", (j) => j.onRef("member.organizationId", "=", "team_medlem.organizationId").onRef("member.userId", "=", "team_medlem.userId"))
    .select("team_medlem.userId")
    .where("team_medlem.organizationId", "=", barnehageId)
    .where("team_medlem.teamId", "=", teamId)
    .where("team_medlem.userId", "=", brukerId)
    .executeTakeFirst();
  return r !== undefined;
}

// --- Samlinger ---------------------------------------------------------------------------------

export async function lagreSamling(
  db: Kysely<Database>,
  r: { id: string; barnehageId: string; teamId: string; modulId: string; starter: Date; varighetMinutter: number; opprettetAv: string; opprettet: Date },
) {
  await db
    .insertInto("samling")
    .values({ id: r.id, organizationId: r.barnehageId, teamId: r.teamId, modulId: r.modulId, starter: r.starter, varighetMinutter: r.varighetMinutter, status: "planlagt", opprettetAv: r.opprettetAv, opprettet: r.opprettet })
    .execute();
}

export async function finnSamling(db: Kysely<Database>, barnehageId: string, samlingId: string): Promise<SamlingRad | undefined> {
  const r = await db.selectFrom("samling").select(samlingKolonner).where("organizationId", "=", barnehageId).where("id", "=", samlingId).executeTakeFirst();
  return r ? tilSamling(r) : undefined;
}

export async function listSamlinger(db: Kysely<Database>, barnehageId: string, teamId: string): Promise<SamlingRad[]> {
  const rader = await db.selectFrom("samling").select(samlingKolonner).where("organizationId", "=", barnehageId).where("teamId", "=", teamId).orderBy("starter").execute();
  return rader.map(tilSamling);
}

/** The team's samling just before this one (by start time): the one whose practice tasks are reported back. */
export async function forrigeSamling(db: Kysely<Database>, barnehageId: string, teamId: string, samling: { id: string; starter: string }): Promise<SamlingRad | undefined> {
  const r = await db
    .selectFrom("samling")
    .select(samlingKolonner)
    .where("organizationId", "=", barnehageId)
    .where("teamId", "=", teamId)
    .where("id", "!=", samling.id)
    .where("starter", "<", new Date(samling.starter))
    .orderBy("starter", "desc")
    .executeTakeFirst();
  return r ? tilSamling(r) : undefined;
}

/** Changes time, module and duration of a samling that has not started yet. */
export async function endreSamlingTid(db: Kysely<Database>, barnehageId: string, samlingId: string, e: { modulId: string; starter: Date; varighetMinutter: number }): Promise<boolean> {
  const r = await db
    .updateTable("samling")
    // SEQUENCE in the calendar (ADR 0016): one more per change, so calendar apps take the new time.
    .set((eb) => ({ modulId: e.modulId, starter: e.starter, varighetMinutter: e.varighetMinutter, sekvens: eb("sekvens", "+", 1) }))
    .where("organizationId", "=", barnehageId)
    .where("id", "=", samlingId)
    .where("status", "=", "planlagt")
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/**
 * Cancelling a planned samling deletes it (and everything hanging on it, by cascade). What the
 * calendar needs to say STATUS:CANCELLED (time, module, next SEQUENCE) is kept in samling_avlyst,
 * in the same transaction.
 */
export async function slettSamling(db: Kysely<Database>, barnehageId: string, samlingId: string, naa = new Date()): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const s = await tx
      .selectFrom("samling")
      .select(["teamId", "modulId", "starter", "varighetMinutter", "sekvens"])
      .where("organizationId", "=", barnehageId)
      .where("id", "=", samlingId)
      .where("status", "=", "planlagt")
      .executeTakeFirst();
    if (!s) return false;
    const r = await tx.deleteFrom("samling").where("organizationId", "=", barnehageId).where("id", "=", samlingId).where("status", "=", "planlagt").executeTakeFirst();
    if (Number(r.numDeletedRows) === 0) return false;
    await tx
      .insertInto("samling_avlyst")
      .values({ samlingId, organizationId: barnehageId, teamId: s.teamId, modulId: s.modulId, starter: s.starter, varighetMinutter: Number(s.varighetMinutter), sekvens: Number(s.sekvens) + 1, avlyst: naa })
      .onConflict((oc) => oc.column("samlingId").doNothing())
      .execute();
    return true;
  });
}

export type AvlystSamling = { id: string; barnehageId: string; modulId: string; starter: string; varighetMinutter: number; sekvens: number; teamNavn: string; barnehageNavn: string };

/** Cancelled samlinger in every team this person is in, starting from `fra` on (for the calendar). */
export async function mineAvlysteSamlinger(db: Kysely<Database>, brukerId: string, fra: Date): Promise<AvlystSamling[]> {
  const rader = await db
    .selectFrom("samling_avlyst")
    .innerJoin("team_medlem", (j) => j.onRef("team_medlem.teamId", "=", "samling_avlyst.teamId").onRef("team_medlem.organizationId", "=", "samling_avlyst.organizationId"))
    .innerJoin("member", (j) => j.onRef("member.organizationId", "=", "samling_avlyst.organizationId").onRef("member.userId", "=", "team_medlem.userId"))
    .innerJoin("team", (j) => j.onRef("team.id", "=", "samling_avlyst.teamId").onRef("team.organizationId", "=", "samling_avlyst.organizationId"))
    .innerJoin("organization", "organization.id", "samling_avlyst.organizationId")
    .select(["samling_avlyst.samlingId", "samling_avlyst.organizationId", "samling_avlyst.modulId", "samling_avlyst.starter", "samling_avlyst.varighetMinutter", "samling_avlyst.sekvens", "team.navn as teamNavn", "organization.name as barnehageNavn"])
    .where("team_medlem.userId", "=", brukerId)
    .where("samling_avlyst.starter", ">=", fra)
    .orderBy("samling_avlyst.starter")
    .execute();
  return rader.map((r) => ({
    id: r.samlingId,
    barnehageId: r.organizationId,
    modulId: r.modulId,
    starter: somIso(r.starter),
    varighetMinutter: Number(r.varighetMinutter),
    sekvens: Number(r.sekvens),
    teamNavn: r.teamNavn,
    barnehageNavn: r.barnehageNavn,
  }));
}

/** What the presenter changes: the step, and the live state in the room (ADR 0026). */
export type SamlingTilstand = {
  status?: SamlingStatus;
  steg?: number;
  stegStartet?: Date | null;
  holdt?: Date | null;
  pauset?: Date | null;
  tilleggSekunder?: number;
  filmSpiller?: boolean;
  filmPosisjonMs?: number;
  filmEndret?: Date | null;
  visKode?: boolean;
  modulUtgave?: number | null;
};

/**
 * Moves samling mode to a new state, only if nobody else did since `versjon` was read (the
 * optimistic lock): two clicks on «Neste» from the same page move one step, not two.
 */
export async function settSamlingTilstand(
  db: Kysely<Database>,
  barnehageId: string,
  samlingId: string,
  versjon: number,
  t: SamlingTilstand,
): Promise<boolean> {
  const r = await db
    .updateTable("samling")
    .set({ ...t, versjon: versjon + 1 })
    .where("organizationId", "=", barnehageId)
    .where("id", "=", samlingId)
    .where("versjon", "=", versjon)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export type MinSamling = SamlingRad & { teamNavn: string; barnehageNavn: string; sekvens: number };

/**
 * Samlinger in every team this person is in (and still a member of the barnehage), oldest first,
 * from `fra` on. Each join carries the barnehage id, so no row crosses barnehager.
 */
const mineSamlingerSporring = forbered((db, p: { brukerId: string; fra?: Date }) => {
  let q = db
    .selectFrom("samling")
    .innerJoin("team_medlem", (j) => j.onRef("team_medlem.teamId", "=", "samling.teamId").onRef("team_medlem.organizationId", "=", "samling.organizationId"))
    .innerJoin("member", (j) => j.onRef("member.organizationId", "=", "samling.organizationId").onRef("member.userId", "=", "team_medlem.userId"))
    .innerJoin("team", (j) => j.onRef("team.id", "=", "samling.teamId").onRef("team.organizationId", "=", "samling.organizationId"))
    .innerJoin("organization", "organization.id", "samling.organizationId")
    .select(samlingKolonner.map((k) => `samling.${k}` as const))
    .select(["team.navn as teamNavn", "organization.name as barnehageNavn", "samling.sekvens"])
    .where("team_medlem.userId", "=", p.brukerId);
  if (p.fra !== undefined) q = q.where("samling.starter", ">=", p.fra);
  return q.orderBy("samling.starter");
});

export async function mineSamlinger(db: Kysely<Database>, brukerId: string, fra?: Date): Promise<MinSamling[]> {
  const rader = await mineSamlingerSporring(db, { brukerId, fra });
  return rader.map((r) => ({ ...tilSamling(r), teamNavn: r.teamNavn, barnehageNavn: r.barnehageNavn, sekvens: Number(r.sekvens) }));
}

// --- Attendance and the leader's notes ----------------------------------------------------------

export async function hentOppmote(db: Kysely<Database>, barnehageId: string, samlingId: string): Promise<string[]> {
  const rader = await db.selectFrom("samling_oppmote").select("userId").where("organizationId", "=", barnehageId).where("samlingId", "=", samlingId).execute();
  return rader.map((r) => r.userId);
}

export async function settOppmote(db: Kysely<Database>, barnehageId: string, samlingId: string, brukere: string[]) {
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom("samling_oppmote").where("organizationId", "=", barnehageId).where("samlingId", "=", samlingId).execute();
    if (brukere.length) await tx.insertInto("samling_oppmote").values(brukere.map((userId) => ({ samlingId, organizationId: barnehageId, userId }))).execute();
  });
}

export async function hentLedernotat(db: Kysely<Database>, barnehageId: string, samlingId: string, brukerId: string): Promise<string> {
  const r = await db
    .selectFrom("samling_ledernotat")
    .select("tekst")
    .where("organizationId", "=", barnehageId)
    .where("samlingId", "=", samlingId)
    .where("userId", "=", brukerId)
    .executeTakeFirst();
  return r?.tekst ?? "";
}

export async function lagreLedernotat(db: Kysely<Database>, barnehageId: string, samlingId: string, brukerId: string, tekst: string, naa: Date) {
  await db
    .insertInto("samling_ledernotat")
    .values({ samlingId, organizationId: barnehageId, userId: brukerId, tekst, oppdatert: naa })
    .onConflict((oc) => oc.columns(["samlingId", "userId"]).doUpdateSet({ tekst, oppdatert: naa }))
    .execute();
}

// --- Practice tasks and their logs --------------------------------------------------------------

export type Logg = { brukerId: string; navn: string; tekst: string; oppdatert: string };
export type UtprovingRad = { id: string; samlingId: string; hva: string; hvem: string; frist: string; logger: Logg[] };

export async function lagreUtproving(
  db: Kysely<Database>,
  r: { id: string; barnehageId: string; teamId: string; samlingId: string; hva: string; hvem: string; frist: string; opprettetAv: string; opprettet: Date },
) {
  await db
    .insertInto("utproving")
    .values({ id: r.id, organizationId: r.barnehageId, teamId: r.teamId, samlingId: r.samlingId, hva: r.hva, hvem: r.hvem, frist: r.frist, opprettetAv: r.opprettetAv, opprettet: r.opprettet })
    .execute();
}

export async function finnUtproving(db: Kysely<Database>, barnehageId: string, utprovingId: string) {
  return db.selectFrom("utproving").select(["id", "samlingId", "teamId"]).where("organizationId", "=", barnehageId).where("id", "=", utprovingId).executeTakeFirst();
}

/** The samling's practice tasks with every log (author's name; logs are shared with the team). */
export async function listUtprovinger(db: Kysely<Database>, barnehageId: string, samlingId: string): Promise<UtprovingRad[]> {
  const oppgaver = await db
    .selectFrom("utproving")
    .select(["id", "samlingId", "hva", "hvem", "frist", "opprettet"])
    .where("organizationId", "=", barnehageId)
    .where("samlingId", "=", samlingId)
    .orderBy("opprettet")
    .orderBy("id")
    .execute();
  if (!oppgaver.length) return [];
  const logger = await db
    .selectFrom("utproving_logg")
    .innerJoin("user", "user.id", "utproving_logg.userId")
    .select(["utproving_logg.utprovingId", "utproving_logg.userId", "user.name", "utproving_logg.tekst", "utproving_logg.oppdatert"])
    .where("utproving_logg.organizationId", "=", barnehageId)
    .where("utproving_logg.utprovingId", "in", oppgaver.map((o) => o.id))
    .execute();
  return oppgaver.map((o) => ({
    id: o.id,
    samlingId: o.samlingId,
    hva: o.hva,
    hvem: o.hvem,
    frist: String(o.frist),
    logger: sorterNorsk(
      logger.filter((l) => l.utprovingId === o.id).map((l) => ({ brukerId: l.userId, navn: l.name, tekst: l.tekst, oppdatert: somIso(l.oppdatert) })),
      (l) => l.navn,
    ),
  }));
}

export type MinUtproving = { id: string; samlingId: string; barnehageId: string; teamNavn: string; hva: string; frist: string };

/**
 * Practice tasks in my teams that I have not logged yet, with a deadline on or after `fraDato`
 * (YYYY-MM-DD), soonest first (then in the order they were agreed). Each join carries the barnehage id, so no row crosses barnehager.
 */
const mineUloggedeUtprovingerSporring = forbered((db, p: { brukerId: string; fraDato: string }) =>
  db
    .selectFrom("utproving")
    .innerJoin("team_medlem", (j) => j.onRef("team_medlem.teamId", "=", "utproving.teamId").onRef("team_medlem.organizationId", "=", "utproving.organizationId"))
    .innerJoin("member", (j) => j.onRef("member.organizationId", "=", "utproving.organizationId").onRef("member.userId", "=", "team_medlem.userId"))
    .innerJoin("team", (j) => j.onRef("team.id", "=", "utproving.teamId").onRef("team.organizationId", "=", "utproving.organizationId"))
    .leftJoin("utproving_logg", (j) =>
      j.onRef("utproving_logg.utprovingId", "=", "utproving.id").onRef("utproving_logg.organizationId", "=", "utproving.organizationId").onRef("utproving_logg.userId", "=", "team_medlem.userId"),
    )
    .select(["utproving.id", "utproving.samlingId", "utproving.organizationId", "team.navn as teamNavn", "utproving.hva", "utproving.frist"])
    .where("team_medlem.userId", "=", p.brukerId)
    .where("utproving_logg.utprovingId", "is", null)
    .where("utproving.frist", ">=", p.fraDato)
    .orderBy("utproving.frist")
    .orderBy("utproving.opprettet")
    .orderBy("utproving.id"),
);

export async function mineUloggedeUtprovinger(db: Kysely<Database>, brukerId: string, fraDato: string): Promise<MinUtproving[]> {
  const rader = await mineUloggedeUtprovingerSporring(db, { brukerId, fraDato });
  return rader.map((r) => ({ id: r.id, samlingId: r.samlingId, barnehageId: r.organizationId, teamNavn: r.teamNavn, hva: r.hva, frist: String(r.frist) }));
}

/** One log per person and task; writing again replaces it. */
export async function lagreLogg(db: Kysely<Database>, barnehageId: string, utprovingId: string, brukerId: string, tekst: string, naa: Date) {
  await db
    .insertInto("utproving_logg")
    .values({ utprovingId, organizationId: barnehageId, userId: brukerId, tekst, oppdatert: naa })
    .onConflict((oc) => oc.columns(["utprovingId", "userId"]).doUpdateSet({ tekst, oppdatert: naa }))
    .execute();
}

// --- The secret calendar feed -------------------------------------------------------------------

export async function settKalenderHash(db: Kysely<Database>, brukerId: string, hash: string, naa: Date) {
  await db
    .insertInto("kalender_hemmelighet")
    .values({ userId: brukerId, hash, opprettet: naa })
    .onConflict((oc) => oc.column("userId").doUpdateSet({ hash, opprettet: naa }))
    .execute();
}

export async function slettKalenderHash(db: Kysely<Database>, brukerId: string) {
  await db.deleteFrom("kalender_hemmelighet").where("userId", "=", brukerId).execute();
}

export async function harKalender(db: Kysely<Database>, brukerId: string): Promise<boolean> {
  return (await db.selectFrom("kalender_hemmelighet").select("userId").where("userId", "=", brukerId).executeTakeFirst()) !== undefined;
}

export async function brukerForKalenderHash(db: Kysely<Database>, hash: string): Promise<string | undefined> {
  return (await db.selectFrom("kalender_hemmelighet").select("userId").where("hash", "=", hash).executeTakeFirst())?.userId;
}

// --- The samling in the room (ADR 0026) ----------------------------------------------------------

/**
 * The version check the screens poll (the fast path in server/app-server.ts): one read by primary
 * key. The leader's lock (`versjon`) and `live` together: any change a screen shows moves one of them.
 */
export async function hentLiveVersjon(db: Kysely<Database>, samlingId: string): Promise<string | undefined> {
  const r = await db.selectFrom("samling").select(["versjon", "live"]).where("id", "=", samlingId).executeTakeFirst();
  return r ? `${Number(r.versjon)}.${Number(r.live)}` : undefined;
}

/** Something the screens show changed without the leader (a group note): they reload. */
export async function merkEndret(db: Kysely<Database>, barnehageId: string, samlingId: string) {
  await db
    .updateTable("samling")
    .set((eb) => ({ live: eb("live", "+", 1) }))
    .where("organizationId", "=", barnehageId)
    .where("id", "=", samlingId)
    .execute();
}

/** Gives the samling its join code unless it has one; false when the code is taken (try another). */
export async function settKodeOmTom(db: Kysely<Database>, barnehageId: string, samlingId: string, kode: string): Promise<boolean> {
  try {
    const r = await db.updateTable("samling").set({ kode }).where("organizationId", "=", barnehageId).where("id", "=", samlingId).where("kode", "is", null).executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  } catch {
    // The unique index: another samling has this code.
    return false;
  }
}

/** The samling with this join code, in any barnehage (the caller checks membership). */
export async function samlingForKode(db: Kysely<Database>, kode: string): Promise<SamlingRad | undefined> {
  const r = await db.selectFrom("samling").select(samlingKolonner).where("kode", "=", kode).executeTakeFirst();
  return r ? tilSamling(r) : undefined;
}

export async function settSkjermHash(db: Kysely<Database>, barnehageId: string, samlingId: string, hash: string | null) {
  await db.updateTable("samling").set({ skjermHash: hash }).where("organizationId", "=", barnehageId).where("id", "=", samlingId).execute();
}

export async function harSkjermHash(db: Kysely<Database>, barnehageId: string, samlingId: string): Promise<boolean> {
  const r = await db.selectFrom("samling").select("skjermHash").where("organizationId", "=", barnehageId).where("id", "=", samlingId).executeTakeFirst();
  return r?.skjermHash != null;
}

/** The samling behind a screen link's hash, in any barnehage. */
export async function samlingForSkjermHash(db: Kysely<Database>, hash: string): Promise<SamlingRad | undefined> {
  const r = await db.selectFrom("samling").select(samlingKolonner).where("skjermHash", "=", hash).executeTakeFirst();
  return r ? tilSamling(r) : undefined;
}
