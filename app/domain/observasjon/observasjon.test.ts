import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALEKTER, lagTestDb, type TestDb, forventIkkeFunnet } from "#app/db/test-databaser.ts";
import { lagAuth, type Auth } from "#app/auth/auth.server.ts";
import type { Aktor } from "#app/kontekst.ts";
import type { Medlemskap } from "#app/auth/tilgang.ts";
import { lagBarnehage } from "#app/test/fabrikk.ts";
import { eksporterMineData, slettKonto } from "#app/domain/personvern/mine-data.server.ts";
import { finnNavn, forsteNavn } from "./navn.ts";
import { lesMaler } from "./maler.server.ts";
import { FILM_MAL, type Maler } from "./maler.schema.ts";
import { erEnige, sammenlign } from "./kalibrering.ts";
import { kategoriFelt, observasjonSkjema, periodeSkjema, valgFelt } from "./observasjon.schema.ts";
import { endreDeling, kalibrering, lagreObservasjon, periodeSide, skrivSide, slettPerioden, slettesDato, startPeriode, teamensPerioder } from "./observasjon.server.ts";

describe("navnesjekken", () => {
  it("skal finne vanlige fornavn med stor forbokstav, og la koder og vanlige ord være", () => {
    expect(finnNavn("Maja spurte om å være med.")).toBe("Maja");
    expect(finnNavn("Barn A sa nei til barn B, og Emil lo.")).toBe("Emil");
    expect(finnNavn("barn A og barn B leker ved lekehuset")).toBeNull();
    expect(finnNavn("maja (liten forbokstav) regnes ikke")).toBeNull();
    expect(finnNavn("MAJA i store bokstaver regnes ikke")).toBeNull();
    // Names that are also everyday words are left out on purpose.
    expect(finnNavn("Per dag så vi dette. Dag to var likt. Liv og røre.")).toBeNull();
    expect(finnNavn("Åse og Søren")).toBeNull();
    expect(finnNavn("Bjørn sto alene")).toBe("Bjørn");
    expect(forsteNavn([["a", "barn A"], ["b", "Sofie ble med"], ["c", "Ida"]])).toEqual({ felt: "b", navn: "Sofie" });
  });
});

describe("observasjonsmalene", () => {
  let maler: Maler;
  beforeAll(async () => {
    maler = await lesMaler(path.resolve("content"));
  });

  it("skal ha kategoriene, malene og kalibreringen på bokmål og nynorsk, og en case-film som finnes", () => {
    expect(maler.kategorier.map((k) => k.id)).toEqual(["hvem-leker", "utenfor", "voksne", "hvor-naar"]);
    expect(maler.maler.length).toBeGreaterThanOrEqual(3);
    const film = maler.kalibrering.film;
    expect(existsSync(path.resolve("content/moduler/02-folge-med-melde-fra-undersoke/filmer", `${film}.yaml`))).toBe(true);
    // Every category has statements to compare, and no statement uses a name.
    for (const k of maler.kategorier) expect(maler.kalibrering.utsagn.some((u) => u.kategori === k.id), k.id).toBe(true);
    for (const u of maler.kalibrering.utsagn) expect(finnNavn(u.tekst.nb) ?? finnNavn(u.tekst.nn), u.id).toBeNull();
  });

  it("skal lese skjemaet med kategorifelt og utsagn, og avvise ukjente maler og svar", () => {
    const s = observasjonSkjema(maler);
    const r = s.safeParse({ malId: FILM_MAL, [kategoriFelt("utenfor")]: "barn A står alene", [valgFelt("tre-leker")]: "ja" });
    expect(r.success && r.data[kategoriFelt("utenfor")]).toBe("barn A står alene");
    expect(s.safeParse({ malId: "finnes-ikke" }).success).toBe(false);
    expect(s.safeParse({ malId: FILM_MAL, [valgFelt("tre-leker")]: "kanskje" }).success).toBe(false);
    expect(periodeSkjema.safeParse({ intent: "ny-periode", fra: "2026-12-10", til: "2026-12-01" }).error?.issues[0]?.message).toBe("observasjon.feil.tilForFra");
    expect(periodeSkjema.safeParse({ intent: "ny-periode", fra: "2026-01-01", til: "2026-12-01" }).error?.issues[0]?.message).toBe("observasjon.feil.forLangPeriode");
  });

  it("skal si enige bare når alle som svarte, svarte likt og tydelig", () => {
    expect(erEnige(["ja", "ja"])).toBe(true);
    expect(erEnige(["nei", "nei", "nei"])).toBe(true);
    expect(erEnige(["ja", "nei"])).toBe(false);
    expect(erEnige(["ja", "usikker"])).toBe(false);
    expect(erEnige(["ja"])).toBe(false);
    const k = sammenlign(maler, [
      { id: "1", forfatterNavn: "A", kategorier: { utenfor: "barn A får nei" }, valg: { "spor-faar-nei": "ja", "gar-alene": "ja" } },
      { id: "2", forfatterNavn: "B", kategorier: {}, valg: { "spor-faar-nei": "ja", "gar-alene": "nei" } },
    ]).find((x) => x.id === "utenfor")!;
    expect(k.utsagn.map((u) => [u.id, u.enige])).toEqual([
      ["spor-faar-nei", true],
      ["gar-alene", false],
    ]);
    expect([k.enige, k.uenige]).toEqual([1, 1]);
    expect(k.tekster.map((x) => x.tekst)).toEqual(["barn A får nei", ""]);
  });

  it("skal slette perioden en fast tid etter at den slutter", () => {
    expect(slettesDato("2026-12-20")).toBe("2027-01-03");
  });
});

