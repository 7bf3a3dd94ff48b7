import { tjenester } from "#app/tjenester.server.ts";
import { pingDb } from "#app/db/db.server.ts";
import { logg, feilInfo } from "#app/logg.server.ts";

/** Health check for load balancers: 200 when the database answers, 503 otherwise. */
export async function loader() {
  const { db, innhold } = tjenester();
  try {
    await pingDb(db);
    return Response.json({ status: "ok", database: "ok", innhold: innhold.versjon }, { headers: { "Cache-Control": "no-store" } });
  } catch (feil) {
    logg.error("helse_database_feil", feilInfo(feil));
    return Response.json({ status: "feil", database: "svarer ikke" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
