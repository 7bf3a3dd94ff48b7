import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import type { Aktor } from "#app/kontekst.ts";
import type { Nokkel } from "#app/i18n/i18n.ts";
import { oversetter } from "#app/i18n/i18n.ts";
import { ikkeFunnet, kan, krev, type Medlemskap } from "#app/auth/tilgang.ts";
import { renTekst } from "#app/db/dialekt.ts";
import { logg } from "#app/logg.server.ts";
import type { Innhold, Modul } from "#app/domain/innhold/innhold.server.ts";
import type { Spraak, StegType } from "#app/domain/innhold/innhold.schema.ts";
import { finnTeam, hentTeamMedMedlemmer, type TeamRad } from "#app/domain/team/team.repo.server.ts";
import { fraOslo, tilOslo } from "./tid.ts";
import { modulForTeam, type GjeldendeUtgave } from "#app/domain/innhold/utgave.ts";
import {
  endreSamlingTid,
  erITeam,
  finnSamling,
  finnUtproving,
  forrigeSamling,
  hentLedernotat,
  hentOppmote,
  hentPlan,
  lagreLedernotat,
  lagreLogg,
  lagreSamling,
  lagreUtproving,
  listSamlinger,
  listUtprovinger,
  mineSamlinger,
  mineUloggedeUtprovinger,
  settOppmote,
  settPlan,
  settSamlingTilstand,
  slettSamling,
  type MinSamling,
  type MinUtproving,
  type SamlingRad,
  type SamlingTilstand,
  type UtprovingRad,
} from "./samling.repo.server.ts";

type Db = { db: Kysely<Database> };
type DbInnhold = Db & { innhold: Pick<Innhold, "moduler"> };
export type Svar<T = undefined> = { ok: true; verdi: T } | { ok: false; felt: string; feil: Nokkel };
const feil = (felt: string, n: Nokkel): Svar<never> => ({ ok: false, felt, feil: n });

/**
 * Who may see a team's plan and samlinger: its members, and leder and styrer of the barnehage
 * (they plan for every team). Everyone else, and a team of another barnehage, gets «not found».
 */
async function krevTeamInnsyn(aktor: Aktor | null, m: Medlemskap, teamId: string, db: Kysely<Database>): Promise<TeamRad> {
  krev(aktor, "se:samlinger", m);
  const team = await finnTeam(db, m.barnehageId, teamId);
  if (!team) throw ikkeFunnet();
  if (!kan(aktor, "planlegg:samlinger", m) && !(await erITeam(db, m.barnehageId, teamId, aktor!.id))) throw ikkeFunnet();
  return team;
}

/** A samling the actor may see (see krevTeamInnsyn), or «not found». */
export async function hentSamling(aktor: Aktor | null, m: Medlemskap, samlingId: string, { db }: Db): Promise<SamlingRad & { teamNavn: string }> {
  krev(aktor, "se:samlinger", m);
  const samling = await finnSamling(db, m.barnehageId, samlingId);
  if (!samling) throw ikkeFunnet();
  const team = await krevTeamInnsyn(aktor, m, samling.teamId, db);
  return { ...samling, teamNavn: team.navn };
}

function modulMedId(innhold: Pick<Innhold, "moduler">, modulId: string): Modul | undefined {
  return innhold.moduler.find((x) => x.id === modulId);
}

// --- The plan ----------------------------------------------------------------------------------

export async function hentTeamplan(aktor: Aktor | null, m: Medlemskap, teamId: string, { db }: Db) {
  const team = await krevTeamInnsyn(aktor, m, teamId, db);
  return { team, plan: await hentPlan(db, m.barnehageId, teamId), samlinger: await listSamlinger(db, m.barnehageId, teamId) };
}

/**
 * Leder or styrer chooses which modules the team works through. Modules kept keep their place;
 * new ones are added after them in the package's order; unknown ids are ignored.
 */
export async function velgModuler(aktor: Aktor | null, m: Medlemskap, teamId: string, valgt: string[], { db, innhold }: DbInnhold) {
  krev(aktor, "planlegg:samlinger", m);
  if (!(await finnTeam(db, m.barnehageId, teamId))) throw ikkeFunnet();
  const gyldige = new Set(valgt.filter((id) => modulMedId(innhold, id)));
  const gammel = (await hentPlan(db, m.barnehageId, teamId)).filter((id) => gyldige.has(id));
  const nye = innhold.moduler.filter((x) => gyldige.has(x.id) && !gammel.includes(x.id)).map((x) => x.id);
  await settPlan(db, m.barnehageId, teamId, [...gammel, ...nye]);
  logg.info("teamplan_endret");
}

