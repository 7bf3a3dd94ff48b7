import type { APIRequestContext, Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { expect, test, TELEFON } from "./fixtures.ts";
import { ANDRE_URL, FORSTE_URL } from "../../playwright.config.ts";
import { fangKonsollfeil, sjekkUu } from "./hjelpere.ts";
import { oktFor } from "./okt.ts";
import { tilOslo } from "../../app/domain/samling/tid.ts";

/**
 * Issue 12, part A (ADR 0026): the samling in a real room. Four browsers: the presenter on a
 * laptop, the projector at 1920×1080 (opened by its screen link, with no one signed in) and a
 * second projector signed in at 200 % zoom, and two phones at 360×740. A whole samling of module 3:
 * join by the code on the screen (typed, and by the QR link), the film played and paused from the
 * presenter, the individual, group and plenary steps (automatic groups of 2, both phones writing
 * their own group's note at the same time, both notes side by side on the projector), the countdown paused and extended, practice
 * agreed, «Avslutt» confirmed, undone once, and confirmed again. At EVERY step the projector fits
 * 1920×1080, 1280×720 and both at 200 % without scrolling, and has no link to «Logg ut» or
 * «Profil»; axe runs on the projector. Screenshots of every step at 1920×1080 go to test-results.
 *
 * On PostgreSQL (E2E_DATABASE_URL) the projectors and the phones use the second app process.
 */
const brukerId = async (k: APIRequestContext) => ((await oktFor(k)) as { user: { id: string } }).user.id;
const BILDER = "test-results/samling-rom";

/** Sizes a projector is seen at: 1920×1080 and 1280×720, each at 100 % and at 200 % zoom (half the CSS pixels). */
const STORRELSER = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
  { width: 960, height: 540 },
  { width: 640, height: 360 },
];

/** The projector shows one screen at every size: no scrolling, no site chrome. */
async function sjekkProjektor(skjerm: Page, navn: string) {
  for (const s of STORRELSER) {
    await skjerm.setViewportSize(s);
    // The fitting runs on resize; give it a frame.
    await skjerm.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const [hoyde, vindu, bredde, vinduBredde] = await skjerm.evaluate(() => [document.documentElement.scrollHeight, innerHeight, document.documentElement.scrollWidth, innerWidth]);
    expect(hoyde, `${navn}: rulling ved ${s.width}×${s.height}`).toBeLessThanOrEqual(vindu);
    expect(bredde, `${navn}: sidelengs rulling ved ${s.width}×${s.height}`).toBeLessThanOrEqual(vinduBredde);
  }
  await skjerm.setViewportSize(STORRELSER[0]!);
  await expect(skjerm.getByRole("link", { name: "Logg ut" })).toHaveCount(0);
  await expect(skjerm.getByRole("link", { name: "Profil" })).toHaveCount(0);
  await expect(skjerm.getByRole("banner")).toHaveCount(0);
  await expect(skjerm.getByRole("contentinfo")).toHaveCount(0);
  await skjerm.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await skjerm.screenshot({ path: `${BILDER}/${navn}.png` });
}

