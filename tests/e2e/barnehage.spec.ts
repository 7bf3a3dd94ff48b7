import { expect, test, type Browser, type Page } from "@playwright/test";
import { aktiverTofaktor, bliMedSomNy, fangKonsollfeil, inviter, nyKlient, opprettBarnehageMed, registrer, sjekkUu, unikEpost } from "./hjelpere.ts";
import { ventPaaEpost } from "./epost.ts";

/**
 * Issue 4, «Done when», first bullet: a styrer creates a barnehage and invites two colleagues
 * (one by link, one by code); both join on a phone-sized screen; one becomes leder and reads a
 * leader guide; the other gets «Vi fant ikke siden» for the same guide by direct URL.
 */
const MOBIL = { width: 360, height: 800 };

async function mobil(browser: Browser) {
  const ctx = await browser.newContext({ viewport: MOBIL, baseURL: test.info().project.use.baseURL });
  return { ctx, page: await ctx.newPage() };
}

async function ingenSidelengsRulling(page: Page) {
  const b = await page.evaluate(() => ({ innhold: document.documentElement.scrollWidth, vindu: window.innerWidth }));
  expect(b.innhold, `sidelengs rulling på ${page.url()}`).toBeLessThanOrEqual(b.vindu);
}

async function lagInvitasjon(page: Page, rolle: "Ansatt" | "Leder") {
  // The single-use invitation has its own section beside the staff invitation and the e-mail list (issue 15).
  await page.getByRole("region", { name: "Invitasjon til én person" }).getByLabel(rolle, { exact: true }).check();
  await page.getByRole("button", { name: "Lag invitasjon" }).click();
  await expect(page.getByRole("heading", { level: 3, name: /Invitasjonen er klar/ })).toBeVisible();
  // The QR code is an inline SVG drawn on the server, announced as one image with its name.
  const qr = page.getByRole("img", { name: "QR-kode som åpner invitasjonslenken" });
  await expect(qr).toBeVisible();
  expect(await qr.evaluate((e) => e.tagName.toLowerCase())).toBe("svg");
  await sjekkUu(page);
  return {
    lenke: (await page.locator("[data-invitasjonslenke]").textContent())!.trim(),
    kode: (await page.locator("[data-invitasjonskode]").textContent())!.trim(),
  };
}

