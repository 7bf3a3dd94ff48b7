import { defineConfig, devices } from "@playwright/test";
import { mkdtempSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { startKommando } from "./scripts/start-kommando.ts";

/**
 * End-to-end tests against the production build in Debian's Chromium (never `playwright install`).
 * Each run gets a fresh data folder. E2E_DATABASE_URL runs the same tests on PostgreSQL.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);
/**
 * Samlinger (ADR 0016): with E2E_DATABASE_URL, a second app process on the same PostgreSQL, so a
 * test can show that samling mode's state lives in the database, not in one process's memory.
 */
export const ANDRE_PORT = PORT + 7;
/**
 * The app as this worker's tests reach it (tests/e2e/fixtures.ts signs people in for this origin).
 * On PostgreSQL the production shape: two app processes on one database, and every other worker
 * talks to the second one (workers load this file themselves, with TEST_PARALLEL_INDEX set).
 */
const toProsesser = Boolean(process.env.E2E_DATABASE_URL);
export const FORSTE_URL = `http://localhost:${PORT}`;
export const ANDRE_URL = `http://localhost:${ANDRE_PORT}`;
export const APP_URL = toProsesser && Number(process.env.TEST_PARALLEL_INDEX ?? 0) % 2 === 1 ? ANDRE_URL : FORSTE_URL;
// Shared with the test workers (they inherit the env), so sso.spec.ts can reach the database.
const dataDir = (process.env.SAMLA_E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), "samla-e2e-")));
/** The local OIDC provider for sso.spec.ts (6000 = E2E_PORT 4000 + 2000 is a port Chromium refuses). */
export const OIDC_PORT = PORT + 1100;
const oidcServer = {
  command: "node tests/e2e/oidc-server.ts",
  url: `http://localhost:${OIDC_PORT}/.well-known/openid-configuration`,
  reuseExistingServer: false,
  timeout: 30_000,
  stdout: "ignore" as const,
  stderr: "pipe" as const,
  env: { OIDC_PORT: String(OIDC_PORT) },
};
// A real SMTP server for the whole run (tests/e2e/postkasse.oppsett.ts) stores each mail here.
// Workers inherit the main process's value, so all of them read the same folder.
export const SMTP_PORT = PORT + 1000;
process.env.E2E_EPOST_MAPPE ??= mkdtempSync(path.join(tmpdir(), "samla-e2e-epost-"));
// No background jobs (reminders, ADR 0031) in app processes the tests start, unless a test asks:
// workers inherit this, so servers spawned by specs are quiet too. paaminnelser.spec.ts starts its own.
process.env.JOBBER_INTERVALL_SEKUNDER ??= "0";
// Several processes on one database must share one AUTH_SECRET (app/env.server.ts), and the test
// workers sign people in with it (tests/e2e/fixtures.ts): always one random secret per run.
// One app process per server in the tests (WORKERS, issue 16), as before clustering: the specs
// that start their own server inherit it too; tests/e2e/klynge.spec.ts starts two on purpose.
const WORKERS = (process.env.WORKERS ??= "1");
const delteHemmelighet: Record<string, string> = { AUTH_SECRET: (process.env.SAMLA_E2E_AUTH_SECRET ??= randomBytes(32).toString("hex")) };
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** The app as `npm start` runs it: the built server (build/node/) with its memory settings (ADR 0033). */
const start = startKommando();

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  // Two workers on two cores (measured against one in docs/benchmarks.md); E2E_WORKERS to choose.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  globalSetup: "./tests/e2e/postkasse.oppsett.ts",
  timeout: 60_000,
  // Playwright empties its outputDir at start: keep it apart from the runners' JSON reports.
  outputDir: process.env.E2E_ARTEFAKTER ?? "test-results/e2e-artefakter",
  reporter: [["list"], ["json", { outputFile: process.env.E2E_JSON ?? "test-results/e2e.json" }]],
  use: {
    baseURL: APP_URL,
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: chromiumArgs },
    locale: "nb-NO",
    trace: "off",
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: chromiumArgs } } }],
  webServer: [oidcServer, appServer(PORT), ...(process.env.E2E_DATABASE_URL ? [appServer(ANDRE_PORT)] : [])],
});

function appServer(port: number) {
  return {
    command: `node ${start.fil}`,
    url: `http://localhost:${port}/helse`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore" as const,
    stderr: "pipe" as const,
    env: {
      PORT: String(port),
      BASE_URL: `http://localhost:${port}`,
      DATA_DIR: dataDir,
      NODE_ENV: "production",
      ...start.env,
      LOG_LEVEL: "warn",
      WORKERS,
      SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
      // No reminders from the shared app processes: tests/e2e/paaminnelser.spec.ts starts its own.
      JOBBER_INTERVALL_SEKUNDER: "0",
      // The fast path (ADR 0033) on or off: scripts/test.ts runs a few specs both ways.
      ...(process.env.HURTIGSTI ? { HURTIGSTI: process.env.HURTIGSTI } : {}),
      ...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : {}),
      ...delteHemmelighet,
      OIDC_ISSUER: `http://localhost:${OIDC_PORT}`,
      OIDC_CLIENT_ID: "samla-e2e",
      OIDC_CLIENT_SECRET: "hemmelig-for-e2e",
      OIDC_NAVN: "Feide",
    },
  };
}
