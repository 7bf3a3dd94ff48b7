import { spawn, type ChildProcess } from "node:child_process";
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { request as pwRequest, type APIRequestContext, type Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { sjekkUu } from "./hjelpere.ts";
import { lesInnhold } from "../../app/domain/innhold/innhold.server.ts";
import { innholdNaa } from "../../app/domain/innhold/utgave.ts";
import { endreRedaktor } from "../../app/domain/redaksjon/redaksjon.server.ts";
import { hentSamling, styrSamling } from "../../app/domain/samling/samling.server.ts";
import { lagPlanlagtSamling, som } from "../../app/test/fabrikk.ts";
import { lagInnholdMedUtgaver, M2_ENDRINGER, M2_RETTELSE, M8_TITTEL } from "../../app/test/innhold-utgaver.ts";

/**
 * Editions in a browser (issue 18, ADR 0034). This spec starts its own app process on the run's
 * database, with a copy of the package that has a draft module 8 (a test fixture made from module
 * 7) and a correction of module 2, and with the test clock (SAMLA_TESTKLOKKE, a file holding «now»;
 * refused outside localhost). Saturday 27 March 2027 12:00 is «today»; summer time starts that
 * night, so «tomorrow 09:00» is 07:00 UTC, not 08:00.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100) + 21;
const URL_ = `http://localhost:${PORT}`;
const klokkeFil = path.join(mkdtempSync(path.join(tmpdir(), "samla-klokke-")), "naa");
const settKlokke = (iso: string) => writeFileSync(klokkeFil, iso);
const M2 = "/moduler/folge-med-melde-fra-undersoke";
let innholdsmappe = "";
let app: ChildProcess | undefined;

async function startApp() {
  app = spawn(process.execPath, ["server/main.ts"], {
    stdio: ["ignore", "ignore", "pipe"],
    env: {
      ...process.env,
      PORT: String(PORT),
      BASE_URL: URL_,
      DATA_DIR: process.env.SAMLA_E2E_DATA_DIR!,
      AUTH_SECRET: process.env.SAMLA_E2E_AUTH_SECRET!,
      NODE_ENV: "production",
      LOG_LEVEL: "error",
      CONTENT_DIR: innholdsmappe,
      SAMLA_TESTKLOKKE: klokkeFil,
      ...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : {}),
    },
  });
  let feil = "";
  app.stderr?.on("data", (d) => (feil += String(d)));
  for (let i = 0; i < 120; i++) {
    const svar = await fetch(`${URL_}/helse`).catch(() => undefined);
    if (svar?.ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`Appen med testinnholdet startet ikke: ${feil}`);
}

async function stoppApp() {
  if (!app) return;
  const ferdig = new Promise((r) => app!.once("exit", r));
  app.kill("SIGTERM");
  await ferdig;
  app = undefined;
}

/** An anonymous reader (with a målform cookie for nn): what the public and the page cache serve. */
async function anonym(maalform: "nb" | "nn" = "nb"): Promise<APIRequestContext> {
  return pwRequest.newContext({ baseURL: URL_, extraHTTPHeaders: maalform === "nn" ? { Cookie: "maalform=nn" } : {} });
}

async function byttMaalform(page: Page, maalform: "nb" | "nn") {
  const svar = await page.request.post(`${URL_}/maalform`, { form: { maalform, til: "/" }, headers: { Origin: URL_ }, maxRedirects: 0 });
  expect(svar.status()).toBe(302);
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  innholdsmappe = lagInnholdMedUtgaver({ m8: { status: "utkast" }, m2Rettelse: { publisert: "2027-03-28T09:00" } });
  settKlokke("2027-03-27T11:00:00.000Z");
  await startApp();
});
test.afterAll(stoppApp);

