import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import type { Aktor } from "#app/kontekst.ts";
import { ikkeFunnet, krev, type Medlemskap } from "#app/auth/tilgang.ts";
import { logg } from "#app/logg.server.ts";
import type { Innhold, Modul, Problem, Utgave } from "#app/domain/innhold/innhold.server.ts";
import type { ModulStatus } from "#app/domain/innhold/innhold.schema.ts";
import { modulForTeam, modulIUtgave, synligUtgave, type GjeldendeUtgave } from "#app/domain/innhold/utgave.ts";
import { erRedaktor, finnBrukerIdEtterEpost, fjernRedaktor, hentTeamUtgave, settRedaktor, settSamlingUtgave, settTeamUtgave } from "./redaksjon.repo.server.ts";

/**
 * The package's editorial life (issue 18, ADR 0034): the editor's status page and preview, and what
 * a team sees when a module it works on gets a new edition.
 */
type Db = { db: Kysely<Database> };

/** The actor with the editor role read from the database (only the editor's pages ask). */
export async function medRedaktorRolle(aktor: Aktor | null, { db }: Db): Promise<Aktor | null> {
  return aktor ? { ...aktor, redaktor: await erRedaktor(db, aktor.id) } : null;
}

export type ModulStatusRad = {
  id: string;
  nummer: number;
  slug: string;
  tittel: string;
  status: ModulStatus;
  publiseres: string | null;
  /** The edition everyone sees now (null: none). */
  synligUtgave: number | null;
  utgaver: { nummer: number; fra: string; juridisk: boolean; publisert: boolean }[];
  problemer: string[];
};

/** Every module's status, editions and what fails the content checks (drafts may fail them). */
export async function redaksjonsoversikt(aktor: Aktor | null, { db, alleInnhold }: Db & { alleInnhold: Innhold }, naa: Date): Promise<{ moduler: ModulStatusRad[]; andreProblemer: Problem[] }> {
  krev(await medRedaktorRolle(aktor, { db }), "se:redaksjon");
  const problemer = alleInnhold.utkastProblemer ?? [];
  const t = naa.toISOString();
  const moduler = alleInnhold.moduler.map((m) => ({
    id: m.id,
    nummer: m.nummer,
    slug: m.slug,
    tittel: m.tekst.nb.meta.tittel,
    status: m.status,
    publiseres: m.publiseres ?? null,
    synligUtgave: synligUtgave(m, naa)?.nummer ?? null,
    // A module without utgaver.yaml has been published all along: show its date, not the epoch.
    utgaver: m.utgaver.map((u) => ({ nummer: u.nummer, fra: u.fra === new Date(0).toISOString() ? u.dato : u.fra, juridisk: u.juridisk, publisert: u.fra !== "" && u.fra <= t })),
    problemer: problemer.filter((p) => p.fil.startsWith(`moduler/${m.mappe}`)).map((p) => `${p.fil}: ${p.melding}`),
  }));
  const andreProblemer = problemer.filter((p) => !alleInnhold.moduler.some((m) => p.fil.startsWith(`moduler/${m.mappe}`)));
  return { moduler, andreProblemer };
}

/** A module as readers will see it in its newest edition, whatever its status (the editor's preview). */
export async function forhandsvisModul(aktor: Aktor | null, slug: string, { db, alleInnhold }: Db & { alleInnhold: Innhold }): Promise<Modul> {
  krev(await medRedaktorRolle(aktor, { db }), "se:redaksjon");
  const m = alleInnhold.modulEtterSlug(slug);
  if (!m) throw ikkeFunnet();
  return modulIUtgave(m, m.utgaver.at(-1)!.nummer);
}

export type TeamUtgave = {
  /** The module in the edition this team sees now. */
  modul: Modul;
  gjeldende: GjeldendeUtgave;
  /** Change notes the team has not been told about (newest first); shown once per team. */
  nytt: Utgave[];
};

/**
 * What a team sees of a module now: the edition its samling in progress started on (or the newest),
 * and, once per team, the change notes since the team last opened the module. A team opening a
 * module for the first time is not told about older changes.
 */
export async function teametsUtgave(
  barnehageId: string,
  teamId: string,
  synlig: Modul,
  samling: { status: string; modulUtgave?: number | null } | null,
  { db }: Db,
  naa = new Date(),
): Promise<TeamUtgave> {
  const { modul, gjeldende, sett, maaSkrive } = await lesTeamUtgave(barnehageId, teamId, synlig, samling, db);
  let nytt: Utgave[] = [];
  if (maaSkrive) {
    // Only the request that moves the team's mark forward shows the note: once per team.
    const forst = await settTeamUtgave(db, barnehageId, teamId, synlig.id, gjeldende.nyeste, naa);
    if (forst && sett !== undefined) nytt = (synlig.utgaver ?? []).filter((u) => u.nummer > sett && u.nummer <= gjeldende.nyeste && u.endringer).reverse();
  }
  return { modul, gjeldende, nytt };
}

async function lesTeamUtgave(barnehageId: string, teamId: string, synlig: Modul, samling: { status: string; modulUtgave?: number | null } | null, db: Db["db"]) {
  const { modul, gjeldende } = modulForTeam(synlig, samling?.status === "pagaar" ? samling.modulUtgave : null);
  const sett = await hentTeamUtgave(db, barnehageId, teamId, synlig.id);
  return { modul, gjeldende, sett, maaSkrive: sett === undefined || sett < gjeldende.nyeste };
}

/**
 * `teametsUtgave` without writing, for the fast path (ADR 0033): the same answer when the team's
 * mark is already at the newest edition (no change note to show), and null when it is not: then
 * only `teametsUtgave` may answer, since it records that the team has been told.
 */
export async function teametsUtgaveUtenSkriving(
  barnehageId: string,
  teamId: string,
  synlig: Modul,
  samling: { status: string; modulUtgave?: number | null } | null,
  { db }: Db,
): Promise<TeamUtgave | null> {
  const { modul, gjeldende, maaSkrive } = await lesTeamUtgave(barnehageId, teamId, synlig, samling, db);
  return maaSkrive ? null : { modul, gjeldende, nytt: [] };
}

/** The leader moves a samling in progress on to the newest edition («gå videre»). */
export async function gaTilNyesteUtgave(aktor: Aktor | null, m: Medlemskap, samlingId: string, synlig: Modul, { db }: Db): Promise<void> {
  krev(aktor, "bytt:utgave", m);
  const nyeste = synlig.utgave ?? synlig.utgaver?.at(-1)?.nummer ?? 1;
  if (!(await settSamlingUtgave(db, m.barnehageId, samlingId, synlig.id, nyeste))) throw ikkeFunnet();
  logg.info("samling_ny_utgave");
}

/** The operator command (scripts/redaktor.ts): grant or take away the editor role by e-mail. */
export async function endreRedaktor(db: Kysely<Database>, epost: string, gi: boolean, naa = new Date()): Promise<"gitt" | "fjernet" | "ingen-bruker" | "var-ikke"> {
  const id = await finnBrukerIdEtterEpost(db, epost);
  if (!id) return "ingen-bruker";
  if (gi) {
    await settRedaktor(db, id, naa);
    return "gitt";
  }
  return (await fjernRedaktor(db, id)) ? "fjernet" : "var-ikke";
}
