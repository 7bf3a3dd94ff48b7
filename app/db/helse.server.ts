import type { Kysely } from "kysely";
import type { Database } from "./skjema.ts";
import { lagringsfeil, pingDb, skriveproveDb } from "./db.server.ts";
import { logg, feilInfo } from "#app/logg.server.ts";

const HODER = { "Cache-Control": "no-store" };

/**
 * The answer of /helse: 200 when the database answers a read and takes a write (one upsert),
 * 503 otherwise, with what failed (never the error text, which may name files or hosts).
 */
export async function helseSvar(db: Kysely<Database>, innholdsversjon: string): Promise<Response> {
  try {
    await pingDb(db);
  } catch (feil) {
    logg.error("helse_database_feil", feilInfo(feil));
    return Response.json({ status: "feil", database: "svarer ikke" }, { status: 503, headers: HODER });
  }
  try {
    await skriveproveDb(db);
  } catch (feil) {
    const art = lagringsfeil(feil);
    logg.error("helse_skrivefeil", { art, ...feilInfo(feil) });
    return Response.json({ status: "feil", database: art === "full" ? "full" : art === "skrivebeskyttet" ? "skrivebeskyttet" : "kan ikke skrive" }, { status: 503, headers: HODER });
  }
  return Response.json({ status: "ok", database: "ok", innhold: innholdsversjon }, { headers: HODER });
}
