import { createHash, randomInt, randomUUID } from "node:crypto";
import path from "node:path";
import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import type { Aktor } from "#app/kontekst.ts";
import type { Nokkel } from "#app/i18n/i18n.ts";
import { ikkeFunnet, kan, krev, type Medlemskap } from "#app/auth/tilgang.ts";
import { renTekst } from "#app/db/dialekt.ts";
import { logg } from "#app/logg.server.ts";
import { loggHendelse } from "#app/domain/revisjon/revisjon.server.ts";
import { finnTeam, listTeam } from "#app/domain/team/team.repo.server.ts";
import { lesInstrument } from "./instrument.server.ts";
import type { Instrument } from "./stasted.schema.ts";
import {
  antallDeltakere,
  apneRunderFor,
  erITeam,
  finnRunde,
  harDeltatt,
  hentOnsket,
  hentOpptelling,
  listOnsket,
  lagreOnsket,
  lagreRunde,
  lagreSvar,
  listRunder,
  lukkOgTell,
  lukkedeRunderI,
  trekkSvar,
  utlopteRunder,
  type Fase,
  type RundeInnhold,
  type RundeRad,
} from "./stasted.repo.server.ts";
import { MIN_SVAR, oppsummer, sammenlign, slaSammen, type Rundeoppsummering, type Sammenligning } from "./resultat.ts";
import { datoFormat } from "#app/i18n/i18n.ts";

type Db = { db: Kysely<Database> };
export type StastedSvar<T = undefined> = { ok: true; verdi: T } | { ok: false; felt: string; feil: Nokkel };
export { MIN_SVAR };

let instrumentPromise: Promise<Instrument> | undefined;
/** The instrument from content/, read and validated once per process. */
export function instrumentet(): Promise<Instrument> {
  instrumentPromise ??= lesInstrument(path.resolve("content"));
  return instrumentPromise;
}

/** A calendar date (YYYY-MM-DD) in Norway, for open and close dates. */
export function dagIdag(naa: Date): string {
  return datoFormat("sv-SE", { timeZone: "Europe/Oslo" }).format(naa);
}

export type Rundestatus = "planlagt" | "apen" | "lukket";
export function statusFor(r: Pick<RundeRad, "status" | "apner" | "lukker">, idag: string): Rundestatus {
  if (r.status === "lukket") return "lukket";
  return r.apner > idag ? "planlagt" : "apen";
}

/** Rounds whose close date has passed are closed (and counted) the first time anyone looks. */
async function lukkUtlopte(db: Kysely<Database>, barnehageId: string, naa: Date) {
  for (const id of await utlopteRunder(db, barnehageId, dagIdag(naa))) await lukkOgTell(db, barnehageId, id, naa);
}

async function iMalgruppen(db: Kysely<Database>, aktor: Aktor, medlemskap: Medlemskap, runde: RundeRad): Promise<boolean> {
  return runde.teamId === null || (await erITeam(db, medlemskap.barnehageId, runde.teamId, aktor.id));
}

export type RundeListeElement = {
  id: string;
  fase: Fase;
  malgruppe: string | null; // team name, or null for the whole barnehage
  apner: string;
  lukker: string;
  status: Rundestatus;
  antallDeltakere: number;
  kanSvare: boolean;
  harSvart: boolean;
};

