import { expect, test } from "@playwright/test";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { oidcLeverandorId } from "../../app/auth/auth.server.ts";
import { sjekkUu } from "./hjelpere.ts";
import { startSertifisertLeverandor, type Sertifisert } from "./oidc-sertifisert.ts";
import { lagDb } from "../../app/db/db.server.ts";
import { oktFor } from "./okt.ts";

/**
 * SSO against an OpenID Certified provider implementation (oidc-provider, tests/e2e/oidc-sertifisert.ts)
 * instead of the oauth2 mock: a Samla server of its own (own data folder, OIDC_ISSUER = that
 * provider) and a full authorization-code + PKCE sign-in in Chromium through the provider's own
 * login and consent pages. The mock (sso.spec.ts) stays for the quick cases.
 */
const E2E = Number(process.env.E2E_PORT ?? 3100);
const APP_PORT = E2E + 9;
const OP_PORT = E2E + 1102;
const APP = `http://localhost:${APP_PORT}`;

let leverandor: Sertifisert;
let app: ChildProcess;
let data: string;
const tag = Date.now().toString(36);

test.beforeAll(async () => {
  const issuer = `http://localhost:${OP_PORT}`;
  leverandor = await startSertifisertLeverandor(OP_PORT, `${APP}/api/auth/callback/${oidcLeverandorId(issuer)}`, (sub) => `${sub}@example.no`);
  data = mkdtempSync(path.join(tmpdir(), "samla-e2e-sertifisert-"));
  app = spawn(process.execPath, ["server/main.ts"], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      PORT: String(APP_PORT),
      BASE_URL: APP,
      DATA_DIR: data,
      OIDC_ISSUER: leverandor.issuer,
      OIDC_CLIENT_ID: leverandor.clientId,
      OIDC_CLIENT_SECRET: leverandor.clientSecret,
      OIDC_NAVN: "Feide",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; ; i++) {
    const svar = await fetch(`${APP}/helse`).catch(() => null);
    if (svar?.ok) break;
    if (i > 120 || app.exitCode !== null) throw new Error("Samla startet ikke");
    await new Promise((ok) => setTimeout(ok, 250));
  }
});

test.afterAll(async () => {
  app?.kill("SIGTERM");
  if (app && app.exitCode === null) await new Promise((ok) => app.once("exit", ok));
  await leverandor?.stopp();
  if (data) rmSync(data, { recursive: true, force: true });
});

test("logger inn med Feide mot en sertifisert OpenID-leverandør (oidc-provider): kode + PKCE hele veien i Chromium", async ({ page }) => {
  const sub = `sertifisert-${tag}`;
  await page.goto(`${APP}/logg-inn`);
  await sjekkUu(page);
  await page.getByRole("button", { name: "Logg inn med Feide" }).click();

  // The provider's own login page: what Samla sent it.
  await expect(page).toHaveURL(new RegExp(`^http://localhost:${OP_PORT}/interaction/`));
  await page.locator('input[name="login"]').fill(sub);
  await page.locator('input[name="password"]').fill("hva som helst");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();

  await expect(page).toHaveURL(`${APP}/start`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Hei, Sertifisert ${sub}`);
  await sjekkUu(page);
  // The session, read from this server's own database (get-session is closed over HTTP, ADR 0021).
  const db = lagDb({ type: "sqlite", fil: path.join(data, "samla.sqlite") });
  try {
    const okt = await oktFor(page, db);
    expect(okt?.user.email).toBe(`${sub}@example.no`);
  } finally {
    await db.destroy();
  }
});

test("hos den sertifiserte leverandøren krevde Samla PKCE (S256), state og nonce", async ({ page }) => {
  let autorisasjon: URL | undefined;
  page.on("request", (r) => {
    if (r.url().startsWith(`http://localhost:${OP_PORT}/auth`)) autorisasjon = new URL(r.url());
  });
  await page.goto(`${APP}/logg-inn`);
  await page.getByRole("button", { name: "Logg inn med Feide" }).click();
  await expect(page).toHaveURL(new RegExp(`^http://localhost:${OP_PORT}/interaction/`));
  expect(autorisasjon?.searchParams.get("code_challenge_method")).toBe("S256");
  expect(autorisasjon?.searchParams.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(autorisasjon?.searchParams.get("state")).toBeTruthy();
  expect(autorisasjon?.searchParams.get("nonce")).toBeTruthy();
  expect(autorisasjon?.searchParams.get("response_type")).toBe("code");
});
