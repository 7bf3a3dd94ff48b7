import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { adminSporring } from "../app/db/test-dialekter.ts";

/**
 * `npm test`: the whole suite, in the order a newcomer would want it to fail: types, then unit,
 * component and database tests, then the production build and the end-to-end tests in Debian's
 * Chromium. Ends with the line `N passed, N failed` that CI reads, after the seconds of each phase
 * and the ten slowest tests.
 *
 * Where the databases come from:
 * - without TEST_DATABASE_URL (a newcomer's machine): database tests on SQLite and in-process
 *   PostgreSQL (PGlite); the whole browser suite on SQLite.
 * - with TEST_DATABASE_URL (CI, or anyone with a server): database tests on SQLite and that real
 *   PostgreSQL server; the whole browser suite ONCE on PostgreSQL with two app processes (the
 *   production shape), then a smoke subset on SQLite (axe ran on those pages in the first run).
 *
 * Flag: --uten-e2e (skip the build and the browser).
 */
const args = new Set(process.argv.slice(2));
const utenE2e = args.has("--uten-e2e");
const pgServer = process.env.TEST_DATABASE_URL;
const npx = "npx";

/** The smoke subset on SQLite when the full run was on PostgreSQL (issue 17). */
const ROYKTESTER = [
  "tests/e2e/offentlig.spec.ts",
  "tests/e2e/konto.spec.ts",
  "tests/e2e/uten-javascript.spec.ts",
  "tests/e2e/autorisasjon.spec.ts",
  "tests/e2e/innlogging-grense.spec.ts",
  "tests/e2e/kanari.spec.ts",
  // Malformed URLs, headers and bodies must get a safe answer on both databases (issue 11).
  "tests/e2e/robusthet.spec.ts",
  // Two app processes on one SQLite file (WORKERS, ADR 0033): only the embedded database has this case.
  "tests/e2e/klynge.spec.ts",
  // The fast path's equality test (ADR 0033) on the embedded database too.
  "tests/e2e/hurtigsti.spec.ts",
];

/**
 * The fast path for the team module page and /start (ADR 0033) is on in every run above; these specs
 * run once more with it off (HURTIGSTI=av), on each database the run has, so the authorization
 * matrix, the canary crawl and the equality test hold on React Router's path alone too. Axe ran on
 * these pages already.
 */
const UTEN_HURTIGSTI = ["tests/e2e/autorisasjon.spec.ts", "tests/e2e/kanari.spec.ts", "tests/e2e/hurtigsti.spec.ts"];

rmSync("test-results", { recursive: true, force: true });
mkdirSync("test-results", { recursive: true });

type Fase = { navn: string; sekunder: number; ok: boolean };
type Treg = { navn: string; ms: number };
const faser: Fase[] = [];
const trege: Treg[] = [];
let bestatt = 0;
let feilet = 0;

function kjor(navn: string, kommando: string, argumenter: string[], env: NodeJS.ProcessEnv = {}): boolean {
  console.log(`\n▶ ${navn}`);
  const start = performance.now();
  const r = spawnSync(kommando, argumenter, { stdio: "inherit", env: { ...process.env, ...env } });
  const ok = r.status === 0;
  faser.push({ navn, sekunder: (performance.now() - start) / 1000, ok });
  return ok;
}

// 1. Types.
if (!(kjor("Typesjekk (typegen)", npx, ["react-router", "typegen"]) && kjor("Typesjekk (tsc)", npx, ["tsc"]))) feilet += 1;

// 2. Unit, component and database tests.
const vitestOk = kjor(pgServer ? "Enhets- og databasetester (SQLite + PostgreSQL-server)" : "Enhets- og databasetester (SQLite + PGlite)", npx, [
  "vitest",
  "run",
  "--reporter=default",
  "--reporter=json",
  "--outputFile=test-results/vitest.json",
]);
lesVitest("test-results/vitest.json", vitestOk);

