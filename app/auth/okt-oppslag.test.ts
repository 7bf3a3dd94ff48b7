import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALEKTER, lagTestDb, type TestDb } from "#app/db/test-databaser.ts";
import { erSqlite } from "#app/db/dialekt.ts";
import { lagAuth, type Auth } from "./auth.server.ts";
import { lesOkt } from "./middleware.server.ts";
import { lesGyldigOkt } from "./okt-oppslag.server.ts";
import { lagPerson, loggInnCookie } from "#app/test/fabrikk.ts";

/**
 * The one session check's read-only shortcut (ADR 0033, issue 16): it gives a session only where
 * Better Auth's getSession gives the same one without writing, and null (so getSession decides)
 * everywhere else. Each case is checked against getSession itself, on both databases.
 */
const BASE = "http://localhost:3000";
const HEMMELIGHET = "h".repeat(40);
const DAG = 24 * 60 * 60 * 1000;
const NAVN = "samla.session_token";

const signert = (token: string, hemmelighet = HEMMELIGHET) => encodeURIComponent(`${token}.${createHmac("sha256", hemmelighet).update(token).digest("base64")}`);
const tokenFra = (cookie: string) => decodeURIComponent(new RegExp(`${NAVN.replace(".", "\\.")}=([^;]+)`).exec(cookie)![1]!).split(".")[0]!;

for (const dialekt of DIALEKTER) {
  describe(`øktsjekken uten skriving på ${dialekt}`, () => {
    let t: TestDb;
    let auth: Auth;
    beforeAll(async () => {
      t = await lagTestDb(dialekt);
      auth = lagAuth(t.db, { baseURL: BASE, secret: HEMMELIGHET, sikreCookies: false });
    });
    afterAll(() => t.rydd());

    const tid = (d: Date) => (erSqlite(t.db) ? d.toISOString() : d) as never;
    const begge = async (cookie: string) => ({ kort: await lesGyldigOkt(auth, t.db, cookie), ba: await auth.api.getSession({ headers: new Headers({ cookie }) }) });

    it("skal gi samme person og økt som getSession for en gyldig økt, med totrinn og målform", async () => {
      const p = await lagPerson({ db: t.db, auth }, "Vilde Gyldig", { epost: "vilde@example.no" });
      const cookie = await loggInnCookie({ db: t.db, auth }, p);
      // Set after sign-in (a person with two-factor signs in with a code): what the session shows is the row now.
      await t.db.updateTable("user").set({ maalform: "nn", twoFactorEnabled: true }).where("id", "=", p.id).execute();
      const { kort, ba } = await begge(cookie);
      expect(ba).not.toBeNull();
      expect(kort).toEqual({
        session: { id: ba!.session.id, createdAt: new Date(ba!.session.createdAt) },
        user: { id: ba!.user.id, name: "Vilde Gyldig", email: "vilde@example.no", twoFactorEnabled: true, maalform: "nn" },
      });
      expect((ba!.user as { twoFactorEnabled?: unknown }).twoFactorEnabled).toBe(true);
      expect((ba!.user as { maalform?: unknown }).maalform).toBe("nn");
      // Other cookies around it, and the first of two with the same name (Better Auth's parser): the same.
      const token = tokenFra(cookie);
      const medAndre = await begge(`maalform=nb; ${NAVN}=${signert(token)}; ${NAVN}=${signert("en-annen")}`);
      expect(medAndre.kort?.user.id).toBe(p.id);
      expect(medAndre.ba?.user.id).toBe(p.id);
      const annenForst = await begge(`${NAVN}=${signert("en-annen")}; ${NAVN}=${signert(token)}`);
      expect(annenForst.kort).toBeNull();
      expect(annenForst.ba).toBeNull();
    });

    it("skal gi null for alt getSession nekter: feil signatur, annen hemmelighet, ingen signatur, ukjent token, feil cookienavn, ingen cookie, utløpt økt", async () => {
      const p = await lagPerson({ db: t.db, auth }, "Nils Nekt", { epost: "nils@example.no" });
      const cookie = await loggInnCookie({ db: t.db, auth }, p);
      const token = tokenFra(cookie);
      const nektes = [
        `${NAVN}=${encodeURIComponent(`${token}.${"A".repeat(43)}=`)}`,
        `${NAVN}=${signert(token, "x".repeat(40))}`,
        `${NAVN}=${encodeURIComponent(token)}`,
        `${NAVN}=${signert("finnes-ikke")}`,
        `__Secure-${NAVN}=${signert(token)}`,
        `andre=${signert(token)}`,
        "",
      ];
      for (const c of nektes) {
        const { kort, ba } = await begge(c);
        expect(ba, c).toBeNull();
        expect(kort, c).toBeNull();
      }
      // Expired: getSession refuses it, and so does the shortcut (it never decides for getSession).
      await t.db.updateTable("session").set({ expiresAt: tid(new Date(Date.now() - 1000)) }).where("token", "=", token).execute();
      expect(await lesGyldigOkt(auth, t.db, cookie)).toBeNull();
      expect(await lesOkt(auth, t.db, new Headers({ cookie }))).toBeNull();
    });

    it("skal overlate fornyelsen til getSession, som skriver den; etterpå tar snarveien økta igjen", async () => {
      const p = await lagPerson({ db: t.db, auth }, "Frida Fornyes", { epost: "frida@example.no" });
      const cookie = await loggInnCookie({ db: t.db, auth }, p);
      const token = tokenFra(cookie);
      expect((await lesGyldigOkt(auth, t.db, cookie))?.user.id).toBe(p.id);
      // Renewed last 25 hours ago (expiresIn 14 days, updateAge 1 day): getSession moves expiresAt.
      const gammel = new Date(Date.now() + 14 * DAG - 25 * 60 * 60 * 1000);
      await t.db.updateTable("session").set({ expiresAt: tid(gammel) }).where("token", "=", token).execute();
      expect(await lesGyldigOkt(auth, t.db, cookie)).toBeNull();
      const okt = await lesOkt(auth, t.db, new Headers({ cookie }));
      expect(okt?.user.id).toBe(p.id);
      const rad = await t.db.selectFrom("session").select("expiresAt").where("token", "=", token).executeTakeFirstOrThrow();
      expect(new Date(rad.expiresAt as string | Date).getTime()).toBeGreaterThan(gammel.getTime() + 60 * 60 * 1000);
      expect((await lesGyldigOkt(auth, t.db, cookie))?.user.id).toBe(p.id);
    });

    it("skal følge Better Auths cookienavn med sikre cookies (__Secure-)", async () => {
      const sikker = lagAuth(t.db, { baseURL: "https://samla.example", secret: HEMMELIGHET, sikreCookies: true });
      const p = await lagPerson({ db: t.db, auth }, "Sara Sikker", { epost: "sara@example.no" });
      const token = tokenFra(await loggInnCookie({ db: t.db, auth }, p));
      const medPrefiks = `__Secure-${NAVN}=${signert(token)}`;
      expect((await lesGyldigOkt(sikker, t.db, medPrefiks))?.user.id).toBe(p.id);
      expect((await sikker.api.getSession({ headers: new Headers({ cookie: medPrefiks }) }))?.user.id).toBe(p.id);
      const utenPrefiks = `${NAVN}=${signert(token)}`;
      expect(await lesGyldigOkt(sikker, t.db, utenPrefiks)).toBeNull();
      expect(await sikker.api.getSession({ headers: new Headers({ cookie: utenPrefiks }) })).toBeNull();
    });
  });
}