/** Moves a module one place up or down in the team's plan. */
export async function flyttModul(aktor: Aktor | null, m: Medlemskap, teamId: string, modulId: string, retning: "opp" | "ned", { db }: Db) {
  krev(aktor, "planlegg:samlinger", m);
  if (!(await finnTeam(db, m.barnehageId, teamId))) throw ikkeFunnet();
  const plan = await hentPlan(db, m.barnehageId, teamId);
  const i = plan.indexOf(modulId);
  if (i < 0) throw ikkeFunnet();
  const j = retning === "opp" ? i - 1 : i + 1;
  if (j < 0 || j >= plan.length) return;
  [plan[i], plan[j]] = [plan[j]!, plan[i]!];
  await settPlan(db, m.barnehageId, teamId, plan);
}

export type SamlingFelter = { dato: string; klokke: string; modulId: string; varighet?: number | undefined };

/** Checks the fields and turns Oslo date and time into an instant; the duration defaults to the leader guide's. */
function lesFelter(f: SamlingFelter, innhold: Pick<Innhold, "moduler">): Svar<{ starter: Date; modulId: string; varighetMinutter: number }> {
  const modul = modulMedId(innhold, f.modulId);
  if (!modul) return feil("modulId", "samling.feil.modul");
  const starter = fraOslo(f.dato, f.klokke);
  if (!starter) return feil("klokke", "samling.feil.klokkeFinnesIkke");
  return { ok: true, verdi: { starter, modulId: modul.id, varighetMinutter: f.varighet ?? modul.leder.nb.meta.varighet } };
}

export async function planleggSamling(aktor: Aktor | null, m: Medlemskap, teamId: string, f: SamlingFelter, { db, innhold }: DbInnhold, naa = new Date()): Promise<Svar<string>> {
  krev(aktor, "planlegg:samlinger", m);
  if (!(await finnTeam(db, m.barnehageId, teamId))) throw ikkeFunnet();
  const lest = lesFelter(f, innhold);
  if (!lest.ok) return lest;
  const id = randomUUID();
  await lagreSamling(db, { id, barnehageId: m.barnehageId, teamId, ...lest.verdi, opprettetAv: aktor!.id, opprettet: naa });
  logg.info("samling_planlagt");
  return { ok: true, verdi: id };
}

/** Changes a samling that has not started; one that has started or is held cannot be moved. */
export async function endreSamling(aktor: Aktor | null, m: Medlemskap, samlingId: string, f: SamlingFelter, { db, innhold }: DbInnhold): Promise<Svar> {
  krev(aktor, "planlegg:samlinger", m);
  const samling = await finnSamling(db, m.barnehageId, samlingId);
  if (!samling) throw ikkeFunnet();
  const lest = lesFelter(f, innhold);
  if (!lest.ok) return lest;
  if (!(await endreSamlingTid(db, m.barnehageId, samlingId, lest.verdi))) return feil("_skjema", "samling.feil.startet");
  logg.info("samling_endret");
  return { ok: true, verdi: undefined };
}

/** Cancels (deletes) a samling that has not started. */
export async function avlysSamling(aktor: Aktor | null, m: Medlemskap, samlingId: string, { db }: Db): Promise<Svar> {
  krev(aktor, "planlegg:samlinger", m);
  const samling = await finnSamling(db, m.barnehageId, samlingId);
  if (!samling) throw ikkeFunnet();
  if (!(await slettSamling(db, m.barnehageId, samlingId))) return feil("_skjema", "samling.feil.startet");
  logg.info("samling_avlyst");
  return { ok: true, verdi: undefined };
}

// --- Steps and samling mode ---------------------------------------------------------------------

export type Steg = { id: string; type: StegType; minutter: number; tittel: string; beskrivelse: string; aktivitet?: string; film?: string };

/**
 * The samling's steps: the module's samling plan from the leader guide. When the previous
 * samling agreed practice tasks and the plan has no report-back step, one is put first, so the
 * next samling always opens by hearing how the practice went.
 */
