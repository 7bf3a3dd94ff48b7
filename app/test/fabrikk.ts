import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import type { Auth } from "#app/auth/auth.server.ts";
import type { Aktor } from "#app/kontekst.ts";
import type { EierMedlemskap, Medlemskap } from "#app/auth/tilgang.ts";
import type { Innhold, Modul } from "#app/domain/innhold/innhold.server.ts";
import type { StegType } from "#app/domain/innhold/innhold.schema.ts";
import { krevMedlemskap, opprettBarnehage } from "#app/domain/barnehage/barnehage.server.ts";
import { brukInvitasjon, lagInvitasjon } from "#app/domain/barnehage/invitasjon.server.ts";
import { leggTilITeam, opprettTeam } from "#app/domain/team/team.server.ts";
import { krevEierMedlemskap, lagEierKode, opprettEier } from "#app/domain/eier/eier.server.ts";
import { knyttTilEier } from "#app/domain/eier/tilknytning.server.ts";
import { avtalUtproving, hentSamling, planleggSamling, registrerOppmote, styrSamling, velgModuler } from "#app/domain/samling/samling.server.ts";
import { tilOslo } from "#app/domain/samling/tid.ts";
import { bekreftOppsett, hentOppsett, loggInnMedKode, startOppsett } from "#app/domain/tofaktor/tofaktor.server.ts";
import { loggInn } from "#app/domain/konto/konto.server.ts";
import { nyTotpKode } from "../../tests/totp.ts";

/**
 * One factory for the worlds tests need: people, barnehager with members and teams, an eier with
 * its barnehager, samlinger (planned and held) and two-factor sign-in. Everything goes through the
 * app's own use cases, so their rules apply (an invitation is made and used, a team member must be
 * a member of the barnehage, a samling is held by its leader starting and ending it).
 *
 * No Vitest and no test-only globals: the same functions can run in a Playwright worker that opens
 * the app's own database (and its AUTH_SECRET, through `lagAuth`) to create people and sign them in.
 * Every step that can fail throws, so a broken world never reaches an assertion half-built.
 */

/** The app's database and Better Auth, as in the tests: `{ db: t.db, auth: lagAuth(t.db, …) }`. */
export type Avh = { db: Kysely<Database>; auth: Auth };
/** Samling use cases also need the modules (test modules from `lagModul`, or the real content). */
export type AvhMedInnhold = Avh & { innhold: Pick<Innhold, "moduler"> };

export const TEST_PASSORD = "et langt passord";

/** The e-mail the factory gives a person it signs up by name (as the tests have always done). */
export function epostFor(navn: string): string {
  return `${navn.toLowerCase()}@example.no`;
}

/** A new account signed up through Better Auth (e-mail and password), as the person the app sees. */
export async function lagPerson(avh: Avh, navn: string, valg: { epost?: string; passord?: string } = {}): Promise<Aktor> {
  const epost = valg.epost ?? epostFor(navn);
  const { user } = await avh.auth.api.signUpEmail({ body: { name: navn, email: epost, password: valg.passord ?? TEST_PASSORD } });
  return { id: user.id, navn, epost, tofaktor: false };
}

/** Several people at once (one after the other: password hashing is the slow part anyway). */
export async function lagPersoner(avh: Avh, navn: readonly string[]): Promise<Record<string, Aktor>> {
  const ut: Record<string, Aktor> = {};
  for (const n of navn) ut[n] = await lagPerson(avh, n);
  return ut;
}

/** A person given by name (a new account) or an Aktor who already exists (e.g. staff of two barnehager). */
export type Person = string | Aktor;

export type BarnehageOppskrift = {
  /** Default «Solsikken». */
  navn?: string;
  /** Default «Styrer». */
  styrer?: Person;
  ledere?: Person[];
  ansatte?: Person[];
  /** Teams with members by name (names of people in this barnehage, the styrer included). */
  team?: { navn: string; medlemmer: string[] }[];
  /** Two-factor switched on for the styrer (its secret in `tofaktor`). */
  tofaktorForStyrer?: boolean;
};

