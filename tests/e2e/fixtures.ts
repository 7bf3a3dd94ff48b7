import "./stille-logg.ts";
import { randomBytes } from "node:crypto";
import {
  test as base,
  expect,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from "@playwright/test";
import { dbKonfigFraEnv, lagDb } from "../../app/db/db.server.ts";
import { lagAuth } from "../../app/auth/auth.server.ts";
import type { Aktor } from "../../app/kontekst.ts";
import { lagInvitasjon } from "../../app/domain/barnehage/invitasjon.server.ts";
import { lagBarnehage, lagEier, lagPerson, loggInnCookie, slaaPaaTofaktor, type Avh, type BarnehageVerden, type EierVerden, type Tofaktor } from "../../app/test/fabrikk.ts";
import { APP_URL } from "../../playwright.config.ts";
import { STANDARDPASSORD } from "./hjelpere.ts";

export { expect };

/**
 * Signed-in pages and API clients without clicking through sign-up (tests/e2e/hjelpere.ts keeps
 * the form flows for the specs that test them). The Playwright worker opens the app's own
 * database (the SQLite file in SAMLA_E2E_DATA_DIR, WAL lets both processes use it, or
 * E2E_DATABASE_URL) and Better Auth with the app's AUTH_SECRET (playwright.config.ts), builds the
 * people with the test factory (app/test/fabrikk.ts) through the app's use cases, and signs them
 * in through the app's own `loggInn`/`loggInnMedKode`: a real session cookie, given to a browser
 * context or an API client.
 *
 *   test("…", async ({ verden, sideSom, klientSom }) => {
 *     const bh = await verden.barnehage({ navn: "Solsikken", styrer: "Siri Styrer", ledere: ["Lise Leder"], team: [{ navn: "Blåklokka", medlemmer: ["Lise Leder"] }] });
 *     const page = await sideSom("Lise Leder", { telefon: true });
 *     const styrer = await klientSom("Siri Styrer");
 *
 * People are named per test (a name already made in the test is the same person, e.g. a styrer of
 * two barnehager); every e-mail is unique (worker index and a random part), so tests on two
 * workers against one database never collide. Styrere and eiere get two-factor sign-in switched
 * on (the app sends them to /profil/tofaktor otherwise); the sign-in then completes the code step.
 * Everyone has the password STANDARDPASSORD, as after `registrer` in hjelpere.ts.
 */

/** A phone: 360 px wide, touch (as the specs' own `telefon` objects). */
export const TELEFON: BrowserContextOptions = { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true };

export type BarnehageOppskrift = {
  navn: string;
  styrer: string | Aktor;
  ledere?: (string | Aktor)[];
  ansatte?: (string | Aktor)[];
  /** Teams with members by name (people of this barnehage, the styrer included). */
  team?: { navn: string; medlemmer: string[] }[];
};

export type SideValg = BrowserContextOptions & { telefon?: boolean };

type Kjent = { aktor: Aktor; tofaktor?: Tofaktor; cookie?: string };

/** A unique, valid e-mail for a name: «siri.styrer.w1.3f9a0c1d@example.no». */
export function unikEpostFor(navn: string, arbeider = Number(process.env.TEST_WORKER_INDEX ?? 0)): string {
  const del = navn
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[æÆ]/g, "ae")
    .replace(/[øØ]/g, "o")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ".")
    .replace(/^\.+|\.+$/g, "");
  return `${del || "person"}.w${arbeider}.${randomBytes(4).toString("hex")}@example.no`;
}

/** The cookies of a Cookie header, for the app's host (host-only, as the app sets them). */
function cookier(header: string) {
  const domain = new URL(APP_URL).hostname;
  return header
    .split("; ")
    .filter(Boolean)
    .map((par) => {
      const i = par.indexOf("=");
      return { name: par.slice(0, i), value: par.slice(i + 1), domain, path: "/", expires: -1, httpOnly: true, secure: false, sameSite: "Lax" as const };
    });
}

/**
 * One test's world: the people it made (by name), and the contexts and clients it opened (closed by
 * `lukk`). Made per test by the fixtures below, or by `nyVerden` for a describe block's beforeAll.
 */
export class Verden {
  private readonly folk = new Map<string, Kjent>();
  private readonly kontekster: BrowserContext[] = [];
  private readonly klienter: APIRequestContext[] = [];

  readonly avh: Avh;
  private readonly browser: Browser;
  private readonly request: typeof import("@playwright/test").request;
  private readonly arbeider: number;

  constructor(avh: Avh, browser: Browser, request: typeof import("@playwright/test").request, arbeider: number) {
    this.avh = avh;
    this.browser = browser;
    this.request = request;
    this.arbeider = arbeider;
  }

  /** A new account (or the one already made under this name in this world). */
  async person(navn: string): Promise<Aktor> {
    const kjent = this.folk.get(navn);
    if (kjent) return kjent.aktor;
    const aktor = await lagPerson(this.avh, navn, { epost: unikEpostFor(navn, this.arbeider), passord: STANDARDPASSORD });
    this.folk.set(navn, { aktor });
    return aktor;
  }

  /** The person by name, as the app sees them (id, name, e-mail). */
  aktor(navn: string): Aktor {
    const kjent = this.folk.get(navn);
    if (!kjent) throw new Error(`${navn} finnes ikke i denne testens verden`);
    return kjent.aktor;
  }

  private async medTofaktor(aktor: Aktor): Promise<void> {
    const kjent = this.folk.get(aktor.navn)!;
    if (kjent.tofaktor) return;
    kjent.tofaktor = await slaaPaaTofaktor(this.avh, aktor, STANDARDPASSORD);
    kjent.cookie = undefined;
  }

