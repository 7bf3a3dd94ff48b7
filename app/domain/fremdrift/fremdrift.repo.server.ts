import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import { forbered } from "#app/db/forbered.ts";
import { sorterNorsk } from "#app/db/dialekt.ts";

/**
 * Kysely only: the facts progress is counted from. Tenant data is filtered on the barnehage id.
 * From private reflections only (person, module) pairs are read, never their text, and only for
 * the people asked about.
 */
export type TeamInfo = { teamId: string; barnehageId: string; teamNavn: string; barnehageNavn: string };
export type Fakta = {
  medlemmer: Map<string, { brukerId: string; navn: string }[]>;
  plan: Map<string, string[]>;
  samlinger: { id: string; teamId: string; modulId: string; status: string; starter: unknown }[];
  tilstede: Set<string>; // `${samlingId}:${userId}` (was there or caught up)
  varDer: Set<string>; // `${samlingId}:${userId}` (was there)
  loggetModul: Set<string>; // `${teamId}:${modulId}:${userId}`
  reflektertModul: Set<string>; // `${modulId}:${userId}`
};

/** The teams this person is in, across barnehager (while still a member of each). */
const mineTeamSporring = forbered((db, p: { brukerId: string }) =>
  db
    .selectFrom("team_medlem")
    .innerJoin("member", (j) => j.onRef("member.organizationId", "=", "team_medlem.organizationId").onRef("member.userId", "=", "team_medlem.userId"))
    .innerJoin("team", (j) => j.onRef("team.id", "=", "team_medlem.teamId").onRef("team.organizationId", "=", "team_medlem.organizationId"))
    .innerJoin("organization", "organization.id", "team_medlem.organizationId")
    .select(["team.id as teamId", "team.organizationId as barnehageId", "team.navn as teamNavn", "organization.name as barnehageNavn"])
    .where("team_medlem.userId", "=", p.brukerId),
);

export async function mineTeam(db: Kysely<Database>, brukerId: string): Promise<TeamInfo[]> {
  const rader = await mineTeamSporring(db, { brukerId });
  return sorterNorsk(rader, (r) => `${r.barnehageNavn} ${r.teamNavn}`);
}

export async function teamIBarnehage(db: Kysely<Database>, barnehageId: string): Promise<TeamInfo[]> {
  const rader = await db
    .selectFrom("team")
    .innerJoin("organization", "organization.id", "team.organizationId")
    .select(["team.id as teamId", "team.organizationId as barnehageId", "team.navn as teamNavn", "organization.name as barnehageNavn"])
    .where("team.organizationId", "=", barnehageId)
    .execute();
  return sorterNorsk(rader, (r) => r.teamNavn);
}

/** The queries of `hentFakta`, each compiled once per shape (the lengths of the lists, issue 16). */
const faktaSporringer = {
  medlemmer: forbered((db, p: { barnehageId: string; teamIder: string[]; kunBruker?: string }) => {
    let q = db
      .selectFrom("team_medlem")
      .innerJoin("member", (j) => j.onRef("member.organizationId", "=", "team_medlem.organizationId").onRef("member.userId", "=", "team_medlem.userId"))
      .innerJoin("user", "user.id", "team_medlem.userId")
      .select(["team_medlem.teamId as teamId", "user.id as brukerId", "user.name as navn"])
      .where("team_medlem.organizationId", "=", p.barnehageId)
      .where("team_medlem.teamId", "in", p.teamIder);
    if (p.kunBruker !== undefined) q = q.where("team_medlem.userId", "=", p.kunBruker);
    return q;
  }),
  plan: forbered((db, p: { barnehageId: string; teamIder: string[] }) =>
    db.selectFrom("team_plan").select(["teamId", "modulId", "rekkefolge"]).where("organizationId", "=", p.barnehageId).where("teamId", "in", p.teamIder).orderBy("rekkefolge"),
  ),
  samlinger: forbered((db, p: { barnehageId: string; teamIder: string[] }) =>
    db.selectFrom("samling").select(["id", "teamId", "modulId", "status", "starter"]).where("organizationId", "=", p.barnehageId).where("teamId", "in", p.teamIder).orderBy("starter"),
  ),
  oppmote: forbered((db, p: { barnehageId: string; samlingIder: string[]; brukere: string[] }) =>
    db.selectFrom("samling_oppmote").select(["samlingId", "userId"]).where("organizationId", "=", p.barnehageId).where("samlingId", "in", p.samlingIder).where("userId", "in", p.brukere),
  ),
  tattIgjen: forbered((db, p: { barnehageId: string; samlingIder: string[]; brukere: string[] }) =>
    db.selectFrom("samling_tatt_igjen").select(["samlingId", "userId"]).where("organizationId", "=", p.barnehageId).where("samlingId", "in", p.samlingIder).where("userId", "in", p.brukere),
  ),
  logger: forbered((db, p: { barnehageId: string; teamIder: string[]; brukere: string[] }) =>
    db
      .selectFrom("utproving_logg")
      .innerJoin("utproving", (j) => j.onRef("utproving.id", "=", "utproving_logg.utprovingId").onRef("utproving.organizationId", "=", "utproving_logg.organizationId"))
      .innerJoin("samling", (j) => j.onRef("samling.id", "=", "utproving.samlingId").onRef("samling.organizationId", "=", "utproving.organizationId"))
      .select(["samling.teamId as teamId", "samling.modulId as modulId", "utproving_logg.userId as userId"])
      .where("utproving_logg.organizationId", "=", p.barnehageId)
      .where("samling.teamId", "in", p.teamIder)
      .where("utproving_logg.userId", "in", p.brukere),
  ),
  refleksjoner: forbered((db, p: { brukere: string[]; modulIder: string[] }) =>
    db.selectFrom("refleksjon").select(["modulId", "userId"]).distinct().where("userId", "in", p.brukere).where("modulId", "in", p.modulIder),
  ),
};