export type BarnehageVerden = {
  barnehageId: string;
  navn: string;
  styrer: Aktor;
  /** Everyone in the barnehage by name, the styrer included. */
  personer: Record<string, Aktor>;
  /** Each person's membership, read back through `krevMedlemskap` (so the role is the real one). */
  medlemskap: Record<string, Medlemskap>;
  /** Team id by team name. */
  team: Record<string, string>;
  /** The styrer's two-factor secret, when `tofaktorForStyrer`. */
  tofaktor?: Tofaktor;
};

async function somAktor(avh: Avh, p: Person): Promise<Aktor> {
  return typeof p === "string" ? lagPerson(avh, p) : p;
}

/**
 * A barnehage created by its styrer, every leder and ansatt joining with their own invitation
 * code, and the teams created by the styrer with their members added.
 */
export async function lagBarnehage(avh: Avh, o: BarnehageOppskrift = {}): Promise<BarnehageVerden> {
  const navn = o.navn ?? "Solsikken";
  const styrer = await somAktor(avh, o.styrer ?? "Styrer");
  const barnehageId = await opprettBarnehage(styrer, { navn }, avh);
  const personer: Record<string, Aktor> = { [styrer.navn]: styrer };
  const medlemskap: Record<string, Medlemskap> = { [styrer.navn]: await krevMedlemskap(styrer, barnehageId, avh) };
  const styrerM = medlemskap[styrer.navn]!;
  const bliMed = [...(o.ledere ?? []).map((p) => [p, "leder"] as const), ...(o.ansatte ?? []).map((p) => [p, "ansatt"] as const)];
  for (const [p, rolle] of bliMed) {
    const aktor = await somAktor(avh, p);
    const { kode } = await lagInvitasjon(styrer, styrerM, rolle, avh);
    const svar = await brukInvitasjon(aktor, kode, avh);
    if (!svar.ok) throw new Error(`${aktor.navn} kom ikke inn i ${navn}: ${svar.feil}`);
    personer[aktor.navn] = aktor;
    medlemskap[aktor.navn] = await krevMedlemskap(aktor, barnehageId, avh);
  }
  const team: Record<string, string> = {};
  for (const t of o.team ?? []) {
    const ny = await opprettTeam(styrer, styrerM, t.navn, avh);
    if (!ny.ok) throw new Error(`Teamet ${t.navn} ble ikke opprettet: ${ny.feil}`);
    team[t.navn] = ny.verdi;
    for (const medlem of t.medlemmer) {
      const aktor = personer[medlem];
      if (!aktor) throw new Error(`${medlem} er ikke med i ${navn}, og kan ikke være i teamet ${t.navn}`);
      await leggTilITeam(styrer, styrerM, ny.verdi, aktor.id, avh);
    }
  }
  const verden: BarnehageVerden = { barnehageId, navn, styrer, personer, medlemskap, team };
  if (o.tofaktorForStyrer) verden.tofaktor = await slaaPaaTofaktor(avh, styrer);
  return verden;
}

export type EierVerden = { eierId: string; navn: string; aktor: Aktor; medlemskap: EierMedlemskap };

/** An eier created by a person (who becomes its first eier), with the given barnehager linked. */
export async function lagEier(avh: Avh, o: { navn?: string; person?: Person; barnehager?: BarnehageVerden[] } = {}): Promise<EierVerden> {
  const navn = o.navn ?? "Solby kommune";
  const aktor = await somAktor(avh, o.person ?? "Eier");
  const eierId = await opprettEier(aktor, { navn }, avh);
  const eier: EierVerden = { eierId, navn, aktor, medlemskap: await krevEierMedlemskap(aktor, eierId, avh) };
  for (const bh of o.barnehager ?? []) await knyttTilEierMedKode(avh, eier, bh);
  return eier;
}

/** The eier makes a code and the barnehage's styrer enters it (both sides consent, ADR 0014). */
export async function knyttTilEierMedKode(avh: Avh, eier: EierVerden, bh: BarnehageVerden): Promise<void> {
  const { kode } = await lagEierKode(eier.aktor, eier.medlemskap, "barnehage", avh);
  const svar = await knyttTilEier(bh.styrer, bh.medlemskap[bh.styrer.navn]!, kode, avh);
  if (!svar.ok) throw new Error(`${bh.navn} ble ikke knyttet til ${eier.navn}: ${svar.feil}`);
}

