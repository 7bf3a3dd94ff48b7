/**
 * «Hva er neste» (issue 15, point 3): the start page and the barnehage overview lead with the next
 * thing to do for this person and role. Pure: the use cases in neste.server.ts collect the facts
 * from each feature's own use cases, and this decides the order. The first step is the one the
 * page puts first; the rest follow in the same order.
 */

export type OppsettFakta = {
  barnehageId: string;
  barnehageNavn: string;
  /** Members other than the actor: 0 means the staff has not been invited yet. */
  andreMedlemmer: number;
  team: number;
  /** Samlinger planned or held in any team. */
  samlinger: number;
  /** Ståsted rounds ever opened. */
  stastedRunder: number;
  /** What the actor may do (from tilgang.ts), so a step is only offered to someone who can take it. */
  kan: { invitere: boolean; lageTeam: boolean; planlegge: boolean; aapneStasted: boolean };
  /** The first team (for the plan link), if any. */
  forsteTeamId: string | null;
};

export type NesteFakta = {
  /** Now (ISO), to tell a samling soon from one far ahead. */
  naa: string;
  /** How many barnehager the person is a member of. */
  barnehager: number;
  /** The next samling in each of my teams (on now or still to come). */
  samlinger: { id: string; barnehageId: string; teamId: string; teamNavn: string; starter: string; pagaar: boolean; modulSlug: string | null }[];
  /** Open ståsted rounds waiting for my answer. */
  stasted: { id: string; barnehageId: string; barnehageNavn: string; fase: "for" | "underveis" | "etter"; lukker: string }[];
  /** Practice tasks I have not logged, deadline not passed. */
  utprovinger: { id: string; samlingId: string; barnehageId: string; teamNavn: string; hva: string; frist: string }[];
  /** Held samlinger I missed and have not caught up on. */
  taIgjen: { samlingId: string; barnehageId: string; teamNavn: string; modulId: string }[];
  /** Set-up state of each barnehage the person leads (empty for an ansatt). */
  oppsett: OppsettFakta[];
};

export type OppsettSteg = "inviter" | "team" | "planlegg" | "stasted";

export type NesteSteg =
  | { type: "samling-naa"; samlingId: string; barnehageId: string; teamNavn: string }
  | { type: "oppsett"; steg: OppsettSteg; barnehageId: string; barnehageNavn: string; teamId: string | null }
  | { type: "stasted"; rundeId: string; barnehageId: string; barnehageNavn: string; fase: "for" | "underveis" | "etter"; lukker: string }
  | { type: "ta-igjen"; samlingId: string; barnehageId: string; teamNavn: string; modulId: string }
  | { type: "utproving"; utprovingId: string; samlingId: string; barnehageId: string; teamNavn: string; hva: string; frist: string }
  | { type: "samling"; samlingId: string; barnehageId: string; teamId: string; teamNavn: string; starter: string; modulSlug: string | null }
  | { type: "bli-med" };

/** The first set-up step not yet taken that this person may take, in the order a styrer sets up. */
export function nesteOppsettsteg(o: OppsettFakta): OppsettSteg | null {
  if (o.andreMedlemmer === 0 && o.kan.invitere) return "inviter";
  if (o.team === 0 && o.kan.lageTeam) return "team";
  if (o.team > 0 && o.samlinger === 0 && o.kan.planlegge) return "planlegg";
  if (o.stastedRunder === 0 && o.samlinger > 0 && o.kan.aapneStasted) return "stasted";
  return null;
}

/** A samling this close is the next thing to prepare for, ahead of rounds and tasks. */
export const SNART_DAGER = 14;

/**
 * Everything to do, the most pressing first: a samling on now; the next set-up step; a samling
 * within SNART_DAGER days (with what to read and watch before); a ståsted round closing soonest; a
 * missed samling to catch up on; practice tasks by deadline; then samlinger further ahead. Someone
 * in no barnehage gets «bli med» (never «opprett en barnehage» as the main choice).
 */
export function nesteSteg(f: NesteFakta): NesteSteg[] {
  const steg: NesteSteg[] = [];
  const grense = new Date(new Date(f.naa).getTime() + SNART_DAGER * 24 * 3600_000).toISOString();
  const kommende = f.samlinger.filter((s) => !s.pagaar).sort((a, b) => a.starter.localeCompare(b.starter));
  const samlingSteg = (s: NesteFakta["samlinger"][number]): NesteSteg => ({ type: "samling", samlingId: s.id, barnehageId: s.barnehageId, teamId: s.teamId, teamNavn: s.teamNavn, starter: s.starter, modulSlug: s.modulSlug });
  for (const s of f.samlinger.filter((s) => s.pagaar)) steg.push({ type: "samling-naa", samlingId: s.id, barnehageId: s.barnehageId, teamNavn: s.teamNavn });
  for (const o of f.oppsett) {
    const neste = nesteOppsettsteg(o);
    if (neste) steg.push({ type: "oppsett", steg: neste, barnehageId: o.barnehageId, barnehageNavn: o.barnehageNavn, teamId: o.forsteTeamId });
  }
  for (const s of kommende.filter((s) => new Date(s.starter).toISOString() < grense)) steg.push(samlingSteg(s));
  for (const r of [...f.stasted].sort((a, b) => a.lukker.localeCompare(b.lukker))) {
    steg.push({ type: "stasted", rundeId: r.id, barnehageId: r.barnehageId, barnehageNavn: r.barnehageNavn, fase: r.fase, lukker: r.lukker });
  }
  for (const t of f.taIgjen) steg.push({ type: "ta-igjen", ...t });
  for (const u of [...f.utprovinger].sort((a, b) => a.frist.localeCompare(b.frist))) {
    steg.push({ type: "utproving", utprovingId: u.id, samlingId: u.samlingId, barnehageId: u.barnehageId, teamNavn: u.teamNavn, hva: u.hva, frist: u.frist });
  }
  for (const s of kommende.filter((s) => new Date(s.starter).toISOString() >= grense)) steg.push(samlingSteg(s));
  if (f.barnehager === 0) steg.push({ type: "bli-med" });
  return steg;
}
