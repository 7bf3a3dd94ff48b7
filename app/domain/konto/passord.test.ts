import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALEKTER, lagTestDb, type TestDb } from "#app/db/test-databaser.ts";
import { lagAuth, type Auth } from "#app/auth/auth.server.ts";
import type { Epost } from "#app/epost/epost.server.ts";
import { lagreMaalform } from "./maalform.repo.server.ts";
import { loggInn, registrer } from "./konto.server.ts";
import { beOmNyttPassord, byttPassord, loggUtOveralt, settNyttPassord } from "./passord.server.ts";

const BASE = "http://localhost:3000";
const cookieFra = (hoder: Headers) =>
  hoder
    .getSetCookie()
    .map((c) => c.split(";", 1)[0] ?? "")
    .filter((c) => !/=$/.test(c))
    .join("; ");
const h = (cookie?: string) => new Headers({ origin: BASE, ...(cookie ? { cookie } : {}) });

for (const dialekt of DIALEKTER) {
  describe(`passord og økter på ${dialekt}`, () => {
    let t: TestDb;
    let auth: Auth;
    const sendt: Epost[] = [];
    beforeAll(async () => {
      t = await lagTestDb(dialekt);
      auth = lagAuth(t.db, { baseURL: BASE, secret: "s".repeat(40), sikreCookies: false, epost: { send: async (e) => void sendt.push(e) } });
    });
    afterAll(() => t.rydd());

    async function nyKonto(epost: string) {
      const svar = await registrer(auth, { navn: "Kari", epost, passord: "et langt passord" }, h());
      if (!svar.ok) throw new Error(svar.feil);
      return cookieFra(svar.hoder);
    }

    it("skal sende en bekreftelseslenke ved registrering, og lenken bekrefter adressen", async () => {
      await nyKonto("bekreft@example.no");
      const mail = sendt.find((e) => e.til === "bekreft@example.no");
      expect(mail?.emne).toBe("Bekreft e-postadressen din i Samla");
      const lenke = /https?:\/\/\S+/.exec(mail!.tekst)![0];
      expect(lenke).toContain("callbackURL=%2Fepost-bekreftet");
      const svar = await auth.handler(new Request(lenke));
      expect(svar.status).toBe(302);
      expect(svar.headers.get("location")).toBe("/epost-bekreftet");
      const rad = await t.db.selectFrom("user").select("emailVerified").where("email", "=", "bekreft@example.no").executeTakeFirstOrThrow();
      expect(Boolean(rad.emailVerified)).toBe(true);
    });

    it("skal sende bekreftelsen på målformen personen leste på da kontoen ble opprettet", async () => {
      const svar = await registrer(auth, { navn: "Nils", epost: "nynorsk@example.no", passord: "et langt passord" }, new Headers({ origin: BASE, cookie: "maalform=nn" }));
      expect(svar.ok).toBe(true);
      expect(sendt.find((e) => e.til === "nynorsk@example.no")?.emne).toBe("Stadfest e-postadressa di i Samla");
      const rad = await t.db.selectFrom("user").select("maalform").where("email", "=", "nynorsk@example.no").executeTakeFirstOrThrow();
      expect(rad.maalform).toBe("nn");
    });

    it("skal sende lenke til nytt passord på brukerens målform, og ingen e-post for en ukjent adresse", async () => {
      const cookie = await nyKonto("glemt@example.no");
      const bruker = await t.db.selectFrom("user").select("id").where("email", "=", "glemt@example.no").executeTakeFirstOrThrow();
      await lagreMaalform(t.db, bruker.id, "nn");
      const foer = sendt.length;
      await beOmNyttPassord(auth, "ukjent@example.no", h());
      expect(sendt.length).toBe(foer);
      await beOmNyttPassord(auth, "glemt@example.no", h());
      const mail = sendt.at(-1)!;
      expect(mail.til).toBe("glemt@example.no");
      expect(mail.emne).toBe("Lag eit nytt passord i Samla");
      const token = new URL(/https?:\/\/\S+/.exec(mail.tekst)![0]).searchParams.get("token")!;
      expect(/https?:\/\/\S+/.exec(mail.tekst)![0]).toMatch(/^http:\/\/localhost:3000\/nytt-passord\?token=/);

      expect(await settNyttPassord(auth, { token: "feil", passord: "eit nytt langt passord" }, h())).toEqual({ ok: false, feil: "konto.nytt.ugyldig" });
      expect(await settNyttPassord(auth, { token, passord: "eit nytt langt passord" }, h())).toEqual({ ok: true });
      // The old session is gone, the token is used up, and only the new password works.
      expect(await auth.api.getSession({ headers: h(cookie) })).toBeNull();
      expect((await settNyttPassord(auth, { token, passord: "eit tredje langt passord" }, h())).ok).toBe(false);
      expect((await loggInn(auth, { epost: "glemt@example.no", passord: "et langt passord" }, h(), { db: t.db, hemmelighet: "s".repeat(40) })).ok).toBe(false);
      expect((await loggInn(auth, { epost: "glemt@example.no", passord: "eit nytt langt passord" }, h(), { db: t.db, hemmelighet: "s".repeat(40) })).ok).toBe(true);
    });

    it("skal bytte passord bare med riktig nåværende passord, og logge ut de andre øktene", async () => {
      const cookie = await nyKonto("bytt@example.no");
      const annen = await loggInn(auth, { epost: "bytt@example.no", passord: "et langt passord" }, h(), { db: t.db, hemmelighet: "s".repeat(40) });
      const annenCookie = annen.ok ? cookieFra(annen.hoder) : "";
      expect(await byttPassord(auth, { naavaerendePassord: "feil passord!", passord: "et nytt langt passord" }, h(cookie))).toEqual({
        ok: false,
        feil: "konto.feil.feilPassord",
      });
      const svar = await byttPassord(auth, { naavaerendePassord: "et langt passord", passord: "et nytt langt passord" }, h(cookie));
      expect(svar.ok).toBe(true);
      if (!svar.ok) return;
      expect(await auth.api.getSession({ headers: h(cookieFra(svar.hoder)) })).not.toBeNull();
      expect(await auth.api.getSession({ headers: h(annenCookie) })).toBeNull();
      expect((await loggInn(auth, { epost: "bytt@example.no", passord: "et nytt langt passord" }, h(), { db: t.db, hemmelighet: "s".repeat(40) })).ok).toBe(true);
    });

    it("skal logge ut alle økter, også denne, og tømme cookien", async () => {
      const cookie = await nyKonto("overalt@example.no");
      const annen = await loggInn(auth, { epost: "overalt@example.no", passord: "et langt passord" }, h(), { db: t.db, hemmelighet: "s".repeat(40) });
      const annenCookie = annen.ok ? cookieFra(annen.hoder) : "";
      const hoder = await loggUtOveralt(auth, h(cookie));
      expect(await auth.api.getSession({ headers: h(cookie) })).toBeNull();
      expect(await auth.api.getSession({ headers: h(annenCookie) })).toBeNull();
      expect(hoder.getSetCookie().some((c) => /samla\.session_token=;/.test(c) && /Max-Age=0/i.test(c))).toBe(true);
      const bruker = await t.db.selectFrom("user").select("id").where("email", "=", "overalt@example.no").executeTakeFirstOrThrow();
      expect(await t.db.selectFrom("session").select("id").where("userId", "=", bruker.id).execute()).toHaveLength(0);
    });
  });
}
