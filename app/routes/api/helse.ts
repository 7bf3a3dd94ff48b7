import { tjenester } from "#app/tjenester.server.ts";
import { helseSvar } from "#app/db/helse.server.ts";

/** Health check for load balancers: 200 when the database answers and can be written, 503 otherwise. */
export async function loader() {
  const { db, innhold } = tjenester();
  return helseSvar(db, innhold.versjon);
}
