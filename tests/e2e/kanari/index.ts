import type { Saaer } from "./markor.ts";
import { saaKonto } from "./konto.ts";
import { saaSamarbeid } from "./samarbeid.ts";
import { saaEier } from "./eier.ts";
import { saaSamling } from "./samling.ts";
import { saaStasted } from "./stasted.ts";
import { saaRutine } from "./rutine.ts";
import { saaObservasjon } from "./observasjon.ts";

export { MARKOR, type BarnehageB } from "./markor.ts";

/**
 * Every feature's seeder, in order (the first makes barnehage B). A new feature with text columns
 * adds its seeder here; the meta-check in kanari.spec.ts fails until it does.
 */
export const SAAERE: Saaer[] = [saaKonto, saaSamarbeid, saaEier, saaSamling, saaStasted, saaRutine, saaObservasjon];

/**
 * Text columns that need no marker, by table, each with the reason. Everything else that holds
 * text must carry the marker in at least one row after seeding, so a new table or column that
 * nobody seeded fails the meta-check. Only technical values belong here: ids, keys, hashes,
 * tokens, codes from a fixed list, content ids from the package, and times stored as text.
 */
export const UNNTAK: Record<string, { kolonner: string[]; grunn: string }> = {
  user: { kolonner: ["id", "maalform"], grunn: "random id; målform is nb or nn" },
  session: { kolonner: ["id", "token", "userId", "ipAddress", "activeOrganizationId"], grunn: "ids, the session token, and the client IP our server sets" },
  account: {
    kolonner: ["id", "accountId", "providerId", "userId", "accessToken", "refreshToken", "idToken", "password"],
    grunn: "ids (accountId is the user id or the provider's sub), provider ids, tokens and the password hash",
  },
  verification: { kolonner: ["id", "identifier", "value"], grunn: "one-time tokens and the ids they point to" },
  organization: { kolonner: ["id", "slug"], grunn: "random id and random slug (bh-<hex>)" },
  member: { kolonner: ["id", "organizationId", "userId", "role"], grunn: "ids and a role from a fixed list" },
  invitation: { kolonner: ["id", "organizationId", "role", "status", "inviterId"], grunn: "ids, role and status from fixed lists" },
  invitasjonskode: { kolonner: ["id", "organizationId", "kodeHash", "rolle", "opprettetAv", "bruktAv"], grunn: "ids, the hash of the code, a role" },
  // Staff invitations (ADR 0029): who joined through which invitation.
  invitasjon_bruk: { kolonner: ["invitasjonId", "organizationId", "userId"], grunn: "ids (and times)" },
  team: { kolonner: ["id", "organizationId"], grunn: "ids" },
  team_medlem: { kolonner: ["teamId", "organizationId", "userId"], grunn: "ids" },
  team_plan: { kolonner: ["teamId", "organizationId", "modulId"], grunn: "ids; modulId names a module of the public package" },
  samling: {
    kolonner: ["id", "organizationId", "teamId", "modulId", "status", "opprettetAv", "kode", "skjermHash"],
    grunn: "ids, a package module, status from a fixed list; the random join code and the hash of the screen link's secret (ADR 0026)",
  },
  samling_oppmote: { kolonner: ["samlingId", "organizationId", "userId"], grunn: "ids" },
  gruppenotat: { kolonner: ["id", "organizationId", "samlingId", "aktivitetId", "oppdatertAv"], grunn: "ids; aktivitetId names an activity of the public package" },
  refleksjon: { kolonner: ["id", "userId", "modulId", "aktivitetId"], grunn: "ids and package content ids" },
  delt_refleksjon: { kolonner: ["id", "organizationId", "teamId", "modulId", "aktivitetId", "forfatterId"], grunn: "ids and package content ids" },
  utproving: { kolonner: ["id", "organizationId", "teamId", "samlingId", "frist", "opprettetAv"], grunn: "ids and a calendar date" },
  utproving_logg: { kolonner: ["utprovingId", "organizationId", "userId"], grunn: "ids" },
  revisjonslogg: {
    kolonner: ["hendelse", "aktor_id", "organisasjon_id", "mal_id", "detaljer"],
    grunn: "append-only log of technical values only: loggHendelse refuses any text that is not an id, code or hash",
  },
  innloggingsforsok: { kolonner: ["nokkel"], grunn: "keyed hashes (HMAC) of addresses and IPs" },
  // Single-use TOTP (ADR 0021) and the health check's write (ADR 0025).
  tofaktor_brukt: { kolonner: ["userId"], grunn: "user id (and the last accepted time step, a number)" },
  helse: { kolonner: ["id", "sist"], grunn: "one fixed row id and the time of the last health check" },
  // Editions (ADR 0034): who is an editor, and which edition each team has been told about.
  redaktor: { kolonner: ["userId"], grunn: "user id (and the time the role was given)" },
  team_modul_utgave: { kolonner: ["organizationId", "teamId", "modulId"], grunn: "ids; modulId names a module of the public package (and an edition number)" },
  // Two-factor sign-in (ADR 0013).
  twoFactor: { kolonner: ["id", "secret", "backupCodes", "userId"], grunn: "id, user id, and the TOTP secret and recovery codes, encrypted with the server secret" },
  // Owners (ADR 0014).
  eier: { kolonner: ["id"], grunn: "random id" },
  eier_medlem: { kolonner: ["eierId", "userId"], grunn: "ids" },
  eier_barnehage: { kolonner: ["organizationId", "eierId"], grunn: "ids" },
  eier_kode: { kolonner: ["id", "eierId", "formaal", "kodeHash", "opprettetAv"], grunn: "ids, a purpose from a fixed list, the hash of the code" },
  // Samlinger, notes and catch-up (ADR 0016, 0017).
  samling_ledernotat: { kolonner: ["samlingId", "organizationId", "userId"], grunn: "ids" },
  kalender_hemmelighet: { kolonner: ["userId", "hash"], grunn: "user id and the hash of the feed's secret" },
  samling_tatt_igjen: { kolonner: ["samlingId", "organizationId", "userId"], grunn: "ids (and a time)" },
  // Groups (migration 0019, ADR 0027): numbers and ids only; the groups' own notes are gruppenotat rows (seeded).
  samling_gruppering: { kolonner: ["samlingId", "organizationId"], grunn: "ids (the rest are numbers, a flag and a time)" },
  samling_gruppe_medlem: { kolonner: ["samlingId", "organizationId", "userId"], grunn: "ids (and a group number)" },
  // Ståsted (ADR 0008, 0018).
  stasted_runde: {
    kolonner: ["id", "organizationId", "teamId", "fase", "apner", "lukker", "status", "utsagn", "opprettetAv"],
    grunn: "ids, phase and status from fixed lists, calendar dates, and the statements copied from the public package when the round opened",
  },
  stasted_deltakelse: { kolonner: ["rundeId", "organizationId", "userId"], grunn: "ids: only that a person answered" },
  stasted_svarsett: { kolonner: ["id", "rundeId", "organizationId", "kvitteringHash"], grunn: "random ids and the hash of a receipt" },
  stasted_svar: { kolonner: ["svarsettId", "utsagnId"], grunn: "ids; the answer is a number" },
  stasted_resultat: { kolonner: ["rundeId", "organizationId", "utsagnId"], grunn: "ids; counts only" },
  stasted_omradetall: { kolonner: ["rundeId", "organizationId", "omradeId"], grunn: "ids and package area ids; counts only" },
  stasted_onsket: { kolonner: ["teamId", "organizationId"], grunn: "ids" },
  // Module feedback (ADR 0019).
  modul_tilbakemelding: { kolonner: ["organizationId", "modulId"], grunn: "ids; a count" },
  modul_tilbakemelding_deltakelse: { kolonner: ["organizationId", "modulId", "userId"], grunn: "ids: only that a person answered" },
  modul_tilbakemelding_svar: { kolonner: ["id", "organizationId", "modulId", "utsagnId"], grunn: "random ids and package ids; the answer is a number" },
  modul_tilbakemelding_fritekst: { kolonner: ["id", "organizationId", "modulId"], grunn: "random ids and a package module id" },
  // Reminders and the job runner (migration 0022, ADR 0031): no text anyone writes; the mail is made when it is sent.
  jobb_laas: { kolonner: ["navn", "laastAv"], grunn: "a job name from the code and the random id of the process holding the lease (and times)" },
  paaminnelse: {
    kolonner: ["id", "organizationId", "userId", "type", "objektId", "anledning", "utfall", "laastAv"],
    grunn: "ids, type and outcome from fixed lists, the occasion (a time, a date or a fixed word) and the runner's random id",
  },
  paaminnelse_av: { kolonner: ["userId", "type"], grunn: "user id and a kind of reminder from a fixed list" },
  samling_avlyst: { kolonner: ["samlingId", "organizationId", "teamId", "modulId"], grunn: "ids and a package module id (and times, numbers)" },
  // The routine for internkontroll (migration 0026, ADR 0036): the answers and the approver's name are seeded.
  internkontroll_rutine: { kolonner: ["id", "organizationId", "vedtatt", "godkjentRolle", "godkjentAv"], grunn: "ids, a calendar date and a role from a fixed list" },
  // Observation and the action repertoire (migration 0025, ADR 0035).
  observasjon_periode: { kolonner: ["id", "organizationId", "teamId", "fra", "til", "opprettetAv"], grunn: "ids and calendar dates" },
  observasjon: {
    kolonner: ["id", "organizationId", "periodeId", "forfatterId", "art", "malId", "valg"],
    grunn: "ids, the kind and the template id from the package, and the film's statement ids (package) with answers from a fixed list",
  },
  repertoar: { kolonner: ["id", "organizationId", "teamId", "niva", "status", "foreslattAv", "kilde", "endretAv"], grunn: "ids, level and status from fixed lists; kilde is ids of a group note" },
  repertoar_historikk: { kolonner: ["id", "organizationId", "oppforingId", "brukerId", "hendelse"], grunn: "ids and an event name from a fixed list" },
};

/** Column types that hold text (SQLite declares times as "date": those are not text here). */
export const TEKSTTYPER = new Set(["text", "varchar", "character varying", "json", "jsonb"]);
