import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALEKTER, lagTestDb, type TestDb, forventIkkeFunnet } from "#app/db/test-databaser.ts";
import { lagAuth, type Auth } from "#app/auth/auth.server.ts";
import type { Aktor } from "#app/kontekst.ts";
import type { Medlemskap } from "#app/auth/tilgang.ts";
import type { Innhold } from "#app/domain/innhold/innhold.server.ts";
import { lagBarnehage, lagHoldtSamling, lagInnhold, lagModul, lagPlanlagtSamling, som, type Planlegger } from "#app/test/fabrikk.ts";
import { registrerOppmote } from "#app/domain/samling/samling.server.ts";
import { hentGruppenotatet, lagreGruppenotatet, taIgjen, teamModulTilstand } from "#app/domain/notat/notat.server.ts";
import { delIGrupper, gruppenumre } from "./gruppe.ts";
import { z } from "zod";
import { grupperSkjema, lesManuellFordeling, velgGruppeFelter } from "./gruppe.schema.ts";
import { aapneSelvvalg, delAutomatisk, delManuelt, fremhevGruppe, grupperForLeder, gruppenotaterForAktivitet, lukkSelvvalg, minGruppeISamling, velgMinGruppe } from "./gruppe.server.ts";
import { hentGruppering } from "./gruppe.repo.server.ts";

const storrelser = (grupper: unknown[][]) => grupper.map((g) => g.length);
const tall = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe("delIGrupper", () => {
  it("skal lage så få grupper som størrelsen tillater, med størrelser som skiller høyst én", () => {
    expect(storrelser(delIGrupper(tall(7), 4))).toEqual([4, 3]);
    expect(storrelser(delIGrupper(tall(11), 4))).toEqual([4, 4, 3]);
    expect(storrelser(delIGrupper(tall(12), 3))).toEqual([3, 3, 3, 3]);
    expect(storrelser(delIGrupper(tall(6), 5))).toEqual([3, 3]);
    expect(storrelser(delIGrupper(tall(4), 2))).toEqual([2, 2]);
    expect(storrelser(delIGrupper(tall(5), 2))).toEqual([2, 2, 1]);
    expect(storrelser(delIGrupper(tall(3), 5))).toEqual([3]);
    expect(delIGrupper([], 4)).toEqual([]);
  });

  it("skal ha med hver person nøyaktig én gang, og blande rekkefølgen", () => {
    for (let n = 1; n <= 30; n++) {
      for (const s of [2, 3, 4, 5]) {
        const g = delIGrupper(tall(n), s);
        expect(g.flat().sort((a, b) => a - b)).toEqual(tall(n));
        expect(Math.max(...storrelser(g))).toBeLessThanOrEqual(s);
        expect(Math.max(...storrelser(g)) - Math.min(...storrelser(g))).toBeLessThanOrEqual(1);
      }
    }
    // With a fixed «random» function the split is repeatable, and not simply in list order.
    const snudd = delIGrupper(tall(4), 2, () => 0);
    expect(snudd).toEqual(delIGrupper(tall(4), 2, () => 0));
    expect(snudd.flat()).not.toEqual([1, 2, 3, 4]);
  });

  it("skal gi kolonner for alle gruppene og eldre grupper som har notat", () => {
    expect(gruppenumre(3, [])).toEqual([1, 2, 3]);
    expect(gruppenumre(2, [4, 1, 0])).toEqual([1, 2, 4]);
    expect(gruppenumre(0, [])).toEqual([]);
  });
});

