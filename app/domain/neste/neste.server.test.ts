import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALEKTER, lagTestDb, type TestDb } from "#app/db/test-databaser.ts";
import { lagAuth, type Auth } from "#app/auth/auth.server.ts";
import type { Innhold } from "#app/domain/innhold/innhold.server.ts";
import { lagBarnehage, lagHoldtSamling, lagInnhold, lagModul, lagPerson, lagPlanlagtSamling, som, velgPlan, type BarnehageVerden } from "#app/test/fabrikk.ts";
import { loggUtproving, mineApneUtprovinger } from "#app/domain/samling/samling.server.ts";
import { nesteForMeg, nesteIBarnehagen } from "./neste.server.ts";

/** «Hva er neste» from the real use cases, on both databases (issue 15, point 3). */
for (const dialekt of DIALEKTER) {
  describe(`neste steg på ${dialekt}`, () => {
    let t: TestDb;
    let auth: Auth;
    const innhold = lagInnhold(lagModul("m1", { nummer: 1 }), lagModul("m2", { nummer: 2 })) as unknown as Innhold;
    const dep = () => ({ db: t.db, auth, innhold });
    let sol: BarnehageVerden;
    let ny: BarnehageVerden;
    let annen: BarnehageVerden;
    let holdt = "";
    let planlagt = "";
    let oppgaver: string[] = [];
    const NAA = new Date("2026-12-07T10:00:00Z");

    beforeAll(async () => {
      t = await lagTestDb(dialekt);
      auth = lagAuth(t.db, { baseURL: "http://localhost:3000", secret: "s".repeat(40), sikreCookies: false });
      sol = await lagBarnehage(dep(), { navn: "Solsikken", ledere: ["Leder"], ansatte: ["Anne", "Berit"], team: [{ navn: "Blåklokka", medlemmer: ["Leder", "Anne", "Berit"] }] });
      ny = await lagBarnehage(dep(), { navn: "Nyåpnet", styrer: "Nina", ansatte: ["Ola"] });
      annen = await lagBarnehage(dep(), { navn: "Blåbærlia", styrer: "Fremmed", team: [{ navn: "Fremmedteamet", medlemmer: ["Fremmed"] }] });
      const team = sol.team.Blåklokka!;
      await velgPlan(dep(), som(sol, "Leder"), team, ["m1", "m2"]);
      // m1 was held on 1 December without Berit, with two practice tasks (deadline 10 December).
      const h = await lagHoldtSamling(dep(), { av: som(sol, "Leder"), teamId: team, modulId: "m1", starter: new Date("2026-12-01T12:00:00Z"), oppmote: [sol.personer.Leder!, sol.personer.Anne!], utprovinger: ["Hils ved døra", "Se barnet i utkanten"] });
      holdt = h.samlingId;
      oppgaver = h.utprovinger;
      planlagt = await lagPlanlagtSamling(dep(), { av: som(sol, "Leder"), teamId: team, modulId: "m2", starter: new Date("2026-12-09T12:00:00Z") });
      await loggUtproving(sol.personer.Anne!, sol.medlemskap.Anne!, oppgaver[0]!, "Det gikk fint.", dep());
      // Another barnehage's task must never show.
      await lagHoldtSamling(dep(), { av: som(annen, "Fremmed"), teamId: annen.team.Fremmedteamet!, modulId: "m1", starter: new Date("2026-12-01T12:00:00Z"), oppmote: [], utprovinger: ["Fremmed oppgave"] });
    });
    afterAll(() => t.rydd());

    it("skal liste bare mine uloggede utprøvinger i mine team, med frist som ikke er passert", async () => {
      expect((await mineApneUtprovinger(sol.personer.Anne!, dep(), NAA)).map((u) => u.hva)).toEqual(["Se barnet i utkanten"]);
      // Both agreed at the same moment with the same deadline: their order between them is not given.
      expect((await mineApneUtprovinger(sol.personer.Berit!, dep(), NAA)).map((u) => [u.hva, u.frist, u.teamNavn]).sort()).toEqual([
        ["Hils ved døra", "2026-12-10", "Blåklokka"],
        ["Se barnet i utkanten", "2026-12-10", "Blåklokka"],
      ]);
      expect(await mineApneUtprovinger(sol.personer.Berit!, dep(), new Date("2026-12-11T10:00:00Z"))).toEqual([]);
      expect(await mineApneUtprovinger(ny.personer.Ola!, dep(), NAA)).toEqual([]);
    });

    it("en assistent får neste samling først (innen to uker), så ta igjen og utprøvingene", async () => {
      const steg = await nesteForMeg(sol.personer.Berit!, dep(), NAA);
      expect(steg.map((s) => s.type)).toEqual(["samling", "ta-igjen", "utproving", "utproving"]);
      expect(steg[0]).toMatchObject({ type: "samling", samlingId: planlagt, teamNavn: "Blåklokka", modulSlug: "modul-m2" });
      expect(steg[1]).toMatchObject({ type: "ta-igjen", samlingId: holdt, modulId: "m1" });
      expect(await nesteIBarnehagen(sol.personer.Berit!, sol.medlemskap.Berit!, dep(), NAA)).toEqual(steg);
    });

    it("en styrer som setter opp får neste oppsettsteg: lag team når personalet er med, og aldri noe fra en annen barnehage", async () => {
      const steg = await nesteForMeg(ny.personer.Nina!, dep(), NAA);
      expect(steg).toEqual([{ type: "oppsett", steg: "team", barnehageId: ny.barnehageId, barnehageNavn: "Nyåpnet", teamId: null }]);
      // Solsikken has staff, a team and samlinger, so its styrer is asked to open the ståsted round.
      const solStyrer = await nesteIBarnehagen(sol.personer.Styrer!, sol.medlemskap.Styrer!, dep(), NAA);
      expect(solStyrer).toEqual([{ type: "oppsett", steg: "stasted", barnehageId: sol.barnehageId, barnehageNavn: "Solsikken", teamId: sol.team.Blåklokka }]);
    });

    it("en som ikke er med i noen barnehage, får «bli med»", async () => {
      const ensom = await lagPerson(dep(), "Ensom");
      expect(await nesteForMeg(ensom, dep(), NAA)).toEqual([{ type: "bli-med" }]);
    });
  });
}
