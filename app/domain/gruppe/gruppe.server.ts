import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import type { Aktor } from "#app/kontekst.ts";
import type { Innhold } from "#app/domain/innhold/innhold.server.ts";
import type { Spraak } from "#app/domain/innhold/innhold.schema.ts";
import { ikkeFunnet, krev, type Medlemskap } from "#app/auth/tilgang.ts";
import { oversetter } from "#app/i18n/i18n.ts";
import { logg } from "#app/logg.server.ts";
import { hentTeamMedMedlemmer } from "#app/domain/team/team.repo.server.ts";
import { hentSamling, type Svar } from "#app/domain/samling/samling.server.ts";
import { erITeam, hentOppmote, merkEndret } from "#app/domain/samling/samling.repo.server.ts";
import { gruppenotater } from "#app/domain/notat/notat.repo.server.ts";
import { delIGrupper, gruppenumre, MAKS_GRUPPER } from "./gruppe.ts";
import { gruppeMedlemmer, hentGruppering, minGruppe, settFremhevet, settGrupper, settMinGruppe, settSelvvalg, type GruppeMedlem, type Gruppering } from "./gruppe.repo.server.ts";

/**
 * Use cases for groups at a samling (issue 12, point 3; ADR 0027). The actor comes first and
 * access is checked inside: leder and styrer split, open self-pick and highlight; a member of the
 * team picks their own group when the leader has opened picking; everyone who may see the samling
 * (the team, leder and styrer) reads the groups and their notes. A samling of another barnehage or
 * another team is «not found». Logs carry event names only.
 */
type Db = { db: Kysely<Database> };
type Dep = Db & { innhold: Pick<Innhold, "moduler"> };
const feil = (felt: string, n: Parameters<ReturnType<typeof oversetter>>[0]): Svar<never> => ({ ok: false, felt, feil: n });
const ok: Svar = { ok: true, verdi: undefined };

const INGEN: Gruppering = { antall: 0, selvvalg: false, fremhevet: null };

/** Who can be put in a group: those marked present, or the whole team if attendance is not registered. */
async function kandidater(db: Kysely<Database>, m: Medlemskap, samling: { id: string; teamId: string }) {
  const team = (await hentTeamMedMedlemmer(db, m.barnehageId, samling.teamId))?.medlemmer ?? [];
  const tilstede = new Set(await hentOppmote(db, m.barnehageId, samling.id));
  const fraOppmote = team.filter((p) => tilstede.has(p.brukerId));
  return { personer: fraOppmote.length ? fraOppmote : team, fraOppmote: fraOppmote.length > 0, team };
}

export type GrupperSide = {
  gruppering: Gruppering;
  /** People placed in groups (names: the leader's page only, never the projector). */
  medlemmer: GruppeMedlem[];
  /** Everyone who can be placed, with their current group (null: none). */
  personer: { brukerId: string; navn: string; gruppe: number | null }[];
  /** True when the people come from the attendance list, false when from the team (no attendance yet). */
  fraOppmote: boolean;
};

/** The leader's groups page: the grouping, who is where, and who can be placed. */
export async function grupperForLeder(aktor: Aktor | null, m: Medlemskap, samlingId: string, { db }: Db): Promise<GrupperSide> {
  krev(aktor, "led:samling", m);
  const samling = await hentSamling(aktor, m, samlingId, { db });
  const [gruppering, medlemmer, k] = await Promise.all([hentGruppering(db, m.barnehageId, samlingId), gruppeMedlemmer(db, m.barnehageId, samlingId), kandidater(db, m, samling)]);
  const iGruppe = new Map(medlemmer.map((x) => [x.brukerId, x.gruppe]));
  // Someone placed in a group who is not on the attendance list is still shown, so nobody vanishes.
  const personer = [...k.personer, ...medlemmer.filter((x) => !k.personer.some((p) => p.brukerId === x.brukerId))].map((p) => ({
    brukerId: p.brukerId,
    navn: p.navn,
    gruppe: iGruppe.get(p.brukerId) ?? null,
  }));
  return { gruppering: gruppering ?? INGEN, medlemmer, personer, fraOppmote: k.fraOppmote };
}

