import { expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

/** Runs axe (WCAG 2.2 AA) on the page as it is now; any violation fails the test. */
export async function sjekkUu(page: Page) {
  const resultat = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const funn = resultat.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(funn, `axe på ${page.url()}`).toEqual([]);
}

/** Fails the test on console errors (CSP violations, hydration errors, missing files). */
export function fangKonsollfeil(page: Page) {
  const feil: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") feil.push(m.text());
  });
  page.on("pageerror", (e) => feil.push(String(e)));
  return feil;
}

let teller = 0;
/** A unique e-mail per test, so tests never collide across runs on a shared database. */
export function unikEpost(prefiks = "ansatt") {
  teller += 1;
  return `${prefiks}.${Date.now().toString(36)}${teller}@example.no`;
}

export async function registrer(page: Page, navn: string, epost: string, passord = "et godt langt passord") {
  await page.goto("/registrer");
  await page.getByLabel("Navn").fill(navn);
  await page.getByLabel("E-postadresse").fill(epost);
  await page.getByLabel("Passord").fill(passord);
  await page.getByRole("button", { name: "Opprett konto" }).click();
  await expect(page).toHaveURL(/\/start$/);
}