test("styreren oppretter en barnehage og inviterer to kolleger; bare lederen får lederstøtten", async ({ page, browser }) => {
  // Long: three people, many pages, axe on each (and two-factor setup for the styrer).
  test.setTimeout(180_000);
  const feil = fangKonsollfeil(page);

  // The styrer creates the barnehage.
  await registrer(page, "Sara Styrer", unikEpost("styrer"));
  // A styrer must have two-factor sign-in (ADR 0013; the redirect itself is in tofaktor.spec.ts).
  await aktiverTofaktor(page);
  await page.goto("/start");
  await page.getByRole("link", { name: "Opprett en barnehage" }).click();
  await expect(page).toHaveURL(/\/barnehage\/ny$/);
  await sjekkUu(page);
  await page.getByLabel("Navnet på barnehagen").fill("Solsikken barnehage");
  await page.getByLabel("Organisasjonsnummer (valgfritt)").fill("12345");
  await page.getByRole("button", { name: "Opprett barnehage" }).click();
  await expect(page.getByRole("link", { name: "Organisasjonsnummeret skal ha ni siffer." })).toBeVisible();
  await sjekkUu(page);
  await page.getByLabel("Organisasjonsnummer (valgfritt)").fill("974 760 673");
  await page.getByRole("button", { name: "Opprett barnehage" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Solsikken barnehage" })).toBeVisible();
  await expect(page.getByText("Din rolle: Styrer")).toBeVisible();
  await expect(page.getByText("Organisasjonsnummer: 974760673")).toBeVisible();
  await sjekkUu(page);
  const barnehageUrl = page.url();

  // Two invitations: one sent as a link, one read out as a code.
  await page.getByRole("link", { name: "Inviter kolleger" }).click();
  await sjekkUu(page);
  const tilLenke = await lagInvitasjon(page, "Ansatt");
  const tilKode = await lagInvitasjon(page, "Ansatt");
  expect(tilLenke.lenke).toContain(`/bli-med?kode=${tilLenke.kode}`);
  expect(tilKode.kode).toMatch(/^[A-Z2-9]{8}$/);

  // Colleague 1 opens the link on a phone: one form, then the barnehage.
  const lise = await mobil(browser);
  await lise.page.goto(new URL(tilLenke.lenke).pathname + new URL(tilLenke.lenke).search);
  await expect(lise.page.getByText("Du er invitert til Solsikken barnehage som ansatt.")).toBeVisible();
  await sjekkUu(lise.page);
  await ingenSidelengsRulling(lise.page);
  await lise.page.getByLabel("Navn").fill("Lise Leder");
  await lise.page.getByLabel("E-postadresse").fill(unikEpost("lise"));
  await lise.page.getByLabel("Passord").fill("et godt langt passord");
  await lise.page.getByRole("button", { name: "Opprett konto og bli med" }).click();
  await expect(lise.page.getByRole("heading", { level: 1, name: "Solsikken barnehage" })).toBeVisible();
  await expect(lise.page.getByText("Din rolle: Ansatt")).toBeVisible();
  await sjekkUu(lise.page);
  await ingenSidelengsRulling(lise.page);

  // Colleague 2 types the code on a phone: code, one form, then the barnehage.
  const anders = await mobil(browser);
  await anders.page.goto("/bli-med");
  await sjekkUu(anders.page);
  await anders.page.getByLabel("Invitasjonskode").fill(tilKode.kode.toLowerCase());
  await anders.page.getByRole("button", { name: "Gå videre" }).click();
  await expect(anders.page.getByText("Du er invitert til Solsikken barnehage som ansatt.")).toBeVisible();
  await anders.page.getByLabel("Navn").fill("Anders Ansatt");
  await anders.page.getByLabel("E-postadresse").fill(unikEpost("anders"));
  await anders.page.getByLabel("Passord").fill("et godt langt passord");
  await anders.page.getByRole("button", { name: "Opprett konto og bli med" }).click();
  await expect(anders.page.getByText("Din rolle: Ansatt")).toBeVisible();
  await ingenSidelengsRulling(anders.page);

  // A used code gets the one answer for every code that does not work (ADR 0022: no telling which exist).
  await anders.page.goto(`/bli-med?kode=${tilKode.kode}`);
  await expect(anders.page.getByText("Denne koden virker ikke. Den kan være feilskrevet, brukt, trukket tilbake eller utløpt. Sjekk koden, eller be styreren om en ny.").first()).toBeVisible();
  await sjekkUu(anders.page);

  // The styrer makes Lise leder; it counts from her next request.
  await page.goto(barnehageUrl);
  const liseRad = page.getByRole("listitem").filter({ hasText: "Lise Leder" });
  await liseRad.getByLabel("Rolle for Lise Leder").selectOption("leder");
  await liseRad.getByRole("button", { name: "Lagre rolle" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "Lise Leder" }).getByLabel("Rolle for Lise Leder")).toHaveValue("leder");
  await sjekkUu(page);

  await lise.page.reload();
  await expect(lise.page.getByText("Din rolle: Leder")).toBeVisible();
  await lise.page.getByRole("link", { name: /^Modul 1: / }).click();
  await expect(lise.page.getByRole("heading", { level: 1, name: /^Lederstøtte: / })).toBeVisible();
  await expect(lise.page.getByRole("heading", { level: 2, name: /^Samlingsplan \(\d+ minutter\)$/ })).toBeVisible();
  // «Dette bør komme fram»: the answer to each discussion and case, reached from the samling plan.
  await expect(lise.page.getByRole("heading", { level: 2, name: "Dette bør komme fram" })).toBeVisible();
  const krenkelseSvar = lise.page.locator("#svar-m1-a2");
  await expect(krenkelseSvar.getByRole("heading", { level: 3, name: "Er dette en krenkelse?" })).toBeVisible();
  await expect(krenkelseSvar).toContainText("alle fem situasjonene er krenkelser");
  await expect(lise.page.locator("#svar-m1-a3").getByRole("heading", { level: 3, name: "Mamma sier at Nora gruer seg" })).toBeVisible();
  await lise.page.locator(".samlingsplan").getByRole("link", { name: "Dette bør komme fram" }).first().click();
  await expect(lise.page).toHaveURL(/#svar-m1-a2$/);
  await sjekkUu(lise.page);
  await ingenSidelengsRulling(lise.page);
  const guide = new URL(lise.page.url()).pathname;

  // Anders (ansatt) gets «not found» for the same guide by direct URL, and sees no link to it.
  await anders.page.goto(barnehageUrl);
  await expect(anders.page.getByRole("link", { name: /^Modul 1: / })).toHaveCount(0);
  const svar = await anders.page.goto(guide);
  expect(svar?.status()).toBe(404);
  await expect(anders.page.getByRole("heading", { level: 1, name: "Vi fant ikke siden" })).toBeVisible();
  await sjekkUu(anders.page);

  // Removing Anders counts from his next request.
  await page.goto(barnehageUrl);
  await page.getByRole("listitem").filter({ hasText: "Anders Ansatt" }).getByRole("link", { name: "Fjern fra barnehagen" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Vil du fjerne Anders Ansatt fra barnehagen? Tilgangen forsvinner med en gang." })).toBeVisible();
  await sjekkUu(page);
  await page.getByRole("button", { name: "Ja, fjern Anders Ansatt" }).click();
  // Back on the overview, with «Lagret kl.» by the member list (issue 15, point 2).
  await expect(page).toHaveURL(new RegExp(`^${barnehageUrl}\\?lagret=medlemmer&tid=\\d+#medlemmer$`));
  await expect(page.getByRole("listitem").filter({ hasText: "Anders Ansatt" })).toHaveCount(0);
  expect((await anders.page.goto(barnehageUrl))?.status()).toBe(404);

  // The styrer reads what happened in the audit log; nobody else can.
  await page.getByRole("link", { name: "Se hendelsesloggen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Hendelser i barnehagen" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "Medlem fjernet" }).filter({ hasText: "Anders Ansatt" })).toHaveCount(1);
  await expect(page.getByRole("row").filter({ hasText: "Rolle endret (Leder)" }).filter({ hasText: "Lise Leder" })).toHaveCount(1);
  await expect(page.getByRole("row").filter({ hasText: "Invitasjon laget" })).toHaveCount(2);
  await sjekkUu(page);
  expect((await lise.page.goto(`${barnehageUrl}/hendelser`))?.status()).toBe(404);

  await lise.ctx.close();
  await anders.ctx.close();
  expect(feil).toEqual([]);
});

test("en invitasjon som er trukket tilbake gir en tydelig melding", async ({ page }) => {
  await registrer(page, "Trine Tilbake", unikEpost("styrer"));
  await aktiverTofaktor(page);
  await page.goto("/barnehage/ny");
  await page.getByLabel("Navnet på barnehagen").fill("Blåbærlia");
  await page.getByRole("button", { name: "Opprett barnehage" }).click();
  await page.getByRole("link", { name: "Inviter kolleger" }).click();
  const { kode } = await lagInvitasjon(page, "Leder");
  await page.getByRole("button", { name: "Trekk tilbake" }).click();
  await expect(page.getByText(/Leder · Trukket tilbake/)).toBeVisible();
  await sjekkUu(page);
  await page.goto(`/bli-med?kode=${kode}`);
  await expect(page.getByText("Denne koden virker ikke. Den kan være feilskrevet, brukt, trukket tilbake eller utløpt. Sjekk koden, eller be styreren om en ny.").first()).toBeVisible();
  await sjekkUu(page);
  await page.goto("/bli-med?kode=ZZZZZZZZ");
  await expect(page.getByText("Denne koden virker ikke. Den kan være feilskrevet, brukt, trukket tilbake eller utløpt. Sjekk koden, eller be styreren om en ny.").first()).toBeVisible();
});

test("en som alt har konto logger inn fra invitasjonen og blir med med ett trykk", async ({ page, browser }) => {
  await registrer(page, "Siv Styrer", unikEpost("styrer"));
  await aktiverTofaktor(page);
  await page.goto("/barnehage/ny");
  await page.getByLabel("Navnet på barnehagen").fill("Tyttebærtua");
  await page.getByRole("button", { name: "Opprett barnehage" }).click();
  await page.getByRole("link", { name: "Inviter kolleger" }).click();
  const { lenke } = await lagInvitasjon(page, "Leder");

  const kim = await mobil(browser);
  const epost = unikEpost("kim");
  await registrer(kim.page, "Kim Konto", epost);
  await kim.ctx.clearCookies();
  await kim.page.goto(new URL(lenke).pathname + new URL(lenke).search);
  await kim.page.getByRole("link", { name: "Logg inn" }).last().click();
  // The join page has an e-mail field too: wait for the sign-in page before filling in.
  await expect(kim.page).toHaveURL(/\/logg-inn\?til=%2Fbli-med%3Fkode%3D[A-Z0-9]{8}$/);
  await expect(kim.page.getByRole("heading", { level: 1, name: "Logg inn" })).toBeVisible();
  await kim.page.getByLabel("E-postadresse").fill(epost);
  await kim.page.getByLabel("Passord").fill("et godt langt passord");
  await kim.page.getByRole("button", { name: "Logg inn", exact: true }).click();
  await expect(kim.page.getByText("Du er invitert til Tyttebærtua som leder.")).toBeVisible();
  await sjekkUu(kim.page);
  await kim.page.getByRole("button", { name: "Bli med" }).click();
  await expect(kim.page.getByText("Din rolle: Leder")).toBeVisible();
  await ingenSidelengsRulling(kim.page);
  await kim.page.goto("/start");
  await expect(kim.page.getByRole("link", { name: "Tyttebærtua" })).toBeVisible();
  await sjekkUu(kim.page);
  await kim.ctx.close();

  // The styrer's member list with its forms fits a phone too.
  await page.setViewportSize(MOBIL);
  await page.getByRole("link", { name: "Tilbake til barnehagen" }).click();
  await expect(page.getByLabel("Rolle for Kim Konto")).toHaveValue("leder");
  await ingenSidelengsRulling(page);
  await sjekkUu(page);
});

test("styreren kan sende invitasjonen på e-post; lenken i e-posten fører til «Bli med» med koden", async ({ page, browser, baseURL }) => {
  test.setTimeout(180_000);
  const feil = fangKonsollfeil(page);
  await registrer(page, "Elin Epost", unikEpost("styrer"));
  const id = await opprettBarnehageMed(page.request, baseURL!, "Epostbakken");
  await page.goto(`/barnehage/${id}/invitasjoner`);
  // A wrong address is explained, and the choice of role stays.
  await page.getByRole("region", { name: "Invitasjon til én person" }).getByLabel("Leder", { exact: true }).check();
  await page.getByLabel("E-postadresse (valgfritt)").fill("ikke en adresse");
  await page.getByRole("button", { name: "Lag invitasjon" }).click();
  await expect(page.getByRole("link", { name: /e-postadresse/i })).toBeVisible();
  await sjekkUu(page);
  const til = unikEpost("invitert");
  await page.getByLabel("E-postadresse (valgfritt)").fill(til);
  await page.getByRole("button", { name: "Lag invitasjon" }).click();
  await expect(page.locator("[data-invitasjon-sendt]")).toHaveText(`Invitasjonen er sendt til ${til}.`);
  const kode = (await page.locator("[data-invitasjonskode]").textContent())!.trim();
  await sjekkUu(page);

  const epost = await ventPaaEpost(til, "Du er invitert til Epostbakken i Samla");
  expect(epost.text).toContain(kode);
  const ctx = await browser.newContext({ baseURL, viewport: { width: 360, height: 800 } });
  const ny = await ctx.newPage();
  await ny.goto(epost.lenke);
  await expect(ny).toHaveURL(new RegExp(`/bli-med\\?kode=${kode}$`));
  await expect(ny.getByText("Epostbakken").first()).toBeVisible();
  await ctx.close();
  expect(feil).toEqual([]);
});

test("styreren gjør en leder til styrer og gir så fra seg rollen; den nye styreren må slå på totrinnsinnlogging", async ({ browser, playwright, baseURL }) => {
  const url = baseURL!;
  const styrer = await nyKlient(playwright.request, url, "Hanne Overlat");
  const a = await opprettBarnehageMed(styrer, url, "Skiftet barnehage");
  const nina = await bliMedSomNy(playwright.request, url, await inviter(styrer, url, a, "leder"), "Nina Neste");
  const ctx = await browser.newContext({ baseURL: url, storageState: await styrer.storageState() });
  const page = await ctx.newPage();
  const feil = fangKonsollfeil(page);
  await page.goto(`/barnehage/${a}`);
  // Alone, she is told what to do first.
  await expect(page.getByText("Du er den eneste styreren. Vil du gi fra deg rollen, gjør først en annen til styrer i lista over medlemmer.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Gå over til rollen leder" })).toHaveCount(0);
  await page.getByLabel("Rolle for Nina Neste").selectOption("styrer");
  await page.getByRole("button", { name: "Lagre rolle" }).click();
  await expect(page.locator(".medlem", { hasText: "Nina Neste" })).toContainText("Styrer");
  // Another styrer cannot be changed or removed from here.
  await expect(page.getByLabel("Rolle for Nina Neste")).toHaveCount(0);
  await sjekkUu(page);
  await page.getByRole("button", { name: "Gå over til rollen leder" }).click();
  await expect(page.getByText("Din rolle: Leder")).toBeVisible();
  await expect(page.getByRole("link", { name: "Inviter kolleger" })).toHaveCount(0);
  await sjekkUu(page);
  // The new styrer is sent to two-factor setup on her next page (ADR 0013).
  const svar = await nina.get(`/barnehage/${a}`, { maxRedirects: 0 });
  expect(svar.status()).toBe(302);
  expect(svar.headers()["location"]).toMatch(/^\/profil\/tofaktor\?krevd=1/);
  expect(feil).toEqual([]);
  await ctx.close();
});
