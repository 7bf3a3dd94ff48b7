import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test, TELEFON } from "./fixtures.ts";
import { sjekkUu } from "./hjelpere.ts";
import { oktFor } from "./okt.ts";

/**
 * Issue 14, points 1 and 2 (ADR 0035), in real pages on a 360 px phone and a laptop, nb and nn:
 * a team observes the case film each on their own (a name is stopped before it is saved, and the
 * text stays in the field), shares, and compares per category; a group note from a samling becomes
 * a repertoire proposal that a leder agrees (in nynorsk) and prints as a poster and a tagged PDF.
 * axe on every new page. Set SKJERMBILDER=<mappe> to save screenshots of each screen.
 */
const LAPTOP = { viewport: { width: 1280, height: 800 } };
const brukerId = async (k: APIRequestContext) => ((await oktFor(k)) as { user: { id: string } }).user.id;
const bilde = async (page: Page, navn: string) => {
  if (process.env.SKJERMBILDER) await page.screenshot({ path: `${process.env.SKJERMBILDER}/${navn}.png`, fullPage: true });
};
const dato = (dager: number) => new Date(Date.now() + dager * 86_400_000).toISOString().slice(0, 10);

test("et team observerer case-filmen hver for seg og sammenligner per kategori", async ({ baseURL, verden, klientSom, sideSom }) => {
  test.setTimeout(180_000);
  const url = baseURL!;
  const post = (k: APIRequestContext, sti: string, form: Record<string, string>) => k.post(sti, { form, headers: { Origin: url }, maxRedirects: 0 });
  const bh = await verden.barnehage({ navn: "Lekehuset barnehage", styrer: "Siri Styrer", ledere: ["Lise Leder"], ansatte: ["Anne Ansatt", "Bjørn Ansatt"] });
  const a = bh.barnehageId;
  const styrer = await klientSom("Siri Styrer");
  const teamId = /\/team\/([^/?]+)$/.exec((await post(styrer, `/barnehage/${a}/team`, { intent: "opprett", navn: "Blåbær" })).headers()["location"]!)![1]!;
  for (const navn of ["Lise Leder", "Anne Ansatt", "Bjørn Ansatt"]) {
    expect((await post(styrer, `/barnehage/${a}/team/${teamId}`, { intent: "legg-til", brukerId: await brukerId(await klientSom(navn)) })).status()).toBe(302);
  }

  // The leder starts a practice period on the phone, from the team's page.
  const leder = await sideSom("Lise Leder", TELEFON);
  await leder.goto(`/barnehage/${a}/team/${teamId}`);
  await leder.getByRole("link", { name: "Observasjon i praksis" }).click();
  await expect(leder.getByRole("heading", { level: 1, name: "Observasjon i praksis" })).toBeVisible();
  await expect(leder.getByText("Lagringstid: alle observasjoner i en praksisperiode slettes 14 dager etter at perioden er slutt.")).toBeVisible();
  await sjekkUu(leder);
  await bilde(leder, "observasjon-perioder-telefon");
  await leder.getByLabel("Fra").fill(dato(0));
  await leder.getByLabel("Til").fill(dato(20));
  await leder.getByRole("button", { name: "Start praksisperioden" }).click();
  await expect(leder.getByRole("heading", { level: 1, name: /^Praksisperiode / })).toBeVisible();
  await expect(leder.getByText(/^Alle observasjonene i perioden slettes \d+\. \w+ \d{4}\.$/)).toBeVisible();
  const periode = new URL(leder.url()).pathname;
  await sjekkUu(leder);

  // Anne, on her phone, observes the film: a name is stopped, and her text is kept.
  const anne = await sideSom("Anne Ansatt", TELEFON);
  await anne.goto(periode);
  await anne.getByRole("link", { name: "Observer filmen" }).click();
  await expect(anne.getByRole("heading", { level: 1, name: "Observer case-filmen" })).toBeVisible();
  await sjekkUu(anne);
  await bilde(anne, "observasjon-film-telefon");
  await anne.getByLabel("Hvem er utenfor").fill("Maja spør om å være med og får nei.");
  await anne.getByLabel("Hvem leker med hvem").fill("Tre barn leker ved lekehuset. Barn B svarer for de andre.");
  const utsagn = (side: Page, tekst: string) => side.getByRole("group", { name: tekst });
  await utsagn(anne, "Et barn spør om å være med og får nei.").getByLabel("Så det", { exact: true }).check();
  await utsagn(anne, "Den voksne går inn i leken ved lekehuset og sier noe til barna der.").getByLabel("Så det ikke").check();
  await anne.getByRole("button", { name: "Lagre (bare for meg)" }).click();
  const melding = "«Maja» ser ut som et navn. Skriv en kode i stedet, for eksempel «barn A», og lagre igjen.";
  await expect(anne.getByRole("link", { name: melding })).toBeVisible();
  await expect(anne.getByLabel("Hvem er utenfor")).toHaveValue("Maja spør om å være med og får nei.");
  await expect(anne.getByLabel("Hvem leker med hvem")).toHaveValue("Tre barn leker ved lekehuset. Barn B svarer for de andre.");
  await expect(utsagn(anne, "Et barn spør om å være med og får nei.").getByLabel("Så det", { exact: true })).toBeChecked();
  await sjekkUu(anne);
  await bilde(anne, "observasjon-navn-stoppet-telefon");
  await anne.getByLabel("Hvem er utenfor").fill("Barn A spør om å være med og får nei. Barn A går bort alene.");
  await anne.getByRole("button", { name: "Lagre (bare for meg)" }).click();
  await expect(anne.getByText(/^Lagret kl\. \d\d:\d\d\.$/)).toBeVisible();
  await expect(anne.locator("[data-observasjon=film]")).toContainText("Bare for deg");
  await anne.locator("[data-observasjon=film]").getByRole("button", { name: "Del med teamet" }).click();
  await expect(anne.locator("[data-observasjon=film]")).toContainText("Delt med teamet");
  await sjekkUu(anne);
  await bilde(anne, "observasjon-periode-telefon");

  // Bjørn, on a laptop, observes alone and differs on one statement; not shared yet, so not shown.
  const bjorn = await sideSom("Bjørn Ansatt", LAPTOP);
  await bjorn.goto(`${periode}/skriv?mal=film`);
  await bjorn.getByLabel("Hvem er utenfor").fill("Barn A står ved lekehuset og får nei.");
  await utsagn(bjorn, "Et barn spør om å være med og får nei.").getByLabel("Så det", { exact: true }).check();
  await utsagn(bjorn, "Den voksne går inn i leken ved lekehuset og sier noe til barna der.").getByLabel("Så det", { exact: true }).check();
  await bjorn.getByRole("button", { name: "Lagre (bare for meg)" }).click();
  await bjorn.goto(`${periode}/kalibrering`);
  await expect(bjorn.getByText("1 person har delt observasjonen sin.")).toBeVisible();
  await expect(bjorn.getByText("Du har ikke delt observasjonen din ennå.", { exact: false })).toBeVisible();
  await expect(bjorn.locator("main")).not.toContainText("Barn A står ved lekehuset");
  await bjorn.goto(periode);
  await bjorn.locator("[data-observasjon=film]").getByRole("button", { name: "Del med teamet" }).click();

  // The comparison, for the group talk: side by side, agree and differ per category.
  await bjorn.goto(`${periode}/kalibrering`);
  await expect(bjorn.getByText("2 personer har delt observasjonen sin.")).toBeVisible();
  const utenfor = bjorn.locator("[data-kategori=utenfor]");
  await expect(utenfor.locator("[data-utsagn=spor-faar-nei]")).toHaveAttribute("data-enige", "ja");
  await expect(utenfor.getByText("Barn A spør om å være med og får nei. Barn A går bort alene.")).toBeVisible();
  await expect(utenfor.getByText("Barn A står ved lekehuset og får nei.")).toBeVisible();
  const voksne = bjorn.locator("[data-kategori=voksne]");
  await expect(voksne.locator("[data-utsagn=voksen-griper-inn]")).toHaveAttribute("data-enige", "nei");
  await expect(voksne.locator("[data-utsagn=voksen-griper-inn]")).toContainText("Ulike svar – snakk om dette");
  await sjekkUu(bjorn);
  await bilde(bjorn, "kalibrering-laptop");
  // On the projector for the group talk.
  await bjorn.setViewportSize({ width: 1920, height: 1080 });
  await bilde(bjorn, "kalibrering-projektor");
  // The leder (not the author) sees the shared ones on the phone too.
  await leder.goto(`${periode}/kalibrering`);
  await expect(leder.locator("[data-kategori=utenfor]")).toContainText("Anne Ansatt");
  await sjekkUu(leder);
  await bilde(leder, "kalibrering-telefon");
  // In nynorsk: the same comparison, the same words from the observers.
  await leder.getByRole("button", { name: "Nynorsk" }).click();
  await expect(leder.getByRole("heading", { level: 1, name: "Samanlikn observasjonane av filmen" })).toBeVisible();
  await expect(leder.getByText("2 personar har delt observasjonen sin.")).toBeVisible();
  await expect(leder.getByRole("heading", { level: 2, name: "Kven er utanfor" })).toBeVisible();
  await expect(leder.locator("[data-kategori=voksne]")).toContainText("Ulike svar – snakk om dette");
  await sjekkUu(leder);
  await bilde(leder, "kalibrering-telefon-nn");
  await leder.goto(periode);
  await expect(leder.getByText(/^Alle observasjonane i perioden blir sletta \d+\. \w+ \d{4}\.$/)).toBeVisible();
  await sjekkUu(leder);
});

