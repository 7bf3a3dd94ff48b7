import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hendelserForOrganisasjon } from "#app/domain/revisjon/revisjon.repo.server.ts";
import { DIALEKTER, lagTestDb, type TestDb, forventIkkeFunnet } from "#app/db/test-databaser.ts";
import { lagAuth, STENGTE_ORGANISASJONSSTIER, type Auth } from "#app/auth/auth.server.ts";
import type { Aktor } from "#app/kontekst.ts";
import { lagPerson } from "#app/test/fabrikk.ts";
import { opprettBarnehageSkjema, bliMedSkjema, medlemSkjema } from "./barnehage.schema.ts";
import { endreRolle, fjernMedlem, gaaNed, krevMedlemskap, medlemsliste, opprettBarnehage } from "./barnehage.server.ts";
import { brukInvitasjon, hashKode, invitasjoner, KODE_ALFABET, lagInvitasjon, lagKode, sjekkKode, trekkTilbakeInvitasjon } from "./invitasjon.server.ts";
import { hentBarnehage, mineBarnehager } from "./barnehage.repo.server.ts";


for (const dialekt of DIALEKTER) {
  describe(`barnehager og invitasjoner på ${dialekt}`, () => {
    let t: TestDb;
    let auth: Auth;
    const personer: Record<string, Aktor> = {};
    const dep = () => ({ db: t.db, auth });
    // Only the people come from the factory: creating barnehager and using invitations is what is tested here.
    const person = async (navn: string) => (personer[navn] = await lagPerson(dep(), navn));
    let a = "";
    let b = "";

    beforeAll(async () => {
      t = await lagTestDb(dialekt);
      auth = lagAuth(t.db, { baseURL: "http://localhost:3000", secret: "s".repeat(40), sikreCookies: false });
      for (const navn of ["Styrer", "Ansatt", "Leder", "Annen", "Sen", "Fremmed"]) await person(navn);
    });
    afterAll(() => t.rydd());

    it("skal la en innlogget person opprette en barnehage og bli styrer", async () => {
      a = await opprettBarnehage(personer.Styrer!, { navn: "Solsikken barnehage", orgnummer: "974760673" }, dep());
      b = await opprettBarnehage(personer.Fremmed!, { navn: "Blåbærlia" }, dep());
      expect(await hentBarnehage(t.db, a)).toMatchObject({ navn: "Solsikken barnehage", orgnummer: "974760673" });
      const m = await krevMedlemskap(personer.Styrer!, a, dep());
      expect(m).toMatchObject({ barnehageId: a, rolle: "styrer", barnehageNavn: "Solsikken barnehage" });
      expect(await mineBarnehager(t.db, personer.Styrer!.id)).toEqual([{ id: a, navn: "Solsikken barnehage", rolle: "styrer" }]);
      await forventIkkeFunnet(opprettBarnehage(null, { navn: "X" }, dep()));
    });

    it("skal stenge alle Better Auths organisasjonsendepunkter over HTTP, også nye etter en oppgradering", async () => {
      const stier = Object.values(auth.api as Record<string, { path?: string }>)
        .map((e) => e.path)
        .filter((p): p is string => typeof p === "string" && p.startsWith("/organization/"));
      expect(stier.length).toBeGreaterThan(20);
      expect(stier.filter((p) => !STENGTE_ORGANISASJONSSTIER.includes(p))).toEqual([]);
      const { headers } = await auth.api.signInEmail({ body: { email: "styrer@example.no", password: "et langt passord" }, returnHeaders: true });
      const cookie = headers.getSetCookie().map((c) => c.split(";", 1)[0]).join("; ");
      for (const [metode, sti] of [["GET", "list"], ["GET", "list-members"], ["POST", "create"], ["POST", "update-member-role"]] as const) {
        const svar = await auth.handler(
          new Request(`http://localhost:3000/api/auth/organization/${sti}`, {
            method: metode,
            headers: { cookie, origin: "http://localhost:3000", "content-type": "application/json" },
            ...(metode === "POST" ? { body: JSON.stringify({ name: "X", slug: "x", memberId: "m", role: "styrer" }) } : {}),
          }),
        );
        expect(svar.status, `${metode} ${sti}`).toBe(404);
      }
    });

    it("skal svare «ikke funnet» for en barnehage personen ikke er medlem av", async () => {
      await forventIkkeFunnet(krevMedlemskap(personer.Ansatt!, a, dep()));
      await forventIkkeFunnet(krevMedlemskap(personer.Styrer!, b, dep()));
      await forventIkkeFunnet(krevMedlemskap(null, a, dep()));
      await forventIkkeFunnet(krevMedlemskap(personer.Styrer!, "finnes-ikke", dep()));
    });

    it("skal gi medlemskap med invitert rolle, bare én gang per kode", async () => {
      const styrer = await krevMedlemskap(personer.Styrer!, a, dep());
      const inv1 = await lagInvitasjon(personer.Styrer!, styrer, "ansatt", dep());
      const inv2 = await lagInvitasjon(personer.Styrer!, styrer, "ansatt", dep());
      expect(inv1.kode).toMatch(new RegExp(`^[${KODE_ALFABET}]{8}$`));
      expect(inv1.kode).not.toBe(inv2.kode);
      const lagret = await t.db.selectFrom("invitasjonskode").select("kodeHash").execute();
      expect(lagret.map((r) => r.kodeHash)).not.toContain(inv1.kode);
      expect(lagret.map((r) => r.kodeHash)).toContain(hashKode(inv1.kode));
      expect(await sjekkKode(inv1.kode, dep())).toEqual({ ok: true, barnehageNavn: "Solsikken barnehage", rolle: "ansatt" });

      expect(await brukInvitasjon(personer.Ansatt!, inv1.kode, dep())).toEqual({ ok: true, barnehageId: a });
      expect((await krevMedlemskap(personer.Ansatt!, a, dep())).rolle).toBe("ansatt");
      expect(await brukInvitasjon(personer.Annen!, inv1.kode, dep())).toEqual({ ok: false, feil: "invitasjon.feil.brukt" });
      expect(await sjekkKode(inv1.kode, dep())).toEqual({ ok: false, feil: "invitasjon.feil.brukt" });
      expect(await brukInvitasjon(personer.Leder!, inv2.kode, dep())).toEqual({ ok: true, barnehageId: a });
      expect(await sjekkKode("ZZZZZZZZ", dep())).toEqual({ ok: false, feil: "invitasjon.feil.ukjent" });
    });

    it("skal avvise en kode som er trukket tilbake eller utløpt, med en tydelig melding", async () => {
      const styrer = await krevMedlemskap(personer.Styrer!, a, dep());
      const trukket = await lagInvitasjon(personer.Styrer!, styrer, "leder", dep());
      const liste = await invitasjoner(personer.Styrer!, styrer, dep());
      await trekkTilbakeInvitasjon(personer.Styrer!, styrer, liste.find((i) => i.status === "aktiv")!.id, dep());
      expect(await brukInvitasjon(personer.Sen!, trukket.kode, dep())).toEqual({ ok: false, feil: "invitasjon.feil.trukket" });

      const gammel = await lagInvitasjon(personer.Styrer!, styrer, "ansatt", dep(), new Date(Date.now() - 8 * 24 * 3600 * 1000));
      expect(await sjekkKode(gammel.kode, dep())).toEqual({ ok: false, feil: "invitasjon.feil.utlopt" });
      expect(await brukInvitasjon(personer.Sen!, gammel.kode, dep())).toEqual({ ok: false, feil: "invitasjon.feil.utlopt" });
      await forventIkkeFunnet(krevMedlemskap(personer.Sen!, a, dep()));
      const statuser = (await invitasjoner(personer.Styrer!, styrer, dep())).map((i) => i.status).sort();
      expect(statuser).toEqual(["brukt", "brukt", "trukket", "utlopt"]);
    });

    it("skal la bare styreren invitere, endre roller og fjerne medlemmer", async () => {
      const ansatt = await krevMedlemskap(personer.Ansatt!, a, dep());
      await forventIkkeFunnet(lagInvitasjon(personer.Ansatt!, ansatt, "leder", dep()));
      await forventIkkeFunnet(invitasjoner(personer.Ansatt!, ansatt, dep()));
      await forventIkkeFunnet(endreRolle(personer.Ansatt!, ansatt, personer.Ansatt!.id, "leder", dep()));
      await forventIkkeFunnet(fjernMedlem(personer.Ansatt!, ansatt, personer.Leder!.id, dep()));
    });

    it("skal la styreren endre en rolle, og endringen gjelder fra neste forespørsel", async () => {
      const styrer = await krevMedlemskap(personer.Styrer!, a, dep());
      expect(await endreRolle(personer.Styrer!, styrer, personer.Leder!.id, "leder", dep())).toEqual({ ok: true });
      expect((await krevMedlemskap(personer.Leder!, a, dep())).rolle).toBe("leder");
      expect(await endreRolle(personer.Styrer!, styrer, personer.Styrer!.id, "ansatt", dep())).toEqual({ ok: false, feil: "barnehage.feil.styrer" });
      const liste = await medlemsliste(personer.Styrer!, styrer, dep());
      expect(liste.map((m) => [m.navn, m.rolle])).toEqual([
        ["Ansatt", "ansatt"],
        ["Leder", "leder"],
        ["Styrer", "styrer"],
      ]);
    });

    it("skal ikke la en styrer i en annen barnehage røre medlemmene her", async () => {
      const fremmed = await krevMedlemskap(personer.Fremmed!, b, dep());
      await forventIkkeFunnet(endreRolle(personer.Fremmed!, fremmed, personer.Ansatt!.id, "leder", dep()));
      await forventIkkeFunnet(fjernMedlem(personer.Fremmed!, fremmed, personer.Ansatt!.id, dep()));
      expect((await krevMedlemskap(personer.Ansatt!, a, dep())).rolle).toBe("ansatt");
    });

    it("skal la styreren gjøre en annen til styrer og så gi fra seg rollen, men aldri la barnehagen stå uten styrer", async () => {
      const forste = await person("Forste");
      const neste = await person("Neste");
      const c = await opprettBarnehage(forste, { navn: "Overgangen barnehage" }, dep());
      const mForste = await krevMedlemskap(forste, c, dep());
      expect(await brukInvitasjon(neste, (await lagInvitasjon(forste, mForste, "leder", dep())).kode, dep())).toEqual({ ok: true, barnehageId: c });
      // Alone, the styrer cannot step down.
      expect(await gaaNed(forste, mForste, dep())).toEqual({ ok: false, feil: "barnehage.feil.enesteStyrer" });
      expect(await endreRolle(forste, mForste, neste.id, "styrer", dep())).toEqual({ ok: true });
      const mNeste = await krevMedlemskap(neste, c, dep());
      expect(mNeste.rolle).toBe("styrer");
      // One styrer never changes another; each steps down on their own.
      expect(await endreRolle(neste, mNeste, forste.id, "ansatt", dep())).toEqual({ ok: false, feil: "barnehage.feil.styrer" });
      expect(await gaaNed(forste, mForste, dep())).toEqual({ ok: true });
      expect((await krevMedlemskap(forste, c, dep())).rolle).toBe("leder");
      expect(await gaaNed(neste, mNeste, dep())).toEqual({ ok: false, feil: "barnehage.feil.enesteStyrer" });
      expect((await krevMedlemskap(neste, c, dep())).rolle).toBe("styrer");
      // A leder cannot use it at all.
      await forventIkkeFunnet(gaaNed(forste, await krevMedlemskap(forste, c, dep()), dep()));
      const { rader } = await hendelserForOrganisasjon(t.db, c, { antall: 100 });
      expect(rader.filter((r) => r.hendelse === "rolle_endret").map((r) => r.detaljer)).toEqual(
        expect.arrayContaining([expect.objectContaining({ fra: "leder", til: "styrer" }), expect.objectContaining({ fra: "styrer", til: "leder" })]),
      );
    });

    it("skal stenge ute et fjernet medlem fra neste forespørsel", async () => {
      const styrer = await krevMedlemskap(personer.Styrer!, a, dep());
      expect(await fjernMedlem(personer.Styrer!, styrer, personer.Ansatt!.id, dep())).toEqual({ ok: true });
      await forventIkkeFunnet(krevMedlemskap(personer.Ansatt!, a, dep()));
      await forventIkkeFunnet(fjernMedlem(personer.Styrer!, styrer, personer.Ansatt!.id, dep()));
    });

    it("skal føre roller, medlemskap og invitasjoner i revisjonsloggen, uten personopplysninger", async () => {
      const { rader } = await hendelserForOrganisasjon(t.db, a, { antall: 100 });
      const hendelser = new Set(rader.map((r) => r.hendelse));
      for (const h of ["medlem_lagt_til", "invitasjon_opprettet", "invitasjon_trukket", "rolle_endret", "medlem_fjernet"]) expect(hendelser, h).toContain(h);
      const tekst = JSON.stringify(rader);
      for (const p of Object.values(personer)) {
        expect(tekst).not.toContain(p.epost);
        expect(tekst).not.toContain(p.navn);
      }
    });
  });
}