test("en hel samling i rommet: presentatør, storskjerm via skjermlenke, to telefoner med kode", async ({ browser, baseURL, verden, klientSom }) => {
  test.setTimeout(300_000);
  mkdirSync(BILDER, { recursive: true });
  const toProsesser = Boolean(process.env.E2E_DATABASE_URL);
  // The presenter on process 1; the projectors and the phones on process 2 when there are two.
  const lederUrl = toProsesser ? FORSTE_URL : baseURL!;
  const romUrl = toProsesser ? ANDRE_URL : baseURL!;
  const post = (k: APIRequestContext, sti: string, form: Record<string, string>) => k.post(sti, { form, headers: { Origin: lederUrl }, maxRedirects: 0 });

  const { barnehageId: a } = await verden.barnehage({ navn: "Romlia barnehage", styrer: "Rom Styrer", ledere: ["Lise Leder"], ansatte: ["Anne Ansatt", "Per Pedersen", "Kari Kollega", "Ola Utenfor"] });
  const styrer = await klientSom("Rom Styrer", { baseURL: lederUrl });
  const leder = await klientSom("Lise Leder", { baseURL: lederUrl });
  const anne = await klientSom("Anne Ansatt", { baseURL: romUrl });
  const per = await klientSom("Per Pedersen", { baseURL: romUrl });
  const ola = await klientSom("Ola Utenfor", { baseURL: romUrl });
  const kari = await klientSom("Kari Kollega", { baseURL: romUrl });
  const nyttTeam = await post(styrer, `/barnehage/${a}/team`, { intent: "opprett", navn: "Blåklokka" });
  const teamId = /\/team\/([^/?]+)$/.exec(nyttTeam.headers()["location"]!)![1]!;
  for (const k of [leder, anne, per, kari]) expect((await post(styrer, `/barnehage/${a}/team/${teamId}`, { intent: "legg-til", brukerId: await brukerId(k) })).status()).toBe(302);
  // Planned for today (Oslo time), so Start asks nothing.
  const { dato, klokke } = tilOslo(new Date());
  expect((await post(leder, `/barnehage/${a}/team/${teamId}/plan`, { intent: "planlegg", dato, klokke, modulId: "m3", varighet: "" })).status()).toBe(302);
  const samling = /\/samling\/([0-9a-f-]{36})/.exec(await (await leder.get(`/barnehage/${a}/team/${teamId}/plan`)).text())![1]!;
  const samlingSti = `/barnehage/${a}/samling/${samling}`;

  // The presenter: the leader's laptop.
  const lederKontekst = await browser.newContext({ baseURL: lederUrl, storageState: await leder.storageState(), viewport: { width: 1366, height: 768 } });
  const p = await lederKontekst.newPage();
  const lederFeil = fangKonsollfeil(p);
  await p.goto(`${samlingSti}/leder`);
  await expect(p.getByRole("heading", { level: 2, name: "Samlingen har ikke startet" })).toBeVisible();
  await sjekkUu(p);

  // The screen link: made on the presenter, opened on the meeting-room PC with no one signed in.
  await p.getByRole("button", { name: "Lag skjermlenke" }).click();
  const lenke = new URL((await p.getByTestId("skjermlenke").textContent())!.trim());
  expect(lenke.pathname).toMatch(/^\/skjerm\/[A-Za-z0-9_-]{43}$/);
  await expect(p.getByText("Samlingen har en skjermlenke.")).toHaveCount(0);
  const skjermKontekst = await browser.newContext({ baseURL: romUrl, viewport: { width: 1920, height: 1080 } });
  const skjerm = await skjermKontekst.newPage();
  const skjermFeil = fangKonsollfeil(skjerm);
  await skjerm.goto(lenke.pathname);
  await expect(skjerm.getByRole("heading", { level: 1, name: "Samlingen har ikke startet ennå" })).toBeVisible();
  const kode = (await skjerm.getByTestId("samlingskode").textContent())!.trim();
  expect(kode).toMatch(/^[A-Z2-9]{6}$/);
  await sjekkProjektor(skjerm, "00-venter");
  await sjekkUu(skjerm);
  // A wrong screen link is «not found».
  const feilLenke = await skjermKontekst.request.get(`/skjerm/${"A".repeat(43)}`);
  expect(feilLenke.status()).toBe(404);
  expect(await feilLenke.text()).toContain("Denne skjermlenken virker ikke");

  // The second projector: signed in, 960×540 at device scale 2 (1920×1080 at 200 % zoom).
  const zoomKontekst = await browser.newContext({ baseURL: romUrl, storageState: await leder.storageState(), viewport: { width: 960, height: 540 }, deviceScaleFactor: 2 });
  const zoom = await zoomKontekst.newPage();
  await zoom.goto(`${samlingSti}/vis`);
  await expect(zoom.getByRole("heading", { level: 1, name: "Samlingen har ikke startet ennå" })).toBeVisible();
  await expect(zoom.getByRole("link", { name: "Logg ut" })).toHaveCount(0);
  await expect(zoom.getByRole("link", { name: "Profil" })).toHaveCount(0);
  await sjekkUu(zoom);

  // Two phones join by the code on the screen: one types it on /s, one follows the QR link.
  const tlf1Kontekst = await browser.newContext({ ...TELEFON, viewport: { width: 360, height: 740 }, baseURL: romUrl, storageState: await anne.storageState() });
  const tlf2Kontekst = await browser.newContext({ ...TELEFON, viewport: { width: 360, height: 740 }, baseURL: romUrl, storageState: await per.storageState() });
  const tlf1 = await tlf1Kontekst.newPage();
  const tlf2 = await tlf2Kontekst.newPage();
  await tlf1.goto("/s");
  await expect(tlf1.getByRole("heading", { level: 1, name: "Bli med på samlingen" })).toBeVisible();
  await sjekkUu(tlf1);
  await tlf1.getByLabel("Koden på storskjermen").fill("XXXXXX");
  await tlf1.getByRole("button", { name: "Gå til samlingen" }).click();
  await expect(tlf1.getByRole("link", { name: "Vi fant ingen samling med denne koden som du er med i. Sjekk koden på storskjermen." })).toBeVisible();
  await tlf1.getByLabel("Koden på storskjermen").fill(`${kode.slice(0, 3).toLowerCase()} ${kode.slice(3)}`);
  await tlf1.getByRole("button", { name: "Gå til samlingen" }).click();
  await expect(tlf1).toHaveURL(new RegExp(`${samlingSti}$`));
  await tlf2.goto(`/s/${kode}`);
  await expect(tlf2).toHaveURL(new RegExp(`${samlingSti}$`));
  // A member outside the team gets the same «not found» as for a wrong code.
  const utenfor = await ola.get(`/s/${kode}`, { maxRedirects: 0 });
  expect(utenfor.status()).toBe(404);
  // Not signed in: sign in first, then straight back to the code.
  const ukjent = await browser.newContext({ baseURL: romUrl });
  const utenInnlogging = await ukjent.request.get(`/s/${kode}`, { maxRedirects: 0 });
  expect(utenInnlogging.status()).toBe(302);
  expect(utenInnlogging.headers()["location"]).toBe(`/logg-inn?til=${encodeURIComponent(`/s/${kode}`)}`);
  await ukjent.close();

  const steg = async (tittel: string, navn: string, axe = false) => {
    await expect(skjerm.getByRole("heading", { level: 1, name: tittel })).toBeVisible({ timeout: 10_000 });
    await expect(zoom.getByRole("heading", { level: 1, name: tittel })).toBeVisible({ timeout: 10_000 });
    await expect(p.getByTestId("forhandsvisning-naa").getByText(tittel, { exact: true }).first()).toBeAttached();
    await sjekkProjektor(skjerm, navn);
    const [hoyde, vindu] = await zoom.evaluate(() => [document.documentElement.scrollHeight, innerHeight]);
    expect(hoyde, `${navn} ved 200 %`).toBeLessThanOrEqual(vindu);
    if (axe) {
      await sjekkUu(skjerm);
      await sjekkUu(zoom);
    }
  };
  const neste = async () => {
    await p.getByRole("button", { name: "Neste steg" }).click();
  };

  // 1. Start (planned today: no question). The first step shows the code large.
  await p.getByRole("button", { name: "Start samlingen" }).click();
  await steg("Velkommen og hensikt", "01-innledning", true);
  await expect(skjerm.getByTestId("bliinn")).toHaveClass(/bliinn--stor/);
  await expect(p.getByRole("heading", { level: 3, name: "Fra lederstøtten" })).toBeVisible();
  await expect(p.getByTestId("forhandsvisning-neste")).toContainText("Hva lærte dere om å spørre og observere?");
  await sjekkUu(p);

  // 2. The report-back, moved to by a clicker (the right arrow key).
  await p.locator("body").click({ position: { x: 5, y: 5 } });
  await p.keyboard.press("ArrowRight");
  await steg("Hva lærte dere om å spørre og observere?", "02-tilbakemelding");
  await expect(skjerm.getByTestId("bliinn")).not.toHaveClass(/bliinn--stor/);
  // PageUp goes back, PageDown forward again.
  await p.keyboard.press("PageUp");
  await steg("Velkommen og hensikt", "01b-tilbake");
  await p.keyboard.press("PageDown");
  await steg("Hva lærte dere om å spørre og observere?", "02b-frem");

  // 3. The film: played and paused on the projector from the presenter.
  await neste();
  await steg("Film om tiltak på fire nivåer", "03-film", true);
  await p.screenshot({ path: `${BILDER}/leder-03-film.png` });
  const video = skjerm.locator("video");
  await expect(video).toHaveAttribute("data-spiller", "nei");
  // Someone pressed F on the meeting-room PC (fullscreen; the browser then lets the page play sound), and F again.
  await expect(skjerm.getByRole("button", { name: "Fullskjerm (F)" })).toBeVisible();
  await skjerm.keyboard.press("f");
  await expect.poll(() => skjerm.evaluate(() => document.fullscreenElement !== null)).toBe(true);
  await skjerm.keyboard.press("f");
  await expect.poll(() => skjerm.evaluate(() => document.fullscreenElement !== null)).toBe(false);
  await p.getByRole("button", { name: "Spill filmen på storskjermen" }).click();
  await expect(video).toHaveAttribute("data-spiller", "ja", { timeout: 10_000 });
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 10_000 }).toBeGreaterThan(0.5);
  await p.getByRole("button", { name: "Pause filmen" }).click();
  await expect(video).toHaveAttribute("data-spiller", "nei", { timeout: 10_000 });
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.paused), { timeout: 10_000 }).toBe(true);
  await sjekkProjektor(skjerm, "03b-film-pauset");

  // 4. The first group step: the countdown paused and extended; a phone writes the group note, the projector shows it.
  await neste();
  await steg("Casen om Noor", "04-gruppe", true);
  const tid = skjerm.getByRole("timer");
  await p.getByRole("button", { name: "Pause klokka" }).click();
  await expect(skjerm.getByText("Pause:")).toBeVisible({ timeout: 10_000 });
  const stille = await tid.textContent();
  await skjerm.waitForTimeout(2_000);
  expect(await tid.textContent()).toBe(stille);
  await p.getByRole("button", { name: "Start klokka igjen" }).click();
  await expect(skjerm.getByText("Tid igjen:")).toBeVisible({ timeout: 10_000 });
  await p.getByRole("button", { name: "+5 min" }).click();
  await expect.poll(async () => Number((await tid.textContent())!.split(":")[0]), { timeout: 10_000 }).toBeGreaterThanOrEqual(19);
  await tlf1.goto(`${samlingSti}/notat/m3-a2`);
  await tlf1.getByRole("textbox").first().fill("Problemet: Noor blir holdt utenfor i leken.\nTiltak: en voksen i leken hver dag.");
  await tlf1.getByRole("button", { name: /Lagre/ }).first().click();
  await expect(skjerm.getByText("Tiltak: en voksen i leken hver dag.")).toBeVisible({ timeout: 10_000 });
  await sjekkProjektor(skjerm, "04b-gruppe-med-notat");
  await p.screenshot({ path: `${BILDER}/leder-04-gruppe.png`, fullPage: true });

  // 5.–6. The second group step and the individual step.
  await neste();
  await steg("Fire uker senere", "05-gruppe");
  await neste();
  await steg("Vårt repertoar, alene", "06-individuelt", true);
  // The phone that joined by the QR link follows by itself (the version check), to this step only.
  await expect(tlf2.getByRole("heading", { level: 2, name: "Nå: tenk selv i 5 minutter" })).toBeVisible({ timeout: 10_000 });
  await expect(tlf2.getByText("Steg 6 av 9: Vårt repertoar, alene")).toBeVisible();

  // 7.–8. Group and plenary on the same activity: the group's lines come up in plenary.
  await neste();
  await steg("Vårt repertoar, i gruppa", "07-gruppe");
  // Groups of 2, split automatically from the presenter's groups page (the team: 4 people).
  await expect(p.getByRole("link", { name: "Grupper og gruppenes notater" })).toBeVisible();
  const g = await lederKontekst.newPage();
  await g.goto(`${samlingSti}/grupper`);
  await g.getByLabel("Hvor mange i hver gruppe?").fill("2");
  await g.getByRole("button", { name: "Del i grupper" }).click();
  await expect(g.getByRole("status")).toHaveText(/^Gruppene er lagret kl\. \d\d:\d\d\.$/);
  const gruppene = g.locator("section", { has: g.getByRole("heading", { level: 2, name: "Gruppene", exact: true }) });
  await expect(gruppene.getByRole("heading", { level: 3 })).toHaveText(["Gruppe 1", "Gruppe 2"]);
  const iGruppe = async (nr: number) => (await gruppene.locator(".gruppekolonne").nth(nr - 1).locator("p").first().textContent())!.split(", ");
  const [g1, g2] = [await iGruppe(1), await iGruppe(2)];
  expect(g1).toHaveLength(2);
  expect(g2).toHaveLength(2);
  // Chance put the two phones in one group: the leader moves people on the plain form.
  if (g1.includes("Anne Ansatt") === g1.includes("Per Pedersen")) {
    for (const [navn, nr] of [["Anne Ansatt", "1"], ["Lise Leder", "1"], ["Per Pedersen", "2"], ["Kari Kollega", "2"]] as const) await g.getByLabel(navn, { exact: true }).selectOption(nr);
    await g.getByRole("button", { name: "Lagre gruppene" }).click();
    await expect(g.getByRole("status")).toHaveText(/^Gruppene er lagret kl\. \d\d:\d\d\.$/);
  }
  const anneGruppe = (await iGruppe(1)).includes("Anne Ansatt") ? 1 : 2;
  const perGruppe = 3 - anneGruppe;
  // Both phones follow the step to their own group's note, and save AT THE SAME TIME: no conflict.
  const tekster = ["Når vi ser et barn alene, går vi bort og spør om å være med.", "Når noen sier «du får ikke være med», finner vi en rolle til barnet sammen."];
  const felt = [
    [tlf1, anneGruppe, tekster[0]!],
    [tlf2, perGruppe, tekster[1]!],
  ] as const;
  for (const [tlf, nr, tekst] of felt) {
    await tlf.goto(samlingSti);
    await expect(tlf.getByRole("heading", { level: 2, name: `Nå: Gruppe ${nr}, skriv i gruppenotatet` })).toBeVisible();
    await tlf.getByLabel(new RegExp(`^Notatet til Gruppe ${nr}:`)).fill(tekst);
  }
  await Promise.all(felt.map(([tlf]) => tlf.getByRole("button", { name: "Lagre gruppenotatet" }).click()));
  for (const [tlf, nr, tekst] of felt) {
    await expect(tlf.getByRole("status")).toHaveText(/^Lagret kl\. \d\d:\d\d$/);
    await expect(tlf.getByText("Noen andre lagret notatet mens du skrev")).toHaveCount(0);
    await expect(tlf.getByLabel(new RegExp(`^Notatet til Gruppe ${nr}:`))).toHaveValue(tekst);
  }
  await tlf1.screenshot({ path: `${BILDER}/telefon-07-gruppe.png` });
  // Plenary: the projector shows both groups' notes side by side (Padlet-like columns).
  await neste();
  await steg("Vårt repertoar, sammen", "08-plenum", true);
  const kolonner = skjerm.locator(".gruppekolonne");
  await expect(kolonner).toHaveCount(2);
  await expect(kolonner.nth(anneGruppe - 1)).toContainText(tekster[0]!);
  await expect(kolonner.nth(perGruppe - 1)).toContainText(tekster[1]!);
  // Side by side: the two columns share a row on the 1920×1080 projector.
  const [b1, b2] = [await kolonner.nth(0).boundingBox(), await kolonner.nth(1).boundingBox()];
  expect(Math.abs(b1!.y - b2!.y)).toBeLessThan(5);
  expect(b2!.x).toBeGreaterThan(b1!.x + b1!.width - 1);
  // The leader highlights a group; the projector marks it (a word, not only colour).
  await g.getByRole("button", { name: `Fremhev Gruppe ${perGruppe} i plenum` }).click();
  await expect(kolonner.nth(perGruppe - 1)).toContainText("Fremhevet", { timeout: 10_000 });
  await sjekkProjektor(skjerm, "08b-plenum-fremhevet");
  await g.close();

  // 9. Practice agreed.
  await neste();
  await steg("Dette prøver vi før neste samling", "09-avtale", true);
  // The module's feedback on the last step: a QR to the form, and how many have answered (never who).
  await expect(skjerm.getByTestId("modul-tilbakemelding")).toContainText("0 har svart");
  await expect(skjerm.getByRole("img", { name: "QR-kode som leder til tilbakemeldingen på modulen" })).toBeVisible();
  const ny = p.locator(".ramme", { has: p.getByRole("heading", { name: "Avtal en utprøving" }) });
  await ny.getByLabel("Hva skal dere prøve ut?").fill("Bruke linja «Når vi ser et barn alene, går vi bort».");
  await ny.getByLabel("Hvem").fill("Alle på avdelingen");
  await ny.getByLabel("Frist").fill("2030-01-10");
  await ny.getByRole("button", { name: "Avtal utprøvingen" }).click();
  await expect(p.getByRole("heading", { level: 3, name: "Bruke linja «Når vi ser et barn alene, går vi bort»." })).toBeVisible();

  // «Avslutt»: asks first; «Nei» changes nothing; confirmed it ends, and the screen link stops.
  await p.getByRole("button", { name: "Avslutt samlingen" }).click();
  await expect(p.getByText("Vil du avslutte samlingen? Du kan angre i 15 minutter.")).toBeVisible();
  await sjekkUu(p);
  await p.getByRole("link", { name: "Nei, gå tilbake" }).click();
  await expect(p.getByText("Vil du avslutte samlingen? Du kan angre i 15 minutter.")).toHaveCount(0);
  await expect(p.getByRole("heading", { level: 2, name: /Nå: steg 9 av 9/ })).toBeVisible();
  await p.getByRole("button", { name: "Avslutt samlingen" }).click();
  await p.getByRole("button", { name: "Ja, avslutt samlingen" }).click();
  await expect(p.getByRole("heading", { level: 2, name: "Samlingen er ferdig" })).toBeVisible();
  await expect(zoom.getByRole("heading", { level: 1, name: "Samlingen er ferdig" })).toBeVisible({ timeout: 10_000 });
  // The dead link on the big screen is still a presentation: no menu, no «Logg inn».
  await expect(skjerm.getByRole("heading", { level: 1, name: "Denne skjermlenken virker ikke" })).toBeVisible({ timeout: 10_000 });
  await expect(skjerm.getByRole("link")).toHaveCount(0);
  await sjekkUu(skjerm);
  expect((await skjermKontekst.request.get(lenke.pathname)).status()).toBe(404);
  expect((await tlf2.request.get(`/s/${kode}`, { maxRedirects: 0 })).status()).toBe(404);

  // Undone: back on the last step; the screen link works again; then ended for good.
  await p.getByRole("button", { name: "Angre avslutningen" }).click();
  await expect(p.getByRole("heading", { level: 2, name: /Nå: steg 9 av 9/ })).toBeVisible();
  await skjerm.goto(lenke.pathname);
  await steg("Dette prøver vi før neste samling", "09b-angret");
  await p.getByRole("button", { name: "Avslutt samlingen" }).click();
  await p.getByRole("button", { name: "Ja, avslutt samlingen" }).click();
  await expect(zoom.getByRole("heading", { level: 1, name: "Samlingen er ferdig" })).toBeVisible({ timeout: 10_000 });
  await sjekkProjektor(zoom, "10-ferdig-200");
  await sjekkUu(zoom);

  expect(lederFeil).toEqual([]);
  expect(skjermFeil.filter((f) => !/404/.test(f))).toEqual([]);
  for (const k of [lederKontekst, skjermKontekst, zoomKontekst, tlf1Kontekst, tlf2Kontekst]) await k.close();
});
