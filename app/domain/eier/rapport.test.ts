import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALEKTER, lagTestDb, type TestDb, forventIkkeFunnet } from "#app/db/test-databaser.ts";
import { lagAuth, type Auth } from "#app/auth/auth.server.ts";
import { dagIdag, hentRundeside, lukkRunden, opprettRunde, svarPaRunde } from "#app/domain/stasted/stasted.server.ts";
import { svarPaTilbakemelding, tilbakemeldingsinstrument } from "#app/domain/tilbakemelding/tilbakemelding.server.ts";
import { lagBarnehage, lagEier, lagInnhold, lagModul, som, type BarnehageVerden, type EierVerden } from "#app/test/fabrikk.ts";
import { eierRapport, eierRapportFil } from "./rapport.server.ts";
import { eierRapportPdf } from "./rapport-pdf.server.tsx";
import { forBarnehage, formaterCelle, rapportFilnavn, somCsv, type EierRapport } from "./rapport.ts";

const NAA = new Date("2026-11-26T10:00:00Z");
const SENERE = new Date("2027-01-05T10:00:00Z");
const TEKST = { barnehage: "Barnehage", forFa: "for få svar", tittel: "Resultater for Solby kommune" };
const MODUL = lagModul("m1", { nummer: 1, aktiviteter: ["m1-a1"] });
const innhold = lagInnhold(MODUL);

for (const dialekt of DIALEKTER) {
  describe(`eierens rapport (CSV og PDF) på ${dialekt}`, () => {
    let t: TestDb;
    let auth: Auth;
    let a: BarnehageVerden;
    let b: BarnehageVerden;
    let eier: EierVerden;
    const dep = () => ({ db: t.db, auth, innhold });

    /** A closed før round and module feedback, everyone answering `verdi` everywhere. */
    const svar = async (bh: BarnehageVerden, hvem: string[], verdi: number) => {
      const styrer = som(bh, bh.styrer.navn);
      const r = await opprettRunde(styrer.aktor, styrer.medlemskap, { fase: "for", malgruppe: "alle", apner: dagIdag(NAA), lukker: "2026-12-31" }, dep(), NAA);
      if (!r.ok) throw new Error(r.feil);
      const side = await hentRundeside(styrer.aktor, styrer.medlemskap, r.verdi, dep(), NAA);
      const instrument = await tilbakemeldingsinstrument();
      for (const x of hvem) {
        expect((await svarPaRunde(bh.personer[x]!, bh.medlemskap[x]!, r.verdi, side.innhold.utsagn.map((u) => ({ utsagnId: u.id, verdi })), dep(), NAA)).ok).toBe(true);
        const modulsvar = instrument.modulTilbakemelding.utsagn.map((u) => ({ utsagnId: u.id, verdi }));
        expect(await svarPaTilbakemelding(bh.personer[x]!, bh.medlemskap[x]!, MODUL.slug, { svar: modulsvar, fritekst: "Hemmelig fritekst" }, { db: t.db, innhold })).toEqual({ ok: true });
      }
      await lukkRunden(styrer.aktor, styrer.medlemskap, r.verdi, dep(), SENERE);
    };

    beforeAll(async () => {
      t = await lagTestDb(dialekt);
      auth = lagAuth(t.db, { baseURL: "http://localhost:3000", secret: "s".repeat(40), sikreCookies: false });
      // Solsikken: five answer 4. Blåbærlia: four answer 2, so a total that counted them would read 3,1.
      a = await lagBarnehage(dep(), { navn: "Solsikken", styrer: "SA", ansatte: ["A1", "A2", "A3", "A4"] });
      b = await lagBarnehage(dep(), { navn: "Blåbærlia", styrer: "SB", ansatte: ["B1", "B2", "B3"] });
      eier = await lagEier(dep(), { navn: "Solby kommune", person: "Kari", barnehager: [a, b] });
      await svar(a, ["SA", "A1", "A2", "A3", "A4"], 4);
      await svar(b, ["SB", "B1", "B2", "B3"], 2);
    }, 300_000);
    afterAll(() => t.rydd());

    it("skal skjule gruppen under fem og aldri regne den med i summen, i modellen, i CSV og per barnehage", async () => {
      const { rapport } = await eierRapport(eier.aktor, eier.medlemskap, dep(), "nb");
      const stasted = rapport.tabeller.find((x) => x.id === "stasted-for")!;
      const rad = (navn: string) => stasted.rader.find((r) => r.navn === navn)!;
      expect(rad("Solsikken").celler!.every((c) => c === 4)).toBe(true);
      expect(rad("Blåbærlia").celler).toBeNull();
      expect(rad("Alle barnehagene samlet").celler).toEqual(rad("Solsikken").celler);
      const modul = rapport.tabeller.find((x) => x.id === "tilbakemelding-m1")!;
      expect(modul.rader.find((r) => r.navn === "Blåbærlia")!.celler).toBeNull();
      expect(modul.rader.find((r) => r.samlet)!.celler).toEqual([4, 4, 4]);

      const csv = somCsv(rapport, TEKST, "nb-NO");
      const linjer = csv.split("\r\n");
      const blaabaer = linjer.filter((l) => l.startsWith("Blåbærlia;"));
      expect(blaabaer.length).toBeGreaterThanOrEqual(2);
      for (const l of blaabaer.slice(1)) expect(l.split(";").slice(1).every((c) => c === "for få svar")).toBe(true);
      for (const l of linjer.filter((x) => x.startsWith("Alle barnehagene samlet;"))) expect(l).toMatch(/^Alle barnehagene samlet(;4,0)+$/);
      // Neither B's own mean nor a total that counted B in appears anywhere; never the free text.
      expect(csv).not.toMatch(/2,0|3,1|2,9|Hemmelig/);

      const bare = await eierRapportFil(eier.aktor, eier.medlemskap, dep(), "nb", b.barnehageId);
      const csvB = somCsv(bare, TEKST, "nb-NO");
      expect(csvB).not.toMatch(/\d,\d/);
      expect(csvB).not.toContain("Solsikken");
      expect(csvB).not.toContain("Alle barnehagene samlet");
    });

    it("skal lage PDF av den samme modellen, for alle og per barnehage, og bare for eierens barnehager", async () => {
      const alle = await eierRapportFil(eier.aktor, eier.medlemskap, dep(), "nn", null);
      const pdf = await eierRapportPdf(alle, "nn", NAA);
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      expect(pdf.length).toBeGreaterThan(5_000);
      const enA = await eierRapportFil(eier.aktor, eier.medlemskap, dep(), "nb", a.barnehageId);
      expect(enA.barnehage).toEqual({ id: a.barnehageId, navn: "Solsikken" });
      expect((await eierRapportPdf(enA, "nb", NAA)).subarray(0, 5).toString()).toBe("%PDF-");
      const annen = await lagBarnehage(dep(), { navn: "Annen", styrer: "SC" });
      await forventIkkeFunnet(eierRapportFil(eier.aktor, eier.medlemskap, dep(), "nb", annen.barnehageId));
      await forventIkkeFunnet(eierRapportFil(null, eier.medlemskap, dep(), "nb", null));
    });
  });
}