/** Every member sees the barnehage's rounds; leder and styrer also get the teams to open a round for. */
export async function stastedOversikt(aktor: Aktor | null, medlemskap: Medlemskap, { db }: Db, naa = new Date()) {
  krev(aktor, "se:stasted", medlemskap);
  await lukkUtlopte(db, medlemskap.barnehageId, naa);
  const idag = dagIdag(naa);
  const team = await listTeam(db, medlemskap.barnehageId);
  const teamNavn = new Map(team.map((t) => [t.id, t.navn]));
  const runder: RundeListeElement[] = [];
  for (const r of await listRunder(db, medlemskap.barnehageId)) {
    const status = statusFor(r, idag);
    const harSvart = await harDeltatt(db, medlemskap.barnehageId, r.id, aktor!.id);
    runder.push({
      id: r.id,
      fase: r.fase,
      malgruppe: r.teamId === null ? null : (teamNavn.get(r.teamId) ?? null),
      apner: r.apner,
      lukker: r.lukker,
      status,
      antallDeltakere: r.antallSvar ?? (await antallDeltakere(db, medlemskap.barnehageId, r.id)),
      kanSvare: status === "apen" && !harSvart && (await iMalgruppen(db, aktor!, medlemskap, r)),
      harSvart,
    });
  }
  const kanOpprette = kan(aktor, "opprett:stasted", medlemskap);
  const mineTeam = team.filter((t) => t.medlemmer.some((m) => m.brukerId === aktor!.id) || kanOpprette);
  return { runder, kanOpprette, team: team.map((t) => ({ id: t.id, navn: t.navn })), onsketTeam: mineTeam.map((t) => ({ id: t.id, navn: t.navn })), idag };
}

/** Leder or styrer opens a round for a team («malgruppe» = team id) or the whole barnehage («alle»). */
export async function opprettRunde(
  aktor: Aktor | null,
  medlemskap: Medlemskap,
  input: { fase: Fase; malgruppe: string; apner: string; lukker: string },
  { db }: Db,
  naa = new Date(),
): Promise<StastedSvar<string>> {
  krev(aktor, "opprett:stasted", medlemskap);
  const teamId = input.malgruppe === "alle" ? null : input.malgruppe;
  if (teamId !== null && !(await finnTeam(db, medlemskap.barnehageId, teamId))) return { ok: false, felt: "malgruppe", feil: "stasted.feil.malgruppe" };
  if (input.lukker < dagIdag(naa)) return { ok: false, felt: "lukker", feil: "stasted.feil.lukkerPassert" };
  const instrument = await instrumentet();
  const innhold: RundeInnhold = {
    omrader: instrument.omrader.map((o) => ({ id: o.id, nb: o.nb, nn: o.nn })),
    utsagn: instrument.utsagn.map((u) => ({ id: u.id, omrade: u.omrade, nb: u.nb, nn: u.nn })),
  };
  const id = randomUUID();
  await lagreRunde(db, { id, barnehageId: medlemskap.barnehageId, teamId, fase: input.fase, apner: input.apner, lukker: input.lukker, instrumentVersjon: instrument.versjon, innhold, opprettetAv: aktor!.id, opprettet: naa });
  await loggHendelse(db, { hendelse: "stasted_runde_opprettet", aktorId: aktor!.id, organisasjonId: medlemskap.barnehageId, malId: id, detaljer: { fase: input.fase } });
  return { ok: true, verdi: id };
}

export type Rundeside = {
  id: string;
  fase: Fase;
  malgruppe: string | null;
  teamId: string | null;
  apner: string;
  lukker: string;
  status: Rundestatus;
  instrumentVersjon: number;
  innhold: RundeInnhold;
  antallDeltakere: number;
  iMalgruppen: boolean;
  harSvart: boolean;
  kanLukke: boolean;
  resultat: Rundeoppsummering | null;
  /** The team's «hvor vil vi?» beside a team's round; every team's that has one beside a round for the whole barnehage. */
  onsket: OnsketTekst[];
};
export type OnsketTekst = { teamNavn: string; tekst: string };

/** Issue 15, point 6: the team's own words beside a team round, and each team's beside a barnehage-wide round. */
async function onsketForRunde(db: Kysely<Database>, barnehageId: string, teamId: string | null): Promise<OnsketTekst[]> {
  if (teamId) {
    const team = await finnTeam(db, barnehageId, teamId);
    const onsket = await hentOnsket(db, barnehageId, teamId);
    return team && onsket ? [{ teamNavn: team.navn, tekst: onsket.tekst }] : [];
  }
  const tekster = new Map((await listOnsket(db, barnehageId)).map((o) => [o.teamId, o.tekst]));
  return (await listTeam(db, barnehageId)).flatMap((t) => (tekster.has(t.id) ? [{ teamNavn: t.navn, tekst: tekster.get(t.id)! }] : []));
}

