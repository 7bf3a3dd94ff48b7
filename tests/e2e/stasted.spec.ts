import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { DatabaseSync } from "node:sqlite";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { fangKonsollfeil, sjekkUu, sjekkUuUtenJs } from "./hjelpere.ts";

/**
 * Issue 6 «Done when»: a leder opens a før round; 6 members answer (one in the browser on a
 * 360 px phone, the rest through their own sessions); results appear only after closing; a round
 * with 4 answers shows «for få svar»; an etter round with 5 answers gives the comparison chart
 * and a PDF with the text; the database holds no link between an answer row and a user.
 * axe on every page.
 */
const UTSAGN = Array.from({ length: 26 }, (_, i) => `u${String(i + 1).padStart(2, "0")}`);

/** Read-only SQL against the app's database (SQLite file of the run, or E2E_DATABASE_URL). */
async function sporring(sqlTekst: string): Promise<Record<string, unknown>[]> {
  const url = process.env.E2E_DATABASE_URL;
  if (url) {
    const klient = new pg.Client({ connectionString: url });
    await klient.connect();
    const r = await klient.query(sqlTekst);
    await klient.end();
    return r.rows;
  }
  const db = new DatabaseSync(path.join(process.env.SAMLA_E2E_DATA_DIR!, "samla.sqlite"), { timeout: 5000, readOnly: true });
  const rader = db.prepare(sqlTekst).all().map((r) => ({ ...r }));
  db.close();
  return rader;
}

async function post(klient: APIRequestContext, baseURL: string, sti: string, form: Record<string, string>) {
  return klient.post(sti, { form, headers: { Origin: baseURL }, maxRedirects: 0 });
}

/** Opens a round as the leder through the form and returns its id. */
async function aapneRunde(leder: APIRequestContext, baseURL: string, a: string, fase: "for" | "etter", idag: string, lukker: string) {
  const r = await post(leder, baseURL, `/barnehage/${a}/stasted`, { intent: "opprett", fase, malgruppe: "alle", apner: idag, lukker });
  expect(r.status()).toBe(302);
  return /\/stasted\/([^/?]+)$/.exec(r.headers()["location"]!)![1]!;
}

async function svar(klient: APIRequestContext, baseURL: string, a: string, runde: string, verdi: string) {
  const form: Record<string, string> = { intent: "svar", samtykke: "ja" };
  for (const u of UTSAGN) form[u] = verdi;
  const r = await post(klient, baseURL, `/barnehage/${a}/stasted/${runde}`, form);
  expect(r.status()).toBe(302);
}

