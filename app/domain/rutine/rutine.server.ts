import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import type { Aktor } from "#app/kontekst.ts";
import { ikkeFunnet, krev, type EierMedlemskap, type Medlemskap } from "#app/auth/tilgang.ts";
import { eierForBarnehage, listBarnehagerForEier } from "#app/domain/eier/eier.repo.server.ts";
import { RUTINE_FELT, lesSvar, type RutineInput, type RutineSvar } from "./rutine.schema.ts";
import * as repo from "./rutine.repo.server.ts";

type Db = { db: Kysely<Database> };

export type Rutine = { versjon: number; vedtatt: string; godkjentRolle: string; godkjentNavn: string | null; svar: RutineSvar };

const somRutine = (r: repo.RutineRad): Rutine => ({ versjon: r.versjon, vedtatt: r.vedtatt, godkjentRolle: r.godkjentRolle, godkjentNavn: r.godkjentNavn, svar: lesSvar(r.svar) });

/** A version number from the URL; anything else is «not found». */
export function versjonParam(v: string): number {
  if (!/^[1-9][0-9]{0,5}$/.test(v)) throw ikkeFunnet();
  return Number(v);
}

/** The barnehage's routine page: the current version (or none yet) and the list of versions. */
export async function rutineForBarnehage(aktor: Aktor | null, medlemskap: Medlemskap, { db }: Db) {
  krev(aktor, "se:rutine", medlemskap);
  const [gjeldende, historikk] = await Promise.all([repo.hentGjeldende(db, medlemskap.barnehageId), repo.hentHistorikk(db, medlemskap.barnehageId)]);
  return { gjeldende: gjeldende ? somRutine(gjeldende) : null, historikk };
}

/** One version (older versions stay readable: the routine is versioned, never overwritten). */
export async function rutineVersjon(aktor: Aktor | null, medlemskap: Medlemskap, versjon: number, { db }: Db): Promise<Rutine> {
  krev(aktor, "se:rutine", medlemskap);
  const rad = await repo.hentVersjon(db, medlemskap.barnehageId, versjon);
  if (!rad) throw ikkeFunnet();
  return somRutine(rad);
}

/**
 * The styrer adopts the routine from the guided form: a new version with «vedtatt dato» and the
 * styrer as approver (role and name). Nothing is overwritten. Only the styrer may (ADR 0036).
 */
export async function vedtaRutine(aktor: Aktor | null, medlemskap: Medlemskap, input: RutineInput, { db }: Db, naa = new Date()): Promise<{ versjon: number; lagret: string }> {
  krev(aktor, "endre:rutine", medlemskap);
  const svar = Object.fromEntries(RUTINE_FELT.map((f) => [f, input[f]]));
  const rad = { id: randomUUID(), barnehageId: medlemskap.barnehageId, svar: JSON.stringify(svar), vedtatt: input.vedtatt, godkjentRolle: medlemskap.rolle, godkjentNavn: aktor!.navn, godkjentAv: aktor!.id, opprettet: naa };
  try {
    return { versjon: await repo.leggTilVersjon(db, rad), lagret: naa.toISOString() };
  } catch {
    // Two adoptions at the same moment: the unique (barnehage, versjon) stopped the second; once more.
    return { versjon: await repo.leggTilVersjon(db, { ...rad, id: randomUUID() }), lagret: naa.toISOString() };
  }
}

/** The owner's list: each of its barnehager with the current routine's date and version, or none. */
export async function rutinerForEier(aktor: Aktor | null, medlemskap: EierMedlemskap, { db }: Db) {
  krev(aktor, "se:eier", medlemskap);
  const barnehager = await listBarnehagerForEier(db, medlemskap.eierId);
  const rutiner = await repo.gjeldendeFor(db, barnehager.map((b) => b.id));
  return barnehager.map((b) => ({ id: b.id, navn: b.navn, rutine: rutiner.get(b.id) ?? null }));
}

/**
 * The owner reads a linked barnehage's current routine. It holds roles and places, and the
 * approver's role and name, no personal data beyond that (ADR 0036). Another owner's barnehage,
 * or one with no routine, is «not found».
 */
export async function rutineForEier(aktor: Aktor | null, medlemskap: EierMedlemskap, barnehageId: string, { db }: Db) {
  krev(aktor, "se:eier", medlemskap);
  const eier = await eierForBarnehage(db, barnehageId);
  if (!eier || eier.eierId !== medlemskap.eierId) throw ikkeFunnet();
  const rad = await repo.hentGjeldende(db, barnehageId);
  if (!rad) throw ikkeFunnet();
  const navn = (await listBarnehagerForEier(db, medlemskap.eierId)).find((b) => b.id === barnehageId)?.navn ?? "";
  return { barnehageNavn: navn, rutine: somRutine(rad) };
}