describe("skjemaene for barnehager", () => {
  it("skal godta et organisasjonsnummer på ni siffer, med eller uten mellomrom, og la det være valgfritt", () => {
    expect(opprettBarnehageSkjema.parse({ navn: "Solsikken", orgnummer: "974 760 673" }).orgnummer).toBe("974760673");
    expect(opprettBarnehageSkjema.parse({ navn: "Solsikken", orgnummer: "" }).orgnummer).toBeUndefined();
    expect(opprettBarnehageSkjema.parse({ navn: "Solsikken" }).orgnummer).toBeUndefined();
    const feil = opprettBarnehageSkjema.safeParse({ navn: " ", orgnummer: "12345" });
    expect(Object.fromEntries(feil.error!.issues.map((i) => [i.path[0], i.message]))).toEqual({ navn: "barnehage.feil.navn", orgnummer: "barnehage.feil.orgnummer" });
  });

  it("skal tillate rollene ansatt, leder og styrer ved endring, og ingen andre", () => {
    expect(medlemSkjema.safeParse({ intent: "endre-rolle", brukerId: "u1", rolle: "styrer" }).success).toBe(true);
    expect(medlemSkjema.safeParse({ intent: "endre-rolle", brukerId: "u1", rolle: "leder" }).success).toBe(true);
    expect(medlemSkjema.safeParse({ intent: "endre-rolle", brukerId: "u1", rolle: "eier" }).error?.issues[0]?.message).toBe("barnehage.feil.rolleEndring");
  });

  it("skal tilgi mellomrom, bindestrek og små bokstaver i koden", () => {
    expect(bliMedSkjema.parse({ intent: "bli-med", kode: " abcd-efgh " })).toEqual({ intent: "bli-med", kode: "ABCDEFGH" });
    expect(bliMedSkjema.safeParse({ intent: "bli-med", kode: "kort" }).error?.issues[0]?.message).toBe("invitasjon.feil.format");
    expect(lagKode()).not.toMatch(/[01ILO]/);
  });
});
