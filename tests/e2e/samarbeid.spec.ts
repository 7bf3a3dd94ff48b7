import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { fangKonsollfeil, sjekkUu } from "./hjelpere.ts";
import { oktFor } from "./okt.ts";

/**
 * Issue 5 «Done when», end to end through the real pages (no database seeding): a leder plans two
 * samlinger for a team of five, runs the first through every step with the countdown on the
 * projector; the team writes group notes on the samling page; two members write private
 * reflections and one shares hers; a practice task is agreed and logged; a member who missed the
 * samling catches up; the second samling opens with the report-back; the progress bars and the
 * leader dashboard show the right numbers; and the leder never reaches the unshared reflection
 * through any URL (including `.data`). Members use a 360 px phone; axe on every page.
 * Accounts come from the test fixture (tests/e2e/fixtures.ts); the team is made through the API.
 */
const PRIVAT = "Anne-privat-7f3a: jeg ble usikker i samlingen";
const DELT = "Berit-delt-2e9c: vi hilser på hvert barn ved døra";
const telefon = { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true };

const brukerId = async (k: APIRequestContext) => ((await oktFor(k)) as { user: { id: string } }).user.id;

async function telefonFor(browser: Browser, baseURL: string, klient: APIRequestContext): Promise<{ page: Page; feil: string[]; lukk: () => Promise<void> }> {
  const ctx = await browser.newContext({ ...telefon, baseURL, storageState: await klient.storageState() });
  const page = await ctx.newPage();
  return { page, feil: fangKonsollfeil(page), lukk: () => ctx.close() };
}

