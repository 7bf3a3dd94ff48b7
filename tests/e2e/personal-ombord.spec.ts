import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { fangKonsollfeil, sjekkUu, STANDARDPASSORD, unikEpost } from "./hjelpere.ts";

/**
 * Issue 15 «Done when» (a staff on board in one meeting; ADR 0029): a styrer shows the staff QR and
 * code on the projector (`invitasjoner/:id/vis`, 1920×1080); five phones at 360 px join with what
 * the screen shows: three type the code as read from the wall, one «scans» the QR (opens the
 * link it carries), one already has an account and is signed in. The projector counts them, the
 * styrer sees all five listed and removes one; the removed person is out at once and does not get
 * back in with the same code, however they try. axe on every page.
 */
const TELEFON = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

test("personalmøtet: QR og kode på storskjermen, fem telefoner blir med, styreren fjerner én som ikke kommer inn igjen", async ({ verden, sideSom, browser, baseURL }) => {
  test.setTimeout(180_000);
  const bh = await verden.barnehage({ navn: "Ombord barnehage", styrer: "Oda Styrer" });
  const a = bh.barnehageId;
  await verden.person("Kari Konto");

  // The styrer makes the staff invitation at their desk (ansatt, 7 days, 8 places).
  const styrer = await sideSom("Oda Styrer", { viewport: { width: 1440, height: 900 } });
  const styrerKonsoll = fangKonsollfeil(styrer);
  await styrer.goto(`/barnehage/${a}/invitasjoner`);
  await styrer.getByLabel("Hvor mange som kan bli med").fill("8");
  await styrer.getByRole("button", { name: "Lag personalinvitasjon" }).click();
  const kort = styrer.locator("[data-personalinvitasjon]").first();
  await expect(kort).toContainText("0 av 8 har blitt med");
  await sjekkUu(styrer);
  const visSti = await kort.getByRole("link", { name: "Vis på storskjerm" }).getAttribute("href");
  expect(visSti).toMatch(new RegExp(`^/barnehage/${a}/invitasjoner/[^/]+/vis$`));

  // The projector: the QR code, the address to type and the code, read from the screen itself.
  const storskjerm = await sideSom("Oda Styrer", { viewport: { width: 1920, height: 1080 } });
  const skjermKonsoll = fangKonsollfeil(storskjerm);
  await storskjerm.goto(visSti!);
  await expect(storskjerm.getByRole("img", { name: "QR-kode som åpner invitasjonslenken" })).toBeVisible();
  const vistKode = (await storskjerm.locator("[data-storskjerm-kode]").innerText()).trim();
  expect(vistKode).toMatch(/^[A-HJ-NP-Z2-9]{4} [A-HJ-NP-Z2-9]{4}$/);
  const kode = vistKode.replace(" ", "");
  // What the QR code carries is the link printed under it.
  const qrLenke = (await storskjerm.locator("code.invitasjon__lenke").innerText()).trim();
  expect(qrLenke).toBe(`${baseURL}/bli-med?kode=${kode}`);
  await expect(storskjerm.locator("[data-storskjerm-antall]")).toHaveText("0 av 8 har blitt med");
  await sjekkUu(storskjerm);

  const nye = ["Alma Telefon", "Bror Telefon", "Cora Telefon", "Dino Telefon"];
  const telefoner: Record<string, Page> = {};
  const konsoller: string[][] = [];
  const nyTelefon = async (navn: string | null) => {
    const side = navn ? await sideSom(navn, TELEFON) : await (await browser.newContext({ baseURL, ...TELEFON })).newPage();
    konsoller.push(fangKonsollfeil(side));
    return side;
  };
  const opprettKonto = async (tlf: Page, navn: string) => {
    await tlf.getByLabel("Navn").fill(navn);
    await tlf.getByLabel("E-postadresse").fill(unikEpost("ombord"));
    await tlf.getByLabel("Passord").fill(STANDARDPASSORD);
    await tlf.getByRole("button", { name: "Opprett konto og bli med" }).click();
    await expect(tlf).toHaveURL(new RegExp(`/barnehage/${a}$`));
    expect(await tlf.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  };

  // Three type the code as the wall shows it (a space, some in lower case).
  for (const [i, navn] of nye.slice(0, 3).entries()) {
    const tlf = await nyTelefon(null);
    telefoner[navn] = tlf;
    await tlf.goto("/bli-med");
    if (i === 0) await sjekkUu(tlf);
    await tlf.getByLabel("Invitasjonskode").fill(i === 1 ? vistKode.toLowerCase() : vistKode);
    await tlf.getByRole("button", { name: "Gå videre" }).click();
    await expect(tlf.getByText("Du er invitert til Ombord barnehage som ansatt.")).toBeVisible();
    if (i === 0) await sjekkUu(tlf);
    await opprettKonto(tlf, navn);
    if (i === 0) await sjekkUu(tlf);
  }
  // One scans the QR code: the link opens the invitation straight away.
  const skanner = await nyTelefon(null);
  telefoner[nye[3]!] = skanner;
  await skanner.goto(qrLenke);
  await expect(skanner.getByText("Du er invitert til Ombord barnehage som ansatt.")).toBeVisible();
  await opprettKonto(skanner, nye[3]!);
  // One already has an account and is signed in on the phone: one button.
  const kari = await nyTelefon("Kari Konto");
  telefoner["Kari Konto"] = kari;
  await kari.goto(qrLenke);
  await expect(kari.getByText("Du er invitert til Ombord barnehage som ansatt.")).toBeVisible();
  await sjekkUu(kari);
  await kari.getByRole("button", { name: "Bli med", exact: true }).click();
  await expect(kari).toHaveURL(new RegExp(`/barnehage/${a}$`));

  // The projector counts them (it refreshes itself every ten seconds).
  await expect(storskjerm.locator("[data-storskjerm-antall]")).toHaveText("5 av 8 har blitt med", { timeout: 20_000 });

  // The styrer sees all five under the invitation, and on the member list.
  const alle = [...nye, "Kari Konto"];
  await styrer.goto(`/barnehage/${a}/invitasjoner`);
  const liste = styrer.locator("[data-personal-brukere]").first();
  for (const n of alle) await expect(liste.locator(`[data-bruker="${n}"]`)).toContainText(n);
  await expect(styrer.locator("[data-personalinvitasjon]").first()).toContainText("5 av 8 har blitt med");
  await sjekkUu(styrer);

  // …and removes Bror, in two steps.
  await liste.getByRole("link", { name: "Fjern Bror Telefon" }).click();
  await expect(styrer.getByRole("heading", { name: /Vil du fjerne Bror Telefon/ })).toBeVisible();
  await sjekkUu(styrer);
  await styrer.getByRole("button", { name: "Ja, fjern Bror Telefon" }).click();
  await expect(styrer).toHaveURL(new RegExp(`/barnehage/${a}\\?lagret=medlemmer&tid=\\d+#medlemmer$`));
  await expect(styrer.locator('[data-lagret="nettopp"]')).toHaveText(/^Lagret kl\. \d\d:\d\d$/);
  await styrer.goto(`/barnehage/${a}/invitasjoner`);
  await expect(styrer.locator("[data-bruker='Bror Telefon']")).toContainText("fjernet");

  // Bror is out at the next request…
  const bror = telefoner["Bror Telefon"]!;
  expect((await bror.goto(`/barnehage/${a}`))!.status()).toBe(404);
  // …and the code does not let him back in: not by the QR link, not by typing it.
  await bror.goto(qrLenke);
  await bror.getByRole("button", { name: "Bli med", exact: true }).click();
  await expect(bror.getByText("Denne koden virker ikke.", { exact: false })).toBeVisible();
  await sjekkUu(bror);
  await bror.goto("/bli-med");
  await bror.getByLabel("Invitasjonskode").fill(vistKode);
  await bror.getByRole("button", { name: "Gå videre" }).click();
  await expect(bror.getByText("Du er invitert til Ombord barnehage som ansatt.")).toBeVisible();
  await bror.getByRole("button", { name: "Bli med", exact: true }).click();
  await expect(bror.getByText("Denne koden virker ikke.", { exact: false })).toBeVisible();
  expect((await bror.goto(`/barnehage/${a}`))!.status()).toBe(404);
  // The others keep their access.
  for (const n of alle.filter((x) => x !== "Bror Telefon")) expect((await telefoner[n]!.goto(`/barnehage/${a}`))!.status()).toBe(200);

  expect(styrerKonsoll).toEqual([]);
  expect(skjermKonsoll).toEqual([]);
  // Bror's refused attempts answer 400/404, which the browser logs; the others' logs are clean.
  for (const [i, k] of konsoller.entries()) if (i !== 1) expect(k).toEqual([]);
  for (const n of nye) await telefoner[n]!.context().close();
});
