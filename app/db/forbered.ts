import type { Compilable, CompiledQuery, Kysely } from "kysely";
import type { Database } from "./skjema.ts";

type Verdi = string | number | boolean | Date | null;
type Parametre = Record<string, Verdi | readonly Verdi[] | undefined>;

/** At most this many shapes (lengths of the lists) are kept per query and database. */
const MAKS_FORMER = 64;

/**
 * A query built and compiled once, then run with new values (issue 16, ADR 0033). Building a query
 * with Kysely's builder and compiling it costs about 10 µs more than running the compiled SQL; on
 * the hottest pages that was a third of the time. `bygg` gets placeholders with the parameters'
 * types and builds the query as usual; the values are put in at run time. A list (`in (...)`) is
 * compiled once per length, and a parameter that is undefined is a different shape too, so `bygg`
 * may leave a condition out for it (it must not look at the values otherwise: they are
 * placeholders). Each database (SQLite or PostgreSQL) gets its own compiled SQL.
 */
export function forbered<P extends Parametre, R>(bygg: (db: Kysely<Database>, p: P) => Compilable<R>): (db: Kysely<Database>, verdier: P) => Promise<R[]> {
  const perDb = new WeakMap<Kysely<Database>, Map<string, { sporring: CompiledQuery<R>; kilder: (readonly [string, number] | null)[] }>>();
  return async (db, verdier) => {
    const form = Object.entries(verdier)
      .map(([k, v]) => (Array.isArray(v) ? `${k}[${v.length}]` : v === undefined ? `${k}?` : k))
      .join(",");
    let former = perDb.get(db);
    if (!former) perDb.set(db, (former = new Map()));
    let kompilert = former.get(form);
    if (!kompilert) {
      // Each value is a unique marker while building; the compiled parameters say where each one went.
      const merker = new Map<string, readonly [string, number]>();
      const merke = (k: string, i: number) => {
        const m = `\u0000forbered:${k}:${i}\u0000`;
        merker.set(m, [k, i]);
        return m;
      };
      const plass = Object.fromEntries(
        Object.entries(verdier).map(([k, v]) => [k, Array.isArray(v) ? v.map((_, i) => merke(k, i)) : v === undefined ? undefined : merke(k, -1)]),
      ) as P;
      const sporring = bygg(db, plass).compile();
      kompilert = { sporring, kilder: sporring.parameters.map((p) => (typeof p === "string" ? (merker.get(p) ?? null) : null)) };
      if (former.size >= MAKS_FORMER) former.clear();
      former.set(form, kompilert);
    }
    const { sporring, kilder } = kompilert;
    const parameters = sporring.parameters.map((p, i) => {
      const kilde = kilder[i];
      if (!kilde) return p;
      const v = verdier[kilde[0]];
      return kilde[1] < 0 ? v : (v as readonly Verdi[])[kilde[1]];
    });
    return (await db.executeQuery<R>({ ...sporring, parameters })).rows;
  };
}
