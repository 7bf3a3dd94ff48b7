import { expect, test } from "./fixtures.ts";
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

test("å bli med i en barnehage med kode virker uten JavaScript, på nynorsk og med feilmeldingar", async ({ page, browser, verden }) => {
  const bh = await verden.barnehage({ navn: "Lauvhytta barnehage", styrer: "Styrar Utan Skript" });
  const kode = await verden.invitasjon(bh, "leder");
  await page.goto("/bli-med");
  await page.getByRole("button", { name: "Nynorsk" }).click();
  await page.getByLabel("Invitasjonskode").fill("feil");
  await page.getByRole("button", { name: "Gå vidare" }).click();
  await expect(page.getByText("Koden har åtte teikn, bokstavar og tal.").first()).toBeVisible();
  await sjekkUuUtenJs(page, browser);
  await page.getByLabel("Invitasjonskode").fill(kode);
  await page.getByRole("button", { name: "Gå vidare" }).click();
  await expect(page.getByText("Du er invitert til Lauvhytta barnehage som leiar.")).toBeVisible();
  await page.getByLabel("Namn").fill("Liv Utan Skript");
  await page.getByLabel("E-postadresse").fill(unikEpost("utenjs"));
  await page.getByLabel("Passord").fill("kort");
  await page.getByRole("button", { name: "Opprett konto og bli med" }).click();
  await expect(page.getByText("Passordet må ha minst 10 teikn.").first()).toBeVisible();
  await sjekkUuUtenJs(page, browser);
  await page.getByLabel("Passord").fill("et godt langt passord");
  await page.getByRole("button", { name: "Opprett konto og bli med" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Lauvhytta barnehage" })).toBeVisible();
  await expect(page.getByText("Rolla di: Leiar")).toBeVisible();
  await sjekkUuUtenJs(page, browser);
});