export function stegForSamling(modul: Modul, sp: Spraak, medTilbakemelding: boolean): Steg[] {
  const plan: Steg[] = modul.leder[sp].meta.samlingsplan.map((s) => ({ ...s }));
  if (!medTilbakemelding || plan.some((s) => s.type === "tilbakemelding")) return plan;
  const t = oversetter(sp);
  return [{ id: "tilbakemelding", type: "tilbakemelding", minutter: 10, tittel: t("samling.tilbakemeldingTittel"), beskrivelse: t("samling.tilbakemeldingBeskrivelse") }, ...plan];
}

export type SamlingVisning = {
  samling: SamlingRad & { teamNavn: string };
  modul: Modul;
  steg: Steg[];
  /** The step on the projector now (null before start and after the end). */
  naavaerende: number | null;
  /** When the current step's time runs out (ISO) if it runs on: its minutes plus the time added. */
  stegSlutt: string | null;
  /** Practice tasks from the previous samling, with logs: the report-back. */
  tilbakemelding: UtprovingRad[];
  /** The module edition shown, and whether a newer one is published (ADR 0034). */
  utgave: GjeldendeUtgave;
};

/** Everything samling mode, the projector and the samling page need, in one read. */
export async function samlingMedSteg(aktor: Aktor | null, m: Medlemskap, samlingId: string, { db, innhold }: DbInnhold, sp: Spraak): Promise<SamlingVisning> {
  const samling = await hentSamling(aktor, m, samlingId, { db });
  return visningFor(samling, { db, innhold }, sp);
}

/**
 * The same read for a samling the caller has already been let in to (the member check above, or
 * the projector's screen link, ADR 0026).
 */
export async function visningFor(samling: SamlingRad & { teamNavn: string }, { db, innhold }: DbInnhold, sp: Spraak): Promise<SamlingVisning> {
  const synlig = modulMedId(innhold, samling.modulId);
  if (!synlig) throw ikkeFunnet();
  // A samling in progress keeps the edition it started on (ADR 0034), unless a legal correction came.
  const { modul, gjeldende: utgave } = modulForTeam(synlig, samling.status === "pagaar" ? samling.modulUtgave : null);
  const forrige = await forrigeSamling(db, samling.barnehageId, samling.teamId, samling);
  const tilbakemelding = forrige ? await listUtprovinger(db, samling.barnehageId, forrige.id) : [];
  const steg = stegForSamling(modul, sp, tilbakemelding.length > 0);
  const naavaerende = samling.status === "pagaar" ? Math.min(samling.steg, steg.length - 1) : null;
  const stegSlutt =
    naavaerende !== null && samling.stegStartet
      ? new Date(new Date(samling.stegStartet).getTime() + steg[naavaerende]!.minutter * 60_000 + samling.tilleggSekunder * 1000).toISOString()
      : null;
  return { samling, modul, steg, naavaerende, stegSlutt, tilbakemelding, utgave };
}

export type Styring =
  | "start"
  | "neste"
  | "forrige"
  | "avslutt"
  | "angre-avslutt"
  | "pause"
  | "fortsett"
  | "pluss1"
  | "pluss5"
  | "film-spill"
  | "film-pause"
  | "film-start"
  | "vis-kode"
  | "skjul-kode";

/** How long «Avslutt» can be undone (issue 12, point 4). */
export const ANGREFRIST_MS = 15 * 60_000;

/** A new step starts with its own time: no pause, nothing added, the film at the start. */
const nyttSteg = (naa: Date) => ({ stegStartet: naa, pauset: null, tilleggSekunder: 0, filmSpiller: false, filmPosisjonMs: 0, filmEndret: naa });

/** Where the film on the projector is now, in ms (it runs on from `filmEndret` while playing). */
export function filmPosisjon(s: Pick<SamlingRad, "filmSpiller" | "filmPosisjonMs" | "filmEndret">, naa: Date): number {
  if (!s.filmSpiller || !s.filmEndret) return s.filmPosisjonMs;
  return s.filmPosisjonMs + Math.max(0, naa.getTime() - new Date(s.filmEndret).getTime());
}

/**
 * The leader moves samling mode: Start, Neste, Forrige, Avslutt (confirmed; undone within 15
 * minutes), the countdown (pause, resume, +1 and +5 minutes), the film on the projector and the
 * join code on the screen. The state lives in the database only (every app process shows the
 * same), and `versjon` is the version the leader's page was showing: if anyone moved in between,
 * nothing happens and the leader is told. Starting on another day than planned, and ending, must
 * be confirmed (`bekreftet`); without it the answer asks (field `bekreft`).
 */
