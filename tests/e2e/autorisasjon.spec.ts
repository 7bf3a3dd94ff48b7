import { expect, test, type APIRequestContext } from "@playwright/test";
import ruter from "../../app/routes.ts";
import { bliMedSomNy, inviter, nyKlient, opprettBarnehageMed } from "./hjelpere.ts";

/**
 * The authorization matrix: every route in app/routes.ts × method × role, with the expected
 * outcome. A route added to routes.ts without its rows here fails the first test. {A} is a
 * barnehage made for the run: its styrer invites an ansatt and a leder, and removes a member
 * («fjernet»); «annen» is styrer of another barnehage; «innlogget» has no barnehage; {T} is a team in A. eier comes later.
 */
const ROLLER = ["anonym", "innlogget", "ansatt", "leder", "styrer", "annen", "fjernet"] as const;
type Rolle = (typeof ROLLER)[number];
type Utfall = number | `→${string}`; // status, or a redirect to a path
type Rad = { sti: string; eksempel: string; metode: "GET" | "POST"; forventet: Record<Rolle, Utfall>; kropp?: Record<string, string> };

/** The same outcome for every role. */
const alle = (u: Utfall): Record<Rolle, Utfall> => Object.fromEntries(ROLLER.map((r) => [r, u])) as Record<Rolle, Utfall>;
/** Signed in or not, with no difference between barnehage roles. */
const inn = (anonym: Utfall, innlogget: Utfall): Record<Rolle, Utfall> => ({ ...alle(innlogget), anonym });
/** A barnehage route: anonymous goes to sign-in, non-members (never, other barnehage, removed) get 404. */
const bh = (sti: string, m: { ansatt: Utfall; leder: Utfall; styrer: Utfall }): Record<Rolle, Utfall> => ({
  anonym: `→/logg-inn?til=${encodeURIComponent(sti)}`,
  innlogget: 404,
  annen: 404,
  fjernet: 404,
  ...m,
});