/**
 * A module good enough for the use cases: reflection activities (notes) and a samling plan in the
 * leader guide (samlinger). Default plan: innledning 10, plenum 20, avtale 10 minutes.
 */
export function lagModul(id: string, o: { nummer?: number; aktiviteter?: string[]; steg?: { type: StegType; minutter: number }[] } = {}): Modul {
  const steg = o.steg ?? [
    { type: "innledning", minutter: 10 },
    { type: "plenum", minutter: 20 },
    { type: "avtale", minutter: 10 },
  ];
  const samlingsplan = steg.map((s, i) => ({ id: `s${i + 1}`, type: s.type, minutter: s.minutter, tittel: `${id} steg ${i + 1}`, beskrivelse: `Lederstøtte ${id} ${i + 1}` }));
  const leder = { meta: { modul: id, sistEndret: "2026-11-26", varighet: steg.reduce((sum, s) => sum + s.minutter, 0), samlingsplan }, seksjoner: [] };
  const aktiviteter = (o.aktiviteter ?? []).map((a) => ({ id: a, type: "refleksjon", tittel: a, html: "" }));
  const tekst = { meta: { tittel: `Modul ${id}` }, innledning: [], innledningOrd: 0, seksjoner: [], aktiviteter };
  const utgaver = [{ nummer: 1, fra: "2026-11-25T23:00:00.000Z", dato: "2026-11-26", juridisk: false }];
  return { id, nummer: o.nummer ?? 1, slug: `modul-${id}`, mappe: "", tekst: { nb: tekst, nn: tekst }, leder: { nb: leder, nn: leder }, filmer: new Map(), status: "publisert", utgaver } as unknown as Modul;
}

/** Content with just these modules (looked up by id or slug). */
export function lagInnhold(...moduler: Modul[]): Pick<Innhold, "moduler" | "modulEtterSlug"> {
  return { moduler, modulEtterSlug: (slug: string) => moduler.find((m) => m.slug === slug) };
}

/** Who acts for the team: a leder or styrer, with their membership. */
export type Planlegger = { aktor: Aktor; medlemskap: Medlemskap };

/** The leder of `bh` by name, with membership: `som(bh, "Leder")`. */
export function som(bh: BarnehageVerden, navn: string): Planlegger {
  const aktor = bh.personer[navn];
  const medlemskap = bh.medlemskap[navn];
  if (!aktor || !medlemskap) throw new Error(`${navn} er ikke med i ${bh.navn}`);
  return { aktor, medlemskap };
}

/** The team's plan, as the leder chooses it (modules keep the content's order). */
export async function velgPlan(avh: AvhMedInnhold, av: Planlegger, teamId: string, moduler: string[]): Promise<void> {
  await velgModuler(av.aktor, av.medlemskap, teamId, moduler, avh);
}

export type SamlingOppskrift = { av: Planlegger; teamId: string; modulId: string; starter: Date; varighet?: number };

/** A samling planned by the leder (starts at `starter`; not started). */
export async function lagPlanlagtSamling(avh: AvhMedInnhold, s: SamlingOppskrift): Promise<string> {
  const { dato, klokke } = tilOslo(s.starter);
  const svar = await planleggSamling(s.av.aktor, s.av.medlemskap, s.teamId, { dato, klokke, modulId: s.modulId, varighet: s.varighet }, avh, s.starter);
  if (!svar.ok) throw new Error(`Samlingen ble ikke planlagt: ${svar.feil}`);
  return svar.verdi;
}

/**
 * A samling planned, started at `starter` and ended by the leder after its planned length, with
 * attendance registered and the practice tasks agreed (their ids in the same order).
 */
export async function lagHoldtSamling(
  avh: AvhMedInnhold,
  s: SamlingOppskrift & { oppmote: Aktor[]; utprovinger?: string[] },
): Promise<{ samlingId: string; utprovinger: string[] }> {
  const samlingId = await lagPlanlagtSamling(avh, s);
  const { aktor, medlemskap } = s.av;
  for (const handling of ["start", "avslutt"] as const) {
    const { versjon, varighetMinutter } = await hentSamling(aktor, medlemskap, samlingId, avh);
    const naa = handling === "start" ? s.starter : new Date(s.starter.getTime() + varighetMinutter * 60_000);
    const svar = await styrSamling(aktor, medlemskap, samlingId, handling, versjon, avh, naa, true);
    if (!svar.ok) throw new Error(`Samlingen kunne ikke ${handling}: ${svar.feil}`);
  }
  await registrerOppmote(aktor, medlemskap, samlingId, s.oppmote.map((x) => x.id), avh);
  const utprovinger: string[] = [];
  for (const hva of s.utprovinger ?? []) utprovinger.push(await avtalUtproving(aktor, medlemskap, samlingId, { hva, hvem: "Alle", frist: "2026-12-10" }, avh, s.starter));
  return { samlingId, utprovinger };
}

