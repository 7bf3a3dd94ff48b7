import { expect, test, type Page } from "@playwright/test";
import { fangKonsollfeil, registrer, sjekkUu, sjekkUuUtenJs, unikEpost } from "./hjelpere.ts";
import { ventPaaEpost } from "./epost.ts";

/**
 * E-mail verification, forgotten password, change password and sign out everywhere, with the mails
 * received by a real SMTP server (tests/e2e/postkasse.oppsett.ts).
 */
async function loggInn(page: Page, epost: string, passord: string) {
  await page.goto("/logg-inn");
  await page.getByLabel("E-postadresse").fill(epost);
  await page.getByLabel("Passord", { exact: true }).fill(passord);
  await page.getByRole("button", { name: "Logg inn", exact: true }).click();
  await expect(page).toHaveURL(/\/start$/);
}

test("registrering sender en bekreftelse, og lenken bekrefter e-postadressen", async ({ page }) => {
  const feil = fangKonsollfeil(page);
  const epost = unikEpost("bekreft");
  await registrer(page, "Berit Bekreft", epost);
  await page.goto("/profil");
  await expect(page.getByText("E-postadressen din er ikke bekreftet ennå.")).toBeVisible();
  await sjekkUu(page);

  const mail = await ventPaaEpost(epost, "Bekreft e-postadressen din i Samla");
  expect(mail.text).toContain("Hei, Berit Bekreft!");
  await page.goto(mail.lenke);
  await expect(page).toHaveURL(/\/epost-bekreftet$/);
  await expect(page.getByRole("heading", { level: 1, name: "E-postadressen er bekreftet" })).toBeVisible();
  await sjekkUu(page);
  await page.goto("/profil");
  await expect(page.getByText("E-postadressen din er bekreftet.")).toBeVisible();

  // A used or forged link lands on the same page, saying what went wrong.
  await page.goto(mail.lenke.replace(/token=[^&]+/, "token=ugyldig"));
  await expect(page.getByRole("heading", { level: 1, name: "Vi fikk ikke bekreftet e-postadressen" })).toBeVisible();
  await sjekkUu(page);
  expect(feil).toEqual([]);
});

