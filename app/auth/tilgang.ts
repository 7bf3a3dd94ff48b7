import type { Aktor } from "#app/kontekst.ts";
import type { Rolle } from "./roller.ts";

/**
 * The policy file: every access rule, by name, in one place. Routes and use cases ask
 * `kan(aktor, handling, medlemskap)`; `krev` throws a 404 (not 403) so nobody learns that a thing
 * exists. The membership is read from the database on every request (barnehage middleware), so a
 * removed member or a changed role counts from the next request.
 */
export type Handling =
  | "les:offentlig-innhold"
  | "se:min-side"
  | "opprett:barnehage"
  | "se:barnehage"
  | "les:lederstotte"
  | "endre:medlemmer"
  | "inviter"
  | "les:revisjonslogg"
  | "se:team"
  | "endre:team"
  | "endre:teammedlemmer"
  // Two-factor sign-in (ADR 0013)
  | "endre:egen-tofaktor"
  // Owners and barnehage settings (ADR 0014): an eier sees its barnehager in aggregate only and
  // never a barnehage's own pages; the styrer changes the settings and links the barnehage to an owner.
  | "opprett:eier"
  | "se:eier"
  | "endre:eier"
  | "endre:barnehage"
  // Own data (issue 4, point 9; ADR 0015): only about oneself, so any signed-in person.
  | "last-ned:mine-data"
  | "slett:egen-konto"
  // Profile (issue 15, point 7): one's own name, nobody else's.
  | "endre:eget-navn"
  // Samlinger (issue 5, ADR 0016)
  | "se:samlinger"
  | "planlegg:samlinger"
  | "led:samling"
  // Notes, reflections, catch-up and progress (issue 5, ADR 0017)
  | "skriv:refleksjon"
  | "arbeid:i-team"
  | "se:alle-teams-arbeid"
  | "se:fremdrift"
  // Ståsted (issue 6, ADR 0008)
  | "se:stasted"
  | "opprett:stasted"
  // Module feedback (ADR 0019)
  | "svar:tilbakemelding"
  | "se:tilbakemelding"
  | "les:tilbakemelding-fritekst"
  // Editions (issue 18, ADR 0034)
  | "se:redaksjon"
  | "bytt:utgave"
  // Plan practice, the routine for internkontroll and print packs (issue 14, ADR 0036)
  | "ov:plan"
  | "se:rutine"
  | "endre:rutine"
  | "skriv-ut:lederpakke"
  // Observation and the action repertoire (issue 14, ADR 0035)
  | "planlegg:observasjon"
  | "se:repertoar"
  | "foreslaa:repertoar"
  | "vedta:repertoar";

/** The actor's membership in the barnehage the request is about (null: not a member). */
export type Medlemskap = { barnehageId: string; barnehageNavn: string; medlemId: string; rolle: Rolle };

/** The actor's membership in the owner (eier) the request is about (eier middleware). */
export type EierMedlemskap = { eierId: string; eierNavn: string };

/** What a rule is asked about: a barnehage membership, an owner membership, or nothing. */
export type Omfang = Medlemskap | EierMedlemskap | null;

const somBarnehage = (m: Omfang): Medlemskap | null => (m !== null && "barnehageId" in m ? m : null);
const somEier = (m: Omfang): EierMedlemskap | null => (m !== null && "eierId" in m ? m : null);

type Regel = (aktor: Aktor | null, medlemskap: Omfang) => boolean;
// A membership of an owner is never a membership of its barnehager.
const erMedlem: Regel = (a, m) => a !== null && somBarnehage(m) !== null;
const harRolle =
  (...roller: Rolle[]): Regel =>
  (a, m) =>
    erMedlem(a, m) && roller.includes(somBarnehage(m)!.rolle);
const erEier: Regel = (a, m) => a !== null && somEier(m) !== null;

