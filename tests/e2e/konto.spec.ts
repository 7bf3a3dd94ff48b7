import { expect, test } from "@playwright/test";
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fangKonsollfeil, registrer, sjekkUu, unikEpost } from "./hjelpere.ts";

test.describe("konto", () => {
  test("opprette konto, logge ut og logge inn igjen", async ({ page }) => {
    const feil = fangKonsollfeil(page);
    const epost = unikEpost();
    await page.goto("/start");
    await expect(page).toHaveURL(/\/logg-inn\?til=%2Fstart$/);
    await sjekkUu(page);
    await page.getByRole("link", { name: "Opprett konto" }).last().click();
    await sjekkUu(page);
    await registrer(page, "Kari Nordmann", epost);
    await expect(page.getByRole("heading", { level: 1, name: "Hei, Kari Nordmann" })).toBeVisible();
    await sjekkUu(page);
    // A public page that anonymous readers get from the page cache must not be cached for her.
    await page.goto("/pakke");
    await expect(page.getByRole("link", { name: "Min side" })).toBeVisible();

    await page.getByRole("link", { name: "Logg ut" }).click();
    await sjekkUu(page);
    await page.getByRole("button", { name: "Logg ut" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("link", { name: "Logg inn" })).toBeVisible();

    await page.getByRole("link", { name: "Logg inn" }).click();
    await page.getByLabel("E-postadresse").fill(epost);
    await page.getByLabel("Passord").fill("feil passord her");
    await page.getByRole("button", { name: "Logg inn", exact: true }).click();
    await expect(page.getByRole("link", { name: "E-postadressen eller passordet er feil." })).toBeVisible();
    await sjekkUu(page);
    await page.getByLabel("Passord").fill("et godt langt passord");
    await page.getByRole("button", { name: "Logg inn", exact: true }).click();
    await expect(page).toHaveURL(/\/start$/);
    expect(feil).toEqual([]);
  });

  test("målformen følger brukeren etter innlogging", async ({ page, browser }) => {
    const epost = unikEpost();
    await registrer(page, "Nils Nynorsk", epost);
    await page.getByRole("button", { name: "Nynorsk" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "nn");
    await expect(page.getByText("Her samlar vi det du og kollegaene dine arbeider med.")).toBeVisible();

    const ny = await browser.newContext();
    const side = await ny.newPage();
    await side.goto("/logg-inn");
    await side.getByLabel("E-postadresse").fill(epost);
    await side.getByLabel("Passord").fill("et godt langt passord");
    await side.getByRole("button", { name: "Logg inn", exact: true }).click();
    await expect(side).toHaveURL(/\/start$/);
    await expect(side.locator("html")).toHaveAttribute("lang", "nn");
    await ny.close();
  });

  test("registrering med feil i skjemaet gir norske meldinger ved feltene", async ({ page }) => {
    await page.goto("/registrer");
    await page.getByLabel("Navn").fill("Per");
    await page.getByLabel("E-postadresse").fill("per-uten-krøllalfa");
    await page.getByLabel("Passord").fill("kort");
    await page.getByRole("button", { name: "Opprett konto" }).click();
    await expect(page.getByText("Skriv en gyldig e-postadresse, for eksempel navn@barnehage.no.").first()).toBeVisible();
    await expect(page.getByText("Passordet må ha minst 10 tegn.").first()).toBeVisible();
    await expect(page.getByLabel("Navn")).toHaveValue("Per");
    await expect(page.getByLabel("E-postadresse")).toHaveAttribute("aria-invalid", "true");
    await sjekkUu(page);
  });
});

test("dataene overlever en omstart av serveren (SIGTERM stopper pent)", async ({ browser }) => {
  test.skip(!!process.env.E2E_DATABASE_URL, "Gjelder den innebygde SQLite-databasen");
  const port = Number(process.env.E2E_PORT ?? 3100) + 99;
  const dataDir = mkdtempSync(path.join(tmpdir(), "samla-omstart-"));
  const start = async () => {
    const p = spawn(process.execPath, ["server/main.ts"], {
      env: { ...process.env, PORT: String(port), BASE_URL: `http://localhost:${port}`, DATA_DIR: dataDir, NODE_ENV: "production", LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    await new Promise<void>((ok, feil) => {
      p.stdout!.on("data", (d: Buffer) => d.toString().includes('"klar"') && ok());
      p.on("exit", (kode) => feil(new Error(`serveren stoppet (${kode})`)));
    });
    return p;
  };
  const stopp = (p: ReturnType<typeof spawn>) => new Promise<number | null>((ok) => (p.on("exit", ok), p.kill("SIGTERM")));

  const epost = unikEpost("omstart");
  let server = await start();
  const ctx = await browser.newContext({ baseURL: `http://localhost:${port}` });
  const page = await ctx.newPage();
  await registrer(page, "Omstart Olsen", epost);
  expect(await stopp(server)).toBe(0);

  server = await start();
  await page.goto("/start");
  await expect(page.getByRole("heading", { level: 1, name: "Hei, Omstart Olsen" })).toBeVisible();
  await ctx.clearCookies();
  await page.goto("/logg-inn");
  await page.getByLabel("E-postadresse").fill(epost);
  await page.getByLabel("Passord").fill("et godt langt passord");
  await page.getByRole("button", { name: "Logg inn", exact: true }).click();
  await expect(page).toHaveURL(/\/start$/);
  await ctx.close();
  expect(await stopp(server)).toBe(0);
});