test("ståsted før og etter: svar på telefon, resultater etter lukking, for få svar, sammenligning og PDF", async ({ page, browser, playwright, baseURL, verden, klientSom }) => {
  test.setTimeout(180_000);
  const url = baseURL!;
  const ansattNavn = ["Ali", "Berit", "Cecilie", "Dag", "Eva", "Frode"].map((navn) => `${navn} Ansatt`);
  const { barnehageId: a } = await verden.barnehage({ navn: "Ståstedet barnehage", styrer: "Siri Styrer", ledere: ["Live Leder"], ansatte: ansattNavn });
  const styrer = await klientSom("Siri Styrer");
  const leder = await klientSom("Live Leder");
  const ansatte: APIRequestContext[] = [];
  for (const navn of ansattNavn) ansatte.push(await klientSom(navn));
  const lagTeam = await post(styrer, url, `/barnehage/${a}/team`, { intent: "opprett", navn: "Blåklokka" });
  const teamId = /\/team\/([^/?]+)$/.exec(lagTeam.headers()["location"]!)![1]!;

  // The leder works in the browser.
  const lederKontekst = await browser.newContext({ storageState: await leder.storageState() });
  const lp = await lederKontekst.newPage();
  const feil = fangKonsollfeil(lp);
  await lp.goto(`/barnehage/${a}`);
  await lp.getByRole("link", { name: "Ståsted: hvor står vi?" }).click();
  await expect(lp.getByRole("heading", { level: 1, name: "Ståsted" })).toBeVisible();
  await expect(lp.getByText("Ingen runder ennå.")).toBeVisible();
  await sjekkUu(lp);

  // A close date before the open date is explained; the dates typed are kept.
  const idag = await lp.getByLabel("Åpner").inputValue();
  await lp.getByLabel("Lukker").fill("2020-01-01");
  await lp.getByRole("button", { name: "Åpne runden" }).click();
  await expect(lp.getByRole("link", { name: "Runden må lukke samme dag som den åpner eller senere." })).toBeVisible();
  await expect(lp.getByLabel("Lukker")).toHaveValue("2020-01-01");
  await sjekkUu(lp);
  const lukker = "2099-12-31";
  await lp.getByLabel("Lukker").fill(lukker);
  await lp.getByRole("radio", { name: "før" }).check();
  await lp.getByLabel("Hvem skal svare?").selectOption({ label: "hele barnehagen" });
  await lp.getByRole("button", { name: "Åpne runden" }).click();
  await expect(lp.getByRole("heading", { level: 1, name: "Ståsted før: hele barnehagen" })).toBeVisible();
  const forRunde = new URL(lp.url()).pathname.split("/").pop()!;
  await sjekkUu(lp);

  // One member answers on a 360 px phone: start page → information and consent → statements.
  const mobil = await browser.newContext({ storageState: await ansatte[0]!.storageState(), viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
  const mp = await mobil.newPage();
  const mobilfeil = fangKonsollfeil(mp);
  await mp.goto("/start");
  await expect(mp.getByRole("heading", { level: 2, name: "Ståstedsrunder som venter på deg" })).toBeVisible();
  await sjekkUu(mp);
  await mp.getByRole("link", { name: /Ståsted før i Ståstedet barnehage/ }).click();
  await expect(mp.getByRole("heading", { level: 2, name: "Før du svarer" })).toBeVisible();
  await expect(mp.getByText(/Svarene er anonyme/)).toBeVisible();
  // No statement groups (fieldsets) yet. Scoped to the page's content: on a phone the header's
  // menu is a <details>, which is a "group" too.
  await expect(mp.getByRole("main").getByRole("group")).toHaveCount(0);
  await expect(mp.getByRole("main").locator("fieldset")).toHaveCount(0);
  await sjekkUu(mp);
  await mp.getByRole("link", { name: "Jeg har lest dette og vil svare" }).click();
  await expect(mp.getByRole("group", { name: "Verdier og kultur" })).toBeVisible();
  await sjekkUu(mp);
  const forste = mp.getByRole("group", { name: /Vi snakker jevnlig sammen om hva et trygt/ });
  await forste.getByRole("radio", { name: "I stor grad", exact: true }).check();
  await mp.getByRole("group", { name: /Vi møter alle barna med varme/ }).getByRole("radio", { name: "Vet ikke / vil ikke svare" }).check();
  // One area per page on the phone (issue 15, point 6): the rest of each page 3, then the summary.
  for (let side = 1; side <= 7; side++) {
    await expect(mp.getByText(`Område ${side} av 7`)).toBeVisible();
    for (const radio of await mp.locator('fieldset[data-omrade]:not([hidden]) input[value="3"]').all()) {
      if (!(await mp.locator(`input[name="${await radio.getAttribute("name")}"]:checked`).count())) await radio.check();
    }
    // Nothing is wider than the phone.
    expect(await mp.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await mp.getByRole("button", { name: side === 7 ? "Se over svarene" : "Neste" }).click();
  }
  await expect(mp.getByText("Sammendrag: du har svart på 26 av 26 utsagn")).toBeVisible();
  await mp.getByRole("button", { name: "Send svarene" }).click();
  await expect(mp.getByRole("heading", { level: 2, name: "Takk for svarene dine" })).toBeVisible();
  await expect(mp.locator(".stasted-kvittering")).toHaveText(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
  await sjekkUu(mp);

  // Withdrawing with the receipt, then answering again; a second answer is refused.
  await mp.getByRole("button", { name: "Trekk tilbake svarene mine" }).click();
  await expect(mp.getByRole("heading", { level: 2, name: "Før du svarer" })).toBeVisible();
  await svar(ansatte[0]!, url, a, forRunde, "3");
  const igjen = await post(ansatte[0]!, url, `/barnehage/${a}/stasted/${forRunde}`, { intent: "svar", samtykke: "ja", u01: "5" });
  expect(igjen.status()).toBe(400);
  for (const [i, k] of ansatte.slice(1).entries()) await svar(k, url, a, forRunde, i < 2 ? "2" : "4");

  // The database: participation and answers share nothing but the round.
  const svarsett = await sporring(`select * from stasted_svarsett where "rundeId" = '${forRunde}'`);
  expect(svarsett).toHaveLength(6);
  expect(Object.keys(svarsett[0]!).sort()).toEqual(["id", "kvitteringHash", "organizationId", "rundeId"]);
  const svarrader = await sporring(`select s.* from stasted_svar s join stasted_svarsett t on t.id = s."svarsettId" where t."rundeId" = '${forRunde}'`);
  expect(Object.keys(svarrader[0]!).sort()).toEqual(["svarsettId", "utsagnId", "verdi"]);
  const brukere = new Set((await sporring(`select "userId" from stasted_deltakelse where "rundeId" = '${forRunde}'`)).map((r) => String(r.userId)));
  expect(brukere.size).toBe(6);
  for (const rad of [...svarsett, ...svarrader]) for (const v of Object.values(rad)) expect(brukere.has(String(v))).toBe(false);

  // Before closing: no results, only the count.
  await lp.reload();
  await expect(lp.getByText("6 har svart")).toBeVisible();
  await expect(lp.getByText("Resultatene vises når runden er lukket, og bare hvis minst fem har svart.")).toBeVisible();
  await expect(lp.getByRole("heading", { name: "Resultater" })).toHaveCount(0);
  expect((await lp.request.get(`/barnehage/${a}/stasted/${forRunde}/pdf`)).status()).toBe(404);
  await lp.getByRole("button", { name: "Lukk runden" }).click();
  await expect(lp.getByRole("heading", { level: 2, name: "Resultater" })).toBeVisible();
  await expect(lp.getByRole("status").filter({ hasText: "Lagret kl." })).toHaveText(/^Lagret kl\. \d\d:\d\d$/);
  await expect(lp.getByText("6 personer svarte.", { exact: false })).toBeVisible();
  await expect(lp.getByRole("heading", { level: 3, name: "Verdier og kultur" })).toBeVisible();
  await sjekkUu(lp);
  expect(await sporring(`select * from stasted_svarsett where "rundeId" = '${forRunde}'`)).toEqual([]);

  // A round with 4 answers: «for få svar».
  const liten = await aapneRunde(leder, url, a, "for", idag, lukker);
  for (const k of ansatte.slice(0, 4)) await svar(k, url, a, liten, "5");
  expect((await post(leder, url, `/barnehage/${a}/stasted/${liten}`, { intent: "lukk" })).status()).toBe(302);
  await lp.goto(`/barnehage/${a}/stasted/${liten}`);
  await expect(lp.getByRole("heading", { level: 2, name: "For få svar" })).toBeVisible();
  await expect(lp.getByRole("heading", { level: 2, name: "Resultater" })).toHaveCount(0);
  await sjekkUu(lp);

  // An etter round with 5 answers, compared with the før round.
  const etter = await aapneRunde(leder, url, a, "etter", idag, lukker);
  for (const k of ansatte.slice(0, 5)) await svar(k, url, a, etter, "5");
  expect((await post(leder, url, `/barnehage/${a}/stasted/${etter}`, { intent: "lukk" })).status()).toBe(302);
  await lp.goto(`/barnehage/${a}/stasted`);
  await expect(lp.getByRole("link", { name: "Ståsted etter: hele barnehagen" })).toBeVisible();
  await sjekkUu(lp);
  await lp.getByRole("link", { name: "Ståsted etter: hele barnehagen" }).click();
  await expect(lp.getByText("5 personer svarte.", { exact: false })).toBeVisible();
  await lp.getByLabel("Sammenlign med runden").selectOption(forRunde);
  await lp.getByRole("button", { name: "Sammenlign" }).click();
  await expect(lp.getByRole("heading", { level: 1, name: "Før og etter" })).toBeVisible();
  await expect(lp.getByRole("img", { name: /Gjennomsnitt per område, før og etter/ })).toBeVisible();
  const tabell = lp.getByRole("table", { name: "Gjennomsnitt per område" });
  await expect(tabell.getByRole("row", { name: /Verdier og kultur/ })).toContainText("5,0");
  await sjekkUu(lp);

  // The PDF: a valid file with the text and the Norwegian letters.
  const pdfLenke = await lp.getByRole("link", { name: "Last ned som PDF" }).getAttribute("href");
  const pdf = await lp.request.get(pdfLenke!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const bytes = await pdf.body();
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  if (existsSync("/usr/bin/pdftotext")) {
    const fil = path.join(mkdtempSync(path.join(tmpdir(), "samla-pdf-")), "sammenligning.pdf");
    writeFileSync(fil, bytes);
    const tekst = execFileSync("pdftotext", ["-layout", fil, "-"], { encoding: "utf8" });
    expect(tekst).toContain("Før og etter");
    expect(tekst).toContain("Følge med og melde fra");
    expect(tekst).toContain("Ståstedet barnehage");
  }
  const rundePdf = await lp.request.get(`/barnehage/${a}/stasted/${forRunde}/pdf`);
  expect(rundePdf.status()).toBe(200);
  expect((await rundePdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");

  // The team's «hvor vil vi?».
  await lp.goto(`/barnehage/${a}/stasted`);
  await lp.getByRole("link", { name: "Hvor vil vi? Blåklokka" }).click();
  await expect(lp.getByRole("heading", { level: 1, name: "Hvor vil vi? Blåklokka" })).toBeVisible();
  await sjekkUu(lp);
  await lp.getByRole("button", { name: "Lagre teksten" }).click();
  await expect(lp.getByRole("link", { name: "Skriv noen ord om hvor dere vil." })).toBeVisible();
  await sjekkUu(lp);
  await lp.getByLabel("Hvor vil vi?").fill("Alle barn har en venn, og vi griper inn med en gang.");
  await lp.getByRole("button", { name: "Lagre teksten" }).click();
  await expect(lp.getByLabel("Hvor vil vi?")).toHaveValue("Alle barn har en venn, og vi griper inn med en gang.");
  expect(new URL(lp.url()).pathname).toBe(`/barnehage/${a}/stasted/team/${teamId}`);

  expect(feil).toEqual([]);
  expect(mobilfeil).toEqual([]);
  await mobil.close();
  await lederKontekst.close();
});

/**
 * Issue 15, point 6: the ståsted form on a phone. One area per page with a progress bar, the
 * answers kept as a draft on the device (localStorage) until «Send», a summary before sending.
 * Every request the phone makes is recorded: while answering three pages and reloading, none may
 * carry an answer (no POST, no body, no answer in a URL). The draft is gone after sending.
 */
const TELEFON_360 = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
const dagIOslo = (d: Date) => new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Oslo" }).format(d);

async function bilde(side: import("@playwright/test").Page, navn: string, helSide = false) {
  const mappe = process.env.STASTED_SKJERMBILDER;
  await side.screenshot({ path: mappe ? path.join(mappe, `${navn}.png`) : test.info().outputPath(`${navn}.png`), fullPage: helSide });
}

test("ståstedsskjemaet på telefon: ett område per side, utkastet bare på enheten, sammendrag før sending", async ({ verden, sideSom, klientSom, baseURL }) => {
  test.setTimeout(120_000);
  const url = baseURL!;
  const { barnehageId: a } = await verden.barnehage({ navn: "Sidene barnehage", styrer: "Sara Styrer", ansatte: ["Tone Telefon"] });
  const styrer = await klientSom("Sara Styrer");
  const runde = await aapneRunde(styrer, url, a, "for", dagIOslo(new Date()), "2099-12-31");
  const rundeSti = `/barnehage/${a}/stasted/${runde}`;

  const mp = await sideSom("Tone Telefon", TELEFON_360);
  const konsoll = fangKonsollfeil(mp);
  const foresporsler: { metode: string; url: string; kropp: string | null }[] = [];
  mp.on("request", (r) => foresporsler.push({ metode: r.method(), url: r.url(), kropp: r.postData() }));
  const ingenSvarSendt = () => {
    for (const f of foresporsler) {
      expect(f.metode, f.url).toBe("GET");
      expect(f.kropp, f.url).toBeNull();
      expect(f.url).not.toMatch(/[?&]u\d\d=/);
    }
  };

  await mp.goto(rundeSti);
  await mp.getByRole("link", { name: "Jeg har lest dette og vil svare" }).click();
  // Page 1 of 7: a real <progress>, named by its label; only the first area is shown.
  await expect(mp.getByText("Område 1 av 7")).toBeVisible();
  const framdrift = mp.getByRole("progressbar", { name: "Område 1 av 7" });
  await expect(framdrift).toHaveAttribute("max", "7");
  await expect(framdrift).toHaveAttribute("value", "1");
  await expect(mp.getByRole("group", { name: "Verdier og kultur" })).toBeVisible();
  await expect(mp.getByRole("group", { name: "Forebygging og inkludering" })).toBeHidden();
  await expect(mp.getByRole("button", { name: "Send svarene" })).toHaveCount(0);
  await expect(mp.getByRole("button", { name: "Forrige" })).toHaveCount(0);
  await sjekkUu(mp);
  await bilde(mp, "stasted-side-1-360");
  await bilde(mp, "stasted-side-1-360-hel", true);

  /** Answers every statement on the page shown with one value; returns the statement ids. */
  const svarPaaSiden = async (verdi: string) => {
    const navn: string[] = [];
    for (const radio of await mp.locator(`fieldset[data-omrade]:not([hidden]) input[value="${verdi}"]`).all()) {
      navn.push((await radio.getAttribute("name"))!);
      await radio.check();
    }
    expect(await mp.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    return navn;
  };
  const side1 = await svarPaaSiden("4");
  await mp.getByRole("button", { name: "Neste" }).click();
  await expect(mp.getByText("Område 2 av 7")).toBeVisible();
  // The new page's heading has focus (screen readers hear where they are).
  await expect(mp.getByRole("heading", { level: 2, name: "Forebygging og inkludering" })).toBeFocused();
  const side2 = await svarPaaSiden("2");
  await mp.getByRole("button", { name: "Neste" }).click();
  await expect(mp.getByText("Område 3 av 7")).toBeVisible();
  const side3 = await svarPaaSiden("5");
  await bilde(mp, "stasted-side-3-360");

  // A reload (or a closed tab): the same page and the answers, from the device.
  await mp.reload();
  await expect(mp.getByText("Område 3 av 7")).toBeVisible();
  for (const u of side3) await expect(mp.locator(`input[name="${u}"][value="5"]`)).toBeChecked();
  await mp.getByRole("button", { name: "Forrige" }).click();
  await expect(mp.getByText("Område 2 av 7")).toBeVisible();
  for (const u of side2) await expect(mp.locator(`input[name="${u}"][value="2"]`)).toBeChecked();
  const utkast = await mp.evaluate((k) => localStorage.getItem(k), `samla-stasted-utkast:${runde}`);
  expect(JSON.parse(utkast!).svar).toMatchObject(Object.fromEntries(side1.map((u) => [u, "4"])));
  // Nothing left the phone but page loads.
  ingenSvarSendt();

  // On to the summary, skipping pages 3–7.
  for (let side = 2; side <= 6; side++) await mp.getByRole("button", { name: "Neste" }).click();
  await mp.getByRole("button", { name: "Se over svarene" }).click();
  const antall = side1.length + side2.length + side3.length;
  await expect(mp.getByText(`Sammendrag: du har svart på ${antall} av 26 utsagn`)).toBeVisible();
  await expect(mp.getByRole("heading", { level: 2, name: "Se over før du sender" })).toBeFocused();
  // «Se over svarene» sent nothing either (the button «Send» takes its place on the screen).
  ingenSvarSendt();
  const oppsummering = mp.locator(".stasted-sammendrag");
  await expect(oppsummering.locator("dd").first()).toHaveText("I stor grad");
  await expect(oppsummering.getByText("Ikke svart").first()).toBeVisible();
  await sjekkUu(mp);
  await bilde(mp, "stasted-sammendrag-360");
  await bilde(mp, "stasted-sammendrag-360-hel", true);

  // Change one area from the summary, and back.
  await mp.getByRole("button", { name: "Endre svarene i Undersøke" }).click();
  await expect(mp.getByText("Område 4 av 7")).toBeVisible();
  await expect(mp.getByRole("heading", { level: 2, name: "Undersøke" })).toBeFocused();
  const side4 = await svarPaaSiden("0");
  for (let side = 4; side <= 6; side++) await mp.getByRole("button", { name: "Neste" }).click();
  await mp.getByRole("button", { name: "Se over svarene" }).click();
  await expect(mp.getByText(`Sammendrag: du har svart på ${antall + side4.length} av 26 utsagn`)).toBeVisible();

  // Nynorsk: the same draft, the summary in the other målform.
  expect((await mp.request.post("/maalform", { form: { maalform: "nn", til: rundeSti }, headers: { Origin: url }, maxRedirects: 0 })).status()).toBe(302);
  await mp.reload();
  await expect(mp.getByRole("heading", { level: 2, name: "Sjå over før du sender" })).toBeVisible();
  await expect(mp.getByText(`Samandrag: du har svart på ${antall + side4.length} av 26 utsegner`)).toBeVisible();
  await sjekkUu(mp);
  await bilde(mp, "stasted-sammendrag-360-nn");
  await mp.getByRole("button", { name: "Endre svara i Verdiar og kultur" }).click();
  await expect(mp.getByText("Område 1 av 7")).toBeVisible();
  await bilde(mp, "stasted-side-1-360-nn");
  expect((await mp.request.post("/maalform", { form: { maalform: "nb", til: rundeSti }, headers: { Origin: url }, maxRedirects: 0 })).status()).toBe(302);
  // A wide screen, and 200 % zoom of a 1440 px screen (720 CSS px): the same pages, nothing cut off.
  for (const [navn, storrelse] of [
    ["1440", { width: 1440, height: 900 }],
    ["200-prosent", { width: 720, height: 450 }],
  ] as const) {
    await mp.setViewportSize(storrelse);
    await mp.reload();
    await expect(mp.getByText("Område 1 av 7")).toBeVisible();
    expect(await mp.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(storrelse.width);
    await bilde(mp, `stasted-side-1-${navn}`);
  }
  await mp.setViewportSize(TELEFON_360.viewport);
  ingenSvarSendt();

  // «Send»: one post, with the answers; then the receipt, and the draft is gone.
  await mp.reload();
  for (let side = 1; side <= 6; side++) await mp.getByRole("button", { name: "Neste" }).click();
  await mp.getByRole("button", { name: "Se over svarene" }).click();
  const forSending = foresporsler.length;
  await mp.getByRole("button", { name: "Send svarene" }).click();
  await expect(mp.getByRole("heading", { level: 2, name: "Takk for svarene dine" })).toBeVisible();
  const poster = foresporsler.slice(forSending).filter((f) => f.metode !== "GET");
  expect(poster).toHaveLength(1);
  expect(new URL(poster[0]!.url).pathname).toMatch(new RegExp(`^${rundeSti}(\\.data)?$`));
  expect(poster[0]!.kropp).toContain(`${side1[0]}=4`);
  expect(poster[0]!.kropp).toContain(`${side4[0]}=0`);
  expect(await mp.evaluate((k) => localStorage.getItem(k), `samla-stasted-utkast:${runde}`)).toBeNull();
  expect(konsoll).toEqual([]);
});

test("ståstedsskjemaet uten JavaScript: hele skjemaet på én side, som før, og det virker", async ({ verden, sideSom, klientSom, baseURL, browser }) => {
  test.setTimeout(90_000);
  const { barnehageId: a } = await verden.barnehage({ navn: "Uten skript barnehage", styrer: "Una Styrer", ansatte: ["Ulf Ansatt"] });
  const runde = await aapneRunde(await klientSom("Una Styrer"), baseURL!, a, "for", dagIOslo(new Date()), "2099-12-31");
  const side = await sideSom("Ulf Ansatt", { ...TELEFON_360, javaScriptEnabled: false });
  await side.goto(`/barnehage/${a}/stasted/${runde}?samtykke=ja`);
  await expect(side.locator("fieldset[data-omrade]")).toHaveCount(7);
  for (const omrade of await side.locator("fieldset[data-omrade]").all()) await expect(omrade).toBeVisible();
  await expect(side.locator("progress")).toHaveCount(0);
  await expect(side.getByRole("button", { name: "Neste" })).toHaveCount(0);
  await sjekkUuUtenJs(side, browser);
  await side.locator('input[name="u01"][value="4"]').check();
  await side.locator('input[name="u26"][value="2"]').check();
  await side.getByRole("button", { name: "Send svarene" }).click();
  await expect(side.getByRole("heading", { level: 2, name: "Takk for svarene dine" })).toBeVisible();
});

test("en lukket runde for hele barnehagen: diagram per område og teamenes «hvor vil vi?»", async ({ verden, sideSom, klientSom, baseURL }) => {
  test.setTimeout(150_000);
  const url = baseURL!;
  const ansatte = ["Anna", "Bård", "Cato", "Dina", "Emil"].map((n) => `${n} Diagram`);
  const bh = await verden.barnehage({
    navn: "Diagrammet barnehage",
    styrer: "Dora Styrer",
    ansatte,
    team: [
      { navn: "Blåklokka", medlemmer: [ansatte[0]!, ansatte[1]!] },
      { navn: "Solsikken", medlemmer: [ansatte[2]!] },
      { navn: "Tyttebæret", medlemmer: [ansatte[3]!] },
    ],
  });
  const a = bh.barnehageId;
  const styrer = await klientSom("Dora Styrer");
  const klienter: APIRequestContext[] = [];
  for (const n of ansatte) klienter.push(await klientSom(n));
  // Two teams write their «hvor vil vi?»; the third has not.
  expect((await post(klienter[0]!, url, `/barnehage/${a}/stasted/team/${bh.team["Blåklokka"]}`, { tekst: "Alle barn har en venn." })).status()).toBe(302);
  expect((await post(klienter[2]!, url, `/barnehage/${a}/stasted/team/${bh.team["Solsikken"]}`, { tekst: "Vi ser hvert barn hver dag." })).status()).toBe(302);
  const runde = await aapneRunde(styrer, url, a, "for", dagIOslo(new Date()), "2099-12-31");
  for (const k of klienter) await svar(k, url, a, runde, "4");
  expect((await post(styrer, url, `/barnehage/${a}/stasted/${runde}`, { intent: "lukk" })).status()).toBe(302);

  for (const [navn, valg] of [
    ["360", TELEFON_360],
    ["1920", { viewport: { width: 1920, height: 1080 } }],
  ] as const) {
    const side = await sideSom(ansatte[4]!, valg);
    const konsoll = fangKonsollfeil(side);
    await side.goto(`/barnehage/${a}/stasted/${runde}`);
    await expect(side.getByRole("heading", { level: 2, name: "Resultater" })).toBeVisible();
    const diagram = side.locator('[data-diagram="stasted-omrader"]');
    await expect(diagram.locator("figcaption")).toHaveText("Gjennomsnitt per område, på en skala fra 1 til 5");
    await expect(diagram.locator(".rapportdiagram__rad")).toHaveCount(7);
    await expect(diagram.locator(".rapportdiagram__stolpe")).toHaveCount(7);
    await expect(diagram.locator(".rapportdiagram__rad").first()).toHaveText(/Verdier og kultur\s*4,0/);
    // A round for the whole barnehage: each team's text beside it, the team without one left out.
    await expect(side.getByRole("complementary", { name: "Hvor vil vi? Blåklokka" })).toContainText("Alle barn har en venn.");
    await expect(side.getByRole("complementary", { name: "Hvor vil vi? Solsikken" })).toContainText("Vi ser hvert barn hver dag.");
    await expect(side.getByRole("complementary", { name: /Tyttebæret/ })).toHaveCount(0);
    expect(await side.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(valg.viewport.width);
    await sjekkUu(side);
    await bilde(side, `stasted-resultat-${navn}`, true);
    expect(konsoll).toEqual([]);
  }

  // The PDF has the teams' texts too.
  const pdf = await styrer.get(`/barnehage/${a}/stasted/${runde}/pdf`);
  expect(pdf.status()).toBe(200);
  if (existsSync("/usr/bin/pdftotext")) {
    const fil = path.join(mkdtempSync(path.join(tmpdir(), "samla-pdf-")), "runde.pdf");
    writeFileSync(fil, await pdf.body());
    const tekst = execFileSync("pdftotext", ["-layout", fil, "-"], { encoding: "utf8" });
    expect(tekst).toContain("Hvor vil vi? Blåklokka");
    expect(tekst).toContain("Vi ser hvert barn hver dag.");
  }
});