describe("skjemaene for grupper", () => {
  it("skal godta størrelse 2–5 og avvise annet med en norsk melding", () => {
    expect(grupperSkjema.safeParse({ intent: "del-automatisk", storrelse: "2" }).success).toBe(true);
    expect(grupperSkjema.safeParse({ intent: "del-automatisk", storrelse: "5" }).success).toBe(true);
    for (const storrelse of ["1", "6", "", "tre", "2.5"]) {
      expect(grupperSkjema.safeParse({ intent: "del-automatisk", storrelse }).error?.issues[0]?.message, storrelse).toBe("gruppe.feil.storrelse");
    }
    expect(z.object(velgGruppeFelter).safeParse({ intent: "velg-gruppe", gruppe: "0" }).error?.issues[0]?.message).toBe("gruppe.feil.gruppe");
    expect(grupperSkjema.safeParse({ intent: "velg-gruppe", gruppe: "1" }).success).toBe(false);
    expect(grupperSkjema.safeParse({ intent: "fremhev", gruppe: "0" }).success).toBe(true);
    expect(grupperSkjema.safeParse({ intent: "aapne-selvvalg", antall: "21" }).error?.issues[0]?.message).toBe("gruppe.feil.antall");
  });

  it("skal lese den enkle fordelingen (én nedtrekksliste per person) og si hvilket felt som er feil", () => {
    const r = lesManuellFordeling({ intent: "del-manuelt", "person-a": "1", "person-b": "", "person-c": "2" });
    expect(r.ok && [...r.fordeling]).toEqual([
      ["a", 1],
      ["c", 2],
    ]);
    expect(lesManuellFordeling({ "person-a": "21" })).toEqual({ ok: false, felt: "person-a" });
    expect(lesManuellFordeling({ "person-a": "x" })).toEqual({ ok: false, felt: "person-a" });
  });
});

