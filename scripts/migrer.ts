import { env } from "../app/env.server.ts";
import { dbKonfigFraEnv, lagDb, migrer } from "../app/db/db.server.ts";

/** `npm run db:migrate`: runs pending migrations on the configured database and exits. */
const e = env();
const db = lagDb(dbKonfigFraEnv(e));
try {
  const kjort = await migrer(db);
  console.log(kjort.length ? `Kjørte ${kjort.length} migrering(er): ${kjort.join(", ")}` : "Databasen er allerede oppdatert.");
} catch (feil) {
  console.error(feil instanceof Error ? feil.message : String(feil));
  process.exitCode = 1;
} finally {
  await db.destroy();
}
