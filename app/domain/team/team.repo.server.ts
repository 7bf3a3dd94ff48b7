import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import { forbered } from "#app/db/forbered.ts";
import { somIso, sorterNorsk } from "#app/db/dialekt.ts";

/**
 * Kysely only. Every query takes the barnehage id and filters on it, so a team from another
 * barnehage is never found, and only current members of the barnehage are listed in a team.
 */
export type TeamRad = { id: string; navn: string; opprettet: string };
export type TeamMedlem = { brukerId: string; navn: string };
export type TeamMedMedlemmer = TeamRad & { medlemmer: TeamMedlem[] };

export async function lagreTeam(db: Kysely<Database>, rad: { id: string; barnehageId: string; navn: string; opprettet: Date }) {
  await db.insertInto("team").values({ id: rad.id, organizationId: rad.barnehageId, navn: rad.navn, opprettet: rad.opprettet }).execute();
}

const finnTeamSporring = forbered((db, p: { barnehageId: string; teamId: string }) =>
  db.selectFrom("team").select(["id", "navn", "opprettet"]).where("organizationId", "=", p.barnehageId).where("id", "=", p.teamId),
);

export async function finnTeam(db: Kysely<Database>, barnehageId: string, teamId: string): Promise<TeamRad | undefined> {
  const [r] = await finnTeamSporring(db, { barnehageId, teamId });
  return r ? { id: r.id, navn: r.navn, opprettet: somIso(r.opprettet) } : undefined;
}

/** The members of the given teams (all in this barnehage), by team id, sorted the Norwegian way. */
async function medlemmerI(db: Kysely<Database>, barnehageId: string, teamIder: string[]): Promise<Map<string, TeamMedlem[]>> {
  const kart = new Map<string, TeamMedlem[]>(teamIder.map((id) => [id, []]));
  if (teamIder.length === 0) return kart;
  const rader = await db
    .selectFrom("team_medlem")
    .innerJoin("member", (j) => j.onRef("member.organizationId", "=", "team_medlem.organizationId").onRef("member.userId", "=", "team_medlem.userId"))
    .innerJoin("user", "user.id", "team_medlem.userId")
    .select(["team_medlem.teamId as teamId", "user.id as brukerId", "user.name as navn"])
    .where("team_medlem.organizationId", "=", barnehageId)
    .where("team_medlem.teamId", "in", teamIder)
    .execute();
  for (const r of rader) kart.get(r.teamId)?.push({ brukerId: r.brukerId, navn: r.navn });
  for (const [id, liste] of kart) kart.set(id, sorterNorsk(liste, (m) => m.navn));
  return kart;
}

export async function listTeam(db: Kysely<Database>, barnehageId: string): Promise<TeamMedMedlemmer[]> {
  const team = await db.selectFrom("team").select(["id", "navn", "opprettet"]).where("organizationId", "=", barnehageId).execute();
  const medlemmer = await medlemmerI(db, barnehageId, team.map((t) => t.id));
  return sorterNorsk(
    team.map((t) => ({ id: t.id, navn: t.navn, opprettet: somIso(t.opprettet), medlemmer: medlemmer.get(t.id) ?? [] })),
    (t) => t.navn,
  );
}

export async function hentTeamMedMedlemmer(db: Kysely<Database>, barnehageId: string, teamId: string): Promise<TeamMedMedlemmer | undefined> {
  const team = await finnTeam(db, barnehageId, teamId);
  if (!team) return undefined;
  return { ...team, medlemmer: (await medlemmerI(db, barnehageId, [team.id])).get(team.id) ?? [] };
}

export async function settTeamNavn(db: Kysely<Database>, barnehageId: string, teamId: string, navn: string): Promise<boolean> {
  const r = await db.updateTable("team").set({ navn }).where("organizationId", "=", barnehageId).where("id", "=", teamId).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Deletes the team; its memberships go with it (foreign key, on delete cascade). */
export async function slettTeam(db: Kysely<Database>, barnehageId: string, teamId: string): Promise<boolean> {
  const r = await db.deleteFrom("team").where("organizationId", "=", barnehageId).where("id", "=", teamId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Adds a barnehage member to a team; adding someone already there changes nothing. */
export async function leggTilTeamMedlem(db: Kysely<Database>, barnehageId: string, teamId: string, brukerId: string, naa: Date) {
  await db
    .insertInto("team_medlem")
    .values({ teamId, organizationId: barnehageId, userId: brukerId, lagtTil: naa })
    .onConflict((oc) => oc.columns(["teamId", "userId"]).doNothing())
    .execute();
}

export async function fjernTeamMedlem(db: Kysely<Database>, barnehageId: string, teamId: string, brukerId: string): Promise<boolean> {
  const r = await db.deleteFrom("team_medlem").where("organizationId", "=", barnehageId).where("teamId", "=", teamId).where("userId", "=", brukerId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
