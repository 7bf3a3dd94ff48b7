import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { fangKonsollfeil, sjekkUu, sjekkUuUtenJs } from "./hjelpere.ts";

/**
 * Issue 15, points 2 and 3 (ADR 0030): every save in the samling and module pages shows «Lagret kl.
 * HH:MM» beside what was saved, with and without JavaScript; the start page and the barnehage
 * overview lead with what is next: a styrer without teams gets «Lag team», an assistant's start page
 * names the next samling with its date and what to read before it. nb and nn; axe on every page.
 * Screenshots at 360×740 go to LAGRET_SKJERMBILDER (if set).
 */
const SKJERMBILDER = process.env.LAGRET_SKJERMBILDER;
const TELEFON = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
const LAGRET = /^Lagret kl\. \d\d:\d\d$/;
const LAGRA = /^Lagra kl\. \d\d:\d\d$/;
const MODUL = "psykososialt-barnehagemiljo";

async function bilde(page: Page, navn: string, fullPage = true) {
  if (SKJERMBILDER) await page.screenshot({ path: `${SKJERMBILDER}/${navn}.png`, fullPage });
}

/** The status right after a save is inside the form or section that was saved, and says when. */
async function lagret(omraade: Locator, tekst: RegExp = LAGRET) {
  await expect(omraade.getByRole("status")).toHaveText(tekst);
}

