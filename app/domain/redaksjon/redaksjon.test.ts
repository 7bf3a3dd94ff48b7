import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALEKTER, lagTestDb, type TestDb, forventIkkeFunnet } from "#app/db/test-databaser.ts";
import { lagAuth, type Auth } from "#app/auth/auth.server.ts";
import type { Innhold, Modul, ModulTekst } from "#app/domain/innhold/innhold.server.ts";
import { modulIUtgave } from "#app/domain/innhold/utgave.ts";
import { hentSamling, samlingMedSteg, styrSamling } from "#app/domain/samling/samling.server.ts";
import { lagBarnehage, lagInnhold, lagModul, lagPlanlagtSamling, som, type BarnehageVerden } from "#app/test/fabrikk.ts";
import { endreRedaktor, forhandsvisModul, gaTilNyesteUtgave, medRedaktorRolle, redaksjonsoversikt, teametsUtgave, teametsUtgaveUtenSkriving } from "./redaksjon.server.ts";

/**
 * Editions for teams (ADR 0034): a samling in progress keeps the edition it started on, the change
 * note shows once per team, the leader may move on, and only an operator makes someone an editor.
 */
function modulMedToUtgaver(): Modul {
  const m = lagModul("m2", { nummer: 2, aktiviteter: ["m2-a1"] });
  const tekst = (tittel: string) => Object.fromEntries((["nb", "nn"] as const).map((sp) => [sp, { ...m.tekst[sp], meta: { ...m.tekst[sp].meta, tittel } }])) as Record<"nb" | "nn", ModulTekst>;
  return {
    ...m,
    tekst: tekst("Utgave to"),
    utgaver: [
      { nummer: 1, fra: "2026-11-25T23:00:00.000Z", dato: "2026-11-26", juridisk: false, tekst: tekst("Utgave en") },
      { nummer: 2, fra: "2026-12-10T08:00:00.000Z", dato: "2026-12-10", juridisk: false, endringer: { nb: "Rettet en setning.", nn: "Retta ei setning." } },
    ],
  };
}

