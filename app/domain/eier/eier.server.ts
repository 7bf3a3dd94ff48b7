import { createHash, randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { Database } from "#app/db/skjema.ts";
import type { Aktor } from "#app/kontekst.ts";
import type { Nokkel } from "#app/i18n/i18n.ts";
import { krev, type EierMedlemskap } from "#app/auth/tilgang.ts";
import { renTekst } from "#app/db/dialekt.ts";
import { lagKode } from "#app/domain/barnehage/invitasjon.server.ts";
import { loggHendelse } from "#app/domain/revisjon/revisjon.server.ts";
import { stastedForEier, type EierStasted } from "#app/domain/stasted/stasted.server.ts";
import { tilbakemeldingForEier, type EierModul } from "#app/domain/tilbakemelding/tilbakemelding.server.ts";
import { barnehageFremdrift, type BarnehageFremdrift } from "#app/domain/fremdrift/fremdrift.server.ts";
import type { opprettEierSkjema } from "./eier.schema.ts";
import {
  eiereForBruker,
  finnEierKode,
  hentEierMedlemskap,
  lagreEier,
  lagreEierKode,
  leggTilEierMedlem,
  listBarnehagerForEier,
  merkEierKodeBrukt,
  type EierBarnehage,
  type EierKodeRad,
  type Formaal,
} from "./eier.repo.server.ts";

type Db = { db: Kysely<Database> };

/** A code from an owner is valid this long: time to pass it on to a styrer or a colleague. */
export const KODE_GYLDIG_DAGER = 7;

/** Only the hash is stored; the purpose is part of it, so a code only works for what it was made for. */
export function hashEierKode(kode: string, formaal: Formaal): string {
  return createHash("sha256").update(`samla-eier:${formaal}:${kode}`).digest("hex");
}

/**
 * A signed-in person creates an owner (a municipality or a private owner) and becomes its first
 * person with the role eier.
 */
export async function opprettEier(aktor: Aktor | null, data: z.infer<typeof opprettEierSkjema>, { db }: Db, naa = new Date()): Promise<string> {
  krev(aktor, "opprett:eier");
  const id = randomUUID();
  await lagreEier(db, { id, navn: renTekst(data.navn), orgnummer: data.orgnummer ?? null, opprettet: naa }, aktor!.id);
  await loggHendelse(db, { hendelse: "eier_opprettet", aktorId: aktor!.id, organisasjonId: id, malId: aktor!.id }, naa);
  return id;
}

/**
 * The actor's membership of an owner, read from the database on every request; an owner the
 * actor does not act for is «not found».
 */
export async function krevEierMedlemskap(aktor: Aktor | null, eierId: string, { db }: Db): Promise<EierMedlemskap> {
  const medlemskap = aktor ? await hentEierMedlemskap(db, eierId, aktor.id) : null;
  krev(aktor, "se:eier", medlemskap);
  return medlemskap!;
}

/** The owners the signed-in person acts for (their start page). */
export async function mineEiere(aktor: Aktor | null, { db }: Db) {
  krev(aktor, "se:min-side");
  return eiereForBruker(db, aktor!.id);
}

/**
 * The barnehager of one owner with aggregate figures only. No access check here: callers are
 * use cases that checked the owner membership first (eierOversikt), or benchmarks. Figures from
 * other features (progress, ståsted, feedback) are added here, each with its own minimum.
 */
export async function barnehagerForEier(db: Kysely<Database>, eierId: string): Promise<EierBarnehage[]> {
  return listBarnehagerForEier(db, eierId);
}

/** The owner's page: its barnehager in aggregate, for the owner's people only. */
export async function eierOversikt(aktor: Aktor | null, medlemskap: EierMedlemskap, { db }: Db) {
  krev(aktor, "se:eier", medlemskap);
  const barnehager = await barnehagerForEier(db, medlemskap.eierId);
  return {
    barnehager,
    sum: { barnehager: barnehager.length, medlemmer: barnehager.reduce((s, b) => s + b.antallMedlemmer, 0), team: barnehager.reduce((s, b) => s + b.antallTeam, 0) },
  };
}

/**
 * A person of the owner makes a short code: «barnehage» for a styrer to link their barnehage
 * (the owner's half of the consent), «eier» for a colleague to join the owner. The code is
 * shown once; only its hash is stored.
 */
export async function lagEierKode(aktor: Aktor | null, medlemskap: EierMedlemskap, formaal: Formaal, { db }: Db, naa = new Date()) {
  krev(aktor, "endre:eier", medlemskap);
  const kode = lagKode();
  const utloper = new Date(naa.getTime() + KODE_GYLDIG_DAGER * 24 * 60 * 60 * 1000);
  const id = randomUUID();
  await lagreEierKode(db, { id, eierId: medlemskap.eierId, formaal, kodeHash: hashEierKode(kode, formaal), opprettetAv: aktor!.id, opprettet: naa, utloper });
  await loggHendelse(db, { hendelse: "eier_kode_laget", aktorId: aktor!.id, organisasjonId: medlemskap.eierId, malId: id, detaljer: { formaal } }, naa);
  return { kode, utloper: utloper.toISOString() };
}

/** Why a code cannot be used, or undefined when it can. */
export function kodeFeil(rad: EierKodeRad | undefined, naa: Date): Nokkel | undefined {
  if (!rad) return "eier.feil.kodeUkjent";
  if (rad.brukt) return "eier.feil.kodeBrukt";
  if (new Date(rad.utloper) <= naa) return "eier.feil.kodeUtlopt";
  return undefined;
}

export type BliEierSvar = { ok: true; eierId: string } | { ok: false; feil: Nokkel };

/** A signed-in person joins an owner with an «eier» code; someone already there just goes to its page. */
export async function brukEierInvitasjon(aktor: Aktor | null, kode: string, { db }: Db, naa = new Date()): Promise<BliEierSvar> {
  krev(aktor, "opprett:eier");
  const rad = await finnEierKode(db, hashEierKode(kode, "eier"), "eier");
  if (rad && (await hentEierMedlemskap(db, rad.eierId, aktor!.id))) return { ok: true, eierId: rad.eierId };
  const feil = kodeFeil(rad, naa);
  if (feil) return { ok: false, feil };
  if (!(await merkEierKodeBrukt(db, rad!.id, naa))) return { ok: false, feil: "eier.feil.kodeBrukt" };
  await leggTilEierMedlem(db, rad!.eierId, aktor!.id, naa);
  await loggHendelse(db, { hendelse: "eier_medlem_lagt_til", aktorId: aktor!.id, organisasjonId: rad!.eierId, malId: aktor!.id, detaljer: { kode: rad!.id } }, naa);
  return { ok: true, eierId: rad!.eierId };
}

// The owner's results (issue 4 point 5, issue 6 point 8) -----------------------------------------

export type EierResultater = {
  barnehager: { id: string; navn: string; fremdrift: BarnehageFremdrift }[];
  stasted: EierStasted;
  tilbakemelding: EierModul[];
};

/**
 * Progress, ståsted and module feedback for the owner's barnehager, each with its own minimum of
 * five (the aggregate use cases apply it). No access check: callers check it first (eierResultater),
 * or benchmarks. Only barnehager linked to this owner are ever read.
 */
export async function resultaterForEier(db: Kysely<Database>, eierId: string): Promise<EierResultater> {
  const barnehager = await barnehagerForEier(db, eierId);
  const ider = barnehager.map((b) => b.id);
  const [stasted, tilbakemelding] = await Promise.all([stastedForEier(db, ider), tilbakemeldingForEier(db, ider)]);
  const fremdrift: BarnehageFremdrift[] = [];
  for (const id of ider) fremdrift.push(await barnehageFremdrift(db, id));
  return { barnehager: barnehager.map((b, i) => ({ id: b.id, navn: b.navn, fremdrift: fremdrift[i]! })), stasted, tilbakemelding };
}

/** The owner's results page: aggregates only, for the owner's people only. */
export async function eierResultater(aktor: Aktor | null, medlemskap: EierMedlemskap, { db }: Db): Promise<EierResultater> {
  krev(aktor, "se:eier", medlemskap);
  return resultaterForEier(db, medlemskap.eierId);
}
