import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures.ts";
import { finnOveralt } from "../../app/db/innsyn.server.ts";
import { fangKonsollfeil, sjekkUu, sjekkUuUtenJs, unikEpost } from "./hjelpere.ts";
import { aapneAppDb } from "./kanari/db.ts";
import { oktFor } from "./okt.ts";

/**
 * Own data (issue 4, points 9 and 11; ADR 0015): download everything about me, delete my account
 * (the consequences first; the only styrer is stopped; nothing left in the database afterwards),
 * and the limits on «glemt passord» and a new verification mail. On a phone-sized screen, axe on
 * every new page, and the deletion form without JavaScript.
 */
const PASSORD = "et godt langt passord";

test.use({ viewport: { width: 360, height: 740 } });

test("laster ned egne data og sletter kontoen; den eneste styreren stoppes først; ingen rester etterpå", async ({ page, baseURL, verden, loggInn, klientSom }) => {
  test.setTimeout(120_000);
  const feil = fangKonsollfeil(page);
  // Everyone the fixture makes has the password PASSORD (STANDARDPASSORD in hjelpere.ts).
  const { barnehageId: a } = await verden.barnehage({ navn: "Datahagen barnehage", styrer: "Dina Datasen", ansatte: ["Kari Kollega"] });
  const { epost } = verden.aktor("Dina Datasen");
  await loggInn(page, "Dina Datasen");
  const brukerId = ((await oktFor(page)) as { user: { id: string } }).user.id;
  const kollega = await klientSom("Kari Kollega");

  // The profile page has both, described in plain words.
  await page.goto("/profil");
  await expect(page.getByRole("heading", { level: 2, name: "Data om deg" })).toBeVisible();
  await sjekkUu(page);
  const nedlasting = page.waitForEvent("download");
  await page.getByRole("link", { name: "Last ned alle data om meg" }).click();
  const fil = await nedlasting;
  expect(fil.suggestedFilename()).toMatch(/^samla-mine-data-\d{4}-\d{2}-\d{2}\.json$/);
  const eksport = JSON.parse(readFileSync((await fil.path())!, "utf8"));
  expect(eksport.data.bruker).toMatchObject({ id: brukerId, navn: "Dina Datasen", epost });
  expect(eksport.data.medlemskap).toEqual([expect.objectContaining({ barnehageId: a, barnehage: "Datahagen barnehage", rolle: "styrer" })]);
  expect(eksport.data.innloggingsmetoder).toEqual([expect.objectContaining({ leverandor: "credential", harPassord: true })]);
  expect(JSON.stringify(eksport)).not.toMatch(/session_token|"token"|"password"/);
  const hode = await page.request.get("/profil/data");
  expect(hode.headers()["content-disposition"]).toMatch(/^attachment; filename="samla-mine-data-/);
  expect(hode.headers()["cache-control"]).toBe("no-store");

  // The only styrer of a barnehage with a colleague cannot delete yet, and is told why.
  await page.getByRole("link", { name: "Slett kontoen min" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Slett kontoen" })).toBeVisible();
  await expect(page.getByText("De private refleksjonene dine og loggene dine fra utprøvinger blir slettet.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Du kan ikke slette kontoen ennå" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Datahagen barnehage" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Slett kontoen min for godt" })).toHaveCount(0);
  await sjekkUu(page);
  // Posting anyway is refused too.
  const tvunget = await page.request.post("/profil/slett", { form: { passord: PASSORD }, headers: { Origin: baseURL! }, maxRedirects: 0 });
  expect(tvunget.status()).toBe(409);
  expect(await tvunget.text()).toContain("Du er den eneste styreren i barnehagen.");

  // With the colleague removed, the barnehage goes with the account; a wrong password first.
  const kollegaId = ((await oktFor(kollega)) as { user: { id: string } }).user.id;
  await page.goto(`/barnehage/${a}?fjern=${kollegaId}`);
  await page.getByRole("button", { name: "Ja, fjern Kari Kollega" }).click();
  await expect(page.locator(".medlem__navn", { hasText: "Kari Kollega" })).toHaveCount(0);
  await page.goto("/profil/slett");
  await expect(page.getByText("Barnehagen Datahagen barnehage blir også slettet, fordi du er den eneste som er med i den.")).toBeVisible();
  await page.getByLabel("Passordet ditt").fill("et feil passord her");
  await page.getByRole("button", { name: "Slett kontoen min for godt" }).click();
  await expect(page.getByRole("link", { name: "Passordet er feil." })).toBeVisible();
  await sjekkUu(page);
  await page.getByLabel("Passordet ditt").fill(PASSORD);
  await page.getByRole("button", { name: "Slett kontoen min for godt" }).click();
  await expect(page).toHaveURL(/\/logg-inn\?melding=konto-slettet$/);
  await expect(page.getByText("Kontoen din er slettet.")).toBeVisible();
  await sjekkUu(page);

  // Signed out, and the old session is gone.
  await page.goto("/start");
  await expect(page).toHaveURL(/\/logg-inn\?til=%2Fstart$/);
  const inn = await page.request.post("/logg-inn", { form: { epost, passord: PASSORD }, headers: { Origin: baseURL! }, maxRedirects: 0 });
  expect(inn.status()).toBe(400);

  // Nothing left: the id only in the append-only audit log (konto_slettet without name or address).
  const db = aapneAppDb();
  try {
    expect(await finnOveralt(db, brukerId)).toEqual(["revisjonslogg.aktor_id", "revisjonslogg.mal_id"]);
    expect(await finnOveralt(db, epost)).toEqual([]);
    expect(await finnOveralt(db, "Dina Datasen")).toEqual([]);
    expect(await finnOveralt(db, "Datahagen")).toEqual([]);
    const slettet = await db
      .withTables<{ revisjonslogg: { hendelse: string; aktor_id: string | null; detaljer: unknown } }>()
      .selectFrom("revisjonslogg")
      .select(["hendelse", "detaljer"])
      .where("aktor_id", "=", brukerId)
      .where("hendelse", "in", ["konto_slettet", "data_eksportert"])
      .execute();
    expect(slettet.map((r) => r.hendelse).sort()).toEqual(["data_eksportert", "data_eksportert", "konto_slettet"]);
  } finally {
    await db.destroy();
  }
  await kollega.dispose();
  expect(feil).toEqual([]);
});

test.describe("uten JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("sletter kontoen med et vanlig skjema, og en feil viser meldingen", async ({ page, browser, verden, loggInn }) => {
    await verden.person("Uten Skript");
    await loggInn(page, "Uten Skript");
    await page.goto("/profil/slett");
    await page.getByRole("button", { name: "Slett kontoen min for godt" }).click();
    await expect(page.getByRole("link", { name: "Skriv passordet ditt." })).toBeVisible();
    await sjekkUuUtenJs(page, browser);
    await page.getByLabel("Passordet ditt").fill(PASSORD);
    await page.getByRole("button", { name: "Slett kontoen min for godt" }).click();
    await expect(page).toHaveURL(/\/logg-inn\?melding=konto-slettet$/);
    expect((await page.context().cookies()).filter((c) => c.name.includes("session_token") && c.value)).toEqual([]);
  });
});

