import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import { logg } from "#app/logg.server.ts";
import { leggTilHendelse } from "./revisjon.repo.server.ts";
import { ugyldigDetalj, type NyHendelse } from "./revisjon.ts";

export type { Hendelse, NyHendelse } from "./revisjon.ts";

/**
 * Records an auth, role or membership event in the append-only audit log (revisjonslogg).
 * Details must be technical values only (ids, role names, outcome codes, keyed hashes): the log
 * can never be corrected, so personal text must never reach it. Throws rather than store a bad row.
 */
export async function loggHendelse(db: Kysely<Database>, hendelse: NyHendelse, tid = new Date()): Promise<void> {
  const feil = hendelse.detaljer ? ugyldigDetalj(hendelse.detaljer) : undefined;
  if (feil !== undefined) throw new Error(`Revisjonsloggen tar bare tekniske verdier (feltet «${feil}»).`);
  await leggTilHendelse(db, hendelse, tid);
  logg.info("revisjon", { hendelse: hendelse.hendelse });
}
