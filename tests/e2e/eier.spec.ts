import { expect, test } from "./fixtures.ts";
import { aktiverTofaktor, fangKonsollfeil, sjekkUu } from "./hjelpere.ts";

/**
 * Issue 4, points 4–5 (ADR 0014), on a phone-sized screen: a person creates the owner «Solby
 * kommune» and makes a code; the styrer changes the barnehage's settings and links it with the
 * code; the owner sees the barnehage with counts only (no staff names) and gets «not found» for
 * the barnehage's own pages; a colleague joins the owner with a code; the styrer disconnects and
 * the owner no longer sees the barnehage. axe on every page.
 */
test.use({ viewport: { width: 360, height: 800 } });

test("en eier knyttes til barnehagen med kode, ser bare samlede tall, og kobles fra igjen", async ({ page, browser, baseURL, verden, loggInn }) => {
  test.setTimeout(180_000);
  const feil = fangKonsollfeil(page);

  // The styrer's barnehage, with one ansatt.
  const { barnehageId: a } = await verden.barnehage({ navn: "Solsikken", styrer: "Siri Styrer", ansatte: ["Anne Ansatt"] });
  await loggInn(page, "Siri Styrer");

  // The owner creates «Solby kommune» from the start page; mistakes are explained in Norwegian.
  const eierCtx = await browser.newContext({ baseURL, viewport: { width: 360, height: 800 } });
  const eier = await eierCtx.newPage();
  const eierFeil = fangKonsollfeil(eier);
  await verden.person("Kari Kommune");
  await loggInn(eier, "Kari Kommune");
  await eier.goto("/start");
  await eier.getByRole("link", { name: /Opprett eieren her/ }).click();
  await expect(eier.getByRole("heading", { level: 1, name: "Opprett en eier" })).toBeVisible();
  await sjekkUu(eier);
  await eier.getByRole("button", { name: "Opprett eier" }).click();
  await expect(eier.getByRole("link", { name: "Skriv navnet på eieren." })).toBeVisible();
  await sjekkUu(eier);
  await eier.getByLabel("Navn på eieren").fill("Solby kommune");
  await eier.getByLabel("Organisasjonsnummer (valgfritt)").fill("974 760 674");
  await eier.getByRole("button", { name: "Opprett eier" }).click();
  await expect(eier.getByRole("link", { name: /Organisasjonsnummeret er ikke gyldig/ })).toBeVisible();
  await expect(eier.getByLabel("Navn på eieren"), "det brukeren skrev, står igjen").toHaveValue("Solby kommune");
  await eier.getByLabel("Organisasjonsnummer (valgfritt)").fill("974 760 673");
  await eier.getByRole("button", { name: "Opprett eier" }).click();
  // An eier must have two-factor sign-in (ADR 0013): the owner's page waits until it is on.
  await expect(eier).toHaveURL(/\/profil\/tofaktor\?krevd=1/);
  await sjekkUu(eier);
  const tilEier = new URL(eier.url()).searchParams.get("til")!;
  await aktiverTofaktor(eier);
  await eier.goto(tilEier);
  await expect(eier.getByRole("heading", { level: 1, name: "Solby kommune" })).toBeVisible();
  await expect(eier.getByText(/Ingen barnehager er knyttet til dere/)).toBeVisible();
  await sjekkUu(eier);
  const eierUrl = new URL(eier.url()).pathname;

  // A code for a barnehage, shown once.
  await eier.getByRole("button", { name: "Lag kode for en barnehage" }).click();
  const kodeFelt = eier.locator('[data-eierkode="barnehage"]');
  await expect(kodeFelt).toHaveText(/^[A-Z0-9]{8}$/);
  const kode = (await kodeFelt.textContent())!;
  await sjekkUu(eier);

  // The styrer finds the settings from the barnehage's page and changes the name and org number.
  await page.goto(`/barnehage/${a}`);
  await page.getByRole("link", { name: "Innstillinger for barnehagen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Innstillinger" })).toBeVisible();
  await sjekkUu(page);
  await page.getByLabel("Navnet på barnehagen").fill("");
  await page.getByLabel("Organisasjonsnummer (valgfritt)").fill("12345");
  await page.getByRole("button", { name: "Lagre", exact: true }).click();
  await expect(page.getByRole("link", { name: "Organisasjonsnummeret skal ha ni siffer." })).toBeVisible();
  await expect(page.getByLabel("Organisasjonsnummer (valgfritt)")).toHaveValue("12345");
  await sjekkUu(page);
  await page.getByLabel("Navnet på barnehagen").fill("Solsikken barnehage");
  await page.getByLabel("Organisasjonsnummer (valgfritt)").fill("974760673");
  await page.getByRole("button", { name: "Lagre", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText(/^Lagret kl\. \d\d:\d\d$/);
  await expect(page.getByLabel("Navnet på barnehagen")).toHaveValue("Solsikken barnehage");

  // A wrong code is explained; the right one links the barnehage (consent from both sides).
  await page.getByLabel("Kode fra eieren").fill("ABCDEFGH");
  await page.getByRole("button", { name: "Knytt til eieren" }).click();
  await expect(page.getByRole("link", { name: /Vi finner ikke denne koden/ })).toBeVisible();
  await sjekkUu(page);
  await page.getByLabel("Kode fra eieren").fill(kode.toLowerCase());
  await page.getByRole("button", { name: "Knytt til eieren" }).click();
  await expect(page.getByText(/Barnehagen er knyttet til Solby kommune siden/)).toBeVisible();
  await sjekkUu(page);

  // The owner sees the barnehage with counts only: never the names of the staff.
  await eier.goto(eierUrl);
  const rad = eier.getByRole("row", { name: /Solsikken barnehage/ });
  await expect(rad.getByRole("cell")).toHaveText(["2", "0"]);
  await expect(eier.getByText(/1 barnehage, 2 medlemmer og 0 team til sammen/)).toBeVisible();
  await expect(eier.locator("main")).not.toContainText("Anne Ansatt");
  await expect(eier.locator("main")).not.toContainText("Siri Styrer");
  await sjekkUu(eier);
  // … and «not found» for the barnehage's own pages.
  for (const sti of [`/barnehage/${a}`, `/barnehage/${a}/team`, `/barnehage/${a}/innstillinger`]) {
    expect((await eier.goto(sti))?.status(), sti).toBe(404);
  }
  // The start page lists the owner.
  await eier.goto("/start");
  await eier.getByRole("link", { name: "Solby kommune" }).click();
  await expect(eier.getByRole("heading", { level: 1, name: "Solby kommune" })).toBeVisible();

  // A colleague joins the owner with a code.
  await eier.getByRole("button", { name: "Lag kode for en kollega" }).click();
  const kollegakode = (await eier.locator('[data-eierkode="eier"]').textContent())!;
  const kollegaCtx = await browser.newContext({ baseURL, viewport: { width: 360, height: 800 } });
  const kollega = await kollegaCtx.newPage();
  await verden.person("Kjell Kollega");
  await loggInn(kollega, "Kjell Kollega");
  await kollega.goto("/start");
  await kollega.getByRole("link", { name: /Har du fått en kode fra en eier/ }).click();
  await expect(kollega.getByRole("heading", { level: 1, name: "Bli med hos en eier" })).toBeVisible();
  await sjekkUu(kollega);
  await kollega.getByLabel("Kode").fill(kode);
  await kollega.getByRole("button", { name: "Bli med" }).click();
  await expect(kollega.getByRole("link", { name: /Vi finner ikke denne koden/ }), "en barnehagekode gjelder ikke her").toBeVisible();
  await sjekkUu(kollega);
  await kollega.getByLabel("Kode").fill(kollegakode);
  await kollega.getByRole("button", { name: "Bli med" }).click();
  await expect(kollega).toHaveURL(/\/profil\/tofaktor\?krevd=1/);
  const tilKollega = new URL(kollega.url()).searchParams.get("til")!;
  await aktiverTofaktor(kollega);
  await kollega.goto(tilKollega);
  await expect(kollega.getByRole("heading", { level: 1, name: "Solby kommune" })).toBeVisible();
  await expect(kollega.getByRole("row", { name: /Solsikken barnehage/ })).toBeVisible();
  await kollegaCtx.close();

  // The styrer disconnects (two steps); the owner no longer sees the barnehage.
  await page.getByRole("link", { name: "Koble fra eieren" }).click();
  await expect(page.getByRole("heading", { level: 3, name: /Vil du koble barnehagen fra Solby kommune/ })).toBeVisible();
  await sjekkUu(page);
  await page.getByRole("button", { name: "Ja, koble fra Solby kommune" }).click();
  await expect(page.getByText(/Barnehagen er ikke knyttet til en eier/)).toBeVisible();
  await eier.goto(eierUrl);
  await expect(eier.getByText(/Ingen barnehager er knyttet til dere/)).toBeVisible();

  // Everything is in the barnehage's audit log.
  await page.goto(`/barnehage/${a}/hendelser`);
  for (const hendelse of ["Knyttet til eier", "Koblet fra eier", "Navn eller organisasjonsnummer endret"]) {
    await expect(page.getByRole("cell", { name: hendelse, exact: true })).toBeVisible();
  }

  await eierCtx.close();
  expect(feil).toEqual([]);
  expect(eierFeil.filter((f) => !/status of 404/.test(f))).toEqual([]);
});
