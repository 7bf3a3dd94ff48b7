import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import type { Aktor } from "#app/kontekst.ts";
import { ikkeFunnet, kan, krev, type Medlemskap } from "#app/auth/tilgang.ts";
import { renTekst } from "#app/db/dialekt.ts";
import { logg } from "#app/logg.server.ts";
import { finnTeam, type TeamRad } from "#app/domain/team/team.repo.server.ts";
import { erITeam } from "#app/domain/notat/notat.repo.server.ts";
import { FILM_MAL, type Maler } from "./maler.schema.ts";
import { OBSERVASJON_LAGRINGSDAGER, kategoriFelt, valgFelt } from "./observasjon.schema.ts";
import { forsteNavn } from "./navn.ts";
import { sammenlign, type KategoriSammenligning, type Svar } from "./kalibrering.ts";
import * as repo from "./observasjon.repo.server.ts";

/**
 * Observation in practice periods, and calibration on the case film (issue 14, point 1; ADR 0035).
 * The actor comes first and access is checked inside. An observation is its author's own until
 * they share it with the team (like a reflection, ADR 0017): no function here hands an unshared
 * observation to anyone but its author. Children are codes, never names: `lagreObservasjon`
 * refuses text that looks like a name and saves nothing. A period and everything in it is deleted
 * OBSERVASJON_LAGRINGSDAGER days after it ends (or earlier, by a leder). Logs carry event names only.
 */
type Db = { db: Kysely<Database> };

export { OBSERVASJON_LAGRINGSDAGER };

