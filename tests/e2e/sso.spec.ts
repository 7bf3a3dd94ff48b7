import { expect, test, type Page } from "@playwright/test";
import { DatabaseSync } from "node:sqlite";
import path from "node:path";
import pg from "pg";
import { fangKonsollfeil, registrer, sjekkUu, unikEpost } from "./hjelpere.ts";
import type { Identitet } from "./oidc-server.ts";
import { oidcLeverandorId } from "../../app/auth/auth.server.ts";
import { oktFor } from "./okt.ts";

/**
 * Single sign-on end to end against a real local OIDC provider (tests/e2e/oidc-server.ts,
 * started by playwright.config.ts): authorization code + PKCE, signed ID tokens. Before each
 * sign-in the test tells the provider who signs in (sub, e-mail, email_verified, name).
 */
const KONTROLL = `http://localhost:${Number(process.env.E2E_PORT ?? 3100) + 1101}/identitet`;
const KNAPP = "Logg inn med Feide";

async function nesteInnlogging(id: Identitet) {
  const svar = await fetch(KONTROLL, { method: "POST", body: JSON.stringify(id) });
  expect(svar.status).toBe(204);
}

async function loggInnMedSso(page: Page) {
  await page.goto("/logg-inn");
  await page.getByRole("button", { name: KNAPP }).click();
}

async function brukerId(page: Page): Promise<string> {
  return ((await oktFor(page)) as { user: { id: string } }).user.id;
}

/**
 * Marks an e-mail as verified in the app's database. E-mail verification by mail is delivered on
 * another branch; until then this stands in for the person clicking the link in the mail.
 */
async function bekreftEpost(epost: string) {
  const url = process.env.E2E_DATABASE_URL;
  if (url) {
    const klient = new pg.Client({ connectionString: url });
    await klient.connect();
    await klient.query(`update "user" set "emailVerified" = true where email = $1`, [epost]);
    await klient.end();
    return;
  }
  const db = new DatabaseSync(path.join(process.env.SAMLA_E2E_DATA_DIR!, "samla.sqlite"), { timeout: 5000 });
  db.prepare(`update "user" set "emailVerified" = 1 where email = ?`).run(epost);
  db.close();
}

test("innloggingssida har knappen «Logg inn med Feide» og består axe", async ({ page }) => {
  const feil = fangKonsollfeil(page);
  await page.goto("/logg-inn");
  await expect(page.getByRole("button", { name: KNAPP })).toBeVisible();
  await sjekkUu(page);
  await page.goto("/registrer");
  await expect(page.getByRole("button", { name: KNAPP })).toBeVisible();
  expect(feil).toEqual([]);
});

