import { afterAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { DatabaseSync } from "node:sqlite";
import pg from "pg";
import { dbKonfigFraEnv, lagDb, migrer } from "#app/db/db.server.ts";
import { lagAuth } from "#app/auth/auth.server.ts";
import { hentEllerLagHemmelighet } from "#app/tjenester.server.ts";
import { registrer } from "#app/domain/konto/konto.server.ts";
import { lagPerson, slaaPaaTofaktor, TEST_PASSORD, type Tofaktor } from "#app/test/fabrikk.ts";
import { testMappe } from "#app/db/test-dialekter.ts";
import { sisteBrukteSteg, totpKode } from "../tests/totp.ts";
import { harProgram } from "./db-sikkerhetskopi-felles.ts";

/**
 * The backup drill (issue 11 point 11, ADR 0024): the app's database takes sign-ups in a loop;
 * `npm run db:backup` runs in its own process in the middle of it; `npm run db:restore` puts the
 * copy into a fresh data folder; the app starts on it in a new process, and a person made before
 * the backup signs in with password + TOTP. Every sign-up
 * acknowledged before the backup started must be in the restored database.
 */
const kjor = promisify(execFile);
const ROT = path.resolve(import.meta.dirname, "..");
const PG_URL = process.env.TEST_DATABASE_URL;
const rydd: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const r of rydd.reverse()) await r();
});

type Oppsett = { DATA_DIR: string; DATABASE_URL?: string };
const miljo = (o: Oppsett, ekstra: Record<string, string> = {}) => {
  // A clean environment: Vitest's own (BASE_URL="/", MODE …) must not reach the app.
  return { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", ...ekstra, DATA_DIR: o.DATA_DIR, ...(o.DATABASE_URL ? { DATABASE_URL: o.DATABASE_URL } : {}) };
};
const skript = (navn: string, args: string[], o: Oppsett, ekstra?: Record<string, string>) =>
  kjor(process.execPath, [path.join(ROT, "scripts", navn), ...args], { cwd: ROT, env: miljo(o, ekstra) });

/** A new, empty PostgreSQL database on the TEST_DATABASE_URL server, dropped after the file. */
async function nyPgDatabase(): Promise<string> {
  const navn = `samla_drill_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${navn}`);
  await admin.end();
  rydd.push(async () => {
    const a = new pg.Client({ connectionString: PG_URL });
    await a.connect();
    await a.query(`drop database if exists ${navn} with (force)`);
    await a.end();
  });
  const u = new URL(PG_URL!);
  u.pathname = `/${navn}`;
  return u.toString();
}

/**
 * Starts the app on a data folder in a process of its own (klargjor(): env, database with the
 * start-up checks, migrations, the secret from DATA_DIR, content), then signs the person in the
 * way /logg-inn and /logg-inn/kode do (password, then the TOTP code) and reads the session.
 * No production build needed, so the drill runs in the Vitest phase of `npm test`.
 */
async function startAppOgLoggInn(o: Oppsett, epost: string, tofaktor: Tofaktor, bruktSteg: number): Promise<{ navn: string | null; tofaktor: boolean }> {
  // The code used to switch two-factor on must not be the one used now (codes are single-use).
  while (Math.floor(Date.now() / 30_000) <= bruktSteg) await new Promise((ok) => setTimeout(ok, 500));
  const kode = `
    const { klargjor, stopp } = await import("./app/tjenester.server.ts");
    const { loggInnCookie } = await import("./app/test/fabrikk.ts");
    const { merkBrukt } = await import("./tests/totp.ts");
    // This process has not seen the code that switched two-factor on: the parent tells it.
    merkBrukt(process.env.DRILL_TOTP, Number(process.env.DRILL_TOTP_STEG));
    const t = await klargjor();
    const cookie = await loggInnCookie({ db: t.db, auth: t.auth }, { epost: process.env.DRILL_EPOST }, { tofaktor: { hemmelighet: process.env.DRILL_TOTP, gjenopprettingskoder: [] } });
    const okt = await t.auth.api.getSession({ headers: new Headers({ cookie }) });
    console.log("DRILL " + JSON.stringify({ navn: okt?.user.name ?? null, tofaktor: Boolean(okt?.user.twoFactorEnabled) }));
    await stopp();
  `;
  const { stdout } = await kjor(process.execPath, ["--input-type=module", "-e", kode], {
    cwd: ROT,
    env: miljo(o, { LOG_LEVEL: "warn", DRILL_EPOST: epost, DRILL_TOTP: tofaktor.hemmelighet, DRILL_TOTP_STEG: String(bruktSteg) }),
  });
  const linje = stdout.split("\n").find((l) => l.startsWith("DRILL "));
  if (!linje) throw new Error(`Appen svarte ikke: ${stdout}`);
  return JSON.parse(linje.slice("DRILL ".length)) as { navn: string | null; tofaktor: boolean };
}