const MATRISE: Rad[] = [
  { sti: "/", eksempel: "/", metode: "GET", forventet: alle(200) },
  { sti: "/pakke", eksempel: "/pakke", metode: "GET", forventet: alle(200) },
  { sti: "/moduler/:slug", eksempel: "/moduler/tiltak", metode: "GET", forventet: alle(200) },
  { sti: "/moduler/:slug", eksempel: "/moduler/finnes-ikke", metode: "GET", forventet: alle(404) },
  { sti: "/begreper", eksempel: "/begreper", metode: "GET", forventet: alle(200) },
  { sti: "/lov", eksempel: "/lov", metode: "GET", forventet: alle(200) },
  { sti: "/sok", eksempel: "/sok?q=tiltak", metode: "GET", forventet: alle(200) },
  { sti: "/registrer", eksempel: "/registrer", metode: "GET", forventet: inn(200, "→/start") },
  { sti: "/registrer", eksempel: "/registrer", metode: "POST", kropp: { navn: "", epost: "x", passord: "y" }, forventet: inn(400, "→/start") },
  { sti: "/logg-inn", eksempel: "/logg-inn", metode: "GET", forventet: inn(200, "→/start") },
  { sti: "/logg-inn", eksempel: "/logg-inn", metode: "POST", kropp: { epost: "ingen@example.no", passord: "feil" }, forventet: inn(400, "→/start") },
  // SSO (OIDC configured in playwright.config.ts): anonymous is sent on to the provider (a 302 to its URL).
  { sti: "/logg-inn/sso", eksempel: "/logg-inn/sso", metode: "GET", forventet: alle("→/logg-inn") },
  { sti: "/logg-inn/sso", eksempel: "/logg-inn/sso", metode: "POST", forventet: inn(302, "→/start") },
  { sti: "/logg-ut", eksempel: "/logg-ut", metode: "GET", forventet: inn("→/", 200) },
  { sti: "/glemt-passord", eksempel: "/glemt-passord", metode: "GET", forventet: alle(200) },
  { sti: "/glemt-passord", eksempel: "/glemt-passord", metode: "POST", kropp: { epost: "x" }, forventet: alle(400) },
  { sti: "/glemt-passord", eksempel: "/glemt-passord", metode: "POST", kropp: { epost: "ingen@example.no" }, forventet: alle(200) },
  { sti: "/nytt-passord", eksempel: "/nytt-passord?token=x", metode: "GET", forventet: alle(200) },
  { sti: "/nytt-passord", eksempel: "/nytt-passord?token=x", metode: "POST", kropp: { token: "x", passord: "et godt langt passord", gjentaPassord: "et godt langt passord" }, forventet: alle(400) },
  { sti: "/epost-bekreftet", eksempel: "/epost-bekreftet", metode: "GET", forventet: alle(200) },
  { sti: "/profil", eksempel: "/profil", metode: "GET", forventet: inn("→/logg-inn?til=%2Fprofil", 200) },
  { sti: "/profil", eksempel: "/profil", metode: "POST", kropp: { intent: "bytt-passord", naavaerendePassord: "feil passord!", passord: "et nytt langt passord", gjentaPassord: "et nytt langt passord" }, forventet: inn("→/logg-inn?til=%2Fprofil", 400) },
  { sti: "/bli-med", eksempel: "/bli-med", metode: "GET", forventet: alle(200) },
  { sti: "/bli-med", eksempel: "/bli-med?kode=ZZZZZZZZ", metode: "GET", forventet: alle(200) },
  { sti: "/bli-med", eksempel: "/bli-med", metode: "POST", kropp: { intent: "bli-med", kode: "kort" }, forventet: alle(400) },
  { sti: "/start", eksempel: "/start", metode: "GET", forventet: inn("→/logg-inn?til=%2Fstart", 200) },
  { sti: "/start", eksempel: "/start", metode: "POST", forventet: inn("→/logg-inn?til=%2Fstart", 405) },
  { sti: "/barnehage/ny", eksempel: "/barnehage/ny", metode: "GET", forventet: inn("→/logg-inn?til=%2Fbarnehage%2Fny", 200) },
  { sti: "/barnehage/ny", eksempel: "/barnehage/ny", metode: "POST", kropp: { navn: "" }, forventet: inn("→/logg-inn?til=%2Fbarnehage%2Fny", 400) },
  { sti: "/barnehage/:barnehageId", eksempel: "/barnehage/{A}", metode: "GET", forventet: bh("/barnehage/{A}", { ansatt: 200, leder: 200, styrer: 200 }) },
  { sti: "/barnehage/:barnehageId", eksempel: "/barnehage/finnes-ikke", metode: "GET", forventet: { ...bh("/barnehage/finnes-ikke", { ansatt: 404, leder: 404, styrer: 404 }) } },
  {
    sti: "/barnehage/:barnehageId",
    eksempel: "/barnehage/{A}?index",
    metode: "POST",
    kropp: { intent: "endre-rolle", brukerId: "x", rolle: "eier" },
    forventet: bh("/barnehage/{A}?index", { ansatt: 404, leder: 404, styrer: 400 }),
  },
  {
    sti: "/barnehage/:barnehageId",
    eksempel: "/barnehage/{A}?index",
    metode: "POST",
    kropp: { intent: "fjern", brukerId: "finnes-ikke" },
    forventet: bh("/barnehage/{A}?index", { ansatt: 404, leder: 404, styrer: 404 }),
  },
  { sti: "/barnehage/:barnehageId/invitasjoner", eksempel: "/barnehage/{A}/invitasjoner", metode: "GET", forventet: bh("/barnehage/{A}/invitasjoner", { ansatt: 404, leder: 404, styrer: 200 }) },
  { sti: "/barnehage/:barnehageId/hendelser", eksempel: "/barnehage/{A}/hendelser", metode: "GET", forventet: bh("/barnehage/{A}/hendelser", { ansatt: 404, leder: 404, styrer: 200 }) },
  {
    sti: "/barnehage/:barnehageId/invitasjoner",
    eksempel: "/barnehage/{A}/invitasjoner",
    metode: "POST",
    kropp: { intent: "opprett", rolle: "styrer" },
    forventet: bh("/barnehage/{A}/invitasjoner", { ansatt: 404, leder: 404, styrer: 400 }),
  },
  {
    sti: "/barnehage/:barnehageId/invitasjoner",
    eksempel: "/barnehage/{A}/invitasjoner",
    metode: "POST",
    kropp: { intent: "trekk-tilbake", id: "finnes-ikke" },
    forventet: bh("/barnehage/{A}/invitasjoner", { ansatt: 404, leder: 404, styrer: 404 }),
  },
  {
    sti: "/barnehage/:barnehageId/moduler/:slug/lederstotte",
    eksempel: "/barnehage/{A}/moduler/tiltak/lederstotte",
    metode: "GET",
    forventet: bh("/barnehage/{A}/moduler/tiltak/lederstotte", { ansatt: 404, leder: 200, styrer: 200 }),
  },
  {
    sti: "/barnehage/:barnehageId/moduler/:slug/lederstotte",
    eksempel: "/barnehage/{A}/moduler/finnes-ikke/lederstotte",
    metode: "GET",
    forventet: bh("/barnehage/{A}/moduler/finnes-ikke/lederstotte", { ansatt: 404, leder: 404, styrer: 404 }),
  },
  // Teams (ADR 0011): every member sees them; styrer creates, renames, deletes; leder and styrer change who is in them.
  { sti: "/barnehage/:barnehageId/team", eksempel: "/barnehage/{A}/team", metode: "GET", forventet: bh("/barnehage/{A}/team", { ansatt: 200, leder: 200, styrer: 200 }) },
  {
    sti: "/barnehage/:barnehageId/team",
    eksempel: "/barnehage/{A}/team",
    metode: "POST",
    kropp: { intent: "opprett", navn: "" },
    forventet: bh("/barnehage/{A}/team", { ansatt: 404, leder: 404, styrer: 400 }),
  },
  { sti: "/barnehage/:barnehageId/team/:teamId", eksempel: "/barnehage/{A}/team/{T}", metode: "GET", forventet: bh("/barnehage/{A}/team/{T}", { ansatt: 200, leder: 200, styrer: 200 }) },
  {
    sti: "/barnehage/:barnehageId/team/:teamId",
    eksempel: "/barnehage/{A}/team/finnes-ikke",
    metode: "GET",
    forventet: bh("/barnehage/{A}/team/finnes-ikke", { ansatt: 404, leder: 404, styrer: 404 }),
  },
  {
    sti: "/barnehage/:barnehageId/team/:teamId",
    eksempel: "/barnehage/{A}/team/{T}",
    metode: "POST",
    kropp: { intent: "gi-nytt-navn", navn: "Matriseteamet" },
    forventet: bh("/barnehage/{A}/team/{T}", { ansatt: 404, leder: 404, styrer: "→/barnehage/{A}/team/{T}" }),
  },
  {
    sti: "/barnehage/:barnehageId/team/:teamId",
    eksempel: "/barnehage/{A}/team/{T}",
    metode: "POST",
    kropp: { intent: "gi-nytt-navn", navn: "" },
    forventet: bh("/barnehage/{A}/team/{T}", { ansatt: 404, leder: 404, styrer: 400 }),
  },
  {
    sti: "/barnehage/:barnehageId/team/:teamId",
    eksempel: "/barnehage/{A}/team/{T}",
    metode: "POST",
    kropp: { intent: "legg-til", brukerId: "" },
    forventet: bh("/barnehage/{A}/team/{T}", { ansatt: 404, leder: 400, styrer: 400 }),
  },
  {
    sti: "/barnehage/:barnehageId/team/:teamId",
    eksempel: "/barnehage/{A}/team/{T}",
    metode: "POST",
    kropp: { intent: "legg-til", brukerId: "finnes-ikke" },
    forventet: bh("/barnehage/{A}/team/{T}", { ansatt: 404, leder: 404, styrer: 404 }),
  },
  {
    sti: "/barnehage/:barnehageId/team/:teamId",
    eksempel: "/barnehage/{A}/team/{T}",
    metode: "POST",
    kropp: { intent: "fjern", brukerId: "finnes-ikke" },
    forventet: bh("/barnehage/{A}/team/{T}", { ansatt: 404, leder: 404, styrer: 404 }),
  },
  {
    sti: "/barnehage/:barnehageId/team/:teamId",
    eksempel: "/barnehage/{A}/team/finnes-ikke",
    metode: "POST",
    kropp: { intent: "slett" },
    forventet: bh("/barnehage/{A}/team/finnes-ikke", { ansatt: 404, leder: 404, styrer: 404 }),
  },
  // Module feedback (ADR 0019): every member answers for themselves and sees the page; results inside it only for leder and styrer.
  { sti: "/barnehage/:barnehageId/tilbakemelding", eksempel: "/barnehage/{A}/tilbakemelding", metode: "GET", forventet: bh("/barnehage/{A}/tilbakemelding", { ansatt: 200, leder: 200, styrer: 200 }) },
  { sti: "/barnehage/:barnehageId/tilbakemelding", eksempel: "/barnehage/{A}/tilbakemelding", metode: "POST", forventet: bh("/barnehage/{A}/tilbakemelding", { ansatt: 405, leder: 405, styrer: 405 }) },
  {
    sti: "/barnehage/:barnehageId/moduler/:slug/tilbakemelding",
    eksempel: "/barnehage/{A}/moduler/tiltak/tilbakemelding",
    metode: "GET",
    forventet: bh("/barnehage/{A}/moduler/tiltak/tilbakemelding", { ansatt: 200, leder: 200, styrer: 200 }),
  },
  {
    sti: "/barnehage/:barnehageId/moduler/:slug/tilbakemelding",
    eksempel: "/barnehage/{A}/moduler/finnes-ikke/tilbakemelding",
    metode: "GET",
    forventet: bh("/barnehage/{A}/moduler/finnes-ikke/tilbakemelding", { ansatt: 404, leder: 404, styrer: 404 }),
  },
  {
    sti: "/barnehage/:barnehageId/moduler/:slug/tilbakemelding",
    eksempel: "/barnehage/{A}/moduler/tiltak/tilbakemelding",
    metode: "POST",
    kropp: { t1: "9" },
    forventet: bh("/barnehage/{A}/moduler/tiltak/tilbakemelding", { ansatt: 400, leder: 400, styrer: 400 }),
  },
  {
    sti: "/barnehage/:barnehageId/moduler/:slug/tilbakemelding",
    eksempel: "/barnehage/{A}/moduler/finnes-ikke/tilbakemelding",
    metode: "POST",
    kropp: { t1: "3", t2: "3", t3: "3" },
    forventet: bh("/barnehage/{A}/moduler/finnes-ikke/tilbakemelding", { ansatt: 404, leder: 404, styrer: 404 }),
  },
  { sti: "/maalform", eksempel: "/maalform", metode: "GET", forventet: alle("→/") },
  { sti: "/maalform", eksempel: "/maalform", metode: "POST", kropp: { maalform: "nn", til: "/pakke" }, forventet: alle("→/pakke") },
  { sti: "/helse", eksempel: "/helse", metode: "GET", forventet: alle(200) },
  { sti: "/api/auth/*", eksempel: "/api/auth/get-session", metode: "GET", forventet: alle(200) },
  // Better Auth's organization endpoints are closed over HTTP: barnehage data only through our pages.
  { sti: "/api/auth/*", eksempel: "/api/auth/organization/list", metode: "GET", forventet: alle(404) },
  { sti: "/api/auth/*", eksempel: "/api/auth/organization/get-full-organization", metode: "GET", forventet: alle(404) },
  { sti: "/*", eksempel: "/finnes/ikke", metode: "GET", forventet: alle(404) },
];