test("glemt passord: samme svar for ukjent adresse, lenke på brukerens målform, nytt passord virker", async ({ page, browser }) => {
  const epost = unikEpost("glemt");
  // The account holder uses nynorsk and is signed in on another device.
  const annen = await browser.newContext();
  const annenSide = await annen.newPage();
  await registrer(annenSide, "Nora Nynorsk", epost);
  await annenSide.getByRole("button", { name: "Nynorsk" }).click();
  await expect(annenSide.locator("html")).toHaveAttribute("lang", "nn");

  await page.goto("/logg-inn");
  await page.getByRole("link", { name: "Glemt passordet?" }).click();
  await expect(page).toHaveURL(/\/glemt-passord$/);
  await sjekkUu(page);
  await page.getByLabel("E-postadresse").fill("ingen-slik@example.no");
  await page.getByRole("button", { name: "Send lenke" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sjekk e-posten din" })).toBeVisible();
  const noytralt = await page.locator("main").innerText();
  await sjekkUu(page);

  await page.goto("/glemt-passord");
  await page.getByLabel("E-postadresse").fill(epost.toUpperCase());
  await page.getByRole("button", { name: "Send lenke" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sjekk e-posten din" })).toBeVisible();
  expect(await page.locator("main").innerText()).toBe(noytralt);

  const mail = await ventPaaEpost(epost, "Lag eit nytt passord i Samla");
  expect(mail.text).toContain("Helsing Samla");
  expect(mail.lenke).toMatch(/\/nytt-passord\?token=/);
  await page.goto(mail.lenke);
  await expect(page.getByRole("heading", { level: 1, name: "Lag et nytt passord" })).toBeVisible();
  await sjekkUu(page);
  await page.getByLabel("Nytt passord", { exact: true }).fill("et helt nytt passord");
  await page.getByLabel("Gjenta det nye passordet").fill("et annet passord");
  await page.getByRole("button", { name: "Lagre nytt passord" }).click();
  await expect(page.getByText("Passordene er ikke like.").first()).toBeVisible();
  await sjekkUu(page);
  await page.getByLabel("Nytt passord", { exact: true }).fill("et helt nytt passord");
  await page.getByLabel("Gjenta det nye passordet").fill("et helt nytt passord");
  await page.getByRole("button", { name: "Lagre nytt passord" }).click();
  await expect(page).toHaveURL(/\/logg-inn\?melding=nytt-passord$/);
  await expect(page.getByText("Passordet er endret. Logg inn med det nye passordet.")).toBeVisible();
  await sjekkUu(page);

  // The session on the other device ended with the reset; the link cannot be used twice.
  await annenSide.goto("/start");
  await expect(annenSide).toHaveURL(/\/logg-inn\?til=%2Fstart$/);
  await annen.close();
  await page.goto(mail.lenke);
  await page.getByLabel("Nytt passord", { exact: true }).fill("et tredje langt passord");
  await page.getByLabel("Gjenta det nye passordet").fill("et tredje langt passord");
  await page.getByRole("button", { name: "Lagre nytt passord" }).click();
  await expect(page.getByText("Lenken er ugyldig eller utløpt. Be om en ny lenke.").first()).toBeVisible();

  await loggInn(page, epost, "et helt nytt passord");
});

test("bytte passord på profilen og logge ut overalt, også i en annen nettleser", async ({ page, browser }) => {
  const feil = fangKonsollfeil(page);
  const epost = unikEpost("profil");
  await registrer(page, "Pål Profil", epost);
  const annen = await browser.newContext();
  const annenSide = await annen.newPage();
  await loggInn(annenSide, epost, "et godt langt passord");

  await page.getByRole("link", { name: "Profil" }).click();
  await expect(page).toHaveURL(/\/profil$/);
  await expect(page.getByRole("heading", { level: 1, name: "Profil" })).toBeVisible();
  await page.getByLabel("Nåværende passord").fill("feil passord her");
  await page.getByLabel("Nytt passord", { exact: true }).fill("et byttet passord");
  await page.getByLabel("Gjenta det nye passordet").fill("et byttet passord");
  await page.getByRole("button", { name: "Bytt passord" }).click();
  await expect(page.getByText("Passordet er feil.").first()).toBeVisible();
  await sjekkUu(page);
  await page.getByLabel("Nåværende passord").fill("et godt langt passord");
  await page.getByLabel("Nytt passord", { exact: true }).fill("et byttet passord");
  await page.getByLabel("Gjenta det nye passordet").fill("et byttet passord");
  await page.getByRole("button", { name: "Bytt passord" }).click();
  await expect(page.getByText("Passordet er byttet.")).toBeVisible();
  await sjekkUu(page);

  // Changing the password signed out the other device; sign in there again with the new one.
  await annenSide.goto("/start");
  await expect(annenSide).toHaveURL(/\/logg-inn\?til=%2Fstart$/);
  await loggInn(annenSide, epost, "et byttet passord");

  await page.getByRole("button", { name: "Logg ut overalt" }).click();
  await expect(page).toHaveURL(/\/logg-inn\?melding=utlogget-overalt$/);
  await expect(page.getByText("Du er logget ut på alle enheter.")).toBeVisible();
  await sjekkUu(page);
  await page.goto("/profil");
  await expect(page).toHaveURL(/\/logg-inn\?til=%2Fprofil$/);
  await annenSide.goto("/start");
  await expect(annenSide).toHaveURL(/\/logg-inn\?til=%2Fstart$/);
  await annen.close();
  expect(feil).toEqual([]);
});

test("profilen og sidene for passord på nynorsk", async ({ page }) => {
  await registrer(page, "Nynorsk Profil", unikEpost("nnprofil"));
  await page.goto("/profil");
  await page.getByRole("button", { name: "Nynorsk" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "nn");
  await expect(page.getByRole("heading", { level: 2, name: "Byt passord" })).toBeVisible();
  await expect(page.getByLabel("Noverande passord")).toBeVisible();
  await sjekkUu(page);
  await page.goto("/glemt-passord");
  await expect(page.getByRole("heading", { level: 1, name: "Gløymt passordet?" })).toBeVisible();
  await sjekkUu(page);
  await page.goto("/epost-bekreftet");
  await expect(page.getByRole("heading", { level: 1, name: "E-postadressa er stadfesta" })).toBeVisible();
  await page.goto("/nytt-passord");
  await expect(page.getByText("Lenkja er ugyldig eller gått ut. Be om ei ny lenkje.")).toBeVisible();
  await sjekkUu(page);
});

test.describe("uten JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("glemt passord og nytt passord virker som vanlige skjema", async ({ page, browser }) => {
    const epost = unikEpost("utenjs-glemt");
    await registrer(page, "Uten Skript", epost);
    await page.context().clearCookies();
    await page.goto("/glemt-passord");
    await page.getByLabel("E-postadresse").fill("ikke-en-adresse");
    await page.getByRole("button", { name: "Send lenke" }).click();
    await expect(page.getByText("Rett opp dette før du går videre:")).toBeVisible();
    await sjekkUuUtenJs(page, browser);
    await page.getByLabel("E-postadresse").fill(epost);
    await page.getByRole("button", { name: "Send lenke" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Sjekk e-posten din" })).toBeVisible();

    const mail = await ventPaaEpost(epost, "Lag et nytt passord i Samla");
    await page.goto(mail.lenke);
    await sjekkUuUtenJs(page, browser);
    await page.getByLabel("Nytt passord", { exact: true }).fill("et passord uten skript");
    await page.getByLabel("Gjenta det nye passordet").fill("et passord uten skript");
    await page.getByRole("button", { name: "Lagre nytt passord" }).click();
    await expect(page).toHaveURL(/\/logg-inn\?melding=nytt-passord$/);
    await sjekkUuUtenJs(page, browser);
    await page.getByLabel("E-postadresse").fill(epost);
    await page.getByLabel("Passord", { exact: true }).fill("et passord uten skript");
    await page.getByRole("button", { name: "Logg inn", exact: true }).click();
    await expect(page).toHaveURL(/\/start$/);
    await page.goto("/profil");
    await sjekkUuUtenJs(page, browser);
  });
});
