import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALEKTER, lagTestDb, type TestDb, forventIkkeFunnet } from "#app/db/test-databaser.ts";
import { lagAuth, type Auth } from "#app/auth/auth.server.ts";
import { hendelserForAktor } from "#app/domain/revisjon/revisjon.repo.server.ts";
import { lagPerson } from "#app/test/fabrikk.ts";
import { profilSkjema, registrerSkjema } from "./konto.schema.ts";
import { endreNavn, hentProfil } from "./profil.server.ts";

for (const dialekt of DIALEKTER) {
  describe(`eget navn på ${dialekt}`, () => {
    let t: TestDb;
    let auth: Auth;
    beforeAll(async () => {
      t = await lagTestDb(dialekt);
      auth = lagAuth(t.db, { baseURL: "http://localhost:3000", secret: "s".repeat(40), sikreCookies: false });
    });
    afterAll(() => t.rydd());

    it("skal la en person endre sitt eget navn, i NFC, og føre det i revisjonsloggen uten navnet", async () => {
      const kari = await lagPerson({ db: t.db, auth }, "Kari");
      const ola = await lagPerson({ db: t.db, auth }, "Ola");
      const naa = new Date("2026-12-07T13:32:10Z");
      // «Å» as A + combining ring: stored as the one precomposed letter.
      const svar = await endreNavn(kari, "Kari Ha\u030Aland", { db: t.db }, naa);
      expect(svar).toEqual({ lagret: naa.toISOString(), endret: true });
      expect((await hentProfil(t.db, kari)).navn).toBe("Kari H\u00E5land");
      expect((await hentProfil(t.db, ola)).navn).toBe("Ola");
      const { rader } = await hendelserForAktor(t.db, kari.id);
      const rad = rader.find((r) => r.hendelse === "navn_endret")!;
      expect(rad).toMatchObject({ aktorId: kari.id, malId: kari.id, organisasjonId: null });
      expect(JSON.stringify(rad)).not.toContain("land");
      // The same name again changes nothing and logs nothing.
      expect((await endreNavn(kari, "Kari Håland", { db: t.db })).endret).toBe(false);
      expect((await hendelserForAktor(t.db, kari.id)).rader.filter((r) => r.hendelse === "navn_endret")).toHaveLength(1);
      await forventIkkeFunnet(endreNavn(null, "Ingen", { db: t.db }));
    });
  });
}

describe("navneskjemaet", () => {
  it("skal ha samme grenser som ved registrering", () => {
    const navn = (v: string) => profilSkjema.safeParse({ intent: "endre-navn", navn: v });
    const reg = (v: string) => registrerSkjema.safeParse({ navn: v, epost: "a@example.no", passord: "et langt passord" });
    for (const v of ["", "   ", "x".repeat(101)]) {
      expect(navn(v).error?.issues[0]?.message).toBe("konto.feil.navn");
      expect(reg(v).success).toBe(false);
    }
    const ok = navn("  Kari Nordmann  ");
    expect(ok.success && ok.data).toEqual({ intent: "endre-navn", navn: "Kari Nordmann" });
    expect(navn("x".repeat(100)).success).toBe(true);
  });
});
