import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, chmodSync } from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import pg from "pg";
import { env } from "../app/env.server.ts";
import { dbKonfigFraEnv } from "../app/db/db.server.ts";
import { aapneSqlite } from "../app/db/sqlite-adapter.server.ts";
import { AUTH_SECRET_FIL, MANIFEST, feil, harProgram, utenPassord, type Manifest } from "./db-sikkerhetskopi-felles.ts";

/**
 * `npm run db:restore -- <sikkerhetskopi>`: puts a backup from `npm run db:backup` into a FRESH data
 * folder (DATA_DIR, default ./data) and, on PostgreSQL, a fresh empty database (DATABASE_URL). It
 * refuses to overwrite anything: a non-empty data folder or a database with tables is an error.
 * Start Samla on it afterwards as usual. See docs/decisions/0024-sikkerhetskopi.md.
 */
const kilde = process.argv[2];
if (!kilde) feil("Bruk: DATA_DIR=/ny/mappe npm run db:restore -- <mappe med sikkerhetskopien>");
const mappe = path.resolve(kilde);
const manifestFil = path.join(mappe, MANIFEST);
if (!existsSync(manifestFil)) feil(`${mappe} er ikke en sikkerhetskopi fra npm run db:backup (fant ikke ${MANIFEST}).`);
const manifest = JSON.parse(readFileSync(manifestFil, "utf8")) as Manifest;
if (manifest.format !== "samla-sikkerhetskopi-1") feil(`Ukjent format på sikkerhetskopien: ${String(manifest.format)}.`);

const e = env();
const data = path.resolve(e.DATA_DIR);
if (existsSync(data) && readdirSync(data).length > 0) {
  feil(`Datamappa ${data} er ikke tom. Gjenoppretting skjer bare til en ny, tom mappe, så ingenting blir overskrevet: sett DATA_DIR til en ny mappe.`);
}
const konfig = dbKonfigFraEnv(e);
if (konfig.type !== manifest.database) {
  feil(
    manifest.database === "postgres"
      ? "Sikkerhetskopien er fra PostgreSQL: sett DATABASE_URL til en ny, tom database."
      : "Sikkerhetskopien er fra SQLite: fjern DATABASE_URL, så gjenopprettes den til samla.sqlite i DATA_DIR.",
  );
}
mkdirSync(data, { recursive: true, mode: 0o700 });

if (konfig.type === "sqlite") {
  // Copy under a temporary name, open it the way the app does (WAL, synchronous=FULL), then rename.
  const midlertidig = `${konfig.fil}.gjenoppretter`;
  copyFileSync(path.join(mappe, manifest.fil), midlertidig);
  const db = aapneSqlite(midlertidig);
  const sjekk = String((db.prepare("PRAGMA integrity_check").get() as { integrity_check: string }).integrity_check);
  db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  db.close();
  if (sjekk !== "ok") feil(`Sikkerhetskopien besto ikke integritetssjekken (${sjekk}).`);
  renameSync(midlertidig, konfig.fil);
  for (const hale of ["-wal", "-shm"]) if (existsSync(`${midlertidig}${hale}`)) renameSync(`${midlertidig}${hale}`, `${konfig.fil}${hale}`);
  chmodSync(konfig.fil, 0o600);
} else if (konfig.type === "postgres") {
  if (!harProgram("pg_restore")) {
    feil(
      [
        "Gjenoppretting til PostgreSQL bruker PostgreSQLs eget verktøy pg_restore, som ikke finnes her.",
        "Installer klientverktøyene (Debian: apt-get install postgresql-client), eller kjør selv mot en ny, tom database:",
        `  pg_restore --no-owner --exit-on-error --dbname "$DATABASE_URL" ${path.join(mappe, manifest.fil)}`,
      ].join("\n"),
    );
  }
  const klient = new pg.Client({ connectionString: konfig.url });
  await klient.connect();
  const { rows } = await klient.query<{ n: string }>(`select count(*)::text as n from information_schema.tables where table_schema = 'public'`);
  await klient.end();
  if (rows[0]?.n !== "0") feil(`Databasen ${utenPassord(konfig.url)} er ikke tom. Gjenoppretting skjer bare til en ny, tom database, så ingenting blir overskrevet.`);
  execFileSync("pg_restore", ["--no-owner", "--exit-on-error", "--dbname", konfig.url, path.join(mappe, manifest.fil)], { stdio: ["ignore", "inherit", "inherit"] });
}

if (manifest.authSecret) {
  copyFileSync(path.join(mappe, AUTH_SECRET_FIL), path.join(data, AUTH_SECRET_FIL));
  chmodSync(path.join(data, AUTH_SECRET_FIL), 0o600);
} else if (!e.AUTH_SECRET) {
  console.warn("ADVARSEL: sikkerhetskopien har ingen .auth-secret. Sett AUTH_SECRET til verdien appen brukte da kopien ble tatt, ellers virker ikke totrinnsinnlogging.");
}
console.log(`Gjenopprettet ${konfig.type === "postgres" ? `til ${utenPassord(konfig.url)}` : `til ${konfig.type === "sqlite" ? konfig.fil : "PGlite"}`} (sikkerhetskopi fra ${manifest.laget}). Start Samla med DATA_DIR=${data}.`);
