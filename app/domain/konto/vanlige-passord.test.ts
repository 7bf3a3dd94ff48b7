import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALEKTER, lagTestDb, type TestDb } from "#app/db/test-databaser.ts";
import { lagAuth, type Auth } from "#app/auth/auth.server.ts";
import { lagPerson, loggInnCookie, TEST_PASSORD } from "#app/test/fabrikk.ts";
import { nb } from "#app/i18n/nb.ts";
import { nn } from "#app/i18n/nn.ts";
import { registrer } from "./konto.server.ts";
import { byttPassord, settNyttPassord } from "./passord.server.ts";
import { erLastet, erVanligPassord } from "./vanlige-passord.server.ts";

const BASE = "http://localhost:3000";
const VANLIGE = ["password123", "qwertyuiop", "1234567890", "iloveyou12", "Password1!", "abcdefghij"];

describe("vanlige passord", () => {
  it("skal ikke laste ordlistene før første passord sjekkes", async () => {
    expect(erLastet()).toBe(false);
    expect(await erVanligPassord("password123")).toBe(true);
    expect(erLastet()).toBe(true);
  });

  it("skal avvise passord fra listene og godta lange, personlige passord", async () => {
    for (const p of VANLIGE) expect(await erVanligPassord(p), p).toBe(true);
    for (const p of [TEST_PASSORD, "et godt langt passord", "korrekt hest batteri stift", "Solsikken2024 i Bodø"]) expect(await erVanligPassord(p), p).toBe(false);
  });

  it("skal avvise navnet og e-postadressen som passord", async () => {
    for (const p of ["karinordmann", "kari.nordmann@example.no"]) expect(await erVanligPassord(p, ["Kari Nordmann", "kari.nordmann@example.no"]), p).toBe(true);
    // Without the person's own words the same password passes: the words are what refuse it.
    expect(await erVanligPassord("karinordmann")).toBe(false);
  });

  it("skal bare telle de første 32 tegnene (det holder kostnaden nede; tiden måles ikke i en test)", async () => {
    // Common words after character 32 change nothing: only the first 32 are scored.
    const sterk = "Gk7#qPz!m2Vw9Lr$Xc4Tn8@bYh3Jd6&Q";
    expect(sterk).toHaveLength(32);
    expect(await erVanligPassord(sterk + "passwordpassword")).toBe(await erVanligPassord(sterk));
    // And a weak start is not rescued by a strong tail.
    expect(await erVanligPassord("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" + "Gk7#qPz!m2Vw9Lr$")).toBe(true);
  });

  it("skal avvise Samlas egne kontekstord som passord (ASVS 6.2.11)", async () => {
    for (const p of ["samlabarnehage", "Barnehagen2026", "kompetansepakke"]) expect(await erVanligPassord(p), p).toBe(true);
  });

  it("skal forklare avvisningen på bokmål og nynorsk", () => {
    expect(nb["konto.feil.passordVanlig"]).toMatch(/for vanlig/);
    expect(nn["konto.feil.passordVanlig"]).toMatch(/for vanleg/);
  });
});

for (const dialekt of DIALEKTER) {
  describe(`vanlige passord avvises på hver vei som setter passord (${dialekt})`, () => {
    let t: TestDb;
    let auth: Auth;
    const h = (cookie = "") => new Headers({ origin: BASE, "x-samla-klient-ip": "192.0.2.1", cookie });

    beforeAll(async () => {
      t = await lagTestDb(dialekt);
      auth = lagAuth(t.db, { baseURL: BASE, secret: "s".repeat(40), sikreCookies: false });
    });
    afterAll(() => t.rydd());

    it("ny konto (registrering og bli-med med ny konto): avvist, og ingen konto laget", async () => {
      const svar = await registrer(auth, { navn: "Vera Vanlig", epost: "vera@example.no", passord: "password123" }, h());
      expect(svar).toEqual({ ok: false, feil: "konto.feil.passordVanlig" });
      expect(await t.db.selectFrom("user").select("id").where("email", "=", "vera@example.no").executeTakeFirst()).toBeUndefined();
      expect((await registrer(auth, { navn: "Vera Vanlig", epost: "vera@example.no", passord: TEST_PASSORD }, h())).ok).toBe(true);
    });

    it("bytte passord: avvist, og det gamle virker fortsatt", async () => {
      const aktor = await lagPerson({ db: t.db, auth }, "Bjørn Bytter", { epost: "bjorn@example.no" });
      const cookie = await loggInnCookie({ db: t.db, auth }, aktor);
      expect(await byttPassord(auth, { naavaerendePassord: TEST_PASSORD, passord: "qwertyuiop" }, h(cookie))).toEqual({ ok: false, feil: "konto.feil.passordVanlig" });
      expect(await loggInnCookie({ db: t.db, auth }, aktor)).toMatch(/session_token/);
    });

    it("nytt passord etter tilbakestilling: avvist før lenken i det hele tatt sjekkes", async () => {
      expect(await settNyttPassord(auth, { token: "ugyldig", passord: "1234567890" }, h())).toEqual({ ok: false, feil: "konto.feil.passordVanlig" });
      // A good password gets as far as the token, which is not valid.
      expect(await settNyttPassord(auth, { token: "ugyldig", passord: TEST_PASSORD }, h())).toEqual({ ok: false, feil: "konto.nytt.ugyldig" });
    });

    it("ny konto med navnet som passord: avvist", async () => {
      expect(await registrer(auth, { navn: "Kari Nordmann", epost: "kari@example.no", passord: "karinordmann" }, h())).toEqual({ ok: false, feil: "konto.feil.passordVanlig" });
    });

    it("også et serverkall rett til Better Auth (ingen vei rundt skjemaene)", async () => {
      await expect(auth.api.signUpEmail({ body: { name: "X", email: "x@example.no", password: "iloveyou12" } })).rejects.toMatchObject({ body: { code: "PASSWORD_COMMON" } });
    });
  });
}