/** One round: what a member may do with it, and the results once it is closed. */
export async function hentRundeside(aktor: Aktor | null, medlemskap: Medlemskap, rundeId: string, { db }: Db, naa = new Date()): Promise<Rundeside> {
  krev(aktor, "se:stasted", medlemskap);
  await lukkUtlopte(db, medlemskap.barnehageId, naa);
  const r = await finnRunde(db, medlemskap.barnehageId, rundeId);
  if (!r) throw ikkeFunnet();
  const status = statusFor(r, dagIdag(naa));
  const team = r.teamId ? await finnTeam(db, medlemskap.barnehageId, r.teamId) : undefined;
  const resultat = status === "lukket" ? await oppsummering(db, r) : null;
  const onsket = await onsketForRunde(db, medlemskap.barnehageId, r.teamId);
  return {
    id: r.id,
    fase: r.fase,
    malgruppe: team?.navn ?? null,
    teamId: r.teamId,
    apner: r.apner,
    lukker: r.lukker,
    status,
    instrumentVersjon: r.instrumentVersjon,
    innhold: r.innhold,
    antallDeltakere: r.antallSvar ?? (await antallDeltakere(db, medlemskap.barnehageId, r.id)),
    iMalgruppen: await iMalgruppen(db, aktor!, medlemskap, r),
    harSvart: await harDeltatt(db, medlemskap.barnehageId, r.id, aktor!.id),
    kanLukke: status !== "lukket" && kan(aktor, "opprett:stasted", medlemskap),
    resultat,
    onsket,
  };
}

async function oppsummering(db: Kysely<Database>, r: RundeRad): Promise<Rundeoppsummering> {
  const opptelling = (await hentOpptelling(db, [r.barnehageId], [r.id])).get(r.id)!;
  return oppsummer(r.innhold, r.antallSvar ?? 0, opptelling);
}

const KVITTERINGSTEGN = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
/** A random receipt (80 bits) in four groups of four, easy to write down. */
export function lagKvittering(): string {
  const tegn = Array.from({ length: 16 }, () => KVITTERINGSTEGN[randomInt(KVITTERINGSTEGN.length)]).join("");
  return tegn.match(/.{4}/g)!.join("-");
}
/** Only this hash is stored; spaces, dashes and case do not matter when the receipt is typed in. */
export function hashKvittering(kvittering: string): string {
  return createHash("sha256").update(`samla-stasted:${kvittering.toUpperCase().replace(/[^A-Z0-9]/g, "")}`).digest("hex");
}

/**
 * A member of the target group answers an open round, once. Returns the receipt: the only thing
 * that can withdraw the answers later. It is given to the person and never stored in clear.
 */
export async function svarPaRunde(
  aktor: Aktor | null,
  medlemskap: Medlemskap,
  rundeId: string,
  svar: { utsagnId: string; verdi: number }[],
  { db }: Db,
  naa = new Date(),
): Promise<StastedSvar<string>> {
  krev(aktor, "se:stasted", medlemskap);
  const r = await finnRunde(db, medlemskap.barnehageId, rundeId);
  if (!r || statusFor(r, dagIdag(naa)) !== "apen" || r.lukker < dagIdag(naa) || !(await iMalgruppen(db, aktor!, medlemskap, r))) throw ikkeFunnet();
  const gyldige = new Set(r.innhold.utsagn.map((u) => u.id));
  const rene = svar.filter((s) => gyldige.has(s.utsagnId) && Number.isInteger(s.verdi) && s.verdi >= 0 && s.verdi <= 5);
  if (rene.length === 0) return { ok: false, felt: "_skjema", feil: "stasted.feil.ingenSvar" };
  const kvittering = lagKvittering();
  const lagret = await lagreSvar(db, { barnehageId: medlemskap.barnehageId, rundeId, brukerId: aktor!.id, kvitteringHash: hashKvittering(kvittering), svar: rene });
  if (!lagret) return { ok: false, felt: "_skjema", feil: "stasted.feil.alleredeSvart" };
  // Never log the round or receipt together with the person.
  logg.info("stasted_svar_lagret");
  return { ok: true, verdi: kvittering };
}

