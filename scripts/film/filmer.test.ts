import { describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { filmManusSkjema, type FilmManus } from "../../app/domain/innhold/innhold.schema.ts";
import { lagVtt } from "../lag-filmer-lib.ts";
import { helSvg } from "./bilde.ts";
import { IKONER } from "./ikoner.ts";
import { ROLLER, erBarn, navnITekst } from "./roller.ts";
import { STEDER } from "./steder.ts";
import { harOrd, lesVtt, sjekkSynstolking } from "./synstolking.ts";
import { BILDER_PER_SEKUND, bildeHash, bildemerkeI, merknad, morkeVed, planleggFilm, synstolkingCuer, tekstingCuer, tilstand, ukjenteNavn } from "./tidslinje.ts";

/**
 * The films against their manuscripts: every manuscript uses the library's cast, places and
 * pictograms; the committed caption and description files are exactly what the manuscript gives;
 * every description cue describes what is on screen at that time. CI does not render films, so
 * this is what keeps the media honest.
 */
const MODULER = path.resolve("content/moduler");

type Film = { modul: string; mappe: string; manus: FilmManus };
const filmer: Film[] = readdirSync(MODULER)
  .sort()
  .flatMap((modul) => {
    const mappe = path.join(MODULER, modul);
    const filmmappe = path.join(mappe, "filmer");
    if (!existsSync(filmmappe)) return [];
    return readdirSync(filmmappe)
      .filter((f) => f.endsWith(".yaml"))
      .sort()
      .map((f) => ({ modul, mappe, manus: filmManusSkjema.parse(parseYaml(readFileSync(path.join(filmmappe, f), "utf8"))) }));
  });

const media = (f: Film, navn: string) => path.join(f.mappe, "media", navn);

describe("filmmanusene", () => {
  it("hver modul har minst en case-film og en forklaringsfilm", () => {
    const moduler = readdirSync(MODULER).filter((m) => existsSync(path.join(MODULER, m, "nb.md")));
    expect(moduler.length).toBeGreaterThanOrEqual(8);
    for (const modul of moduler) {
      const typer = filmer.filter((f) => f.modul === modul).map((f) => f.manus.type);
      expect(typer, modul).toContain("case");
      expect(typer, modul).toContain("forklaring");
    }
  });

  it.each(filmer.map((f) => [f.manus.id, f] as const))("%s: kjente personer, steder og bilder, 45–90 sekunder", (_, f) => {
    const plan = planleggFilm(f.manus);
    expect(plan.varighet).toBeGreaterThanOrEqual(45);
    expect(plan.varighet).toBeLessThanOrEqual(90);
    for (const [i, scene] of f.manus.scener.entries()) {
      expect(ukjenteNavn(scene), `scene ${i + 1}`).toEqual([]);
      expect(Object.keys(STEDER), `scene ${i + 1}`).toContain(scene.sted);
      for (const ikon of scene.tavle) expect(Object.keys(IKONER), `scene ${i + 1}`).toContain(ikon);
      if (scene.tavle.length > 0) expect(STEDER[scene.sted]!.tavle, `scene ${i + 1}: bilder på tavla krever et sted med tavle`).toBeDefined();
      const navn = scene.personer.map((p) => p.navn);
      expect(new Set(navn).size, `scene ${i + 1}: en person to ganger`).toBe(navn.length);
      for (const r of scene.replikker) {
        expect(navn, `scene ${i + 1}: ${r.hvem} snakker, men er ikke i scenen`).toContain(r.hvem);
        if (r.til) expect(navn, `scene ${i + 1}: ${r.hvem} snakker til ${r.til}, som ikke er i scenen`).toContain(r.til);
      }
    }
    // Explainers show the method with pictograms; case films act a situation out with children.
    if (f.manus.type === "forklaring") expect(f.manus.scener.some((s) => s.tavle.length > 0)).toBe(true);
    else expect(f.manus.scener.some((s) => s.personer.some((p) => erBarn(p.navn)))).toBe(true);
  });

  it.each(filmer.map((f) => [f.manus.id, f] as const))("%s: tekstingen og synstolkingen er laget av dette manuset", (_, f) => {
    const plan = planleggFilm(f.manus);
    const note = merknad(f.modul, f.manus.id);
    for (const sp of ["nb", "nn"] as const) {
      expect(readFileSync(media(f, `${f.manus.id}.${sp}.vtt`), "utf8"), `${sp}.vtt er eldre enn manuset: kjør node scripts/lag-filmer.ts --bare-tekst`).toBe(lagVtt(tekstingCuer(plan, sp), note));
      expect(readFileSync(media(f, `${f.manus.id}.syn.${sp}.vtt`), "utf8"), `syn.${sp}.vtt er eldre enn manuset`).toBe(lagVtt(synstolkingCuer(plan, sp), `Synstolking. ${note}`));
    }
    // The video carries the fingerprint of the pictures and timing it was made from.
    const start = readFileSync(media(f, `${f.manus.id}.mp4`)).subarray(0, 256 * 1024);
    expect(bildemerkeI(start), "videoen passer ikke lenger til manuset: kjør node scripts/lag-filmer.ts").toBe(bildeHash(plan, BILDER_PER_SEKUND));
  });

  it("fingeravtrykket av bildene endres når en person flytter seg eller en replikk blir lengre, ikke når bare synstolkingen endres", () => {
    const manus = f1();
    const hash = bildeHash(planleggFilm(manus), BILDER_PER_SEKUND);
    const flyttet = structuredClone(manus);
    flyttet.scener[0]!.personer[0]!.x += 10;
    expect(bildeHash(planleggFilm(flyttet), BILDER_PER_SEKUND)).not.toBe(hash);
    const lengre = structuredClone(manus);
    lengre.scener[1]!.replikker[0]!.nb += " Hun sover dårlig også.";
    expect(bildeHash(planleggFilm(lengre), BILDER_PER_SEKUND)).not.toBe(hash);
    const synstolking = structuredClone(manus);
    synstolking.scener[0]!.synstolking.nb = "Garderoben.";
    expect(bildeHash(planleggFilm(synstolking), BILDER_PER_SEKUND)).toBe(hash);
  });

  it.each(filmer.map((f) => [f.manus.id, f] as const))("%s: hver synstolking beskriver det som er i bildet da", (_, f) => {
    const plan = planleggFilm(f.manus);
    for (const sp of ["nb", "nn"] as const) {
      const cuer = lesVtt(readFileSync(media(f, `${f.manus.id}.syn.${sp}.vtt`), "utf8"));
      expect(sjekkSynstolking(plan, cuer, sp), sp).toEqual([]);
    }
  });

  it("teksting sier hvem som snakker, med navn og stemmetagg", () => {
    const f = filmer.find((x) => x.manus.type === "case")!;
    const vtt = readFileSync(media(f, `${f.manus.id}.nb.vtt`), "utf8");
    const forste = f.manus.scener.flatMap((s) => s.replikker)[0]!;
    expect(vtt).toContain(`<v ${forste.hvem}>${forste.hvem}: `);
  });

  it("all media til sammen er høyst 80 MB, og det finnes ingen gamle videoer per språk", () => {
    let total = 0;
    for (const modul of readdirSync(MODULER)) {
      const mappe = path.join(MODULER, modul, "media");
      if (!existsSync(mappe)) continue;
      for (const navn of readdirSync(mappe)) {
        expect(navn).not.toMatch(/\.(nb|nn)\.mp4$/);
        total += statSync(path.join(mappe, navn)).size;
      }
    }
    expect(total / 1024 / 1024).toBeLessThanOrEqual(80);
  });
});

describe("synstolkingssjekken", () => {
  const f = filmer.find((x) => x.manus.id === "m1-film-1")!;
  const plan = planleggFilm(f.manus);
  const ekte = lesVtt(readFileSync(media(f, "m1-film-1.syn.nb.vtt"), "utf8"));

  it("godtar den ekte synstolkingen", () => {
    expect(ekte.length).toBe(plan.scener.length);
    expect(sjekkSynstolking(plan, ekte, "nb")).toEqual([]);
  });

  it("feiler når en synstolking nevner en person som ikke er i scenen", () => {
    const endret = ekte.map((c, i) => (i === 0 ? { ...c, tekst: `${c.tekst} Hanne står i døra.` } : c));
    expect(sjekkSynstolking(plan, endret, "nb")).toEqual([expect.stringContaining("nevner Hanne, som ikke er med i scene 1")]);
  });

  it("feiler når en synstolking nevner noe fra et annet sted", () => {
    // Scene 1 is in the garderobe; the sandbox is outside.
    const endret = ekte.map((c, i) => (i === 0 ? { ...c, tekst: "Per står ved sandkassa." } : c));
    expect(sjekkSynstolking(plan, endret, "nb")).toEqual([expect.stringContaining("«sandkass», som hører til stedet uteomrade")]);
  });

  it("feiler når en synstolking nevner et bilde som ikke er på tavla", () => {
    const m12 = filmer.find((x) => x.manus.id === "m1-film-2")!;
    const p = planleggFilm(m12.manus);
    const cuer = synstolkingCuer(p, "nb").map((c, i) => (i === 0 ? { ...c, tekst: "På tavla kommer et årshjul fram." } : c));
    expect(sjekkSynstolking(p, cuer, "nb")).toEqual([expect.stringContaining("«årshjul», som hører til bildet arshjul på tavla")]);
  });

  it("feiler når en synstolking går over i neste scene, eller en scene mangler synstolking", () => {
    const over = ekte.map((c, i) => (i === 0 ? { ...c, slutt: plan.scener[1]!.start + 2 } : c));
    const m = sjekkSynstolking(plan, over, "nb");
    expect(m).toContainEqual(expect.stringContaining("ligger ikke innenfor én scene"));
    expect(m).toContainEqual("scene 1 har ingen synstolking");
    expect(sjekkSynstolking(plan, ekte.slice(1), "nb")).toContainEqual("scene 1 har ingen synstolking");
  });
});

describe("biblioteket", () => {
  it("finner navn i tekst, foreldre før barnet", () => {
    expect(navnITekst("Mora til Nora snakker med Per.").sort()).toEqual(["Mora til Nora", "Per"]);
    expect(navnITekst("Per og mora til Nora står ved benken. Nora ser ned.").sort()).toEqual(["Mora til Nora", "Nora", "Per"]);
    expect(navnITekst("Personalrommet. Tom sitter.")).toEqual(["Tom"]);
  });

  it("matcher hele ord, og lengre ord bare med stjerne", () => {
    expect(harOrd("Per står ved sandkassa.", "sandkass*")).toBe(true);
    expect(harOrd("et velkomstark", "ark")).toBe(false);
    expect(harOrd("Hun går ut.", "ute")).toBe(false);
    expect(harOrd("et trist  ansikt", "trist ansikt*")).toBe(true);
  });

  it("rollebesetningen: Jonas er et barn, og ingen voksne har et barnenavn", () => {
    expect(erBarn("Jonas")).toBe(true);
    for (const navn of ["Per", "Siri", "Ali", "Mirela", "Kari", "Amira", "Tom", "Hanne"]) expect(erBarn(navn), navn).toBe(false);
    expect(Object.values(ROLLER).filter((r) => r.rolle === "barn")).toHaveLength(18);
  });

  it("rollebesetningen er den samme som navnelista i docs/innhold.md, med samme rolle", () => {
    const liste = readFileSync(path.resolve("docs/innhold.md"), "utf8");
    for (const [navn, u] of Object.entries(ROLLER)) {
      if (u.rolle === "forelder") {
        expect(navn, "foreldre har ikke egne navn").toMatch(/^(Mora|Faren) til [A-ZÆØÅ]/);
        continue;
      }
      const rad = new RegExp(`^\\| ${u.rolle} \\| (.+) \\|$`, "m").exec(liste)?.[1] ?? "";
      expect(rad.split(", "), `${navn} (${u.rolle})`).toContain(navn);
    }
  });

  it("bildene har ingen tekst, så én video passer for bokmål og nynorsk", () => {
    for (const f of filmer) {
      const plan = planleggFilm(f.manus);
      for (const s of plan.scener) {
        const svg = helSvg(tilstand(plan, (s.start + s.slutt) / 2));
        expect(svg, `${f.manus.id} scene ${s.indeks + 1}`).not.toMatch(/<text|<tspan|<foreignObject/);
      }
    }
  });

  it("en person som snakker, beveger munnen, og de andre ser på den som snakker", () => {
    const plan = planleggFilm(f1());
    const r = plan.scener[1]!.replikker[0]!;
    const munner = Array.from({ length: 12 }, (_, i) => tilstand(plan, r.start + 0.1 + i * 0.08).personer.find((p) => p.navn === r.hvem)!.munn);
    expect(Math.max(...munner)).toBeGreaterThan(0.3);
    expect(Math.min(...munner)).toBeLessThan(0.1);
    const midt = tilstand(plan, (r.start + r.slutt) / 2);
    const talende = midt.personer.find((p) => p.navn === r.hvem)!;
    for (const p of midt.personer.filter((q) => q.navn !== r.hvem)) {
      expect(p.munn).toBe(0);
      expect(Math.sign(p.blikk), `${p.navn} ser mot ${r.hvem}`).toBe(Math.sign(talende.x - p.x));
    }
  });

  it("bildet toner gjennom svart mellom scenene og ut på slutten, men ikke inn i det første bildet", () => {
    const plan = planleggFilm(f1());
    const grense = plan.scener[1]!.start;
    expect(morkeVed(plan, 0)).toBe(0);
    expect(morkeVed(plan, (plan.scener[0]!.start + plan.scener[0]!.slutt) / 2)).toBe(0);
    expect(morkeVed(plan, grense - 0.01)).toBeGreaterThan(0.9);
    expect(morkeVed(plan, grense + 0.01)).toBeGreaterThan(0.9);
    expect(morkeVed(plan, grense + 0.5)).toBe(0);
    expect(morkeVed(plan, plan.varighet - 0.01)).toBeGreaterThan(0.95);
  });

  it("en person som går inn, starter utenfor bildet og står på plassen sin når scenen er i gang", () => {
    const plan = planleggFilm(f1());
    const start = tilstand(plan, 0).personer.find((p) => p.navn === "Nora")!;
    const senere = tilstand(plan, plan.scener[0]!.slutt - 0.2).personer.find((p) => p.navn === "Nora")!;
    expect(start.x).toBeLessThan(0);
    expect(start.gange).toBeDefined();
    expect(senere.x).toBe(f1().scener[0]!.personer.find((p) => p.navn === "Nora")!.x);
    expect(senere.gange).toBeUndefined();
  });
});

function f1(): FilmManus {
  return filmer.find((x) => x.manus.id === "m1-film-1")!.manus;
}
