import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { ANDRE_PORT } from "../../playwright.config.ts";
import { sjekkUu } from "./hjelpere.ts";
import { INVITASJONSKODE, PASSORDSJEKK } from "../../app/domain/konto/grense.server.ts";

/**
 * Limits on everything a stranger can guess (ADR 0022), through the real forms: the current
 * password per account, and invitation codes (one answer for unknown, used and expired codes; a
 * limit per code). Each refusal is 429 with «Vent til klokken HH:MM og prøv igjen.». The counts
 * come from the public constants, never from a test switch in the app.
 */
const PROV_IGJEN = /For mange forsøk\. Vent til klokken (\d\d):(\d\d) og prøv igjen\./;

/** The «try again at» time lies within the next 15 minutes (Norwegian time). */
function innenforKvarteret(tekst: string) {
  const m = PROV_IGJEN.exec(tekst);
  expect(m, "melding med klokkeslett").not.toBeNull();
  const naa = new Intl.DateTimeFormat("nb-NO", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "Europe/Oslo" }).format(new Date()).split(":").map(Number);
  const diff = (Number(m![1]) * 60 + Number(m![2]) - (naa[0]! * 60 + naa[1]!) + 24 * 60) % (24 * 60);
  expect(diff).toBeGreaterThanOrEqual(1);
  expect(diff).toBeLessThanOrEqual(16);
}

const post = (k: APIRequestContext, sti: string, form: Record<string, string>, origin: string) => k.post(sti, { form, headers: { Origin: origin }, maxRedirects: 0 });

test("feil nåværende passord på profilen sperrer kontoen med «prøv igjen klokken …», også riktig passord", async ({ page, baseURL, verden, klientSom, loggInn }) => {
  await verden.person("Gunn Gjetter");
  const klient = await klientSom("Gunn Gjetter");
  const bytt = (naavaerendePassord: string) => post(klient, "/profil", { intent: "bytt-passord", naavaerendePassord, passord: "et nytt langt passord", gjentaPassord: "et nytt langt passord" }, baseURL!);
  for (let i = 1; i <= PASSORDSJEKK.perKonto; i++) expect((await bytt(`feil passord ${i}`)).status(), `forsøk ${i}`).toBe(400);
  // Through the real form in the browser: the right password is refused too, with the time.
  await loggInn(page, "Gunn Gjetter");
  await page.goto("/profil");
  await page.getByLabel("Nåværende passord").fill("et godt langt passord");
  await page.getByLabel("Nytt passord", { exact: true }).fill("et nytt langt passord");
  await page.getByLabel("Gjenta det nye passordet").fill("et nytt langt passord");
  const [svar] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.getByRole("button", { name: "Bytt passord" }).click()]);
  expect(svar.status()).toBe(429);
  await expect(page.getByRole("link", { name: PROV_IGJEN })).toBeVisible();
  innenforKvarteret((await page.getByRole("link", { name: PROV_IGJEN }).textContent())!);
  await sjekkUu(page);
  // The same account is refused on the other forms that ask for the password.
  const slett = await post(klient, "/profil/slett", { passord: "et godt langt passord" }, baseURL!);
  expect(slett.status()).toBe(429);
  innenforKvarteret(await slett.text());
});

test("bli-med: en kode som ikke virker får det felles svaret, og én kode sperres etter grensen", async ({ page }) => {
  const tekst = async (kode: string) => {
    const r = await page.goto(`/bli-med?kode=${kode}`);
    return { status: r!.status(), feil: await page.locator(".feiloppsummering").innerText() };
  };
  const ukjent = await tekst("ZZZZ2345");
  expect(ukjent.status).toBe(400);
  expect(ukjent.feil).toContain("Denne koden virker ikke.");
  // Used and revoked codes give this same text: tests/e2e/barnehage.spec.ts.
  await sjekkUu(page);
  // One code, tried until its limit: then 429 with the time, whatever the code would have said.
  const proevd = "YYYY2345";
  for (let i = 1; i <= INVITASJONSKODE.perKode; i++) expect((await page.request.get(`/bli-med?kode=${proevd}`)).status(), `forsøk ${i}`).toBe(400);
  const sperret = await page.goto(`/bli-med?kode=${proevd}`);
  expect(sperret!.status()).toBe(429);
  innenforKvarteret(await page.locator(".feiloppsummering").innerText());
  await sjekkUu(page);
});

test("grensen for nåværende passord holder på tvers av to app-prosesser (PostgreSQL)", async ({ baseURL, verden, klientSom }) => {
  test.skip(!process.env.E2E_DATABASE_URL, "to prosesser krever PostgreSQL (E2E_DATABASE_URL)");
  const andre = `http://localhost:${ANDRE_PORT}`;
  await verden.person("Tove Toprosess");
  const klienter = [await klientSom("Tove Toprosess"), await klientSom("Tove Toprosess", { baseURL: andre })];
  const origin = [baseURL!, andre];
  const bytt = (i: number, pw: string) => post(klienter[i % 2]!, "/profil", { intent: "bytt-passord", naavaerendePassord: pw, passord: "et nytt langt passord", gjentaPassord: "et nytt langt passord" }, origin[i % 2]!);
  for (let i = 0; i < PASSORDSJEKK.perKonto; i++) expect((await bytt(i, `feil ${i}`)).status(), `forsøk ${i + 1} (prosess ${(i % 2) + 1})`).toBe(400);
  for (const i of [0, 1]) {
    const svar = await bytt(i, "et godt langt passord");
    expect(svar.status(), `prosess ${i + 1}`).toBe(429);
    innenforKvarteret(await svar.text());
  }
});
