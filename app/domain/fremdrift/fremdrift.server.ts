import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import type { Aktor } from "#app/kontekst.ts";
import type { Innhold } from "#app/domain/innhold/innhold.server.ts";
import { krev, type Medlemskap } from "#app/auth/tilgang.ts";
import { MIN_SVAR, synligTotal, vises } from "#app/domain/personvern/minN.ts";
import { hentFakta, mineTeam, teamIBarnehage, type Fakta, type TeamInfo } from "./fremdrift.repo.server.ts";

/**
 * Progress (issue 5, ADR 0017), counted, never read: steps done per person, and per team the
 * samlinger held and the share of members who reflected and logged practice. Whether someone
 * reflected comes from private reflections, so a team's share of it is shown only when the team
 * has at least MIN_FOR_ANDEL members; the leader never sees who did (or did not) reflect.
 */
export const MIN_FOR_ANDEL = MIN_SVAR;
type Db = { db: Kysely<Database> };

/** The modules a team works through: its plan, or else the modules of its samlinger. */
function teamModuler(f: Fakta, teamId: string): string[] {
  const plan = f.plan.get(teamId);
  if (plan?.length) return plan;
  return [...new Set(f.samlinger.filter((s) => s.teamId === teamId).map((s) => s.modulId))];
}

export type Steg = { samling: boolean; refleksjon: boolean; utproving: boolean };
/** taIgjen: a held samling about the module that I missed and have not caught up on yet. */
export type ModulFremdrift = { modulId: string; steg: Steg; taIgjen: string | null };
export type PersonFremdrift = TeamInfo & { moduler: ModulFremdrift[]; gjort: number; mulig: number };

function personSteg(f: Fakta, teamId: string, modulId: string, brukerId: string): Steg {
  const holdte = f.samlinger.filter((s) => s.teamId === teamId && s.modulId === modulId && s.status === "holdt");
  return {
    samling: holdte.some((s) => f.tilstede.has(`${s.id}:${brukerId}`)),
    refleksjon: f.reflektertModul.has(`${modulId}:${brukerId}`),
    utproving: f.loggetModul.has(`${teamId}:${modulId}:${brukerId}`),
  };
}

const antallGjort = (s: Steg) => Number(s.samling) + Number(s.refleksjon) + Number(s.utproving);

/** The actor's own steps per module in each of their teams' plans (for their start page). */
export async function minFremdrift(aktor: Aktor | null, { db }: Db): Promise<PersonFremdrift[]> {
  krev(aktor, "se:min-side");
  const team = await mineTeam(db, aktor!.id);
  const perBarnehage = new Map<string, TeamInfo[]>();
  for (const t of team) perBarnehage.set(t.barnehageId, [...(perBarnehage.get(t.barnehageId) ?? []), t]);
  const svar: PersonFremdrift[] = [];
  for (const [barnehageId, liste] of perBarnehage) {
    const f = await hentFakta(db, barnehageId, liste.map((t) => t.teamId), aktor!.id);
    for (const t of liste) {
      const moduler = teamModuler(f, t.teamId).map((modulId) => ({
        modulId,
        steg: personSteg(f, t.teamId, modulId, aktor!.id),
        taIgjen: f.samlinger.find((s) => s.teamId === t.teamId && s.modulId === modulId && s.status === "holdt" && !f.tilstede.has(`${s.id}:${aktor!.id}`))?.id ?? null,
      }));
      svar.push({ ...t, moduler, gjort: moduler.reduce((s, m) => s + antallGjort(m.steg), 0), mulig: moduler.length * 3 });
    }
  }
  return svar;
}

export type Andel = { antall: number; av: number } | null;
export type TeamFremdrift = {
  teamId: string;
  navn: string;
  medlemmer: number;
  samlingerHoldt: number;
  samlingerPlanlagt: number;
  /** null: fewer than MIN_FOR_ANDEL members, so the share is not shown. */
  reflektert: Andel;
  logget: { antall: number; av: number };
  ikkeTattIgjen: { samlingId: string; modulId: string; starter: string; navn: string[] }[];
};

