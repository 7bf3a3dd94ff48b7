import { describe, expect, it } from "vitest";
import path from "node:path";
import { readFile } from "node:fs/promises";
import { TOM_PLAN, sjekkPlan, punkterMedMerknad, type PlanUtkast } from "./plansjekk.ts";
import { lesPlanSaker } from "./planovelse.server.ts";
import { planSkjema, somUtkast } from "./planovelse.schema.ts";

const plan = (p: Partial<PlanUtkast>): PlanUtkast => ({ ...TOM_PLAN, ...p });
const koder = (p: PlanUtkast) => sjekkPlan(p).map((m) => [m.kode, m.nummer ?? null, m.ord ?? null] as const);

describe("§ 42-sjekken", () => {
  it("skal nevne hvert av punktene a–e når planen er tom", () => {
    expect(sjekkPlan(TOM_PLAN).map((m) => m.kode)).toEqual(["a.mangler", "b.mangler", "c.mangler", "d.ingen", "e.mangler"]);
    // d) hangs on each measure: a measure without a responsible role is named by its number
    expect(koder(plan({ tiltak: [{ tekst: "En voksen sitter ved dukkekroken hver formiddag og hjelper barna inn i leken.", ansvarlig: "" }] }))).toContainEqual(["d.mangler", 1, null]);
  });

  it("skal si fra om en merkelapp i stedet for atferd i a)", () => {
    expect(koder(plan({ problem: "Amal har språkvansker." }))[0]).toEqual(["a.merkelapp", null, "språkvansker"]);
    expect(koder(plan({ problem: "Ella har det ikkje bra." }))[0]).toEqual(["a.merkelapp", null, "har det ikkje bra"]);
    expect(koder(plan({ problem: "Han er alene." }))[0]).toEqual(["a.kort", null, null]);
  });

  it("skal kalle et tiltak uklart når det bare sier «følge med» eller er noen få ord", () => {
    const k = koder(plan({ tiltak: [{ tekst: "Språkgruppe.", ansvarlig: "Pedagogisk leder" }, { tekst: "Følge ekstra med på Ella. Snakke med barna.", ansvarlig: "Pedagogisk leder" }] }));
    expect(k.filter(([kode]) => kode === "b.uklart")).toEqual([["b.uklart", 1, null], ["b.uklart", 2, null]]);
  });

  it("skal godta en dato, en uke eller en periode i c) og e), men ikke «snart» eller «ved behov»", () => {
    expect(koder(plan({ naar: "Snart." })).find(([k]) => k.startsWith("c"))).toEqual(["c.uklart", null, "snart"]);
    expect(koder(plan({ evaluering: "Ved behov." })).find(([k]) => k.startsWith("e"))).toEqual(["e.uklart", null, "ved behov"]);
    expect(koder(plan({ naar: "Frå måndag i veke 10, i seks veker." })).some(([k]) => k.startsWith("c"))).toBe(false);
    expect(koder(plan({ fra: "2027-03-08" })).some(([k]) => k.startsWith("c"))).toBe(false);
    expect(koder(plan({ evaluering: "12. mars, sammen med foreldrene" })).some(([k]) => k.startsWith("e"))).toBe(false);
  });

  it("skal kreve at evalueringen kommer etter at tiltakene har startet", () => {
    expect(koder(plan({ fra: "2027-03-08", evalueres: "2027-03-01" }))).toContainEqual(["e.forTidlig", null, null]);
    expect(koder(plan({ fra: "2027-03-08", evalueres: "2027-04-09" })).some(([k]) => k.startsWith("e"))).toBe(false);
    // a date that is not a date is no date
    expect(koder(plan({ evalueres: "2027-13-45" }))).toContainEqual(["e.mangler", null, null]);
  });

  it("skal ikke godta «alle» eller «personalet» som ansvarlig", () => {
    expect(koder(plan({ tiltak: [{ tekst: "En voksen er med i rolleleken hver formiddag og fordeler roller.", ansvarlig: "Personalet" }] }))).toContainEqual(["d.alle", 1, "Personalet"]);
  });

  it("skal finne alle fem punktene i de svake planene og ingen merknader i modellplanene, på bokmål og nynorsk", async () => {
    const saker = await lesPlanSaker(path.resolve("content"));
    expect(saker.map((s) => s.id)).toEqual(["amal", "ella"]);
    for (const sak of saker) {
      for (const spraak of ["nb", "nn"] as const) {
        expect([...punkterMedMerknad(sjekkPlan(somUtkast(sak.utgangspunkt[spraak])))].sort(), `${sak.id} ${spraak}`).toEqual(["a", "b", "c", "d", "e"].filter((p) => p !== "d" || sak.id === "ella"));
        expect(sjekkPlan(somUtkast(sak.modell[spraak])), `${sak.id} ${spraak}`).toEqual([]);
      }
    }
  });

  it("skal ha sakene ordrett fra modul 4", async () => {
    const saker = await lesPlanSaker(path.resolve("content"));
    for (const spraak of ["nb", "nn"] as const) {
      const modul = await readFile(path.resolve(`content/moduler/04-skriftlig-plan/${spraak}.md`), "utf8");
      for (const sak of saker) expect(modul, `${sak.id} ${spraak}`).toContain(sak.sak[spraak]);
    }
  });
});

describe("skjemaet uten JavaScript", () => {
  it("skal lese tiltak og ansvarlige i rekkefølge og droppe tomme rader til slutt", () => {
    const utkast = planSkjema.parse({ problem: "x", "tiltak-1": "A", "ansvarlig-1": "B", "tiltak-2": "", "ansvarlig-2": "", "tiltak-3": "C", "ansvarlig-3": "", "tiltak-4": "" });
    expect(utkast.tiltak).toEqual([{ tekst: "A", ansvarlig: "B" }, { tekst: "", ansvarlig: "" }, { tekst: "C", ansvarlig: "" }]);
    expect(utkast.naar).toBe("");
  });
});

describe("skjemaet tåler alt", () => {
  it("skal kutte svært lange felt i stedet for å feile", () => {
    expect(planSkjema.parse({ problem: "x".repeat(10_000) }).problem).toHaveLength(4000);
  });
});
