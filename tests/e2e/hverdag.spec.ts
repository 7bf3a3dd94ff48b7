import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { fangKonsollfeil, sjekkUu, STANDARDPASSORD, unikEpost } from "./hjelpere.ts";
import { ventPaaEpost } from "./epost.ts";

/**
 * Issue 15 (everyday flows), helper F's points: a whole staff on board in one meeting (point 1),
 * profile and two-factor (point 7), and the owner's report (point 5). Axe on every page.
 */
const SKJERMBILDER = process.env.HVERDAG_SKJERMBILDER;
const TELEFON = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

async function bilde(page: Page, navn: string) {
  if (SKJERMBILDER) await page.screenshot({ path: `${SKJERMBILDER}/${navn}.png`, fullPage: true });
}

test("en styrer viser personalkoden på storskjermen, fem telefoner blir med, og styreren fjerner én", async ({ verden, sideSom, browser, baseURL }) => {
  test.setTimeout(120_000);
  const bh = await verden.barnehage({ navn: "Hverdag barnehage", styrer: "Hege Styrer" });
  const styrer = await sideSom("Hege Styrer", { viewport: { width: 1440, height: 900 } });
  const konsoll = fangKonsollfeil(styrer);
  await styrer.goto(`/barnehage/${bh.barnehageId}/invitasjoner`);
  await sjekkUu(styrer);
  // Ansatt is the default role; 7 days and 30 places are filled in.
  await expect(styrer.getByRole("radio", { name: "Ansatt" }).first()).toBeChecked();
  await expect(styrer.getByLabel("Antall dager den gjelder")).toHaveValue("7");
  await styrer.getByLabel("Hvor mange som kan bli med").fill("6");
  await styrer.getByRole("button", { name: "Lag personalinvitasjon" }).click();
  const kort = styrer.locator("[data-personalinvitasjon]").first();
  await expect(kort).toContainText("0 av 6 har blitt med");
  const kode = (await kort.locator("[data-personalkode]").innerText()).trim();
  expect(kode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
  // «Kopier lenke» with JavaScript; the link itself is plain text either way.
  await expect(kort.getByRole("button", { name: "Kopier lenke" })).toBeVisible();
  await expect(kort.locator("code.invitasjon__lenke")).toContainText(`/bli-med?kode=${kode}`);
  await sjekkUu(styrer);
  await bilde(styrer, "invitasjoner-1440");

  // The big screen: QR and the code, large, at 1920×1080.
  await kort.getByRole("link", { name: "Vis på storskjerm" }).click();
  const storskjerm = await (await browser.newContext({ baseURL, viewport: { width: 1920, height: 1080 } })).newPage();
  await storskjerm.context().addCookies(await styrer.context().cookies());
  await storskjerm.goto(styrer.url());
  await expect(storskjerm.getByRole("img", { name: "QR-kode som åpner invitasjonslenken" })).toBeVisible();
  const kodeBoks = storskjerm.locator("[data-storskjerm-kode]");
  await expect(kodeBoks).toHaveText(`${kode.slice(0, 4)} ${kode.slice(4)}`);
  // Readable from the back of a room: the code is at least 100 px tall, the QR at least 500 px.
  expect((await kodeBoks.boundingBox())!.height).toBeGreaterThanOrEqual(100);
  expect((await storskjerm.locator("[data-storskjerm-qr] svg").boundingBox())!.width).toBeGreaterThanOrEqual(500);
  await sjekkUu(storskjerm);
  await bilde(storskjerm, "storskjerm-1920");

  // Five phones join with the code as read from the screen (spaces and lower case are fine).
  const navn = ["Telefon Anne", "Telefon Bjørn", "Telefon Cecilie", "Telefon Dag", "Telefon Eva"];
  const telefoner: Page[] = [];
  for (const [i, n] of navn.entries()) {
    const tlf = await (await browser.newContext({ baseURL, ...TELEFON })).newPage();
    telefoner.push(tlf);
    await tlf.goto("/bli-med");
    await tlf.getByLabel("Invitasjonskode").fill(`${kode.slice(0, 4).toLowerCase()} ${kode.slice(4)}`);
    await tlf.getByRole("button", { name: "Gå videre" }).click();
    await expect(tlf.getByText("Du er invitert til Hverdag barnehage som ansatt.")).toBeVisible();
    if (i === 0) await sjekkUu(tlf);
    if (i === 0) await bilde(tlf, "bli-med-360");
    await tlf.getByLabel("Navn").fill(n);
    await tlf.getByLabel("E-postadresse").fill(unikEpost("telefon"));
    await tlf.getByLabel("Passord").fill(STANDARDPASSORD);
    await tlf.getByRole("button", { name: "Opprett konto og bli med" }).click();
    await expect(tlf).toHaveURL(new RegExp(`/barnehage/${bh.barnehageId}$`));
  }
  await expect(storskjerm.locator("[data-storskjerm-antall]")).toHaveText("5 av 6 har blitt med", { timeout: 15_000 });

  // The styrer sees them, and removes one: that phone's next request has no access.
  await styrer.goto(`/barnehage/${bh.barnehageId}/invitasjoner`);
  const liste = styrer.locator("[data-personal-brukere]").first();
  for (const n of navn) await expect(liste.locator(`[data-bruker="${n}"]`)).toContainText(n);
  await sjekkUu(styrer);
  await liste.getByRole("link", { name: "Fjern Telefon Dag" }).click();
  await expect(styrer.getByRole("heading", { name: /Vil du fjerne Telefon Dag/ })).toBeVisible();
  await sjekkUu(styrer);
  await styrer.getByRole("button", { name: "Ja, fjern Telefon Dag" }).click();
  await expect(styrer).toHaveURL(new RegExp(`/barnehage/${bh.barnehageId}\\?lagret=medlemmer&tid=\\d+#medlemmer$`));
  const dag = telefoner[3]!;
  const svar = await dag.goto(`/barnehage/${bh.barnehageId}`);
  expect(svar!.status()).toBe(404);
  // …and the same code does not let them back in.
  await dag.goto(`/bli-med?kode=${kode}`);
  await dag.getByRole("button", { name: "Bli med" }).click();
  await expect(dag.getByText("Denne koden virker ikke.", { exact: false })).toBeVisible();
  // The others keep their access.
  expect((await telefoner[4]!.goto(`/barnehage/${bh.barnehageId}`))!.status()).toBe(200);
  await styrer.goto(`/barnehage/${bh.barnehageId}/invitasjoner`);
  await expect(styrer.locator("[data-bruker='Telefon Dag']")).toContainText("fjernet");

  // Revoked: the code stops working and is not shown any more.
  await styrer.locator("[data-personalinvitasjon]").first().getByRole("button", { name: "Trekk tilbake" }).click();
  await expect(styrer.locator("[data-personalkode]")).toHaveCount(0);
  const sen = await (await browser.newContext({ baseURL, ...TELEFON })).newPage();
  expect((await sen.goto(`/bli-med?kode=${kode}`))!.status()).toBe(400);
  expect(konsoll).toEqual([]);
  for (const p of [storskjerm, sen, ...telefoner]) await p.context().close();
});

test("styreren sender invitasjoner til en innlimt liste med adresser, som ikke lagres", async ({ verden, sideSom }) => {
  const bh = await verden.barnehage({ navn: "Bunke barnehage", styrer: "Berit Styrer" });
  const styrer = await sideSom("Berit Styrer", TELEFON);
  await styrer.goto(`/barnehage/${bh.barnehageId}/invitasjoner`);
  const [a, b] = [unikEpost("bunke"), unikEpost("bunke")];
  const felt = styrer.getByLabel("E-postadresser");
  // A typo is named, and nothing is sent.
  await felt.fill(`${a}\nikke-en-adresse`);
  await styrer.getByRole("button", { name: "Send invitasjonene" }).click();
  await expect(styrer.getByText("Dette ser ikke ut som e-postadresser: ikke-en-adresse.", { exact: false }).first()).toBeVisible();
  await sjekkUu(styrer);
  await styrer.getByLabel("E-postadresser").fill(`${a}, ${b}`);
  await styrer.getByRole("button", { name: "Send invitasjonene" }).click();
  await expect(styrer.locator("[data-mange-sendt]")).toContainText("Invitasjonene er sendt til 2 av 2 adresser.");
  await sjekkUu(styrer);
  await bilde(styrer, "invitasjoner-360");
  // The list is emptied after sending, so a second tap does not send it again.
  await expect(styrer.getByLabel("E-postadresser")).toHaveValue("");
  for (const til of [a, b]) {
    const mail = await ventPaaEpost(til);
    expect(mail.lenke).toMatch(/\/bli-med\?kode=[A-Z0-9]{8}$/);
  }
  // Each got their own single-use invitation.
  await styrer.goto(`/barnehage/${bh.barnehageId}/invitasjoner`);
  await expect(styrer.locator(".invitasjonsliste li", { hasText: "Aktiv" })).toHaveCount(2);
  expect(await styrer.content()).not.toContain(a);
});

test("en person endrer navnet sitt og ser «Lagret kl.», med og uten JavaScript", async ({ verden, sideSom, browser, baseURL }) => {
  await verden.person("Nina Navn");
  const page = await sideSom("Nina Navn", TELEFON);
  const konsoll = fangKonsollfeil(page);
  await page.goto("/profil");
  await expect(page.getByRole("textbox", { name: "Navn" })).toHaveValue("Nina Navn");
  // Headings in order on a phone: the h1 is larger than every h2.
  const storrelser = await page.evaluate(() => ({
    h1: parseFloat(getComputedStyle(document.querySelector("main h1")!).fontSize),
    h2: [...document.querySelectorAll("main h2")].map((h) => parseFloat(getComputedStyle(h).fontSize)),
  }));
  for (const h2 of storrelser.h2) expect(storrelser.h1).toBeGreaterThan(h2);
  await sjekkUu(page);
  // Same limits as sign-up: an empty name is refused with a Norwegian message.
  await page.getByRole("textbox", { name: "Navn" }).fill("   ");
  await page.getByRole("button", { name: "Lagre navnet" }).click();
  await expect(page.getByRole("link", { name: "Skriv navnet ditt." })).toBeVisible();
  await sjekkUu(page);
  await page.getByRole("textbox", { name: "Navn" }).fill("Nina Nordmann");
  await page.getByRole("button", { name: "Lagre navnet" }).click();
  await expect(page.locator("[data-lagret]")).toHaveText(/^Lagret kl\. \d{2}:\d{2}\.$/);
  await expect(page).toHaveURL(/\/profil\?lagret=navn/);
  await sjekkUu(page);
  await bilde(page, "profil-lagret-360");
  await page.goto("/profil");
  await expect(page.getByRole("textbox", { name: "Navn" })).toHaveValue("Nina Nordmann");
  await expect(page.locator("[data-lagret]")).toHaveText("");
  expect(konsoll).toEqual([]);

  // Without JavaScript: the post redirects, and the page after it says when it was saved.
  const uten = await browser.newContext({ baseURL, javaScriptEnabled: false, ...TELEFON });
  await uten.addCookies(await page.context().cookies());
  const side = await uten.newPage();
  await side.goto("/profil");
  await side.getByRole("textbox", { name: "Navn" }).fill("Nina N. Nordmann");
  await side.getByRole("button", { name: "Lagre navnet" }).click();
  await expect(side.locator("[data-lagret]")).toHaveText(/^Lagret kl\. \d{2}:\d{2}\.$/);
  await expect(side.getByRole("textbox", { name: "Navn" })).toHaveValue("Nina N. Nordmann");
  await uten.close();

  // The readable export shows the new name, and is printable.
  await page.goto("/profil/mine-data");
  await expect(page.getByRole("heading", { level: 1, name: "Data om deg" })).toBeVisible();
  await expect(page.locator("[data-kilde=bruker]")).toContainText("Nina N. Nordmann");
  await expect(page.locator("[data-kilde=hendelser]")).toContainText("Eget navn endret");
  await expect(page.getByRole("button", { name: "Skriv ut" })).toBeVisible();
  // Norwegian dates only, never ISO.
  expect(await page.locator("main").innerText()).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  await sjekkUu(page);
  await bilde(page, "mine-data-360");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Skriv ut" })).toBeHidden();
  await page.emulateMedia({ media: "screen" });
});

const UTSAGN = Array.from({ length: 26 }, (_, i) => `u${String(i + 1).padStart(2, "0")}`);

/** A closed før round and module feedback in the barnehage, everyone answering `verdi`. */
async function svarOgLukk(styrer: APIRequestContext, svarere: APIRequestContext[], baseURL: string, id: string, verdi: string) {
  const post = (k: APIRequestContext, sti: string, form: Record<string, string>) => k.post(sti, { form, headers: { Origin: baseURL }, maxRedirects: 0 });
  const dag = (d: Date) => new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Oslo" }).format(d);
  const r = await post(styrer, `/barnehage/${id}/stasted`, { intent: "opprett", fase: "for", malgruppe: "alle", apner: dag(new Date()), lukker: dag(new Date(Date.now() + 7 * 86_400_000)) });
  expect(r.status()).toBe(302);
  const runde = /\/stasted\/([^/?]+)$/.exec(r.headers()["location"]!)![1]!;
  for (const k of svarere) {
    const form: Record<string, string> = { intent: "svar", samtykke: "ja" };
    for (const u of UTSAGN) form[u] = verdi;
    expect((await post(k, `/barnehage/${id}/stasted/${runde}`, form)).status()).toBe(302);
    expect((await post(k, `/barnehage/${id}/moduler/tiltak/tilbakemelding`, { t1: verdi, t2: verdi, t3: verdi })).status()).toBe(302);
  }
  expect((await post(styrer, `/barnehage/${id}/stasted/${runde}`, { intent: "lukk" })).status()).toBe(302);
}

test("eieren ser rapporten i full bredde med diagram, og laster ned CSV og PDF der grupper under fem og summer som ville røpe dem er skjult", async ({ verden, klientSom, browser, baseURL }) => {
  test.setTimeout(240_000);
  const navnA = Array.from({ length: 5 }, (_, i) => `Rapport A${i}`);
  const navnB = Array.from({ length: 4 }, (_, i) => `Rapport B${i}`);
  const a = await verden.barnehage({ navn: "Solsikken", styrer: "Rita Styrer", ansatte: navnA });
  const b = await verden.barnehage({ navn: "Blåbærlia", styrer: "Rune Styrer", ansatte: navnB });
  const { eierId } = await verden.eier({ navn: "Solby kommune", person: "Eva Eier", barnehager: [a, b] });
  const klienter = async (navn: string[]) => Promise.all(navn.map((n) => klientSom(n)));
  // Five in Solsikken answer 4; four in Blåbærlia answer 2, so a total that counted them would read 3,1.
  await svarOgLukk(await klientSom("Rita Styrer"), await klienter(navnA), baseURL!, a.barnehageId, "4");
  await svarOgLukk(await klientSom("Rune Styrer"), await klienter(navnB), baseURL!, b.barnehageId, "2");
  const eier = await klientSom("Eva Eier");

  // Files: CSV for all and per barnehage, and the PDF.
  const csv = await eier.get(`/eier/${eierId}/resultater/csv`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(csv.headers()["content-disposition"]).toMatch(/^attachment; filename="samla-resultater-solby-kommune-\d{4}-\d{2}-\d{2}\.csv"$/);
  const tekst = await csv.text();
  const linjer = tekst.replace(/^\uFEFF/, "").split("\r\n");
  expect(linjer.filter((l) => l.startsWith("Solsikken;")).some((l) => l.includes("4,0"))).toBe(true);
  // Blåbærlia's rows hold no figures (its progress row has only counts of samlinger, no shares).
  for (const l of linjer.filter((x) => x.startsWith("Blåbærlia;") && x.includes("for få svar"))) expect(l).not.toMatch(/\d,\d/);
  expect(linjer.filter((l) => l.startsWith("Blåbærlia;") && /for få svar/.test(l)).length).toBeGreaterThanOrEqual(2);
  for (const l of linjer.filter((x) => x.startsWith("Alle barnehagene samlet;"))) expect(l).toMatch(/^Alle barnehagene samlet(;4,0)+$/);
  expect(tekst).not.toMatch(/2,0|3,1/);
  const bareB = await (await eier.get(`/eier/${eierId}/resultater/csv?barnehage=${b.barnehageId}`)).text();
  expect(bareB).not.toMatch(/\d,\d|Solsikken|samlet/);
  const pdf = await eier.get(`/eier/${eierId}/resultater/pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  expect((await eier.get(`/eier/${eierId}/resultater/pdf?barnehage=${a.barnehageId}`)).status()).toBe(200);
  // A barnehage of another owner, or none at all: not found.
  expect((await eier.get(`/eier/${eierId}/resultater/csv?barnehage=finnes-ikke`)).status()).toBe(404);
  expect((await (await klientSom("Rita Styrer")).get(`/eier/${eierId}/resultater/pdf`)).status()).toBe(404);

  // The page at 1440 px: no table wider than its place, a chart per area beside the table.
  const ctx = await browser.newContext({ baseURL, storageState: await eier.storageState(), viewport: { width: 1440, height: 900 } });
  const side = await ctx.newPage();
  await side.goto(`/eier/${eierId}/resultater`);
  const tabell = side.getByRole("table", { name: /Ståsted før/ });
  await expect(tabell.getByRole("row", { name: /Blåbærlia/ })).toHaveText(/Blåbærlia\s*for få svar/);
  const rull = await side.locator(".tabell-rull").evaluateAll((e) => e.map((x) => ({ synlig: x.clientWidth, innhold: x.scrollWidth })));
  for (const r of rull) expect(r.innhold, "avkuttet tabell ved 1440 px").toBeLessThanOrEqual(r.synlig);
  const diagram = side.locator("[data-fase=for] figure.rapportdiagram");
  expect(await diagram.count()).toBeGreaterThanOrEqual(5);
  const [tabellBoks, diagramBoks] = [await tabell.boundingBox(), await diagram.first().boundingBox()];
  expect(diagramBoks!.x).toBeGreaterThan(tabellBoks!.x + tabellBoks!.width - 1);
  await expect(side.getByRole("link", { name: "CSV for Blåbærlia" })).toBeVisible();
  await sjekkUu(side);
  await bilde(side, "eier-resultater-1440");

  // A phone: each barnehage as a card, nothing sideways.
  await side.setViewportSize({ width: 360, height: 740 });
  await side.reload();
  const bredde = await side.evaluate(() => ({ innhold: document.documentElement.scrollWidth, vindu: window.innerWidth }));
  expect(bredde.innhold).toBeLessThanOrEqual(bredde.vindu);
  await expect(side.getByRole("table", { name: /Ståsted før/ }).getByRole("row", { name: /Solsikken/ }).getByRole("cell").first()).toHaveText("4,0");
  await sjekkUu(side);
  await bilde(side, "eier-resultater-360");
  await ctx.close();
});
