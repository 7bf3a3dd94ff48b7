import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { bliMedSomNy, fangKonsollfeil, inviter, nyKlient, opprettBarnehageMed } from "./hjelpere.ts";
import { oktFor } from "./okt.ts";

/**
 * A person on a slow phone types into a group note that already has a text before the page's
 * JavaScript has run. Hydration must keep what they typed (app/components/skrivefelt.tsx): React's
 * own textarea hydration wrote the stored text back, so the typing was lost, or (with the cursor
 * moved) added to the stored text. The scripts are held back so hydration comes exactly between
 * the steps, as it did by chance in samarbeid.spec on PostgreSQL.
 */
const telefon = { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true };
const LAGRET = "Gruppe 1: vi vil se hvert barn i overgangene.";
const MIN = "Vi står midt i løypa.";

test("tekst skrevet i et gruppenotat før JavaScript har kjørt, blir stående etter hydreringen", async ({ browser, playwright, baseURL }) => {
  test.setTimeout(120_000);
  const url = baseURL!;
  const post = (k: APIRequestContext, sti: string, form: Record<string, string>) => k.post(sti, { form, headers: { Origin: url }, maxRedirects: 0 });
  const styrer = await nyKlient(playwright.request, url, "Siri Styrer");
  const a = await opprettBarnehageMed(styrer, url, "Skrivefeltbakken barnehage");
  const leder = await bliMedSomNy(playwright.request, url, await inviter(styrer, url, a, "leder"), "Lise Leder");
  const berit = await bliMedSomNy(playwright.request, url, await inviter(styrer, url, a, "ansatt"), "Berit Berg");
  const teamId = /\/team\/([^/?]+)$/.exec((await post(styrer, `/barnehage/${a}/team`, { intent: "opprett", navn: "Blåklokka" })).headers()["location"]!)![1]!;
  const beritId = ((await oktFor(berit)) as { user: { id: string } }).user.id;
  expect((await post(styrer, `/barnehage/${a}/team/${teamId}`, { intent: "legg-til", brukerId: beritId })).status()).toBe(302);
  expect((await post(leder, `/barnehage/${a}/team/${teamId}/plan`, { intent: "velg-moduler", modul: "m0" })).status()).toBe(302);
  expect((await post(leder, `/barnehage/${a}/team/${teamId}/plan`, { intent: "planlegg", dato: "2030-06-13", klokke: "14:00", modulId: "m0" })).status()).toBe(302);

  const ctx = await browser.newContext({ ...telefon, baseURL: url, storageState: await berit.storageState() });
  const page = await ctx.newPage();
  const feil = fangKonsollfeil(page);
  const samling = /href="(\/barnehage\/[^"]+\/samling\/[^"/#?]+)"/.exec(await (await leder.get(`/barnehage/${a}/team/${teamId}/plan`)).text())![1]!;
  expect((await post(berit, `${samling}/notat/m0-a3`, { tekst: LAGRET, versjon: "0" })).status()).toBe(302);

  const felt = page.locator("#felt-gruppenotat-m0-a3");
  /** Opens the samling page with the app's scripts held back; returns the function that lets them load. */
  async function aapneUtenJs(p: Page) {
    let slipp = () => {};
    const holdt = new Promise<void>((r) => (slipp = r));
    await p.route("**/assets/**/*.js", async (rute) => {
      await holdt;
      await rute.continue();
    });
    await p.goto(samling, { waitUntil: "domcontentloaded" });
    return async () => {
      slipp();
      // Hydrated: React has attached itself to the form around the field.
      await expect.poll(() => felt.evaluate((el) => Object.keys(el.closest("form")!).some((k) => k.startsWith("__reactFiber")))).toBe(true);
      await p.unroute("**/assets/**/*.js");
    };
  }

  // 1. All of the typing happens before hydration.
  let hydrer = await aapneUtenJs(page);
  await expect(felt).toHaveValue(LAGRET);
  await felt.fill(MIN);
  await hydrer();
  await expect(felt).toHaveValue(MIN);

  // 2. Hydration comes after the person selected the old text and before they typed (Playwright's
  //    `fill` in two steps): what they type replaces the selection, nothing is added to the old text.
  hydrer = await aapneUtenJs(page);
  await felt.evaluate((el: HTMLTextAreaElement) => {
    el.focus();
    el.setSelectionRange(0, el.value.length);
  });
  await hydrer();
  await page.keyboard.insertText(MIN);
  await expect(felt).toHaveValue(MIN);

  // The form still saves (with JavaScript now), and the page shows the saved text.
  await page.locator("#notat-m0-a3").getByRole("button", { name: "Lagre gruppenotatet" }).click();
  await expect(page).toHaveURL(new RegExp(`${samling}\\?lagret=notat-m0-a3&tid=\\d+#notat-m0-a3$`));
  await expect(page.locator("#notat-m0-a3").locator('[data-lagret="nettopp"]')).toHaveText(/^Lagret kl\. \d\d:\d\d$/);
  await expect(felt).toHaveValue(MIN);
  await page.reload();
  await expect(felt).toHaveValue(MIN);
  expect(feil).toEqual([]);
  await ctx.close();
});
