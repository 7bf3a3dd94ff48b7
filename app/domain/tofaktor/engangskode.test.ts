import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALEKTER, lagTestDb, type TestDb } from "#app/db/test-databaser.ts";
import { lagAuth, type Auth } from "#app/auth/auth.server.ts";
import type { Aktor } from "#app/kontekst.ts";
import { loggInn, type Innloggingsvern } from "#app/domain/konto/konto.server.ts";
import { cookieFra, lagPerson, slaaPaaTofaktor, TEST_PASSORD, type Tofaktor } from "#app/test/fabrikk.ts";
import { hendelserForAktor } from "#app/domain/revisjon/revisjon.repo.server.ts";
import { totpKode } from "../../../tests/totp.ts";
import { bekreftOppsett, brukTotpKode, hentOppsett, loggInnMedKode, startOppsett } from "./tofaktor.server.ts";
import { loggInnCookie } from "#app/test/fabrikk.ts";

const BASE = "http://localhost:3000";
const STEG_MS = 30_000;

/**
 * TOTP codes are single-use (issue 11, point 4; ADR 0013): a code accepted once is refused for the
 * rest of its window and the windows around it that the verifier accepts, and of two processes
 * racing with one code only one wins.
 */
for (const dialekt of DIALEKTER) {
  describe(`engangskoder for totrinnsinnlogging på ${dialekt}`, () => {
    let t: TestDb;
    let auth: Auth;
    let vern: Innloggingsvern;
    let aktor: Aktor;
    let tf: Tofaktor;
    const h = (c: string, ip = "192.0.2.1") => new Headers({ origin: BASE, "x-samla-klient-ip": ip, cookie: c });
    const steg2 = async () => {
      const inn = await loggInn(auth, { epost: aktor.epost, passord: TEST_PASSORD }, h(""), vern);
      if (!inn.ok || !inn.tofaktor) throw new Error("passordsteget feilet");
      return cookieFra(inn.hoder);
    };

    beforeAll(async () => {
      t = await lagTestDb(dialekt);
      auth = lagAuth(t.db, { baseURL: BASE, secret: "s".repeat(40), sikreCookies: false });
      vern = { db: t.db, hemmelighet: auth.options.secret! };
      aktor = await lagPerson({ db: t.db, auth }, "Eli Engang", { epost: "eli@example.no" });
      tf = await slaaPaaTofaktor({ db: t.db, auth }, aktor);
    });
    afterAll(() => t.rydd());

    it("skal nekte samme kode ved neste innlogging, og en eldre kode, men godta neste kode", async () => {
      // The step after now: unused (the set-up took a step at most as late as now).
      const neste = Math.floor(Date.now() / STEG_MS) + 1;
      const kode = totpKode(tf.hemmelighet, neste * STEG_MS);
      expect((await loggInnMedKode(auth, kode, h(await steg2()), vern)).ok).toBe(true);
      // Same code, new sign-in with the right password: refused with its own message.
      expect(await loggInnMedKode(auth, kode, h(await steg2()), vern)).toEqual({ ok: false, feil: "tofaktor.feil.kodeBrukt" });
      // The code of now (still inside the window) is older than the one used: refused too.
      const naa = totpKode(tf.hemmelighet, (neste - 1) * STEG_MS);
      if (naa !== kode) expect(await loggInnMedKode(auth, naa, h(await steg2()), vern)).toEqual({ ok: false, feil: "tofaktor.feil.kodeBrukt" });
      const feilet = (await hendelserForAktor(t.db, aktor.id)).rader;
      expect(feilet.some((r) => r.hendelse === "innlogging_ok")).toBe(true);
    });

    it("skal holde koden brukt gjennom hele vinduet verifikatoren godtar (steget før, nå, steget etter)", async () => {
      // A clock a day ahead, so these steps are untouched by the sign-ins above.
      const s = Math.floor(Date.now() / STEG_MS) + 2880;
      const kode = totpKode(tf.hemmelighet, s * STEG_MS);
      expect(await brukTotpKode(auth, t.db, aktor.id, kode, s * STEG_MS + 1_000)).toBe("ok");
      // The same code, later in its own step, and in the next step (where the verifier still takes it).
      expect(await brukTotpKode(auth, t.db, aktor.id, kode, s * STEG_MS + 29_000)).toBe("brukt");
      expect(await brukTotpKode(auth, t.db, aktor.id, kode, (s + 1) * STEG_MS + 15_000)).toBe("brukt");
      // Before its step (a clock behind): the verifier would take it as "the step after"; still used.
      expect(await brukTotpKode(auth, t.db, aktor.id, kode, (s - 1) * STEG_MS + 15_000)).toBe("brukt");
      // The code of the step before is older than the one used.
      expect(await brukTotpKode(auth, t.db, aktor.id, totpKode(tf.hemmelighet, (s - 1) * STEG_MS), s * STEG_MS + 2_000)).toBe("brukt");
      // The next code works; a code outside the window is not a code at all.
      expect(await brukTotpKode(auth, t.db, aktor.id, totpKode(tf.hemmelighet, (s + 1) * STEG_MS), (s + 1) * STEG_MS)).toBe("ok");
      expect(await brukTotpKode(auth, t.db, aktor.id, totpKode(tf.hemmelighet, (s + 5) * STEG_MS), (s + 1) * STEG_MS)).toBe("ukjent");
    });

    it("skal la bare én av to samtidige innlogginger med samme kode vinne, også fra to tilkoblinger", async () => {
      const s = Math.floor(Date.now() / STEG_MS) + 5760;
      const kode = totpKode(tf.hemmelighet, s * STEG_MS);
      const andre = t.nyTilkobling?.() ?? t.db;
      try {
        const svar = await Promise.all([
          brukTotpKode(auth, t.db, aktor.id, kode, s * STEG_MS),
          brukTotpKode(auth, andre, aktor.id, kode, s * STEG_MS),
          brukTotpKode(auth, t.db, aktor.id, kode, s * STEG_MS),
          brukTotpKode(auth, andre, aktor.id, kode, s * STEG_MS),
        ]);
        expect(svar.filter((x) => x === "ok")).toHaveLength(1);
        expect(svar.filter((x) => x === "brukt")).toHaveLength(3);
      } finally {
        if (andre !== t.db) await andre.destroy();
      }
    });

    it("skal la bare én av to samtidige andre-steg med samme kode gi økt", async () => {
      const kode = totpKode(tf.hemmelighet, (Math.floor(Date.now() / STEG_MS) + 1) * STEG_MS);
      // The previous test used a step a few days ahead: wipe it so the current window counts again.
      await t.db.deleteFrom("tofaktor_brukt").where("userId", "=", aktor.id).execute();
      const [a, b] = await Promise.all([steg2(), steg2()]);
      const svar = await Promise.all([loggInnMedKode(auth, kode, h(a), vern), loggInnMedKode(auth, kode, h(b, "192.0.2.2"), vern)]);
      expect(svar.filter((x) => x.ok)).toHaveLength(1);
      expect(svar.find((x) => !x.ok)).toEqual({ ok: false, feil: "tofaktor.feil.kodeBrukt" });
    });

    it("skal også gjøre koden som bekrefter oppsettet til engangskode", async () => {
      const ny = await lagPerson({ db: t.db, auth }, "Per Oppsett", { epost: "per@example.no" });
      const cookie = await loggInnCookie({ db: t.db, auth }, ny);
      const start = await startOppsett(auth, t.db, ny, TEST_PASSORD, h(cookie));
      if (!start.ok) throw new Error("oppsett");
      const c2 = cookieFra(start.hoder, cookie);
      const hemmelighet = (await hentOppsett(auth, t.db, ny, "QR"))!.hemmelighet.replaceAll(" ", "");
      const kode = totpKode(hemmelighet);
      // Someone who saw the code (over the shoulder) uses it first, in the same window.
      expect(await brukTotpKode(auth, t.db, ny.id, kode)).toBe("ok");
      expect(await bekreftOppsett(auth, t.db, ny, kode, h(c2))).toEqual({ ok: false, feil: "tofaktor.feil.kodeBrukt" });
    });
  });
}
