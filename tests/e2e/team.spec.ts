import { expect, test } from "./fixtures.ts";
import { fangKonsollfeil, sjekkUu } from "./hjelpere.ts";

/**
 * Issue 4, point 7: a styrer creates a team «Blåklokka» (after fixing a typo in its name) and
 * adds two members; an ansatt sees the team and who is in it; a member of another barnehage gets
 * «not found» for the team's address. axe on every page.
 */
test("styreren lager teamet Blåklokka med to medlemmer; en ansatt ser det; en annen barnehage får 404", async ({ page, browser, baseURL, verden, loggInn, klientSom }) => {
  test.setTimeout(120_000);
  const feil = fangKonsollfeil(page);

  const { barnehageId: a } = await verden.barnehage({ navn: "Prestegarden barnehage", styrer: "Siri Styrer", ansatte: ["Anne Ansatt", "Per Pedersen"] });
  await loggInn(page, "Siri Styrer");
  const anne = await klientSom("Anne Ansatt");

  // From the barnehage page to its teams.
  await page.goto(`/barnehage/${a}`);
  await page.getByRole("link", { name: "Team og avdelinger" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Team" })).toBeVisible();
  await expect(page.getByText("Ingen team ennå.")).toBeVisible();
  await sjekkUu(page);

  // An empty name is explained in Norwegian, then the team is created (with a typo).
  await page.getByRole("button", { name: "Opprett team" }).click();
  await expect(page.getByRole("link", { name: "Skriv et navn på teamet." })).toBeVisible();
  await sjekkUu(page);
  await page.getByLabel("Navn på teamet").fill("Blåklokke");
  await page.getByRole("button", { name: "Opprett team" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Blåklokke" })).toBeVisible();
  await expect(page.getByText("Ingen i teamet ennå.")).toBeVisible();
  await sjekkUu(page);
  const teamUrl = new URL(page.url()).pathname;

  // Renamed.
  await page.getByLabel("Navn på teamet").fill("Blåklokka");
  await page.getByRole("button", { name: "Lagre navnet" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Blåklokka" })).toBeVisible();
  await sjekkUu(page);

  // Two members added.
  await page.getByLabel("Person").selectOption({ label: "Anne Ansatt" });
  await page.getByRole("button", { name: "Legg til i teamet" }).click();
  await expect(page.locator(".medlem__navn", { hasText: "Anne Ansatt" })).toBeVisible();
  await page.getByLabel("Person").selectOption({ label: "Per Pedersen" });
  await page.getByRole("button", { name: "Legg til i teamet" }).click();
  await expect(page.locator(".medlem__navn")).toHaveText(["Anne Ansatt", "Per Pedersen"]);
  await expect(page.getByRole("button", { name: "Ta Per Pedersen ut av teamet" })).toBeVisible();
  await sjekkUu(page);

  // Deleting asks first (two steps, no JavaScript needed); cancelling keeps the team.
  await page.getByRole("link", { name: "Slett teamet" }).click();
  await expect(page.getByRole("heading", { level: 2, name: /Vil du slette teamet Blåklokka/ })).toBeVisible();
  await sjekkUu(page);
  await page.getByRole("link", { name: "Avbryt" }).click();
  await expect(page.getByRole("heading", { level: 2, name: /Vil du slette/ })).toHaveCount(0);

  // The list shows the team and who is in it.
  await page.getByRole("link", { name: "Tilbake til teamene" }).click();
  await expect(page.getByRole("link", { name: "Blåklokka" })).toBeVisible();
  await expect(page.getByText("Anne Ansatt, Per Pedersen")).toBeVisible();
  await sjekkUu(page);

  // The ansatt sees the team and its members, but no forms to change it.
  const ansattCtx = await browser.newContext({ baseURL, storageState: await anne.storageState() });
  const ansatt = await ansattCtx.newPage();
  await ansatt.goto(`/barnehage/${a}/team`);
  await expect(ansatt.getByRole("link", { name: "Blåklokka" })).toBeVisible();
  await expect(ansatt.getByRole("button", { name: "Opprett team" })).toHaveCount(0);
  await sjekkUu(ansatt);
  await ansatt.getByRole("link", { name: "Blåklokka" }).click();
  await expect(ansatt.getByRole("heading", { level: 1, name: "Blåklokka" })).toBeVisible();
  await expect(ansatt.locator(".medlem__navn")).toHaveText(["Anne Ansatt", "Per Pedersen"]);
  await expect(ansatt.getByRole("button", { name: /ut av teamet|Legg til|Lagre navnet/ })).toHaveCount(0);
  await sjekkUu(ansatt);
  await ansattCtx.close();

  // A member (styrer) of another barnehage: «not found» for the team, in A and under their own barnehage.
  const { barnehageId: b } = await verden.barnehage({ navn: "Blåbærlia barnehage", styrer: "Frida Fremmed" });
  const fremmed = await klientSom("Frida Fremmed");
  const teamId = teamUrl.split("/").pop()!;
  const fremmedCtx = await browser.newContext({ baseURL, storageState: await fremmed.storageState() });
  const annen = await fremmedCtx.newPage();
  for (const url of [teamUrl, `/barnehage/${b}/team/${teamId}`]) {
    const svar = await annen.goto(url);
    expect(svar?.status(), url).toBe(404);
    await expect(annen.getByRole("heading", { level: 1, name: "Vi fant ikke siden" })).toBeVisible();
    await sjekkUu(annen);
  }
  await annen.goto(`/barnehage/${b}/team`);
  await expect(annen.getByText("Ingen team ennå.")).toBeVisible();
  await expect(annen.getByText("Blåklokka")).toHaveCount(0);
  await fremmedCtx.close();

  expect(feil).toEqual([]);
});

test("teamsidene virker uten JavaScript og på nynorsk", async ({ browser, baseURL, verden, klientSom }) => {
  const { barnehageId: a } = await verden.barnehage({ navn: "Tunet barnehage", styrer: "Nils Nynorsk" });
  const styrer = await klientSom("Nils Nynorsk");
  await styrer.post("/maalform", { form: { maalform: "nn", til: "/start" }, headers: { Origin: baseURL! }, maxRedirects: 0 });
  const ctx = await browser.newContext({ baseURL, javaScriptEnabled: false, storageState: await styrer.storageState() });
  const page = await ctx.newPage();
  await page.goto(`/barnehage/${a}/team`);
  await page.getByRole("button", { name: "Opprett team" }).click();
  await expect(page.getByRole("link", { name: "Skriv eit namn på teamet." })).toBeVisible();
  await page.getByLabel("Namn på teamet").fill("Revehiet");
  await page.getByRole("button", { name: "Opprett team" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Revehiet" })).toBeVisible();
  await page.goto(`/barnehage/${a}/team`);
  await page.getByLabel("Namn på teamet").fill("REVEHIET");
  await page.getByRole("button", { name: "Opprett team" }).click();
  await expect(page.getByRole("link", { name: "Det finst alt eit team med dette namnet i barnehagen." })).toBeVisible();
  await ctx.close();
});
