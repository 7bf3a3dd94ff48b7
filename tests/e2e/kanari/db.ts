import path from "node:path";
import type { Kysely } from "kysely";
import { lagDb } from "../../../app/db/db.server.ts";
import type { Database } from "../../../app/db/skjema.ts";

/**
 * The app's own database, as the e2e server uses it (playwright.config.ts): PostgreSQL when
 * E2E_DATABASE_URL is set, else the SQLite file in the run's data folder. For seeding rows the UI
 * cannot make yet and for checking what is (or is not) left in the database.
 */
export function aapneAppDb(): Kysely<Database> {
  const url = process.env.E2E_DATABASE_URL;
  if (url) return lagDb({ type: "postgres", url });
  return lagDb({ type: "sqlite", fil: path.join(process.env.SAMLA_E2E_DATA_DIR!, "samla.sqlite") });
}