function teamTall(f: Fakta, t: TeamInfo): TeamFremdrift {
  const medlemmer = f.medlemmer.get(t.teamId) ?? [];
  const moduler = teamModuler(f, t.teamId);
  const samlinger = f.samlinger.filter((s) => s.teamId === t.teamId);
  const holdte = samlinger.filter((s) => s.status === "holdt");
  const reflekterte = medlemmer.filter((m) => moduler.some((modulId) => f.reflektertModul.has(`${modulId}:${m.brukerId}`))).length;
  const loggede = medlemmer.filter((m) => moduler.some((modulId) => f.loggetModul.has(`${t.teamId}:${modulId}:${m.brukerId}`))).length;
  return {
    teamId: t.teamId,
    navn: t.teamNavn,
    medlemmer: medlemmer.length,
    samlingerHoldt: holdte.length,
    samlingerPlanlagt: samlinger.length,
    reflektert: vises(medlemmer.length) ? { antall: reflekterte, av: medlemmer.length } : null,
    logget: { antall: loggede, av: medlemmer.length },
    ikkeTattIgjen: holdte
      .map((s) => ({
        samlingId: s.id,
        modulId: s.modulId,
        starter: new Date(s.starter instanceof Date ? s.starter : String(s.starter)).toISOString(),
        navn: medlemmer.filter((m) => !f.tilstede.has(`${s.id}:${m.brukerId}`)).map((m) => m.navn),
      }))
      .filter((s) => s.navn.length > 0),
  };
}

/** The leader dashboard: every team of the barnehage in numbers and names, never content. */
export async function teamenesFremdrift(aktor: Aktor | null, medlemskap: Medlemskap, { db }: Db): Promise<TeamFremdrift[]> {
  krev(aktor, "se:fremdrift", medlemskap);
  const team = await teamIBarnehage(db, medlemskap.barnehageId);
  const f = await hentFakta(db, medlemskap.barnehageId, team.map((t) => t.teamId));
  return team.map((t) => teamTall(f, t));
}

export type BarnehageFremdrift = { team: number; medlemmer: number; samlingerHoldt: number; samlingerPlanlagt: number; reflektert: Andel; logget: Andel };

/**
 * Aggregates for one barnehage, for the owner's overview (issue 4/5): no names, and the shares
 * only when at least MIN_FOR_ANDEL people are counted; the share who reflected only from teams
 * whose share the leader sees (ADR 0023). The caller checks the owner's access.
 */
export async function barnehageFremdrift(db: Kysely<Database>, barnehageId: string): Promise<BarnehageFremdrift> {
  const team = await teamIBarnehage(db, barnehageId);
  const f = await hentFakta(db, barnehageId, team.map((t) => t.teamId));
  const tall = team.map((t) => teamTall(f, t));
  // A person in two teams counts once: done if done in any of them.
  const personer = new Map<string, { logget: boolean }>();
  for (const t of team) {
    const moduler = teamModuler(f, t.teamId);
    for (const m of f.medlemmer.get(t.teamId) ?? []) {
      const p = personer.get(m.brukerId) ?? { logget: false };
      p.logget ||= moduler.some((modulId) => f.loggetModul.has(`${t.teamId}:${modulId}:${m.brukerId}`));
      personer.set(m.brukerId, p);
    }
  }
  const n = personer.size;
  const nok = vises(n);
  return {
    team: team.length,
    medlemmer: n,
    samlingerHoldt: tall.reduce((s, t) => s + t.samlingerHoldt, 0),
    samlingerPlanlagt: tall.reduce((s, t) => s + t.samlingerPlanlagt, 0),
    reflektert: reflektertTotal(tall),
    logget: nok ? { antall: [...personer.values()].filter((p) => p.logget).length, av: n } : null,
  };
}

/**
 * The barnehage's share who reflected, for the owner: the sum of the teams' shares the leader sees,
 * never of a team below the minimum (complementary suppression, ADR 0023). Counting people across
 * all teams instead would let «owner's figure minus the leader's figures» reveal a small team, and
 * people in two teams would let the overlap be worked out. A person in two shown teams counts in
 * each, as on the leader's dashboard.
 */
export function reflektertTotal(team: readonly Pick<TeamFremdrift, "medlemmer" | "reflektert">[]): Andel {
  const total = synligTotal(
    team.map((t) => ({ antall: t.medlemmer, vist: t.reflektert !== null, verdi: t.reflektert ?? { antall: 0, av: 0 } })),
    (a, b) => ({ antall: a.antall + b.antall, av: a.av + b.av }),
  );
  return total.vist ? total.verdi : null;
}

/** Module titles for the progress views, in the reader's målform. */
export function modulTitler(innhold: Innhold, maalform: "nb" | "nn"): Record<string, { tittel: string; slug: string; nummer: number }> {
  return Object.fromEntries(innhold.moduler.map((m) => [m.id, { tittel: m.tekst[maalform].meta.tittel, slug: m.slug, nummer: m.nummer }]));
}
