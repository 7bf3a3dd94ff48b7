import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import type { Aktor } from "#app/kontekst.ts";
import type { Innhold } from "#app/domain/innhold/innhold.server.ts";
import { ikkeFunnet, kan, krev, type Medlemskap } from "#app/auth/tilgang.ts";
import { renTekst } from "#app/db/dialekt.ts";
import { logg } from "#app/logg.server.ts";
import { hentGruppenotatet } from "#app/domain/notat/notat.server.ts";
import { forsteNavn } from "#app/domain/observasjon/navn.ts";
import { NIVAER, type Niva, type OppforingInn } from "./repertoar.schema.ts";
import * as repo from "./repertoar.repo.server.ts";

/**
 * «Vårt handlingsrepertoar» (issue 14, point 2; ADR 0035): the barnehage's living bank of «Når vi
 * ser …, gjør vi …» entries. Every member sees it and proposes entries (also straight from a group
 * note in a samling); leder and styrer agree (vedta), edit and delete them. Every change writes who
 * changed what, and when. The text describes situations, never children: a word that looks like a
 * name stops the save, as in observation logs.
 */
type Db = { db: Kysely<Database> };
type Dep = Db & { innhold: Innhold };

export type SkrivSvar = { ok: true; id: string } | { ok: false; felt: string; navn: string; konflikt?: undefined } | { ok: false; konflikt: true };

const FELTER = ["situasjon", "handling", "hvem", "hvorfor"] as const;

function rens(inn: OppforingInn): OppforingInn {
  return { situasjon: renTekst(inn.situasjon), handling: renTekst(inn.handling), hvem: renTekst(inn.hvem), hvorfor: renTekst(inn.hvorfor), niva: inn.niva };
}

function navnI(inn: OppforingInn) {
  return forsteNavn(FELTER.map((f) => [f, inn[f]]));
}

/** The entries by level (barn, gruppe, personale, barnehage); agreed first within each level. */
export function etterNiva<T extends { niva: Niva; status: string }>(rader: T[]): { niva: Niva; oppforinger: T[] }[] {
  return NIVAER.map((niva) => ({
    niva,
    oppforinger: rader.filter((r) => r.niva === niva).sort((a, b) => (a.status === b.status ? 0 : a.status === "vedtatt" ? -1 : 1)),
  })).filter((g) => g.oppforinger.length > 0);
}

/** The repertoire page: every entry of the barnehage, and what the actor may do. */
export async function repertoaret(aktor: Aktor | null, medlemskap: Medlemskap, { db }: Db) {
  krev(aktor, "se:repertoar", medlemskap);
  const rader = await repo.oppforinger(db, medlemskap.barnehageId);
  return { grupper: etterNiva(rader), antallVedtatt: rader.filter((r) => r.status === "vedtatt").length, kanVedta: kan(aktor, "vedta:repertoar", medlemskap) };
}

/** The poster: the agreed entries only, by level. */
export async function plakaten(aktor: Aktor | null, medlemskap: Medlemskap, { db }: Db) {
  krev(aktor, "se:repertoar", medlemskap);
  const rader = (await repo.oppforinger(db, medlemskap.barnehageId)).filter((r) => r.status === "vedtatt");
  const sistEndret = rader.reduce<string | null>((s, r) => (s === null || r.endret > s ? r.endret : s), null);
  return { barnehageNavn: medlemskap.barnehageNavn, grupper: etterNiva(rader), sistEndret };
}

export type Kilde = { samlingId: string; aktivitetId: string; gruppe: number };

/**
 * The group note a proposal starts from, checked like the note page checks it (team members, or
 * leder and styrer). Returns the note's text and team, so the form can start from it.
 */
export async function gruppenotatSomKilde(aktor: Aktor | null, medlemskap: Medlemskap, kilde: Kilde, dep: Dep) {
  krev(aktor, "foreslaa:repertoar", medlemskap);
  const n = await hentGruppenotatet(aktor, medlemskap, kilde.samlingId, kilde.aktivitetId, dep, kilde.gruppe);
  if (n.notat.versjon === 0) throw ikkeFunnet();
  const aktivitet = n.modul.tekst.nb.aktiviteter.find((a) => a.id === kilde.aktivitetId);
  return { tekst: n.notat.tekst, teamId: n.team.id, teamNavn: n.team.navn, modul: n.modul, aktivitetId: aktivitet?.id ?? kilde.aktivitetId };
}

