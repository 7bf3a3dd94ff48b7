import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALEKTER, lagTestDb, type TestDb, forventIkkeFunnet } from "#app/db/test-databaser.ts";
import { lagAuth, type Auth } from "#app/auth/auth.server.ts";
import { krevMedlemskap } from "#app/domain/barnehage/barnehage.server.ts";
import { hentTeam } from "#app/domain/team/team.server.ts";
import { eierOversikt, krevEierMedlemskap } from "#app/domain/eier/eier.server.ts";
import { hentSamling, oppmoteliste, utprovingerISamling } from "#app/domain/samling/samling.server.ts";
import { hentPlan } from "#app/domain/samling/samling.repo.server.ts";
import { hentStatus } from "#app/domain/tofaktor/tofaktor.server.ts";
import {
  lagBarnehage,
  lagEier,
  lagHoldtSamling,
  lagInnhold,
  lagModul,
  lagPerson,
  lagPlanlagtSamling,
  loggInnCookie,
  slaaPaaTofaktor,
  som,
  velgPlan,
  type BarnehageVerden,
  type EierVerden,
} from "./fabrikk.ts";

const innhold = lagInnhold(lagModul("m1", { nummer: 1, aktiviteter: ["m1-a1"] }), lagModul("m2", { nummer: 2 }));