  private async somAktor(p: string | Aktor): Promise<Aktor> {
    if (typeof p !== "string") return p;
    return this.person(p);
  }

  /** A barnehage made by its styrer (two-factor on), everyone else joining by invitation code, and its teams. */
  async barnehage(o: BarnehageOppskrift): Promise<BarnehageVerden> {
    const styrer = await this.somAktor(o.styrer);
    const ledere = await Promise.all((o.ledere ?? []).map((p) => this.somAktor(p)));
    const ansatte: Aktor[] = [];
    for (const p of o.ansatte ?? []) ansatte.push(await this.somAktor(p));
    await this.medTofaktor(styrer);
    return lagBarnehage(this.avh, { navn: o.navn, styrer, ledere, ansatte, team: o.team });
  }

  /** An invitation code from the barnehage's styrer (as shown once on the invitations page). */
  async invitasjon(bh: BarnehageVerden, rolle: "ansatt" | "leder"): Promise<string> {
    const { kode } = await lagInvitasjon(bh.styrer, bh.medlemskap[bh.styrer.navn]!, rolle, this.avh);
    return kode;
  }

  /** An eier made by its person (two-factor on), with these barnehager linked by code. */
  async eier(o: { navn: string; person: string | Aktor; barnehager?: BarnehageVerden[] }): Promise<EierVerden> {
    const aktor = await this.somAktor(o.person);
    await this.medTofaktor(aktor);
    return lagEier(this.avh, { navn: o.navn, person: aktor, barnehager: o.barnehager });
  }

  /** A real session: signed in through the app's own sign-in (and its code step), once per person. */
  async cookie(navn: string): Promise<string> {
    const kjent = this.folk.get(navn);
    if (!kjent) throw new Error(`${navn} finnes ikke i denne testens verden`);
    kjent.cookie ??= await loggInnCookie(this.avh, kjent.aktor, { passord: STANDARDPASSORD, tofaktor: kjent.tofaktor });
    return kjent.cookie;
  }

  /** A new session for this person (the old one ended, e.g. by a posted `logg-ut`). */
  async nyCookie(navn: string): Promise<string> {
    const kjent = this.folk.get(navn);
    if (kjent) kjent.cookie = undefined;
    return this.cookie(navn);
  }

  /** Signs this person in in an existing page's context (e.g. the test's own `page`). */
  async loggInn(mal: Page | BrowserContext, navn: string): Promise<void> {
    const kontekst = "context" in mal ? mal.context() : mal;
    await kontekst.addCookies(cookier(await this.cookie(navn)));
  }

  /** A new browser context, signed in as this person, and a page in it (closed after the test). */
  async sideSom(navn: string, valg: SideValg = {}): Promise<Page> {
    const { telefon, ...kontekstvalg } = valg;
    const kontekst = await this.browser.newContext({ baseURL: APP_URL, ...(telefon ? TELEFON : {}), ...kontekstvalg });
    this.kontekster.push(kontekst);
    await this.loggInn(kontekst, navn);
    return kontekst.newPage();
  }

  /** An API client signed in as this person (disposed after the test). */
  async klientSom(navn: string, valg: { baseURL?: string } = {}): Promise<APIRequestContext> {
    const klient = await this.request.newContext({ baseURL: valg.baseURL ?? APP_URL, storageState: { cookies: cookier(await this.cookie(navn)), origins: [] } });
    this.klienter.push(klient);
    return klient;
  }

  async lukk(): Promise<void> {
    for (const k of this.kontekster.splice(0)) await k.close().catch(() => {});
    for (const k of this.klienter.splice(0)) await k.dispose().catch(() => {});
  }
}

type Arbeiderfikstur = {
  /** The app's database and Better Auth, opened once per worker (closed when it ends). */
  avh: Avh;
  /** A world not tied to one test (for beforeAll): call `lukk()` in afterAll. */
  nyVerden: () => Verden;
};

type Testfikstur = {
  verden: Verden;
  sideSom: Verden["sideSom"];
  klientSom: Verden["klientSom"];
  loggInn: Verden["loggInn"];
};

export const test = base.extend<Testfikstur, Arbeiderfikstur>({
  avh: [
    async ({}, use) => {
      const dataDir = process.env.SAMLA_E2E_DATA_DIR;
      const secret = process.env.SAMLA_E2E_AUTH_SECRET;
      if (!dataDir || !secret) throw new Error("SAMLA_E2E_DATA_DIR og SAMLA_E2E_AUTH_SECRET settes av playwright.config.ts");
      const db = lagDb(dbKonfigFraEnv({ DATABASE_URL: process.env.E2E_DATABASE_URL, DATA_DIR: dataDir }));
      const auth = lagAuth(db, { baseURL: APP_URL, secret, sikreCookies: false });
      await use({ db, auth });
      await db.destroy();
    },
    { scope: "worker" },
  ],
  nyVerden: [
    async ({ avh, browser, playwright }, use, workerInfo) => {
      await use(() => new Verden(avh, browser, playwright.request, workerInfo.workerIndex));
    },
    { scope: "worker" },
  ],
  verden: async ({ nyVerden }, use) => {
    const verden = nyVerden();
    await use(verden);
    await verden.lukk();
  },
  sideSom: async ({ verden }, use) => use(verden.sideSom.bind(verden)),
  klientSom: async ({ verden }, use) => use(verden.klientSom.bind(verden)),
  loggInn: async ({ verden }, use) => use(verden.loggInn.bind(verden)),
});
