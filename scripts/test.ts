import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

/**
 * `npm test`: the whole suite, in the order a newcomer would want it to fail: types, then unit and
 * database tests (SQLite and in-process PostgreSQL; a real server too when TEST_DATABASE_URL is
 * set), then the production build and the end-to-end tests in Debian's Chromium. Ends with the
 * line `N passed, N failed` that CI reads.
 *
 * Flags: --uten-e2e (skip the browser), --bare-db (only the database tests, for CI's second pass).
 */
const args = new Set(process.argv.slice(2));
const bareDb = args.has("--bare-db");
const utenE2e = args.has("--uten-e2e") || bareDb;
const npx = "npx";
rmSync("test-results", { recursive: true, force: true });
mkdirSync("test-results", { recursive: true });

function kjor(navn: string, kommando: string, argumenter: string[], env: NodeJS.ProcessEnv = {}) {
  console.log(`\n▶ ${navn}`);
  const r = spawnSync(kommando, argumenter, { stdio: "inherit", env: { ...process.env, ...env } });
  return r.status === 0;
}

let bestatt = 0;
let feilet = 0;
let ok = true;

if (!bareDb) {
  ok = kjor("Typesjekk", npx, ["react-router", "typegen"]) && kjor("Typesjekk", npx, ["tsc"]) && ok;
  if (!ok) feilet += 1;
}

const vitestArgs = ["vitest", "run", "--reporter=default", "--reporter=json", "--outputFile=test-results/vitest.json"];
if (bareDb) vitestArgs.push("app/db", "app/domain");
kjor(bareDb ? "Databasetester" : "Enhets- og databasetester", npx, vitestArgs);
if (existsSync("test-results/vitest.json")) {
  const v = JSON.parse(readFileSync("test-results/vitest.json", "utf8")) as { numPassedTests: number; numFailedTests: number; numTotalTestSuites: number; success: boolean };
  bestatt += v.numPassedTests;
  feilet += v.numFailedTests;
  if (!v.success && v.numFailedTests === 0) feilet += 1; // a file that failed to load
} else feilet += 1;

if (!utenE2e) {
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(chromium)) {
    console.error(`\nFant ikke Chromium (${chromium}). Installer Debians pakke: apt-get install -y chromium`);
    feilet += 1;
  } else if (kjor("Produksjonsbygg", "npm", ["run", "build"])) {
    const e2eOk = kjor("Ende-til-ende-tester (Chromium)", npx, ["playwright", "test"]);
    if (existsSync("test-results/e2e.json")) {
      const p = JSON.parse(readFileSync("test-results/e2e.json", "utf8")) as { stats: { expected: number; unexpected: number; flaky: number } };
      bestatt += p.stats.expected + p.stats.flaky;
      feilet += p.stats.unexpected;
      // A run that failed before any test (a web server that could not start, a global setup that
      // threw) reports no failed tests: it is still a failure.
      if (!e2eOk && p.stats.unexpected === 0) feilet += 1;
    } else feilet += 1;
  } else feilet += 1;
}

console.log(`\n${bestatt} passed, ${feilet} failed`);
process.exit(feilet === 0 && bestatt > 0 ? 0 : 1);