for (const dialekt of DIALEKTER) {
  describe(`grupper i samlingen på ${dialekt}`, () => {
    let t: TestDb;
    let auth: Auth;
    const p: Record<string, Aktor> = {};
    const m: Record<string, Medlemskap> = {};
    const modul = lagModul("m1", {
      aktiviteter: ["m1-a1", "m1-a2"],
      steg: [
        { type: "individuelt", minutter: 5 },
        { type: "gruppe", minutter: 15 },
        { type: "plenum", minutter: 10 },
      ],
    });
    const innhold = lagInnhold(modul) as Innhold;
    const dep = () => ({ db: t.db, auth, innhold });
    let team = "";
    let samling = "";
    let annen = "";
    let leder: Planlegger;

    beforeAll(async () => {
      t = await lagTestDb(dialekt);
      auth = lagAuth(t.db, { baseURL: "http://localhost:3000", secret: "s".repeat(40), sikreCookies: false });
      const sol = await lagBarnehage(dep(), {
        ledere: ["Leder"],
        ansatte: ["Anne", "Berit", "Cato", "Dina", "Utenfor"],
        team: [
          { navn: "Blåklokka", medlemmer: ["Anne", "Berit", "Cato", "Dina"] },
          { navn: "Andre", medlemmer: ["Utenfor"] },
        ],
      });
      const blaa = await lagBarnehage(dep(), { navn: "Blåbærlia", styrer: "Fremmed" });
      Object.assign(p, sol.personer, blaa.personer);
      Object.assign(m, sol.medlemskap, blaa.medlemskap);
      team = sol.team.Blåklokka!;
      leder = som(sol, "Leder");
      samling = await lagPlanlagtSamling(dep(), { av: som(sol, "Leder"), teamId: team, modulId: "m1", starter: new Date("2099-01-01T09:00:00Z") });
      annen = await lagPlanlagtSamling(dep(), { av: som(sol, "Leder"), teamId: team, modulId: "m1", starter: new Date("2099-02-01T09:00:00Z") });
    });
    afterAll(() => t.rydd());

    it("skal dele hele teamet i grupper på 2 når oppmøtet ikke er registrert", async () => {
      const svar = await delAutomatisk(p.Leder!, m.Leder!, samling, 2, dep());
      expect(svar).toEqual({ ok: true, verdi: 2 });
      const side = await grupperForLeder(p.Leder!, m.Leder!, samling, dep());
      expect(side.fraOppmote).toBe(false);
      expect(side.gruppering).toEqual({ antall: 2, selvvalg: false, fremhevet: null });
      expect(storrelser([side.medlemmer.filter((x) => x.gruppe === 1), side.medlemmer.filter((x) => x.gruppe === 2)])).toEqual([2, 2]);
      expect(side.medlemmer.map((x) => x.navn).sort()).toEqual(["Anne", "Berit", "Cato", "Dina"]);
      expect(side.personer.every((x) => x.gruppe !== null)).toBe(true);
    });

    it("skal dele bare dem som var der når oppmøtet er registrert, og erstatte den forrige delingen", async () => {
      await registrerOppmote(p.Leder!, m.Leder!, annen, [p.Anne!.id, p.Berit!.id, p.Cato!.id], dep());
      expect(await delAutomatisk(p.Leder!, m.Leder!, annen, 4, dep())).toEqual({ ok: true, verdi: 1 });
      expect(await delAutomatisk(p.Leder!, m.Leder!, annen, 2, dep())).toEqual({ ok: true, verdi: 2 });
      const side = await grupperForLeder(p.Leder!, m.Leder!, annen, dep());
      expect(side.fraOppmote).toBe(true);
      expect(side.medlemmer.map((x) => x.navn).sort()).toEqual(["Anne", "Berit", "Cato"]);
      expect(side.personer.map((x) => x.navn)).toEqual(["Anne", "Berit", "Cato"]);
    });

    it("skal la lederen velge gruppe for hver person i et vanlig skjema, og bare for teamets medlemmer", async () => {
      const fordeling = new Map([
        [p.Anne!.id, 1],
        [p.Berit!.id, 3],
        [p.Utenfor!.id, 2],
        [p.Fremmed!.id, 2],
      ]);
      expect(await delManuelt(p.Leder!, m.Leder!, annen, fordeling, dep())).toEqual({ ok: true, verdi: 3 });
      const side = await grupperForLeder(p.Leder!, m.Leder!, annen, dep());
      expect(side.medlemmer.map((x) => [x.navn, x.gruppe])).toEqual([
        ["Anne", 1],
        ["Berit", 3],
      ]);
      expect(side.personer.find((x) => x.navn === "Cato")?.gruppe).toBeNull();
      expect(await delManuelt(p.Leder!, m.Leder!, annen, new Map([[p.Utenfor!.id, 1]]), dep())).toMatchObject({ ok: false, feil: "gruppe.feil.ingenValgt" });
    });

    it("skal bare la leder og styrer dele, åpne selvvalg og fremheve; andre får «ikke funnet»", async () => {
      for (const navn of ["Anne", "Utenfor", "Fremmed"]) {
        await forventIkkeFunnet(delAutomatisk(p[navn]!, m[navn]!, samling, 2, dep()));
        await forventIkkeFunnet(delManuelt(p[navn]!, m[navn]!, samling, new Map([[p.Anne!.id, 1]]), dep()));
        await forventIkkeFunnet(aapneSelvvalg(p[navn]!, m[navn]!, samling, 3, dep()));
        await forventIkkeFunnet(fremhevGruppe(p[navn]!, m[navn]!, samling, 1, dep()));
        await forventIkkeFunnet(grupperForLeder(p[navn]!, m[navn]!, samling, dep()));
      }
      expect((await delAutomatisk(p.Styrer!, m.Styrer!, samling, 2, dep())).ok).toBe(true);
      // Another barnehage's leader cannot reach this samling even with a real id.
      await forventIkkeFunnet(minGruppeISamling(p.Fremmed!, m.Fremmed!, samling, dep()));
      await forventIkkeFunnet(minGruppeISamling(p.Utenfor!, m.Utenfor!, samling, dep()));
      await forventIkkeFunnet(gruppenotaterForAktivitet(p.Utenfor!, m.Utenfor!, samling, "m1-a1", dep()));
      expect(await hentGruppering(t.db, m.Fremmed!.barnehageId, samling)).toBeUndefined();
    });

    it("skal la teamets medlemmer velge gruppe selv bare når lederen har åpnet for det", async () => {
      expect(await velgMinGruppe(p.Anne!, m.Anne!, samling, 1, dep())).toMatchObject({ ok: false, feil: "gruppe.feil.ikkeAapent" });
      expect(await aapneSelvvalg(p.Leder!, m.Leder!, samling, 3, dep())).toEqual({ ok: true, verdi: undefined });
      expect(await velgMinGruppe(p.Anne!, m.Anne!, samling, 3, dep())).toEqual({ ok: true, verdi: undefined });
      expect(await velgMinGruppe(p.Anne!, m.Anne!, samling, 4, dep())).toMatchObject({ ok: false, feil: "gruppe.feil.gruppe" });
      expect(await minGruppeISamling(p.Anne!, m.Anne!, samling, dep())).toEqual({ gruppering: { antall: 3, selvvalg: true, fremhevet: null }, gruppe: 3, iTeamet: true });
      // Only the team's members pick: not another team's member, not the leder outside the team.
      await forventIkkeFunnet(velgMinGruppe(p.Utenfor!, m.Utenfor!, samling, 1, dep()));
      await forventIkkeFunnet(velgMinGruppe(p.Leder!, m.Leder!, samling, 1, dep()));
      await forventIkkeFunnet(velgMinGruppe(p.Fremmed!, m.Fremmed!, samling, 1, dep()));
      // Fewer groups: those in a group that no longer exists lose their place.
      await aapneSelvvalg(p.Leder!, m.Leder!, samling, 2, dep());
      expect((await minGruppeISamling(p.Anne!, m.Anne!, samling, dep())).gruppe).toBeNull();
      expect(await lukkSelvvalg(p.Leder!, m.Leder!, samling, dep())).toEqual({ ok: true, verdi: undefined });
      expect(await velgMinGruppe(p.Anne!, m.Anne!, samling, 1, dep())).toMatchObject({ ok: false, feil: "gruppe.feil.ikkeAapent" });
      // Splitting again closes picking, and puts everyone in a group.
      await delAutomatisk(p.Leder!, m.Leder!, samling, 2, dep());
      expect((await minGruppeISamling(p.Anne!, m.Anne!, samling, dep())).gruppe).not.toBeNull();
    });

    it("skal gi hver gruppe sitt eget notat med egen lås, så to grupper som lagrer samtidig aldri får konflikt", async () => {
      // Both groups save their first version at the same moment, and then their second.
      const forste = await Promise.all([1, 2].map((g) => lagreGruppenotatet(p.Anne!, m.Anne!, samling, "m1-a1", `Gruppe ${g} sitt første`, 0, dep(), new Date(), g)));
      expect(forste).toEqual([{ ok: true }, { ok: true }]);
      const andre = await Promise.all([1, 2].map((g) => lagreGruppenotatet(p.Berit!, m.Berit!, samling, "m1-a1", `Gruppe ${g} sitt andre`, 1, dep(), new Date(), g)));
      expect(andre).toEqual([{ ok: true }, { ok: true }]);
      // Inside one group the lock still holds.
      expect(await lagreGruppenotatet(p.Cato!, m.Cato!, samling, "m1-a1", "Gammel", 1, dep(), new Date(), 1)).toMatchObject({ ok: false, lagret: { gruppe: 1, tekst: "Gruppe 1 sitt andre", versjon: 2 } });
      const samtidig = await Promise.all(["x", "y", "z"].map((tekst) => lagreGruppenotatet(p.Cato!, m.Cato!, samling, "m1-a1", tekst, 2, dep(), new Date(), 2)));
      expect(samtidig.filter((s) => s.ok)).toHaveLength(1);
      // The whole team's note (group 0) is a note of its own, as before.
      expect(await lagreGruppenotatet(p.Dina!, m.Dina!, samling, "m1-a1", "Hele teamet", 0, dep())).toEqual({ ok: true });
      expect((await hentGruppenotatet(p.Anne!, m.Anne!, samling, "m1-a1", dep())).notat).toMatchObject({ gruppe: 0, tekst: "Hele teamet", versjon: 1 });
      expect((await hentGruppenotatet(p.Anne!, m.Anne!, samling, "m1-a1", dep(), 1)).notat).toMatchObject({ gruppe: 1, tekst: "Gruppe 1 sitt andre", versjon: 2 });
      // A group the grouping does not have is not found; so is a member of another team.
      await forventIkkeFunnet(lagreGruppenotatet(p.Anne!, m.Anne!, samling, "m1-a1", "x", 0, dep(), new Date(), 7));
      await forventIkkeFunnet(hentGruppenotatet(p.Anne!, m.Anne!, samling, "m1-a1", dep(), 7));
      await forventIkkeFunnet(lagreGruppenotatet(p.Utenfor!, m.Utenfor!, samling, "m1-a1", "x", 0, dep(), new Date(), 1));
      await forventIkkeFunnet(lagreGruppenotatet(p.Fremmed!, m.Fremmed!, samling, "m1-a1", "x", 0, dep(), new Date(), 1));
    });

    it("skal vise alle gruppenes notater side om side med den fremhevede merket, uten navn på personer", async () => {
      expect(await fremhevGruppe(p.Leder!, m.Leder!, samling, 2, dep())).toEqual({ ok: true, verdi: undefined });
      expect(await fremhevGruppe(p.Leder!, m.Leder!, samling, 3, dep())).toMatchObject({ ok: false, feil: "gruppe.feil.gruppe" });
      const kolonner = await gruppenotaterForAktivitet(p.Anne!, m.Anne!, samling, "m1-a1", dep());
      expect(kolonner.map((k) => [k.gruppe, k.navn, k.fremhevet])).toEqual([
        [1, "Gruppe 1", false],
        [2, "Gruppe 2", true],
      ]);
      expect(kolonner[0]!.tekst).toBe("Gruppe 1 sitt andre");
      expect(kolonner[1]!.tekst).toMatch(/^[xyz]$/);
      for (const navn of ["Anne", "Berit", "Cato", "Dina"]) expect(JSON.stringify(kolonner)).not.toContain(navn);
      expect((await gruppenotaterForAktivitet(p.Leder!, m.Leder!, samling, "m1-a2", dep(), "nn")).map((k) => [k.navn, k.tekst])).toEqual([
        ["Gruppe 1", ""],
        ["Gruppe 2", ""],
      ]);
      await forventIkkeFunnet(gruppenotaterForAktivitet(p.Anne!, m.Anne!, samling, "finnes-ikke", dep()));
      expect(await fremhevGruppe(p.Leder!, m.Leder!, samling, 0, dep())).toEqual({ ok: true, verdi: undefined });
      expect((await gruppenotaterForAktivitet(p.Anne!, m.Anne!, samling, "m1-a1", dep())).some((k) => k.fremhevet)).toBe(false);
    });

    it("skal beholde gruppenes notater med samlingen: på modulsiden og når noen tar igjen", async () => {
      const { samlingId: holdt } = await lagHoldtSamling(dep(), { av: leder, teamId: team, modulId: "m1", starter: new Date("2026-11-02T09:00:00Z"), oppmote: [p.Anne!, p.Berit!, p.Cato!, p.Dina!] });
      await delAutomatisk(p.Leder!, m.Leder!, holdt, 2, dep());
      for (const g of [1, 2]) expect((await lagreGruppenotatet(p.Anne!, m.Anne!, holdt, "m1-a2", `Holdt, gruppe ${g}`, 0, dep(), new Date(), g)).ok).toBe(true);
      const igjen = await taIgjen(p.Utenfor!, m.Utenfor!, holdt, dep()).catch((e: unknown) => e);
      expect(igjen).toBeInstanceOf(Response);
      // Dina missed nothing here, but any team member can open catch-up of a held samling.
      const dina = await taIgjen(p.Dina!, m.Dina!, holdt, dep());
      expect(dina.gruppenotater.filter((n) => n.aktivitetId === "m1-a2").map((n) => [n.gruppe, n.tekst])).toEqual([
        [1, "Holdt, gruppe 1"],
        [2, "Holdt, gruppe 2"],
      ]);
      // The module page shows the latest started samling's notes, per group (the held one, as the planned are in 2099).
      const modulside = await teamModulTilstand(p.Berit!, m.Berit!, team, modul, dep(), new Date("2026-12-01T00:00:00Z"));
      expect(modulside.samling?.id).toBe(holdt);
      expect(modulside.gruppenotater.map((n) => [n.aktivitetId, n.gruppe, n.tekst])).toEqual([
        ["m1-a2", 1, "Holdt, gruppe 1"],
        ["m1-a2", 2, "Holdt, gruppe 2"],
      ]);
    });
  });
}