/** Any member proposes an entry; from a group note, `kilde` points at it (and is checked). */
export async function foreslaa(aktor: Aktor | null, medlemskap: Medlemskap, inn: OppforingInn, kilde: Kilde | null, dep: Dep, naa = new Date()): Promise<SkrivSvar> {
  krev(aktor, "foreslaa:repertoar", medlemskap);
  const teamId = kilde ? (await gruppenotatSomKilde(aktor, medlemskap, kilde, dep)).teamId : null;
  const ren = rens(inn);
  const navn = navnI(ren);
  if (navn) return { ok: false, ...navn };
  const id = randomUUID();
  await repo.lagOppforing(dep.db, {
    ...ren,
    id,
    barnehageId: medlemskap.barnehageId,
    teamId,
    kilde: kilde ? `${kilde.samlingId}/${kilde.aktivitetId}/${kilde.gruppe}` : null,
    brukerId: aktor!.id,
    naa,
    historikkId: randomUUID(),
  });
  logg.info("repertoar_foreslatt");
  return { ok: true, id };
}

/** The entry page: the entry, its history, and what the actor may do with it. */
export async function oppforingen(aktor: Aktor | null, medlemskap: Medlemskap, id: string, { db }: Db) {
  krev(aktor, "se:repertoar", medlemskap);
  const oppforing = await repo.finnOppforing(db, medlemskap.barnehageId, id);
  if (!oppforing) throw ikkeFunnet();
  const kanVedta = kan(aktor, "vedta:repertoar", medlemskap);
  return {
    oppforing,
    historikk: await repo.historikk(db, medlemskap.barnehageId, id),
    kanVedta,
    // The proposer may still change their own proposal until a leder has agreed it.
    kanEndre: kanVedta || (oppforing.status === "foreslatt" && oppforing.foreslattAv === aktor!.id),
  };
}

/** Changes an entry (leder and styrer; the proposer while it is a proposal), with history. */
export async function endre(aktor: Aktor | null, medlemskap: Medlemskap, id: string, versjon: number, inn: OppforingInn, { db }: Db, naa = new Date()): Promise<SkrivSvar> {
  const { oppforing, kanEndre } = await oppforingen(aktor, medlemskap, id, { db });
  if (!kanEndre) throw ikkeFunnet();
  const ren = rens(inn);
  const navn = navnI(ren);
  if (navn) return { ok: false, ...navn };
  const endringer: repo.Endring[] = (["situasjon", "handling", "hvem", "hvorfor", "niva"] as const)
    .filter((f) => oppforing[f] !== ren[f])
    .map((f) => ({ felt: f, for: oppforing[f], etter: ren[f] }));
  if (endringer.length === 0) return { ok: true, id };
  const ok = await repo.oppdaterOppforing(db, { id, barnehageId: medlemskap.barnehageId, versjon, endre: ren, hendelse: "endret", endringer, brukerId: aktor!.id, naa, historikkId: randomUUID() });
  if (!ok) return { ok: false, konflikt: true };
  logg.info("repertoar_endret");
  return { ok: true, id };
}

/** A leder or the styrer agrees a proposal: from now on it is on the poster. */
export async function vedta(aktor: Aktor | null, medlemskap: Medlemskap, id: string, versjon: number, { db }: Db, naa = new Date()): Promise<SkrivSvar> {
  krev(aktor, "vedta:repertoar", medlemskap);
  const oppforing = await repo.finnOppforing(db, medlemskap.barnehageId, id);
  if (!oppforing) throw ikkeFunnet();
  if (oppforing.status === "vedtatt") return { ok: true, id };
  const ok = await repo.oppdaterOppforing(db, { id, barnehageId: medlemskap.barnehageId, versjon, endre: { status: "vedtatt" }, hendelse: "vedtatt", endringer: [], brukerId: aktor!.id, naa, historikkId: randomUUID() });
  if (!ok) return { ok: false, konflikt: true };
  logg.info("repertoar_vedtatt");
  return { ok: true, id };
}

/** A leder or the styrer deletes an entry (and its history). */
export async function slett(aktor: Aktor | null, medlemskap: Medlemskap, id: string, { db }: Db): Promise<void> {
  krev(aktor, "vedta:repertoar", medlemskap);
  if (!(await repo.slettOppforing(db, medlemskap.barnehageId, id))) throw ikkeFunnet();
  logg.info("repertoar_slettet");
}