test("en redaktør forhåndsviser et utkast på bokmål og nynorsk; ingen offentlig rute, søk eller bufret side viser det", async ({ verden, avh }) => {
  const rita = await verden.person("Rita Redaktør");
  await verden.person("Ola Leser");
  expect(await endreRedaktor(avh.db, rita.epost, true)).toBe("gitt");

  const page = await verden.sideSom("Rita Redaktør");
  await page.goto(`${URL_}/redaksjon`);
  await expect(page.getByRole("heading", { level: 1, name: "Redaksjonen" })).toBeVisible();
  const rad = page.getByRole("row").filter({ hasText: M8_TITTEL.nb });
  await expect(rad).toContainText("utkast");
  await sjekkUu(page);
  await rad.getByRole("link", { name: /Forhåndsvis/ }).click();
  await expect(page.getByRole("note")).toContainText("Forhåndsvisning");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(M8_TITTEL.nb);
  await sjekkUu(page);
  await byttMaalform(page, "nn");
  await page.reload();
  await expect(page.getByRole("note")).toContainText("Førehandsvising");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(M8_TITTEL.nn);
  await sjekkUu(page);
  await byttMaalform(page, "nb");

  // Someone signed in without the role gets «not found», as for anything they may not see.
  const ola = await verden.klientSom("Ola Leser", { baseURL: URL_ });
  expect((await ola.get(`${URL_}/redaksjon/moduler/videre-arbeid`, { maxRedirects: 0 })).status()).toBe(404);
  expect((await ola.get(`${URL_}/moduler/videre-arbeid`, { maxRedirects: 0 })).status()).toBe(404);

  for (const sp of ["nb", "nn"] as const) {
    const les = await anonym(sp);
    // Twice: the second answer comes from the page cache if anything were cached.
    for (let i = 0; i < 2; i++) {
      expect((await les.get("/moduler/videre-arbeid")).status()).toBe(404);
      for (const side of ["/", "/pakke", "/sok?q=testmodul", "/sok?q=Videre+arbeid", M2]) {
        const svar = await les.get(side);
        expect(svar.status(), side).toBe(200);
        const html = await svar.text();
        expect(html, side).not.toContain("videre-arbeid");
        // (The search page repeats the query itself.)
        if (!side.startsWith("/sok")) expect(html, side).not.toContain(M8_TITTEL[sp]);
      }
    }
    expect((await les.get("/media/m8-film-1.mp4")).status()).toBe(404);
    await les.dispose();
  }
});