const HEMMELIG = "Observasjons-markør-91c2: barn A står ved gjerdet";

for (const dialekt of DIALEKTER) {
  describe(`observasjon på ${dialekt}`, () => {
    let t: TestDb;
    let auth: Auth;
    let maler: Maler;
    const p: Record<string, Aktor> = {};
    const m: Record<string, Medlemskap> = {};
    const dep = () => ({ db: t.db, auth });
    let team = "";
    let fremmedTeam = "";
    let periode = "";
    const naa = new Date("2026-12-07T10:00:00Z");

    beforeAll(async () => {
      t = await lagTestDb(dialekt);
      auth = lagAuth(t.db, { baseURL: "http://localhost:3000", secret: "s".repeat(40), sikreCookies: false });
      maler = await lesMaler(path.resolve("content"));
      const sol = await lagBarnehage(dep(), { ledere: ["Leder"], ansatte: ["Anne", "Berit", "Cato", "Utenfor"], team: [{ navn: "Blåklokka", medlemmer: ["Anne", "Berit", "Cato"] }] });
      const blaa = await lagBarnehage(dep(), { navn: "Blåbærlia", styrer: "Fremmed", team: [{ navn: "Fremmedteam", medlemmer: [] }] });
      Object.assign(p, sol.personer, blaa.personer);
      Object.assign(m, sol.medlemskap, blaa.medlemskap);
      team = sol.team.Blåklokka!;
      fremmedTeam = blaa.team.Fremmedteam!;
    });
    afterAll(() => t.rydd());

    it("skal la leder og styrer starte en praksisperiode, ikke en ansatt, og ikke i en annen barnehage", async () => {
      await forventIkkeFunnet(startPeriode(p.Anne!, m.Anne!, team, "2026-12-01", "2026-12-20", dep(), naa));
      await forventIkkeFunnet(startPeriode(p.Leder!, m.Leder!, fremmedTeam, "2026-12-01", "2026-12-20", dep(), naa));
      expect(await startPeriode(p.Leder!, m.Leder!, team, "2026-11-01", "2026-12-06", dep(), naa)).toEqual({ ok: false, felt: "til", feil: "observasjon.feil.tilForbi" });
      const svar = await startPeriode(p.Leder!, m.Leder!, team, "2026-12-01", "2026-12-20", dep(), naa);
      if (!svar.ok) throw new Error("ikke startet");
      periode = svar.id;
      const s = await teamensPerioder(p.Anne!, m.Anne!, team, dep(), naa);
      expect(s.perioder.map((x) => [x.fra, x.til, x.slettes])).toEqual([["2026-12-01", "2026-12-20", "2027-01-03"]]);
      expect(s.kanPlanlegge).toBe(false);
      await forventIkkeFunnet(teamensPerioder(p.Utenfor!, m.Utenfor!, team, dep(), naa));
      await forventIkkeFunnet(periodeSide(p.Fremmed!, m.Fremmed!, periode, dep(), naa));
    });

    it("skal stoppe en tekst med et navn før noe lagres, og lagre den med koder", async () => {
      const data = { malId: "lek-ute", naar: "10.15–10.25", sted: "sandkassa", situasjon: "Fire barn leker", [kategoriFelt("utenfor")]: "Maja spør om å være med og får nei." };
      const svar = await lagreObservasjon(p.Anne!, m.Anne!, periode, data, maler, dep(), naa);
      expect(svar).toEqual({ ok: false, felt: kategoriFelt("utenfor"), feil: "observasjon.feil.navn", navn: "Maja" });
      expect((await periodeSide(p.Anne!, m.Anne!, periode, dep(), naa)).mine).toEqual([]);
      expect(await lagreObservasjon(p.Anne!, m.Anne!, periode, { ...data, situasjon: "" }, maler, dep(), naa)).toEqual({ ok: false, felt: "situasjon", feil: "observasjon.feil.mangler" });
      const ok = await lagreObservasjon(p.Anne!, m.Anne!, periode, { ...data, [kategoriFelt("utenfor")]: HEMMELIG }, maler, dep(), naa);
      expect(ok.ok).toBe(true);
      const mine = (await periodeSide(p.Anne!, m.Anne!, periode, dep(), naa)).mine;
      expect(mine.map((o) => [o.art, o.kategorier.utenfor, o.delt])).toEqual([["praksis", HEMMELIG, null]]);
      // Only team members write; the leder outside the team reads the shared ones only.
      await forventIkkeFunnet(lagreObservasjon(p.Leder!, m.Leder!, periode, data, maler, dep(), naa));
    });

    it("skal holde observasjonen privat til forfatteren deler den, og bare forfatteren endrer og deler", async () => {
      const id = (await periodeSide(p.Anne!, m.Anne!, periode, dep(), naa)).mine[0]!.id;
      const forBerit = await periodeSide(p.Berit!, m.Berit!, periode, dep(), naa);
      expect(JSON.stringify(forBerit)).not.toContain(HEMMELIG);
      await forventIkkeFunnet(skrivSide(p.Berit!, m.Berit!, periode, id, dep(), naa));
      await forventIkkeFunnet(endreDeling(p.Berit!, m.Berit!, periode, id, "del", dep(), naa));
      await forventIkkeFunnet(endreDeling(p.Fremmed!, m.Fremmed!, periode, id, "del", dep(), naa));
      await endreDeling(p.Anne!, m.Anne!, periode, id, "del", dep(), naa);
      expect((await periodeSide(p.Berit!, m.Berit!, periode, dep(), naa)).delte.map((o) => o.kategorier.utenfor)).toEqual([HEMMELIG]);
      expect(JSON.stringify(await periodeSide(p.Leder!, m.Leder!, periode, dep(), naa))).toContain(HEMMELIG);
      await endreDeling(p.Anne!, m.Anne!, periode, id, "slutt-dele", dep(), naa);
      expect(JSON.stringify(await periodeSide(p.Berit!, m.Berit!, periode, dep(), naa))).not.toContain(HEMMELIG);
    });

    it("skal vise de delte filmobservasjonene side om side, med enige og uenige per kategori", async () => {
      const film = (valg: Record<string, string>, tekst: string) => ({ malId: FILM_MAL, [kategoriFelt("utenfor")]: tekst, ...Object.fromEntries(Object.entries(valg).map(([k, v]) => [valgFelt(k), v])) });
      for (const [hvem, valg, tekst] of [
        ["Anne", { "spor-faar-nei": "ja", "gar-alene": "ja" }, "barn A får nei"],
        ["Berit", { "spor-faar-nei": "ja", "gar-alene": "usikker" }, "barn D går bort"],
        ["Cato", { "spor-faar-nei": "ja", "gar-alene": "ja" }, "Ikke delt ennå"],
      ] as const) {
        const svar = await lagreObservasjon(p[hvem]!, m[hvem]!, periode, film(valg, tekst), maler, dep(), naa);
        if (!svar.ok) throw new Error("ikke lagret");
        if (hvem !== "Cato") await endreDeling(p[hvem]!, m[hvem]!, periode, svar.id, "del", dep(), naa);
      }
      const k = await kalibrering(p.Cato!, m.Cato!, periode, maler, dep(), naa);
      expect(k.observatorer.map((o) => o.forfatterNavn)).toEqual(["Anne", "Berit"]);
      expect([k.harMin, k.minErDelt]).toEqual([true, false]);
      const utenfor = k.kategorier.find((x) => x.id === "utenfor")!;
      expect(utenfor.utsagn.map((u) => [u.id, u.ja, u.usikker, u.enige])).toEqual([
        ["spor-faar-nei", 2, 0, true],
        ["gar-alene", 1, 1, false],
      ]);
      expect(utenfor.tekster.map((x) => x.tekst)).toEqual(["barn A får nei", "barn D går bort"]);
      expect(JSON.stringify(k)).not.toContain("Ikke delt ennå");
      await forventIkkeFunnet(kalibrering(p.Fremmed!, m.Fremmed!, periode, maler, dep(), naa));
    });

    it("skal ta med egne observasjoner i eksporten og slette dem med kontoen", async () => {
      const data = (await eksporterMineData(p.Cato!, dep(), naa)).data.observasjoner as { kategorier: Record<string, string> }[];
      expect(data.map((o) => o.kategorier.utenfor)).toEqual(["Ikke delt ennå"]);
      expect((await slettKonto(p.Cato!, dep(), naa)).ok).toBe(true);
      const igjen = await t.db.selectFrom("observasjon").select("id").where("forfatterId", "=", p.Cato!.id).execute();
      expect(igjen).toEqual([]);
    });

    it("skal slette perioden og alt i den når lagringstiden er ute, og når en leder sletter den", async () => {
      const etter = new Date("2027-01-04T10:00:00Z");
      await forventIkkeFunnet(periodeSide(p.Anne!, m.Anne!, periode, dep(), etter));
      expect(await t.db.selectFrom("observasjon").select("id").execute()).toEqual([]);
      const startet = await startPeriode(p.Leder!, m.Leder!, team, "2026-12-01", "2026-12-20", dep(), naa);
      const ny = startet.ok ? startet.id : "";
      await forventIkkeFunnet(slettPerioden(p.Anne!, m.Anne!, ny, dep(), naa));
      expect(await slettPerioden(p.Leder!, m.Leder!, ny, dep(), naa)).toBe(team);
      await forventIkkeFunnet(periodeSide(p.Anne!, m.Anne!, ny, dep(), naa));
    });
  });
}
