import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import type { Aktor } from "#app/kontekst.ts";
import type { Nokkel } from "#app/i18n/i18n.ts";
import { ikkeFunnet, krev, type Medlemskap } from "#app/auth/tilgang.ts";
import { loggHendelse } from "#app/domain/revisjon/revisjon.server.ts";
import { hashEierKode, kodeFeil } from "./eier.server.ts";
import { eierForBarnehage, finnEierKode, knyttBarnehage, kobleFraBarnehage } from "./eier.repo.server.ts";

type Db = { db: Kysely<Database> };

export type TilknytningSvar = { ok: true; eierNavn: string } | { ok: false; feil: Nokkel };

/**
 * The styrer links the barnehage to an owner with the owner's code. The owner consented by making
 * the code, the barnehage by entering it. A barnehage has at most one owner: to change owner,
 * the styrer disconnects first. Entering a code of the current owner again changes nothing.
 */
export async function knyttTilEier(aktor: Aktor | null, medlemskap: Medlemskap, kode: string, { db }: Db, naa = new Date()): Promise<TilknytningSvar> {
  krev(aktor, "endre:barnehage", medlemskap);
  const rad = await finnEierKode(db, hashEierKode(kode, "barnehage"), "barnehage");
  const naavaerende = await eierForBarnehage(db, medlemskap.barnehageId);
  if (naavaerende) {
    return rad?.eierId === naavaerende.eierId ? { ok: true, eierNavn: naavaerende.eierNavn } : { ok: false, feil: "eier.feil.harEier" };
  }
  const feil = kodeFeil(rad, naa);
  if (feil) return { ok: false, feil };
  if (!(await knyttBarnehage(db, rad!.id, rad!.eierId, medlemskap.barnehageId, naa))) return { ok: false, feil: "eier.feil.kodeBrukt" };
  await loggHendelse(db, { hendelse: "barnehage_tilknyttet", aktorId: aktor!.id, organisasjonId: medlemskap.barnehageId, malId: rad!.eierId, detaljer: { kode: rad!.id } }, naa);
  return { ok: true, eierNavn: rad!.eierNavn };
}

/**
 * The styrer disconnects the barnehage from its owner; the owner no longer sees it from the next
 * request. The owner id must match the current owner, so an old page cannot disconnect a newer link.
 */
export async function kobleFraEier(aktor: Aktor | null, medlemskap: Medlemskap, eierId: string, { db }: Db, naa = new Date()): Promise<void> {
  krev(aktor, "endre:barnehage", medlemskap);
  if (!(await kobleFraBarnehage(db, medlemskap.barnehageId, eierId))) throw ikkeFunnet();
  await loggHendelse(db, { hendelse: "barnehage_frakoblet", aktorId: aktor!.id, organisasjonId: medlemskap.barnehageId, malId: eierId }, naa);
}
