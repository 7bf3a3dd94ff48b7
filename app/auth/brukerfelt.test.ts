import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALEKTER, lagTestDb, type TestDb } from "#app/db/test-databaser.ts";
import { lagAuth, ssoNavn, type Auth } from "./auth.server.ts";
import { MAKS_NAVN, registrerSkjema } from "#app/domain/konto/konto.schema.ts";

/** Issue 11 point 6: the name has the same limit whatever path writes it (our form, Better Auth, SSO). */
describe("navnet fra SSO", () => {
  it("skal kortes til grensen i skjemaet, ved et helt tegn", () => {
    const langt = "Å".repeat(150);
    expect(ssoNavn({ name: langt })).toHaveLength(MAKS_NAVN);
    expect(registrerSkjema.shape.navn.safeParse(ssoNavn({ name: langt })).success).toBe(true);
    const emoji = ssoNavn({ name: "😀".repeat(80) });
    expect(emoji.length).toBeLessThanOrEqual(MAKS_NAVN);
    expect(emoji).toBe("😀".repeat(50));
    expect(ssoNavn({ name: "  ", email: "kari@eksempel.no" })).toBe("kari");
    expect(ssoNavn({})).toBe("Uten navn");
  });
});

for (const dialekt of DIALEKTER) {
  describe(`grensene på brukerfeltene på ${dialekt}`, () => {
    let t: TestDb;
    let auth: Auth;
    beforeAll(async () => {
      t = await lagTestDb(dialekt);
      auth = lagAuth(t.db, { baseURL: "http://localhost:3000", secret: "s".repeat(40), sikreCookies: false });
    });
    afterAll(() => t.rydd());

    const antall = async () => (await t.db.selectFrom("user").select("id").execute()).length;

    it("skal avvise et navn over grensen også når Better Auth skriver det (400, ingen konto)", async () => {
      const foer = await antall();
      await expect(
        auth.api.signUpEmail({ body: { name: "x".repeat(MAKS_NAVN + 1), email: "lang@eksempel.no", password: "et-langt-passord-1" } }),
      ).rejects.toMatchObject({ statusCode: 400 });
      await expect(
        auth.api.signUpEmail({ body: { name: "Kari", email: `${"a".repeat(250)}@eksempel.no`, password: "et-langt-passord-1" } }),
      ).rejects.toMatchObject({ statusCode: 400 });
      expect(await antall()).toBe(foer);
    });

    it("skal godta et navn på nøyaktig grensen", async () => {
      const svar = await auth.api.signUpEmail({ body: { name: "y".repeat(MAKS_NAVN), email: "grense@eksempel.no", password: "et-langt-passord-1" } });
      expect(svar.user.name).toHaveLength(MAKS_NAVN);
    });
  });
}
