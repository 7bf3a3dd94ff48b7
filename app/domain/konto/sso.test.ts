import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OAuth2Server } from "oauth2-mock-server";
import type { Kysely } from "kysely";
import { DIALEKTER, lagTestDb, type TestDb } from "#app/db/test-databaser.ts";
import { lagAuth, oidcLeverandorId, type Auth } from "#app/auth/auth.server.ts";
import type { OidcKonfig } from "#app/env.server.ts";
import { registrer } from "./konto.server.ts";
import { loggSsoFeil, startSso } from "./sso.server.ts";
import { hendelserForAktor, hendelserForOrganisasjon } from "#app/domain/revisjon/revisjon.repo.server.ts";

/**
 * SSO through Better Auth against a real local OIDC provider, in process: who ends up with which
 * user and account rows. Identities are (issuer, sub): account.providerId + account.accountId.
 */
type Claims = { sub: string; email: string; email_verified: boolean; name: string };
const BASE = "http://localhost:3000";

let leverandor: OAuth2Server;
let neste: Claims;
let oidc: OidcKonfig;

beforeAll(async () => {
  leverandor = new OAuth2Server();
  await leverandor.issuer.keys.generate("RS256");
  leverandor.service.on("beforeTokenSigning", (token: { payload: Record<string, unknown> }) => Object.assign(token.payload, neste));
  await leverandor.start(0, "localhost");
  oidc = { issuer: leverandor.issuer.url!, clientId: "samla-test", clientSecret: "hemmelig", scopes: ["openid", "email", "profile"], navn: "Feide" };
});
afterAll(() => leverandor.stop());

function cookieFra(hoder: Headers) {
  return hoder.getSetCookie().map((c) => c.split(";", 1)[0]).join("; ");
}

/** The whole round trip: our start, the provider's authorize redirect, Better Auth's callback. */
async function loggInnMedSso(auth: Auth, claims: Claims): Promise<string> {
  neste = claims;
  const start = await startSso(auth, oidc, "/start", new Headers({ origin: BASE }));
  if (!start.ok) throw new Error("SSO startet ikke");
  const url = new URL(start.url);
  expect(url.searchParams.get("code_challenge_method")).toBe("S256");
  const tilbake = (await fetch(url, { redirect: "manual" })).headers.get("location")!;
  const svar = await auth.handler(new Request(tilbake, { headers: { cookie: cookieFra(start.hoder) } }));
  return svar.headers.get("location") ?? `status ${svar.status}`;
}

