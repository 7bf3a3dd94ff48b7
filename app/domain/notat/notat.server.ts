import { randomUUID } from "node:crypto";
import { merkEndret } from "#app/domain/samling/samling.repo.server.ts";
import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import type { Aktor } from "#app/kontekst.ts";
import type { Innhold, Modul } from "#app/domain/innhold/innhold.server.ts";
import { ikkeFunnet, kan, krev, type Medlemskap } from "#app/auth/tilgang.ts";
import { renTekst } from "#app/db/dialekt.ts";
import { logg } from "#app/logg.server.ts";
import { erGyldigGruppe } from "#app/domain/gruppe/gruppe.server.ts";
import { finnTeam, type TeamRad } from "#app/domain/team/team.repo.server.ts";
import {
  delteRefleksjoner,
  erITeam,
  finnSamling,
  gruppenotater,
  harTattIgjen,
  hentGruppenotat,
  lagreDeltRefleksjon,
  lagreGruppenotat,
  lagreRefleksjon,
  lagreUtprovingLogg,
  merkTattIgjen,
  mineRefleksjoner,
  samlingerOmModul,
  slettDeltRefleksjon,
  utprovinger,
  varPaaSamling,
  type DeltRefleksjonRad,
  type GruppenotatRad,
  type RefleksjonRad,
  type SamlingRad,
  type UtprovingRad,
} from "./notat.repo.server.ts";

/**
 * Use cases for the team's notes and each person's reflections (issue 5, ADR 0017). The actor
 * comes first and access is checked inside. A private reflection is read and written only for
 * the signed-in actor (`aktor.id`): no function takes another person's id for it, so no page,
 * loader or export can hand one person's reflection to anyone else. Logs carry event names only.
 */
type Db = { db: Kysely<Database> };
type Dep = Db & { innhold: Innhold };

/** The team's work is for its members; leder and styrer may open every team's. Otherwise «not found». */
async function krevTeam(aktor: Aktor | null, medlemskap: Medlemskap, teamId: string, db: Kysely<Database>): Promise<{ team: TeamRad; iTeamet: boolean }> {
  krev(aktor, "arbeid:i-team", medlemskap);
  const team = await finnTeam(db, medlemskap.barnehageId, teamId);
  if (!team) throw ikkeFunnet();
  const iTeamet = await erITeam(db, medlemskap.barnehageId, teamId, aktor!.id);
  if (!iTeamet && !kan(aktor, "se:alle-teams-arbeid", medlemskap)) throw ikkeFunnet();
  return { team, iTeamet };
}

function modulMedId(innhold: Innhold, modulId: string): Modul {
  const modul = innhold.moduler.find((m) => m.id === modulId);
  if (!modul) throw ikkeFunnet();
  return modul;
}

function krevAktivitet(modul: Modul, aktivitetId: string) {
  if (!modul.tekst.nb.aktiviteter.some((a) => a.id === aktivitetId)) throw ikkeFunnet();
}

/**
 * The samling whose group notes the module page shows: the one going on now, or else the latest
 * that has started (held or not), or else the next one planned.
 */
export function valgtSamling(samlinger: SamlingRad[], naa = new Date()): SamlingRad | null {
  const pagaar = samlinger.find((s) => s.status === "pagaar");
  if (pagaar) return pagaar;
  const startet = samlinger.filter((s) => s.status === "holdt" || new Date(s.starter) <= naa);
  return startet.at(-1) ?? samlinger[0] ?? null;
}

export type TeamModulTilstand = {
  team: TeamRad;
  iTeamet: boolean;
  samling: SamlingRad | null;
  gruppenotater: GruppenotatRad[];
  mineRefleksjoner: RefleksjonRad[];
  delte: DeltRefleksjonRad[];
};

/** Everything the signed-in module page shows about the team: one small query per kind of thing. */
export async function teamModulTilstand(aktor: Aktor | null, medlemskap: Medlemskap, teamId: string, modul: Modul, { db }: Db, naa = new Date()): Promise<TeamModulTilstand> {
  const { team, iTeamet } = await krevTeam(aktor, medlemskap, teamId, db);
  const samling = valgtSamling(await samlingerOmModul(db, medlemskap.barnehageId, teamId, modul.id), naa);
  const [notater, mine, delte] = await Promise.all([
    samling ? gruppenotater(db, medlemskap.barnehageId, samling.id) : Promise.resolve([]),
    mineRefleksjoner(db, aktor!.id, modul.id),
    delteRefleksjoner(db, medlemskap.barnehageId, teamId, modul.id, aktor!.id),
  ]);
  return { team, iTeamet, samling, gruppenotater: notater, mineRefleksjoner: mine, delte };
}

