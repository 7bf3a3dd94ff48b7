import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALEKTER, lagTestDb, type TestDb, forventIkkeFunnet } from "#app/db/test-databaser.ts";
import { lagAuth, type Auth } from "#app/auth/auth.server.ts";
import type { Aktor } from "#app/kontekst.ts";
import type { Medlemskap } from "#app/auth/tilgang.ts";
import { lagreMinRefleksjon, loggUtproving, markerTattIgjen } from "#app/domain/notat/notat.server.ts";
import { lagBarnehage, lagHoldtSamling, lagInnhold, lagModul, lagPlanlagtSamling, som, velgPlan } from "#app/test/fabrikk.ts";
import { barnehageFremdrift, minFremdrift, teamenesFremdrift } from "./fremdrift.server.ts";

const ANSATTE = ["Anne", "Berit", "Cecilie", "Dag", "Eva", "Frode"];

for (const dialekt of DIALEKTER) {
  describe(`fremdrift på ${dialekt}`, () => {
    let t: TestDb;
    let auth: Auth;
    const p: Record<string, Aktor> = {};
    const m: Record<string, Medlemskap> = {};
    const dep = () => ({ db: t.db, auth });
    const m1 = lagModul("m1", { nummer: 1, aktiviteter: ["m1-a1"] });
    const innhold = lagInnhold(m1, lagModul("m2", { nummer: 2 }));
    let a = "";
    let b = "";
    let stort = "";
    let lite = "";

    beforeAll(async () => {
      t = await lagTestDb(dialekt);
      auth = lagAuth(t.db, { baseURL: "http://localhost:3000", secret: "s".repeat(40), sikreCookies: false });
      const avh = { ...dep(), innhold };
      const sol = await lagBarnehage(avh, {
        ledere: ["Leder"],
        ansatte: ANSATTE,
        team: [
          { navn: "Stort", medlemmer: ANSATTE },
          { navn: "Lite", medlemmer: ["Anne", "Berit"] },
        ],
      });
      const blaa = await lagBarnehage(avh, { navn: "Blåbærlia", styrer: "Fremmed" });
      Object.assign(p, sol.personer, blaa.personer);
      Object.assign(m, sol.medlemskap, blaa.medlemskap);
      a = sol.barnehageId;
      b = blaa.barnehageId;
      stort = sol.team.Stort!;
      lite = sol.team.Lite!;
      await velgPlan(avh, som(sol, "Leder"), stort, ["m1", "m2"]);
      await velgPlan(avh, som(sol, "Leder"), lite, ["m1"]);
      // Stort: the m1 samling was held with Anne, Berit and Cecilie; m2 is still planned.
      const { samlingId: holdt, utprovinger } = await lagHoldtSamling(avh, {
        av: som(sol, "Leder"),
        teamId: stort,
        modulId: "m1",
        starter: new Date("2026-11-02T09:00:00Z"),
        oppmote: [p.Anne!, p.Berit!, p.Cecilie!],
        utprovinger: ["Hilse på hvert barn"],
      });
      await lagPlanlagtSamling(avh, { av: som(sol, "Leder"), teamId: stort, modulId: "m2", starter: new Date("2099-01-01T09:00:00Z") });
      const oppgave = utprovinger[0]!;
      await markerTattIgjen(p.Dag!, m.Dag!, holdt, dep());
      for (const navn of ["Anne", "Dag", "Eva"]) await lagreMinRefleksjon(p[navn]!, m1, "m1-a1", `Hemmelig fra ${navn}`, dep());
      for (const navn of ["Anne", "Berit"]) await loggUtproving(p[navn]!, m[navn]!, holdt, oppgave, "Gikk fint", dep());
    });
    afterAll(() => t.rydd());

    it("skal vise lederen riktige tall og navn per team, aldri innhold", async () => {
      const team = await teamenesFremdrift(p.Leder!, m.Leder!, dep());
      const s = team.find((x) => x.navn === "Stort")!;
      expect(s).toMatchObject({ medlemmer: 6, samlingerHoldt: 1, samlingerPlanlagt: 2, reflektert: { antall: 3, av: 6 }, logget: { antall: 2, av: 6 } });
      expect(s.ikkeTattIgjen.map((x) => x.navn)).toEqual([["Eva", "Frode"]]);
      // Fewer than five in the team: the share who reflected is not shown.
      expect(team.find((x) => x.navn === "Lite")).toMatchObject({ medlemmer: 2, reflektert: null, logget: { antall: 0, av: 2 } });
      expect(JSON.stringify(team)).not.toContain("Hemmelig");
      expect(JSON.stringify(team)).not.toContain("Gikk fint");
    });

    it("skal bare la leder og styrer se dashbordet", async () => {
      await teamenesFremdrift(p.Styrer!, m.Styrer!, dep());
      await forventIkkeFunnet(teamenesFremdrift(p.Anne!, m.Anne!, dep()));
      await forventIkkeFunnet(teamenesFremdrift(null, m.Leder!, dep()));
      expect(await teamenesFremdrift(p.Fremmed!, m.Fremmed!, dep())).toEqual([]);
    });

    it("skal vise hver person sine egne steg per modul i planen", async () => {
      const anne = await minFremdrift(p.Anne!, dep());
      const stortAnne = anne.find((x) => x.teamNavn === "Stort")!;
      expect(stortAnne.moduler).toEqual([
        { modulId: "m1", steg: { samling: true, refleksjon: true, utproving: true }, taIgjen: null },
        { modulId: "m2", steg: { samling: false, refleksjon: false, utproving: false }, taIgjen: null },
      ]);
      expect([stortAnne.gjort, stortAnne.mulig]).toEqual([3, 6]);
      const eva = (await minFremdrift(p.Eva!, dep()))[0]!;
      expect(eva.moduler[0]).toMatchObject({ steg: { samling: false, refleksjon: true, utproving: false } });
      expect(eva.moduler[0]!.taIgjen).not.toBeNull();
      expect((await minFremdrift(p.Dag!, dep()))[0]!.moduler[0]).toMatchObject({ steg: { samling: true, refleksjon: true }, taIgjen: null });
      expect(await minFremdrift(p.Fremmed!, dep())).toEqual([]);
    });

    it("skal gi eieren aggregater per barnehage uten navn, med andeler bare fra fem personer", async () => {
      expect(await barnehageFremdrift(t.db, a)).toEqual({
        team: 2,
        medlemmer: 6,
        samlingerHoldt: 1,
        samlingerPlanlagt: 2,
        reflektert: { antall: 3, av: 6 },
        logget: { antall: 2, av: 6 },
      });
      expect(await barnehageFremdrift(t.db, b)).toEqual({ team: 0, medlemmer: 0, samlingerHoldt: 0, samlingerPlanlagt: 0, reflektert: null, logget: null });
    });
  });
}