type Rute = { path?: string; index?: boolean; children?: Rute[] };
function alleStier(liste: Rute[], forelder = ""): string[] {
  return liste.flatMap((r) => {
    const her = r.index ? forelder || "/" : r.path !== undefined ? `${forelder}/${r.path}`.replace(/\/+/g, "/") : forelder;
    const egen = r.index || r.path !== undefined ? [her] : [];
    return [...egen, ...alleStier(r.children ?? [], r.path !== undefined ? her : forelder)];
  });
}

test("hver rute i routes.ts har rader i matrisen, og matrisen har ingen ukjente ruter", () => {
  const stier = new Set(alleStier(ruter as Rute[]));
  const iMatrise = new Set(MATRISE.map((r) => r.sti));
  expect([...stier].filter((s) => !iMatrise.has(s)), "ruter uten rader").toEqual([]);
  expect([...iMatrise].filter((s) => !stier.has(s)), "rader uten rute").toEqual([]);
});

type Klienter = { a: string; team: string; klient: Record<Exclude<Rolle, "anonym">, APIRequestContext> };
let oppsett: Promise<Klienter> | undefined;

/** One barnehage A with a person in every role, made once through the app's own forms. */
function lagOppsett(playwright: typeof import("@playwright/test").request, baseURL: string): Promise<Klienter> {
  oppsett ??= (async () => {
    const innlogget = await nyKlient(playwright, baseURL, "Matrise Innlogget");
    const styrer = await nyKlient(playwright, baseURL, "Matrise Styrer");
    const annen = await nyKlient(playwright, baseURL, "Matrise Annen");
    const a = await opprettBarnehageMed(styrer, baseURL, "Matrise A");
    await opprettBarnehageMed(annen, baseURL, "Matrise B");
    const ansatt = await bliMedSomNy(playwright, baseURL, await inviter(styrer, baseURL, a, "ansatt"), "Matrise Ansatt");
    const leder = await bliMedSomNy(playwright, baseURL, await inviter(styrer, baseURL, a, "leder"), "Matrise Leder");
    const fjernet = await bliMedSomNy(playwright, baseURL, await inviter(styrer, baseURL, a, "ansatt"), "Matrise Fjernet");
    const { user } = (await (await fjernet.get("/api/auth/get-session")).json()) as { user: { id: string } };
    const r = await styrer.post(`/barnehage/${a}?index`, { form: { intent: "fjern", brukerId: user.id }, headers: { Origin: baseURL }, maxRedirects: 0 });
    expect(r.status()).toBe(302);
    const nyttTeam = await styrer.post(`/barnehage/${a}/team`, { form: { intent: "opprett", navn: "Matriseteamet" }, headers: { Origin: baseURL }, maxRedirects: 0 });
    expect(nyttTeam.status()).toBe(302);
    const team = /\/team\/([^/?]+)$/.exec(nyttTeam.headers()["location"]!)![1]!;
    return { a, team, klient: { innlogget, styrer, annen, ansatt, leder, fjernet } };
  })();
  return oppsett;
}

