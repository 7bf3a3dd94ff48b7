import type { APIRequestContext } from "@playwright/test";
import ruter from "../../app/routes.ts";
import { expect, test, type Verden } from "./fixtures.ts";
import { oktFor } from "./okt.ts";

/**
 * The authorization matrix: every route in app/routes.ts × method × role, with the expected
 * outcome. A route added to routes.ts without its rows here fails the first test. {A} is a
 * barnehage made for the run: its styrer invites an ansatt and a leder, and removes a member
 * («fjernet»); «annen» is styrer of another barnehage; «innlogget» has no barnehage; {T} is a team in A. «eier» acts for the owner {E} that A is linked
 * to, and is a member of no barnehage: the barnehage's own pages are «not found» for them too.
 * Both styrere and the eier have two-factor sign-in on; without it, see tofaktor.spec.ts.
 * {S} is a samling of team {T}; {R} is an open ståsted round for the whole of A; {I} is a staff invitation of A.
 * {P} is a practice period of {T} for observation; {O} is a repertoire proposal of A (ADR 0035).
 */
const ROLLER = ["anonym", "innlogget", "ansatt", "leder", "styrer", "annen", "fjernet", "eier"] as const;
type Rolle = (typeof ROLLER)[number];
type Utfall = number | `→${string}`; // status, or a redirect to a path
type Rad = { sti: string; eksempel: string; metode: "GET" | "POST"; forventet: Record<Rolle, Utfall>; kropp?: Record<string, string> };

