import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import type { Aktor } from "#app/kontekst.ts";
import type { Nokkel } from "#app/i18n/i18n.ts";
import { ikkeFunnet, krev, type Medlemskap } from "#app/auth/tilgang.ts";
import { renTekst, sokeNokkel } from "#app/db/dialekt.ts";
import { logg } from "#app/logg.server.ts";
import { hentMedlemskap } from "#app/domain/barnehage/barnehage.repo.server.ts";
import {
  finnTeam,
  fjernTeamMedlem,
  hentTeamMedMedlemmer,
  leggTilTeamMedlem,
  lagreTeam,
  listTeam,
  settTeamNavn,
  slettTeam,
  type TeamMedMedlemmer,
} from "./team.repo.server.ts";

type Db = { db: Kysely<Database> };
export type TeamSvar<T = undefined> = { ok: true; verdi: T } | { ok: false; felt: "navn" | "_skjema"; feil: Nokkel };

/** Every member of the barnehage sees its teams and who is in them. */
export async function teamIBarnehagen(aktor: Aktor | null, medlemskap: Medlemskap, { db }: Db): Promise<TeamMedMedlemmer[]> {
  krev(aktor, "se:team", medlemskap);
  return listTeam(db, medlemskap.barnehageId);
}

/** One team with its members; a team in another barnehage (or none) is «not found». */
export async function hentTeam(aktor: Aktor | null, medlemskap: Medlemskap, teamId: string, { db }: Db): Promise<TeamMedMedlemmer> {
  krev(aktor, "se:team", medlemskap);
  const team = await hentTeamMedMedlemmer(db, medlemskap.barnehageId, teamId);
  if (!team) throw ikkeFunnet();
  return team;
}

/** Two teams in one barnehage may not share a name (compared without case), so people can tell them apart. */
async function navnErLedig(db: Kysely<Database>, barnehageId: string, navn: string, unntatt?: string) {
  const nokkel = sokeNokkel(navn);
  return (await listTeam(db, barnehageId)).every((t) => t.id === unntatt || sokeNokkel(t.navn) !== nokkel);
}

/** The styrer creates a team (avdeling or group) in their barnehage. */
export async function opprettTeam(aktor: Aktor | null, medlemskap: Medlemskap, navn: string, { db }: Db, naa = new Date()): Promise<TeamSvar<string>> {
  krev(aktor, "endre:team", medlemskap);
  const rent = renTekst(navn);
  if (!(await navnErLedig(db, medlemskap.barnehageId, rent))) return { ok: false, felt: "navn", feil: "team.feil.finnes" };
  const id = randomUUID();
  await lagreTeam(db, { id, barnehageId: medlemskap.barnehageId, navn: rent, opprettet: naa });
  logg.info("team_opprettet");
  return { ok: true, verdi: id };
}

/** The styrer gives a team a new name. */
export async function giTeamNyttNavn(aktor: Aktor | null, medlemskap: Medlemskap, teamId: string, navn: string, { db }: Db): Promise<TeamSvar> {
  krev(aktor, "endre:team", medlemskap);
  if (!(await finnTeam(db, medlemskap.barnehageId, teamId))) throw ikkeFunnet();
  const rent = renTekst(navn);
  if (!(await navnErLedig(db, medlemskap.barnehageId, rent, teamId))) return { ok: false, felt: "navn", feil: "team.feil.finnes" };
  await settTeamNavn(db, medlemskap.barnehageId, teamId, rent);
  logg.info("team_nytt_navn");
  return { ok: true, verdi: undefined };
}

/** The styrer deletes a team; the people stay in the barnehage, only the grouping goes. */
export async function slettTeamet(aktor: Aktor | null, medlemskap: Medlemskap, teamId: string, { db }: Db): Promise<void> {
  krev(aktor, "endre:team", medlemskap);
  if (!(await slettTeam(db, medlemskap.barnehageId, teamId))) throw ikkeFunnet();
  logg.info("team_slettet");
}

/**
 * Leder or styrer adds a member of the same barnehage to a team. Someone who is not a member
 * of this barnehage is «not found», like the team of another barnehage. A person may be in
 * several teams.
 */
export async function leggTilITeam(aktor: Aktor | null, medlemskap: Medlemskap, teamId: string, brukerId: string, { db }: Db, naa = new Date()): Promise<void> {
  krev(aktor, "endre:teammedlemmer", medlemskap);
  if (!(await finnTeam(db, medlemskap.barnehageId, teamId))) throw ikkeFunnet();
  if (!(await hentMedlemskap(db, medlemskap.barnehageId, brukerId))) throw ikkeFunnet();
  await leggTilTeamMedlem(db, medlemskap.barnehageId, teamId, brukerId, naa);
  logg.info("team_medlem_lagt_til");
}

/** Leder or styrer takes a person out of a team (they stay in the barnehage). */
export async function fjernFraTeam(aktor: Aktor | null, medlemskap: Medlemskap, teamId: string, brukerId: string, { db }: Db): Promise<void> {
  krev(aktor, "endre:teammedlemmer", medlemskap);
  if (!(await fjernTeamMedlem(db, medlemskap.barnehageId, teamId, brukerId))) throw ikkeFunnet();
  logg.info("team_medlem_fjernet");
}