test("glemt passord: tre e-poster per adresse i kvarteret, så en tydelig melding og det skrevne står igjen", async ({ page }) => {
  const epost = unikEpost("grense-glemt");
  for (let i = 1; i <= 3; i++) {
    await page.goto("/glemt-passord");
    await page.getByLabel("E-postadresse").fill(epost);
    await page.getByRole("button", { name: "Send lenke" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Sjekk e-posten din" }), `forespørsel ${i}`).toBeVisible();
  }
  await page.goto("/glemt-passord");
  await page.getByLabel("E-postadresse").fill(epost.toUpperCase());
  await page.getByRole("button", { name: "Send lenke" }).click();
  await expect(page.getByRole("link", { name: /^Du har bedt om for mange e-poster\. Vent til klokken \d\d:\d\d og prøv igjen\.$/ })).toBeVisible();
  await expect(page.getByLabel("E-postadresse")).toHaveValue(epost.toUpperCase());
  await sjekkUu(page);
  // Another address from the same browser still works (the IP limit is far higher).
  await page.getByLabel("E-postadresse").fill(unikEpost("grense-annen"));
  await page.getByRole("button", { name: "Send lenke" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sjekk e-posten din" })).toBeVisible();
});

test("ny bekreftelse fra profilen: tre ganger, så en tydelig melding", async ({ page, baseURL, verden, loggInn }) => {
  await verden.person("Berit Bekreft");
  await loggInn(page, "Berit Bekreft");
  for (let i = 1; i <= 3; i++) {
    const svar = await page.request.post("/profil", { form: { intent: "send-bekreftelse" }, headers: { Origin: baseURL! } });
    expect(svar.status(), `forespørsel ${i}`).toBe(200);
  }
  await page.goto("/profil");
  await page.getByRole("button", { name: "Send e-posten på nytt" }).click();
  await expect(page.getByText(/^Du har bedt om for mange e-poster\. Vent til klokken \d\d:\d\d og prøv igjen\.$/)).toBeVisible();
  await sjekkUu(page);
});
