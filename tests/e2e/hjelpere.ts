import { randomBytes } from "node:crypto";
import { expect, type Browser, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { nyTotpKode, totpKode } from "../totp.ts";

export { nyTotpKode, totpKode };

/** The password every helper here signs up with. */
export const STANDARDPASSORD = "et godt langt passord";

/**
 * Runs axe (WCAG 2.2 AA) on the page as it is now; any violation fails the test. Once per page
 * state: `npm test` sets E2E_AXE=av for the SQLite smoke run, whose pages the full run checked.
 */
export async function sjekkUu(page: Page) {
  if (process.env.E2E_AXE === "av") return;
  const resultat = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const funn = resultat.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(funn, `axe på ${page.url()}`).toEqual([]);
}

/**
 * axe needs JavaScript in the page. For a page opened with JavaScript off, load the exact same
 * HTML into a second page that blocks the app's scripts, and run axe there.
 */
export async function sjekkUuUtenJs(page: Page, browser: Browser) {
  const html = await page.content();
  const url = page.url();
  const ctx = await browser.newContext({ javaScriptEnabled: true });
  const kopi = await ctx.newPage();
  await kopi.route("**/*", (rute) => {
    const u = rute.request().url();
    if (u === url) return rute.fulfill({ body: html, contentType: "text/html; charset=utf-8" });
    if (rute.request().resourceType() === "script") return rute.abort();
    return rute.continue();
  });
  await kopi.goto(url);
  await sjekkUu(kopi);
  await ctx.close();
}

/** Fails the test on console errors (CSP violations, hydration errors, missing files). */
export function fangKonsollfeil(page: Page) {
  const feil: string[] = [];
  page.on("console", (m) => {
    // A form answered with 400 (bad input) is expected; the page shows the message.
    if (m.type() === "error" && !/status of 400/.test(m.text())) feil.push(m.text());
  });
  page.on("pageerror", (e) => feil.push(String(e)));
  return feil;
}

let teller = 0;
/**
 * A unique e-mail per call, so tests never collide on a shared database: the worker index and a
 * random part, since two workers start their counters (and often their clocks) together.
 */
export function unikEpost(prefiks = "ansatt") {
  teller += 1;
  return `${prefiks}.w${process.env.TEST_WORKER_INDEX ?? "0"}.${Date.now().toString(36)}${teller}.${randomBytes(4).toString("hex")}@example.no`;
}

export async function registrer(page: Page, navn: string, epost: string, passord = STANDARDPASSORD) {
  await page.goto("/registrer");
  await page.getByLabel("Navn").fill(navn);
  await page.getByLabel("E-postadresse").fill(epost);
  await page.getByLabel("Passord").fill(passord);
  await page.getByRole("button", { name: "Opprett konto" }).click();
  await expect(page).toHaveURL(/\/start$/);
}

type Klient = import("@playwright/test").APIRequestContext;
type KlientFabrikk = typeof import("@playwright/test").request;

/** A signed-in API client, made through the app's own sign-up form. */
export async function nyKlient(playwright: KlientFabrikk, baseURL: string, navn: string): Promise<Klient> {
  const klient = await playwright.newContext({ baseURL });
  const r = await klient.post("/registrer", { form: { navn, epost: unikEpost("matrise"), passord: "et godt langt passord" }, headers: { Origin: baseURL }, maxRedirects: 0 });
  expect(r.status()).toBe(302);
  return klient;
}

/**
 * Creates a barnehage as this client (who becomes styrer) and returns its id. A styrer must have
 * two-factor sign-in (ADR 0013), so the client switches it on through the app's own forms unless
 * it is on already; the client must have signed up with STANDARDPASSORD.
 */
export async function opprettBarnehageMed(klient: Klient, baseURL: string, navn: string): Promise<string> {
  const r = await klient.post("/barnehage/ny", { form: { navn }, headers: { Origin: baseURL }, maxRedirects: 0 });
  expect(r.status()).toBe(302);
  const id = /\/barnehage\/([^/?]+)$/.exec(r.headers()["location"]!)![1]!;
  const status = await (await klient.get("/profil/tofaktor")).text();
  if (!status.includes('data-tofaktor-status="paa"')) await aktiverTofaktorMedKlient(klient, baseURL);
  return id;
}

/** What a person gets when two-factor is switched on: the key for the app, and the 10 recovery codes. */
export type Tofaktor = { nokkel: string; koder: string[] };

/** Switches two-factor sign-in on for a signed-in API client, through the forms on /profil/tofaktor. */
export async function aktiverTofaktorMedKlient(klient: Klient, baseURL: string, passord = STANDARDPASSORD): Promise<Tofaktor> {
  const start = await klient.post("/profil/tofaktor", { form: { intent: "start", passord }, headers: { Origin: baseURL }, maxRedirects: 0 });
  expect(start.status()).toBe(302);
  const side = await (await klient.get("/profil/tofaktor")).text();
  const nokkel = /data-tofaktor-nokkel="true">([A-Z2-7 ]+)</.exec(side)![1]!;
  const bekreft = await klient.post("/profil/tofaktor", { form: { intent: "bekreft", kode: await nyTotpKode(nokkel) }, headers: { Origin: baseURL }, maxRedirects: 0 });
  expect(bekreft.status()).toBe(200);
  const koder = [...(await bekreft.text()).matchAll(/<li>([A-Za-z0-9]{5}-[A-Za-z0-9]{5})<\/li>/g)].map((m) => m[1]!);
  expect(koder).toHaveLength(10);
  return { nokkel, koder };
}

/**
 * Switches two-factor sign-in on for the person signed in on this page, through the same forms
 * (posted with the page's own cookies, so the browser keeps the renewed session). The page must
 * have opened a page of the app. The clicks themselves are tested in tofaktor.spec.ts.
 */
export async function aktiverTofaktor(page: Page, passord = STANDARDPASSORD): Promise<Tofaktor> {
  return aktiverTofaktorMedKlient(page.request, new URL(page.url()).origin, passord);
}

/** The styrer makes an invitation and reads the code shown once on the page. */
export async function inviter(styrer: Klient, baseURL: string, barnehageId: string, rolle: "ansatt" | "leder"): Promise<string> {
  const r = await styrer.post(`/barnehage/${barnehageId}/invitasjoner`, { form: { intent: "opprett", rolle }, headers: { Origin: baseURL }, maxRedirects: 0 });
  expect(r.status()).toBe(200);
  return /data-invitasjonskode="true">([A-Z0-9]{8})</.exec(await r.text())![1]!;
}

/** Someone without an account joins with a code: account and membership in one form. */
export async function bliMedSomNy(playwright: KlientFabrikk, baseURL: string, kode: string, navn: string): Promise<Klient> {
  const klient = await playwright.newContext({ baseURL });
  const r = await klient.post(`/bli-med?kode=${kode}`, {
    form: { intent: "registrer", kode, navn, epost: unikEpost("matrise"), passord: "et godt langt passord" },
    headers: { Origin: baseURL },
    maxRedirects: 0,
  });
  expect(r.status()).toBe(302);
  expect(r.headers()["location"]).toMatch(/^\/barnehage\//);
  return klient;
}

// Owners (ADR 0014) ----------------------------------------------------------------------------

/**
 * Creates an owner as this client (who becomes its eier) and returns its id. An eier must have
 * two-factor sign-in (ADR 0013), so it is switched on here as for a styrer.
 */
export async function opprettEierMed(klient: Klient, baseURL: string, navn: string): Promise<string> {
  const r = await klient.post("/eier/ny", { form: { navn }, headers: { Origin: baseURL }, maxRedirects: 0 });
  expect(r.status()).toBe(302);
  const id = /\/eier\/([^/?]+)$/.exec(r.headers()["location"]!)![1]!;
  const status = await (await klient.get("/profil/tofaktor")).text();
  if (!status.includes('data-tofaktor-status="paa"')) await aktiverTofaktorMedKlient(klient, baseURL);
  return id;
}

/** A person of the owner makes a code (shown once on the page) and reads it. */
export async function lagEierKode(eier: Klient, baseURL: string, eierId: string, formaal: "barnehage" | "eier"): Promise<string> {
  const r = await eier.post(`/eier/${eierId}?index`, { form: { intent: "lag-kode", formaal }, headers: { Origin: baseURL }, maxRedirects: 0 });
  expect(r.status()).toBe(200);
  return new RegExp(`data-eierkode="${formaal}">([A-Z0-9]{8})<`).exec(await r.text())![1]!;
}

/** The owner makes a code and the barnehage's styrer enters it: the barnehage is linked to the owner. */
export async function knyttBarnehageTilEier(eier: Klient, styrer: Klient, baseURL: string, eierId: string, barnehageId: string) {
  const kode = await lagEierKode(eier, baseURL, eierId, "barnehage");
  const r = await styrer.post(`/barnehage/${barnehageId}/innstillinger`, { form: { intent: "knytt", kode }, headers: { Origin: baseURL }, maxRedirects: 0 });
  expect(r.status()).toBe(302);
}
