import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { ANDRE_PORT, ANDRE_URL, FORSTE_URL } from "../../playwright.config.ts";
import { sjekkUu } from "./hjelpere.ts";

/**
 * Samling mode's state lives in the database only (ADR 0016): with two app processes on one
 * PostgreSQL (playwright.config.ts starts the second when E2E_DATABASE_URL is set), the step the
 * leader moves to in process 1 is the step the projector shows from process 2. On SQLite there is
 * one database file for one process, so the test is skipped there.
 */
test.skip(!process.env.E2E_DATABASE_URL, "to prosesser krever PostgreSQL (E2E_DATABASE_URL); SQLite-fila har én prosess");

test("steget lederen går til i prosess 1 vises i prosess 2", async ({ browser, playwright, verden, klientSom }) => {
  test.setTimeout(180_000);
  // Named processes, whichever one this worker's baseURL is (playwright.config.ts spreads workers over both).
  const forste = FORSTE_URL;
  const andre = ANDRE_URL;
  const post = (k: APIRequestContext, sti: string, form: Record<string, string>) => k.post(sti, { form, headers: { Origin: forste }, maxRedirects: 0 });
  const { barnehageId: a } = await verden.barnehage({ navn: "To prosesser barnehage", styrer: "To Prosesser Styrer", ledere: ["To Prosesser Leder"] });
  const styrer = await klientSom("To Prosesser Styrer", { baseURL: forste });
  const leder = await klientSom("To Prosesser Leder", { baseURL: forste });
  const nyttTeam = await post(styrer, `/barnehage/${a}/team`, { intent: "opprett", navn: "Prosessteamet" });
  const team = /\/team\/([^/?]+)$/.exec(nyttTeam.headers()["location"]!)![1]!;
  expect((await post(leder, `/barnehage/${a}/team/${team}/plan`, { intent: "planlegg", dato: "2030-09-05", klokke: "12:00", modulId: "m0", varighet: "" })).status()).toBe(302);
  const samling = /\/samling\/([0-9a-f-]{36})/.exec(await (await leder.get(`/barnehage/${a}/team/${team}/plan`)).text())![1]!;
  const lederSti = `/barnehage/${a}/samling/${samling}/leder`;
  const versjon = async () => /name="versjon" value="(\d+)"/.exec(await (await leder.get(lederSti)).text())![1]!;

  // The projector is opened on process 2, in a browser with the leader's session.
  const kontekst = await browser.newContext({ storageState: await leder.storageState(), baseURL: andre });
  const skjerm = await kontekst.newPage();
  await skjerm.goto(`/barnehage/${a}/samling/${samling}/vis`);
  expect(new URL(skjerm.url()).port).toBe(String(ANDRE_PORT));
  await expect(skjerm.getByRole("heading", { level: 1, name: "Samlingen har ikke startet ennå" })).toBeVisible();

  // Planned for another day: without the confirmation the presenter only asks (200), nothing moves.
  expect((await post(leder, lederSti, { intent: "start", versjon: await versjon() })).status()).toBe(200);
  expect((await post(leder, lederSti, { intent: "start", versjon: await versjon(), bekreft: "ja" })).status()).toBe(302);
  await expect(skjerm.getByRole("heading", { level: 1, name: "Velkommen, og hvorfor vi gjør dette" })).toBeVisible({ timeout: 10_000 });
  expect((await post(leder, lederSti, { intent: "neste", versjon: await versjon() })).status()).toBe(302);
  await expect(skjerm.getByRole("heading", { level: 1, name: "Film: Slik lærer vi sammen" })).toBeVisible({ timeout: 10_000 });
  await sjekkUu(skjerm);

  // And the other way round: a move sent to process 2 with a stale version is refused there.
  const gammel = String(Number(await versjon()) - 1);
  const fraAndre = await playwright.request.newContext({ baseURL: andre, storageState: await leder.storageState() });
  const avvist = await fraAndre.post(lederSti, { form: { intent: "neste", versjon: gammel }, headers: { Origin: andre }, maxRedirects: 0 });
  expect(avvist.status()).toBe(409);
  expect(await (await leder.get(lederSti)).text()).toContain("Nå: steg 2 av 8");
  await fraAndre.dispose();
  await kontekst.close();
});
