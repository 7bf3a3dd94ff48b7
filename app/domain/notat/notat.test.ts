import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALEKTER, lagTestDb, type TestDb, forventIkkeFunnet } from "#app/db/test-databaser.ts";
import { lagAuth, type Auth } from "#app/auth/auth.server.ts";
import type { Aktor } from "#app/kontekst.ts";
import type { Medlemskap } from "#app/auth/tilgang.ts";
import type { Innhold } from "#app/domain/innhold/innhold.server.ts";
import { lagBarnehage, lagHoldtSamling, lagInnhold, lagModul, lagPlanlagtSamling, som, type Planlegger } from "#app/test/fabrikk.ts";
import { gruppenotatSkjema, refleksjonSkjema, taIgjenSkjema } from "./notat.schema.ts";
import {
  alleMineRefleksjoner,
  delMedTeamet,
  hentGruppenotatet,
  lagreGruppenotatet,
  lagreMinRefleksjon,
  loggUtproving,
  markerTattIgjen,
  samlingensNotater,
  slettDelt,
  taIgjen,
  teamModulTilstand,
  valgtSamling,
} from "./notat.server.ts";
import { delteRefleksjoner, finnSamling, gruppenotater, lagreGruppenotat, samlingerOmModul, slettDeltRefleksjon, utprovinger } from "./notat.repo.server.ts";

describe("skjemaene for notater", () => {
  it("skal kreve tekst for å dele og logge, tillate tom refleksjon (sletter) og avvise for lang tekst", () => {
    expect(refleksjonSkjema.safeParse({ intent: "del-refleksjon", aktivitetId: "m1-a1", tekst: "  " }).error?.issues[0]?.message).toBe("notat.feil.tom");
    expect(refleksjonSkjema.safeParse({ intent: "lagre-refleksjon", aktivitetId: "m1-a1", tekst: "" }).success).toBe(true);
    expect(refleksjonSkjema.safeParse({ intent: "lagre-refleksjon", aktivitetId: "m1-a1", tekst: "x".repeat(5001) }).error?.issues[0]?.message).toBe("notat.feil.forLang");
    expect(taIgjenSkjema.safeParse({ intent: "logg-utproving", utprovingId: "u", tekst: "" }).error?.issues[0]?.message).toBe("notat.feil.tom");
  });

  it("skal bare sende tilbake til en sti på samme nettsted", () => {
    expect(gruppenotatSkjema.safeParse({ tekst: "a", versjon: "2", til: "/barnehage/x" }).data).toEqual({ tekst: "a", versjon: 2, til: "/barnehage/x" });
    for (const til of ["//evil.example", "https://evil.example", "/\\evil.example", "javascript:alert(1)"]) {
      expect(gruppenotatSkjema.safeParse({ tekst: "a", versjon: "1", til }).success, til).toBe(false);
    }
    expect(gruppenotatSkjema.safeParse({ tekst: "a", versjon: "-1" }).success).toBe(false);
  });
});

describe("valgtSamling", () => {
  const s = (id: string, status: "planlagt" | "pagaar" | "holdt", starter: string) => ({ id, teamId: "t", modulId: "m1", starter, status, holdt: null });
  const naa = new Date("2026-11-26T12:00:00Z");
  it("skal velge den pågående, ellers den siste som har startet, ellers den neste planlagte", () => {
    expect(valgtSamling([s("a", "holdt", "2026-11-01T10:00:00Z"), s("b", "pagaar", "2026-11-26T11:00:00Z"), s("c", "planlagt", "2026-12-01T10:00:00Z")], naa)?.id).toBe("b");
    expect(valgtSamling([s("a", "holdt", "2026-11-01T10:00:00Z"), s("b", "holdt", "2026-11-20T10:00:00Z"), s("c", "planlagt", "2026-12-01T10:00:00Z")], naa)?.id).toBe("b");
    expect(valgtSamling([s("c", "planlagt", "2026-12-01T10:00:00Z"), s("d", "planlagt", "2026-12-08T10:00:00Z")], naa)?.id).toBe("c");
    expect(valgtSamling([], naa)).toBeNull();
  });
});

const HEMMELIG = "Privat-markør-7f3a: jeg kjente meg usikker";