// 3. Build and browser.
if (!utenE2e) {
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(chromium)) {
    console.error(`\nFant ikke Chromium (${chromium}). Installer Debians pakke: apt-get install -y chromium`);
    feilet += 1;
  } else if (!kjor("Produksjonsbygg", "npm", ["run", "build"])) {
    feilet += 1;
  } else if (pgServer) {
    await medPostgres(pgServer, (url) =>
      e2e("Ende-til-ende-tester, alle (PostgreSQL, to app-prosesser)", [], { E2E_DATABASE_URL: url, E2E_JSON: "test-results/e2e-postgres.json", E2E_ARTEFAKTER: "test-results/e2e-postgres" }),
    );
    e2e("Ende-til-ende-tester, røyktest (SQLite)", ROYKTESTER, { E2E_AXE: "av", E2E_JSON: "test-results/e2e-sqlite.json", E2E_ARTEFAKTER: "test-results/e2e-sqlite" });
    if (feilet === 0)
      await medPostgres(pgServer, (url) =>
        e2e("Ende-til-ende-tester uten hurtigstien (PostgreSQL, HURTIGSTI=av)", UTEN_HURTIGSTI, { E2E_DATABASE_URL: url, HURTIGSTI: "av", E2E_AXE: "av", E2E_JSON: "test-results/e2e-uten-hurtigsti-pg.json", E2E_ARTEFAKTER: "test-results/e2e-uten-hurtigsti-pg" }),
      );
  } else {
    e2e("Ende-til-ende-tester, alle (SQLite)", [], { E2E_JSON: "test-results/e2e-sqlite.json", E2E_ARTEFAKTER: "test-results/e2e-sqlite" });
  }
  if (feilet === 0) e2e("Ende-til-ende-tester uten hurtigstien (SQLite, HURTIGSTI=av)", UTEN_HURTIGSTI, { HURTIGSTI: "av", E2E_AXE: "av", E2E_JSON: "test-results/e2e-uten-hurtigsti.json", E2E_ARTEFAKTER: "test-results/e2e-uten-hurtigsti" });
}

rapport();
process.exit(feilet === 0 && bestatt > 0 ? 0 : 1);

/** A fresh database on the PostgreSQL server for one e2e run, dropped afterwards. */
async function medPostgres(server: string, kjor: (url: string) => void) {
  const navn = `samla_e2e_${randomBytes(5).toString("hex")}`;
  const url = new URL(server);
  url.pathname = `/${navn}`;
  await adminSporring(server, `create database ${navn}`);
  try {
    kjor(url.toString());
  } finally {
    await adminSporring(server, `drop database if exists ${navn} with (force)`);
  }
}

function e2e(navn: string, filer: string[], env: Record<string, string>) {
  const ok = kjor(navn, npx, ["playwright", "test", ...filer], env);
  const fil = env.E2E_JSON!;
  if (!existsSync(fil)) {
    feilet += 1;
    return;
  }
  type Resultat = { duration: number; status: string };
  type Spes = { title: string; file: string; tests: { results: Resultat[] }[] };
  type Suite = { specs?: Spes[]; suites?: Suite[] };
  const p = JSON.parse(readFileSync(fil, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number }; suites: Suite[] };
  bestatt += p.stats.expected + p.stats.flaky;
  feilet += p.stats.unexpected;
  // A run that failed before any test (a web server that could not start, a global setup that
  // threw) reports no failed tests: it is still a failure.
  if (!ok && p.stats.unexpected === 0) feilet += 1;
  const besok = (s: Suite) => {
    for (const spes of s.specs ?? []) {
      const ms = spes.tests.flatMap((t) => t.results).reduce((sum, r) => sum + r.duration, 0);
      trege.push({ navn: `e2e ${navn.includes("SQLite") ? "sqlite" : "postgres"} › ${spes.file} › ${spes.title}`, ms });
    }
    for (const under of s.suites ?? []) besok(under);
  };
  p.suites.forEach(besok);
}


function lesVitest(fil: string, ok: boolean) {
  if (!existsSync(fil)) {
    feilet += 1;
    return;
  }
  type Fil = { name: string; assertionResults: { fullName: string; duration?: number | null }[] };
  const v = JSON.parse(readFileSync(fil, "utf8")) as { numPassedTests: number; numFailedTests: number; success: boolean; testResults: Fil[] };
  bestatt += v.numPassedTests;
  feilet += v.numFailedTests;
  // A file that failed to load, or an error outside the tests (a global set-up or teardown that threw).
  if ((!v.success || !ok) && v.numFailedTests === 0) feilet += 1;
  for (const f of v.testResults) {
    const sti = f.name.replace(`${process.cwd()}/`, "");
    for (const t of f.assertionResults) trege.push({ navn: `vitest › ${sti} › ${t.fullName}`, ms: t.duration ?? 0 });
  }
}

function rapport() {
  const sum = faser.reduce((s, f) => s + f.sekunder, 0);
  console.log("\nTid per fase:");
  for (const f of faser) console.log(`  ${f.sekunder.toFixed(1).padStart(7)} s  ${f.ok ? " " : "✘"} ${f.navn}`);
  console.log(`  ${sum.toFixed(1).padStart(7)} s    i alt`);
  const tiTregeste = [...trege].sort((a, b) => b.ms - a.ms).slice(0, 10);
  console.log("\nDe ti tregeste testene:");
  for (const t of tiTregeste) console.log(`  ${(t.ms / 1000).toFixed(1).padStart(7)} s  ${t.navn}`);
  writeFileSync("test-results/tider.json", JSON.stringify({ faser, tiTregeste }, null, 2));
  console.log(`\n${bestatt} passed, ${feilet} failed`);
}