test("et gruppenotat blir et forslag i handlingsrepertoaret, som en leder vedtar på nynorsk og skriver ut", async ({ baseURL, verden, klientSom, sideSom }) => {
  test.setTimeout(180_000);
  const url = baseURL!;
  const post = (k: APIRequestContext, sti: string, form: Record<string, string>) => k.post(sti, { form, headers: { Origin: url }, maxRedirects: 0 });
  const bh = await verden.barnehage({ navn: "Tunet barnehage", styrer: "Sigrid Styrar", ledere: ["Liv Leiar"], ansatte: ["Kari Kvamme"] });
  const a = bh.barnehageId;
  const styrer = await klientSom("Sigrid Styrar");
  const kariKlient = await klientSom("Kari Kvamme");
  const teamId = /\/team\/([^/?]+)$/.exec((await post(styrer, `/barnehage/${a}/team`, { intent: "opprett", navn: "Revehiet" })).headers()["location"]!)![1]!;
  expect((await post(styrer, `/barnehage/${a}/team/${teamId}`, { intent: "legg-til", brukerId: await brukerId(kariKlient) })).status()).toBe(302);
  expect((await post(styrer, `/barnehage/${a}/team/${teamId}/plan`, { intent: "planlegg", dato: dato(3), klokke: "14:00", modulId: "m3", varighet: "" })).status()).toBe(302);
  const samling = /\/samling\/([0-9a-f-]{36})/.exec(await (await styrer.get(`/barnehage/${a}/team/${teamId}/plan`)).text())![1]!;
  expect((await post(kariKlient, `/barnehage/${a}/samling/${samling}/notat/m3-a3`, { tekst: "Vi går bort og blir med i leken, og hjelper barnet inn.", versjon: "0" })).status()).toBe(302);

  // Kari, on the phone: from the group note on the team's module page to a proposal.
  const kari = await sideSom("Kari Kvamme", TELEFON);
  await kari.goto(`/barnehage/${a}/team/${teamId}/moduler/tiltak`);
  await kari.getByRole("link", { name: "Gjør gruppenotatet til et forslag i handlingsrepertoaret" }).click();
  await expect(kari.getByRole("heading", { level: 1, name: "Foreslå en oppføring" })).toBeVisible();
  await expect(kari.locator("blockquote")).toHaveText("Vi går bort og blir med i leken, og hjelper barnet inn.");
  await expect(kari.getByLabel("… gjør vi")).toHaveValue("Vi går bort og blir med i leken, og hjelper barnet inn.");
  await sjekkUu(kari);
  await kari.getByLabel("Når vi ser …").fill("at Noor står alene ved dukkekroken");
  await kari.getByLabel("Hvem").fill("Den voksne som ser det");
  await kari.getByLabel("Hvorfor").fill("Slik at barnet kommer inn i leken");
  await kari.getByLabel("Barnegruppa").check();
  await kari.getByRole("button", { name: "Send forslaget" }).click();
  await expect(kari.getByRole("link", { name: "«Noor» ser ut som et navn. Skriv en kode i stedet, for eksempel «barn A», og lagre igjen." })).toBeVisible();
  await expect(kari.getByLabel("Hvem")).toHaveValue("Den voksne som ser det");
  await kari.getByLabel("Når vi ser …").fill("at et barn ofte står alene ved dukkekroken");
  await kari.getByRole("button", { name: "Send forslaget" }).click();
  await expect(kari.getByText(/^Lagret kl\. \d\d:\d\d\.$/)).toBeVisible();
  await expect(kari.locator("[data-status]")).toHaveText("Forslag");
  await sjekkUu(kari);
  await bilde(kari, "repertoar-forslag-telefon");
  const oppforing = new URL(kari.url()).pathname;

  // The leder reads Samla in nynorsk, on a laptop: agrees the proposal; the history says who did what.
  const lederKlient = await klientSom("Liv Leiar");
  expect((await post(lederKlient, "/maalform", { maalform: "nn", til: "/start" })).status()).toBe(302);
  const leder = await sideSom("Liv Leiar", { ...LAPTOP, storageState: await lederKlient.storageState() });
  await leder.goto(`/barnehage/${a}/repertoar`);
  await expect(leder.getByRole("heading", { level: 1, name: "Handlingsrepertoaret vårt" })).toBeVisible();
  await expect(leder.getByRole("heading", { level: 2, name: "Tiltak i barnegruppa" })).toBeVisible();
  await sjekkUu(leder);
  await leder.goto(oppforing);
  await leder.getByRole("button", { name: "Vedta" }).click();
  await expect(leder.locator("[data-status]")).toHaveText("Vedteke");
  await expect(leder.locator("[data-hendelse=vedtatt]")).toContainText("Liv Leiar vedtok oppføringa.");
  await expect(leder.locator("[data-hendelse=foreslatt]")).toContainText("Kari Kvamme foreslo oppføringa.");
  await leder.getByLabel("Kven").fill("Den vaksne som står nærast");
  await leder.getByRole("button", { name: "Lagre endringane" }).click();
  await expect(leder.locator("[data-hendelse=endret]")).toContainText("«Den voksne som ser det» vart til «Den vaksne som står nærast»");
  await sjekkUu(leder);
  await bilde(leder, "repertoar-oppforing-laptop-nn");

  // The poster: A3 in the browser's print, and as a tagged PDF in nynorsk.
  await leder.goto(`/barnehage/${a}/repertoar`);
  await leder.getByRole("link", { name: "Plakat for utskrift (A3)" }).click();
  await expect(leder.getByRole("heading", { level: 1, name: "Handlingsrepertoaret vårt – Tunet barnehage" })).toBeVisible();
  await expect(leder.locator(".plakat")).toContainText("at et barn ofte står alene ved dukkekroken");
  await sjekkUu(leder);
  await leder.emulateMedia({ media: "print" });
  await expect(leder.locator(".sidehode")).toBeHidden();
  await bilde(leder, "repertoar-plakat-a3-utskrift");
  await leder.emulateMedia({ media: "screen" });
  const pdf = await lederKlient.get(`/barnehage/${a}/repertoar/plakat/pdf?spraak=nn&format=a3`);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const innhold = (await pdf.body()).toString("latin1");
  expect(innhold).toContain("/StructTreeRoot");
  expect(innhold).toContain("/Lang (nn-NO)");
});