/** The person withdraws their answers with the receipt, while the round is open. */
export async function trekkSvaret(aktor: Aktor | null, medlemskap: Medlemskap, rundeId: string, kvittering: string, { db }: Db, naa = new Date()): Promise<StastedSvar> {
  krev(aktor, "se:stasted", medlemskap);
  const r = await finnRunde(db, medlemskap.barnehageId, rundeId);
  if (!r) throw ikkeFunnet();
  if (statusFor(r, dagIdag(naa)) === "lukket") return { ok: false, felt: "_skjema", feil: "stasted.feil.lukket" };
  const trukket = await trekkSvar(db, { barnehageId: medlemskap.barnehageId, rundeId, brukerId: aktor!.id, kvitteringHash: hashKvittering(kvittering) });
  if (!trukket) return { ok: false, felt: "kvittering", feil: "stasted.feil.fantIkkeSvar" };
  logg.info("stasted_svar_trukket");
  return { ok: true, verdi: undefined };
}

/** Leder or styrer closes the round: the answers are counted and the single answers deleted. */
export async function lukkRunden(aktor: Aktor | null, medlemskap: Medlemskap, rundeId: string, { db }: Db, naa = new Date()): Promise<void> {
  krev(aktor, "opprett:stasted", medlemskap);
  const r = await finnRunde(db, medlemskap.barnehageId, rundeId);
  if (!r) throw ikkeFunnet();
  await lukkOgTell(db, medlemskap.barnehageId, rundeId, naa);
  await loggHendelse(db, { hendelse: "stasted_runde_lukket", aktorId: aktor!.id, organisasjonId: medlemskap.barnehageId, malId: rundeId });
}

export type Sammenligningsside = { for: Rundeside; etter: Rundeside; sammenligning: Sammenligning };

/**
 * The ståsted round a samling's projector shows (issue 12, point 6; ADR 0026): for the samling's
 * team or the whole barnehage, the newest open round, else the newest closed one. How many have
 * answered (never who), and the results only once it is closed, with min-N as everywhere (the same
 * `oppsummering`). The caller has let the viewer in to the samling (membership, or its screen link).
 */
export async function rundeForSamling(db: Kysely<Database>, barnehageId: string, teamId: string, naa = new Date()) {
  await lukkUtlopte(db, barnehageId, naa);
  const idag = dagIdag(naa);
  const runder = (await listRunder(db, barnehageId)).filter((r) => r.teamId === null || r.teamId === teamId);
  const r = runder.find((x) => statusFor(x, idag) === "apen") ?? runder.find((x) => statusFor(x, idag) === "lukket");
  if (!r) return null;
  const status = statusFor(r, idag);
  return {
    id: r.id,
    status,
    antallDeltakere: r.antallSvar ?? (await antallDeltakere(db, barnehageId, r.id)),
    resultat: status === "lukket" ? await oppsummering(db, r) : null,
  };
}

/** Two closed rounds side by side (usually før and etter), per area. */
export async function sammenlignRunder(aktor: Aktor | null, medlemskap: Medlemskap, forId: string, etterId: string, dep: Db, naa = new Date()): Promise<Sammenligningsside> {
  const forSide = await hentRundeside(aktor, medlemskap, forId, dep, naa);
  const etterSide = await hentRundeside(aktor, medlemskap, etterId, dep, naa);
  if (!forSide.resultat || !etterSide.resultat) throw ikkeFunnet();
  return { for: forSide, etter: etterSide, sammenligning: sammenlign(forSide.resultat, etterSide.resultat) };
}