test("logger inn med Feide ende til ende; samme sub neste gang er samme konto", async ({ page, browser }) => {
  const sub = `feide-${Date.now().toString(36)}`;
  await nesteInnlogging({ sub, email: unikEpost("sso"), email_verified: true, name: "Siri Sso" });
  await loggInnMedSso(page);
  await expect(page).toHaveURL(/\/start$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hei, Siri Sso");
  const forste = await brukerId(page);

  // Second time, in a new browser without JavaScript, the same sub (the provider now reports another e-mail).
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const side = await ctx.newPage();
  await nesteInnlogging({ sub, email: unikEpost("sso-ny"), email_verified: true, name: "Siri Sso" });
  await loggInnMedSso(side);
  await expect(side).toHaveURL(/\/start$/);
  await expect(side.getByRole("heading", { level: 1 })).toHaveText("Hei, Siri Sso");
  expect(await brukerId(side)).toBe(forste);
  await ctx.close();
});

test("en med konto på e-post X som logger inn med Feide med bekreftet X, har fortsatt én konto", async ({ page, browser }) => {
  const epost = unikEpost("lenke");
  await registrer(page, "Lina Lenke", epost);
  const id = await brukerId(page);
  await bekreftEpost(epost);

  const ctx = await browser.newContext();
  const side = await ctx.newPage();
  await nesteInnlogging({ sub: `feide-${Date.now().toString(36)}`, email: epost, email_verified: true, name: "L. Lenke hos Feide" });
  await loggInnMedSso(side);
  await expect(side).toHaveURL(/\/start$/);
  await expect(side.getByRole("heading", { level: 1 })).toHaveText("Hei, Lina Lenke");
  expect(await brukerId(side)).toBe(id);
  await ctx.close();
});

test("en ubekreftet e-post kobles aldri: verken fra Feide eller i Samla", async ({ page, browser }) => {
  // The provider does not vouch for the address.
  const epost = unikEpost("ubekreftet");
  await registrer(page, "Ulla Ubekreftet", epost);
  await bekreftEpost(epost);
  const ctx = await browser.newContext();
  const side = await ctx.newPage();
  await nesteInnlogging({ sub: `feide-${Date.now().toString(36)}a`, email: epost, email_verified: false, name: "Noen Andre" });
  await loggInnMedSso(side);
  await expect(side).toHaveURL(/\/logg-inn\?error=account_not_linked$/);
  await expect(side.getByRole("alert")).toContainText("Det finnes allerede en konto med denne e-postadressen");
  await sjekkUu(side);
  expect(await oktFor(side)).toBeNull();

  // Nobody has verified the address in Samla (someone may have registered another person's e-mail).
  const epost2 = unikEpost("forhandsregistrert");
  const annen = await browser.newContext();
  await registrer(await annen.newPage(), "Ulf Uverifisert", epost2);
  await annen.close();
  await nesteInnlogging({ sub: `feide-${Date.now().toString(36)}b`, email: epost2, email_verified: true, name: "Eieren Av Adressen" });
  await loggInnMedSso(side);
  await expect(side).toHaveURL(/\/logg-inn\?error=account_not_linked$/);
  await ctx.close();
});

test("en feil fra leverandøren gir en norsk melding", async ({ page }) => {
  await page.goto("/logg-inn?error=access_denied");
  await expect(page.getByRole("alert")).toHaveText("Innloggingen med Feide ble ikke fullført. Prøv igjen, eller logg inn med e-post og passord.");
});

test("en callback som ikke hører til en innlogging startet i denne nettleseren havner på /logg-inn med norsk melding (bokmål og nynorsk), ikke på forsida", async ({ page, context, baseURL }) => {
  const id = oidcLeverandorId(`http://localhost:${Number(process.env.E2E_PORT ?? 3100) + 1100}`);
  // Started in another browser: the state is not ours.
  await page.goto(`/api/auth/callback/${id}?code=fremmed&state=fremmed`);
  await expect(page).toHaveURL(/\/logg-inn\?error=state_mismatch/);
  await expect(page.getByRole("alert")).toHaveText(
    "Innloggingen med Feide kunne ikke fullføres fordi den ble startet i en annen fane eller nettleser, eller tok for lang tid. Gå tilbake hit og trykk «Logg inn med Feide» på nytt.",
  );
  await sjekkUu(page);
  // No state at all.
  await page.goto(`/api/auth/callback/${id}?code=fremmed`);
  await expect(page).toHaveURL(/\/logg-inn\?error=state_not_found$/);
  expect(await oktFor(page)).toBeNull();
  // Nynorsk.
  await context.addCookies([{ name: "maalform", value: "nn", url: baseURL! }]);
  await page.goto(`/api/auth/callback/${id}?code=fremmed&state=fremmed`);
  await expect(page.getByRole("alert")).toHaveText(
    "Innlogginga med Feide kunne ikkje fullførast fordi ho vart starta i ei anna fane eller ein annan nettlesar, eller tok for lang tid. Gå tilbake hit og trykk «Logg inn med Feide» på nytt.",
  );
});

test("når issuer i leverandørens discovery-dokument ikke stemmer, forklarer innloggingssida det på norsk", async ({ page }) => {
  await page.goto("/logg-inn?error=utsteder");
  await expect(page.getByRole("alert")).toHaveText(
    "Innlogging med Feide er ikke tilgjengelig akkurat nå fordi oppsettet hos Feide ikke stemmer med Samlas. Logg inn med e-post og passord, og si fra til den som drifter Samla.",
  );
});
