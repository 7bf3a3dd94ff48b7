import { hentRedaktorrolle } from "#app/domain/redaksjon/redaksjon.repo.server.ts";
import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import type { Aktor } from "#app/kontekst.ts";
import { krev } from "#app/auth/tilgang.ts";
import { logg } from "#app/logg.server.ts";
import { loggHendelse } from "#app/domain/revisjon/revisjon.server.ts";
import * as repo from "./mine-data.repo.server.ts";
import { hentMinePaaminnelser, slettMinePaaminnelser } from "#app/domain/paaminnelse/paaminnelse.repo.server.ts";
import * as rutineRepo from "#app/domain/rutine/rutine.repo.server.ts";
import * as observasjon from "#app/domain/observasjon/observasjon.repo.server.ts";
import * as repertoar from "#app/domain/repertoar/repertoar.repo.server.ts";

/**
 * «Mine data» (issue 4, point 9; ADR 0015): everything Samla holds about one person, as one
 * JSON document, and what happens to it when they delete their account.
 *
 * The register: each feature adds ONE entry to DATAKILDER with what it exports about the person
 * and, when the account is deleted, what it removes or anonymises. A new table with personal data
 * needs an entry here; the canary test (tests/e2e/kanari.spec.ts) and the deletion test check the
 * database for leftovers, so a missing entry fails them.
 */
export type Datakilde = {
  /** The key in the exported JSON (Norwegian, stable). */
  navn: string;
  eksporter: (db: Kysely<Database>, brukerId: string) => Promise<unknown>;
  /** Runs in the deletion transaction, before the user row goes (and its cascades with it). */
  slett?: (db: Kysely<Database>, brukerId: string) => Promise<void>;
};

export const DATAKILDER: Datakilde[] = [
  // Accounts and sign-in (issue 4). The user row and its cascades go last, in slettKonto.
  { navn: "bruker", eksporter: repo.hentBruker },
  { navn: "innloggingsmetoder", eksporter: repo.hentKontoer },
  { navn: "okter", eksporter: repo.hentSesjoner },
  { navn: "medlemskap", eksporter: repo.hentMedlemskap },
  { navn: "team", eksporter: repo.hentTeam },
  { navn: "invitasjoner", eksporter: repo.hentInvitasjoner },
  // Staff invitations (ADR 0029, migration 0020): invitasjon_bruk goes with the user row by cascade.
  { navn: "invitasjonerBrukt", eksporter: repo.hentInvitasjonerBrukt },
  {
    navn: "hendelser",
    eksporter: async (db, id) => repo.hentHendelser(db, id, (await repo.hentMedlemskap(db, id)).map((m) => m.medlemId)),
  },
  // Working together (issue 5, migration 0011-samarbeid).
  { navn: "privateRefleksjoner", eksporter: repo.hentRefleksjoner, slett: repo.slettRefleksjoner },
  { navn: "delteRefleksjoner", eksporter: repo.hentDelteRefleksjoner, slett: repo.fjernForfatter },
  { navn: "gruppenotater", eksporter: repo.hentGruppenotater, slett: repo.fjernFraGruppenotater },
  { navn: "utprovingslogger", eksporter: repo.hentUtprovingslogger, slett: repo.slettUtprovingslogger },
  { navn: "oppmote", eksporter: repo.hentOppmote, slett: repo.slettOppmote },
  { navn: "opprettetISamarbeid", eksporter: repo.hentOpprettetISamarbeid, slett: repo.fjernSomOppretter },
  // Two-factor, owners, samlinger, catch-up, ståsted and module feedback (migrations 0008–0015).
  // twoFactor, eier_medlem, samling_ledernotat, kalender_hemmelighet and modul_tilbakemelding_deltakelse
  // go with the user row by cascade; owners the person is alone in go first, in slettKonto.
  { navn: "totrinnsinnlogging", eksporter: repo.hentTofaktor },
  { navn: "eiere", eksporter: repo.hentEiere },
  { navn: "ledernotater", eksporter: repo.hentLedernotater },
  { navn: "kalender", eksporter: repo.hentKalender },
  { navn: "tattIgjen", eksporter: repo.hentTattIgjen, slett: repo.slettTattIgjen },
  { navn: "staasted", eksporter: repo.hentStastedDeltakelse, slett: repo.anonymiserStasted },
  { navn: "modultilbakemelding", eksporter: repo.hentTilbakemeldingDeltakelse },
  // Groups at a samling (migration 0019, ADR 0027): the person's place in a group goes; the notes stay.
  { navn: "grupper", eksporter: repo.hentGrupper, slett: repo.slettGrupper },
  // Reminders (migration 0022, ADR 0031): what was sent to the person and which kinds are off.
  { navn: "paaminnelser", eksporter: hentMinePaaminnelser, slett: slettMinePaaminnelser },
  // Editions (migration 0024, ADR 0034): whether the person has the editor role, and since when;
  // the row goes with the user row by cascade.
  { navn: "redaktor", eksporter: hentRedaktorrolle },
  // The routine for internkontroll (migration 0026, ADR 0036): the versions the person adopted as
  // styrer. The barnehage keeps its routine; the approver's name goes, the role stays.
  { navn: "rutinerVedtatt", eksporter: rutineRepo.hentGodkjentAv, slett: rutineRepo.anonymiserGodkjenner },
  // Observation and the action repertoire (migration 0025, ADR 0035): the person's own observation
  // logs go; repertoire entries are the barnehage's and stay, without the person's name.
  { navn: "observasjoner", eksporter: observasjon.alleMineObservasjoner, slett: observasjon.slettAlleMineObservasjoner },
  { navn: "repertoarForslag", eksporter: repertoar.mineForslag, slett: repertoar.fjernPerson },
  { navn: "repertoarEndringer", eksporter: repertoar.mineEndringer },
];