/** Everything needed to count progress for some teams of one barnehage, in six queries. */
export async function hentFakta(db: Kysely<Database>, barnehageId: string, teamIder: string[], kunBruker?: string): Promise<Fakta> {
  const fakta: Fakta = { medlemmer: new Map(), plan: new Map(), samlinger: [], tilstede: new Set(), varDer: new Set(), loggetModul: new Set(), reflektertModul: new Set() };
  if (teamIder.length === 0) return fakta;
  const [medlemmer, plan, samlinger] = await Promise.all([
    faktaSporringer.medlemmer(db, { barnehageId, teamIder, kunBruker }),
    faktaSporringer.plan(db, { barnehageId, teamIder }),
    faktaSporringer.samlinger(db, { barnehageId, teamIder }),
  ]);
  for (const id of teamIder) fakta.medlemmer.set(id, []);
  for (const m of medlemmer) fakta.medlemmer.get(m.teamId)!.push({ brukerId: m.brukerId, navn: m.navn });
  for (const [id, liste] of fakta.medlemmer) fakta.medlemmer.set(id, sorterNorsk(liste, (m) => m.navn));
  for (const p of plan) fakta.plan.set(p.teamId, [...(fakta.plan.get(p.teamId) ?? []), p.modulId]);
  fakta.samlinger = samlinger;

  const brukere = [...new Set(medlemmer.map((m) => m.brukerId))];
  const samlingIder = samlinger.map((s) => s.id);
  const modulIder = [...new Set([...plan.map((p) => p.modulId), ...samlinger.map((s) => s.modulId)])];
  if (brukere.length === 0) return fakta;
  const [oppmote, tattIgjen, logger, refleksjoner] = await Promise.all([
    samlingIder.length ? faktaSporringer.oppmote(db, { barnehageId, samlingIder, brukere }) : Promise.resolve([]),
    samlingIder.length ? faktaSporringer.tattIgjen(db, { barnehageId, samlingIder, brukere }) : Promise.resolve([]),
    faktaSporringer.logger(db, { barnehageId, teamIder, brukere }),
    modulIder.length ? faktaSporringer.refleksjoner(db, { brukere, modulIder }) : Promise.resolve([]),
  ]);
  for (const o of oppmote) {
    fakta.tilstede.add(`${o.samlingId}:${o.userId}`);
    fakta.varDer.add(`${o.samlingId}:${o.userId}`);
  }
  for (const o of tattIgjen) fakta.tilstede.add(`${o.samlingId}:${o.userId}`);
  for (const l of logger) fakta.loggetModul.add(`${l.teamId}:${l.modulId}:${l.userId}`);
  for (const r of refleksjoner) fakta.reflektertModul.add(`${r.modulId}:${r.userId}`);
  return fakta;
}