/**
 * Splits the attendees (or the team, if no attendance is registered) into groups of at most
 * `storrelse`, mixed at random. Replaces any earlier split of this samling.
 */
export async function delAutomatisk(aktor: Aktor | null, m: Medlemskap, samlingId: string, storrelse: number, { db }: Db, naa = new Date(), tilfeldig: () => number = Math.random): Promise<Svar<number>> {
  krev(aktor, "led:samling", m);
  const samling = await hentSamling(aktor, m, samlingId, { db });
  const { personer } = await kandidater(db, m, samling);
  if (personer.length === 0) return feil("storrelse", "gruppe.feil.ingenFolk");
  const grupper = delIGrupper(personer, storrelse, tilfeldig);
  await settGrupper(db, m.barnehageId, samlingId, grupper.length, grupper.flatMap((g, i) => g.map((p) => ({ brukerId: p.brukerId, gruppe: i + 1 }))), naa);
  await merkEndret(db, m.barnehageId, samlingId);
  logg.info("grupper_delt", { antall: grupper.length });
  return { ok: true, verdi: grupper.length };
}

/**
 * The plain form: the leader chooses a group for each person. Only the team's members can be
 * placed (anyone else in the form is ignored); the number of groups is the highest chosen.
 */
export async function delManuelt(aktor: Aktor | null, m: Medlemskap, samlingId: string, fordeling: Map<string, number>, { db }: Db, naa = new Date()): Promise<Svar<number>> {
  krev(aktor, "led:samling", m);
  const samling = await hentSamling(aktor, m, samlingId, { db });
  const { team } = await kandidater(db, m, samling);
  const iTeamet = new Set(team.map((p) => p.brukerId));
  const rader = [...fordeling].filter(([id, g]) => iTeamet.has(id) && g >= 1 && g <= MAKS_GRUPPER).map(([brukerId, gruppe]) => ({ brukerId, gruppe }));
  const antall = rader.reduce((maks, r) => Math.max(maks, r.gruppe), 0);
  if (antall === 0) return feil("_skjema", "gruppe.feil.ingenValgt");
  await settGrupper(db, m.barnehageId, samlingId, antall, rader, naa);
  await merkEndret(db, m.barnehageId, samlingId);
  logg.info("grupper_delt_manuelt", { antall });
  return { ok: true, verdi: antall };
}

/** The leader lets members pick a group on their phones, among `antall` groups. */
export async function aapneSelvvalg(aktor: Aktor | null, m: Medlemskap, samlingId: string, antall: number, { db }: Db, naa = new Date()): Promise<Svar> {
  krev(aktor, "led:samling", m);
  await hentSamling(aktor, m, samlingId, { db });
  await settSelvvalg(db, m.barnehageId, samlingId, true, antall, naa);
  await merkEndret(db, m.barnehageId, samlingId);
  logg.info("grupper_selvvalg_aapnet");
  return ok;
}

export async function lukkSelvvalg(aktor: Aktor | null, m: Medlemskap, samlingId: string, { db }: Db, naa = new Date()): Promise<Svar> {
  krev(aktor, "led:samling", m);
  await hentSamling(aktor, m, samlingId, { db });
  if (!(await hentGruppering(db, m.barnehageId, samlingId))) return feil("_skjema", "gruppe.feil.ingenGrupper");
  await settSelvvalg(db, m.barnehageId, samlingId, false, undefined, naa);
  await merkEndret(db, m.barnehageId, samlingId);
  logg.info("grupper_selvvalg_lukket");
  return ok;
}

/** The leader highlights one group for the plenary (0 or null: none). */
export async function fremhevGruppe(aktor: Aktor | null, m: Medlemskap, samlingId: string, gruppe: number | null, { db }: Db, naa = new Date()): Promise<Svar> {
  krev(aktor, "led:samling", m);
  await hentSamling(aktor, m, samlingId, { db });
  const g = await hentGruppering(db, m.barnehageId, samlingId);
  if (!g) return feil("_skjema", "gruppe.feil.ingenGrupper");
  const ny = gruppe ? gruppe : null;
  if (ny !== null && ny > g.antall) return feil("gruppe", "gruppe.feil.gruppe");
  await settFremhevet(db, m.barnehageId, samlingId, ny, naa);
  await merkEndret(db, m.barnehageId, samlingId);
  logg.info("gruppe_fremhevet");
  return ok;
}