export type MineData = { laget: string; forklaring: string; data: Record<string, unknown> };

/** Everything about the signed-in person, from every source in the register. Logged as data_eksportert. */
export async function eksporterMineData(aktor: Aktor | null, { db }: { db: Kysely<Database> }, naa = new Date()): Promise<MineData> {
  krev(aktor, "last-ned:mine-data");
  const data: Record<string, unknown> = {};
  for (const kilde of DATAKILDER) data[kilde.navn] = await kilde.eksporter(db, aktor!.id);
  await loggHendelse(db, { hendelse: "data_eksportert", aktorId: aktor!.id, malId: aktor!.id, detaljer: { kilder: DATAKILDER.length } }, naa);
  logg.info("data_eksportert");
  return {
    laget: naa.toISOString(),
    forklaring: "Alt Samla har lagret om deg. Passord og innloggingsnøkler er aldri med.",
    data,
  };
}

/** The file name of the export: the date only, nothing personal. */
export function eksportFilnavn(naa = new Date()): string {
  return `samla-mine-data-${naa.toISOString().slice(0, 10)}.json`;
}

/** Why an account cannot be deleted yet: the barnehager where the person is the only styrer. */
export type Hinder = { barnehageId: string; navn: string }[];
/** … and the owners with barnehager where the person is the only one (ADR 0014). */
export type EierHinder = { eierId: string; navn: string }[];

/**
 * What deleting the account will do, for the page that explains it first: which barnehager
 * stop the deletion (the only styrer, with other members), and which go with it (the person is
 * the only member).
 */
export async function slettingsplan(aktor: Aktor | null, { db }: { db: Kysely<Database> }) {
  krev(aktor, "slett:egen-konto");
  const styrer = await repo.styrerskap(db, aktor!.id);
  const eiere = await repo.eierskap(db, aktor!.id);
  return {
    hindre: styrer.filter((s) => s.andreStyrere === 0 && s.andreMedlemmer > 0).map(({ barnehageId, navn }) => ({ barnehageId, navn })),
    tommeBarnehager: styrer.filter((s) => s.andreMedlemmer === 0).map(({ barnehageId, navn }) => ({ barnehageId, navn })),
    // An owner with barnehager must keep someone who can act for it; an owner with none goes with the account.
    eierHindre: eiere.filter((e) => e.andrePersoner === 0 && e.barnehager > 0).map(({ eierId, navn }) => ({ eierId, navn })),
    tommeEiere: eiere.filter((e) => e.andrePersoner === 0 && e.barnehager === 0).map(({ eierId, navn }) => ({ eierId, navn })),
    harPassord: await repo.harPassord(db, aktor!.id),
  };
}

export type SlettSvar = { ok: true } | { ok: false; grunn: "eneste-styrer" | "eneste-eier"; hindre: Hinder; eierHindre: EierHinder };

/**
 * Deletes the signed-in person's account and everything that is theirs, in one transaction.
 * The caller has already checked the password (or the typed confirmation for SSO accounts) and
 * ended the session. Refuses while the person is the only styrer of a barnehage with other
 * members. The audit log keeps `konto_slettet` with the user id only (a random id that no longer
 * points at anything), never a name or an address.
 */
export async function slettKonto(aktor: Aktor | null, { db }: { db: Kysely<Database> }, naa = new Date()): Promise<SlettSvar> {
  krev(aktor, "slett:egen-konto");
  const brukerId = aktor!.id;
  const plan = await slettingsplan(aktor, { db });
  if (plan.hindre.length || plan.eierHindre.length) {
    return { ok: false, grunn: plan.hindre.length ? "eneste-styrer" : "eneste-eier", hindre: plan.hindre, eierHindre: plan.eierHindre };
  }
  await db.transaction().execute(async (tx) => {
    for (const b of plan.tommeBarnehager) await repo.slettTomBarnehage(tx, b.barnehageId, brukerId);
    for (const e of plan.tommeEiere) await repo.slettTomEier(tx, e.eierId, brukerId);
    for (const kilde of DATAKILDER) await kilde.slett?.(tx, brukerId);
    await repo.slettVerifiseringer(tx, brukerId, aktor!.epost);
    if (!(await repo.slettBrukeren(tx, brukerId))) throw new Error("Fant ikke kontoen som skulle slettes.");
  });
  await loggHendelse(db, { hendelse: "konto_slettet", aktorId: brukerId, malId: brukerId, detaljer: { barnehagerSlettet: plan.tommeBarnehager.length, eiereSlettet: plan.tommeEiere.length } }, naa);
  logg.info("konto_slettet");
  return { ok: true };
}