/** The same outcome for every role. */
const alle = (u: Utfall): Record<Rolle, Utfall> => Object.fromEntries(ROLLER.map((r) => [r, u])) as Record<Rolle, Utfall>;
/** Signed in or not, with no difference between barnehage roles. */
const inn = (anonym: Utfall, innlogget: Utfall): Record<Rolle, Utfall> => ({ ...alle(innlogget), anonym });
/** A barnehage route: anonymous goes to sign-in, non-members (never, other barnehage, removed, the owner) get 404. */
const bh = (sti: string, m: { ansatt: Utfall; leder: Utfall; styrer: Utfall }): Record<Rolle, Utfall> => ({
  anonym: `→/logg-inn?til=${encodeURIComponent(sti)}`,
  innlogget: 404,
  annen: 404,
  fjernet: 404,
  eier: 404,
  ...m,
});
/** An owner route: anonymous goes to sign-in; only the owner's people get in, everyone else gets 404. */
const eierRute = (sti: string, eier: Utfall): Record<Rolle, Utfall> => ({ ...alle(404), anonym: `→/logg-inn?til=${encodeURIComponent(sti)}`, eier });

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
  // One address per role ({rolle}): the form allows three mails per address per quarter (ADR 0015).
  { sti: "/glemt-passord", eksempel: "/glemt-passord", metode: "POST", kropp: { epost: "ingen-{rolle}@example.no" }, forventet: alle(200) },
  { sti: "/nytt-passord", eksempel: "/nytt-passord?token=x", metode: "GET", forventet: alle(200) },
  { sti: "/nytt-passord", eksempel: "/nytt-passord?token=x", metode: "POST", kropp: { token: "x", passord: "et godt langt passord", gjentaPassord: "et godt langt passord" }, forventet: alle(400) },
  { sti: "/epost-bekreftet", eksempel: "/epost-bekreftet", metode: "GET", forventet: alle(200) },
  { sti: "/profil", eksempel: "/profil", metode: "GET", forventet: inn("→/logg-inn?til=%2Fprofil", 200) },
  { sti: "/profil", eksempel: "/profil", metode: "POST", kropp: { intent: "bytt-passord", naavaerendePassord: "feil passord!", passord: "et nytt langt passord", gjentaPassord: "et nytt langt passord" }, forventet: inn("→/logg-inn?til=%2Fprofil", 400) },
  // Own data (issue 4, point 9; ADR 0015): about oneself only, so every signed-in person alike.
  // A wrong password deletes nothing (400); the only styrer of a barnehage with members, and the only
  // person of an owner with barnehager, are stopped first (409).
  { sti: "/profil/data", eksempel: "/profil/data", metode: "GET", forventet: inn("→/logg-inn?til=%2Fprofil%2Fdata", 200) },
  { sti: "/profil/data", eksempel: "/profil/data", metode: "POST", forventet: inn("→/logg-inn?til=%2Fprofil%2Fdata", 405) },
  // The same export as a readable, printable page (issue 15).
  { sti: "/profil/mine-data", eksempel: "/profil/mine-data", metode: "GET", forventet: inn("→/logg-inn?til=%2Fprofil%2Fmine-data", 200) },
  { sti: "/profil/mine-data", eksempel: "/profil/mine-data", metode: "POST", forventet: inn("→/logg-inn?til=%2Fprofil%2Fmine-data", 405) },
  // Profile (issue 15): one's own name, with the limits of sign-up.
  { sti: "/profil", eksempel: "/profil", metode: "POST", kropp: { intent: "endre-navn", navn: "" }, forventet: inn("→/logg-inn?til=%2Fprofil", 400) },
  { sti: "/profil/slett", eksempel: "/profil/slett", metode: "GET", forventet: inn("→/logg-inn?til=%2Fprofil%2Fslett", 200) },
  {
    sti: "/profil/slett",
    eksempel: "/profil/slett",
    metode: "POST",
    kropp: { passord: "feil passord her" },
    forventet: { ...inn("→/logg-inn?til=%2Fprofil%2Fslett", 400), styrer: 409, eier: 409 },
  },
  // Reminders (ADR 0031): the form on /profil posts here (a value that is not «paa» is 400); a GET goes back to it.
  { sti: "/profil/paaminnelser", eksempel: "/profil/paaminnelser", metode: "GET", forventet: inn("→/logg-inn?til=%2Fprofil%2Fpaaminnelser", "→/profil#paaminnelser") },
  { sti: "/profil/paaminnelser", eksempel: "/profil/paaminnelser", metode: "POST", kropp: { samling: "ja" }, forventet: inn("→/logg-inn?til=%2Fprofil%2Fpaaminnelser", 400) },
  { sti: "/bli-med", eksempel: "/bli-med", metode: "GET", forventet: alle(200) },
  // An unknown, used, revoked or expired code gets one answer, 400 with the same message (ADR 0022).
  { sti: "/bli-med", eksempel: "/bli-med?kode=ZZZZZZZZ", metode: "GET", forventet: alle(400) },
  { sti: "/bli-med", eksempel: "/bli-med", metode: "POST", kropp: { intent: "bli-med", kode: "kort" }, forventet: alle(400) },
  { sti: "/start", eksempel: "/start", metode: "GET", forventet: inn("→/logg-inn?til=%2Fstart", 200) },
  { sti: "/start", eksempel: "/start", metode: "POST", forventet: inn("→/logg-inn?til=%2Fstart", 405) },
  { sti: "/barnehage/ny", eksempel: "/barnehage/ny", metode: "GET", forventet: inn("→/logg-inn?til=%2Fbarnehage%2Fny", 200) },
  { sti: "/barnehage/ny", eksempel: "/barnehage/ny", metode: "POST", kropp: { navn: "" }, forventet: inn("→/logg-inn?til=%2Fbarnehage%2Fny", 400) },
  // Editions (issue 18, ADR 0034): the editor's pages. The role is granted by an operator command
  // only, and none of these roles has it: «not found» for everyone signed in (utgaver.spec.ts signs
  // in an editor). A draft is never reachable by a public route: see utgaver.spec.ts.
  { sti: "/redaksjon", eksempel: "/redaksjon", metode: "GET", forventet: inn("→/logg-inn?til=%2Fredaksjon", 404) },
  { sti: "/redaksjon", eksempel: "/redaksjon", metode: "POST", forventet: inn("→/logg-inn?til=%2Fredaksjon", 405) },
  { sti: "/redaksjon/moduler/:slug", eksempel: "/redaksjon/moduler/tiltak", metode: "GET", forventet: inn("→/logg-inn?til=%2Fredaksjon%2Fmoduler%2Ftiltak", 404) },
  { sti: "/redaksjon/moduler/:slug", eksempel: "/redaksjon/moduler/tiltak", metode: "POST", forventet: inn("→/logg-inn?til=%2Fredaksjon%2Fmoduler%2Ftiltak", 405) },
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
  {
    sti: "/barnehage/:barnehageId",
    eksempel: "/barnehage/{A}?index",
    metode: "POST",
    // The only styrer cannot step down (400); nobody else may try (404).
    kropp: { intent: "gaa-ned" },
    forventet: bh("/barnehage/{A}?index", { ansatt: 404, leder: 404, styrer: 400 }),
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
  // Staff invitations (ADR 0029): only the styrer makes them and shows {I} on the big screen.
  {
    sti: "/barnehage/:barnehageId/invitasjoner",
    eksempel: "/barnehage/{A}/invitasjoner",
    metode: "POST",
    kropp: { intent: "opprett-personal", rolle: "ansatt", dager: "31", maksBruk: "30" },
    forventet: bh("/barnehage/{A}/invitasjoner", { ansatt: 404, leder: 404, styrer: 400 }),
  },
  {
    sti: "/barnehage/:barnehageId/invitasjoner",
    eksempel: "/barnehage/{A}/invitasjoner",
    metode: "POST",
    kropp: { intent: "send-mange", rolle: "ansatt", adresser: "ikke-en-adresse" },
    forventet: bh("/barnehage/{A}/invitasjoner", { ansatt: 404, leder: 404, styrer: 400 }),
  },
  {
    sti: "/barnehage/:barnehageId/invitasjoner/:invitasjonId/vis",
    eksempel: "/barnehage/{A}/invitasjoner/{I}/vis",
    metode: "GET",
    forventet: bh("/barnehage/{A}/invitasjoner/{I}/vis", { ansatt: 404, leder: 404, styrer: 200 }),
  },
  {
    sti: "/barnehage/:barnehageId/invitasjoner/:invitasjonId/vis",
    eksempel: "/barnehage/{A}/invitasjoner/finnes-ikke/vis",
    metode: "GET",
    forventet: bh("/barnehage/{A}/invitasjoner/finnes-ikke/vis", { ansatt: 404, leder: 404, styrer: 404 }),
  },
  {
    sti: "/barnehage/:barnehageId/invitasjoner/:invitasjonId/vis",
    eksempel: "/barnehage/{A}/invitasjoner/{I}/vis",
    metode: "POST",
    forventet: bh("/barnehage/{A}/invitasjoner/{I}/vis", { ansatt: 405, leder: 405, styrer: 405 }),
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
    forventet: bh("/barnehage/{A}/team/{T}", { ansatt: 404, leder: 404, styrer: "→/barnehage/{A}/team/{T}?lagret=navn&tid={tid}#nytt-navn" }),
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
  // Two-factor sign-in (ADR 0013): everyone signed in manages their own; the code step needs the
  // cookie from the right password (none here). The styrer has it switched on (opprettBarnehageMed).
  { sti: "/profil/tofaktor", eksempel: "/profil/tofaktor", metode: "GET", forventet: inn("→/logg-inn?til=%2Fprofil%2Ftofaktor", 200) },
  { sti: "/profil/tofaktor", eksempel: "/profil/tofaktor", metode: "POST", kropp: { intent: "start", passord: "feil passord!" }, forventet: inn("→/logg-inn?til=%2Fprofil%2Ftofaktor", 400) },
  { sti: "/profil/tofaktor", eksempel: "/profil/tofaktor", metode: "POST", kropp: { intent: "bekreft", kode: "12" }, forventet: inn("→/logg-inn?til=%2Fprofil%2Ftofaktor", 400) },
  { sti: "/logg-inn/kode", eksempel: "/logg-inn/kode", metode: "GET", forventet: inn("→/logg-inn", "→/start") },
  { sti: "/logg-inn/kode", eksempel: "/logg-inn/kode", metode: "POST", kropp: { kode: "123456" }, forventet: inn("→/logg-inn", "→/start") },
  // Owners and barnehage settings (ADR 0014): {E} is the owner A is linked to. Only the styrer
  // changes settings; the owner's people see the owner's page, and nothing of A's own pages.
  { sti: "/eier/ny", eksempel: "/eier/ny", metode: "GET", forventet: inn("→/logg-inn?til=%2Feier%2Fny", 200) },
  { sti: "/eier/ny", eksempel: "/eier/ny", metode: "POST", kropp: { navn: "" }, forventet: inn("→/logg-inn?til=%2Feier%2Fny", 400) },
  { sti: "/eier/bli-med", eksempel: "/eier/bli-med", metode: "GET", forventet: inn("→/logg-inn?til=%2Feier%2Fbli-med", 200) },
  { sti: "/eier/bli-med", eksempel: "/eier/bli-med", metode: "POST", kropp: { kode: "ZZZZZZZZ" }, forventet: inn("→/logg-inn?til=%2Feier%2Fbli-med", 400) },
  { sti: "/eier/:eierId", eksempel: "/eier/{E}", metode: "GET", forventet: eierRute("/eier/{E}", 200) },
  { sti: "/eier/:eierId", eksempel: "/eier/finnes-ikke", metode: "GET", forventet: eierRute("/eier/finnes-ikke", 404) },
  { sti: "/eier/:eierId", eksempel: "/eier/{E}?index", metode: "POST", kropp: { intent: "lag-kode", formaal: "styrer" }, forventet: eierRute("/eier/{E}?index", 400) },
  { sti: "/eier/:eierId", eksempel: "/eier/{E}?index", metode: "POST", kropp: { intent: "lag-kode", formaal: "barnehage" }, forventet: eierRute("/eier/{E}?index", 200) },
  // The owner's results (issue 4 point 5, issue 6 point 8): read-only, the owner's people only.
  { sti: "/eier/:eierId/resultater", eksempel: "/eier/{E}/resultater", metode: "GET", forventet: eierRute("/eier/{E}/resultater", 200) },
  { sti: "/eier/:eierId/resultater", eksempel: "/eier/finnes-ikke/resultater", metode: "GET", forventet: eierRute("/eier/finnes-ikke/resultater", 404) },
  { sti: "/eier/:eierId/resultater", eksempel: "/eier/{E}/resultater", metode: "POST", kropp: {}, forventet: eierRute("/eier/{E}/resultater", 405) },
  // The same report as CSV and PDF (issue 15): for all, or one of the owner's barnehager ({A}); another is «not found».
  { sti: "/eier/:eierId/resultater/csv", eksempel: "/eier/{E}/resultater/csv", metode: "GET", forventet: eierRute("/eier/{E}/resultater/csv", 200) },
  { sti: "/eier/:eierId/resultater/csv", eksempel: "/eier/{E}/resultater/csv?barnehage={A}", metode: "GET", forventet: eierRute("/eier/{E}/resultater/csv?barnehage={A}", 200) },
  { sti: "/eier/:eierId/resultater/csv", eksempel: "/eier/{E}/resultater/csv?barnehage=finnes-ikke", metode: "GET", forventet: eierRute("/eier/{E}/resultater/csv?barnehage=finnes-ikke", 404) },
  { sti: "/eier/:eierId/resultater/csv", eksempel: "/eier/{E}/resultater/csv", metode: "POST", kropp: {}, forventet: eierRute("/eier/{E}/resultater/csv", 405) },
  { sti: "/eier/:eierId/resultater/pdf", eksempel: "/eier/{E}/resultater/pdf", metode: "GET", forventet: eierRute("/eier/{E}/resultater/pdf", 200) },
  { sti: "/eier/:eierId/resultater/pdf", eksempel: "/eier/{E}/resultater/pdf?barnehage={A}", metode: "GET", forventet: eierRute("/eier/{E}/resultater/pdf?barnehage={A}", 200) },
  { sti: "/eier/:eierId/resultater/pdf", eksempel: "/eier/finnes-ikke/resultater/pdf", metode: "GET", forventet: eierRute("/eier/finnes-ikke/resultater/pdf", 404) },
  { sti: "/eier/:eierId/resultater/pdf", eksempel: "/eier/{E}/resultater/pdf", metode: "POST", kropp: {}, forventet: eierRute("/eier/{E}/resultater/pdf", 405) },
  {
    sti: "/barnehage/:barnehageId/innstillinger",
    eksempel: "/barnehage/{A}/innstillinger",
    metode: "GET",
    forventet: bh("/barnehage/{A}/innstillinger", { ansatt: 404, leder: 404, styrer: 200 }),
  },
  {
    sti: "/barnehage/:barnehageId/innstillinger",
    eksempel: "/barnehage/{A}/innstillinger",
    metode: "POST",
    kropp: { intent: "lagre", navn: "", orgnummer: "974760674" },
    forventet: bh("/barnehage/{A}/innstillinger", { ansatt: 404, leder: 404, styrer: 400 }),
  },
  {
    sti: "/barnehage/:barnehageId/innstillinger",
    eksempel: "/barnehage/{A}/innstillinger",
    metode: "POST",
    kropp: { intent: "knytt", kode: "ZZZZZZZZ" },
    forventet: bh("/barnehage/{A}/innstillinger", { ansatt: 404, leder: 404, styrer: 400 }),
  },
  {
    sti: "/barnehage/:barnehageId/innstillinger",
    eksempel: "/barnehage/{A}/innstillinger",
    metode: "POST",
    kropp: { intent: "koble-fra", eierId: "finnes-ikke" },
    forventet: bh("/barnehage/{A}/innstillinger", { ansatt: 404, leder: 404, styrer: 404 }),
  },
  // Samlinger (ADR 0016): {S} is a samling of team {T}, which the ansatt is a member of. Members of
  // the team see plan, samling page and projector; only leder and styrer plan and lead.
  { sti: "/barnehage/:barnehageId/team/:teamId/plan", eksempel: "/barnehage/{A}/team/{T}/plan", metode: "GET", forventet: bh("/barnehage/{A}/team/{T}/plan", { ansatt: 200, leder: 200, styrer: 200 }) },
  { sti: "/barnehage/:barnehageId/team/:teamId/plan", eksempel: "/barnehage/{A}/team/finnes-ikke/plan", metode: "GET", forventet: bh("/barnehage/{A}/team/finnes-ikke/plan", { ansatt: 404, leder: 404, styrer: 404 }) },
  {
    sti: "/barnehage/:barnehageId/team/:teamId/plan",
    eksempel: "/barnehage/{A}/team/{T}/plan",
    metode: "POST",
    kropp: { intent: "planlegg", dato: "i morgen", klokke: "14:00", modulId: "m0" },
    forventet: bh("/barnehage/{A}/team/{T}/plan", { ansatt: 404, leder: 400, styrer: 400 }),
  },
  {
    sti: "/barnehage/:barnehageId/team/:teamId/plan",
    eksempel: "/barnehage/{A}/team/{T}/plan",
    metode: "POST",
    kropp: { intent: "avlys", samlingId: "finnes-ikke" },
    forventet: bh("/barnehage/{A}/team/{T}/plan", { ansatt: 404, leder: 404, styrer: 404 }),
  },
  { sti: "/barnehage/:barnehageId/samling/:samlingId", eksempel: "/barnehage/{A}/samling/{S}", metode: "GET", forventet: bh("/barnehage/{A}/samling/{S}", { ansatt: 200, leder: 200, styrer: 200 }) },
  { sti: "/barnehage/:barnehageId/samling/:samlingId", eksempel: "/barnehage/{A}/samling/finnes-ikke", metode: "GET", forventet: bh("/barnehage/{A}/samling/finnes-ikke", { ansatt: 404, leder: 404, styrer: 404 }) },
  {
    sti: "/barnehage/:barnehageId/samling/:samlingId",
    eksempel: "/barnehage/{A}/samling/{S}",
    metode: "POST",
    kropp: { intent: "utproving", hva: "", hvem: "", frist: "" },
    forventet: bh("/barnehage/{A}/samling/{S}", { ansatt: 404, leder: 400, styrer: 400 }),
  },
  {
    sti: "/barnehage/:barnehageId/samling/:samlingId",
    eksempel: "/barnehage/{A}/samling/{S}",
    metode: "POST",
    kropp: { intent: "logg", utprovingId: "finnes-ikke", logg: "Det gikk fint." },
    forventet: bh("/barnehage/{A}/samling/{S}", { ansatt: 404, leder: 404, styrer: 404 }),
  },
  { sti: "/barnehage/:barnehageId/samling/:samlingId/vis", eksempel: "/barnehage/{A}/samling/{S}/vis", metode: "GET", forventet: bh("/barnehage/{A}/samling/{S}/vis", { ansatt: 200, leder: 200, styrer: 200 }) },
  { sti: "/barnehage/:barnehageId/samling/:samlingId/vis", eksempel: "/barnehage/{A}/samling/{S}/vis", metode: "POST", forventet: bh("/barnehage/{A}/samling/{S}/vis", { ansatt: 405, leder: 405, styrer: 405 }) },
  { sti: "/barnehage/:barnehageId/samling/:samlingId/leder", eksempel: "/barnehage/{A}/samling/{S}/leder", metode: "GET", forventet: bh("/barnehage/{A}/samling/{S}/leder", { ansatt: 404, leder: 200, styrer: 200 }) },
  {
    sti: "/barnehage/:barnehageId/samling/:samlingId/leder",
    eksempel: "/barnehage/{A}/samling/{S}/leder",
    metode: "POST",
    kropp: { intent: "neste", versjon: "999" },
    forventet: bh("/barnehage/{A}/samling/{S}/leder", { ansatt: 404, leder: 409, styrer: 409 }),
  },
  // Groups at a samling (ADR 0027): only leder and styrer split, open self-pick and highlight.
  { sti: "/barnehage/:barnehageId/samling/:samlingId/grupper", eksempel: "/barnehage/{A}/samling/{S}/grupper", metode: "GET", forventet: bh("/barnehage/{A}/samling/{S}/grupper", { ansatt: 404, leder: 200, styrer: 200 }) },
  {
    sti: "/barnehage/:barnehageId/samling/:samlingId/grupper",
    eksempel: "/barnehage/{A}/samling/{S}/grupper",
    metode: "POST",
    kropp: { intent: "del-automatisk", storrelse: "9" },
    forventet: bh("/barnehage/{A}/samling/{S}/grupper", { ansatt: 404, leder: 400, styrer: 400 }),
  },
  {
    sti: "/barnehage/:barnehageId/samling/:samlingId/grupper",
    eksempel: "/barnehage/{A}/samling/finnes-ikke/grupper",
    metode: "POST",
    kropp: { intent: "fremhev", gruppe: "1" },
    forventet: bh("/barnehage/{A}/samling/finnes-ikke/grupper", { ansatt: 404, leder: 404, styrer: 404 }),
  },
  { sti: "/kalender.ics", eksempel: "/kalender.ics", metode: "GET", forventet: inn("→/logg-inn?til=%2Fkalender.ics", 200) },
  { sti: "/kalender.ics", eksempel: "/kalender.ics", metode: "POST", forventet: inn("→/logg-inn?til=%2Fkalender.ics", 405) },
  { sti: "/profil/kalender", eksempel: "/profil/kalender", metode: "GET", forventet: inn("→/logg-inn?til=%2Fprofil%2Fkalender", 200) },
  { sti: "/profil/kalender", eksempel: "/profil/kalender", metode: "POST", kropp: { intent: "ukjent" }, forventet: inn("→/logg-inn?til=%2Fprofil%2Fkalender", 400) },
  { sti: "/kalender/:fil", eksempel: "/kalender/finnes-ikke.ics", metode: "GET", forventet: alle(404) },
  { sti: "/kalender/:fil", eksempel: "/kalender/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics", metode: "GET", forventet: alle(404) },
  { sti: "/kalender/:fil", eksempel: "/kalender/finnes-ikke.ics", metode: "POST", forventet: alle(405) },
  // The samling in the room (ADR 0026): the join code (signed in; a wrong code and a samling one may not see are both 404), and the projector's screen link.
  { sti: "/s", eksempel: "/s", metode: "GET", forventet: inn("→/logg-inn?til=%2Fs", 200) },
  { sti: "/s", eksempel: "/s", metode: "POST", kropp: { kode: "" }, forventet: inn("→/logg-inn?til=%2Fs", 400) },
  { sti: "/s", eksempel: "/s", metode: "POST", kropp: { kode: "ZZZZZZ" }, forventet: inn("→/logg-inn?til=%2Fs", 404) },
  { sti: "/s/:kode", eksempel: "/s/YYYYYY", metode: "GET", forventet: inn("→/logg-inn?til=%2Fs%2FYYYYYY", 404) },
  { sti: "/s/:kode", eksempel: "/s/YYYYYY", metode: "POST", forventet: inn("→/logg-inn?til=%2Fs%2FYYYYYY", 405) },
  { sti: "/skjerm/:hemmelighet", eksempel: "/skjerm/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", metode: "GET", forventet: alle(404) },
  { sti: "/skjerm/:hemmelighet", eksempel: "/skjerm/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", metode: "POST", forventet: alle(405) },
  // Notes, reflections, catch-up and progress (issue 5, ADR 0017). The ansatt is in {T}; leder and
  // styrer are not, and may open any team's work but only the team's members share into it. {S} is
  // planned, not held, so there is nothing to catch up on yet.
  { sti: "/refleksjoner", eksempel: "/refleksjoner", metode: "GET", forventet: inn("→/logg-inn?til=%2Frefleksjoner", 200) },
  { sti: "/refleksjoner", eksempel: "/refleksjoner", metode: "POST", forventet: inn("→/logg-inn?til=%2Frefleksjoner", 405) },
  {
    sti: "/barnehage/:barnehageId/team/:teamId/moduler/:slug",
    eksempel: "/barnehage/{A}/team/{T}/moduler/tiltak",
    metode: "GET",
    forventet: bh("/barnehage/{A}/team/{T}/moduler/tiltak", { ansatt: 200, leder: 200, styrer: 200 }),
  },
  {
    sti: "/barnehage/:barnehageId/team/:teamId/moduler/:slug",
    eksempel: "/barnehage/{A}/team/{T}/moduler/finnes-ikke",
    metode: "GET",
    forventet: bh("/barnehage/{A}/team/{T}/moduler/finnes-ikke", { ansatt: 404, leder: 404, styrer: 404 }),
  },
  {
    sti: "/barnehage/:barnehageId/team/:teamId/moduler/:slug",
    eksempel: "/barnehage/{A}/team/finnes-ikke/moduler/tiltak",
    metode: "GET",
    forventet: bh("/barnehage/{A}/team/finnes-ikke/moduler/tiltak", { ansatt: 404, leder: 404, styrer: 404 }),
  },
  {
    sti: "/barnehage/:barnehageId/team/:teamId/moduler/:slug",
    eksempel: "/barnehage/{A}/team/{T}/moduler/tiltak",
    metode: "POST",
    kropp: { intent: "del-refleksjon", aktivitetId: "m3-a1", tekst: "" },
    forventet: bh("/barnehage/{A}/team/{T}/moduler/tiltak", { ansatt: 400, leder: 400, styrer: 400 }),
  },
  {
    sti: "/barnehage/:barnehageId/team/:teamId/moduler/:slug",
    eksempel: "/barnehage/{A}/team/{T}/moduler/tiltak",
    metode: "POST",
    kropp: { intent: "del-refleksjon", aktivitetId: "m3-a1", tekst: "Bare teamets medlemmer deler" },
    forventet: bh("/barnehage/{A}/team/{T}/moduler/tiltak", { ansatt: "→/barnehage/{A}/team/{T}/moduler/tiltak?lagret=delt-m3-a1&tid={tid}#delt-m3-a1", leder: 404, styrer: 404 }),
  },
  // Editions (issue 18, ADR 0034): only leder and styrer move a samling in progress on to a newer
  // edition; {S} is planned, not in progress, so there is nothing to move for anyone.
  {
    sti: "/barnehage/:barnehageId/team/:teamId/moduler/:slug",
    eksempel: "/barnehage/{A}/team/{T}/moduler/tiltak",
    metode: "POST",
    kropp: { intent: "bytt-utgave", samlingId: "{S}" },
    forventet: bh("/barnehage/{A}/team/{T}/moduler/tiltak", { ansatt: 404, leder: 404, styrer: 404 }),
  },
  {
    sti: "/barnehage/:barnehageId/samling/:samlingId/notat/:aktivitetId",
    eksempel: "/barnehage/{A}/samling/{S}/notat/m0-a1",
    metode: "GET",
    forventet: bh("/barnehage/{A}/samling/{S}/notat/m0-a1", { ansatt: 200, leder: 200, styrer: 200 }),
  },
  {
    sti: "/barnehage/:barnehageId/samling/:samlingId/notat/:aktivitetId",
    eksempel: "/barnehage/{A}/samling/{S}/notat/m0-a1",
    metode: "POST",
    kropp: { tekst: "x", versjon: "99" },
    forventet: bh("/barnehage/{A}/samling/{S}/notat/m0-a1", { ansatt: 409, leder: 409, styrer: 409 }),
  },
  {
    sti: "/barnehage/:barnehageId/samling/:samlingId/notat/:aktivitetId",
    eksempel: "/barnehage/{A}/samling/finnes-ikke/notat/m3-a1",
    metode: "GET",
    forventet: bh("/barnehage/{A}/samling/finnes-ikke/notat/m3-a1", { ansatt: 404, leder: 404, styrer: 404 }),
  },
  {
    sti: "/barnehage/:barnehageId/samling/:samlingId/notat/:aktivitetId",
    eksempel: "/barnehage/{A}/samling/finnes-ikke/notat/m3-a1",
    metode: "POST",
    kropp: { tekst: "x", versjon: "0" },
    forventet: bh("/barnehage/{A}/samling/finnes-ikke/notat/m3-a1", { ansatt: 404, leder: 404, styrer: 404 }),
  },
  {
    sti: "/barnehage/:barnehageId/samling/:samlingId/ta-igjen",
    eksempel: "/barnehage/{A}/samling/{S}/ta-igjen",
    metode: "GET",
    forventet: bh("/barnehage/{A}/samling/{S}/ta-igjen", { ansatt: 404, leder: 404, styrer: 404 }),
  },
  {
    sti: "/barnehage/:barnehageId/samling/:samlingId/ta-igjen",
    eksempel: "/barnehage/{A}/samling/finnes-ikke/ta-igjen",
    metode: "POST",
    kropp: { intent: "tatt-igjen" },
    forventet: bh("/barnehage/{A}/samling/finnes-ikke/ta-igjen", { ansatt: 404, leder: 404, styrer: 404 }),
  },
  { sti: "/barnehage/:barnehageId/fremdrift", eksempel: "/barnehage/{A}/fremdrift", metode: "GET", forventet: bh("/barnehage/{A}/fremdrift", { ansatt: 404, leder: 200, styrer: 200 }) },
  { sti: "/barnehage/:barnehageId/fremdrift", eksempel: "/barnehage/{A}/fremdrift", metode: "POST", forventet: bh("/barnehage/{A}/fremdrift", { ansatt: 405, leder: 405, styrer: 405 }) },
  // Ståsted (issue 6, ADR 0008): every member sees rounds and results; leder and styrer open and close
  // rounds; {R} is an open round for the whole barnehage (so no results and no PDF yet). The team's
  // «hvor vil vi?» is written by its members, leder and styrer (the ansatt here is not in {T}).
  { sti: "/barnehage/:barnehageId/stasted", eksempel: "/barnehage/{A}/stasted", metode: "GET", forventet: bh("/barnehage/{A}/stasted", { ansatt: 200, leder: 200, styrer: 200 }) },
  {
    sti: "/barnehage/:barnehageId/stasted",
    eksempel: "/barnehage/{A}/stasted",
    metode: "POST",
    kropp: { intent: "opprett", fase: "for", malgruppe: "alle", apner: "", lukker: "" },
    forventet: bh("/barnehage/{A}/stasted", { ansatt: 404, leder: 400, styrer: 400 }),
  },
  { sti: "/barnehage/:barnehageId/stasted/:rundeId", eksempel: "/barnehage/{A}/stasted/{R}", metode: "GET", forventet: bh("/barnehage/{A}/stasted/{R}", { ansatt: 200, leder: 200, styrer: 200 }) },
  { sti: "/barnehage/:barnehageId/stasted/:rundeId", eksempel: "/barnehage/{A}/stasted/finnes-ikke", metode: "GET", forventet: bh("/barnehage/{A}/stasted/finnes-ikke", { ansatt: 404, leder: 404, styrer: 404 }) },
  {
    sti: "/barnehage/:barnehageId/stasted/:rundeId",
    eksempel: "/barnehage/{A}/stasted/{R}",
    metode: "POST",
    kropp: { intent: "trekk", kvittering: "" },
    forventet: bh("/barnehage/{A}/stasted/{R}", { ansatt: 400, leder: 400, styrer: 400 }),
  },
  {
    sti: "/barnehage/:barnehageId/stasted/:rundeId",
    eksempel: "/barnehage/{A}/stasted/{R}",
    metode: "POST",
    kropp: { intent: "trekk", kvittering: "AAAA-AAAA-AAAA-AAAA" },
    forventet: bh("/barnehage/{A}/stasted/{R}", { ansatt: 400, leder: 400, styrer: 400 }),
  },
  {
    sti: "/barnehage/:barnehageId/stasted/:rundeId",
    eksempel: "/barnehage/{A}/stasted/finnes-ikke",
    metode: "POST",
    kropp: { intent: "lukk" },
    forventet: bh("/barnehage/{A}/stasted/finnes-ikke", { ansatt: 404, leder: 404, styrer: 404 }),
  },
  { sti: "/barnehage/:barnehageId/stasted/:rundeId/pdf", eksempel: "/barnehage/{A}/stasted/{R}/pdf", metode: "GET", forventet: bh("/barnehage/{A}/stasted/{R}/pdf", { ansatt: 404, leder: 404, styrer: 404 }) },
  { sti: "/barnehage/:barnehageId/stasted/:rundeId/pdf", eksempel: "/barnehage/{A}/stasted/{R}/pdf", metode: "POST", forventet: bh("/barnehage/{A}/stasted/{R}/pdf", { ansatt: 405, leder: 405, styrer: 405 }) },
  { sti: "/barnehage/:barnehageId/stasted/sammenlign", eksempel: "/barnehage/{A}/stasted/sammenlign", metode: "GET", forventet: bh("/barnehage/{A}/stasted/sammenlign", { ansatt: 404, leder: 404, styrer: 404 }) },
  { sti: "/barnehage/:barnehageId/stasted/sammenlign", eksempel: "/barnehage/{A}/stasted/sammenlign", metode: "POST", forventet: bh("/barnehage/{A}/stasted/sammenlign", { ansatt: 405, leder: 405, styrer: 405 }) },
  { sti: "/barnehage/:barnehageId/stasted/sammenlign/pdf", eksempel: "/barnehage/{A}/stasted/sammenlign/pdf", metode: "GET", forventet: bh("/barnehage/{A}/stasted/sammenlign/pdf", { ansatt: 404, leder: 404, styrer: 404 }) },
  { sti: "/barnehage/:barnehageId/stasted/sammenlign/pdf", eksempel: "/barnehage/{A}/stasted/sammenlign/pdf", metode: "POST", forventet: bh("/barnehage/{A}/stasted/sammenlign/pdf", { ansatt: 405, leder: 405, styrer: 405 }) },
  { sti: "/barnehage/:barnehageId/stasted/team/:teamId", eksempel: "/barnehage/{A}/stasted/team/{T}", metode: "GET", forventet: bh("/barnehage/{A}/stasted/team/{T}", { ansatt: 200, leder: 200, styrer: 200 }) },
  { sti: "/barnehage/:barnehageId/stasted/team/:teamId", eksempel: "/barnehage/{A}/stasted/team/finnes-ikke", metode: "GET", forventet: bh("/barnehage/{A}/stasted/team/finnes-ikke", { ansatt: 404, leder: 404, styrer: 404 }) },
  {
    sti: "/barnehage/:barnehageId/stasted/team/:teamId",
    eksempel: "/barnehage/{A}/stasted/team/{T}",
    metode: "POST",
    kropp: { tekst: "" },
    // The team's own members write «hvor vil vi?» (the ansatt is in {T}), and so do leder and styrer.
    forventet: bh("/barnehage/{A}/stasted/team/{T}", { ansatt: 400, leder: 400, styrer: 400 }),
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
  // Observation (issue 14, ADR 0035): {P} is a practice period of team {T} (the ansatt is in it; leder
  // and styrer are not). Members of the team write their own observations; leder and styrer open the
  // period (shared observations only) and start and delete periods.
  { sti: "/barnehage/:barnehageId/team/:teamId/observasjon", eksempel: "/barnehage/{A}/team/{T}/observasjon", metode: "GET", forventet: bh("/barnehage/{A}/team/{T}/observasjon", { ansatt: 200, leder: 200, styrer: 200 }) },
  {
    sti: "/barnehage/:barnehageId/team/:teamId/observasjon",
    eksempel: "/barnehage/{A}/team/{T}/observasjon",
    metode: "POST",
    kropp: { intent: "ny-periode", fra: "x", til: "" },
    forventet: bh("/barnehage/{A}/team/{T}/observasjon", { ansatt: 404, leder: 400, styrer: 400 }),
  },
  { sti: "/barnehage/:barnehageId/observasjon/:periodeId", eksempel: "/barnehage/{A}/observasjon/{P}", metode: "GET", forventet: bh("/barnehage/{A}/observasjon/{P}", { ansatt: 200, leder: 200, styrer: 200 }) },
  { sti: "/barnehage/:barnehageId/observasjon/:periodeId", eksempel: "/barnehage/finnes-ikke/observasjon/{P}", metode: "GET", forventet: { ...bh("/barnehage/finnes-ikke/observasjon/{P}", { ansatt: 404, leder: 404, styrer: 404 }) } },
  {
    sti: "/barnehage/:barnehageId/observasjon/:periodeId",
    eksempel: "/barnehage/{A}/observasjon/{P}",
    metode: "POST",
    kropp: { intent: "del", id: "finnes-ikke" },
    forventet: bh("/barnehage/{A}/observasjon/{P}", { ansatt: 404, leder: 404, styrer: 404 }),
  },
  {
    sti: "/barnehage/:barnehageId/observasjon/:periodeId",
    eksempel: "/barnehage/{A}/observasjon/{P}",
    metode: "POST",
    kropp: { intent: "ukjent" },
    forventet: bh("/barnehage/{A}/observasjon/{P}", { ansatt: 400, leder: 400, styrer: 400 }),
  },
  {
    sti: "/barnehage/:barnehageId/observasjon/:periodeId/skriv",
    eksempel: "/barnehage/{A}/observasjon/{P}/skriv?mal=lek-ute",
    metode: "GET",
    forventet: bh("/barnehage/{A}/observasjon/{P}/skriv?mal=lek-ute", { ansatt: 200, leder: 404, styrer: 404 }),
  },
  {
    sti: "/barnehage/:barnehageId/observasjon/:periodeId/skriv",
    eksempel: "/barnehage/{A}/observasjon/{P}/skriv?mal=finnes-ikke",
    metode: "GET",
    forventet: bh("/barnehage/{A}/observasjon/{P}/skriv?mal=finnes-ikke", { ansatt: 404, leder: 404, styrer: 404 }),
  },
  {
    sti: "/barnehage/:barnehageId/observasjon/:periodeId/skriv",
    eksempel: "/barnehage/{A}/observasjon/{P}/skriv?mal=lek-ute",
    metode: "POST",
    kropp: { malId: "lek-ute", naar: "", sted: "", situasjon: "" },
    forventet: bh("/barnehage/{A}/observasjon/{P}/skriv?mal=lek-ute", { ansatt: 400, leder: 404, styrer: 404 }),
  },
  {
    sti: "/barnehage/:barnehageId/observasjon/:periodeId/kalibrering",
    eksempel: "/barnehage/{A}/observasjon/{P}/kalibrering",
    metode: "GET",
    forventet: bh("/barnehage/{A}/observasjon/{P}/kalibrering", { ansatt: 200, leder: 200, styrer: 200 }),
  },
  {
    sti: "/barnehage/:barnehageId/observasjon/:periodeId/kalibrering",
    eksempel: "/barnehage/{A}/observasjon/{P}/kalibrering",
    metode: "POST",
    forventet: bh("/barnehage/{A}/observasjon/{P}/kalibrering", { ansatt: 405, leder: 405, styrer: 405 }),
  },
  // The action repertoire (ADR 0035): every member sees it and proposes; leder and styrer agree, edit
  // and delete. {O} is a proposal the ansatt made.
  { sti: "/barnehage/:barnehageId/repertoar", eksempel: "/barnehage/{A}/repertoar", metode: "GET", forventet: bh("/barnehage/{A}/repertoar", { ansatt: 200, leder: 200, styrer: 200 }) },
  { sti: "/barnehage/:barnehageId/repertoar", eksempel: "/barnehage/{A}/repertoar", metode: "POST", forventet: bh("/barnehage/{A}/repertoar", { ansatt: 405, leder: 405, styrer: 405 }) },
  { sti: "/barnehage/:barnehageId/repertoar/ny", eksempel: "/barnehage/{A}/repertoar/ny", metode: "GET", forventet: bh("/barnehage/{A}/repertoar/ny", { ansatt: 200, leder: 200, styrer: 200 }) },
  {
    sti: "/barnehage/:barnehageId/repertoar/ny",
    eksempel: "/barnehage/{A}/repertoar/ny?samling={S}&aktivitet=m0-a1",
    metode: "GET",
    forventet: bh("/barnehage/{A}/repertoar/ny?samling={S}&aktivitet=m0-a1", { ansatt: 404, leder: 404, styrer: 404 }),
  },
  {
    sti: "/barnehage/:barnehageId/repertoar/ny",
    eksempel: "/barnehage/{A}/repertoar/ny",
    metode: "POST",
    kropp: { situasjon: "", handling: "", hvem: "", hvorfor: "", niva: "x" },
    forventet: bh("/barnehage/{A}/repertoar/ny", { ansatt: 400, leder: 400, styrer: 400 }),
  },
  { sti: "/barnehage/:barnehageId/repertoar/plakat", eksempel: "/barnehage/{A}/repertoar/plakat?format=a3", metode: "GET", forventet: bh("/barnehage/{A}/repertoar/plakat?format=a3", { ansatt: 200, leder: 200, styrer: 200 }) },
  { sti: "/barnehage/:barnehageId/repertoar/plakat", eksempel: "/barnehage/{A}/repertoar/plakat", metode: "POST", forventet: bh("/barnehage/{A}/repertoar/plakat", { ansatt: 405, leder: 405, styrer: 405 }) },
  {
    sti: "/barnehage/:barnehageId/repertoar/plakat/pdf",
    eksempel: "/barnehage/{A}/repertoar/plakat/pdf?spraak=nn",
    metode: "GET",
    forventet: bh("/barnehage/{A}/repertoar/plakat/pdf?spraak=nn", { ansatt: 200, leder: 200, styrer: 200 }),
  },
  { sti: "/barnehage/:barnehageId/repertoar/plakat/pdf", eksempel: "/barnehage/{A}/repertoar/plakat/pdf", metode: "POST", forventet: bh("/barnehage/{A}/repertoar/plakat/pdf", { ansatt: 405, leder: 405, styrer: 405 }) },
  { sti: "/barnehage/:barnehageId/repertoar/:oppforingId", eksempel: "/barnehage/{A}/repertoar/{O}", metode: "GET", forventet: bh("/barnehage/{A}/repertoar/{O}", { ansatt: 200, leder: 200, styrer: 200 }) },
  { sti: "/barnehage/:barnehageId/repertoar/:oppforingId", eksempel: "/barnehage/{A}/repertoar/finnes-ikke", metode: "GET", forventet: bh("/barnehage/{A}/repertoar/finnes-ikke", { ansatt: 404, leder: 404, styrer: 404 }) },
  {
    sti: "/barnehage/:barnehageId/repertoar/:oppforingId",
    eksempel: "/barnehage/{A}/repertoar/{O}",
    metode: "POST",
    kropp: { intent: "vedta", versjon: "99" },
    forventet: bh("/barnehage/{A}/repertoar/{O}", { ansatt: 404, leder: 409, styrer: 409 }),
  },
  {
    sti: "/barnehage/:barnehageId/repertoar/:oppforingId",
    eksempel: "/barnehage/{A}/repertoar/{O}",
    metode: "POST",
    kropp: { intent: "endre", versjon: "1", situasjon: "" },
    forventet: bh("/barnehage/{A}/repertoar/{O}", { ansatt: 400, leder: 400, styrer: 400 }),
  },
  { sti: "/maalform", eksempel: "/maalform", metode: "GET", forventet: alle("→/") },
  { sti: "/maalform", eksempel: "/maalform", metode: "POST", kropp: { maalform: "nn", til: "/pakke" }, forventet: alle("→/pakke") },
  { sti: "/helse", eksempel: "/helse", metode: "GET", forventet: alle(200) },
  // Better Auth over HTTP is an allow-list (ADR 0021): the OIDC callback and the mail's verify link only.
  { sti: "/api/auth/*", eksempel: "/api/auth/get-session", metode: "GET", forventet: alle(404) },
  { sti: "/api/auth/*", eksempel: "/api/auth/sign-in/email", metode: "POST", kropp: { email: "x@example.no", password: "et langt passord" }, forventet: alle(404) },
  { sti: "/api/auth/*", eksempel: "/api/auth/update-user", metode: "POST", kropp: { name: "Nytt navn" }, forventet: alle(404) },
  { sti: "/api/auth/*", eksempel: "/api/auth/list-sessions", metode: "GET", forventet: alle(404) },
  // Better Auth's organization endpoints are closed over HTTP: barnehage data only through our pages.
  { sti: "/api/auth/*", eksempel: "/api/auth/organization/list", metode: "GET", forventet: alle(404) },
  { sti: "/api/auth/*", eksempel: "/api/auth/organization/get-full-organization", metode: "GET", forventet: alle(404) },
  { sti: "/*", eksempel: "/finnes/ikke", metode: "GET", forventet: alle(404) },
  // Issue 14, points 3–5 (ADR 0036, 0037): plan practice (every member; nothing is stored, the real
  // plan never reaches the server), the routine for internkontroll (members read, the styrer adopts;
  // the owner reads its barnehager's), and the print packs (the leader pack with the facilitator
  // answers for leder and styrer; the handouts for every member). {A} has routine version 1.
  { sti: "/barnehage/:barnehageId/planovelse", eksempel: "/barnehage/{A}/planovelse", metode: "GET", forventet: bh("/barnehage/{A}/planovelse", { ansatt: 200, leder: 200, styrer: 200 }) },
  { sti: "/barnehage/:barnehageId/planovelse", eksempel: "/barnehage/{A}/planovelse", metode: "POST", forventet: bh("/barnehage/{A}/planovelse", { ansatt: 405, leder: 405, styrer: 405 }) },
  { sti: "/barnehage/:barnehageId/planovelse/ekte-plan", eksempel: "/barnehage/{A}/planovelse/ekte-plan", metode: "GET", forventet: bh("/barnehage/{A}/planovelse/ekte-plan", { ansatt: 200, leder: 200, styrer: 200 }) },
  { sti: "/barnehage/:barnehageId/planovelse/ekte-plan", eksempel: "/barnehage/{A}/planovelse/ekte-plan", metode: "POST", kropp: { problem: "x" }, forventet: bh("/barnehage/{A}/planovelse/ekte-plan", { ansatt: 405, leder: 405, styrer: 405 }) },
  { sti: "/barnehage/:barnehageId/planovelse/:sakId", eksempel: "/barnehage/{A}/planovelse/amal", metode: "GET", forventet: bh("/barnehage/{A}/planovelse/amal", { ansatt: 200, leder: 200, styrer: 200 }) },
  { sti: "/barnehage/:barnehageId/planovelse/:sakId", eksempel: "/barnehage/{A}/planovelse/finnes-ikke", metode: "GET", forventet: bh("/barnehage/{A}/planovelse/finnes-ikke", { ansatt: 404, leder: 404, styrer: 404 }) },
  { sti: "/barnehage/:barnehageId/planovelse/:sakId", eksempel: "/barnehage/{A}/planovelse/ella", metode: "POST", kropp: { problem: "Ella er sjenert", "tiltak-1": "Språkgruppe" }, forventet: bh("/barnehage/{A}/planovelse/ella", { ansatt: 200, leder: 200, styrer: 200 }) },
  { sti: "/barnehage/:barnehageId/rutine", eksempel: "/barnehage/{A}/rutine", metode: "GET", forventet: bh("/barnehage/{A}/rutine", { ansatt: 200, leder: 200, styrer: 200 }) },
  { sti: "/barnehage/:barnehageId/rutine", eksempel: "/barnehage/{A}/rutine", metode: "POST", kropp: { meldeTil: "" }, forventet: bh("/barnehage/{A}/rutine", { ansatt: 404, leder: 404, styrer: 400 }) },
  { sti: "/barnehage/:barnehageId/rutine/:versjon", eksempel: "/barnehage/{A}/rutine/1", metode: "GET", forventet: bh("/barnehage/{A}/rutine/1", { ansatt: 200, leder: 200, styrer: 200 }) },
  { sti: "/barnehage/:barnehageId/rutine/:versjon", eksempel: "/barnehage/{A}/rutine/99", metode: "GET", forventet: bh("/barnehage/{A}/rutine/99", { ansatt: 404, leder: 404, styrer: 404 }) },
  { sti: "/barnehage/:barnehageId/rutine/:versjon", eksempel: "/barnehage/{A}/rutine/x", metode: "GET", forventet: bh("/barnehage/{A}/rutine/x", { ansatt: 404, leder: 404, styrer: 404 }) },
  { sti: "/barnehage/:barnehageId/rutine/:versjon", eksempel: "/barnehage/{A}/rutine/1", metode: "POST", forventet: bh("/barnehage/{A}/rutine/1", { ansatt: 405, leder: 405, styrer: 405 }) },
  { sti: "/barnehage/:barnehageId/rutine/:versjon/pdf", eksempel: "/barnehage/{A}/rutine/1/pdf", metode: "GET", forventet: bh("/barnehage/{A}/rutine/1/pdf", { ansatt: 200, leder: 200, styrer: 200 }) },
  { sti: "/barnehage/:barnehageId/rutine/:versjon/pdf", eksempel: "/barnehage/{A}/rutine/1/pdf", metode: "POST", forventet: bh("/barnehage/{A}/rutine/1/pdf", { ansatt: 405, leder: 405, styrer: 405 }) },
  { sti: "/barnehage/:barnehageId/moduler/:slug/lederpakke", eksempel: "/barnehage/{A}/moduler/tiltak/lederpakke", metode: "GET", forventet: bh("/barnehage/{A}/moduler/tiltak/lederpakke", { ansatt: 404, leder: 200, styrer: 200 }) },
  { sti: "/barnehage/:barnehageId/moduler/:slug/lederpakke", eksempel: "/barnehage/{A}/moduler/finnes-ikke/lederpakke", metode: "GET", forventet: bh("/barnehage/{A}/moduler/finnes-ikke/lederpakke", { ansatt: 404, leder: 404, styrer: 404 }) },
  { sti: "/barnehage/:barnehageId/moduler/:slug/lederpakke", eksempel: "/barnehage/{A}/moduler/tiltak/lederpakke", metode: "POST", forventet: bh("/barnehage/{A}/moduler/tiltak/lederpakke", { ansatt: 405, leder: 405, styrer: 405 }) },
  { sti: "/barnehage/:barnehageId/moduler/:slug/lederpakke/pdf", eksempel: "/barnehage/{A}/moduler/tiltak/lederpakke/pdf", metode: "GET", forventet: bh("/barnehage/{A}/moduler/tiltak/lederpakke/pdf", { ansatt: 404, leder: 200, styrer: 200 }) },
  { sti: "/barnehage/:barnehageId/moduler/:slug/lederpakke/pdf", eksempel: "/barnehage/{A}/moduler/tiltak/lederpakke/pdf", metode: "POST", forventet: bh("/barnehage/{A}/moduler/tiltak/lederpakke/pdf", { ansatt: 405, leder: 405, styrer: 405 }) },
  { sti: "/barnehage/:barnehageId/moduler/:slug/samlingspakke", eksempel: "/barnehage/{A}/moduler/tiltak/samlingspakke?grupper=2", metode: "GET", forventet: bh("/barnehage/{A}/moduler/tiltak/samlingspakke?grupper=2", { ansatt: 200, leder: 200, styrer: 200 }) },
  { sti: "/barnehage/:barnehageId/moduler/:slug/samlingspakke", eksempel: "/barnehage/{A}/moduler/tiltak/samlingspakke?grupper=99", metode: "GET", forventet: bh("/barnehage/{A}/moduler/tiltak/samlingspakke?grupper=99", { ansatt: 404, leder: 404, styrer: 404 }) },
  { sti: "/barnehage/:barnehageId/moduler/:slug/samlingspakke", eksempel: "/barnehage/{A}/moduler/tiltak/samlingspakke", metode: "POST", forventet: bh("/barnehage/{A}/moduler/tiltak/samlingspakke", { ansatt: 405, leder: 405, styrer: 405 }) },
  { sti: "/barnehage/:barnehageId/moduler/:slug/samlingspakke/pdf", eksempel: "/barnehage/{A}/moduler/tiltak/samlingspakke/pdf", metode: "GET", forventet: bh("/barnehage/{A}/moduler/tiltak/samlingspakke/pdf", { ansatt: 200, leder: 200, styrer: 200 }) },
  { sti: "/barnehage/:barnehageId/moduler/:slug/samlingspakke/pdf", eksempel: "/barnehage/{A}/moduler/tiltak/samlingspakke/pdf", metode: "POST", forventet: bh("/barnehage/{A}/moduler/tiltak/samlingspakke/pdf", { ansatt: 405, leder: 405, styrer: 405 }) },
  { sti: "/eier/:eierId/rutiner", eksempel: "/eier/{E}/rutiner", metode: "GET", forventet: eierRute("/eier/{E}/rutiner", 200) },
  { sti: "/eier/:eierId/rutiner", eksempel: "/eier/{E}/rutiner", metode: "POST", kropp: {}, forventet: eierRute("/eier/{E}/rutiner", 405) },
  { sti: "/eier/:eierId/rutiner/:barnehageId", eksempel: "/eier/{E}/rutiner/{A}", metode: "GET", forventet: eierRute("/eier/{E}/rutiner/{A}", 200) },
  { sti: "/eier/:eierId/rutiner/:barnehageId", eksempel: "/eier/{E}/rutiner/finnes-ikke", metode: "GET", forventet: eierRute("/eier/{E}/rutiner/finnes-ikke", 404) },
  { sti: "/eier/:eierId/rutiner/:barnehageId", eksempel: "/eier/{E}/rutiner/{A}", metode: "POST", kropp: {}, forventet: eierRute("/eier/{E}/rutiner/{A}", 405) },
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

/** The ids the rows name as {A}, {T}, {E}, {S} …, and a client for every signed-in role. */
type Klienter = { ider: Record<string, string>; klient: Record<Exclude<Rolle, "anonym">, APIRequestContext> };
let oppsett: Promise<Klienter> | undefined;
/** The people of the matrix: one world per worker, shared by the role tests, closed after them. */
let matriseverden: Verden | undefined;
test.afterAll(async () => {
  await matriseverden?.lukk();
});

/**
 * One barnehage A with a person in every role, made once per worker with the test fixture (people,
 * barnehager, invitations, the owner); the removal, team, samling and round through the app's forms.
 */
function lagOppsett(verden: Verden, baseURL: string): Promise<Klienter> {
  oppsett ??= (async () => {
    await verden.person("Matrise Innlogget");
    const bhA = await verden.barnehage({ navn: "Matrise A", styrer: "Matrise Styrer", ansatte: ["Matrise Ansatt", "Matrise Fjernet"], ledere: ["Matrise Leder"] });
    await verden.barnehage({ navn: "Matrise B", styrer: "Matrise Annen" });
    const a = bhA.barnehageId;
    const [innlogget, styrer, annen, ansatt, leder, fjernet] = [
      await verden.klientSom("Matrise Innlogget"),
      await verden.klientSom("Matrise Styrer"),
      await verden.klientSom("Matrise Annen"),
      await verden.klientSom("Matrise Ansatt"),
      await verden.klientSom("Matrise Leder"),
      await verden.klientSom("Matrise Fjernet"),
    ];
    const { user } = (await oktFor(fjernet)) as { user: { id: string } };
    const r = await styrer.post(`/barnehage/${a}?index`, { form: { intent: "fjern", brukerId: user.id }, headers: { Origin: baseURL }, maxRedirects: 0 });
    expect(r.status()).toBe(302);
    const nyttTeam = await styrer.post(`/barnehage/${a}/team`, { form: { intent: "opprett", navn: "Matriseteamet" }, headers: { Origin: baseURL }, maxRedirects: 0 });
    expect(nyttTeam.status()).toBe(302);
    const team = /\/team\/([^/?]+)$/.exec(nyttTeam.headers()["location"]!)![1]!;
    // Owners: {E} is the owner A is linked to.
    const { eierId: eier } = await verden.eier({ navn: "Matrise kommune", person: "Matrise Eier", barnehager: [bhA] });
    const eierKlient = await verden.klientSom("Matrise Eier");
    // Samlinger: the ansatt joins the team, and the styrer plans a samling {S} for it.
    const ansattId = ((await oktFor(ansatt)) as { user: { id: string } }).user.id;
    const medIteam = await styrer.post(`/barnehage/${a}/team/${team}`, { form: { intent: "legg-til", brukerId: ansattId }, headers: { Origin: baseURL }, maxRedirects: 0 });
    expect(medIteam.status()).toBe(302);
    const planlagt = await styrer.post(`/barnehage/${a}/team/${team}/plan`, { form: { intent: "planlegg", dato: "2030-05-02", klokke: "14:00", modulId: "m0", varighet: "" }, headers: { Origin: baseURL }, maxRedirects: 0 });
    expect(planlagt.status()).toBe(302);
    const samling = /\/samling\/([0-9a-f-]{36})/.exec(await (await styrer.get(`/barnehage/${a}/team/${team}/plan`)).text())![1]!;
    // Ståsted: an open round {R} for the whole barnehage.
    const nyRunde = await styrer.post(`/barnehage/${a}/stasted`, {
      form: { intent: "opprett", fase: "for", malgruppe: "alle", apner: "2026-01-01", lukker: "2099-12-31" },
      headers: { Origin: baseURL },
      maxRedirects: 0,
    });
    expect(nyRunde.status()).toBe(302);
    const runde = /\/stasted\/([^/?]+)$/.exec(nyRunde.headers()["location"]!)![1]!;
    // A staff invitation {I} (ADR 0029).
    const personal = await styrer.post(`/barnehage/${a}/invitasjoner`, { form: { intent: "opprett-personal", rolle: "ansatt", dager: "7", maksBruk: "30" }, headers: { Origin: baseURL }, maxRedirects: 0 });
    expect(personal.status()).toBe(302);
    const invitasjon = /#personal-([^/?#]+)$/.exec(personal.headers()["location"]!)![1]!;
    // The routine for internkontroll (issue 14): version 1, adopted by the styrer, for the owner to read.
    const rutine = await styrer.post(`/barnehage/${a}/rutine`, {
      form: { meldeTil: "Styreren", meldeFrist: "Samme dag", undersokerHvem: "Pedagogisk leder", undersokerHvordan: "Observasjon", planSkriver: "Pedagogisk leder", arkiv: "Eierens arkiv", ledelsen: "Oppvekstsjefen", opplaering: "Første dag", vedtatt: "2026-12-07" },
      headers: { Origin: baseURL },
      maxRedirects: 0,
    });
    expect(rutine.status()).toBe(302);
    // Observation (ADR 0035): a practice period {P} of the team, and a repertoire proposal {O} by the ansatt.
    const nyPeriode = await styrer.post(`/barnehage/${a}/team/${team}/observasjon`, { form: { intent: "ny-periode", fra: "2030-01-01", til: "2030-01-31" }, headers: { Origin: baseURL }, maxRedirects: 0 });
    expect(nyPeriode.status()).toBe(302);
    const periode = /\/observasjon\/([^/?]+)$/.exec(nyPeriode.headers()["location"]!)![1]!;
    const forslag = await ansatt.post(`/barnehage/${a}/repertoar/ny`, {
      form: { situasjon: "at et barn står alene", handling: "går vi bort", hvem: "Den som ser det", hvorfor: "Slik at barnet blir med", niva: "gruppe" },
      headers: { Origin: baseURL },
      maxRedirects: 0,
    });
    expect(forslag.status()).toBe(302);
    const oppforing = /\/repertoar\/([^/?]+)\?/.exec(forslag.headers()["location"]!)![1]!;
    return { ider: { A: a, T: team, E: eier, S: samling, R: runde, I: invitasjon, P: periode, O: oppforing }, klient: { innlogget, styrer, annen, ansatt, leder, fjernet, eier: eierKlient } };
  })();
  return oppsett;
}

/** The routes the fast path answers (ADR 0033, app/hurtigsti.server.ts). */
const HURTIGSTI_RUTER = ["/barnehage/:barnehageId/team/:teamId/moduler/:slug", "/start"];

for (const rolle of ROLLER) {
  test(`autorisasjonsmatrisen for ${rolle}`, async ({ playwright, baseURL, nyVerden }) => {
    // The first role's test also builds the world (people, team, samling, round, invitation, routine),
    // and the matrix has 200+ rows: more than the default minute on a shared, busy machine.
    test.setTimeout(180_000);
    const { ider, klient: klienter } = await lagOppsett((matriseverden ??= nyVerden()), baseURL!);
    const klient: APIRequestContext = rolle === "anonym" ? await playwright.request.newContext({ baseURL }) : klienter[rolle];
    for (const rad of MATRISE) {
      const fyll = (x: string) =>
        Object.entries(ider).reduce((t, [navn, id]) => t.replaceAll(`{${navn}}`, id).replaceAll(encodeURIComponent(`{${navn}}`), id), x);
      const eksempel = fyll(rad.eksempel);
      const forventet = rad.forventet[rolle];
      // The fast path (ADR 0033) answers a page only once React Router has rendered it for the same
      // state: its routes are asked twice, so the second answer is the fast path's when it has one.
      for (const gang of rad.metode === "GET" && HURTIGSTI_RUTER.includes(rad.sti) ? [1, 2] : [1]) {
        const svar =
          rad.metode === "GET"
            ? await klient.get(eksempel, { maxRedirects: 0 })
            : await klient.post(eksempel, { form: Object.fromEntries(Object.entries(rad.kropp ?? {}).map(([k, v]) => [k, fyll(v).replaceAll("{rolle}", rolle)])), headers: { Origin: baseURL! }, maxRedirects: 0 });
        const beskrivelse = `${rad.metode} ${rad.eksempel} som ${rolle}${gang === 2 ? " (andre gang)" : ""}`;
        if (typeof forventet === "number") expect(svar.status(), beskrivelse).toBe(forventet);
        else {
          expect([301, 302, 303, 307, 308], beskrivelse).toContain(svar.status());
          // «Lagret kl.» (issue 15): the redirect after a save carries the time it was saved (?tid=).
          expect(svar.headers()["location"]?.replace(/([?&])tid=\d+/, "$1tid={tid}"), beskrivelse).toBe(fyll(forventet.slice(1)));
        }
        if (gang === 2 && svar.status() === 200 && process.env.HURTIGSTI !== "av") expect(svar.headers()["x-samla-hurtigsti"], beskrivelse).toBe("1");
      }
    }
    if (rolle === "anonym") await klient.dispose();
  });
}