for (const dialekt of DIALEKTER) {
  describe(`testfabrikken på ${dialekt}`, () => {
    let t: TestDb;
    let auth: Auth;
    const avh = () => ({ db: t.db, auth, innhold });
    let a: BarnehageVerden;
    let b: BarnehageVerden;
    let eier: EierVerden;
    let holdt = "";
    let oppgave = "";
    let planlagt = "";

    beforeAll(async () => {
      t = await lagTestDb(dialekt);
      auth = lagAuth(t.db, { baseURL: "http://localhost:3000", secret: "s".repeat(40), sikreCookies: false });
      a = await lagBarnehage(avh(), {
        ledere: ["Leder"],
        ansatte: ["Anne", "Berit", "Utenfor"],
        team: [{ navn: "Blåklokka", medlemmer: ["Leder", "Anne", "Berit"] }],
        tofaktorForStyrer: true,
      });
      // Anne works in both barnehager: the same account, invited again.
      b = await lagBarnehage(avh(), { navn: "Blåbærlia", styrer: "Fremmed", ansatte: [a.personer.Anne!], team: [{ navn: "Fremmedteam", medlemmer: [] }] });
      eier = await lagEier(avh(), { person: "Kari", barnehager: [a] });
      const teamId = a.team.Blåklokka!;
      await velgPlan(avh(), som(a, "Leder"), teamId, ["m2", "m1"]);
      const s = await lagHoldtSamling(avh(), {
        av: som(a, "Leder"),
        teamId,
        modulId: "m1",
        starter: new Date("2026-11-02T09:00:00Z"),
        oppmote: [a.personer.Anne!, a.personer.Utenfor!],
        utprovinger: ["Hilse på hvert barn"],
      });
      holdt = s.samlingId;
      oppgave = s.utprovinger[0]!;
      planlagt = await lagPlanlagtSamling(avh(), { av: som(a, "Styrer"), teamId, modulId: "m2", starter: new Date("2099-01-01T09:00:00Z") });
    });
    afterAll(() => t.rydd());

    it("skal gi hver person medlemskapet med rollen de ble invitert til, og bare i sin barnehage", async () => {
      const roller = async (bh: BarnehageVerden) =>
        Object.fromEntries(await Promise.all(Object.entries(bh.personer).map(async ([navn, p]) => [navn, (await krevMedlemskap(p, bh.barnehageId, avh())).rolle])));
      expect(await roller(a)).toEqual({ Styrer: "styrer", Leder: "leder", Anne: "ansatt", Berit: "ansatt", Utenfor: "ansatt" });
      expect(await roller(b)).toEqual({ Fremmed: "styrer", Anne: "ansatt" });
      expect(a.medlemskap.Leder).toEqual({ barnehageId: a.barnehageId, barnehageNavn: "Solsikken", medlemId: expect.any(String), rolle: "leder" });
      expect(b.personer.Anne!.id).toBe(a.personer.Anne!.id);
      await forventIkkeFunnet(krevMedlemskap(a.personer.Berit!, b.barnehageId, avh()));
      await forventIkkeFunnet(krevMedlemskap(b.styrer, a.barnehageId, avh()));
    });

    it("skal legge teammedlemmene i teamet, og ingen andre", async () => {
      const team = await hentTeam(a.styrer, a.medlemskap.Styrer!, a.team.Blåklokka!, avh());
      expect(team.navn).toBe("Blåklokka");
      expect(team.medlemmer.map((x) => x.navn).sort()).toEqual(["Anne", "Berit", "Leder"]);
      expect((await hentTeam(b.styrer, b.medlemskap.Fremmed!, b.team.Fremmedteam!, avh())).medlemmer).toEqual([]);
      await forventIkkeFunnet(hentTeam(a.styrer, a.medlemskap.Styrer!, b.team.Fremmedteam!, avh()));
    });

    it("skal la eieren se den tilknyttede barnehagen og ikke den andre", async () => {
      const oversikt = await eierOversikt(eier.aktor, eier.medlemskap, avh());
      expect(oversikt.barnehager.map((x) => [x.id, x.navn, x.antallMedlemmer, x.antallTeam])).toEqual([[a.barnehageId, "Solsikken", 5, 1]]);
      expect(eier.medlemskap).toEqual({ eierId: eier.eierId, eierNavn: "Solby kommune" });
      await forventIkkeFunnet(krevEierMedlemskap(b.styrer, eier.eierId, avh()));
    });

    it("skal slå på totrinnsinnlogging for styreren, så passordet alene ikke gir en økt", async () => {
      expect(a.styrer.tofaktor).toBe(true);
      expect(await hentStatus(t.db, a.styrer)).toEqual({ paa: true, paabegynt: false, harPassord: true });
      expect(await hentStatus(t.db, b.styrer)).toMatchObject({ paa: false });
      expect(a.tofaktor!.hemmelighet).toMatch(/^[A-Z2-7]{16,}$/);
      expect(a.tofaktor!.gjenopprettingskoder).toHaveLength(10);
      await expect(loggInnCookie(avh(), a.styrer)).rejects.toThrow(/totrinnsinnlogging/);
      const cookie = await loggInnCookie(avh(), a.styrer, { tofaktor: a.tofaktor! });
      const okt = await auth.api.getSession({ headers: new Headers({ cookie }) });
      expect(okt?.user.id).toBe(a.styrer.id);
    });

    it("skal slå på totrinnsinnlogging for en person laget alene, med eget passord", async () => {
      const ny = await lagPerson(avh(), "Nina", { epost: "nina.nilsen@example.no", passord: "et annet langt passord" });
      expect(ny).toEqual({ id: expect.any(String), navn: "Nina", epost: "nina.nilsen@example.no", tofaktor: false });
      const uten = await loggInnCookie(avh(), ny, { passord: "et annet langt passord" });
      expect((await auth.api.getSession({ headers: new Headers({ cookie: uten }) }))?.user.email).toBe("nina.nilsen@example.no");
      const tf = await slaaPaaTofaktor(avh(), ny, "et annet langt passord");
      expect((await hentStatus(t.db, ny)).paa).toBe(true);
      expect(tf.hemmelighet).not.toBe(a.tofaktor!.hemmelighet);
    });

    it("skal gi en holdt samling med oppmøte og utprøving, og en planlagt som ikke har startet", async () => {
      const leder = som(a, "Leder");
      const s = await hentSamling(leder.aktor, leder.medlemskap, holdt, avh());
      expect(s).toMatchObject({ status: "holdt", modulId: "m1", teamId: a.team.Blåklokka, teamNavn: "Blåklokka" });
      expect(new Date(s.starter).toISOString()).toBe("2026-11-02T09:00:00.000Z");
      expect(new Date(s.holdt!).toISOString()).toBe("2026-11-02T09:40:00.000Z");
      // Utenfor is not in the team: the use case leaves them out of the attendance.
      const liste = await oppmoteliste(leder.aktor, leder.medlemskap, holdt, avh());
      expect(liste.filter((x) => x.tilstede).map((x) => x.navn)).toEqual(["Anne"]);
      expect(liste.map((x) => x.navn).sort()).toEqual(["Anne", "Berit", "Leder"]);
      expect((await utprovingerISamling(leder.aktor, leder.medlemskap, holdt, avh())).map((u) => [u.id, u.hva])).toEqual([[oppgave, "Hilse på hvert barn"]]);
      expect(await hentSamling(leder.aktor, leder.medlemskap, planlagt, avh())).toMatchObject({ status: "planlagt", modulId: "m2", holdt: null });
      expect(await hentPlan(t.db, a.barnehageId, a.team.Blåklokka!)).toEqual(["m1", "m2"]);
    });

    it("skal stoppe med en feil når oppskriften bryter reglene", async () => {
      await expect(lagBarnehage(avh(), { navn: "Feil", styrer: "Styrer3", team: [{ navn: "T", medlemmer: ["Ukjent"] }] })).rejects.toThrow(/Ukjent er ikke med/);
      await expect(
        lagPlanlagtSamling(avh(), { av: som(a, "Leder"), teamId: a.team.Blåklokka!, modulId: "finnes-ikke", starter: new Date("2099-01-01T09:00:00Z") }),
      ).rejects.toThrow(/samling.feil.modul/);
      expect(() => som(a, "Fremmed")).toThrow(/ikke med/);
    });
  });
}
