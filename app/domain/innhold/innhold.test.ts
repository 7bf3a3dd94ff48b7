import { beforeAll, describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { lesInnholdMedProblemer, type Innhold } from "./innhold.server.ts";

/**
 * The content test: the real package must be complete and consistent. The mutation tests copy
 * content/ and break one thing each, proving the checks catch what an editor could get wrong.
 */
const ROT = path.resolve("content");

function kopi() {
  const mappe = mkdtempSync(path.join(tmpdir(), "samla-innhold-"));
  cpSync(ROT, mappe, { recursive: true });
  return mappe;
}
const forsteModul = (rot: string) => path.join(rot, "moduler", readdirSync(path.join(rot, "moduler")).sort()[0]!);
const meldinger = async (rot: string) => (await lesInnholdMedProblemer(rot)).problemer.map((p) => `${p.fil}: ${p.melding}`).join("\n");

describe("kompetansepakken", () => {
  let innhold: Innhold;
  beforeAll(async () => {
    const r = await lesInnholdMedProblemer(ROT);
    expect(r.problemer.map((p) => `${p.fil}: ${p.melding}`)).toEqual([]);
    innhold = r.innhold!;
  });

  it("skal ha modulene nummerert fra 0 uten hull, hver med lederstøtte og film", () => {
    expect(innhold.moduler.map((m) => m.nummer)).toEqual(innhold.moduler.map((_, i) => i));
    for (const m of innhold.moduler) {
      expect(m.leder.nb.meta.samlingsplan.length).toBeGreaterThanOrEqual(3);
      expect(m.filmer.size).toBeGreaterThanOrEqual(1);
    }
  });

  it("skal ha «Dette bør komme fram» i lederstøtten for hver diskusjon og case, på begge språk", () => {
    let antall = 0;
    for (const m of innhold.moduler) {
      for (const sp of ["nb", "nn"] as const) {
        const svar = new Map(
          m.leder[sp].seksjoner.flatMap((s) => s.blokker).flatMap((b) => (b.type === "svar" ? [[b.svar.aktivitetId, b.svar] as const] : [])),
        );
        for (const a of m.tekst[sp].aktiviteter.filter((a) => a.type === "diskusjon" || a.type === "case")) {
          const s = svar.get(a.id);
          expect(s, `${m.id} ${sp}: ${a.id}`).toBeDefined();
          expect(s!.tittel).toBe(a.tittel);
          expect(s!.html.length, `${m.id} ${sp}: ${a.id}`).toBeGreaterThan(200);
          antall++;
        }
      }
    }
    expect(antall).toBeGreaterThanOrEqual(2 * innhold.moduler.length);
  });

  it("skal definere mobbing likt i begrepslista og i modul 1, på begge språk", () => {
    const enLinje = (t: string) => t.replace(/\s+/g, " ").trim();
    for (const sp of ["nb", "nn"] as const) {
      const modul = readFileSync(path.join(ROT, "moduler", "01-psykososialt-barnehagemiljo", `${sp}.md`), "utf8");
      const definisjon = /:begrep\[Mobbing\]\{#mobbing\}: ([\s\S]*?)\n- /.exec(modul)?.[1];
      expect(definisjon, sp).toBeDefined();
      const begreper = readFileSync(path.join(ROT, "begreper", `${sp}.md`), "utf8");
      const oppslag = /## Mobbing \{#mobbing\}\n([\s\S]*?)\n## /.exec(begreper)?.[1];
      expect(enLinje(oppslag ?? ""), sp).toContain(enLinje(definisjon!));
    }
  });

  it("skal følge navnelista i docs/innhold.md: et barnenavn er aldri en voksen, og en voksen har ingen alder", () => {
    const liste = readFileSync(path.resolve("docs/innhold.md"), "utf8");
    const rad = (rolle: string) => (new RegExp(`^\\| ${rolle} \\| (.+) \\|$`, "m").exec(liste)?.[1] ?? "").split(", ");
    const barn = rad("barn");
    const voksne = ["assistent", "fagarbeider", "pedagogisk leder", "styrer", "vikar"].flatMap(rad);
    expect(barn).toContain("Jonas");
    expect(voksne).toEqual(expect.arrayContaining(["Per", "Amira", "Kari"]));
    expect(barn.filter((n) => voksne.includes(n))).toEqual([]);
    const navn = (liste: string[]) => `(${liste.join("|")})`;
    const rolle = "(assistent|fagarbeider|fagarbeidar|pedagogisk leder|pedagogisk leiar|styrer|styrar|styreren|styraren|vikar|vikaren|kollega)";
    const barnSomVoksen = [
      new RegExp(`\\b${navn(barn)},? (er|som er|var) ${rolle}\\b`, "i"),
      new RegExp(`\\b${rolle} ${navn(barn)}\\b`, "i"),
    ];
    const voksenMedAlder = new RegExp(`\\b${navn(voksne)} (er |\\()(\\d+|ett|eitt|to|tre|fire|fem|seks) år`);
    const filer = readdirSync(ROT, { recursive: true, encoding: "utf8" }).filter((f) => /\.(md|ya?ml)$/.test(f));
    expect(filer.length).toBeGreaterThan(30);
    const brudd: string[] = [];
    for (const fil of filer) {
      const tekst = readFileSync(path.join(ROT, fil), "utf8").replace(/\s+/g, " ");
      for (const m of [...barnSomVoksen, voksenMedAlder].map((r) => r.exec(tekst)).filter(Boolean)) brudd.push(`${fil}: «${m![0]}»`);
    }
    expect(brudd).toEqual([]);
  });

  it("skal ha de samme aktivitets-id-ene på bokmål og nynorsk", () => {
    for (const m of innhold.moduler) {
      expect(m.tekst.nn.aktiviteter.map((a) => a.id)).toEqual(m.tekst.nb.aktiviteter.map((a) => a.id));
    }
  });
});

describe("innholdssjekkene", () => {
  it("skal feile når en aktivitet er slettet fra nynorsk-fila", async () => {
    const rot = kopi();
    const fil = path.join(forsteModul(rot), "nn.md");
    const tekst = readFileSync(fil, "utf8");
    const utenForste = tekst.replace(/:::aktivitet[\s\S]*?\n:::\n/, "");
    expect(utenForste).not.toBe(tekst);
    writeFileSync(fil, utenForste);
    expect(await meldinger(rot)).toMatch(/aktiviteter er ulike i bokmål og nynorsk \(bare i nb: m0-a1/);
    rmSync(rot, { recursive: true });
  });

  it("skal feile når en diskusjon eller case mangler «Dette bør komme fram» i lederstøtten (nb eller nn)", async () => {
    const rot = kopi();
    const moduler = readdirSync(path.join(rot, "moduler")).sort().map((m) => path.join(rot, "moduler", m));
    // Module 1, nynorsk: take away the answer to the first case. Module 4, bokmål: the first diskusjon.
    const m1 = moduler.find((m) => m.includes("01-"))!;
    const nn = path.join(m1, "leder.nn.md");
    const nnTekst = readFileSync(nn, "utf8");
    const utenSvar = nnTekst.replace(/:::svar\{#m1-a3\}[\s\S]*?\n:::\n/, "");
    expect(utenSvar).not.toBe(nnTekst);
    writeFileSync(nn, utenSvar);
    const m4 = moduler.find((m) => m.includes("04-"))!;
    const nb = path.join(m4, "leder.nb.md");
    writeFileSync(nb, readFileSync(nb, "utf8").replace(":::svar{#m4-a1}", ":::svar{#m4-a9}"));
    const m = await meldinger(rot);
    expect(m).toContain("01-psykososialt-barnehagemiljo/leder.nn.md: aktiviteten m1-a3 (case) mangler «Dette bør komme fram»");
    expect(m).toContain("04-skriftlig-plan/leder.nb.md: aktiviteten m4-a1 (diskusjon) mangler «Dette bør komme fram»");
    expect(m).toContain("04-skriftlig-plan/leder.nb.md: svaret :::svar{#m4-a9} viser til en aktivitet som ikke finnes i modulen");
    expect(m).not.toContain("leder.nb.md: aktiviteten m1-a3");
    rmSync(rot, { recursive: true });
  });

  it("skal feile når «Dette bør komme fram» står i modulteksten (den er offentlig)", async () => {
    const rot = kopi();
    const fil = path.join(forsteModul(rot), "nb.md");
    writeFileSync(fil, readFileSync(fil, "utf8") + "\n:::svar{#m0-a3}\nSvaret.\n:::\n");
    expect(await meldinger(rot)).toMatch(/00-introduksjon\/nb\.md: «Dette bør komme fram» \(:::svar\) hører hjemme i lederstøtten/);
    rmSync(rot, { recursive: true });
  });

  it("skal feile når en tekstingsfil mangler", async () => {
    const rot = kopi();
    const media = path.join(forsteModul(rot), "media");
    const vtt = readdirSync(media).find((f) => f.endsWith(".nn.vtt") && !f.includes(".syn."))!;
    rmSync(path.join(media, vtt));
    expect(await meldinger(rot)).toContain(`${vtt}: tekstingsfila mangler`);
    rmSync(rot, { recursive: true });
  });

  it("skal feile når et synstolkingsspor mangler, på hvert av språkene", async () => {
    for (const sp of ["nb", "nn"]) {
      const rot = kopi();
      const media = path.join(forsteModul(rot), "media");
      const syn = readdirSync(media).find((f) => f.endsWith(`.syn.${sp}.vtt`))!;
      expect(syn).toBeDefined();
      rmSync(path.join(media, syn));
      expect(await meldinger(rot)).toContain(`${syn}: synstolkingsfila mangler`);
      rmSync(rot, { recursive: true });
    }
  });

  it("skal feile når en video eller et manus mangler", async () => {
    const rot = kopi();
    const [forste, andre] = readdirSync(path.join(rot, "moduler")).sort().map((m) => path.join(rot, "moduler", m));
    const mp4 = readdirSync(path.join(forste!, "media")).find((f) => f.endsWith(".mp4"))!;
    rmSync(path.join(forste!, "media", mp4));
    const manus = readdirSync(path.join(andre!, "filmer"))[0]!;
    rmSync(path.join(andre!, "filmer", manus));
    const m = await meldinger(rot);
    expect(m).toContain(`${mp4}: videoen mangler`);
    expect(m).toContain(`filmer/${manus}: fila mangler`);
    rmSync(rot, { recursive: true });
  });

  it("skal feile når lederstøtten mangler eller samlingsplanen mangler minutter", async () => {
    const rot = kopi();
    const modul = forsteModul(rot);
    rmSync(path.join(modul, "leder.nn.md"));
    const nb = path.join(modul, "leder.nb.md");
    writeFileSync(nb, readFileSync(nb, "utf8").replace(/\n(\s+)minutter: \d+/, ""));
    const m = await meldinger(rot);
    expect(m).toContain("leder.nn.md: fila mangler");
    expect(m).toMatch(/leder\.nb\.md: samlingsplan\.\d+\.minutter/);
    rmSync(rot, { recursive: true });
  });

  it("skal feile på ugyldig frontmatter, døde lenker, ukjente begreper, korte seksjoner og plassholdere", async () => {
    const rot = kopi();
    const fil = path.join(forsteModul(rot), "nb.md");
    let tekst = readFileSync(fil, "utf8");
    tekst = tekst.replace(/^sistEndret: .*$/m, "sistEndret: i går");
    tekst += "\n\n## Ny kort del {#kort}\n\nTODO skriv mer. Se [modul 9](modul:m9) og :begrep[noe]{#finnes-ikke}.\n";
    writeFileSync(fil, tekst);
    const m = await meldinger(rot);
    expect(m).toMatch(/nb\.md: sistEndret: skriv datoen som ÅÅÅÅ-MM-DD/);
    rmSync(rot, { recursive: true });

    const rot2 = kopi();
    const fil2 = path.join(forsteModul(rot2), "nb.md");
    writeFileSync(fil2, readFileSync(fil2, "utf8") + "\n\n## Ny kort del {#kort}\n\nTODO skriv mer. Se [modul 9](modul:m9) og :begrep[noe]{#finnes-ikke}.\n");
    const m2 = await meldinger(rot2);
    expect(m2).toMatch(/seksjonen #kort er for kort/);
    expect(m2).toMatch(/plassholdertekst/);
    expect(m2).toMatch(/lenken går til modul «m9», som ikke finnes/);
    expect(m2).toMatch(/begrepet «finnes-ikke» finnes ikke i begrepslista/);
    expect(m2).toMatch(/seksjoner er ulike i bokmål og nynorsk \(bare i nb: kort\)/);
    rmSync(rot2, { recursive: true });
  });
});

describe("innholdsbufferen fra bygget", () => {
  it("skal gi samme indeks som en ny lesing, og ikke brukes når en fil er endret", async () => {
    const { lesInnhold, tilLagring } = await import("./innhold.server.ts");
    const rot = kopi();
    const fersk = await lesInnhold(rot);
    const fil = path.join(mkdtempSync(path.join(tmpdir(), "samla-buffer-")), "innhold.json");
    writeFileSync(fil, await tilLagring(rot, fersk));
    const fraBuffer = await lesInnhold(rot, { buffer: fil });
    expect(fraBuffer.versjon).toBe(fersk.versjon);
    expect(fraBuffer.modulEtterSlug("tiltak")?.filmer.get("m3-film-1")?.video).toEqual(fersk.modulEtterSlug("tiltak")?.filmer.get("m3-film-1")?.video);
    expect([...fraBuffer.media.keys()]).toEqual([...fersk.media.keys()]);

    const nb = path.join(forsteModul(rot), "nb.md");
    writeFileSync(nb, readFileSync(nb, "utf8").replace(/^ingress: .*$/m, "ingress: Endret ingress for testen."));
    const etterEndring = await lesInnhold(rot, { buffer: fil });
    expect(etterEndring.moduler[0]!.tekst.nb.meta.ingress).toBe("Endret ingress for testen.");
    rmSync(rot, { recursive: true });
  });
});