for (const dialekt of DIALEKTER) {
  describe(`notater og refleksjoner på ${dialekt}`, () => {
    let t: TestDb;
    let auth: Auth;
    const p: Record<string, Aktor> = {};
    const m: Record<string, Medlemskap> = {};
    const modul = lagModul("m1", { aktiviteter: ["m1-a1", "m1-a2"] });
    // The notes use cases take the whole content type but read only its modules.
    const innhold = lagInnhold(modul) as Innhold;
    const dep = () => ({ db: t.db, auth, innhold });
    let a = "";
    let b = "";
    let team = "";
    let fremmedTeam = "";
    let holdt = "";
    let planlagt = "";
    let oppgave = "";
    let leder: Planlegger;

    beforeAll(async () => {
      t = await lagTestDb(dialekt);
      auth = lagAuth(t.db, { baseURL: "http://localhost:3000", secret: "s".repeat(40), sikreCookies: false });
      const sol = await lagBarnehage(dep(), { ledere: ["Leder"], ansatte: ["Anne", "Berit", "Utenfor"], team: [{ navn: "Blåklokka", medlemmer: ["Anne", "Berit"] }] });
      const blaa = await lagBarnehage(dep(), { navn: "Blåbærlia", styrer: "Fremmed", team: [{ navn: "Fremmedteam", medlemmer: [] }] });
      Object.assign(p, sol.personer, blaa.personer);
      Object.assign(m, sol.medlemskap, blaa.medlemskap);
      a = sol.barnehageId;
      b = blaa.barnehageId;
      team = sol.team.Blåklokka!;
      fremmedTeam = blaa.team.Fremmedteam!;
      // The leder (not in the team) held the samling with Anne there, and agreed a practice task.
      leder = som(sol, "Leder");
      const s = await lagHoldtSamling(dep(), { av: leder, teamId: team, modulId: "m1", starter: new Date("2026-11-02T09:00:00Z"), oppmote: [p.Anne!], utprovinger: ["Hilse på hvert barn"] });
      holdt = s.samlingId;
      oppgave = s.utprovinger[0]!;
      planlagt = await lagPlanlagtSamling(dep(), { av: leder, teamId: team, modulId: "m1", starter: new Date("2099-01-01T09:00:00Z") });
    });
    afterAll(() => t.rydd());

    it("skal la forfatteren skrive, endre og tømme sin private refleksjon", async () => {
      await lagreMinRefleksjon(p.Anne!, modul, "m1-a1", "Første tanke", dep());
      await lagreMinRefleksjon(p.Anne!, modul, "m1-a1", HEMMELIG, dep());
      await lagreMinRefleksjon(p.Anne!, modul, "m1-a2", "Slettes snart", dep());
      await lagreMinRefleksjon(p.Anne!, modul, "m1-a2", "", dep());
      expect((await alleMineRefleksjoner(p.Anne!, dep())).map((r) => [r.aktivitetId, r.tekst])).toEqual([["m1-a1", HEMMELIG]]);
      await forventIkkeFunnet(lagreMinRefleksjon(p.Anne!, modul, "finnes-ikke", "x", dep()));
      await forventIkkeFunnet(lagreMinRefleksjon(null, modul, "m1-a1", "x", dep()));
    });

    it("skal aldri gi en privat refleksjon til leder, styrer, et teammedlem eller en annen barnehage", async () => {
      for (const navn of ["Leder", "Styrer", "Berit", "Utenfor", "Fremmed"]) {
        expect(JSON.stringify(await alleMineRefleksjoner(p[navn]!, dep())), navn).not.toContain("Privat-markør");
      }
      for (const navn of ["Leder", "Styrer", "Berit"]) {
        const tilstand = await teamModulTilstand(p[navn]!, m[navn]!, team, modul, dep());
        expect(JSON.stringify(tilstand), navn).not.toContain("Privat-markør");
      }
      for (const navn of ["Leder", "Styrer"]) {
        expect(JSON.stringify(await taIgjen(p[navn]!, m[navn]!, holdt, dep())), navn).not.toContain("Privat-markør");
      }
      // The author sees it on the same page.
      expect((await teamModulTilstand(p.Anne!, m.Anne!, team, modul, dep())).mineRefleksjoner.map((r) => r.tekst)).toEqual([HEMMELIG]);
    });

    it("skal dele en eksplisitt kopi med teamet, som ikke endres når den private endres", async () => {
      await delMedTeamet(p.Berit!, m.Berit!, team, modul, "m1-a1", "Vi kan hilse på hvert barn i garderoben.", dep());
      await lagreMinRefleksjon(p.Berit!, modul, "m1-a1", "Endret etterpå", dep());
      const sett = await teamModulTilstand(p.Leder!, m.Leder!, team, modul, dep());
      expect(sett.delte.map((d) => [d.aktivitetId, d.tekst, d.forfatterNavn, d.erMin])).toEqual([["m1-a1", "Vi kan hilse på hvert barn i garderoben.", "Berit", false]]);
      expect(sett.iTeamet).toBe(false);
      expect((await teamModulTilstand(p.Berit!, m.Berit!, team, modul, dep())).delte[0]?.erMin).toBe(true);
      // Leder and styrer may read the team's work but share only with a team they are in.
      await forventIkkeFunnet(delMedTeamet(p.Leder!, m.Leder!, team, modul, "m1-a1", "x", dep()));
      await forventIkkeFunnet(delMedTeamet(p.Berit!, m.Berit!, team, modul, "finnes-ikke", "x", dep()));
    });

    it("skal la bare forfatteren slette en delt kopi", async () => {
      const [delt] = await delteRefleksjoner(t.db, a, team, "m1", p.Anne!.id);
      await forventIkkeFunnet(slettDelt(p.Anne!, m.Anne!, delt!.id, dep()));
      await forventIkkeFunnet(slettDelt(p.Styrer!, m.Styrer!, delt!.id, dep()));
      expect(await slettDeltRefleksjon(t.db, b, delt!.id, p.Berit!.id)).toBe(false);
      await slettDelt(p.Berit!, m.Berit!, delt!.id, dep());
      expect(await delteRefleksjoner(t.db, a, team, "m1", p.Berit!.id)).toEqual([]);
    });

    it("skal nekte den som ikke er i teamet (ansatt) og andre barnehager teamets arbeid", async () => {
      await forventIkkeFunnet(teamModulTilstand(p.Utenfor!, m.Utenfor!, team, modul, dep()));
      await forventIkkeFunnet(teamModulTilstand(p.Fremmed!, m.Fremmed!, team, modul, dep()));
      await forventIkkeFunnet(teamModulTilstand(p.Anne!, m.Anne!, "finnes-ikke", modul, dep()));
      await forventIkkeFunnet(lagreGruppenotatet(p.Utenfor!, m.Utenfor!, holdt, "m1-a1", "x", 0, dep()));
      await forventIkkeFunnet(lagreGruppenotatet(p.Fremmed!, m.Fremmed!, holdt, "m1-a1", "x", 0, dep()));
      await forventIkkeFunnet(taIgjen(p.Utenfor!, m.Utenfor!, holdt, dep()));
      await forventIkkeFunnet(taIgjen(p.Fremmed!, m.Fremmed!, holdt, dep()));
      await forventIkkeFunnet(teamModulTilstand(p.Styrer!, m.Styrer!, fremmedTeam, modul, dep()));
      await forventIkkeFunnet(teamModulTilstand(p.Anne!, m.Anne!, fremmedTeam, modul, dep()));
    });

    it("skal lagre gruppenotatet bare når versjonen er uendret, og gi tilbake den lagrede ved konflikt", async () => {
      expect(await lagreGruppenotatet(p.Anne!, m.Anne!, holdt, "m1-a1", "Annes notat", 0, dep())).toEqual({ ok: true });
      const konflikt = await lagreGruppenotatet(p.Berit!, m.Berit!, holdt, "m1-a1", "Berits notat", 0, dep());
      expect(konflikt).toMatchObject({ ok: false, lagret: { tekst: "Annes notat", versjon: 1 } });
      expect(await lagreGruppenotatet(p.Berit!, m.Berit!, holdt, "m1-a1", "Annes notat og Berits notat", 1, dep())).toEqual({ ok: true });
      expect(await lagreGruppenotatet(p.Anne!, m.Anne!, holdt, "m1-a1", "Gammel versjon", 1, dep())).toMatchObject({ ok: false, lagret: { versjon: 2 } });
      // The leader (not in the team) may write the team's notes too.
      expect(await lagreGruppenotatet(p.Leder!, m.Leder!, holdt, "m1-a1", "Lederens tillegg", 2, dep())).toEqual({ ok: true });
      expect((await hentGruppenotatet(p.Anne!, m.Anne!, holdt, "m1-a1", dep())).notat).toMatchObject({ tekst: "Lederens tillegg", versjon: 3 });
      await forventIkkeFunnet(lagreGruppenotatet(p.Anne!, m.Anne!, holdt, "finnes-ikke", "x", 0, dep()));
    });

    it("skal la bare én av to samtidige lagringer fra samme versjon vinne", async () => {
      const svar = await Promise.all(
        ["Én", "To", "Tre"].map((tekst) => lagreGruppenotatet(p.Anne!, m.Anne!, planlagt, "m1-a2", tekst, 0, dep())),
      );
      expect(svar.filter((s) => s.ok)).toHaveLength(1);
      const oppdateringer = await Promise.all(["Fire", "Fem"].map((tekst) => lagreGruppenotatet(p.Berit!, m.Berit!, planlagt, "m1-a2", tekst, 1, dep())));
      expect(oppdateringer.filter((s) => s.ok)).toHaveLength(1);
      expect((await gruppenotater(t.db, a, planlagt)).map((n) => n.versjon)).toEqual([2]);
    });

    it("skal aldri finne samlinger, notater eller utprøvinger fra en annen barnehage i repositoryet", async () => {
      expect(await finnSamling(t.db, b, holdt)).toBeUndefined();
      expect(await samlingerOmModul(t.db, b, team, "m1")).toEqual([]);
      expect(await gruppenotater(t.db, b, holdt)).toEqual([]);
      expect(await lagreGruppenotat(t.db, { id: "x", barnehageId: b, samlingId: holdt, aktivitetId: "m1-a1", tekst: "kapret", versjon: 3, brukerId: p.Fremmed!.id, naa: new Date() })).toBe(false);
      await expect(lagreGruppenotat(t.db, { id: "y", barnehageId: b, samlingId: holdt, aktivitetId: "m1-a9", tekst: "kapret", versjon: 0, brukerId: p.Fremmed!.id, naa: new Date() })).rejects.toThrow();
      expect(await utprovinger(t.db, b, holdt, p.Fremmed!.id)).toEqual([]);
      expect((await gruppenotater(t.db, a, holdt)).map((n) => n.tekst)).toEqual(["Lederens tillegg"]);
    });

    it("skal la den som ikke var der ta igjen en holdt samling: notater, utprøving og «tatt igjen»", async () => {
      const berit = await taIgjen(p.Berit!, m.Berit!, holdt, dep());
      expect(berit).toMatchObject({ varDer: false, tattIgjen: false });
      expect(berit.gruppenotater.map((n) => n.tekst)).toEqual(["Lederens tillegg"]);
      expect(berit.utprovinger.map((u) => [u.hva, u.minLogg])).toEqual([["Hilse på hvert barn", null]]);
      await loggUtproving(p.Berit!, m.Berit!, holdt, oppgave, "Det gikk fint", dep());
      await loggUtproving(p.Berit!, m.Berit!, holdt, oppgave, "Det gikk fint, to ganger", dep());
      await markerTattIgjen(p.Berit!, m.Berit!, holdt, dep());
      const etterpaa = await taIgjen(p.Berit!, m.Berit!, holdt, dep());
      expect(etterpaa.tattIgjen).toBe(true);
      expect(etterpaa.utprovinger[0]?.minLogg).toBe("Det gikk fint, to ganger");
      expect((await taIgjen(p.Anne!, m.Anne!, holdt, dep())).varDer).toBe(true);
      // Only after a held samling, only in one's own team, only the samling's own tasks.
      await forventIkkeFunnet(taIgjen(p.Berit!, m.Berit!, planlagt, dep()));
      await forventIkkeFunnet(markerTattIgjen(p.Leder!, m.Leder!, holdt, dep()));
      await forventIkkeFunnet(loggUtproving(p.Utenfor!, m.Utenfor!, holdt, oppgave, "x", dep()));
      await forventIkkeFunnet(loggUtproving(p.Berit!, m.Berit!, holdt, "finnes-ikke", "x", dep()));
      await forventIkkeFunnet(loggUtproving(p.Fremmed!, m.Fremmed!, holdt, oppgave, "x", dep()));
    });

    it("skal vise samlingens gruppenotater og om jeg var der, bare for teamet og lederne", async () => {
      const { samlingId: ny } = await lagHoldtSamling(dep(), { av: leder, teamId: team, modulId: "m1", starter: new Date("2026-11-09T09:00:00Z"), oppmote: [p.Anne!] });
      expect((await lagreGruppenotatet(p.Anne!, m.Anne!, ny, "m1-a1", "Vi snakket om garderoben.", 0, dep())).ok).toBe(true);
      const anne = await samlingensNotater(p.Anne!, m.Anne!, ny, dep());
      expect(anne.gruppenotater.map((n) => [n.aktivitetId, n.tekst])).toEqual([["m1-a1", "Vi snakket om garderoben."]]);
      expect([anne.iTeamet, anne.varDer, anne.tattIgjen]).toEqual([true, true, false]);
      const berit = await samlingensNotater(p.Berit!, m.Berit!, ny, dep());
      expect([berit.iTeamet, berit.varDer]).toEqual([true, false]);
      await markerTattIgjen(p.Berit!, m.Berit!, ny, dep());
      expect((await samlingensNotater(p.Berit!, m.Berit!, ny, dep())).tattIgjen).toBe(true);
      expect((await samlingensNotater(p.Leder!, m.Leder!, ny, dep())).iTeamet).toBe(false);
      await forventIkkeFunnet(samlingensNotater(p.Utenfor!, m.Utenfor!, ny, dep()));
      await forventIkkeFunnet(samlingensNotater(p.Fremmed!, m.Fremmed!, ny, dep()));
      await forventIkkeFunnet(samlingensNotater(p.Anne!, m.Anne!, "00000000-0000-4000-8000-000000000000", dep()));
    });
  });
}