/** The day a period (and every observation in it) is deleted: `til` + the retention days. */
export function slettesDato(til: string): string {
  const d = new Date(`${til}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + OBSERVASJON_LAGRINGSDAGER);
  return d.toISOString().slice(0, 10);
}

/** Today's calendar date in Oslo. */
function iDag(naa: Date): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Oslo" }).format(naa);
}

/** Retention: deletes every period whose deletion day has come. Runs when the pages are read. */
export async function ryddUtlopte(db: Kysely<Database>, naa = new Date()): Promise<void> {
  const d = new Date(`${iDag(naa)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - OBSERVASJON_LAGRINGSDAGER);
  const slettet = await repo.slettUtlopte(db, d.toISOString().slice(0, 10));
  if (slettet) logg.info("observasjonsperioder_slettet", { antall: slettet });
}

/** The team's observation is for its members; leder and styrer may open every team's (shared only). */
async function krevTeam(aktor: Aktor | null, medlemskap: Medlemskap, teamId: string, db: Kysely<Database>): Promise<{ team: TeamRad; iTeamet: boolean }> {
  krev(aktor, "arbeid:i-team", medlemskap);
  const team = await finnTeam(db, medlemskap.barnehageId, teamId);
  if (!team) throw ikkeFunnet();
  const iTeamet = await erITeam(db, medlemskap.barnehageId, teamId, aktor!.id);
  if (!iTeamet && !kan(aktor, "se:alle-teams-arbeid", medlemskap)) throw ikkeFunnet();
  return { team, iTeamet };
}

async function krevPeriode(aktor: Aktor | null, medlemskap: Medlemskap, periodeId: string, db: Kysely<Database>, naa: Date) {
  await ryddUtlopte(db, naa);
  const periode = await repo.finnPeriode(db, medlemskap.barnehageId, periodeId);
  if (!periode) throw ikkeFunnet();
  const { team, iTeamet } = await krevTeam(aktor, medlemskap, periode.teamId, db);
  return { periode, team, iTeamet };
}

export type PeriodeMedSletting = repo.PeriodeRad & { slettes: string };
const medSletting = (p: repo.PeriodeRad): PeriodeMedSletting => ({ ...p, slettes: slettesDato(p.til) });

/** The team's practice periods (newest first), and whether the actor may start or delete one. */
export async function teamensPerioder(aktor: Aktor | null, medlemskap: Medlemskap, teamId: string, { db }: Db, naa = new Date()) {
  await ryddUtlopte(db, naa);
  const { team, iTeamet } = await krevTeam(aktor, medlemskap, teamId, db);
  const perioder = await repo.perioderForTeam(db, medlemskap.barnehageId, teamId);
  return { team, iTeamet, kanPlanlegge: kan(aktor, "planlegg:observasjon", medlemskap), perioder: perioder.map(medSletting) };
}

/**
 * A leder or the styrer starts a practice period for a team. A period that has already ended is
 * refused (`feil`): it would only wait to be deleted.
 */
export async function startPeriode(
  aktor: Aktor | null,
  medlemskap: Medlemskap,
  teamId: string,
  fra: string,
  til: string,
  { db }: Db,
  naa = new Date(),
): Promise<{ ok: true; id: string } | { ok: false; felt: "til"; feil: "observasjon.feil.tilForbi" }> {
  krev(aktor, "planlegg:observasjon", medlemskap);
  await krevTeam(aktor, medlemskap, teamId, db);
  if (til < iDag(naa)) return { ok: false, felt: "til", feil: "observasjon.feil.tilForbi" };
  const id = randomUUID();
  await repo.lagPeriode(db, { id, barnehageId: medlemskap.barnehageId, teamId, fra, til, brukerId: aktor!.id, naa });
  logg.info("observasjonsperiode_startet");
  return { ok: true, id };
}

/** A leder or the styrer deletes a period now, with every observation in it. */
export async function slettPerioden(aktor: Aktor | null, medlemskap: Medlemskap, periodeId: string, { db }: Db, naa = new Date()): Promise<string> {
  krev(aktor, "planlegg:observasjon", medlemskap);
  const { periode } = await krevPeriode(aktor, medlemskap, periodeId, db, naa);
  await repo.slettPeriode(db, medlemskap.barnehageId, periodeId);
  logg.info("observasjonsperiode_slettet");
  return periode.teamId;
}

/** The period page: the actor's own observations, and how many the team has shared. */
export async function periodeSide(aktor: Aktor | null, medlemskap: Medlemskap, periodeId: string, { db }: Db, naa = new Date()) {
  const { periode, team, iTeamet } = await krevPeriode(aktor, medlemskap, periodeId, db, naa);
  const [mine, delte] = await Promise.all([repo.mineObservasjoner(db, medlemskap.barnehageId, periodeId, aktor!.id), repo.delteObservasjoner(db, medlemskap.barnehageId, periodeId, aktor!.id)]);
  return {
    periode: medSletting(periode),
    team,
    iTeamet,
    kanPlanlegge: kan(aktor, "planlegg:observasjon", medlemskap),
    mine,
    delte: delte.filter((d) => !d.erMin),
    delteFilm: delte.filter((d) => d.art === "film").length,
  };
}

/** One of the actor's own observations, for the form (undefined: a new one). Someone else's is «not found». */
export async function skrivSide(aktor: Aktor | null, medlemskap: Medlemskap, periodeId: string, observasjonId: string | undefined, { db }: Db, naa = new Date()) {
  const { periode, team, iTeamet } = await krevPeriode(aktor, medlemskap, periodeId, db, naa);
  if (!iTeamet) throw ikkeFunnet();
  let observasjon: repo.ObservasjonRad | undefined;
  if (observasjonId) {
    observasjon = await repo.minObservasjon(db, medlemskap.barnehageId, observasjonId, aktor!.id);
    if (!observasjon || observasjon.periodeId !== periodeId) throw ikkeFunnet();
  }
  return { periode: medSletting(periode), team, observasjon };
}

export type LagreSvar = { ok: true; id: string } | { ok: false; felt: string; feil: "observasjon.feil.navn"; navn: string } | { ok: false; felt: string; feil: "observasjon.feil.mangler" };

/**
 * Saves one of the actor's own observations (new, or `id` for their own). Before anything is
 * written, every text is checked for something that looks like a name: then nothing is saved, and
 * the caller gets the field and the word so the page can ask for a code and keep the text.
 * `data` is the parsed form (observasjonSkjema).
 */
export async function lagreObservasjon(aktor: Aktor | null, medlemskap: Medlemskap, periodeId: string, data: Record<string, unknown>, maler: Maler, { db }: Db, naa = new Date()): Promise<LagreSvar> {
  const { iTeamet } = await krevPeriode(aktor, medlemskap, periodeId, db, naa);
  if (!iTeamet) throw ikkeFunnet();
  const tekst = (felt: string) => renTekst(String(data[felt] ?? ""));
  const malId = String(data.malId);
  const art = malId === FILM_MAL ? "film" : "praksis";
  const kategorier = Object.fromEntries(maler.kategorier.map((k) => [k.id, tekst(kategoriFelt(k.id))]));
  const valg: Record<string, Svar> = {};
  if (art === "film") for (const u of maler.kalibrering.utsagn) if (data[valgFelt(u.id)]) valg[u.id] = data[valgFelt(u.id)] as Svar;
  const felter: [string, string][] = [
    ["naar", tekst("naar")],
    ["sted", tekst("sted")],
    ["situasjon", tekst("situasjon")],
    ...maler.kategorier.map((k) => [kategoriFelt(k.id), kategorier[k.id]!] as [string, string]),
  ];
  // A practice observation says when, where and what was going on; the film gives those itself.
  if (art === "praksis") {
    const tom = felter.slice(0, 3).find(([, v]) => v === "");
    if (tom) return { ok: false, felt: tom[0], feil: "observasjon.feil.mangler" };
  }
  if (felter.slice(3).every(([, v]) => v === "") && Object.keys(valg).length === 0) {
    return { ok: false, felt: kategoriFelt(maler.kategorier[0]!.id), feil: "observasjon.feil.mangler" };
  }
  const navn = forsteNavn(felter);
  if (navn) {
    logg.info("observasjon_navn_stoppet");
    return { ok: false, feil: "observasjon.feil.navn", ...navn };
  }
  const rad = { art, malId, naar: tekst("naar"), sted: tekst("sted"), situasjon: tekst("situasjon"), kategorier, valg } as const;
  const id = typeof data.id === "string" && data.id ? data.id : undefined;
  if (id) {
    const min = await repo.minObservasjon(db, medlemskap.barnehageId, id, aktor!.id);
    if (!min || min.periodeId !== periodeId || min.malId !== malId) throw ikkeFunnet();
    await repo.endreObservasjon(db, { ...rad, id, barnehageId: medlemskap.barnehageId, forfatterId: aktor!.id, naa });
    logg.info("observasjon_endret");
    return { ok: true, id };
  }
  const nyId = randomUUID();
  await repo.lagObservasjon(db, { ...rad, id: nyId, barnehageId: medlemskap.barnehageId, periodeId, forfatterId: aktor!.id, naa });
  logg.info("observasjon_lagret");
  return { ok: true, id: nyId };
}

/** Share with the team, stop sharing, or delete: the author's own observation only. */
export async function endreDeling(aktor: Aktor | null, medlemskap: Medlemskap, periodeId: string, id: string, hva: "del" | "slutt-dele" | "slett", { db }: Db, naa = new Date()) {
  const { iTeamet } = await krevPeriode(aktor, medlemskap, periodeId, db, naa);
  if (!iTeamet) throw ikkeFunnet();
  const min = await repo.minObservasjon(db, medlemskap.barnehageId, id, aktor!.id);
  if (!min || min.periodeId !== periodeId) throw ikkeFunnet();
  if (hva === "slett") await repo.slettObservasjon(db, medlemskap.barnehageId, id, aktor!.id);
  else await repo.settDelt(db, medlemskap.barnehageId, id, aktor!.id, hva === "del" ? naa : null);
  logg.info(hva === "slett" ? "observasjon_slettet" : hva === "del" ? "observasjon_delt" : "observasjon_ikke_delt");
}

export type Kalibrering = {
  periode: PeriodeMedSletting;
  team: TeamRad;
  observatorer: { id: string; forfatterNavn: string; erMin: boolean; naar: string }[];
  kategorier: KategoriSammenligning[];
  harMin: boolean;
  minErDelt: boolean;
};

/** The calibration page: the shared observations of the case film side by side, per category. */
export async function kalibrering(aktor: Aktor | null, medlemskap: Medlemskap, periodeId: string, maler: Maler, { db }: Db, naa = new Date()): Promise<Kalibrering> {
  const { periode, team } = await krevPeriode(aktor, medlemskap, periodeId, db, naa);
  const [delte, mine] = await Promise.all([
    repo.delteObservasjoner(db, medlemskap.barnehageId, periodeId, aktor!.id, "film"),
    repo.mineObservasjoner(db, medlemskap.barnehageId, periodeId, aktor!.id),
  ]);
  const minFilm = mine.find((o) => o.art === "film");
  return {
    periode: medSletting(periode),
    team,
    observatorer: delte.map((d) => ({ id: d.id, forfatterNavn: d.forfatterNavn, erMin: d.erMin, naar: d.naar })),
    kategorier: sammenlign(maler, delte),
    harMin: minFilm !== undefined,
    minErDelt: minFilm?.delt != null,
  };
}
