import type { Kysely } from "kysely";

/**
 * Looks through the whole database for a value: used by tests that prove nothing is left behind
 * (account deletion) and that every table was seeded (the canary test). Uses Kysely's own
 * introspection, so it sees every table on SQLite and PostgreSQL, also tables added later.
 * Not for request paths: it reads every row.
 */
export type Kolonne = { tabell: string; kolonne: string; type: string };

/** Every column of every app table (Kysely's migration bookkeeping excluded). */
export async function alleKolonner(db: Kysely<any>): Promise<Kolonne[]> {
  const tabeller = await db.introspection.getTables();
  return tabeller
    .filter((t) => !t.isView && !t.name.startsWith("kysely_"))
    .flatMap((t) => t.columns.map((c) => ({ tabell: t.name, kolonne: c.name, type: c.dataType.toLowerCase() })));
}

/** Where (table.column) a text occurs in any value, compared without case. */
export async function finnOveralt(db: Kysely<any>, tekst: string): Promise<string[]> {
  const naal = tekst.toLowerCase();
  const funn = new Set<string>();
  const kolonner = await alleKolonner(db);
  for (const tabell of new Set(kolonner.map((k) => k.tabell))) {
    const rader = (await db.selectFrom(tabell).selectAll().execute()) as Record<string, unknown>[];
    for (const rad of rader) {
      for (const [kolonne, verdi] of Object.entries(rad)) {
        if (verdi === null || verdi === undefined) continue;
        const som = verdi instanceof Date ? verdi.toISOString() : typeof verdi === "object" ? JSON.stringify(verdi) : String(verdi);
        if (som.toLowerCase().includes(naal)) funn.add(`${tabell}.${kolonne}`);
      }
    }
  }
  return [...funn].sort();
}
