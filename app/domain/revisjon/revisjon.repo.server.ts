import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import { somIso, somJson, somTall } from "#app/db/dialekt.ts";
import type { Hendelse, NyHendelse, Revisjonsrad } from "./revisjon.ts";

/**
 * The audit log table (migration 0004-revisjonslogg). Only insert and read exist here on purpose:
 * the log is append-only, and the database refuses UPDATE and DELETE as well.
 */
export type RevisjonsloggTabell = {
  id: import("kysely").Generated<number | string>;
  tid: string | Date;
  hendelse: string;
  aktor_id: string | null;
  organisasjon_id: string | null;
  mal_id: string | null;
  detaljer: unknown;
};

// Kept out of app/db/skjema.ts for now to stay clear of the parallel barnehage work; move there later.
const medTabell = (db: Kysely<Database>) => db.withTables<{ revisjonslogg: RevisjonsloggTabell }>();

export async function leggTilHendelse(db: Kysely<Database>, h: NyHendelse, tid: Date): Promise<void> {
  await medTabell(db)
    .insertInto("revisjonslogg")
    .values({
      tid,
      hendelse: h.hendelse,
      aktor_id: h.aktorId ?? null,
      organisasjon_id: h.organisasjonId ?? null,
      mal_id: h.malId ?? null,
      // Always a string: pg would turn arrays into PG arrays (ADR 0002).
      detaljer: JSON.stringify(h.detaljer ?? {}),
    })
    .execute();
}

/** One page, newest first. Pass `forId` (the previous page's `nesteForId`) for the next page. */
export type Side = { antall?: number; forId?: number };
export type Revisjonsside = { rader: Revisjonsrad[]; nesteForId: number | undefined };

const MAKS_PER_SIDE = 200;

/** A barnehage's (organisation's) events, newest first. */
export function hendelserForOrganisasjon(db: Kysely<Database>, organisasjonId: string, side: Side = {}) {
  return hentSide(db, "organisasjon_id", organisasjonId, side);
}

/** Everything one person did, newest first (for their own data export). */
export function hendelserForAktor(db: Kysely<Database>, aktorId: string, side: Side = {}) {
  return hentSide(db, "aktor_id", aktorId, side);
}

async function hentSide(
  db: Kysely<Database>,
  kolonne: "organisasjon_id" | "aktor_id",
  verdi: string,
  { antall = 50, forId }: Side,
): Promise<Revisjonsside> {
  const grense = Math.min(Math.max(1, Math.trunc(antall)), MAKS_PER_SIDE);
  let q = medTabell(db).selectFrom("revisjonslogg").selectAll().where(kolonne, "=", verdi);
  if (forId !== undefined) q = q.where("id", "<", forId);
  const rader = await q.orderBy("id", "desc").limit(grense + 1).execute();
  const side = rader.slice(0, grense).map(
    (r): Revisjonsrad => ({
      id: somTall(r.id),
      tid: somIso(r.tid),
      hendelse: r.hendelse as Hendelse,
      aktorId: r.aktor_id,
      organisasjonId: r.organisasjon_id,
      malId: r.mal_id,
      detaljer: somJson(r.detaljer),
    }),
  );
  return { rader: side, nesteForId: rader.length > grense ? side.at(-1)?.id : undefined };
}

/** Display names for user ids found in the log (one query; unknown ids are simply absent). */
export async function brukernavn(db: Kysely<Database>, ider: string[]): Promise<Map<string, string>> {
  const unike = [...new Set(ider)];
  if (unike.length === 0) return new Map();
  const rader = await db.selectFrom("user").select(["id", "name"]).where("id", "in", unike).execute();
  return new Map(rader.map((r) => [r.id, r.name]));
}
