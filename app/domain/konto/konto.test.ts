import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALEKTER, lagTestDb, type TestDb } from "#app/db/test-databaser.ts";
import { lagAuth, type Auth } from "#app/auth/auth.server.ts";
import { loggInn, loggUt, registrer } from "./konto.server.ts";
import { loggInnSkjema, registrerSkjema } from "./konto.schema.ts";

function cookieFra(hoder: Headers) {
  return hoder
    .getSetCookie()
    .map((c) => c.split(";", 1)[0])
    .join("; ");
}

for (const dialekt of DIALEKTER) {
  describe(`konto på ${dialekt}`, () => {
    let t: TestDb;
    let auth: Auth;
    beforeAll(async () => {
      t = await lagTestDb(dialekt);
      auth = lagAuth(t.db, { baseURL: "http://localhost:3000", secret: "s".repeat(40), sikreCookies: false });
    });
    afterAll(() => t.rydd());
    const h = () => new Headers({ origin: "http://localhost:3000" });

    it("skal opprette konto, gi en økt i databasen, og logge ut", async () => {
      const svar = await registrer(auth, { navn: "Kari Nordmann", epost: "kari@example.no", passord: "et langt passord" }, h());
      expect(svar.ok).toBe(true);
      if (!svar.ok) return;
      expect(svar.brukerId).toEqual(expect.any(String));
      const cookie = cookieFra(svar.hoder);
      expect(cookie).toMatch(/samla\.session_token=/);
      const sesjon = await auth.api.getSession({ headers: new Headers({ cookie }) });
      expect(sesjon?.user.name).toBe("Kari Nordmann");
      const rader = await t.db.selectFrom("session").select("userId").execute();
      expect(rader).toHaveLength(1);
      await loggUt(auth, new Headers({ cookie, origin: "http://localhost:3000" }));
      expect(await auth.api.getSession({ headers: new Headers({ cookie }) })).toBeNull();
    });

    it("skal avvise en ny konto med en e-post som finnes", async () => {
      const svar = await registrer(auth, { navn: "Kari 2", epost: "kari@example.no", passord: "et annet langt passord" }, h());
      expect(svar).toEqual({ ok: false, feil: "konto.feil.finnes" });
    });

    it("skal logge inn med riktig passord og avvise feil passord med samme melding som ukjent e-post", async () => {
      const ok = await loggInn(auth, { epost: "kari@example.no", passord: "et langt passord" }, h());
      expect(ok.ok).toBe(true);
      expect(await loggInn(auth, { epost: "kari@example.no", passord: "feil passord!" }, h())).toEqual({ ok: false, feil: "konto.feil.feilInnlogging" });
      expect(await loggInn(auth, { epost: "ukjent@example.no", passord: "feil passord!" }, h())).toEqual({ ok: false, feil: "konto.feil.feilInnlogging" });
    });
  });
}

describe("kontoskjemaene", () => {
  it("skal gi norske feilnøkler for hvert ugyldige felt", () => {
    const r = registrerSkjema.safeParse({ navn: " ", epost: "ikke-en-epost", passord: "kort" });
    expect(r.success).toBe(false);
    const felt = Object.fromEntries(r.error!.issues.map((i) => [i.path[0], i.message]));
    expect(felt).toEqual({ navn: "konto.feil.navn", epost: "konto.feil.epost", passord: "konto.feil.passordKort" });
  });

  it("skal normalisere e-post til små bokstaver", () => {
    expect(loggInnSkjema.parse({ epost: " Kari@Example.NO ", passord: "x" }).epost).toBe("kari@example.no");
  });
});