/** The actor writes their own private reflection on one activity (empty text removes it). */
export async function lagreMinRefleksjon(aktor: Aktor | null, modul: Modul, aktivitetId: string, tekst: string, { db }: Db, naa = new Date()): Promise<void> {
  krev(aktor, "skriv:refleksjon");
  krevAktivitet(modul, aktivitetId);
  await lagreRefleksjon(db, { id: randomUUID(), forfatterId: aktor!.id, modulId: modul.id, aktivitetId, tekst: renTekst(tekst), naa });
  logg.info("refleksjon_lagret");
}

/**
 * «Share with my team»: saves the text as the actor's reflection and gives the team an explicit
 * copy of it as it is now. Later edits of the private reflection are not shared. The copy belongs
 * to the team, but its author may delete it (slettDelt). Only members of the team share with it.
 */
export async function delMedTeamet(aktor: Aktor | null, medlemskap: Medlemskap, teamId: string, modul: Modul, aktivitetId: string, tekst: string, { db }: Db, naa = new Date()) {
  const { iTeamet } = await krevTeam(aktor, medlemskap, teamId, db);
  if (!iTeamet) throw ikkeFunnet();
  krevAktivitet(modul, aktivitetId);
  const ren = renTekst(tekst);
  await lagreRefleksjon(db, { id: randomUUID(), forfatterId: aktor!.id, modulId: modul.id, aktivitetId, tekst: ren, naa });
  await lagreDeltRefleksjon(db, { id: randomUUID(), barnehageId: medlemskap.barnehageId, teamId, modulId: modul.id, aktivitetId, forfatterId: aktor!.id, tekst: ren, naa });
  logg.info("refleksjon_delt");
}

/** The author deletes a copy they shared; nobody else can. */
export async function slettDelt(aktor: Aktor | null, medlemskap: Medlemskap, id: string, { db }: Db): Promise<void> {
  krev(aktor, "arbeid:i-team", medlemskap);
  if (!(await slettDeltRefleksjon(db, medlemskap.barnehageId, id, aktor!.id))) throw ikkeFunnet();
  logg.info("delt_refleksjon_slettet");
}

export type GruppenotatSvar = { ok: true } | { ok: false; lagret: GruppenotatRad };

/**
 * Saves the team's group note for one activity at one samling, but only if nobody saved it since
 * the writer opened it (`versjon`). On a conflict nothing is written and the caller gets the
 * stored note, so the page can show both texts and nothing is lost. `gruppe` 0 is the whole
 * team's note; 1..n is one group's own note (ADR 0027), with its own lock, so groups writing at
 * the same time never conflict. A group number the samling's grouping does not have is «not found».
 */
export async function lagreGruppenotatet(
  aktor: Aktor | null,
  medlemskap: Medlemskap,
  samlingId: string,
  aktivitetId: string,
  tekst: string,
  versjon: number,
  { db, innhold }: Dep,
  naa = new Date(),
  gruppe = 0,
): Promise<GruppenotatSvar> {
  const samling = await finnSamling(db, medlemskap.barnehageId, samlingId);
  if (!samling) throw ikkeFunnet();
  await krevTeam(aktor, medlemskap, samling.teamId, db);
  krevAktivitet(modulMedId(innhold, samling.modulId), aktivitetId);
  if (!(await erGyldigGruppe(db, medlemskap.barnehageId, samlingId, gruppe))) throw ikkeFunnet();
  const lagret = await lagreGruppenotat(db, {
    id: randomUUID(),
    barnehageId: medlemskap.barnehageId,
    samlingId,
    aktivitetId,
    gruppe,
    tekst: renTekst(tekst),
    versjon,
    brukerId: aktor!.id,
    naa,
  });
  if (lagret) {
    // The projector and the phones follow the note (ADR 0026): their version check sees the change.
    await merkEndret(db, medlemskap.barnehageId, samlingId);
    logg.info("gruppenotat_lagret");
    return { ok: true };
  }
  logg.info("gruppenotat_konflikt");
  const naaLagret = await hentGruppenotat(db, medlemskap.barnehageId, samlingId, aktivitetId, gruppe);
  return { ok: false, lagret: naaLagret ?? { aktivitetId, gruppe, tekst: "", versjon: 0, oppdatert: naa.toISOString() } };
}

/**
 * One group note as it is now, for the page that edits it on its own (versjon 0: not written
 * yet). `gruppe` as in lagreGruppenotatet: 0 is the whole team's note.
 */
export async function hentGruppenotatet(aktor: Aktor | null, medlemskap: Medlemskap, samlingId: string, aktivitetId: string, { db, innhold }: Dep, gruppe = 0) {
  const samling = await finnSamling(db, medlemskap.barnehageId, samlingId);
  if (!samling) throw ikkeFunnet();
  const { team } = await krevTeam(aktor, medlemskap, samling.teamId, db);
  const modul = modulMedId(innhold, samling.modulId);
  krevAktivitet(modul, aktivitetId);
  const notat = await hentGruppenotat(db, medlemskap.barnehageId, samlingId, aktivitetId, gruppe);
  if (!notat && !(await erGyldigGruppe(db, medlemskap.barnehageId, samlingId, gruppe))) throw ikkeFunnet();
  return { team, samling, modul, notat: notat ?? { aktivitetId, gruppe, tekst: "", versjon: 0, oppdatert: null } };
}