test("et team gjennomfører issue 5 fra plan til fremdrift gjennom ekte sider", async ({ browser, baseURL, verden, klientSom }) => {
  test.setTimeout(180_000);
  const url = baseURL!;
  const post = (k: APIRequestContext, sti: string, form: Record<string, string>) => k.post(sti, { form, headers: { Origin: url }, maxRedirects: 0 });

  // Setup: a barnehage with a leder (not in the team) and the team Blåklokka of five ansatte.
  const ansattNavn = ["Anne Ansatt", "Berit Berg", "Cato Carlsen", "Dina Dahl", "Even Eng"];
  const { barnehageId: a } = await verden.barnehage({ navn: "Samarbeidsbakken barnehage", styrer: "Siri Styrer", ledere: ["Lise Leder"], ansatte: ansattNavn });
  const styrer = await klientSom("Siri Styrer");
  const leder = await klientSom("Lise Leder");
  const ansatte: Record<string, APIRequestContext> = {};
  for (const navn of ansattNavn) ansatte[navn] = await klientSom(navn);
  const nyttTeam = await post(styrer, `/barnehage/${a}/team`, { intent: "opprett", navn: "Blåklokka" });
  const teamId = /\/team\/([^/?]+)$/.exec(nyttTeam.headers()["location"]!)![1]!;
  for (const k of Object.values(ansatte)) expect((await post(styrer, `/barnehage/${a}/team/${teamId}`, { intent: "legg-til", brukerId: await brukerId(k) })).status()).toBe(302);

  const lederKontekst = await browser.newContext({ baseURL: url, storageState: await leder.storageState() });
  const page = await lederKontekst.newPage();
  const feil = fangKonsollfeil(page);

  // 1. The leder plans modules 0 and 1 and two samlinger.
  await page.goto(`/barnehage/${a}/team/${teamId}/plan`);
  await expect(page.getByRole("heading", { level: 1, name: "Plan for Blåklokka" })).toBeVisible();
  await page.getByLabel("Modul 0: Introduksjon").check();
  await page.getByLabel("Modul 1: Psykososialt barnehagemiljø").check();
  await page.getByRole("button", { name: "Lagre modulene" }).click();
  await expect(page.locator(".planliste li > span:first-child")).toHaveText(["Modul 0: Introduksjon", "Modul 1: Psykososialt barnehagemiljø"]);
  const ny = page.locator("section", { has: page.getByRole("heading", { name: "Planlegg en samling" }) });
  for (const [dato, modul, navn] of [
    ["2030-06-13", "m0", "torsdag 13. juni 2030 kl. 14:00"],
    ["2030-12-05", "m1", "torsdag 5. desember 2030 kl. 14:00"],
  ] as const) {
    await ny.getByLabel("Dato").fill(dato);
    await ny.getByLabel("Klokkeslett").fill("14:00");
    await ny.getByLabel("Modul", { exact: true }).selectOption(modul);
    await ny.getByRole("button", { name: "Planlegg samlingen" }).click();
    await expect(page.getByRole("link", { name: navn, exact: true })).toBeVisible();
  }
  await sjekkUu(page);
  const [forste, andre] = (await page.locator(".samlingsliste__rad > a").evaluateAll((l) => l.map((x) => (x as HTMLAnchorElement).pathname))) as [string, string];

  // 2. The first samling in samling mode: every step, with the countdown running on the projector.
  await page.goto(forste);
  await expect(page.getByRole("heading", { level: 1, name: "Samling om modul 0: Introduksjon" })).toBeVisible();
  await sjekkUu(page);
  await page.getByRole("link", { name: "Led samlingen (din egen skjerm)" }).click();
  const skjerm = await lederKontekst.newPage();
  const skjermFeil = fangKonsollfeil(skjerm);
  await skjerm.setViewportSize({ width: 1920, height: 1080 });
  await skjerm.goto(`${forste}/vis`);
  await page.getByRole("button", { name: "Start samlingen" }).click();
  // Planned for another day: the presenter asks first (issue 12, point 4).
  await page.getByRole("button", { name: "Ja, start samlingen nå" }).click();
  const steg = [
    "Velkommen, og hvorfor vi gjør dette",
    "Film: Slik lærer vi sammen",
    "Ståstedsrunden",
    "Pause",
    "Hvor står vi? Tenk alene først",
    "Hvor står vi, og hvor vil vi? I grupper",
    "Felles bilde av hvor vi vil",
    "Dette prøver vi fram til neste gang",
  ];
  for (const [i, navn] of steg.entries()) {
    if (i > 0) await page.getByRole("button", { name: "Neste steg" }).click();
    await expect(page.getByRole("heading", { level: 2, name: `Nå: steg ${i + 1} av 8, ${navn}` })).toBeVisible();
    await expect(skjerm.getByRole("heading", { level: 1, name: navn })).toBeVisible({ timeout: 15_000 });
    const tid = skjerm.locator(".nedtelling__tid");
    await expect(tid).toHaveText(/^\d\d:\d\d$/);
    if (i === 5) {
      // A group writes its note on a phone during the group step; the projector shows it for the plenary.
      const svar = await post(ansatte["Berit Berg"]!, `${forste}/notat/m0-a3`, { tekst: "Gruppe 1: vi vil se hvert barn i overgangene.", versjon: "0" });
      expect(svar.status()).toBe(302);
      await expect(skjerm.locator("section", { has: skjerm.getByRole("heading", { name: "Gruppenotat" }) })).toContainText("Gruppe 1: vi vil se hvert barn i overgangene.", { timeout: 15_000 });
    }
    if (i === 0) {
      // The countdown really counts down.
      const for_ = await tid.textContent();
      await expect(tid).not.toHaveText(for_!, { timeout: 5000 });
      await sjekkUu(page);
      await sjekkUu(skjerm);
    }
  }
  await expect(page.getByRole("button", { name: "Neste steg" })).toHaveCount(0);

  // 3. The practice task is agreed, attendance taken (Even was not there), the samling ends.
  await page.getByLabel("Hva skal dere prøve ut?").fill("Legg merke til trygge øyeblikk");
  await page.getByLabel("Hvem", { exact: true }).fill("Alle på avdelingen");
  await page.getByLabel("Frist").fill("2030-06-27");
  await page.getByRole("button", { name: "Avtal utprøvingen" }).click();
  await expect(page.locator(".utproving h3")).toHaveText(["Legg merke til trygge øyeblikk"]);
  for (const navn of ["Anne Ansatt", "Berit Berg", "Cato Carlsen", "Dina Dahl"]) await page.getByLabel(navn).check();
  await page.getByRole("button", { name: "Lagre oppmøtet" }).click();
  await expect(page.getByLabel("Dina Dahl")).toBeChecked();
  await expect(page.getByLabel("Even Eng")).not.toBeChecked();
  await sjekkUu(page);
  await page.getByRole("button", { name: "Avslutt samlingen" }).click();
  await page.getByRole("button", { name: "Ja, avslutt samlingen" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Samlingen er ferdig" })).toBeVisible();
  await expect(skjerm.getByRole("heading", { level: 1, name: "Samlingen er ferdig" })).toBeVisible({ timeout: 15_000 });

  // 4. The team writes group notes on the samling page (phones), and sees each other's.
  const anne = await telefonFor(browser, url, ansatte["Anne Ansatt"]!);
  await anne.page.goto(forste);
  const notater = anne.page.locator("[data-plass=gruppenotater]");
  await expect(notater.getByRole("heading", { level: 2, name: "Gruppenotater" })).toBeVisible();
  await notater.getByLabel("Gruppenotat: Hva tar jeg med meg inn?").fill("Vi vil se hvert barn hver dag.");
  await notater.locator("#notat-m0-a1").getByRole("button", { name: "Lagre gruppenotatet" }).click();
  await expect(anne.page).toHaveURL(new RegExp(`${forste}\\?lagret=notat-m0-a1&tid=\\d+#notat-m0-a1$`));
  await expect(anne.page.getByLabel("Gruppenotat: Hva tar jeg med meg inn?")).toHaveValue("Vi vil se hvert barn hver dag.");
  await expect(anne.page.getByRole("link", { name: "Ta igjen samlingen" })).toHaveCount(0); // she was there
  await sjekkUu(anne.page);
  const berit = await telefonFor(browser, url, ansatte["Berit Berg"]!);
  await berit.page.goto(forste);
  await expect(berit.page.getByLabel("Gruppenotat: Hva tar jeg med meg inn?")).toHaveValue("Vi vil se hvert barn hver dag.");
  await berit.page.getByLabel("Gruppenotat: Hvor står vi, og hvor vil vi?").fill("Vi står midt i løypa.");
  await berit.page.locator("#notat-m0-a3").getByRole("button", { name: "Lagre gruppenotatet" }).click();
  await expect(berit.page.getByLabel("Gruppenotat: Hvor står vi, og hvor vil vi?")).toHaveValue("Vi står midt i løypa.");

  // 5. From the samling page to the team's module page: Anne reflects privately, Berit shares.
  await anne.page.getByRole("link", { name: "Modulen med teamets notater og refleksjoner (Blåklokka)" }).click();
  // Exact name and URL: the samling page's own h1 («Samling om modul 0: Introduksjon») also contains
  // «Introduksjon», so a loose match passes before the navigation has happened.
  await expect(anne.page).toHaveURL(/\/team\/[^/]+\/moduler\/introduksjon$/);
  await expect(anne.page.getByRole("heading", { level: 1, name: "Introduksjon", exact: true })).toBeVisible();
  const modulSide = new URL(anne.page.url()).pathname;
  await expect(anne.page.locator("#m0-a1").getByLabel("Gruppenotat: Hva tar jeg med meg inn?")).toHaveValue("Vi vil se hvert barn hver dag.");
  await anne.page.locator("#m0-a1").getByLabel("Min refleksjon: Hva tar jeg med meg inn?").fill(PRIVAT);
  await anne.page.locator("#m0-a1").getByRole("button", { name: "Lagre refleksjonen" }).click();
  await expect(anne.page.locator("#m0-a1").getByLabel("Min refleksjon: Hva tar jeg med meg inn?")).toHaveValue(PRIVAT);
  await sjekkUu(anne.page);
  await berit.page.goto(modulSide);
  await berit.page.locator("#m0-a1").getByLabel("Min refleksjon: Hva tar jeg med meg inn?").fill(DELT);
  await berit.page.locator("#m0-a1").getByRole("button", { name: "Del med teamet" }).click();
  await expect(berit.page.locator("#m0-a1 .delte__tekst")).toHaveText([DELT]);
  await anne.page.reload();
  await expect(anne.page.locator("#m0-a1 .delte__tekst")).toHaveText([DELT]);
  // The module page leads back to the samling and on to the module feedback.
  await anne.page.getByRole("link", { name: /^Til samlingen / }).click();
  await expect(anne.page).toHaveURL(new RegExp(`${forste}$`));
  await anne.page.goto(modulSide);
  await anne.page.getByRole("link", { name: "Gi tilbakemelding på modulen" }).click();
  await expect(anne.page.getByRole("heading", { level: 1, name: "Tilbakemelding på modul 0: Introduksjon" })).toBeVisible();
  await sjekkUu(anne.page);

  // 6. Anne logs the practice task on the samling page.
  await anne.page.goto(forste);
  await anne.page.getByLabel("Hvordan gikk det? (Legg merke til trygge øyeblikk)").fill("Vi så mange trygge øyeblikk i garderoben.");
  await anne.page.getByRole("button", { name: "Lagre", exact: true }).click();
  await expect(anne.page.locator(".logger li")).toHaveText(["Anne Ansatt: Vi så mange trygge øyeblikk i garderoben."]);

  // 7. Even missed the samling: the samling page offers catch-up, with the group notes.
  const even = await telefonFor(browser, url, ansatte["Even Eng"]!);
  await even.page.goto(forste);
  await expect(even.page.getByText("Du var ikke med på denne samlingen.")).toBeVisible();
  await sjekkUu(even.page);
  await even.page.getByRole("link", { name: "Ta igjen samlingen" }).click();
  await expect(even.page.getByRole("heading", { level: 1, name: "Ta igjen samlingen: Introduksjon" })).toBeVisible();
  await expect(even.page.locator("#m0-a3 .konflikt__tekst")).toHaveText("Vi står midt i løypa.");
  await sjekkUu(even.page);
  await even.page.getByRole("button", { name: "Jeg har tatt igjen samlingen" }).click();
  await expect(even.page.getByText("Du har tatt igjen denne samlingen.")).toBeVisible();

  // 8. The second samling opens with the report-back from the first.
  await page.goto(`${andre}/leder`);
  await page.getByRole("button", { name: "Start samlingen" }).click();
  await page.getByRole("button", { name: "Ja, start samlingen nå" }).click();
  await page.getByRole("button", { name: "Neste steg" }).click();
  await expect(page.getByRole("heading", { level: 2, name: /Nå: steg 2 av \d+, Trygge øyeblikk: hva så dere\?/ })).toBeVisible();
  await expect(page.locator(".logger li")).toHaveText(["Anne Ansatt: Vi så mange trygge øyeblikk i garderoben."]);
  await sjekkUu(page);
  await skjerm.goto(`${andre}/vis`);
  const tilbake = skjerm.locator("section", { has: skjerm.getByRole("heading", { name: "Utprøvinger fra forrige samling" }) });
  await expect(tilbake).toContainText("Vi så mange trygge øyeblikk i garderoben.");
  await sjekkUu(skjerm);
  await anne.page.goto(andre);
  await expect(anne.page.getByRole("heading", { name: "Utprøvinger fra forrige samling" })).toBeVisible();
  await sjekkUu(anne.page);

  // 9. Progress on the start page: 3 steps per module in the plan, 6 in all.
  await anne.page.goto("/start"); // was there, reflected, logged
  await expect(anne.page.getByText("3 av 6 steg")).toBeVisible();
  await sjekkUu(anne.page);
  await berit.page.goto("/start"); // was there, shared a reflection
  await expect(berit.page.getByText("2 av 6 steg")).toBeVisible();
  await even.page.goto("/start"); // caught up
  await expect(even.page.getByText("1 av 6 steg")).toBeVisible();
  await expect(even.page.getByRole("progressbar", { name: "Fullførte steg" })).toHaveAttribute("value", "1");

  // 10. The leader dashboard: 1 of 2 samlinger held, 2 of 5 reflected, 1 of 5 logged, nobody left to catch up.
  await page.goto(`/barnehage/${a}`);
  await page.getByRole("link", { name: "Se fremdriften i teamene" }).click();
  const blaaklokka = page.getByRole("region", { name: "Blåklokka" });
  await expect(blaaklokka.getByText("1 av 2 planlagte")).toBeVisible();
  await expect(blaaklokka.getByRole("progressbar", { name: "Samlinger holdt" })).toHaveAttribute("value", "1");
  await expect(blaaklokka.getByRole("progressbar", { name: "Har skrevet refleksjon" })).toHaveAttribute("value", "2");
  await expect(blaaklokka.getByText("2 av 5 medlemmer")).toBeVisible();
  await expect(blaaklokka.getByText("1 av 5 medlemmer")).toBeVisible();
  await expect(blaaklokka).not.toContainText("Even Eng");
  await sjekkUu(page);

  // 11. The leder never reaches Anne's unshared reflection, through any page or `.data` URL.
  const stier = [
    modulSide,
    forste,
    `${forste}/leder`,
    `${forste}/vis`,
    `${forste}/ta-igjen`,
    `${forste}/notat/m0-a1`,
    andre,
    `/barnehage/${a}/fremdrift`,
    `/barnehage/${a}/team/${teamId}`,
    `/barnehage/${a}/team/${teamId}/plan`,
    `/barnehage/${a}`,
    "/refleksjoner",
    "/start",
    "/profil",
  ];
  for (const sti of stier) {
    for (const variant of [sti, `${sti}.data`, `${sti}?index`]) {
      expect(await (await leder.get(variant, { maxRedirects: 0 })).text(), `${variant} som leder`).not.toContain("Anne-privat");
    }
  }
  // The shared copy is visible to the leder, and the private text is where its author reads it (so the checks above can fail).
  expect(await (await leder.get(`${modulSide}.data`)).text()).toContain("Berit-delt");
  expect(await (await ansatte["Anne Ansatt"]!.get(`${modulSide}.data`)).text()).toContain("Anne-privat");

  expect(feil).toEqual([]);
  expect(skjermFeil).toEqual([]);
  for (const s of [anne, berit, even]) {
    expect(s.feil).toEqual([]);
    await s.lukk();
  }
  await lederKontekst.close();
});
