import { expect, test } from "@playwright/test";
import { sjekkUuUtenJs, unikEpost } from "./hjelpere.ts";

test.use({ javaScriptEnabled: false });

test("skjemaene virker uten JavaScript: registrering, feilmeldinger og målform", async ({ page, browser }) => {
  await page.goto("/registrer");
  await page.getByLabel("Navn").fill("Uten Skript");
  await page.getByLabel("E-postadresse").fill("feil");
  await page.getByLabel("Passord").fill("kort");
  await page.getByRole("button", { name: "Opprett konto" }).click();
  await expect(page.getByText("Rett opp dette før du går videre:")).toBeVisible();
  await expect(page.getByLabel("Navn")).toHaveValue("Uten Skript");
  await sjekkUuUtenJs(page, browser);

  await page.getByLabel("E-postadresse").fill(unikEpost("utenjs"));
  await page.getByLabel("Passord").fill("et godt langt passord");
  await page.getByRole("button", { name: "Opprett konto" }).click();
  await expect(page).toHaveURL(/\/start$/);
  await expect(page.getByRole("heading", { level: 1, name: "Hei, Uten Skript" })).toBeVisible();

  await page.getByRole("button", { name: "Nynorsk" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "nn");
  await sjekkUuUtenJs(page, browser);
});
