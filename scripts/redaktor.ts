import { env } from "../app/env.server.ts";
import { dbKonfigFraEnv, lagDb, migrer } from "../app/db/db.server.ts";
import { endreRedaktor } from "../app/domain/redaksjon/redaksjon.server.ts";

/**
 * `node scripts/redaktor.ts gi <e-post>` / `fjern <e-post>`: the operator grants or takes away the
 * editor role (issue 18, ADR 0034). Not self-service: there is no page in the app that does this.
 * The person must have an account. Uses the same database as the app (DATA_DIR or DATABASE_URL).
 */
const [handling, epost] = process.argv.slice(2);
if ((handling !== "gi" && handling !== "fjern") || !epost) {
  console.error("Bruk: node scripts/redaktor.ts gi|fjern <e-post>");
  process.exit(2);
}
const db = lagDb(dbKonfigFraEnv(env()));
try {
  await migrer(db);
  const svar = await endreRedaktor(db, epost, handling === "gi");
  const tekst = {
    gitt: `${epost} er redaktør.`,
    fjernet: `${epost} er ikke lenger redaktør.`,
    "var-ikke": `${epost} var ikke redaktør.`,
    "ingen-bruker": `Fant ingen konto med e-posten ${epost}.`,
  }[svar];
  console.log(tekst);
  if (svar === "ingen-bruker") process.exitCode = 1;
} catch (feil) {
  console.error(feil instanceof Error ? feil.message : String(feil));
  process.exitCode = 1;
} finally {
  await db.destroy();
}