for (const rolle of ROLLER) {
  test(`autorisasjonsmatrisen for ${rolle}`, async ({ playwright, baseURL }) => {
    const { a, team, klient: klienter } = await lagOppsett(playwright.request, baseURL!);
    const klient: APIRequestContext = rolle === "anonym" ? await playwright.request.newContext({ baseURL }) : klienter[rolle];
    for (const rad of MATRISE) {
      const fyll = (x: string) =>
        x.replaceAll("{A}", a).replaceAll(encodeURIComponent("{A}"), a).replaceAll("{T}", team).replaceAll(encodeURIComponent("{T}"), team);
      const eksempel = fyll(rad.eksempel);
      const forventet = rad.forventet[rolle];
      const svar =
        rad.metode === "GET"
          ? await klient.get(eksempel, { maxRedirects: 0 })
          : await klient.post(eksempel, { form: rad.kropp ?? {}, headers: { Origin: baseURL! }, maxRedirects: 0 });
      const beskrivelse = `${rad.metode} ${rad.eksempel} som ${rolle}`;
      if (typeof forventet === "number") expect(svar.status(), beskrivelse).toBe(forventet);
      else {
        expect([301, 302, 303, 307, 308], beskrivelse).toContain(svar.status());
        expect(svar.headers()["location"], beskrivelse).toBe(fyll(forventet.slice(1)));
      }
    }
    if (rolle === "anonym") await klient.dispose();
  });
}