async function drill(dialekt: "sqlite" | "postgres") {
  const rot = mkdtempSync(path.join(testMappe(), "samla-drill-"));
  rydd.push(() => rmSync(rot, { recursive: true, force: true }));
  const orig: Oppsett = { DATA_DIR: path.join(rot, "data"), ...(dialekt === "postgres" ? { DATABASE_URL: await nyPgDatabase() } : {}) };
  const ny: Oppsett = { DATA_DIR: path.join(rot, "gjenopprettet"), ...(dialekt === "postgres" ? { DATABASE_URL: await nyPgDatabase() } : {}) };
  const kopi = path.join(rot, "kopi");

  // The app's database, opened the way the app opens it (WAL + synchronous=FULL on SQLite), and its secret in DATA_DIR.
  const db = lagDb(dbKonfigFraEnv(orig));
  await migrer(db);
  const auth = lagAuth(db, { baseURL: "http://localhost:3000", secret: hentEllerLagHemmelighet(orig.DATA_DIR), sikreCookies: false });
  const person = await lagPerson({ db, auth }, "Tove", { epost: `tove-${dialekt}@example.no` });
  const tofaktor = await slaaPaaTofaktor({ db, auth }, person);
  // The step whose code switched two-factor on (it may be the step before or after now).
  const bruktSteg = sisteBrukteSteg(tofaktor.hemmelighet) ?? Math.floor(Date.now() / 30_000);

  // Write load: sign-ups one after another until the backup is done (and a little longer).
  const kvittert: { epost: string; tid: number }[] = [];
  let stopp = false;
  const last = (async () => {
    for (let i = 0; !stopp && i < 2000; i++) {
      const epost = `last-${i}@example.no`;
      const svar = await registrer(auth, { navn: `Last ${i}`, epost, passord: TEST_PASSORD }, new Headers({ origin: "http://localhost:3000" }));
      if (!svar.ok) throw new Error(`Registrering ${i} feilet: ${svar.feil}`);
      kvittert.push({ epost, tid: performance.now() });
    }
  })();
  while (kvittert.length < 20) await new Promise((ok) => setTimeout(ok, 20));
  const backupStart = performance.now();
  const foer = kvittert.filter((k) => k.tid <= backupStart).map((k) => k.epost);
  const backup = await skript("db-backup.ts", [kopi], orig);
  await new Promise((ok) => setTimeout(ok, 300));
  stopp = true;
  await last;
  await db.destroy();
  // The load really ran across the backup.
  expect(kvittert.filter((k) => k.tid > backupStart).length).toBeGreaterThan(0);
  expect(backup.stdout).toContain("Sikkerhetskopi");
  expect(readdirSync(kopi).sort()).toEqual([".auth-secret", "manifest.json", dialekt === "sqlite" ? "samla.sqlite" : "samla.dump"]);

  // Restore refuses a data folder that is not empty (Norwegian message), then fills a fresh one.
  const nekt = await skript("db-restore.ts", [kopi], orig).then(
    () => null,
    (f: { code: number; stderr: string }) => f,
  );
  expect(nekt?.code).toBe(1);
  expect(nekt?.stderr).toContain("er ikke tom. Gjenoppretting skjer bare til en ny, tom mappe");
  await skript("db-restore.ts", [kopi], ny);

  // The app started on the restored folder: password + TOTP sign-in gives Tove's session.
  expect(await startAppOgLoggInn(ny, person.epost, tofaktor, bruktSteg)).toEqual({ navn: "Tove", tofaktor: true });

  // Every sign-up acknowledged before the backup started is there.
  const eposter = new Set<string>();
  if (dialekt === "sqlite") {
    const les = new DatabaseSync(path.join(ny.DATA_DIR, "samla.sqlite"), { readOnly: true });
    for (const r of les.prepare(`select email from "user"`).all() as { email: string }[]) eposter.add(r.email);
    les.close();
  } else {
    const k = new pg.Client({ connectionString: ny.DATABASE_URL });
    await k.connect();
    for (const r of (await k.query<{ email: string }>(`select email from "user"`)).rows) eposter.add(r.email);
    await k.end();
  }
  expect(foer.length).toBeGreaterThanOrEqual(20);
  expect(foer.filter((e) => !eposter.has(e))).toEqual([]);
  return { kvittert: kvittert.length, foer: foer.length, gjenopprettet: eposter.size };
}

describe("sikkerhetskopi og gjenoppretting", () => {
  it("SQLite: backup under skrivelast, gjenoppretting til ny mappe, innlogging med passord + TOTP, ingen kvitterte skriv tapt", { timeout: 150_000 }, async () => {
    const tall = await drill("sqlite");
    console.log(JSON.stringify({ drill: "sqlite", ...tall }));
  });

  it("SQLite: med AUTH_SECRET i miljøet advarer backupen om at hemmeligheten må tas vare på, og kopierer ingen", async () => {
    const rot = mkdtempSync(path.join(testMappe(), "samla-drill-"));
    rydd.push(() => rmSync(rot, { recursive: true, force: true }));
    const o = { DATA_DIR: path.join(rot, "data") };
    const db = lagDb(dbKonfigFraEnv(o));
    await migrer(db);
    await db.destroy();
    const svar = await skript("db-backup.ts", [path.join(rot, "kopi")], o, { AUTH_SECRET: "x".repeat(40) });
    expect(svar.stderr).toContain("AUTH_SECRET er satt i miljøet og ligger IKKE i sikkerhetskopien");
    expect(existsSync(path.join(rot, "kopi", ".auth-secret"))).toBe(false);
    // And a restore needs a fresh folder even when the folder only holds the secret.
    mkdirSync(path.join(rot, "ny"));
    writeFileSync(path.join(rot, "ny", ".auth-secret"), "x");
    await expect(skript("db-restore.ts", [path.join(rot, "kopi")], { DATA_DIR: path.join(rot, "ny") })).rejects.toMatchObject({ code: 1 });
  });

  // Without a PostgreSQL server (a newcomer's machine) the PostgreSQL half is skipped, and says so;
  // CI always sets TEST_DATABASE_URL, so there it runs.
  it.skipIf(!PG_URL)("PostgreSQL: pg_dump under skrivelast, pg_restore til en ny database, innlogging med passord + TOTP, ingen kvitterte skriv tapt", { timeout: 150_000 }, async () => {
    expect(harProgram("pg_dump") && harProgram("pg_restore"), "TEST_DATABASE_URL er satt, men pg_dump/pg_restore mangler (apt-get install postgresql-client)").toBe(true);
    const tall = await drill("postgres");
    console.log(JSON.stringify({ drill: "postgres", ...tall }));
  });
});
