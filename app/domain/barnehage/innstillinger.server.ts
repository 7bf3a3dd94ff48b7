import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import type { Aktor } from "#app/kontekst.ts";
import { ikkeFunnet, krev, type Medlemskap } from "#app/auth/tilgang.ts";
import { renTekst } from "#app/db/dialekt.ts";
import { loggHendelse } from "#app/domain/revisjon/revisjon.server.ts";
import { eierForBarnehage } from "#app/domain/eier/eier.repo.server.ts";
import { hentBarnehage } from "./barnehage.repo.server.ts";
import { settBarnehageInfo } from "./innstillinger.repo.server.ts";

type Db = { db: Kysely<Database> };

/** What the styrer sees on the settings page: name, org number and the owner link, if any. */
export async function hentInnstillinger(aktor: Aktor | null, medlemskap: Medlemskap, { db }: Db) {
  krev(aktor, "endre:barnehage", medlemskap);
  const [barnehage, eier] = await Promise.all([hentBarnehage(db, medlemskap.barnehageId), eierForBarnehage(db, medlemskap.barnehageId)]);
  if (!barnehage) throw ikkeFunnet();
  return { navn: barnehage.navn, orgnummer: barnehage.orgnummer ?? null, eier: eier ?? null };
}

/**
 * The styrer changes the barnehage's name and org number (empty removes it). The audit log says
 * which of them changed, never the values (ADR 0009: technical values only).
 */
export async function lagreInnstillinger(aktor: Aktor | null, medlemskap: Medlemskap, data: { navn: string; orgnummer?: string }, { db }: Db, naa = new Date()) {
  krev(aktor, "endre:barnehage", medlemskap);
  const for_ = await hentBarnehage(db, medlemskap.barnehageId);
  if (!for_) throw ikkeFunnet();
  const ny = { navn: renTekst(data.navn), orgnummer: data.orgnummer ?? null };
  const endret = { navn: ny.navn !== for_.navn, orgnummer: ny.orgnummer !== (for_.orgnummer ?? null) };
  if (!endret.navn && !endret.orgnummer) return;
  await settBarnehageInfo(db, medlemskap.barnehageId, ny);
  await loggHendelse(db, { hendelse: "barnehage_endret", aktorId: aktor!.id, organisasjonId: medlemskap.barnehageId, detaljer: endret }, naa);
}