describe("rapportmodellen", () => {
  const rapport: EierRapport = {
    eierNavn: "Ås kommune",
    barnehage: null,
    tabeller: [
      {
        id: "t",
        del: "stasted",
        tittel: "Ståsted; før",
        format: ["snitt", "prosent", "tall"],
        kolonner: ["Trygghet", "Andel", "=SUM(A1)"],
        rader: [
          { navn: "A", barnehageId: "a", samlet: false, celler: [4.25, 0.8, 3] },
          { navn: 'B "liten"', barnehageId: "b", samlet: false, celler: null },
          { navn: "Samlet", barnehageId: null, samlet: true, celler: [4.25, null, 3] },
        ],
        diagram: true,
      },
    ],
  };

  it("skal skrive CSV for norske regneark: semikolon, desimalkomma, BOM, «for få svar», ingen formler", () => {
    const csv = somCsv(rapport, TEKST, "nb-NO");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.split("\r\n")).toEqual(["\uFEFFResultater for Solby kommune", "", '"Ståsted; før"', "Barnehage;Trygghet;Andel;'=SUM(A1)", "A;4,3;80\u00a0%;3", '"B ""liten""";for få svar;for få svar;for få svar', "Samlet;4,3;for få svar;3", "", ""]);
  });

  it("skal ta bare én barnehages rader, uten summene, i rapporten per barnehage", () => {
    const b = forBarnehage(rapport, "a", "A");
    expect(b.barnehage).toEqual({ id: "a", navn: "A" });
    expect(b.tabeller[0]!.rader.map((r) => r.navn)).toEqual(["A"]);
    expect(forBarnehage(rapport, "finnes-ikke", "X").tabeller).toEqual([]);
  });

  it("skal formatere tall på norsk og gi filnavn uten mellomrom og særtegn", () => {
    expect(formaterCelle(null, "snitt", "nb-NO", "for få svar")).toBe("for få svar");
    expect(formaterCelle(3.05, "snitt", "nn-NO", "–")).toBe("3,1");
    expect(rapportFilnavn("Ås kommune", "Blåbærlia barnehage", "2026-12-07", "pdf")).toBe("samla-resultater-as-kommune-blabaerlia-barnehage-2026-12-07.pdf");
  });
});
