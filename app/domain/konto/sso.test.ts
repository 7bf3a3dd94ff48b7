import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { OAuth2Server } from "oauth2-mock-server";
import type { Kysely } from "kysely";
import { DIALEKTER, lagTestDb, type TestDb } from "#app/db/test-databaser.ts";
import { lagAuth, oidcLeverandorId, type Auth } from "#app/auth/auth.server.ts";
import type { OidcKonfig } from "#app/env.server.ts";
import { registrer } from "./konto.server.ts";
import { loggSsoFeil, startSso } from "./sso.server.ts";
import { beOmNyttPassord, settNyttPassord } from "./passord.server.ts";
import type { Epost } from "#app/epost/epost.server.ts";
import { logg } from "#app/logg.server.ts";
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
    it("skal fjerne en SSO-kobling laget med ubekreftet e-post når eieren av adressen lager nytt passord, og bekrefte adressen", async () => {
      // Someone signs in with an identity whose provider does not vouch for Nora's address: a new account.
      expect(await loggInnMedSso(auth, { sub: "feide-5", email: "nora@example.no", email_verified: false, name: "Ikke Nora" })).toBe("/start");
      // Lina's link (made with a verified address) is the control: her reset keeps it.
      const sendt: Epost[] = [];
      const medEpost = lagAuth(t.db, { baseURL: BASE, secret: "s".repeat(40), sikreCookies: false, oidc, epost: { send: async (e) => void sendt.push(e) } });
      for (const epost of ["nora@example.no", "lina@example.no"]) {
        await beOmNyttPassord(medEpost, epost, new Headers({ origin: BASE }));
        await vi.waitFor(() => expect(sendt.find((e) => e.til === epost)).toBeDefined());
        const token = new URL(/https?:\/\/\S+/.exec(sendt.find((e) => e.til === epost)!.tekst)![0]).searchParams.get("token")!;
        expect(await settNyttPassord(medEpost, { token, passord: "eierens nye passord" }, new Headers({ origin: BASE }))).toEqual({ ok: true });
      }
      expect(await rader("nora@example.no")).toEqual({ brukere: 1, kontoer: [{ providerId: "credential", accountId: expect.any(String) }] });
      const nora = await t.db.selectFrom("user").select("emailVerified").where("email", "=", "nora@example.no").executeTakeFirstOrThrow();
      expect(Boolean(nora.emailVerified)).toBe(true);
      expect((await rader("lina@example.no")).kontoer.map((k) => k.providerId)).toEqual(["credential", oidcLeverandorId(oidc.issuer)]);
      // The unverified identity comes back: it is not linked again, and gets no session.
      expect(await loggInnMedSso(auth, { sub: "feide-5", email: "nora@example.no", email_verified: false, name: "Ikke Nora" })).toMatch(/^\/logg-inn\?error=account_not_linked/);
      expect(await rader("nora@example.no")).toEqual({ brukere: 1, kontoer: [{ providerId: "credential", accountId: expect.any(String) }] });
    });

    it("skal sende tilstands- og callbackfeil til /logg-inn, ikke til forsiden eller Better Auths feilside", async () => {
      const id = oidcLeverandorId(oidc.issuer);
      const uten = await auth.handler(new Request(`${BASE}/api/auth/callback/${id}?code=x`));
      expect(uten.headers.get("location")).toBe("/logg-inn?error=state_not_found");
      const fremmed = await auth.handler(new Request(`${BASE}/api/auth/callback/${id}?code=x&state=noe-annet`));
      expect(fremmed.headers.get("location")).toMatch(/^\/logg-inn\?error=(state_mismatch|please_restart_the_process)/);
      // A real state, but the callback arrives in another browser (without the state cookie).
      neste = { sub: "feide-6", email: "tilstand@example.no", email_verified: true, name: "T" };
      const start = await startSso(auth, oidc, "/start", new Headers({ origin: BASE }));
      if (!start.ok) throw new Error("SSO startet ikke");
      const tilbake = (await fetch(start.url, { redirect: "manual" })).headers.get("location")!;
      const annen = await auth.handler(new Request(tilbake));
      expect(annen.headers.get("location")).toMatch(/^\/logg-inn\?error=state_mismatch/);
      expect(await rader("tilstand@example.no")).toEqual({ brukere: 0, kontoer: [] });
      // The provider's own error goes there too.
      const nekt = await auth.handler(new Request(`${tilbake.split("?")[0]}?error=access_denied&state=${new URL(tilbake).searchParams.get("state")}`, { headers: { cookie: cookieFra(start.hoder) } }));
      expect(nekt.headers.get("location")).toMatch(/^\/logg-inn\?error=access_denied/);
      const feilside = await auth.handler(new Request(`${BASE}/api/auth/error?error=noe`));
      expect(feilside.headers.get("location") ?? "").toMatch(/^\/logg-inn\?error=noe/);
    });

    it("skal nekte SSO når issuer i discovery-dokumentet ikke er den konfigurerte, med en tydelig logglinje", async () => {
      // Same provider reached on another host name: its discovery document names http://localhost:…
      const feil = { ...oidc, issuer: oidc.issuer.replace("localhost", "127.0.0.1") };
      const spion = vi.spyOn(logg, "error");
      const annen = lagAuth(t.db, { baseURL: BASE, secret: "s".repeat(40), sikreCookies: false, oidc: feil });
      expect(await startSso(annen, feil, "/start", new Headers({ origin: BASE }))).toEqual({ ok: false, kode: "utsteder" });
      expect(spion).toHaveBeenCalledWith("oidc_utsteder_feil", expect.objectContaining({ forventet: feil.issuer, fikk: oidc.issuer }));
      spion.mockRestore();
      // The callback cannot use the provider either.
      const svar = await annen.handler(new Request(`${BASE}/api/auth/callback/${oidcLeverandorId(feil.issuer)}?code=x&state=y`));
      expect(svar.headers.get("location")).toMatch(/^\/logg-inn\?error=/);
      // The right issuer still works.
      expect((await startSso(auth, oidc, "/start", new Headers({ origin: BASE }))).ok).toBe(true);
    });
  });
}