for (const dialekt of DIALEKTER) {
  describe(`utgaver for team på ${dialekt}`, () => {
    let t: TestDb;
    let auth: Auth;
    let bh: BarnehageVerden;
    const alle = modulMedToUtgaver();
    const v1 = modulIUtgave(alle, 1);
    const v2 = modulIUtgave(alle, 2);
    let innhold = lagInnhold(v1) as Innhold;
    const dep = () => ({ db: t.db, auth, innhold });

    beforeAll(async () => {
      t = await lagTestDb(dialekt);
      auth = lagAuth(t.db, { baseURL: "http://localhost:3000", secret: "s".repeat(40), sikreCookies: false });
      bh = await lagBarnehage(dep(), { ledere: ["Leder"], ansatte: ["Anne"], team: [{ navn: "Blåklokka", medlemmer: ["Leder", "Anne"] }, { navn: "Solsikke", medlemmer: ["Anne"] }] });
    });
    afterAll(() => t.rydd());

    it("skal la en pågående samling beholde utgaven den startet med, til lederen går videre", async () => {
      const leder = som(bh, "Leder");
      const team = bh.team.Blåklokka!;
      const id = await lagPlanlagtSamling(dep(), { av: leder, teamId: team, modulId: "m2", starter: new Date("2026-12-09T09:00:00Z") });
      const { versjon } = await hentSamling(leder.aktor, leder.medlemskap, id, dep());
      expect((await styrSamling(leder.aktor, leder.medlemskap, id, "start", versjon, dep(), new Date("2026-12-09T09:00:00Z"), true)).ok).toBe(true);
      expect((await hentSamling(leder.aktor, leder.medlemskap, id, dep())).modulUtgave).toBe(1);
      // Edition 2 is published while the samling is in progress.
      innhold = lagInnhold(v2) as Innhold;
      expect((await samlingMedSteg(leder.aktor, leder.medlemskap, id, dep(), "nb")).modul.tekst.nb.meta.tittel).toBe("Utgave en");
      const samling = await hentSamling(leder.aktor, leder.medlemskap, id, dep());
      const u = await teametsUtgave(bh.barnehageId, team, v2, samling, dep());
      expect(u.gjeldende).toEqual({ utgave: 1, nyeste: 2, eldre: true });
      expect(u.modul.tekst.nb.meta.tittel).toBe("Utgave en");
      // Only leder and styrer move the samling on.
      await forventIkkeFunnet(gaTilNyesteUtgave(bh.personer.Anne!, bh.medlemskap.Anne!, id, v2, dep()));
      // A samling about another module is «not found» from this module's page.
      await forventIkkeFunnet(gaTilNyesteUtgave(leder.aktor, leder.medlemskap, id, { ...v2, id: "m3" }, dep()));
      await gaTilNyesteUtgave(leder.aktor, leder.medlemskap, id, v2, dep());
      expect((await samlingMedSteg(leder.aktor, leder.medlemskap, id, dep(), "nb")).modul.tekst.nb.meta.tittel).toBe("Utgave to");
      innhold = lagInnhold(v1) as Innhold;
    });

    it("skal vise endringsnotatet én gang per team, og ikke for et team som åpner modulen første gang", async () => {
      const team = bh.team.Solsikke!;
      expect((await teametsUtgave(bh.barnehageId, team, v1, null, dep())).nytt).toEqual([]);
      expect((await teametsUtgave(bh.barnehageId, team, v1, null, dep())).nytt).toEqual([]);
      const forste = await teametsUtgave(bh.barnehageId, team, v2, null, dep());
      expect(forste.nytt.map((u) => u.endringer?.nb)).toEqual(["Rettet en setning."]);
      expect(forste.modul.tekst.nb.meta.tittel).toBe("Utgave to");
      expect((await teametsUtgave(bh.barnehageId, team, v2, null, dep())).nytt).toEqual([]);
      // Going back (a clock in a test) never tells it again.
      expect((await teametsUtgave(bh.barnehageId, team, v1, null, dep())).nytt).toEqual([]);
      expect((await teametsUtgave(bh.barnehageId, team, v2, null, dep())).nytt).toEqual([]);
    });

    it("skal la hurtigstien lese utgaven uten å skrive, og gi opp når teamet har et endringsnotat til gode (ADR 0033)", async () => {
      const team = bh.team.Solsikke!;
      const barnehage = bh.barnehageId;
      // A team that never opened the module: only the writing request may answer (it records the mark).
      const nytt = await lagBarnehage(dep(), { styrer: "Stine", ansatte: ["Nils"], team: [{ navn: "Nytt", medlemmer: ["Nils"] }] });
      expect(await teametsUtgaveUtenSkriving(nytt.barnehageId, nytt.team.Nytt!, v2, null, dep())).toBeNull();
      expect(await teametsUtgaveUtenSkriving(nytt.barnehageId, nytt.team.Nytt!, v2, null, dep())).toBeNull();
      expect((await teametsUtgave(nytt.barnehageId, nytt.team.Nytt!, v2, null, dep())).nytt).toEqual([]);
      // Once the mark is at the newest edition: the same answer as teametsUtgave, without writing.
      const lest = await teametsUtgaveUtenSkriving(nytt.barnehageId, nytt.team.Nytt!, v2, null, dep());
      expect(lest).toEqual(await teametsUtgave(nytt.barnehageId, nytt.team.Nytt!, v2, null, dep()));
      // Solsikke has seen edition 2 (the test above).
      expect((await teametsUtgaveUtenSkriving(barnehage, team, v2, null, dep()))?.gjeldende).toEqual({ utgave: 2, nyeste: 2, eldre: false });
      // A third edition published: the note is still to be shown, and reading does not use it up.
      const v3 = { ...v2, utgave: 3, utgaver: [...(v2.utgaver ?? []), { nummer: 3, fra: "2026-12-20T08:00:00.000Z", dato: "2026-12-20", juridisk: false, endringer: { nb: "Ny film.", nn: "Ny film." } }] } as Modul;
      expect(await teametsUtgaveUtenSkriving(barnehage, team, v3, null, dep())).toBeNull();
      expect(await teametsUtgaveUtenSkriving(barnehage, team, v3, null, dep())).toBeNull();
      expect((await teametsUtgave(barnehage, team, v3, null, dep())).nytt.map((u) => u.endringer?.nb)).toEqual(["Ny film."]);
      expect((await teametsUtgaveUtenSkriving(barnehage, team, v3, null, dep()))?.nytt).toEqual([]);
    });

    it("skal bare gi redaktørrollen med operatørkommandoen, og bare vise redaksjonen til en redaktør", async () => {
      const anne = bh.personer.Anne!;
      const full = { ...(lagInnhold(alle) as Innhold), utkastProblemer: [] } as Innhold;
      await forventIkkeFunnet(redaksjonsoversikt(anne, { db: t.db, alleInnhold: full }, new Date()));
      await forventIkkeFunnet(forhandsvisModul(anne, alle.slug, { db: t.db, alleInnhold: full }));
      expect(await endreRedaktor(t.db, "finnes.ikke@example.no", true)).toBe("ingen-bruker");
      expect(await endreRedaktor(t.db, anne.epost, true)).toBe("gitt");
      expect((await medRedaktorRolle(anne, { db: t.db }))?.redaktor).toBe(true);
      const o = await redaksjonsoversikt(anne, { db: t.db, alleInnhold: full }, new Date("2026-12-01T00:00:00Z"));
      expect(o.moduler[0]).toMatchObject({ id: "m2", status: "publisert", synligUtgave: 1 });
      expect((await forhandsvisModul(anne, alle.slug, { db: t.db, alleInnhold: full })).tekst.nb.meta.tittel).toBe("Utgave to");
      expect(await endreRedaktor(t.db, anne.epost, false)).toBe("fjernet");
      await forventIkkeFunnet(redaksjonsoversikt(anne, { db: t.db, alleInnhold: full }, new Date()));
    });
  });
}
