import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import { logg } from "#app/logg.server.ts";
import { brukernavn, hendelserForOrganisasjon, leggTilHendelse } from "./revisjon.repo.server.ts";
import { krev, type Medlemskap } from "#app/auth/tilgang.ts";
import type { Aktor } from "#app/kontekst.ts";
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

/**
 * The styrer reads the barnehage's own events, newest first, with the names of the people involved
 * (names of members the styrer can see anyway; never e-mail addresses or free text).
 */
export async function hendelserForBarnehage(aktor: Aktor | null, medlemskap: Medlemskap, forId: number | undefined, { db }: { db: Kysely<Database> }) {
  krev(aktor, "les:revisjonslogg", medlemskap);
  const side = await hendelserForOrganisasjon(db, medlemskap.barnehageId, { antall: 50, forId });
  const navn = await brukernavn(db, side.rader.flatMap((r) => [r.aktorId, r.malId]).filter((id): id is string => !!id));
  return {
    nesteForId: side.nesteForId,
    rader: side.rader.map((r) => ({
      id: r.id,
      tid: r.tid,
      hendelse: r.hendelse,
      hvem: r.aktorId ? (navn.get(r.aktorId) ?? null) : null,
      gjelder: r.malId ? (navn.get(r.malId) ?? null) : null,
      rolle: typeof r.detaljer?.rolle === "string" ? r.detaljer.rolle : typeof r.detaljer?.til === "string" ? r.detaljer.til : null,
    })),
  };
}