export async function styrSamling(
  aktor: Aktor | null,
  m: Medlemskap,
  samlingId: string,
  handling: Styring,
  versjon: number,
  dep: DbInnhold,
  naa = new Date(),
  bekreftet = false,
): Promise<Svar> {
  krev(aktor, "led:samling", m);
  const v = await samlingMedSteg(aktor, m, samlingId, dep, "nb");
  const s = v.samling;
  if (s.versjon !== versjon) return feil("_skjema", "samling.feil.endret");
  const siste = v.steg.length - 1;
  const paagaar = s.status === "pagaar";
  const film = paagaar && v.steg[v.naavaerende ?? 0]?.type === "film";
  let ny: SamlingTilstand;
  if (handling === "start" && s.status === "planlagt") {
    if (!bekreftet && tilOslo(new Date(s.starter)).dato !== tilOslo(naa).dato) return feil("bekreft", "samling.bekreftAnnenDag");
    ny = { status: "pagaar", steg: 0, holdt: null, modulUtgave: v.modul.utgave ?? null, ...nyttSteg(naa) };
  } else if (handling === "neste" && paagaar && s.steg < siste) ny = { status: "pagaar", steg: s.steg + 1, holdt: null, ...nyttSteg(naa) };
  else if (handling === "forrige" && paagaar && s.steg > 0) ny = { status: "pagaar", steg: s.steg - 1, holdt: null, ...nyttSteg(naa) };
  else if (handling === "avslutt" && paagaar) {
    if (!bekreftet) return feil("bekreft", "samling.bekreftAvslutt");
    ny = { status: "holdt", holdt: naa, filmSpiller: false };
  } else if (handling === "angre-avslutt" && s.status === "holdt" && s.holdt && naa.getTime() - new Date(s.holdt).getTime() <= ANGREFRIST_MS) {
    // Back to the step it ended on, with that step's time from now on.
    ny = { status: "pagaar", holdt: null, ...nyttSteg(naa) };
  } else if (handling === "pause" && paagaar && !s.pauset) ny = { pauset: naa };
  else if (handling === "fortsett" && paagaar && s.pauset) {
    // The paused time is added, so the step keeps the time it had left when it was paused.
    ny = { pauset: null, tilleggSekunder: s.tilleggSekunder + Math.round((naa.getTime() - new Date(s.pauset).getTime()) / 1000) };
  } else if ((handling === "pluss1" || handling === "pluss5") && paagaar) ny = { tilleggSekunder: s.tilleggSekunder + (handling === "pluss1" ? 60 : 300) };
  else if (handling === "film-spill" && film && !s.filmSpiller) ny = { filmSpiller: true, filmEndret: naa };
  else if (handling === "film-pause" && film && s.filmSpiller) ny = { filmSpiller: false, filmPosisjonMs: filmPosisjon(s, naa), filmEndret: naa };
  else if (handling === "film-start" && film) ny = { filmSpiller: false, filmPosisjonMs: 0, filmEndret: naa };
  else if (handling === "vis-kode" && !s.visKode) ny = { visKode: true };
  else if (handling === "skjul-kode" && s.visKode) ny = { visKode: false };
  else return feil("_skjema", "samling.feil.ikkeMulig");
  if (!(await settSamlingTilstand(dep.db, m.barnehageId, samlingId, versjon, ny))) return feil("_skjema", "samling.feil.endret");
  logg.info("samling_styrt", { handling });
  return { ok: true, verdi: undefined };
}

// --- Attendance and the leader's own notes ------------------------------------------------------

/** The team's members with a mark for who was there. */
export async function oppmoteliste(aktor: Aktor | null, m: Medlemskap, samlingId: string, { db }: Db) {
  krev(aktor, "led:samling", m);
  const samling = await hentSamling(aktor, m, samlingId, { db });
  const team = await hentTeamMedMedlemmer(db, m.barnehageId, samling.teamId);
  const tilstede = new Set(await hentOppmote(db, m.barnehageId, samlingId));
  return (team?.medlemmer ?? []).map((x) => ({ ...x, tilstede: tilstede.has(x.brukerId) }));
}

