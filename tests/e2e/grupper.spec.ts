import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { fangKonsollfeil, sjekkUu, sjekkUuUtenJs } from "./hjelpere.ts";
import { ANDRE_PORT, ANDRE_URL } from "../../playwright.config.ts";

/**
 * Issue 12, point 3 and 7 (ADR 0027): a leader splits four people into groups of 2 on the groups
 * page, two phones (360×740) in different groups write their group's own note AT THE SAME TIME and
 * neither gets a conflict, the groups page shows both columns and highlights one; the participant
 * page follows the step («Nå: …»: film, group, on your own), and without JavaScript a save shows
 * «Lagret kl. …». axe on every page. On PostgreSQL the second phone uses the second app process. Screenshots at 360×740 and 1920×1080 go to SKJERMBILDER (if
 * set) or the test's output folder; they are never committed.
 */
const TELEFON = { width: 360, height: 740 };

test("grupper på to skriver hvert sitt gruppenotat samtidig, og deltakersiden følger steget", async ({ browser, baseURL, verden, klientSom, sideSom }, testInfo) => {
  test.setTimeout(180_000);
  const mappe = process.env.SKJERMBILDER;
  const bilde = (p: Page, navn: string) => p.screenshot({ path: mappe ? `${mappe}/${navn}.png` : testInfo.outputPath(`${navn}.png`), fullPage: true });
  const post = (k: APIRequestContext, sti: string, form: Record<string, string>) => k.post(sti, { form, headers: { Origin: baseURL! }, maxRedirects: 0 });

  const ansatte = ["Anne Ansatt", "Berit Berg", "Cato Carlsen", "Dina Dahl"];
  const bh = await verden.barnehage({ navn: "Gruppebakken barnehage", styrer: "Siri Styrer", ledere: ["Lise Leder"], ansatte, team: [{ navn: "Blåklokka", medlemmer: ansatte }] });
  const a = bh.barnehageId;
  const teamId = bh.team.Blåklokka!;
  const leder = await klientSom("Lise Leder");
  expect((await post(leder, `/barnehage/${a}/team/${teamId}/plan`, { intent: "velg-moduler", modul: "m3" })).status()).toBe(302);
  expect((await post(leder, `/barnehage/${a}/team/${teamId}/plan`, { intent: "planlegg", dato: "2030-06-13", klokke: "14:00", modulId: "m3" })).status()).toBe(302);
  const samling = /href="(\/barnehage\/[^"]+\/samling\/[^"/#?]+)"/.exec(await (await leder.get(`/barnehage/${a}/team/${teamId}/plan`)).text())![1]!;
  let versjon = 1;
  // Planned for another day: starting asks first, and so does ending (ADR 0026); the leader says yes.
  const styr = async (intent: "start" | "neste" | "avslutt") =>
    expect((await post(leder, `${samling}/leder`, { intent, versjon: String(versjon++), ...(intent === "neste" ? {} : { bekreft: "ja" }) })).status()).toBe(302);

  // 1. The leader splits the team into groups of 2 (no attendance registered: the whole team).
  const side = await sideSom("Lise Leder", { viewport: { width: 1920, height: 1080 } });
  const feil = fangKonsollfeil(side);
  await side.goto(`${samling}/grupper`);
  await expect(side.getByRole("heading", { level: 1, name: "Grupper: modul 3, Tiltak" })).toBeVisible();
  await expect(side.getByText("Oppmøtet er ikke registrert, så gruppene lages fra hele teamet (4 personer).")).toBeVisible();
  await expect(side.getByText("Dere er ikke delt i grupper ennå.").first()).toBeVisible();
  await sjekkUu(side);
  // A size outside 2–5 is answered in Norwegian, on the field.
  await side.getByLabel("Hvor mange i hver gruppe?").fill("9");
  await side.getByRole("button", { name: "Del i grupper" }).click();
  await expect(side.getByRole("link", { name: "Velg en gruppestørrelse fra 2 til 5." })).toBeVisible();
  await sjekkUu(side);
  await side.getByLabel("Hvor mange i hver gruppe?").fill("2");
  await side.getByRole("button", { name: "Del i grupper" }).click();
  await expect(side.getByRole("status")).toHaveText(/^Gruppene er lagret kl\. \d\d:\d\d\.$/);
  const gruppene = side.locator("section", { has: side.getByRole("heading", { level: 2, name: "Gruppene", exact: true }) });
  await expect(gruppene.getByRole("heading", { level: 3 })).toHaveText(["Gruppe 1", "Gruppe 2"]);
  const medlemmer = async (g: number) => (await gruppene.locator(".gruppekolonne").nth(g - 1).locator("p").first().textContent())!.split(", ");
  const [gruppe1, gruppe2] = [await medlemmer(1), await medlemmer(2)];
  expect(gruppe1).toHaveLength(2);
  expect(gruppe2).toHaveLength(2);
  expect([...gruppe1, ...gruppe2].sort()).toEqual(ansatte);
  await sjekkUu(side);

  // 2. The samling starts; the participant page on a phone follows the step, and shows only it.
  await styr("start");
  const enIGruppe1 = await sideSom(gruppe1[0]!, { telefon: true, viewport: TELEFON });
  // On PostgreSQL the second phone talks to the second app process: the groups' state is in the database.
  const enIGruppe2 = await sideSom(gruppe2[0]!, { telefon: true, viewport: TELEFON, ...(process.env.E2E_DATABASE_URL ? { baseURL: ANDRE_URL } : {}) });
  const telefonFeil = [fangKonsollfeil(enIGruppe1), fangKonsollfeil(enIGruppe2)];
  await enIGruppe1.goto(samling);
  await expect(enIGruppe1.getByRole("heading", { level: 2, name: "Nå: Velkommen og hensikt" })).toBeVisible();
  await styr("neste");
  await styr("neste");
  // It follows by itself (JavaScript polls every 3 s while the page is visible).
  await expect(enIGruppe1.getByRole("heading", { level: 2, name: "Nå: se filmen" })).toBeVisible({ timeout: 10_000 });
  await expect(enIGruppe1.getByText("Steg 3 av 9: Film om tiltak på fire nivåer")).toBeVisible();
  await expect(enIGruppe1.locator("video")).toHaveCount(1);
  await sjekkUu(enIGruppe1);
  await bilde(enIGruppe1, "telefon-film");

  // 3. The group step: each phone has its own group's note. Both save at the same time.
  await styr("neste");
  await expect(enIGruppe1.getByRole("heading", { level: 2, name: "Nå: Gruppe 1, skriv i gruppenotatet" })).toBeVisible({ timeout: 10_000 });
  await enIGruppe2.goto(samling);
  await expect(enIGruppe2.getByRole("heading", { level: 2, name: "Nå: Gruppe 2, skriv i gruppenotatet" })).toBeVisible();
  if (process.env.E2E_DATABASE_URL) expect(new URL(enIGruppe2.url()).port).toBe(String(ANDRE_PORT));
  // The step's own content only: no list of every step, no other activity's note.
  await expect(enIGruppe2.locator(".stegliste")).toHaveCount(0);
  await expect(enIGruppe2.locator("[data-plass=gruppenotater]")).toHaveCount(0);
  const felt1 = enIGruppe1.getByLabel("Notatet til Gruppe 1: Noor og dukkekroken");
  const felt2 = enIGruppe2.getByLabel("Notatet til Gruppe 2: Noor og dukkekroken");
  await felt1.fill("Gruppe 1: snakke med Noor først, så med foreldrene.");
  await felt2.fill("Gruppe 2: se på overgangene i garderoben.");
  await sjekkUu(enIGruppe1);
  await bilde(enIGruppe2, "telefon-gruppe-for-lagring");
  await Promise.all([
    enIGruppe1.getByRole("button", { name: "Lagre gruppenotatet" }).click(),
    enIGruppe2.getByRole("button", { name: "Lagre gruppenotatet" }).click(),
  ]);
  for (const [telefon, felt, tekst] of [
    [enIGruppe1, felt1, "Gruppe 1: snakke med Noor først, så med foreldrene."],
    [enIGruppe2, felt2, "Gruppe 2: se på overgangene i garderoben."],
  ] as const) {
    await expect(telefon).toHaveURL(/\?lagret=gruppenotat#naa$/);
    await expect(telefon.getByRole("status")).toHaveText(/^Lagret kl\. \d\d:\d\d$/);
    await expect(telefon.getByText("Noen andre lagret notatet mens du skrev")).toHaveCount(0);
    await expect(felt).toHaveValue(tekst);
  }
  await sjekkUu(enIGruppe2);
  await bilde(enIGruppe2, "telefon-gruppe-lagret");

  // 4. The groups page shows both columns; the leader highlights group 2 for the plenary.
  await side.goto(`${samling}/grupper`);
  const kolonner = side.locator("[data-plass=gruppekolonner]");
  await expect(kolonner.getByRole("heading", { level: 2, name: "Gruppenes notater: Noor og dukkekroken" })).toBeVisible();
  await expect(kolonner.locator(".gruppekolonne__tekst")).toHaveText(["Gruppe 1: snakke med Noor først, så med foreldrene.", "Gruppe 2: se på overgangene i garderoben."]);
  await side.getByRole("button", { name: "Fremhev Gruppe 2 i plenum" }).click();
  await expect(kolonner.getByRole("heading", { level: 3, name: "Gruppe 2 Fremhevet" })).toBeVisible();
  await expect(kolonner.getByRole("heading", { level: 3, name: "Gruppe 1", exact: true })).toBeVisible();
  await sjekkUu(side);
  await bilde(side, "grupper-1920");
  await side.setViewportSize({ width: 960, height: 540 });
  await sjekkUu(side);
  await bilde(side, "grupper-960");

  // 5. Without JavaScript, a phone saves its group's note and sees «Lagret kl. …» after the redirect.
  const utenJsKontekst = await browser.newContext({ baseURL, viewport: TELEFON, isMobile: true, javaScriptEnabled: false });
  await verden.loggInn(utenJsKontekst, gruppe1[1]!);
  const utenJs = await utenJsKontekst.newPage();
  await utenJs.goto(samling);
  await expect(utenJs.getByRole("heading", { level: 2, name: "Nå: Gruppe 1, skriv i gruppenotatet" })).toBeVisible();
  const felt = utenJs.getByLabel("Notatet til Gruppe 1: Noor og dukkekroken");
  await expect(felt).toHaveValue("Gruppe 1: snakke med Noor først, så med foreldrene.");
  await felt.fill("Gruppe 1: snakke med Noor først, så med foreldrene. Og med kollegene.");
  await utenJs.getByRole("button", { name: "Lagre gruppenotatet" }).click();
  await expect(utenJs.getByRole("status")).toHaveText(/^Lagret kl\. \d\d:\d\d$/);
  await expect(felt).toHaveValue("Gruppe 1: snakke med Noor først, så med foreldrene. Og med kollegene.");
  await sjekkUuUtenJs(utenJs, browser);
  await bilde(utenJs, "telefon-uten-js-lagret");

  // 6. The next group step: the leader lets people pick a group themselves, among three; the phone
  //    without JavaScript picks group 3 with a plain button and gets group 3's own (empty) note.
  await styr("neste");
  expect((await post(leder, `${samling}/grupper`, { intent: "aapne-selvvalg", antall: "3" })).status()).toBe(302);
  await utenJs.goto(samling);
  await expect(utenJs.getByRole("heading", { level: 2, name: "Nå: Gruppe 1, skriv i gruppenotatet" })).toBeVisible();
  const valg = utenJs.getByRole("group", { name: "Bytt gruppe" });
  await expect(valg.getByRole("button")).toHaveText(["Gruppe 1", "Gruppe 2", "Gruppe 3"]);
  await valg.getByRole("button", { name: "Gruppe 3" }).click();
  await expect(utenJs.getByRole("heading", { level: 2, name: "Nå: Gruppe 3, skriv i gruppenotatet" })).toBeVisible();
  await expect(utenJs.getByLabel("Notatet til Gruppe 3: Fire uker senere")).toHaveValue("");
  await sjekkUuUtenJs(utenJs, browser);

  // 7. On your own: «Nå: tenk selv i 5 minutter» with the private reflection box.
  await styr("neste");
  await utenJs.goto(samling);
  await expect(utenJs.getByRole("heading", { level: 2, name: "Nå: tenk selv i 5 minutter" })).toBeVisible();
  await utenJs.getByLabel("Min refleksjon: Vårt repertoar").fill("Jeg vil si fra tidligere.");
  await utenJs.getByRole("button", { name: "Lagre refleksjonen" }).click();
  await expect(utenJs.getByRole("status")).toHaveText(/^Lagret kl\. \d\d:\d\d$/);
  await expect(utenJs.getByLabel("Min refleksjon: Vårt repertoar")).toHaveValue("Jeg vil si fra tidligere.");
  await sjekkUuUtenJs(utenJs, browser);
  await bilde(utenJs, "telefon-individuelt");
  // With JavaScript the page follows the leader, but not away from text that is not saved: it says
  // so, keeps the text, and after the save shows the new step and when the text was saved.
  await expect(enIGruppe1.getByRole("heading", { level: 2, name: "Nå: tenk selv i 5 minutter" })).toBeVisible({ timeout: 10_000 });
  await enIGruppe1.getByLabel("Min refleksjon: Vårt repertoar").fill("En tanke jeg ikke har lagret.");
  await styr("neste");
  await expect(enIGruppe1.getByText("Lederen har gått videre til: Vårt repertoar, i gruppa.", { exact: false })).toBeVisible({ timeout: 10_000 });
  await expect(enIGruppe1.getByLabel("Min refleksjon: Vårt repertoar")).toHaveValue("En tanke jeg ikke har lagret.");
  await sjekkUu(enIGruppe1);
  await enIGruppe1.getByRole("button", { name: "Lagre refleksjonen" }).click();
  await expect(enIGruppe1.getByRole("heading", { level: 2, name: "Nå: Gruppe 1, skriv i gruppenotatet" })).toBeVisible();
  await expect(enIGruppe1.getByRole("status")).toHaveText(/^Lagret kl\. \d\d:\d\d$/);

  // 8. Plenary: every group's note side by side on the phone too, the highlighted one marked.
  await styr("neste");
  await expect(enIGruppe1.getByRole("heading", { level: 2, name: "Nå: alle sammen" })).toBeVisible({ timeout: 10_000 });
  await expect(enIGruppe1.locator(".gruppekolonne h3")).toHaveText(["Gruppe 1", /^Gruppe 2 ★ Fremhevet$/, "Gruppe 3"]);
  await sjekkUu(enIGruppe1);
  await bilde(enIGruppe1, "telefon-plenum");

  // 9. After the samling the groups' notes stay: on the team's module page and in catch-up, per group.
  await styr("avslutt");
  for (const sti of [`/barnehage/${a}/team/${teamId}/moduler/tiltak`, `${samling}/ta-igjen`, samling]) {
    await utenJs.goto(sti);
    const noor = utenJs.locator(".gruppekolonne", { hasText: "Gruppe 2: se på overgangene i garderoben." });
    await expect(noor, sti).toHaveCount(1);
    await expect(noor.getByRole("heading")).toHaveText(/^Gruppe 2/);
    await expect(utenJs.getByText("Gruppe 1: snakke med Noor først, så med foreldrene. Og med kollegene.")).toBeVisible();
    await sjekkUuUtenJs(utenJs, browser);
  }
  await utenJsKontekst.close();

  expect(feil).toEqual([]);
  expect(telefonFeil.flat()).toEqual([]);
});