test("planlagt til i morgen 09:00 dukker opp for alle da, og en rettelse i modul 2 vises én gang per team mens samlingen beholder utgaven sin", async ({ verden, avh }) => {
  // The editor schedules module 8 (a content change, deployed as usual: a new start).
  await stoppApp();
  lagInnholdMedUtgaver({ m8: { status: "planlagt", publiseres: "2027-03-28T09:00", kommer: true }, m2Rettelse: { publisert: "2027-03-28T09:00" } }, undefined, innholdsmappe);
  settKlokke("2027-03-28T06:59:00.000Z"); // 08:59 Oslo, summer time
  await startApp();

  const les = await anonym();
  expect((await les.get("/moduler/videre-arbeid")).status()).toBe(404);
  expect(await (await les.get("/pakke")).text()).toContain("Kommer våren 2027");
  expect(await (await les.get(M2)).text()).not.toContain(M2_RETTELSE.nb);

  // A team starts a samling on module 2 (edition 1) and both teams open module 2 before 09:00.
  const bh = await verden.barnehage({
    navn: "Solsikken barnehage",
    styrer: "Hanne Styrer",
    ledere: ["Tom Leder"],
    ansatte: ["Kari Ansatt"],
    team: [
      { navn: "Blåbær", medlemmer: ["Tom Leder", "Kari Ansatt"] },
      { navn: "Solsikke", medlemmer: ["Kari Ansatt"] },
    ],
  });
  const innhold = innholdNaa(await lesInnhold(innholdsmappe), new Date("2027-03-28T06:59:00.000Z"));
  const tom = som(bh, "Tom Leder");
  const start = new Date("2027-03-28T06:30:00.000Z");
  const samlingId = await lagPlanlagtSamling({ ...avh, innhold }, { av: tom, teamId: bh.team.Blåbær!, modulId: "m2", starter: start });
  const { versjon } = await hentSamling(tom.aktor, tom.medlemskap, samlingId, avh);
  expect((await styrSamling(tom.aktor, tom.medlemskap, samlingId, "start", versjon, { ...avh, innhold }, start, true)).ok).toBe(true);

  const blaa = `${URL_}/barnehage/${bh.barnehageId}/team/${bh.team.Blåbær}${M2}`;
  const sol = `${URL_}/barnehage/${bh.barnehageId}/team/${bh.team.Solsikke}${M2}`;
  const tomSide = await verden.sideSom("Tom Leder");
  const kariSide = await verden.sideSom("Kari Ansatt");
  await tomSide.goto(blaa);
  await kariSide.goto(sol);
  for (const s of [tomSide, kariSide]) {
    await expect(s.getByRole("heading", { name: "Modul 2 er oppdatert" })).toHaveCount(0);
    await expect(s.getByText(M2_RETTELSE.nb)).toHaveCount(0);
  }

  // 09:00 Oslo: everything happens at that minute, without a restart.
  settKlokke("2027-03-28T07:00:00.000Z");
  const modul8 = await les.get("/moduler/videre-arbeid");
  expect(modul8.status()).toBe(200);
  expect(await modul8.text()).toContain(M8_TITTEL.nb);
  expect(await (await les.get("/pakke")).text()).not.toContain("Kommer våren 2027");
  expect(await (await les.get("/sok?q=testmodul")).text()).toContain("/moduler/videre-arbeid");
  const m2Offentlig = await (await les.get(M2)).text();
  expect(m2Offentlig).toContain(M2_RETTELSE.nb);
  expect(m2Offentlig).toContain(M2_ENDRINGER.nb);
  await les.dispose();

  // The team without a samling gets the new edition and the change note, once.
  await kariSide.goto(sol);
  await expect(kariSide.getByRole("heading", { name: "Modul 2 er oppdatert" })).toBeVisible();
  await expect(kariSide.getByText(M2_ENDRINGER.nb).first()).toBeVisible();
  await expect(kariSide.getByText(M2_RETTELSE.nb)).toBeVisible();
  await sjekkUu(kariSide);
  await kariSide.reload();
  await expect(kariSide.getByRole("heading", { name: "Modul 2 er oppdatert" })).toHaveCount(0);
  await expect(kariSide.getByText(M2_RETTELSE.nb)).toBeVisible();

  // The team in the middle of its samling: told once, but the samling keeps edition 1.
  await tomSide.goto(blaa);
  await expect(tomSide.getByRole("heading", { name: "Modul 2 er oppdatert" })).toBeVisible();
  await expect(tomSide.getByText("Samlingen som pågår, bruker utgave 1 av modulen")).toBeVisible();
  await expect(tomSide.getByText(M2_RETTELSE.nb)).toHaveCount(0);
  await sjekkUu(tomSide);
  await tomSide.reload();
  await expect(tomSide.getByRole("heading", { name: "Modul 2 er oppdatert" })).toHaveCount(0);
  await expect(tomSide.getByText(M2_RETTELSE.nb)).toHaveCount(0);
  // Kari, in the same team, sees the samling's edition too.
  await kariSide.goto(blaa);
  await expect(kariSide.getByText(M2_RETTELSE.nb)).toHaveCount(0);
  await expect(kariSide.getByRole("button", { name: "Bruk utgave 2 i samlingen" })).toHaveCount(0);
  // The presenter view says so too, and leads to the comparison.
  await tomSide.goto(`${URL_}/barnehage/${bh.barnehageId}/samling/${samlingId}/leder`);
  await expect(tomSide.getByText("Samlingen bruker utgave 1 av modulen. Utgave 2 er publisert.")).toBeVisible();
  await tomSide.getByRole("link", { name: "Se hva som er nytt, og bytt utgave" }).click();
  await expect(tomSide).toHaveURL(blaa);
  // The leader chooses to move on.
  await tomSide.getByRole("button", { name: "Bruk utgave 2 i samlingen" }).click();
  await expect(tomSide.getByText(M2_RETTELSE.nb)).toBeVisible();
  await expect(tomSide.locator('[data-lagret="nettopp"]')).toHaveText(/^Lagret kl\. \d\d:\d\d$/);
  await expect(tomSide.getByText("Samlingen som pågår, bruker utgave 1 av modulen")).toHaveCount(0);
  await tomSide.goto(`${URL_}/barnehage/${bh.barnehageId}/samling/${samlingId}/leder`);
  await expect(tomSide.getByText("Samlingen bruker utgave 1 av modulen. Utgave 2 er publisert.")).toHaveCount(0);
});