/** The leader marks who was there; only the team's members can be marked. */
export async function registrerOppmote(aktor: Aktor | null, m: Medlemskap, samlingId: string, brukere: string[], { db }: Db) {
  krev(aktor, "led:samling", m);
  const samling = await hentSamling(aktor, m, samlingId, { db });
  const medlemmer = new Set((await hentTeamMedMedlemmer(db, m.barnehageId, samling.teamId))?.medlemmer.map((x) => x.brukerId));
  await settOppmote(db, m.barnehageId, samlingId, [...new Set(brukere)].filter((b) => medlemmer.has(b)));
  logg.info("oppmote_registrert");
}

/** The leader's own notes for the samling: only ever read by their author. */
export async function mittLedernotat(aktor: Aktor | null, m: Medlemskap, samlingId: string, { db }: Db): Promise<string> {
  krev(aktor, "led:samling", m);
  await hentSamling(aktor, m, samlingId, { db });
  return hentLedernotat(db, m.barnehageId, samlingId, aktor!.id);
}

export async function lagreMittLedernotat(aktor: Aktor | null, m: Medlemskap, samlingId: string, tekst: string, { db }: Db, naa = new Date()) {
  krev(aktor, "led:samling", m);
  await hentSamling(aktor, m, samlingId, { db });
  await lagreLedernotat(db, m.barnehageId, samlingId, aktor!.id, renTekst(tekst), naa);
}

// --- Practice tasks -----------------------------------------------------------------------------

export async function avtalUtproving(aktor: Aktor | null, m: Medlemskap, samlingId: string, f: { hva: string; hvem: string; frist: string }, { db }: Db, naa = new Date()): Promise<string> {
  krev(aktor, "led:samling", m);
  const samling = await hentSamling(aktor, m, samlingId, { db });
  const id = randomUUID();
  await lagreUtproving(db, { id, barnehageId: m.barnehageId, teamId: samling.teamId, samlingId, hva: renTekst(f.hva), hvem: renTekst(f.hvem), frist: f.frist, opprettetAv: aktor!.id, opprettet: naa });
  logg.info("utproving_avtalt");
  return id;
}

export async function utprovingerISamling(aktor: Aktor | null, m: Medlemskap, samlingId: string, { db }: Db): Promise<UtprovingRad[]> {
  await hentSamling(aktor, m, samlingId, { db });
  return listUtprovinger(db, m.barnehageId, samlingId);
}

/** A member of the team logs how the practice went: one log per person, which they can change. */
export async function loggUtproving(aktor: Aktor | null, m: Medlemskap, utprovingId: string, tekst: string, { db }: Db, naa = new Date()): Promise<string> {
  krev(aktor, "se:samlinger", m);
  const oppgave = await finnUtproving(db, m.barnehageId, utprovingId);
  if (!oppgave) throw ikkeFunnet();
  if (!(await erITeam(db, m.barnehageId, oppgave.teamId, aktor!.id))) throw ikkeFunnet();
  await lagreLogg(db, m.barnehageId, utprovingId, aktor!.id, renTekst(tekst), naa);
  logg.info("utproving_logget");
  return oppgave.samlingId;
}

/**
 * «Neste samling» on the start page: for each team I am in, the first samling that is on now or
 * still to come (a samling not yet ended by its leader counts as on until its time is up).
 */
export async function mineNesteSamlinger(aktor: Aktor | null, { db }: Db, naa = new Date()): Promise<MinSamling[]> {
  krev(aktor, "se:min-side");
  const kandidater = await mineSamlinger(db, aktor!.id, new Date(naa.getTime() - 24 * 3600_000));
  const perTeam = new Map<string, MinSamling>();
  for (const s of kandidater) {
    const slutt = new Date(s.starter).getTime() + s.varighetMinutter * 60_000;
    const aktuell = s.status === "pagaar" || (s.status === "planlagt" && slutt > naa.getTime());
    if (aktuell && !perTeam.has(s.teamId)) perTeam.set(s.teamId, s);
  }
  return [...perTeam.values()];
}

/**
 * «En praksisoppgave med frist» on the start page (issue 15): the practice tasks in my teams that I
 * have not written a log for yet and whose deadline has not passed, soonest first.
 */
export async function mineApneUtprovinger(aktor: Aktor | null, { db }: Db, naa = new Date()): Promise<MinUtproving[]> {
  krev(aktor, "se:min-side");
  return mineUloggedeUtprovinger(db, aktor!.id, tilOslo(naa).dato);
}
