import { expect, test, type Page } from "@playwright/test";
import {
  aktiverTofaktorMedKlient,
  bliMedSomNy,
  fangKonsollfeil,
  inviter,
  nyKlient,
  opprettBarnehageMed,
  registrer,
  sjekkUu,
  sjekkUuUtenJs,
  STANDARDPASSORD,
  nyTotpKode,
  totpKode,
  unikEpost,
} from "./hjelpere.ts";

/**
 * Two-factor sign-in (issue 4, point 3; ADR 0013): a styrer is sent to the setup, switches it on in
 * the browser, and from then on signs in with a code from the app or a recovery code (once each).
 * Other roles are not asked for it.
 */

/** A code that is surely wrong right now. */
const feilKode = (nokkel: string) => (totpKode(nokkel) === "000000" ? "111111" : "000000");

async function loggUt(page: Page) {
  await page.goto("/logg-ut");
  await page.getByRole("button", { name: "Logg ut" }).click();
  await expect(page).toHaveURL(/\/$/);
}

async function passordSteg(page: Page, epost: string, til = "/start") {
  await page.goto(`/logg-inn?til=${encodeURIComponent(til)}`);
  await page.getByLabel("E-postadresse").fill(epost);
  await page.getByLabel("Passord").fill(STANDARDPASSORD);
  await page.getByRole("button", { name: "Logg inn", exact: true }).click();
  await expect(page).toHaveURL(/\/logg-inn\/kode\?til=/);
}

