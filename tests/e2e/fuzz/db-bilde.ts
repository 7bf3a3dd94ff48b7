import { createHash } from "node:crypto";
import type { Kysely } from "kysely";

/**
 * A picture of the whole database, read through the test fixture's connection (`avh.db`, the
 * app's own database): for every table its row count and a checksum of its rows (each row as
 * canonical JSON, sorted), and the rows themselves so a difference can be shown.
 *
 * Tables left out, each because it legitimately changes on a request that is refused:
 */
export const UNNTATTE_TABELLER: Record<string, string> = {
  // Better Auth's sliding session: `updatedAt`/`expiresAt` are refreshed on any signed-in request
  // after `updateAge`, and the sign-in code step keeps its own short session; `logg-ut` deletes one.
  session: "Sesjonen forlenges (updatedAt/expiresAt) av hvilken som helst innlogget forespørsel",
  // The attempt counter (ADR 0013/0015): a wrong password or code is counted *because* it was refused.
  innloggingsforsok: "Feil passord eller kode telles nettopp fordi forsøket ble avvist",
  // Kysely's migration bookkeeping: never written by a request, left out to keep the picture small.
  kysely_migration: "Migreringsloggen skrives aldri av en forespørsel",
  kysely_migration_lock: "Migreringsloggen skrives aldri av en forespørsel",
};

/**
 * Rows left out of a table's picture, with the reason. The audit log records a refused guess
 * (ADR 0009, 0022: a wrong password, current password or code is logged *because* it was refused),
 * just as `innloggingsforsok` counts it; every other audit row still counts.
 */
const AVVISTE_FORSOK = new Set(["innlogging_feilet", "bekreftelse_feilet", "kode_feilet"]);
export const UNNTATTE_RADER: Record<string, { grunn: string; unntatt: (rad: Record<string, unknown>) => boolean }> = {
  revisjonslogg: { grunn: "Et avvist gjetteforsøk føres i revisjonsloggen nettopp fordi det ble avvist", unntatt: (r) => AVVISTE_FORSOK.has(String(r.hendelse)) },
};

export type Tabellbilde = { antall: number; sjekksum: string; rader: string[] };
export type Bilde = Map<string, Tabellbilde>;

function kanonisk(verdi: unknown): unknown {
  if (verdi instanceof Date) return verdi.toISOString();
  if (verdi instanceof Uint8Array) return Buffer.from(verdi).toString("hex");
  if (typeof verdi === "bigint") return verdi.toString();
  return verdi;
}

function radJson(rad: Record<string, unknown>): string {
  return JSON.stringify(Object.keys(rad).sort().map((k) => [k, kanonisk(rad[k])]));
}

let tabeller: string[] | undefined;

export async function taBilde(db: Kysely<any>): Promise<Bilde> {
  tabeller ??= (await db.introspection.getTables()).map((t) => t.name).filter((n) => !(n in UNNTATTE_TABELLER)).sort();
  const bilde: Bilde = new Map();
  for (const t of tabeller) {
    const unntak = UNNTATTE_RADER[t]?.unntatt;
    const rader = ((await db.selectFrom(t).selectAll().execute()) as Record<string, unknown>[]).filter((r) => !unntak?.(r)).map(radJson).sort();
    bilde.set(t, { antall: rader.length, sjekksum: createHash("sha256").update(rader.join("\n")).digest("hex").slice(0, 16), rader });
  }
  return bilde;
}

export type Endring = { tabell: string; for: { antall: number; sjekksum: string }; etter: { antall: number; sjekksum: string }; nye: string[]; borte: string[] };

/**
 * What changed between two pictures, and only what this test could have done: a row counts when
 * it names one of `nokler` (the ids and e-mails of the test's own people, barnehage, team …, and
 * the longer values it posted). Other test files may write to the same database at the same time
 * (two Playwright workers); their rows name none of these.
 */
export function endringer(for_: Bilde, etter: Bilde, nokler: string[]): Endring[] {
  const ut: Endring[] = [];
  const angar = (rad: string) => nokler.some((n) => rad.includes(n));
  for (const [tabell, e] of etter) {
    const f = for_.get(tabell) ?? { antall: 0, sjekksum: "", rader: [] };
    if (f.sjekksum === e.sjekksum) continue;
    const gamle = new Set(f.rader);
    const nyeSett = new Set(e.rader);
    const nye = e.rader.filter((r) => !gamle.has(r) && angar(r));
    const borte = f.rader.filter((r) => !nyeSett.has(r) && angar(r));
    if (nye.length || borte.length) ut.push({ tabell, for: { antall: f.antall, sjekksum: f.sjekksum }, etter: { antall: e.antall, sjekksum: e.sjekksum }, nye, borte });
  }
  return ut;
}
