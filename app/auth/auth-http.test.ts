import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALEKTER, lagTestDb, type TestDb } from "#app/db/test-databaser.ts";
import { lagAuth, oidcLeverandorId, type Auth } from "./auth.server.ts";
import { AUTH_BASESTI, svarAuthOverHttp, tillatteAuthStier } from "./auth-http.server.ts";
import { lagPerson, loggInnCookie } from "#app/test/fabrikk.ts";

const BASE = "http://localhost:3000";
const ISSUER = "http://127.0.0.1:9/realms/samla";
const ID = oidcLeverandorId(ISSUER);

type Endepunkt = { path?: unknown; options?: { method?: unknown; metadata?: { SERVER_ONLY?: unknown } } };

/**
 * Every endpoint Better Auth has, read at run time from the configured instance (core, organization,
 * two-factor and genericOAuth plugins): an upgrade or a new plugin that adds a path is tested too.
 */
function alleEndepunkter(auth: Auth): { sti: string; metoder: string[] }[] {
  const fraPlugins = (auth.options.plugins ?? []).flatMap((p) => Object.values((p as { endpoints?: Record<string, Endepunkt> }).endpoints ?? {}));
  const alle = [...Object.values(auth.api as unknown as Record<string, Endepunkt>), ...fraPlugins];
  const kart = new Map<string, Set<string>>();
  for (const e of alle) {
    if (typeof e.path !== "string") continue;
    const m = e.options?.method;
    const metoder = m === "*" || m === undefined ? ["GET", "POST", "PUT", "PATCH", "DELETE"] : Array.isArray(m) ? m : [String(m)];
    const sett = kart.get(e.path) ?? new Set<string>();
    for (const x of metoder) sett.add(String(x));
    kart.set(e.path, sett);
  }
  return [...kart].map(([sti, m]) => ({ sti, metoder: [...m] }));
}

/** A path with its parameters filled in: the real provider id for the callback, "x" elsewhere. */
const fyll = (sti: string, verdi: string) => sti.replace(/:[A-Za-z]+/g, verdi);

for (const dialekt of DIALEKTER) {
  describe(`Better Auth over HTTP er en tillatelsesliste (${dialekt})`, () => {
    let t: TestDb;
    let auth: Auth;
    let cookie = "";

    beforeAll(async () => {
      t = await lagTestDb(dialekt);
      auth = lagAuth(t.db, {
        baseURL: BASE,
        secret: "s".repeat(40),
        sikreCookies: false,
        oidc: { issuer: ISSUER, navn: "Feide", clientId: "samla", clientSecret: "hemmelig", scopes: ["openid", "email"] },
      });
      const aktor = await lagPerson({ db: t.db, auth }, "Hanna Http", { epost: "hanna@example.no" });
      cookie = await loggInnCookie({ db: t.db, auth }, aktor);
    });
    afterAll(() => t.rydd());

    const send = (metode: string, sti: string, med = svarAuthOverHttp) =>
      med(
        auth,
        t.db,
        new Request(`${BASE}${AUTH_BASESTI}${sti}`, {
          method: metode,
          headers: { cookie, origin: BASE, "content-type": "application/json", "x-samla-klient-ip": "192.0.2.1" },
          ...(metode === "GET" || metode === "HEAD" ? {} : { body: JSON.stringify({ email: "hanna@example.no", password: "et langt passord", name: "Ny", code: "123456" }) }),
        }),
        ID,
      );

    it("skal svare 404 på hver sti og metode som ikke står på lista, organisasjon og totrinn medregnet", async () => {
      const endepunkter = alleEndepunkter(auth);
      const stier = endepunkter.map((e) => e.sti);
      expect(stier.length).toBeGreaterThan(50);
      for (const forventet of ["/sign-in/email", "/sign-up/email", "/request-password-reset", "/send-verification-email", "/update-user", "/verify-password", "/list-sessions", "/get-session", "/organization/list-members", "/two-factor/verify-totp", "/callback/:id"]) {
        expect(stier, forventet).toContain(forventet);
      }
      const tillatt = tillatteAuthStier(ID);
      const aapne: string[] = [];
      for (const { sti, metoder } of endepunkter) {
        for (const verdi of sti === "/callback/:id" ? ["x", "github", ID] : ["x"]) {
          const fylt = fyll(sti, verdi);
          for (const metode of [...new Set([...metoder, "HEAD"])]) {
            const paaLista = tillatt.some((x) => x.sti === fylt && x.metoder.includes(metode));
            const svar = await send(metode, fylt);
            if (paaLista) expect(svar.status, `${metode} ${fylt} står på lista`).not.toBe(404);
            else if (svar.status !== 404) aapne.push(`${metode} ${fylt} → ${svar.status}`);
          }
        }
      }
      expect(aapne, "nåbare stier som ikke står på tillatelseslista").toEqual([]);
    });

    it("skal ikke la skrivemåter av stien snike seg forbi lista", async () => {
      for (const sti of ["/sign-in/email/", "//sign-in/email", "/SIGN-IN/EMAIL", "/sign-in%2Femail", "/./sign-in/email", `/callback/${ID}/../../sign-in/email`, "/verify-email/", "/get-session?x=1"]) {
        expect((await send("POST", sti)).status, sti).toBe(404);
        expect((await send("GET", sti)).status, sti).toBe(404);
      }
    });

    it("skal la lista stå mellom nettleseren og Better Auth: uten den er stiene åpne (testen kan feile)", async () => {
      const direkte = (_a: Auth, _d: unknown, r: Request) => auth.handler(r);
      expect((await send("GET", "/get-session", direkte as never)).status).toBe(200);
      expect((await send("POST", "/sign-in/email", direkte as never)).status).toBe(200);
      expect((await send("GET", "/list-sessions", direkte as never)).status).toBe(200);
    });

    it("skal fortsatt la serverkoden kalle auth.api (skjemaene og brukstilfellene våre)", async () => {
      const okt = await auth.api.getSession({ headers: new Headers({ cookie }) });
      expect(okt?.user.email).toBe("hanna@example.no");
      const inn = await auth.api.signInEmail({ body: { email: "hanna@example.no", password: "et langt passord" } });
      expect(inn.user.email).toBe("hanna@example.no");
    });
  });
}
