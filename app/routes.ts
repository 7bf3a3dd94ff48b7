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
  route("logg-ut", "routes/konto/logg-ut.tsx"),
  route("glemt-passord", "routes/konto/glemt-passord.tsx"),
  route("nytt-passord", "routes/konto/nytt-passord.tsx"),
  route("epost-bekreftet", "routes/konto/epost-bekreftet.tsx"),

  // Signed in
  route("bli-med", "routes/konto/bli-med.tsx"),
  layout("routes/app/_innlogget.tsx", [
    route("start", "routes/app/start.tsx"),
    route("profil", "routes/app/profil.tsx"),
    route("barnehage/ny", "routes/barnehage/ny.tsx"),
    // Members only: the layout reads the membership from the database on every request.
    route("barnehage/:barnehageId", "routes/barnehage/_barnehage.tsx", [
      index("routes/barnehage/oversikt.tsx"),
      route("invitasjoner", "routes/barnehage/invitasjoner.tsx"),
      route("hendelser", "routes/barnehage/hendelser.tsx"),
      route("moduler/:slug/lederstotte", "routes/barnehage/lederstotte.tsx"),
      route("team", "routes/barnehage/team-liste.tsx"),
      route("team/:teamId", "routes/barnehage/team.tsx"),
      // Module feedback (ADR 0019)
      route("moduler/:slug/tilbakemelding", "routes/barnehage/tilbakemelding-svar.tsx"),
      route("tilbakemelding", "routes/barnehage/tilbakemelding.tsx"),
    ]),
  ]),

  // Resource routes
  route("maalform", "routes/api/maalform.ts"),
  route("helse", "routes/api/helse.ts"),
  ...prefix("api/auth", [route("*", "routes/api/auth.ts")]),

  route("*", "routes/offentlig/ikke-funnet.tsx"),
] satisfies RouteConfig;
