import { type RouteConfig, index, layout, prefix, route } from "@react-router/dev/routes";

/**
 * Every URL in Samla, on one screen. Norwegian URLs, independent of file names. The layouts
 * show what guards what: everything under `app/_innlogget.tsx` requires a signed-in person.
 * A new route needs its rows in tests/e2e/autorisasjon.spec.ts (the test fails otherwise).
 */
export default [
  // Public: the package can be read by anyone, without an account.
  index("routes/offentlig/forside.tsx"),
  route("pakke", "routes/offentlig/pakke.tsx"),
  route("moduler/:slug", "routes/offentlig/modul.tsx"),
  route("begreper", "routes/offentlig/begreper.tsx"),
  route("lov", "routes/offentlig/lov.tsx"),
  route("sok", "routes/offentlig/sok.tsx"),

  // Accounts
  route("registrer", "routes/konto/registrer.tsx"),
  route("logg-inn", "routes/konto/logg-inn.tsx"),
  route("logg-inn/sso", "routes/konto/logg-inn-sso.ts"),
  // Two-factor sign-in (ADR 0013): the second step after the right password.
  route("logg-inn/kode", "routes/konto/logg-inn-kode.tsx"),
  route("logg-ut", "routes/konto/logg-ut.tsx"),
  route("glemt-passord", "routes/konto/glemt-passord.tsx"),
  route("nytt-passord", "routes/konto/nytt-passord.tsx"),
  route("epost-bekreftet", "routes/konto/epost-bekreftet.tsx"),

  // Signed in
  route("bli-med", "routes/konto/bli-med.tsx"),
  layout("routes/app/_innlogget.tsx", [
    route("start", "routes/app/start.tsx"),
    route("profil", "routes/app/profil.tsx"),
    // Two-factor sign-in (ADR 0013): switch on, off, new recovery codes.
    route("profil/tofaktor", "routes/app/tofaktor.tsx"),
    // Own data (issue 4, point 9; ADR 0015): download everything about me, delete my account.
    route("profil/data", "routes/app/profil-data.ts"),
    // The same export as a readable, printable page (issue 15, point 7).
    route("profil/mine-data", "routes/app/mine-data.tsx"),
    route("profil/slett", "routes/app/profil-slett.tsx"),
    // Reminders by e-mail (issue 15, point 4; ADR 0031): the checkboxes on /profil post here.
    route("profil/paaminnelser", "routes/app/paaminnelser.ts"),
    // My own private reflections, across barnehager (issue 5, ADR 0017).
    route("refleksjoner", "routes/app/refleksjoner.tsx"),
    route("barnehage/ny", "routes/barnehage/ny.tsx"),
    // Editions (issue 18, ADR 0034): the editor's status page and preview (editor role only).
    route("redaksjon", "routes/redaksjon/oversikt.tsx"),
    route("redaksjon/moduler/:slug", "routes/redaksjon/forhandsvis.tsx"),
    // Owners (ADR 0014): the owner's people only; an owner never reaches a barnehage's own pages.
    route("eier/ny", "routes/eier/ny.tsx"),
    route("eier/bli-med", "routes/eier/bli-med.tsx"),
    route("eier/:eierId", "routes/eier/_eier.tsx", [
      index("routes/eier/oversikt.tsx"),
      // The owner's results: progress, ståsted and module feedback in aggregate (issue 4/6).
      route("resultater", "routes/eier/resultater.tsx"),
      // The same report as files (issue 15): CSV and PDF, for all or ?barnehage=<id>.
      route("resultater/csv", "routes/eier/resultater-csv.ts"),
      route("resultater/pdf", "routes/eier/resultater-pdf.ts"),
      // The barnehager's routines for internkontroll: date per barnehage, and the text (issue 14, ADR 0036).
      route("rutiner", "routes/eier/rutiner.tsx"),
      route("rutiner/:barnehageId", "routes/eier/rutine.tsx"),
    ]),
    // Samlinger (ADR 0016): my calendar as a file, and the page that manages the secret feed.
    route("kalender.ics", "routes/samling/kalender.ts"),
    // Join from the big screen (ADR 0026): type the code, or scan the QR code (/s/:kode).
    route("s", "routes/samling/kode.tsx"),
    route("s/:kode", "routes/samling/kode-lenke.tsx"),
    route("profil/kalender", "routes/samling/kalender-innstillinger.tsx"),
    // Members only: the layout reads the membership from the database on every request.
    route("barnehage/:barnehageId", "routes/barnehage/_barnehage.tsx", [
      index("routes/barnehage/oversikt.tsx"),
      route("invitasjoner", "routes/barnehage/invitasjoner.tsx"),
      // The staff invitation on the projector (issue 15, ADR 0029).
      route("invitasjoner/:invitasjonId/vis", "routes/barnehage/invitasjon-vis.tsx"),
      route("hendelser", "routes/barnehage/hendelser.tsx"),
      route("moduler/:slug/lederstotte", "routes/barnehage/lederstotte.tsx"),
      route("team", "routes/barnehage/team-liste.tsx"),
      route("team/:teamId", "routes/barnehage/team.tsx"),
      route("innstillinger", "routes/barnehage/innstillinger.tsx"),
      // Samlinger (ADR 0016): the team's plan, the samling page, projector and presenter views.
      route("team/:teamId/plan", "routes/samling/plan.tsx"),
      route("samling/:samlingId", "routes/samling/samling.tsx"),
      route("samling/:samlingId/vis", "routes/samling/vis.tsx"),
      route("samling/:samlingId/leder", "routes/samling/leder.tsx"),
      // Groups at a samling (issue 12, point 3; ADR 0027): split, self-pick, highlight, the columns.
      route("samling/:samlingId/grupper", "routes/samling/grupper.tsx"),
      // Notes, reflections, catch-up and progress (issue 5, ADR 0017).
      route("team/:teamId/moduler/:slug", "routes/barnehage/team-modul.tsx"),
      route("samling/:samlingId/notat/:aktivitetId", "routes/barnehage/gruppenotat.tsx"),
      route("samling/:samlingId/ta-igjen", "routes/barnehage/ta-igjen.tsx"),
      route("fremdrift", "routes/barnehage/fremdrift.tsx"),
      // Ståsted (issue 6, ADR 0008 and 0018): rounds, answers, results, comparison, reports, «hvor vil vi?».
      route("stasted", "routes/barnehage/stasted/liste.tsx"),
      route("stasted/sammenlign", "routes/barnehage/stasted/sammenlign.tsx"),
      route("stasted/sammenlign/pdf", "routes/barnehage/stasted/sammenlign-pdf.ts"),
      route("stasted/team/:teamId", "routes/barnehage/stasted/onsket.tsx"),
      route("stasted/:rundeId", "routes/barnehage/stasted/runde.tsx"),
      route("stasted/:rundeId/pdf", "routes/barnehage/stasted/pdf.ts"),
      // Module feedback (ADR 0019)
      route("moduler/:slug/tilbakemelding", "routes/barnehage/tilbakemelding-svar.tsx"),
      route("tilbakemelding", "routes/barnehage/tilbakemelding.tsx"),
      // Plan practice (issue 14, point 3; ADR 0036): fictional cases with the live § 42 check, and
      // the real plan that never leaves the browser.
      route("planovelse", "routes/barnehage/planovelse/liste.tsx"),
      route("planovelse/ekte-plan", "routes/barnehage/planovelse/ekte-plan.tsx"),
      route("planovelse/:sakId", "routes/barnehage/planovelse/sak.tsx"),
      // The routine for internkontroll (issue 14, point 4; ADR 0036): versioned, printable, tagged PDF.
      route("rutine", "routes/barnehage/rutine/rutine.tsx"),
      route("rutine/:versjon", "routes/barnehage/rutine/versjon.tsx"),
      route("rutine/:versjon/pdf", "routes/barnehage/rutine/pdf.ts"),
      // Print packs (issue 14, point 5; ADR 0037): print pages and tagged PDFs.
      route("moduler/:slug/lederpakke", "routes/barnehage/pakker/lederpakke.tsx"),
      route("moduler/:slug/lederpakke/pdf", "routes/barnehage/pakker/lederpakke-pdf.ts"),
      route("moduler/:slug/samlingspakke", "routes/barnehage/pakker/samlingspakke.tsx"),
      route("moduler/:slug/samlingspakke/pdf", "routes/barnehage/pakker/samlingspakke-pdf.ts"),
      // Observation in practice periods, with calibration on the case film (issue 14, ADR 0035).
      route("team/:teamId/observasjon", "routes/barnehage/observasjon/perioder.tsx"),
      route("observasjon/:periodeId", "routes/barnehage/observasjon/periode.tsx"),
      route("observasjon/:periodeId/skriv", "routes/barnehage/observasjon/skriv.tsx"),
      route("observasjon/:periodeId/kalibrering", "routes/barnehage/observasjon/kalibrering.tsx"),
      // Our action repertoire (issue 14, ADR 0035): the bank, proposals, entries, the poster and its PDF.
      route("repertoar", "routes/barnehage/repertoar/liste.tsx"),
      route("repertoar/ny", "routes/barnehage/repertoar/ny.tsx"),
      route("repertoar/plakat", "routes/barnehage/repertoar/plakat.tsx"),
      route("repertoar/plakat/pdf", "routes/barnehage/repertoar/plakat-pdf.ts"),
      route("repertoar/:oppforingId", "routes/barnehage/repertoar/oppforing.tsx"),
    ]),
  ]),

  // Resource routes
  route("maalform", "routes/api/maalform.ts"),
  route("helse", "routes/api/helse.ts"),
  // The subscribable calendar feed: calendar apps cannot sign in, so the secret URL is the key.
  route("kalender/:fil", "routes/samling/kalender-feed.ts"),
  // The projector's screen link (ADR 0026): the secret opens the projector view, nothing else.
  route("skjerm/:hemmelighet", "routes/samling/skjerm.tsx"),
  ...prefix("api/auth", [route("*", "routes/api/auth.ts")]),

  route("*", "routes/offentlig/ikke-funnet.tsx"),
] satisfies RouteConfig;
