import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { sjekkUuUtenJs } from "./hjelpere.ts";
import { oktFor } from "./okt.ts";

/**
 * Issue 5 in nynorsk and without JavaScript (point 8): a leder who reads Samla in nynorsk plans a
 * samling, runs it from the presenter view while the projector follows by meta refresh, agrees a
 * practice task and takes attendance; a member on a phone writes a reflection, a group note and a
 * practice log; the member's progress and the leader dashboard show it. Every form is a plain post,
 * bad input gets a nynorsk message and nothing typed is lost; axe on every page.
 */
const telefon = { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true };
const brukerId = async (k: APIRequestContext) => ((await oktFor(k)) as { user: { id: string } }).user.id;

test("samarbeid på nynorsk og utan JavaScript: plan, samling, refleksjon, gruppenotat, utprøving og framdrift", async ({ browser, baseURL, verden, klientSom }) => {
  test.setTimeout(180_000);
  const url = baseURL!;
  const post = (k: APIRequestContext, sti: string, form: Record<string, string>) => k.post(sti, { form, headers: { Origin: url }, maxRedirects: 0 });
  const { barnehageId: a } = await verden.barnehage({ navn: "Tunet barnehage", styrer: "Sigrid Styrar", ledere: ["Liv Leiar"], ansatte: ["Kari Kvamme", "Ola Ose"] });
  const [styrer, leder, kari, ola] = [await klientSom("Sigrid Styrar"), await klientSom("Liv Leiar"), await klientSom("Kari Kvamme"), await klientSom("Ola Ose")];
  const teamId = /\/team\/([^/?]+)$/.exec((await post(styrer, `/barnehage/${a}/team`, { intent: "opprett", navn: "Revehiet" })).headers()["location"]!)![1]!;
  for (const k of [kari, ola]) expect((await post(styrer, `/barnehage/${a}/team/${teamId}`, { intent: "legg-til", brukerId: await brukerId(k) })).status()).toBe(302);
  for (const k of [leder, kari]) expect((await post(k, "/maalform", { maalform: "nn", til: "/start" })).status()).toBe(302);

  const lederKontekst = await browser.newContext({ baseURL: url, javaScriptEnabled: false, storageState: await leder.storageState() });
  const page = await lederKontekst.newPage();

  // The plan: one module, one samling; a missing date is answered in nynorsk and the rest is kept.
  await page.goto(`/barnehage/${a}/team/${teamId}/plan`);
  await expect(page.getByRole("heading", { level: 1, name: "Plan for Revehiet" })).toBeVisible();
  await page.getByLabel("Modul 0: Introduksjon").check();
  await page.getByRole("button", { name: "Lagre modulane" }).click();
  await expect(page.locator(".planliste li > span:first-child")).toHaveText(["Modul 0: Introduksjon"]);
  const ny = page.locator("section", { has: page.getByRole("heading", { name: "Planlegg ei samling" }) });
  await ny.getByLabel("Klokkeslett").fill("09:30");
  await ny.getByRole("button", { name: "Planlegg samlinga" }).click();
  await expect(page.getByRole("link", { name: "Skriv datoen, til dømes 2026-12-03." })).toBeVisible();
  await expect(page.getByLabel("Klokkeslett")).toHaveValue("09:30");
  await sjekkUuUtenJs(page, browser);
  await page.getByLabel("Dato").fill("2030-03-14");
  await page.getByLabel("Modul", { exact: true }).selectOption("m0");
  await page.getByRole("button", { name: "Planlegg samlinga" }).click();
  await expect(page.getByRole("link", { name: "torsdag 14. mars 2030 kl. 09:30", exact: true })).toBeVisible();
  const samling = await page.getByRole("link", { name: "torsdag 14. mars 2030 kl. 09:30", exact: true }).evaluate((l) => (l as HTMLAnchorElement).pathname);

  // Samling mode: the presenter view steps on; the projector follows without JavaScript.
  await page.goto(samling);
  await expect(page.getByRole("heading", { level: 1, name: "Samling om modul 0: Introduksjon" })).toBeVisible();
  await sjekkUuUtenJs(page, browser);
  await page.getByRole("link", { name: "Lei samlinga (din eigen skjerm)" }).click();
  await page.getByRole("button", { name: "Start samlinga" }).click();
  // Planned for another day: the presenter asks first, in nynorsk, without JavaScript too.
  await expect(page.getByText("Samlinga er planlagd ein annan dag enn i dag. Vil du starte ho no likevel?")).toBeVisible();
  await page.getByRole("button", { name: "Ja, start samlinga no" }).click();
  await expect(page.getByRole("heading", { level: 2, name: /^No: steg 1 av \d+, / })).toBeVisible();
  await page.getByRole("button", { name: "Neste steg" }).click();
  await expect(page.getByRole("heading", { level: 2, name: /^No: steg 2 av \d+, / })).toBeVisible();
  await sjekkUuUtenJs(page, browser);
  const skjerm = await lederKontekst.newPage();
  await skjerm.setViewportSize({ width: 1920, height: 1080 });
  await skjerm.goto(`${samling}/vis`);
  await expect(skjerm.locator("meta[http-equiv=refresh]")).toHaveCount(1);
  await expect(skjerm.getByText("Tid att:")).toBeVisible();
  await sjekkUuUtenJs(skjerm, browser);

  // The practice task: an empty «Kva» is refused in nynorsk with «Kven» kept; attendance; the end.
  await page.getByLabel("Kven", { exact: true }).fill("Alle på avdelinga");
  await page.getByLabel("Frist").fill("2030-03-28");
  await page.getByRole("button", { name: "Avtal utprøvinga" }).click();
  await expect(page.getByRole("link", { name: "Skriv kva de skal prøve ut." })).toBeVisible();
  await expect(page.getByLabel("Kven", { exact: true })).toHaveValue("Alle på avdelinga");
  await page.getByLabel("Kva skal de prøve ut?").fill("Sei namnet til kvart barn i garderoben");
  await page.getByRole("button", { name: "Avtal utprøvinga" }).click();
  await expect(page.locator(".utproving h3")).toHaveText(["Sei namnet til kvart barn i garderoben"]);
  await page.getByLabel("Kari Kvamme").check();
  await page.getByRole("button", { name: "Lagre oppmøtet" }).click();
  await expect(page.getByLabel("Kari Kvamme")).toBeChecked();
  await page.getByRole("button", { name: "Avslutt samlinga" }).click();
  await expect(page.getByText("Vil du avslutte samlinga? Du kan angre i 15 minutt.")).toBeVisible();
  await page.getByRole("button", { name: "Ja, avslutt samlinga" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Samlinga er ferdig" })).toBeVisible();
  await skjerm.reload();
  await expect(skjerm.getByRole("heading", { level: 1, name: "Samlinga er ferdig" })).toBeVisible();

  // Kari on her phone: the team's module page, a reflection, a group note.
  const kariKontekst = await browser.newContext({ ...telefon, baseURL: url, javaScriptEnabled: false, storageState: await kari.storageState() });
  const kp = await kariKontekst.newPage();
  await kp.goto(samling);
  await kp.getByRole("link", { name: "Modulen med notata og refleksjonane til teamet (Revehiet)" }).click();
  await expect(kp).toHaveURL(/\/team\/[^/]+\/moduler\/introduksjon$/);
  await expect(kp.getByRole("heading", { level: 1, name: "Introduksjon", exact: true })).toBeVisible();
  const aktivitet = kp.locator("#m0-a1");
  // Saving an empty reflection clears it; sharing nothing is refused.
  await aktivitet.getByRole("button", { name: "Del med teamet" }).click();
  await expect(kp.getByRole("link", { name: "Skriv noko før du lagrar." })).toBeVisible();
  await kp.locator("#m0-a1").getByLabel(/^Refleksjonen min: /).fill("Eg var sjølv ny ein gong.");
  await kp.locator("#m0-a1").getByRole("button", { name: "Lagre refleksjonen" }).click();
  await expect(kp.locator("#m0-a1").getByLabel(/^Refleksjonen min: /)).toHaveValue("Eg var sjølv ny ein gong.");
  await kp.locator("#m0-a1").getByLabel(/^Gruppenotat: /).fill("Vi helsar på kvart barn.");
  await kp.locator("#m0-a1").getByRole("button", { name: "Lagre gruppenotatet" }).click();
  await expect(kp.locator("#m0-a1").getByLabel(/^Gruppenotat: /)).toHaveValue("Vi helsar på kvart barn.");
  await sjekkUuUtenJs(kp, browser);

  // The practice log on the samling page, then her progress on the start page.
  await kp.goto(samling);
  await kp.getByLabel("Korleis gjekk det? (Sei namnet til kvart barn i garderoben)").fill("Borna smilte då dei høyrde namnet sitt.");
  await kp.getByRole("button", { name: "Lagre", exact: true }).click();
  await expect(kp.locator(".logger li")).toHaveText(["Kari Kvamme: Borna smilte då dei høyrde namnet sitt."]);
  await sjekkUuUtenJs(kp, browser);
  await kp.goto("/start");
  await expect(kp.getByRole("heading", { name: "Framdrifta mi" })).toBeVisible();
  await expect(kp.getByText("3 av 3 steg")).toBeVisible();
  await sjekkUuUtenJs(kp, browser);

  // The leader dashboard in nynorsk: numbers and the name of the one who has not caught up.
  await page.goto(`/barnehage/${a}`);
  await page.getByRole("link", { name: "Sjå framdrifta i teama" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Framdrift i teama" })).toBeVisible();
  const revehiet = page.getByRole("region", { name: "Revehiet" });
  await expect(revehiet.getByRole("progressbar", { name: /.+/ }).first()).toBeVisible();
  await expect(revehiet).toContainText("Ola Ose");
  await expect(revehiet).not.toContainText("Eg var sjølv ny");
  await sjekkUuUtenJs(page, browser);
  await kariKontekst.close();
  await lederKontekst.close();
});