for (const dialekt of DIALEKTER) {
  describe(`innlogging med OIDC på ${dialekt}`, () => {
    let t: TestDb;
    let auth: Auth;
    beforeAll(async () => {
      t = await lagTestDb(dialekt);
      auth = lagAuth(t.db, { baseURL: BASE, secret: "s".repeat(40), sikreCookies: false, oidc });
    });
    afterAll(() => t.rydd());

    const rader = async (epost: string) => {
      const brukere = await t.db.selectFrom("user").select(["id"]).where("email", "=", epost).execute();
      // Better Auth's account table is not in our Kysely schema (only its own code writes it).
      const kontoer = await (t.db as unknown as Kysely<{ account: { providerId: string; accountId: string; userId: string } }>)
        .selectFrom("account")
        .select(["providerId", "accountId"])
        .where("userId", "in", brukere.length ? brukere.map((b) => b.id) : ["ingen"])
        .orderBy("providerId")
        .execute();
      return { brukere: brukere.length, kontoer };
    };

    it("skal lage én konto nøkkelen (issuer, sub), og finne den igjen på sub neste gang", async () => {
      const sub = "feide-1";
      expect(await loggInnMedSso(auth, { sub, email: "siri@example.no", email_verified: true, name: "Siri" })).toBe("/start");
      expect(await loggInnMedSso(auth, { sub, email: "siri@example.no", email_verified: true, name: "Siri" })).toBe("/start");
      expect(await rader("siri@example.no")).toEqual({ brukere: 1, kontoer: [{ providerId: oidcLeverandorId(oidc.issuer), accountId: sub }] });
    });

    it("skal føre hver SSO-innlogging i revisjonsloggen som innlogging_ok, og en avvist callback som innlogging_feilet", async () => {
      const siri = await t.db.selectFrom("user").select("id").where("email", "=", "siri@example.no").executeTakeFirstOrThrow();
      const logg = await hendelserForAktor(t.db, siri.id);
      expect(logg.rader.map((r) => [r.hendelse, r.detaljer])).toEqual([
        ["innlogging_ok", { metode: "sso" }],
        ["innlogging_ok", { metode: "sso" }],
      ]);
      // An e-mail sign-up makes a session too, but is not an SSO sign-in.
      await registrer(auth, { navn: "Eva", epost: "eva@example.no", passord: "et langt passord" }, new Headers({ origin: BASE }));
      const eva = await t.db.selectFrom("user").select("id").where("email", "=", "eva@example.no").executeTakeFirstOrThrow();
      expect((await hendelserForAktor(t.db, eva.id)).rader).toEqual([]);

      const callback = new Request(`${BASE}/api/auth/callback/${oidcLeverandorId(oidc.issuer)}?code=x&state=y`);
      await loggSsoFeil(t.db, callback, new Response(null, { status: 302, headers: { location: "/logg-inn?error=account not linked <b>" } }));
      await loggSsoFeil(t.db, callback, new Response(null, { status: 302, headers: { location: "/start" } }));
      await loggSsoFeil(t.db, new Request(`${BASE}/api/auth/get-session`), new Response(null, { status: 302, headers: { location: "/x?error=y" } }));
      const alle = await (t.db as unknown as Kysely<{ revisjonslogg: { hendelse: string; detaljer: unknown } }>)
        .selectFrom("revisjonslogg")
        .select(["hendelse", "detaljer"])
        .where("hendelse", "=", "innlogging_feilet")
        .execute();
      expect(alle.map((r) => (typeof r.detaljer === "string" ? JSON.parse(r.detaljer) : r.detaljer))).toEqual([{ metode: "sso", kode: "account_not_linked__b_" }]);
      expect((await hendelserForOrganisasjon(t.db, "ingen")).rader).toEqual([]);
    });

    it("skal koble til kontoen med samme bekreftede e-post: én bruker, to kontorader", async () => {
      await registrer(auth, { navn: "Lina", epost: "lina@example.no", passord: "et langt passord" }, new Headers({ origin: BASE }));
      await t.db.updateTable("user").set({ emailVerified: true as never }).where("email", "=", "lina@example.no").execute();
      expect(await loggInnMedSso(auth, { sub: "feide-2", email: "lina@example.no", email_verified: true, name: "Lina hos Feide" })).toBe("/start");
      expect(await rader("lina@example.no")).toEqual({
        brukere: 1,
        kontoer: [
          { providerId: "credential", accountId: expect.any(String) },
          { providerId: oidcLeverandorId(oidc.issuer), accountId: "feide-2" },
        ],
      });
    });

    it("skal aldri koble på en e-post leverandøren ikke har bekreftet", async () => {
      await registrer(auth, { navn: "Ulla", epost: "ulla@example.no", passord: "et langt passord" }, new Headers({ origin: BASE }));
      await t.db.updateTable("user").set({ emailVerified: true as never }).where("email", "=", "ulla@example.no").execute();
      expect(await loggInnMedSso(auth, { sub: "feide-3", email: "ulla@example.no", email_verified: false, name: "Ulla" })).toMatch(/\/logg-inn\?error=account_not_linked/);
      expect(await rader("ulla@example.no")).toEqual({ brukere: 1, kontoer: [{ providerId: "credential", accountId: expect.any(String) }] });
    });

    it("skal aldri koble til en konto der ingen har bekreftet e-posten i Samla", async () => {
      await registrer(auth, { navn: "Ulf", epost: "ulf@example.no", passord: "et langt passord" }, new Headers({ origin: BASE }));
      expect(await loggInnMedSso(auth, { sub: "feide-4", email: "ulf@example.no", email_verified: true, name: "Ulf" })).toMatch(/\/logg-inn\?error=account_not_linked/);
      expect(await rader("ulf@example.no")).toEqual({ brukere: 1, kontoer: [{ providerId: "credential", accountId: expect.any(String) }] });
    });
  });
}
