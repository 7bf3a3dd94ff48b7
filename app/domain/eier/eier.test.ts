import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALEKTER, lagTestDb, type TestDb, forventIkkeFunnet } from "#app/db/test-databaser.ts";
import { lagAuth, type Auth } from "#app/auth/auth.server.ts";
import type { Aktor } from "#app/kontekst.ts";
import type { EierMedlemskap, Medlemskap } from "#app/auth/tilgang.ts";
import { krevMedlemskap, opprettBarnehage } from "#app/domain/barnehage/barnehage.server.ts";
import { erGyldigOrgnummer } from "#app/domain/barnehage/orgnummer.ts";
import { innstillingerSkjema } from "#app/domain/barnehage/innstillinger.schema.ts";
import { hentInnstillinger, lagreInnstillinger } from "#app/domain/barnehage/innstillinger.server.ts";
import { settBarnehageInfo } from "#app/domain/barnehage/innstillinger.repo.server.ts";
import { hentBarnehage } from "#app/domain/barnehage/barnehage.repo.server.ts";
import { hendelserForOrganisasjon } from "#app/domain/revisjon/revisjon.repo.server.ts";
import { lagBarnehage, lagPersoner } from "#app/test/fabrikk.ts";
import { eierSideSkjema, opprettEierSkjema } from "./eier.schema.ts";
import { barnehagerForEier, brukEierInvitasjon, eierOversikt, krevEierMedlemskap, lagEierKode, mineEiere, opprettEier } from "./eier.server.ts";
import { knyttTilEier, kobleFraEier } from "./tilknytning.server.ts";
import { eierForBarnehage, kobleFraBarnehage, listBarnehagerForEier } from "./eier.repo.server.ts";

describe("organisasjonsnummer og skjemaene for eiere og innstillinger", () => {
  it("skal godta gyldige organisasjonsnumre og avvise feil kontrollsiffer og lengde", () => {
    for (const gyldig of ["974760673", "923609016", "991825827"]) expect(erGyldigOrgnummer(gyldig), gyldig).toBe(true);
    for (const ugyldig of ["974760674", "97476067", "9747606731", "abcdefghi", ""]) expect(erGyldigOrgnummer(ugyldig), ugyldig).toBe(false);
  });

  it("skal gi norske feilmeldinger: ni siffer først, så kontrollsifferet", () => {
    const melding = (orgnummer: string) => opprettEierSkjema.safeParse({ navn: "Solby kommune", orgnummer }).error?.issues[0]?.message;
    expect(melding("12345")).toBe("barnehage.feil.orgnummer");
    expect(melding("974760674")).toBe("innstillinger.feil.orgnummerKontroll");
    expect(opprettEierSkjema.parse({ navn: " Solby kommune ", orgnummer: "974 760 673" })).toEqual({ navn: "Solby kommune", orgnummer: "974760673" });
    expect(opprettEierSkjema.parse({ navn: "Solby kommune", orgnummer: "" }).orgnummer).toBeUndefined();
    expect(opprettEierSkjema.safeParse({ navn: "  " }).error?.issues[0]?.message).toBe("eier.feil.navn");
  });

  it("skal lese hensikten med skjemaene", () => {
    expect(eierSideSkjema.parse({ intent: "lag-kode", formaal: "barnehage" })).toEqual({ intent: "lag-kode", formaal: "barnehage" });
    expect(eierSideSkjema.safeParse({ intent: "lag-kode", formaal: "styrer" }).success).toBe(false);
    expect(innstillingerSkjema.parse({ intent: "knytt", kode: "k7qm-4rta" })).toEqual({ intent: "knytt", kode: "K7QM4RTA" });
    expect(innstillingerSkjema.safeParse({ intent: "lagre", navn: "", orgnummer: "" }).error?.issues[0]?.message).toBe("barnehage.feil.navn");
    expect(innstillingerSkjema.safeParse({ intent: "koble-fra", eierId: "" }).success).toBe(false);
  });
});

