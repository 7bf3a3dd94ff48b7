import { expect, test, type APIRequestContext } from "@playwright/test";
import ruter from "../../app/routes.ts";
import { unikEpost } from "./hjelpere.ts";

/**
 * The authorization matrix: every route in app/routes.ts × method × role, with the expected
 * outcome. A route added to routes.ts without its rows here fails the first test. The people
 * issue adds the barnehage roles (ansatt, leder, styrer, eier, other barnehage, removed member).
 */
type Rolle = "anonym" | "innlogget";
type Utfall = number | `→${string}`; // status, or a redirect to a path
type Rad = { sti: string; eksempel: string; metode: "GET" | "POST"; forventet: Record<Rolle, Utfall>; kropp?: Record<string, string> };

const MATRISE: Rad[] = [
  { sti: "/", eksempel: "/", metode: "GET", forventet: { anonym: 200, innlogget: 200 } },
  { sti: "/pakke", eksempel: "/pakke", metode: "GET", forventet: { anonym: 200, innlogget: 200 } },
  { sti: "/moduler/:slug", eksempel: "/moduler/tiltak", metode: "GET", forventet: { anonym: 200, innlogget: 200 } },
  { sti: "/moduler/:slug", eksempel: "/moduler/finnes-ikke", metode: "GET", forventet: { anonym: 404, innlogget: 404 } },
  { sti: "/begreper", eksempel: "/begreper", metode: "GET", forventet: { anonym: 200, innlogget: 200 } },
  { sti: "/lov", eksempel: "/lov", metode: "GET", forventet: { anonym: 200, innlogget: 200 } },
  { sti: "/sok", eksempel: "/sok?q=tiltak", metode: "GET", forventet: { anonym: 200, innlogget: 200 } },
  { sti: "/registrer", eksempel: "/registrer", metode: "GET", forventet: { anonym: 200, innlogget: "→/start" } },
  { sti: "/registrer", eksempel: "/registrer", metode: "POST", kropp: { navn: "", epost: "x", passord: "y" }, forventet: { anonym: 400, innlogget: "→/start" } },
  { sti: "/logg-inn", eksempel: "/logg-inn", metode: "GET", forventet: { anonym: 200, innlogget: "→/start" } },
  { sti: "/logg-inn", eksempel: "/logg-inn", metode: "POST", kropp: { epost: "ingen@example.no", passord: "feil" }, forventet: { anonym: 400, innlogget: "→/start" } },
  { sti: "/logg-ut", eksempel: "/logg-ut", metode: "GET", forventet: { anonym: "→/", innlogget: 200 } },
  { sti: "/glemt-passord", eksempel: "/glemt-passord", metode: "GET", forventet: { anonym: 200, innlogget: 200 } },
  { sti: "/glemt-passord", eksempel: "/glemt-passord", metode: "POST", kropp: { epost: "x" }, forventet: { anonym: 400, innlogget: 400 } },
  { sti: "/glemt-passord", eksempel: "/glemt-passord", metode: "POST", kropp: { epost: "ingen@example.no" }, forventet: { anonym: 200, innlogget: 200 } },
  { sti: "/nytt-passord", eksempel: "/nytt-passord?token=x", metode: "GET", forventet: { anonym: 200, innlogget: 200 } },
  { sti: "/nytt-passord", eksempel: "/nytt-passord?token=x", metode: "POST", kropp: { token: "x", passord: "et godt langt passord", gjentaPassord: "et godt langt passord" }, forventet: { anonym: 400, innlogget: 400 } },
  { sti: "/epost-bekreftet", eksempel: "/epost-bekreftet", metode: "GET", forventet: { anonym: 200, innlogget: 200 } },
  { sti: "/profil", eksempel: "/profil", metode: "GET", forventet: { anonym: "→/logg-inn?til=%2Fprofil", innlogget: 200 } },
  { sti: "/profil", eksempel: "/profil", metode: "POST", kropp: { intent: "bytt-passord", naavaerendePassord: "feil passord!", passord: "et nytt langt passord", gjentaPassord: "et nytt langt passord" }, forventet: { anonym: "→/logg-inn?til=%2Fprofil", innlogget: 400 } },
  { sti: "/start", eksempel: "/start", metode: "GET", forventet: { anonym: "→/logg-inn?til=%2Fstart", innlogget: 200 } },
  { sti: "/start", eksempel: "/start", metode: "POST", forventet: { anonym: "→/logg-inn?til=%2Fstart", innlogget: 405 } },
  { sti: "/maalform", eksempel: "/maalform", metode: "GET", forventet: { anonym: "→/", innlogget: "→/" } },
  { sti: "/maalform", eksempel: "/maalform", metode: "POST", kropp: { maalform: "nn", til: "/pakke" }, forventet: { anonym: "→/pakke", innlogget: "→/pakke" } },
  { sti: "/helse", eksempel: "/helse", metode: "GET", forventet: { anonym: 200, innlogget: 200 } },
  { sti: "/api/auth/*", eksempel: "/api/auth/get-session", metode: "GET", forventet: { anonym: 200, innlogget: 200 } },
  { sti: "/*", eksempel: "/finnes/ikke", metode: "GET", forventet: { anonym: 404, innlogget: 404 } },
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

async function innloggetKlient(playwright: typeof import("@playwright/test").request, baseURL: string) {
  const klient = await playwright.newContext({ baseURL });
  const epost = unikEpost("matrise");
  const r = await klient.post("/registrer", { form: { navn: "Matrise", epost, passord: "et godt langt passord" }, headers: { Origin: baseURL }, maxRedirects: 0 });
  expect(r.status()).toBe(302);
  return klient;
}

for (const rolle of ["anonym", "innlogget"] as Rolle[]) {
  test(`autorisasjonsmatrisen for ${rolle}`, async ({ playwright, baseURL }) => {
    const klient: APIRequestContext =
      rolle === "anonym" ? await playwright.request.newContext({ baseURL }) : await innloggetKlient(playwright.request, baseURL!);
    for (const rad of MATRISE) {
      const forventet = rad.forventet[rolle];
      const svar =
        rad.metode === "GET"
          ? await klient.get(rad.eksempel, { maxRedirects: 0 })
          : await klient.post(rad.eksempel, { form: rad.kropp ?? {}, headers: { Origin: baseURL! }, maxRedirects: 0 });
      const beskrivelse = `${rad.metode} ${rad.eksempel} som ${rolle}`;
      if (typeof forventet === "number") expect(svar.status(), beskrivelse).toBe(forventet);
      else {
        expect([301, 302, 303, 307, 308], beskrivelse).toContain(svar.status());
        expect(svar.headers()["location"], beskrivelse).toBe(forventet.slice(1));
      }
    }
    await klient.dispose();
  });
}