/** The closed rounds a round can be compared with (other closed rounds in the same barnehage). */
export async function sammenlignbare(aktor: Aktor | null, medlemskap: Medlemskap, rundeId: string, { db }: Db) {
  krev(aktor, "se:stasted", medlemskap);
  return (await listRunder(db, medlemskap.barnehageId)).filter((r) => r.id !== rundeId && r.status === "lukket").map((r) => ({ id: r.id, fase: r.fase, apner: r.apner, teamId: r.teamId }));
}

/** Members of the team, leder and styrer may write the team's «hvor vil vi?». */
async function kanSkriveOnsket(db: Kysely<Database>, aktor: Aktor | null, medlemskap: Medlemskap, teamId: string) {
  return kan(aktor, "opprett:stasted", medlemskap) || (aktor !== null && (await erITeam(db, medlemskap.barnehageId, teamId, aktor.id)));
}

export async function onsketTilstand(aktor: Aktor | null, medlemskap: Medlemskap, teamId: string, { db }: Db) {
  krev(aktor, "se:stasted", medlemskap);
  const team = await finnTeam(db, medlemskap.barnehageId, teamId);
  if (!team) throw ikkeFunnet();
  const onsket = await hentOnsket(db, medlemskap.barnehageId, teamId);
  return { teamId: team.id, teamNavn: team.navn, tekst: onsket?.tekst ?? null, oppdatert: onsket?.oppdatert ?? null, kanSkrive: await kanSkriveOnsket(db, aktor, medlemskap, teamId) };
}

export async function skrivOnsketTilstand(aktor: Aktor | null, medlemskap: Medlemskap, teamId: string, tekst: string, { db }: Db, naa = new Date()): Promise<void> {
  krev(aktor, "se:stasted", medlemskap);
  if (!(await finnTeam(db, medlemskap.barnehageId, teamId)) || !(await kanSkriveOnsket(db, aktor, medlemskap, teamId))) throw ikkeFunnet();
  await lagreOnsket(db, medlemskap.barnehageId, teamId, renTekst(tekst), naa);
  logg.info("stasted_onsket_lagret");
}

/** Open rounds waiting for this person, across their barnehager (for the start page). */
export async function runderSomVenter(aktor: Aktor | null, { db }: Db, naa = new Date()) {
  krev(aktor, "se:min-side");
  return (await apneRunderFor(db, aktor!.id, dagIdag(naa))).filter((r) => !r.harSvart);
}

export type EierStasted = {
  barnehager: { barnehageId: string; faser: { fase: Fase; antallRunder: number; resultat: Rundeoppsummering }[] }[];
  samlet: { fase: Fase; antallRunder: number; resultat: Rundeoppsummering }[];
};

/**
 * For an owner (eier): closed rounds added up per barnehage and phase, and across all the
 * barnehager, with the same minimum of answers. A round, statement or area below the minimum is
 * left out of every sum (complementary suppression, ADR 0023). Never single answers; the caller checks access.
 * Rounds made with another instrument version than the newest are left out of the sums.
 */
export async function stastedForEier(db: Kysely<Database>, barnehageIds: string[]): Promise<EierStasted> {
  const runder = await lukkedeRunderI(db, barnehageIds);
  const versjon = Math.max(0, ...runder.map((r) => r.instrumentVersjon));
  const aktuelle = runder.filter((r) => r.instrumentVersjon === versjon);
  const opptelling = await hentOpptelling(db, barnehageIds, aktuelle.map((r) => r.id));
  const grupper = (liste: RundeRad[]) =>
    (["for", "underveis", "etter"] as const).flatMap((fase) => {
      const her = liste.filter((r) => r.fase === fase);
      if (her.length === 0) return [];
      // Each round summed up as its leader sees it; only what is shown there goes into a sum (ADR 0023).
      return [{ fase, antallRunder: her.length, resultat: slaSammen(her[0]!.innhold, her.map((r) => oppsummer(r.innhold, r.antallSvar ?? 0, opptelling.get(r.id)!))) }];
    });
  return {
    barnehager: barnehageIds.map((id) => ({ barnehageId: id, faser: grupper(aktuelle.filter((r) => r.barnehageId === id)) })),
    samlet: grupper(aktuelle),
  };
}