/** A team member picks their own group, when the leader has opened picking. */
export async function velgMinGruppe(aktor: Aktor | null, m: Medlemskap, samlingId: string, gruppe: number, { db }: Db): Promise<Svar> {
  const samling = await hentSamling(aktor, m, samlingId, { db });
  if (!(await erITeam(db, m.barnehageId, samling.teamId, aktor!.id))) throw ikkeFunnet();
  const g = await hentGruppering(db, m.barnehageId, samlingId);
  if (!g?.selvvalg) return feil("gruppe", "gruppe.feil.ikkeAapent");
  if (gruppe < 1 || gruppe > g.antall) return feil("gruppe", "gruppe.feil.gruppe");
  await settMinGruppe(db, m.barnehageId, samlingId, aktor!.id, gruppe);
  await merkEndret(db, m.barnehageId, samlingId);
  logg.info("gruppe_valgt");
  return ok;
}

export type MinGruppe = { gruppering: Gruppering; gruppe: number | null; iTeamet: boolean };

/** My group at this samling (for the participant page), and whether I may pick one. */
export async function minGruppeISamling(aktor: Aktor | null, m: Medlemskap, samlingId: string, { db }: Db): Promise<MinGruppe> {
  const samling = await hentSamling(aktor, m, samlingId, { db });
  const [gruppering, gruppe, iTeamet] = await Promise.all([
    hentGruppering(db, m.barnehageId, samlingId),
    minGruppe(db, m.barnehageId, samlingId, aktor!.id),
    erITeam(db, m.barnehageId, samling.teamId, aktor!.id),
  ]);
  return { gruppering: gruppering ?? INGEN, gruppe, iTeamet };
}

export type GruppeKolonne = { gruppe: number; navn: string; tekst: string; fremhevet: boolean };

/**
 * All groups' notes for one activity, one column per group (the groups of the grouping and any
 * older group that has a note), for the projector and the groups page. No personal names: only
 * «Gruppe 1», «Gruppe 2»… and what the groups wrote. Everyone who may see the samling may read it.
 */
export async function gruppenotaterForAktivitet(aktor: Aktor | null, m: Medlemskap, samlingId: string, aktivitetId: string, dep: Dep, sp: Spraak = "nb"): Promise<GruppeKolonne[]> {
  const samling = await hentSamling(aktor, m, samlingId, dep);
  const modul = dep.innhold.moduler.find((x) => x.id === samling.modulId);
  if (!modul?.tekst.nb.aktiviteter.some((a) => a.id === aktivitetId)) throw ikkeFunnet();
  return kolonnerForAktivitet(dep.db, m.barnehageId, samlingId, aktivitetId, sp);
}

/**
 * The columns themselves, for a samling the caller has ALREADY been let in to (the projector's
 * `storskjermData`, reached by a member or by the screen link): no access check here.
 */
export async function kolonnerForAktivitet(db: Kysely<Database>, barnehageId: string, samlingId: string, aktivitetId: string, sp: Spraak): Promise<GruppeKolonne[]> {
  const [g, notater] = await Promise.all([hentGruppering(db, barnehageId, samlingId), gruppenotater(db, barnehageId, samlingId)]);
  const forAktivitet = notater.filter((n) => n.aktivitetId === aktivitetId && n.gruppe > 0);
  const tekst = new Map(forAktivitet.map((n) => [n.gruppe, n.tekst]));
  const t = oversetter(sp);
  return gruppenumre(g?.antall ?? 0, forAktivitet.map((n) => n.gruppe)).map((gruppe) => ({
    gruppe,
    navn: t("gruppe.navn", { nummer: gruppe }),
    tekst: tekst.get(gruppe) ?? "",
    fremhevet: g?.fremhevet === gruppe,
  }));
}

/** Whether a group number may get a note at this samling: 0 (the whole team) or a group of the grouping. */
export async function erGyldigGruppe(db: Kysely<Database>, barnehageId: string, samlingId: string, gruppe: number): Promise<boolean> {
  if (gruppe === 0) return true;
  const g = await hentGruppering(db, barnehageId, samlingId);
  return g !== undefined && gruppe >= 1 && gruppe <= g.antall;
}