const regler: Record<Handling, Regel> = {
  "les:offentlig-innhold": () => true,
  "se:min-side": (aktor) => aktor !== null,
  "opprett:barnehage": (aktor) => aktor !== null,
  "se:barnehage": erMedlem,
  "les:lederstotte": harRolle("leder", "styrer"),
  "endre:medlemmer": harRolle("styrer"),
  inviter: harRolle("styrer"),
  "les:revisjonslogg": harRolle("styrer"),
  // Teams (ADR 0011): every member sees them; the styrer creates, renames and deletes them;
  // a pedagogisk leder runs an avdeling day to day, so leder and styrer decide who is in it.
  "se:team": erMedlem,
  "endre:team": harRolle("styrer"),
  "endre:teammedlemmer": harRolle("leder", "styrer"),
  // Two-factor sign-in (ADR 0013): every signed-in person manages their own, and only their own.
  "endre:egen-tofaktor": (aktor) => aktor !== null,
  // Owners (ADR 0014): anyone signed in may create one; every person of the owner sees its
  // barnehager in aggregate and may make codes. Only the styrer changes a barnehage's settings.
  "opprett:eier": (aktor) => aktor !== null,
  "se:eier": erEier,
  "endre:eier": erEier,
  "endre:barnehage": harRolle("styrer"),
  // Own data (ADR 0015): the use cases only ever read or delete the actor's own rows.
  "last-ned:mine-data": (aktor) => aktor !== null,
  "slett:egen-konto": (aktor) => aktor !== null,
  // Profile (issue 15): the use case only ever changes the actor's own row.
  "endre:eget-navn": (aktor) => aktor !== null,
  // Samlinger (ADR 0016): the team's members see its plan and samlinger (the use cases check the
  // team membership; leder and styrer see every team's); leder and styrer plan and run them.
  "se:samlinger": erMedlem,
  "planlegg:samlinger": harRolle("leder", "styrer"),
  "led:samling": harRolle("leder", "styrer"),
  // Notes, reflections, catch-up and progress (ADR 0017). A private reflection is the signed-in
  // author's own: no rule here ever lets anyone read another person's. Team work (group notes,
  // shared reflections, catch-up) is for the team's members; leder and styrer may also open every
  // team's work in their barnehage (the use case checks team membership for the rest). Progress
  // per team (counts and names, never content) is for leder and styrer.
  "skriv:refleksjon": (aktor) => aktor !== null,
  "arbeid:i-team": erMedlem,
  "se:alle-teams-arbeid": harRolle("leder", "styrer"),
  "se:fremdrift": harRolle("leder", "styrer"),
  // Ståsted (issue 6, ADR 0008): every member sees the rounds and the results (aggregates with at
  // least five answers only); members of the target group answer; leder and styrer open and close
  // rounds. Who may write a team's «hvor vil vi?» needs the team membership: see stasted.server.ts.
  "se:stasted": erMedlem,
  "opprett:stasted": harRolle("leder", "styrer"),
  // Module feedback (ADR 0019): every member answers for themselves; leder and styrer see the
  // aggregates (only at ≥ 5 answers); only the styrer reads the free texts, never an eier.
  "svar:tilbakemelding": erMedlem,
  "se:tilbakemelding": harRolle("leder", "styrer"),
  "les:tilbakemelding-fritekst": harRolle("styrer"),
  // Editions (ADR 0034): the editor role is granted by an operator (scripts/redaktor.ts), never in
  // the app; it shows drafts, scheduled modules and the status page, nothing of any barnehage.
  // Moving a samling in progress on to a newer edition is the leader's call.
  "se:redaksjon": (aktor) => aktor?.redaktor === true,
  "bytt:utgave": harRolle("leder", "styrer"),
  // Issue 14 (ADR 0036): every member practises plans on the fictional cases (nothing is stored;
  // a real plan stays in the browser). Every member reads the barnehage's routine for
  // internkontroll; only the styrer adopts a new version. The leader pack holds the leader guide
  // and the facilitator answers, so it follows les:lederstotte; the samling pack (handouts) is for
  // every member. The eier reads a linked barnehage's routine through se:eier.
  "ov:plan": erMedlem,
  "se:rutine": erMedlem,
  "endre:rutine": harRolle("styrer"),
  "skriv-ut:lederpakke": harRolle("leder", "styrer"),
  // Observation and the action repertoire (ADR 0035). Observing is team work ("arbeid:i-team"; an
  // observation is its author's own until shared, and no rule lets anyone read an unshared one);
  // leder and styrer start and delete practice periods. Every member sees the repertoire and
  // proposes entries; leder and styrer agree (vedta), edit and delete them.
  "planlegg:observasjon": harRolle("leder", "styrer"),
  "se:repertoar": erMedlem,
  "foreslaa:repertoar": erMedlem,
  "vedta:repertoar": harRolle("leder", "styrer"),
};

export function kan(aktor: Aktor | null, handling: Handling, medlemskap: Omfang = null): boolean {
  return regler[handling](aktor, medlemskap);
}

export function krev(aktor: Aktor | null, handling: Handling, medlemskap: Omfang = null): void {
  if (!kan(aktor, handling, medlemskap)) throw ikkeFunnet();
}

/** The one "not found" response; used for missing things and for things the actor may not see. */
export function ikkeFunnet(): Response {
  return new Response("Ikke funnet", { status: 404 });
}
