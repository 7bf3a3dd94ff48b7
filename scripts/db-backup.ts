import { copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, closeSync, readdirSync, writeFileSync, chmodSync } from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { DatabaseSync } from "node:sqlite";
import { env } from "../app/env.server.ts";
import { dbKonfigFraEnv } from "../app/db/db.server.ts";
import { AUTH_SECRET_FIL, MANIFEST, feil, harProgram, utenPassord, type Manifest } from "./db-sikkerhetskopi-felles.ts";

/**
 * `npm run db:backup [-- <mappe>]`: a consistent copy of Samla's data while the app runs, in a new
 * folder (default ./sikkerhetskopier/samla-<tid>). See docs/decisions/0024-sikkerhetskopi.md.
 *
 * - SQLite: `VACUUM INTO` from one read transaction, so the copy is the database as of one moment
 *   (WAL: the app keeps writing meanwhile), checked with `PRAGMA integrity_check` and fsynced.
 * - PostgreSQL: `pg_dump --format=custom` (PostgreSQL's own tool, one snapshot); restore with
 *   `pg_restore`. We do not reimplement them.
 * - The data folder's `.auth-secret` goes along: TOTP secrets and recovery codes are encrypted with
 *   it, so a database without its secret signs nobody with two-factor in. When AUTH_SECRET is set
 *   in the environment it is not copied, and the command says it must be kept.
 */
const e = env();
const tid = new Date().toISOString().replace(/[:.]/g, "-");
const maal = path.resolve(process.argv[2] ?? path.join("sikkerhetskopier", `samla-${tid}`));
if (existsSync(maal) && readdirSync(maal).length > 0) feil(`Mappa ${maal} finnes og er ikke tom. Velg en ny mappe for sikkerhetskopien.`);
mkdirSync(maal, { recursive: true, mode: 0o700 });

const konfig = dbKonfigFraEnv(e);
let fil: Manifest["fil"];
if (konfig.type === "sqlite") {
  if (!existsSync(konfig.fil)) feil(`Fant ingen database i ${konfig.fil}. Er DATA_DIR (${path.resolve(e.DATA_DIR)}) riktig?`);
  fil = "samla.sqlite";
  const ut = path.join(maal, fil);
  const db = new DatabaseSync(konfig.fil);
  try {
    // Wait for a writer instead of failing; VACUUM INTO itself only reads.
    db.exec("PRAGMA busy_timeout = 10000");
    db.prepare("VACUUM INTO ?").run(ut);
  } finally {
    db.close();
  }
  const kopi = new DatabaseSync(ut, { readOnly: true });
  const sjekk = String((kopi.prepare("PRAGMA integrity_check").get() as { integrity_check: string }).integrity_check);
  kopi.close();
  if (sjekk !== "ok") feil(`Sikkerhetskopien ${ut} besto ikke integritetssjekken (${sjekk}).`);
  chmodSync(ut, 0o600);
} else if (konfig.type === "postgres") {
  fil = "samla.dump";
  if (!harProgram("pg_dump")) {
    feil(
      [
        "Samla bruker PostgreSQL (DATABASE_URL). Sikkerhetskopien tas med PostgreSQLs eget verktøy pg_dump,",
        "som ikke finnes på denne maskinen. Installer klientverktøyene (Debian: apt-get install postgresql-client)",
        "i samme hovedversjon som serveren, eller kjør selv:",
        `  pg_dump --format=custom --file ${path.join(maal, fil)} "$DATABASE_URL"`,
        "Gjenopprett til en ny, tom database med:",
        '  pg_restore --no-owner --exit-on-error --dbname "$NY_DATABASE_URL" samla.dump',
      ].join("\n"),
    );
  }
  // pg_dump takes one snapshot (repeatable read), so the app can keep writing while it runs.
  execFileSync("pg_dump", ["--format=custom", "--no-owner", "--file", path.join(maal, fil), konfig.url], { stdio: ["ignore", "inherit", "inherit"] });
  chmodSync(path.join(maal, fil), 0o600);
} else {
  feil("PGlite brukes bare i tester; det finnes ingen sikkerhetskopi av den.");
}

const hemmelighet = path.resolve(e.DATA_DIR, AUTH_SECRET_FIL);
let authSecret = false;
if (e.AUTH_SECRET) {
  console.warn(
    "ADVARSEL: AUTH_SECRET er satt i miljøet og ligger IKKE i sikkerhetskopien. Ta vare på den samme verdien sammen med " +
      "kopien: uten den kan ingen med totrinnsinnlogging logge inn etter en gjenoppretting (TOTP-nøklene er kryptert med den).",
  );
} else if (existsSync(hemmelighet)) {
  copyFileSync(hemmelighet, path.join(maal, AUTH_SECRET_FIL));
  chmodSync(path.join(maal, AUTH_SECRET_FIL), 0o600);
  authSecret = true;
} else {
  console.warn(`ADVARSEL: fant verken AUTH_SECRET eller ${hemmelighet}. Uten den samme hemmeligheten kan ingen med totrinnsinnlogging logge inn etter en gjenoppretting.`);
}

const manifest: Manifest = { format: "samla-sikkerhetskopi-1", laget: new Date().toISOString(), database: konfig.type, fil, authSecret };
writeFileSync(path.join(maal, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
// The copy is only a backup once it is on disk: fsync the files and the folder.
for (const f of readdirSync(maal)) {
  const fd = openSync(path.join(maal, f), "r");
  fsyncSync(fd);
  closeSync(fd);
}
const fd = openSync(maal, "r");
fsyncSync(fd);
closeSync(fd);
console.log(`Sikkerhetskopi (${konfig.type === "postgres" ? `pg_dump av ${utenPassord(konfig.url)}` : "SQLite, VACUUM INTO"}) skrevet til ${maal}`);
console.log(`Gjenopprett til en ny, tom datamappe med: DATA_DIR=/ny/mappe npm run db:restore -- ${maal}`);