for (const dialekt of DIALEKTER) {
  describe(`eiere og tilknytning på ${dialekt}`, () => {
    let t: TestDb;
    let auth: Auth;
    const p: Record<string, Aktor> = {};
    const m: Record<string, Medlemskap> = {};
    const e: Record<string, EierMedlemskap> = {};
    const dep = () => ({ db: t.db, auth });
    let a = "";
    let b = "";
    let solby = "";
    let nordby = "";

    beforeAll(async () => {
      t = await lagTestDb(dialekt);
      auth = lagAuth(t.db, { baseURL: "http://localhost:3000", secret: "s".repeat(40), sikreCookies: false });
      const sol = await lagBarnehage(dep(), {
        ledere: ["Leder"],
        ansatte: ["Ansatt"],
        team: [
          { navn: "Blåklokka", medlemmer: [] },
          { navn: "Kjøkkenet", medlemmer: [] },
        ],
      });
      const blaa = await lagBarnehage(dep(), { navn: "Blåbærlia", styrer: "Fremmed", team: [{ navn: "Fremmedteamet", medlemmer: [] }] });
      Object.assign(p, sol.personer, blaa.personer, await lagPersoner(dep(), ["Kari", "Ola", "Per"]));
      Object.assign(m, sol.medlemskap, blaa.medlemskap);
      a = sol.barnehageId;
      b = blaa.barnehageId;
      // The eiere themselves are made in the tests: creating them and linking with a code is what is tested here.
    });
    afterAll(() => t.rydd());

    it("skal la en innlogget opprette en eier og bli eierens første person", async () => {
      await forventIkkeFunnet(opprettEier(null, { navn: "Solby kommune" }, dep()));
      solby = await opprettEier(p.Kari!, { navn: "Solby kommune", orgnummer: "974760673" }, dep());
      nordby = await opprettEier(p.Ola!, { navn: "Nordby private barnehager" }, dep());
      e.Kari = await krevEierMedlemskap(p.Kari!, solby, dep());
      e.Ola = await krevEierMedlemskap(p.Ola!, nordby, dep());
      expect(e.Kari).toEqual({ eierId: solby, eierNavn: "Solby kommune" });
      expect(await mineEiere(p.Kari!, dep())).toEqual([{ id: solby, navn: "Solby kommune" }]);
      expect(await mineEiere(p.Styrer!, dep())).toEqual([]);
      const logg = await hendelserForOrganisasjon(t.db, solby);
      expect(logg.rader.map((r) => [r.hendelse, r.aktorId])).toEqual([["eier_opprettet", p.Kari!.id]]);
    });

    it("skal svare «ikke funnet» for en eier man ikke er med i", async () => {
      await forventIkkeFunnet(krevEierMedlemskap(p.Ola!, solby, dep()));
      await forventIkkeFunnet(krevEierMedlemskap(p.Styrer!, solby, dep()));
      await forventIkkeFunnet(krevEierMedlemskap(null, solby, dep()));
      await forventIkkeFunnet(krevEierMedlemskap(p.Kari!, "finnes-ikke", dep()));
      await forventIkkeFunnet(lagEierKode(null, e.Kari!, "barnehage", dep()));
    });

    it("skal knytte barnehagen når styreren skriver inn eierens kode, og bare styreren kan det", async () => {
      const { kode } = await lagEierKode(p.Kari!, e.Kari!, "barnehage", dep());
      expect(kode).toMatch(/^[A-Z2-9]{8}$/);
      await forventIkkeFunnet(knyttTilEier(p.Leder!, m.Leder!, kode, dep()));
      await forventIkkeFunnet(knyttTilEier(p.Ansatt!, m.Ansatt!, kode, dep()));
      expect(await knyttTilEier(p.Styrer!, m.Styrer!, kode, dep())).toEqual({ ok: true, eierNavn: "Solby kommune" });
      expect(await eierForBarnehage(t.db, a)).toMatchObject({ eierId: solby, eierNavn: "Solby kommune" });
      // The code is used up: another barnehage cannot use it.
      expect(await knyttTilEier(p.Fremmed!, m.Fremmed!, kode, dep())).toEqual({ ok: false, feil: "eier.feil.kodeBrukt" });
      // The same owner's code again changes nothing; another owner's code is refused.
      expect(await knyttTilEier(p.Styrer!, m.Styrer!, kode, dep())).toEqual({ ok: true, eierNavn: "Solby kommune" });
      const nordbyKode = await lagEierKode(p.Ola!, e.Ola!, "barnehage", dep());
      expect(await knyttTilEier(p.Styrer!, m.Styrer!, nordbyKode.kode, dep())).toEqual({ ok: false, feil: "eier.feil.harEier" });
      expect(await knyttTilEier(p.Fremmed!, m.Fremmed!, nordbyKode.kode, dep())).toEqual({ ok: true, eierNavn: "Nordby private barnehager" });
      const logg = await hendelserForOrganisasjon(t.db, a);
      expect(logg.rader.filter((r) => r.hendelse === "barnehage_tilknyttet").map((r) => [r.aktorId, r.malId])).toEqual([[p.Styrer!.id, solby]]);
    });

    it("skal avvise ukjente, utløpte og feil slags koder", async () => {
      const c = await opprettBarnehage(p.Per!, { navn: "Tredje barnehage" }, dep());
      const mc = await krevMedlemskap(p.Per!, c, dep());
      expect(await knyttTilEier(p.Per!, mc, "ABCDEFGH", dep())).toEqual({ ok: false, feil: "eier.feil.kodeUkjent" });
      const kollegakode = await lagEierKode(p.Kari!, e.Kari!, "eier", dep());
      expect(await knyttTilEier(p.Per!, mc, kollegakode.kode, dep())).toEqual({ ok: false, feil: "eier.feil.kodeUkjent" });
      const gammel = await lagEierKode(p.Kari!, e.Kari!, "barnehage", dep(), new Date(Date.now() - 8 * 24 * 3600 * 1000));
      expect(await knyttTilEier(p.Per!, mc, gammel.kode, dep())).toEqual({ ok: false, feil: "eier.feil.kodeUtlopt" });
      expect(await eierForBarnehage(t.db, c)).toBeUndefined();
    });

    it("skal vise eieren bare egne barnehager, med samlede tall og uten navn", async () => {
      const oversikt = await eierOversikt(p.Kari!, e.Kari!, dep());
      expect(oversikt.barnehager).toEqual([
        { id: a, navn: "Solsikken", orgnummer: null, tilknyttet: expect.any(String), antallMedlemmer: 3, antallTeam: 2 },
      ]);
      expect(oversikt.sum).toEqual({ barnehager: 1, medlemmer: 3, team: 2 });
      expect(JSON.stringify(oversikt)).not.toMatch(/Styrer|Ansatt|Leder|Blåklokka/);
      const nord = await barnehagerForEier(t.db, nordby);
      expect(nord.map((x) => [x.navn, x.antallMedlemmer, x.antallTeam])).toEqual([["Blåbærlia", 1, 1]]);
      expect(await listBarnehagerForEier(t.db, "finnes-ikke")).toEqual([]);
      await forventIkkeFunnet(eierOversikt(null, e.Kari!, dep()));
      // Linked or not, the owner is no member of the barnehage: its own pages are «not found».
      await forventIkkeFunnet(krevMedlemskap(p.Kari!, a, dep()));
    });

    it("skal la en kollega bli med hos eieren med en kode, én gang", async () => {
      const { kode } = await lagEierKode(p.Kari!, e.Kari!, "eier", dep());
      expect(await brukEierInvitasjon(p.Per!, kode, dep())).toEqual({ ok: true, eierId: solby });
      expect((await krevEierMedlemskap(p.Per!, solby, dep())).eierNavn).toBe("Solby kommune");
      expect(await brukEierInvitasjon(p.Ola!, kode, dep())).toEqual({ ok: false, feil: "eier.feil.kodeBrukt" });
      const barnehagekode = await lagEierKode(p.Kari!, e.Kari!, "barnehage", dep());
      expect(await brukEierInvitasjon(p.Ola!, barnehagekode.kode, dep())).toEqual({ ok: false, feil: "eier.feil.kodeUkjent" });
      await forventIkkeFunnet(krevEierMedlemskap(p.Ola!, solby, dep()));
    });

    it("skal la styreren endre navn og organisasjonsnummer, og logge hva som ble endret", async () => {
      await forventIkkeFunnet(hentInnstillinger(p.Leder!, m.Leder!, dep()));
      await forventIkkeFunnet(lagreInnstillinger(p.Ansatt!, m.Ansatt!, { navn: "Kapret" }, dep()));
      await lagreInnstillinger(p.Styrer!, m.Styrer!, { navn: "Solsikken barnehage", orgnummer: "974760673" }, dep());
      expect(await hentInnstillinger(p.Styrer!, m.Styrer!, dep())).toMatchObject({ navn: "Solsikken barnehage", orgnummer: "974760673", eier: { eierId: solby } });
      await lagreInnstillinger(p.Styrer!, m.Styrer!, { navn: "Solsikken barnehage" }, dep());
      expect((await hentBarnehage(t.db, a))?.orgnummer).toBeNull();
      await lagreInnstillinger(p.Styrer!, m.Styrer!, { navn: "Solsikken barnehage" }, dep()); // no change, no row
      const endringer = (await hendelserForOrganisasjon(t.db, a)).rader.filter((r) => r.hendelse === "barnehage_endret");
      expect(endringer.map((r) => r.detaljer)).toEqual([
        { navn: false, orgnummer: true },
        { navn: true, orgnummer: true },
      ]);
      expect((await hentBarnehage(t.db, b))?.navn).toBe("Blåbærlia");
      // The owner sees the new name.
      expect((await barnehagerForEier(t.db, solby)).map((x) => x.navn)).toEqual(["Solsikken barnehage"]);
    });

    it("skal avgrense spørringene til én barnehage og én eier", async () => {
      expect(await settBarnehageInfo(t.db, "finnes-ikke", { navn: "X", orgnummer: null })).toBe(false);
      expect(await kobleFraBarnehage(t.db, a, nordby)).toBe(false);
      expect((await eierForBarnehage(t.db, a))?.eierId).toBe(solby);
      // The database refuses a second owner for a barnehage.
      await expect(t.db.insertInto("eier_barnehage").values({ organizationId: a, eierId: nordby, tilknyttet: new Date() }).execute()).rejects.toThrow();
    });

    it("skal la styreren koble fra eieren, som ikke ser barnehagen lenger", async () => {
      await forventIkkeFunnet(kobleFraEier(p.Leder!, m.Leder!, solby, dep()));
      await forventIkkeFunnet(kobleFraEier(p.Styrer!, m.Styrer!, nordby, dep()));
      await kobleFraEier(p.Styrer!, m.Styrer!, solby, dep());
      expect(await eierForBarnehage(t.db, a)).toBeUndefined();
      expect(await barnehagerForEier(t.db, solby)).toEqual([]);
      await forventIkkeFunnet(kobleFraEier(p.Styrer!, m.Styrer!, solby, dep()));
      const logg = await hendelserForOrganisasjon(t.db, a);
      expect(logg.rader[0]).toMatchObject({ hendelse: "barnehage_frakoblet", aktorId: p.Styrer!.id, malId: solby });
      // Now another owner can be linked.
      const { kode } = await lagEierKode(p.Ola!, e.Ola!, "barnehage", dep());
      expect(await knyttTilEier(p.Styrer!, m.Styrer!, kode, dep())).toEqual({ ok: true, eierNavn: "Nordby private barnehager" });
    });
  });
}