/** The actor's own reflections across all modules (and so across barnehager), for /refleksjoner. */
export async function alleMineRefleksjoner(aktor: Aktor | null, { db }: Db): Promise<RefleksjonRad[]> {
  krev(aktor, "skriv:refleksjon");
  return mineRefleksjoner(db, aktor!.id);
}

export type TaIgjen = {
  team: TeamRad;
  samling: SamlingRad;
  modul: Modul;
  varDer: boolean;
  tattIgjen: boolean;
  gruppenotater: GruppenotatRad[];
  utprovinger: UtprovingRad[];
  mineRefleksjoner: RefleksjonRad[];
};

/** Catch-up after a held samling: the group notes, the prompts, the practice tasks and my own writing. */
export async function taIgjen(aktor: Aktor | null, medlemskap: Medlemskap, samlingId: string, { db, innhold }: Dep): Promise<TaIgjen> {
  const samling = await finnSamling(db, medlemskap.barnehageId, samlingId);
  if (!samling || samling.status !== "holdt") throw ikkeFunnet();
  const { team } = await krevTeam(aktor, medlemskap, samling.teamId, db);
  const modul = modulMedId(innhold, samling.modulId);
  const b = medlemskap.barnehageId;
  const [varDer, tattIgjen, notater, oppgaver, mine] = await Promise.all([
    varPaaSamling(db, b, samlingId, aktor!.id),
    harTattIgjen(db, b, samlingId, aktor!.id),
    gruppenotater(db, b, samlingId),
    utprovinger(db, b, samlingId, aktor!.id),
    mineRefleksjoner(db, aktor!.id, modul.id),
  ]);
  return { team, samling, modul, varDer, tattIgjen, gruppenotater: notater, utprovinger: oppgaver, mineRefleksjoner: mine };
}

async function krevHoldtSamlingITeam(aktor: Aktor | null, medlemskap: Medlemskap, samlingId: string, db: Kysely<Database>) {
  const samling = await finnSamling(db, medlemskap.barnehageId, samlingId);
  if (!samling || samling.status !== "holdt") throw ikkeFunnet();
  const { iTeamet } = await krevTeam(aktor, medlemskap, samling.teamId, db);
  if (!iTeamet) throw ikkeFunnet();
  return samling;
}

/** A team member logs how a practice task from the samling went (shared with the team). */
export async function loggUtproving(aktor: Aktor | null, medlemskap: Medlemskap, samlingId: string, utprovingId: string, tekst: string, { db }: Db, naa = new Date()) {
  await krevHoldtSamlingITeam(aktor, medlemskap, samlingId, db);
  const ok = await lagreUtprovingLogg(db, { barnehageId: medlemskap.barnehageId, samlingId, utprovingId, brukerId: aktor!.id, tekst: renTekst(tekst), naa });
  if (!ok) throw ikkeFunnet();
  logg.info("utproving_logget");
}

/** A team member who missed the samling says they have caught up. */
export async function markerTattIgjen(aktor: Aktor | null, medlemskap: Medlemskap, samlingId: string, { db }: Db, naa = new Date()) {
  await krevHoldtSamlingITeam(aktor, medlemskap, samlingId, db);
  await merkTattIgjen(db, medlemskap.barnehageId, samlingId, aktor!.id, naa);
  logg.info("samling_tatt_igjen");
}

export type SamlingensNotater = { iTeamet: boolean; varDer: boolean; tattIgjen: boolean; gruppenotater: GruppenotatRad[] };

/**
 * The group notes of one samling, for the samling page (issue 5 wired together), and whether the
 * actor missed it: a team member who was not there at a held samling is offered «ta igjen».
 */
export async function samlingensNotater(aktor: Aktor | null, medlemskap: Medlemskap, samlingId: string, { db }: Db): Promise<SamlingensNotater> {
  const samling = await finnSamling(db, medlemskap.barnehageId, samlingId);
  if (!samling) throw ikkeFunnet();
  const { iTeamet } = await krevTeam(aktor, medlemskap, samling.teamId, db);
  const b = medlemskap.barnehageId;
  const [notater, varDer, tattIgjen] = await Promise.all([
    gruppenotater(db, b, samlingId),
    varPaaSamling(db, b, samlingId, aktor!.id),
    harTattIgjen(db, b, samlingId, aktor!.id),
  ]);
  return { iTeamet, varDer, tattIgjen, gruppenotater: notater };
}