test("neste steg for styrer og assistent, og «Lagret kl.» etter hver lagring på samlings- og modulsidene (nb og nn, med og uten JavaScript)", async ({ verden, sideSom, browser, baseURL }) => {
  test.setTimeout(240_000);
  const bh = await verden.barnehage({ navn: "Nestebakken barnehage", styrer: "Stine Styrer", ledere: ["Lars Leder"], ansatte: ["Asta Assistent"] });
  const a = bh.barnehageId;

  // 1. The styrer has invited staff but made no team: both pages lead with «Lag team».
  const styrer = await sideSom("Stine Styrer", TELEFON);
  const styrerFeil = fangKonsollfeil(styrer);
  await styrer.goto("/start");
  const oppsett = styrer.locator("section", { has: styrer.getByRole("heading", { level: 2, name: "Neste steg i oppsettet" }) });
  await expect(oppsett).toContainText("Nestebakken barnehage: lag team");
  await expect(oppsett.getByRole("link", { name: "Lag team" })).toBeVisible();
  await expect(styrer.locator("[data-neste] h2").first()).toHaveText("Neste steg i oppsettet");
  await expect(styrer.getByText("Snart kan dere planlegge samlinger")).toHaveCount(0);
  await sjekkUu(styrer);
  await styrer.goto(`/barnehage/${a}`);
  await expect(styrer.getByRole("heading", { level: 1, name: "Nestebakken barnehage" })).toBeVisible();
  await expect(styrer.locator("[data-neste] h2").first()).toHaveText("Neste steg i oppsettet");
  const storrelser = await styrer.evaluate(() => ({
    h1: parseFloat(getComputedStyle(document.querySelector("main h1")!).fontSize),
    h2: [...document.querySelectorAll("main h2")].map((h) => parseFloat(getComputedStyle(h).fontSize)),
  }));
  for (const h2 of storrelser.h2) expect(storrelser.h1).toBeGreaterThan(h2);
  await sjekkUu(styrer);
  await bilde(styrer, "barnehageoversikt-styrer-360");

  // The styrer follows the step: makes the team and adds two people; each save says so.
  await styrer.getByRole("link", { name: "Lag team" }).click();
  await styrer.getByLabel("Navn på teamet").fill("Blåklokka");
  await styrer.getByRole("button", { name: "Opprett team" }).click();
  await expect(styrer.getByRole("heading", { level: 1, name: "Blåklokka" })).toBeVisible();
  for (const navn of ["Asta Assistent", "Lars Leder"]) {
    await styrer.getByLabel("Person").selectOption({ label: navn });
    await styrer.getByRole("button", { name: "Legg til i teamet" }).click();
    await expect(styrer.getByRole("status")).toHaveText(LAGRET);
  }
  await sjekkUu(styrer);
  // Next for the styrer: plan the first samling.
  await styrer.goto("/start");
  await expect(styrer.locator("[data-neste]").getByRole("link", { name: "Planlegg den første samlingen" })).toBeVisible();
  expect(styrerFeil).toEqual([]);

  // 2. The leder plans: the modules and the samling, each confirmed where it was saved.
  const leder = await sideSom("Lars Leder");
  const lederFeil = fangKonsollfeil(leder);
  await leder.goto("/start");
  await leder.locator("[data-neste]").getByRole("link", { name: "Planlegg den første samlingen" }).click();
  await expect(leder.getByRole("heading", { level: 1, name: "Plan for Blåklokka" })).toBeVisible();
  await leder.getByLabel("Modul 1: Psykososialt barnehagemiljø").check();
  await leder.getByRole("button", { name: "Lagre modulene" }).click();
  await lagret(leder.locator("form", { has: leder.getByRole("button", { name: "Lagre modulene" }) }));
  const ny = leder.locator("section", { has: leder.getByRole("heading", { name: "Planlegg en samling" }) });
  await ny.getByLabel("Dato").fill("2030-06-13");
  await ny.getByLabel("Klokkeslett").fill("14:00");
  await ny.getByLabel("Modul", { exact: true }).selectOption("m1");
  await ny.getByRole("button", { name: "Planlegg samlingen" }).click();
  await lagret(leder.locator("section", { has: leder.getByRole("heading", { level: 2, name: "Samlinger" }) }));
  await sjekkUu(leder);
  const samling = await leder.getByRole("link", { name: "torsdag 13. juni 2030 kl. 14:00", exact: true }).evaluate((l) => (l as HTMLAnchorElement).pathname);

  // The presenter view: notes, attendance and a practice task, each with «Lagret kl.».
  await leder.goto(`${samling}/leder`);
  const notater = leder.locator("section", { has: leder.getByRole("heading", { level: 2, name: "Mine notater" }) });
  await notater.getByLabel("Notater for samlingen (bare du ser dem)").fill("Husk å starte med filmen.");
  await notater.getByRole("button", { name: "Lagre notatene" }).click();
  await lagret(leder.locator("section", { has: leder.getByRole("heading", { level: 2, name: "Mine notater" }) }));
  const oppmote = leder.locator("section", { has: leder.getByRole("heading", { level: 2, name: "Oppmøte" }) });
  await oppmote.getByLabel("Asta Assistent").check();
  await oppmote.getByRole("button", { name: "Lagre oppmøtet" }).click();
  await lagret(leder.locator("section", { has: leder.getByRole("heading", { level: 2, name: "Oppmøte" }) }));
  const utproving = leder.locator("section", { has: leder.getByRole("heading", { level: 2, name: "Utprøvinger" }) });
  await utproving.getByLabel("Hva skal dere prøve ut?").fill("Hils på hvert barn ved døra");
  await utproving.getByLabel("Hvem").fill("Alle på avdelingen");
  await utproving.getByLabel("Frist").fill("2030-06-27");
  await utproving.getByRole("button", { name: "Avtal utprøvingen" }).click();
  await lagret(leder.locator("section", { has: leder.getByRole("heading", { level: 2, name: "Utprøvinger" }) }));
  await sjekkUu(leder);
  // The screen link: made (shown in the answer), then withdrawn, which says «Lagret kl.».
  await leder.getByRole("button", { name: "Lag skjermlenke" }).click();
  await expect(leder.getByTestId("skjermlenke")).toBeVisible();
  await leder.getByRole("button", { name: "Trekk tilbake skjermlenken" }).click();
  await lagret(leder.locator("section", { has: leder.getByRole("heading", { level: 2, name: "Skjermlenke for møterommet" }) }));
  expect(lederFeil).toEqual([]);

  // 3. The assistant's start page on a phone names the next samling, its date and what to read first.
  const asta = await sideSom("Asta Assistent", TELEFON);
  const astaFeil = fangKonsollfeil(asta);
  await asta.goto("/start");
  const nesteSamling = asta.locator("section", { has: asta.getByRole("heading", { level: 2, name: "Neste samling" }) });
  await expect(nesteSamling.getByRole("link", { name: "Samling om modul 1: Psykososialt barnehagemiljø" })).toBeVisible();
  await expect(nesteSamling).toContainText("torsdag 13. juni 2030 kl. 14:00");
  await expect(nesteSamling).toContainText("Blåklokka");
  // The practice task with its deadline, in Norwegian.
  await expect(asta.locator("[data-neste]")).toContainText("frist 27. juni 2030");
  // An assistant is never offered «Opprett en barnehage» as the main choice.
  await expect(asta.locator("[data-neste]").getByRole("link", { name: "Opprett en barnehage" })).toHaveCount(0);
  await sjekkUu(asta);
  await bilde(asta, "start-assistent-360");

  // The module page: reflection, sharing and the group note, each with «Lagret kl.» beside it.
  await nesteSamling.getByRole("link", { name: "Les og se modul 1 før samlingen" }).click();
  await expect(asta.getByRole("heading", { level: 1, name: "Psykososialt barnehagemiljø" })).toBeVisible();
  const modulSide = new URL(asta.url()).pathname;
  const a1 = asta.locator("#m1-a1");
  await a1.getByLabel("Min refleksjon: Å høre til").fill("Jeg vil se etter hvem som står alene.");
  await a1.getByRole("button", { name: "Lagre refleksjonen" }).click();
  await lagret(asta.locator("#m1-a1 form", { has: asta.getByRole("button", { name: "Lagre refleksjonen" }) }));
  await expect(asta).toHaveURL(/\?lagret=refleksjon-m1-a1&tid=\d+#m1-a1$/);
  await asta.locator("#m1-a1").getByLabel("Min refleksjon: Å høre til").fill("Vi kan hilse på hvert barn ved døra.");
  await asta.locator("#m1-a1").getByRole("button", { name: "Del med teamet" }).click();
  await lagret(asta.locator("#m1-a1 section", { has: asta.getByRole("heading", { name: "Delt med teamet" }) }));
  await asta.locator("#m1-a1").getByLabel("Gruppenotat: Å høre til").fill("Gruppa vil prøve en fast hilsen.");
  await asta.locator("#m1-a1").getByRole("button", { name: "Lagre gruppenotatet" }).click();
  await lagret(asta.locator("#m1-a1 form", { has: asta.getByRole("button", { name: "Lagre gruppenotatet" }) }));
  await sjekkUu(asta);
  await bilde(asta, "modulside-lagret-360", false);
  await asta.locator("#m1-a1").getByRole("button", { name: "Lagre refleksjonen" }).scrollIntoViewIfNeeded();
  await bilde(asta, "modulside-refleksjon-360", false);

  // The samling page: the team's group note for an activity, saved from there.
  await asta.goto(samling);
  const notat = asta.locator("#notat-m1-a1");
  await notat.getByLabel("Gruppenotat: Å høre til").fill("Gruppa vil prøve en fast hilsen. Og vinke.");
  await notat.getByRole("button", { name: "Lagre gruppenotatet" }).click();
  await lagret(asta.locator("#notat-m1-a1"));
  await sjekkUu(asta);
  expect(astaFeil).toEqual([]);

  // 4. Without JavaScript: the post redirects, and the page after it says when it was saved.
  const uten = await browser.newContext({ baseURL, javaScriptEnabled: false, ...TELEFON });
  await uten.addCookies(await asta.context().cookies());
  const side = await uten.newPage();
  expect(modulSide).toMatch(new RegExp(`^/barnehage/${a}/team/[^/]+/moduler/${MODUL}$`));
  await side.goto(modulSide);
  await side.locator("#m1-a1").getByLabel("Min refleksjon: Å høre til").fill("Uten JavaScript: lagret likevel.");
  await side.locator("#m1-a1").getByRole("button", { name: "Lagre refleksjonen" }).click();
  await lagret(side.locator("#m1-a1 form", { has: side.getByRole("button", { name: "Lagre refleksjonen" }) }));
  await expect(side.locator("#m1-a1").getByLabel("Min refleksjon: Å høre til")).toHaveValue("Uten JavaScript: lagret likevel.");
  await sjekkUuUtenJs(side, browser);
  await uten.close();

  // 5. Nynorsk: the same start page, and «Lagra kl.» after a save.
  await asta.goto("/start");
  await asta.getByRole("button", { name: "Nynorsk" }).click();
  await expect(asta.locator("html")).toHaveAttribute("lang", "nn");
  const nesteNn = asta.locator("section", { has: asta.getByRole("heading", { level: 2, name: "Neste samling" }) });
  await expect(nesteNn).toContainText("torsdag 13. juni 2030 kl. 14:00");
  await expect(asta.locator("[data-neste]")).toContainText("frist 27. juni 2030");
  await sjekkUu(asta);
  await bilde(asta, "start-assistent-nn-360");
  await nesteNn.getByRole("link", { name: "Les og sjå modul 1 før samlinga" }).click();
  await asta.locator("#m1-a1").getByLabel("Refleksjonen min: Å høyre til").fill("På nynorsk: eg ser etter den som står åleine.");
  await asta.locator("#m1-a1").getByRole("button", { name: "Lagre refleksjonen" }).click();
  await lagret(asta.locator("#m1-a1 form", { has: asta.getByRole("button", { name: "Lagre refleksjonen" }) }), LAGRA);
  await sjekkUu(asta);
  expect(astaFeil).toEqual([]);
});