test.describe.serial("en styrer med totrinnsinnlogging", () => {
  const epost = unikEpost("styrer");
  let barnehageSti = "";
  let nokkel = "";
  let koder: string[] = [];

  test("uten totrinnsinnlogging sendes styreren til oppsettet, slår det på og kommer tilbake", async ({ page }) => {
    test.setTimeout(120_000);
    const feil = fangKonsollfeil(page);
    await registrer(page, "Tora Tofaktor", epost);
    await page.goto("/barnehage/ny");
    await page.getByLabel("Navnet på barnehagen").fill("Kodeknausen barnehage");
    await page.getByRole("button", { name: "Opprett barnehage" }).click();

    // Sent to the setup with an explanation, and the barnehage as the way back.
    await expect(page).toHaveURL(/\/profil\/tofaktor\?krevd=1&til=%2Fbarnehage%2F[^&.]+$/);
    barnehageSti = decodeURIComponent(/til=([^&]+)/.exec(page.url())![1]!);
    await expect(page.getByText("Som styrer eller eier må du ha totrinnsinnlogging")).toBeVisible();
    await sjekkUu(page);
    // Any page of the barnehage sends there, also a sub-page opened directly.
    await page.goto(`${barnehageSti}/team`);
    await expect(page).toHaveURL(`/profil/tofaktor?krevd=1&til=${encodeURIComponent(`${barnehageSti}/team`)}`);
    await page.goto(`/profil/tofaktor?krevd=1&til=${encodeURIComponent(barnehageSti)}`);

    await page.getByLabel("Passord").fill("feil passord her");
    await page.getByRole("button", { name: "Begynn" }).click();
    await expect(page.getByRole("link", { name: "Passordet stemmer ikke." })).toBeVisible();
    await sjekkUu(page);
    await page.getByLabel("Passord").fill(STANDARDPASSORD);
    await page.getByRole("button", { name: "Begynn" }).click();

    await expect(page.getByRole("heading", { level: 2, name: "Legg Samla til i appen" })).toBeVisible();
    await expect(page.getByRole("img", { name: "QR-kode for å legge Samla til i appen" })).toBeVisible();
    nokkel = (await page.locator("[data-tofaktor-nokkel]").textContent())!.trim();
    await sjekkUu(page);
    await page.getByLabel("Kode fra appen (6 sifre)").fill(feilKode(nokkel));
    await page.getByRole("button", { name: "Bekreft og slå på" }).click();
    await expect(page.getByRole("link", { name: "Koden stemmer ikke. Sjekk at du skriver koden appen viser nå, og prøv igjen." })).toBeVisible();
    await sjekkUu(page);
    await page.getByLabel("Kode fra appen (6 sifre)").fill("12");
    await page.getByRole("button", { name: "Bekreft og slå på" }).click();
    await expect(page.getByRole("link", { name: "Koden skal være 6 sifre. Du finner den i appen." })).toBeVisible();
    await page.getByLabel("Kode fra appen (6 sifre)").fill(await nyTotpKode(nokkel));
    await page.getByRole("button", { name: "Bekreft og slå på" }).click();

    await expect(page.getByRole("heading", { level: 2, name: "Gjenopprettingskoder", exact: true })).toBeVisible();
    koder = await page.locator("[data-gjenopprettingskoder] li").allTextContents();
    expect(koder).toHaveLength(10);
    // No look-alikes (issue 15): small letters and digits without 0/o and 1/l/i.
    for (const k of koder) expect(k).toMatch(/^[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}$/);
    await expect(page.getByRole("button", { name: "Skriv ut kodene" })).toBeVisible();
    const [fil] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Last ned kodene (.txt)" }).click()]);
    expect(fil.suggestedFilename()).toBe("samla-gjenopprettingskoder.txt");
    const innhold = await (await import("node:fs/promises")).readFile((await fil.path())!, "utf8");
    for (const k of koder) expect(innhold).toContain(k);
    // Printed, only the codes show.
    await page.emulateMedia({ media: "print" });
    await expect(page.locator("[data-gjenopprettingskoder]")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toBeHidden();
    await expect(page.getByRole("button", { name: "Skriv ut kodene" })).toBeHidden();
    await page.emulateMedia({ media: "screen" });
    await sjekkUu(page);
    await page.getByRole("link", { name: "Gå videre" }).click();
    await expect(page).toHaveURL(barnehageSti);
    await expect(page.getByRole("heading", { level: 1, name: "Kodeknausen barnehage" })).toBeVisible();
    expect(feil).toEqual([]);
  });

  test("innlogging ber om koden etter riktig passord, uten JavaScript", async ({ browser }) => {
    test.setTimeout(120_000);
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const side = await ctx.newPage();
    await passordSteg(side, epost, barnehageSti);
    await expect(side.getByRole("heading", { level: 1, name: "Skriv inn koden" })).toBeVisible();
    await sjekkUuUtenJs(side, browser);
    // No session yet: the barnehage sends to sign-in.
    await side.goto(barnehageSti);
    await expect(side).toHaveURL(/\/logg-inn\?til=/);
    await passordSteg(side, epost, barnehageSti);
    await side.getByLabel("Kode fra appen (6 sifre)").fill(feilKode(nokkel));
    await side.getByRole("button", { name: "Logg inn" }).click();
    await expect(side.getByRole("link", { name: "Koden stemmer ikke. Sjekk at du skriver koden appen viser nå, og prøv igjen." })).toBeVisible();
    await sjekkUuUtenJs(side, browser);
    await side.getByLabel("Kode fra appen (6 sifre)").fill("abc");
    await side.getByRole("button", { name: "Logg inn" }).click();
    await expect(side.getByRole("link", { name: "Koden skal være 6 sifre fra appen, eller en gjenopprettingskode på 10 tegn." })).toBeVisible();
    await side.getByLabel("Kode fra appen (6 sifre)").fill(await nyTotpKode(nokkel));
    await side.getByRole("button", { name: "Logg inn" }).click();
    await expect(side).toHaveURL(barnehageSti);
    await expect(side.getByRole("heading", { level: 1, name: "Kodeknausen barnehage" })).toBeVisible();
    await ctx.close();
  });

  test("en gjenopprettingskode virker én gang", async ({ page }) => {
    await passordSteg(page, epost);
    // The app's field opens the number pad on a phone; a recovery code has its own field (issue 15).
    await expect(page.getByLabel("Kode fra appen (6 sifre)")).toHaveAttribute("inputmode", "numeric");
    await expect(page.getByLabel("Kode fra appen (6 sifre)")).toHaveAttribute("autocomplete", "one-time-code");
    await page.getByText("Har du ikke telefonen? Bruk en gjenopprettingskode").click();
    await page.getByLabel("Gjenopprettingskode").fill(koder[0]!);
    await page.getByRole("button", { name: "Logg inn med gjenopprettingskoden" }).click();
    await expect(page).toHaveURL(/\/start$/);
    await loggUt(page);
    await passordSteg(page, epost);
    await page.getByText("Har du ikke telefonen? Bruk en gjenopprettingskode").click();
    await page.getByLabel("Gjenopprettingskode").fill(koder[0]!);
    await page.getByRole("button", { name: "Logg inn med gjenopprettingskoden" }).click();
    await expect(page.getByRole("link", { name: "Gjenopprettingskoden stemmer ikke, eller den er brukt før." })).toBeVisible();
    await sjekkUu(page);
    // Without the dash works too (the field is open again after the error).
    await page.getByLabel("Gjenopprettingskode").fill(koder[1]!.replace("-", ""));
    await page.getByRole("button", { name: "Logg inn med gjenopprettingskoden" }).click();
    await expect(page).toHaveURL(/\/start$/);
  });

  test("nye gjenopprettingskoder og å slå av; da sender barnehagen til oppsettet igjen", async ({ page }) => {
    test.setTimeout(120_000);
    const feil = fangKonsollfeil(page);
    await passordSteg(page, epost, "/profil");
    await page.getByLabel("Kode fra appen (6 sifre)").fill(await nyTotpKode(nokkel));
    await page.getByRole("button", { name: "Logg inn" }).click();
    await expect(page).toHaveURL(/\/profil$/);
    await page.getByRole("link", { name: "Totrinnsinnlogging er slått på." }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Lag nye gjenopprettingskoder" })).toBeVisible();
    await sjekkUu(page);
    await page.getByRole("button", { name: "Lag nye koder" }).click();
    await expect(page.getByRole("link", { name: "Skriv passordet ditt." })).toBeVisible();
    await page.locator("#felt-passordKoder").fill(STANDARDPASSORD);
    await page.getByRole("button", { name: "Lag nye koder" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Gjenopprettingskoder", exact: true })).toBeVisible();
    const nye = await page.locator("[data-gjenopprettingskoder] li").allTextContents();
    expect(nye).toHaveLength(10);
    expect(nye).not.toContain(koder[2]);
    await sjekkUu(page);
    await page.locator("#felt-passord").fill(STANDARDPASSORD);
    await page.getByRole("button", { name: "Slå av" }).click();
    await expect(page.getByText("Totrinnsinnlogging er slått av.").first()).toBeVisible();
    await sjekkUu(page);
    await page.goto(barnehageSti);
    await expect(page).toHaveURL(/\/profil\/tofaktor\?krevd=1/);
    expect(feil).toEqual([]);
  });
});

test("ansatt og leder uten totrinnsinnlogging slipper inn; styreren uten sendes til oppsettet, også ved skjemaposter", async ({ playwright, baseURL }) => {
  const styrer = await nyKlient(playwright.request, baseURL!, "Stine Styrer");
  const a = await opprettBarnehageMed(styrer, baseURL!, "Lysløypa barnehage");
  const ansatt = await bliMedSomNy(playwright.request, baseURL!, await inviter(styrer, baseURL!, a, "ansatt"), "Aina Ansatt");
  const leder = await bliMedSomNy(playwright.request, baseURL!, await inviter(styrer, baseURL!, a, "leder"), "Leo Leder");
  for (const klient of [ansatt, leder]) {
    expect((await klient.get(`/barnehage/${a}`, { maxRedirects: 0 })).status()).toBe(200);
    expect((await klient.get(`/barnehage/${a}/team`, { maxRedirects: 0 })).status()).toBe(200);
  }
  expect((await styrer.get(`/barnehage/${a}`, { maxRedirects: 0 })).status()).toBe(200);

  // A styrer without two-factor (the barnehage made by a raw form post, not the helper).
  const uten = await nyKlient(playwright.request, baseURL!, "Ulrik Uten");
  const r = await uten.post("/barnehage/ny", { form: { navn: "Utenfor barnehage" }, headers: { Origin: baseURL! }, maxRedirects: 0 });
  const b = /\/barnehage\/([^/?]+)$/.exec(r.headers()["location"]!)![1]!;
  const side = await uten.get(`/barnehage/${b}/hendelser`, { maxRedirects: 0 });
  expect(side.status()).toBe(302);
  expect(side.headers()["location"]).toBe(`/profil/tofaktor?krevd=1&til=${encodeURIComponent(`/barnehage/${b}/hendelser`)}`);
  const post = await uten.post(`/barnehage/${b}/invitasjoner`, { form: { intent: "opprett", rolle: "leder" }, headers: { Origin: baseURL! }, maxRedirects: 0 });
  expect(post.status()).toBe(302);
  expect(post.headers()["location"]).toBe(`/profil/tofaktor?krevd=1&til=${encodeURIComponent(`/barnehage/${b}/invitasjoner`)}`);
  // Another barnehage's styrer is still «not found», never sent to the setup.
  expect((await uten.get(`/barnehage/${a}`, { maxRedirects: 0 })).status()).toBe(404);
  await aktiverTofaktorMedKlient(uten, baseURL!);
  expect((await uten.get(`/barnehage/${b}/hendelser`, { maxRedirects: 0 })).status()).toBe(200);
});

test("Better Auths egne endepunkter for totrinnsinnlogging er stengt over HTTP", async ({ playwright, baseURL }) => {
  const klient = await nyKlient(playwright.request, baseURL!, "Endre Endepunkt");
  for (const sti of ["enable", "disable", "verify-totp", "verify-backup-code", "generate-backup-codes", "get-totp-uri"]) {
    const r = await klient.post(`/api/auth/two-factor/${sti}`, { data: { password: STANDARDPASSORD, code: "123456" }, headers: { Origin: baseURL! } });
    expect(r.status(), sti).toBe(404);
  }
});