/** The TOTP key as an authenticator app takes it (base32, no spaces: for tests/totp.ts) and the recovery codes. */
export type Tofaktor = { hemmelighet: string; gjenopprettingskoder: string[] };

/** Headers as a browser on the app's own origin would send them. */
function hoder(avh: Avh, cookie: string, ip = "192.0.2.1"): Headers {
  return new Headers({ origin: avh.auth.options.baseURL ?? "http://localhost:3000", "x-samla-klient-ip": ip, cookie });
}

/** The cookies a browser would keep after these Set-Cookie headers (deleted ones left out). */
export function cookieFra(svar: Headers, tidligere = ""): string {
  const krukke = new Map(
    tidligere
      .split("; ")
      .filter(Boolean)
      .map((c) => [c.split("=", 1)[0]!, c] as const),
  );
  for (const c of svar.getSetCookie()) {
    const par = c.split(";", 1)[0]!;
    const navn = par.split("=", 1)[0]!;
    if (/max-age=0/i.test(c) || par === `${navn}=`) krukke.delete(navn);
    else krukke.set(navn, par);
  }
  return [...krukke.values()].join("; ");
}

/**
 * Signs the person in through the app's own sign-in (password, then the TOTP code when two-factor
 * is on) and gives the session cookie as a Cookie header: for `fetch`, or split into a browser
 * context's cookies.
 */
export async function loggInnCookie(avh: Avh, person: { epost: string }, o: { passord?: string; tofaktor?: Tofaktor } = {}): Promise<string> {
  const vern = { db: avh.db, hemmelighet: avh.auth.options.secret! };
  const svar = await loggInn(avh.auth, { epost: person.epost, passord: o.passord ?? TEST_PASSORD }, hoder(avh, ""), vern);
  if (!svar.ok) throw new Error(`Innloggingen feilet: ${svar.feil}`);
  const cookie = cookieFra(svar.hoder);
  if (!svar.tofaktor) return cookie;
  if (!o.tofaktor) throw new Error("Kontoen har totrinnsinnlogging: gi hemmeligheten");
  const steg2 = await loggInnMedKode(avh.auth, await nyTotpKode(o.tofaktor.hemmelighet), hoder(avh, cookie), vern);
  if (!steg2.ok) throw new Error(`Andre steg av innloggingen feilet: ${steg2.feil}`);
  return cookieFra(steg2.hoder, cookie);
}

/**
 * Two-factor switched on the way a person does it on /profil/tofaktor: signed in, the password
 * given, the secret read and confirmed with a code from it. Sets `aktor.tofaktor = true`.
 */
export async function slaaPaaTofaktor(avh: Avh, aktor: Aktor, passord = TEST_PASSORD): Promise<Tofaktor> {
  let cookie = await loggInnCookie(avh, aktor, { passord });
  const start = await startOppsett(avh.auth, avh.db, aktor, passord, hoder(avh, cookie));
  if (!start.ok) throw new Error(`Totrinnsoppsettet startet ikke: ${start.feil}`);
  cookie = cookieFra(start.hoder, cookie);
  const oppsett = await hentOppsett(avh.auth, avh.db, aktor, "QR");
  if (!oppsett) throw new Error("Fant ikke totrinnsoppsettet");
  const hemmelighet = oppsett.hemmelighet.replaceAll(" ", "");
  const svar = await bekreftOppsett(avh.auth, avh.db, aktor, await nyTotpKode(hemmelighet), hoder(avh, cookie));
  if (!svar.ok) throw new Error(`Totrinnsoppsettet ble ikke bekreftet: ${svar.feil}`);
  aktor.tofaktor = true;
  return { hemmelighet, gjenopprettingskoder: svar.koder };
}
