import { describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { lesInnholdMedProblemer } from "./innhold.server.ts";
import { LOVTEKST_FIL, finnLovsitater, parseLovtekst, sjekkLovsitat } from "./lovtekst.server.ts";

/**
 * The stored statute text and the quote test: every «…» followed by a § reference in the package
 * must be word for word in the stored text of that §. The mutation tests change one word of a
 * quotation in a copy of content/ and show that the content check fails.
 */
const ROT = path.resolve("content");
const kopi = () => {
  const mappe = mkdtempSync(path.join(tmpdir(), "samla-lov-"));
  cpSync(ROT, mappe, { recursive: true });
  return mappe;
};
const meldinger = async (rot: string) => (await lesInnholdMedProblemer(rot)).problemer.map((p) => `${p.fil}: ${p.melding}`).join("\n");
const lovtekst = () => {
  const r = parseLovtekst(readFileSync(path.join(ROT, LOVTEKST_FIL), "utf8"));
  expect(r.problemer).toEqual([]);
  return r.lovtekst!;
};

describe("lovteksten i content/lov", () => {
  it("skal ha §§ 41–43 med kilde, dato og kontroll for hver blokk", () => {
    const l = lovtekst();
    expect(l.paragrafer.map((p) => p.nummer)).toEqual(["41", "42", "43"]);
    expect(l.meta.kilde).toBe("https://lovdata.no/lov/2005-06-17-64/KAPITTEL_8");
    expect(l.meta.iKraft).toBe("2021-01-01");
    expect(l.meta.opphav).toContain("åndsverkloven § 14");
    // «gripe inn» is in § 41, not § 42.
    expect(l.paragrafer[0]!.ledd.map((x) => x.tekst).join(" ")).toContain("skal gripe inn når et barn i barnehagen utsettes for slike krenkelser");
    expect(l.paragrafer[1]!.ledd.map((x) => x.tekst).join(" ")).not.toContain("gripe inn");
    for (const p of l.paragrafer) if (p.ledd.length === 0) expect(p.mangler).toBeTruthy();
  });

  it("skal avvise en blokk uten kontroll og «bekreftet» med bare én kilde", () => {
    const kilde = readFileSync(path.join(ROT, LOVTEKST_FIL), "utf8");
    const utenKontroll = kilde.replace(/^ {2}p41-2:\n(?: {4}.*\n| {6}.*\n)+/m, "");
    expect(utenKontroll).not.toBe(kilde);
    expect(parseLovtekst(utenKontroll).problemer.join("\n")).toContain("p41-2 mangler en kontroll-oppføring");
    const enKilde = kilde.replace(/( {2}p41-2:\n {4}status: bekreftet\n {4}kilder:\n {6}- .*\n) {6}- .*\n/, "$1");
    expect(enKilde).not.toBe(kilde);
    expect(parseLovtekst(enKilde).problemer.join("\n")).toMatch(/«bekreftet» krever minst to kilder/);
  });
});

describe("finnLovsitater", () => {
  it("skal finne sitater som er merket med §, og ikke eksempler eller sitater i en annen setning", () => {
    const tekst = [
      "Loven sier at barnehagen «skal gripe inn» (§ 41). Og «følge med» står i § 42.",
      "Se «skal ikke godta krenkelser» ([§ 41](lov:#p41)) og «barna i barnehagen» (barnehageloven § 42).",
      "> «Barnehagen skal ikke godta",
      "> krenkelser» (barnehagelova § 41)",
      "Emil sier «du kan ikke være med» er utestenging (§ 41). Han sa «bare tull». Kravet står i § 42.",
    ].join("\n");
    expect(finnLovsitater(tekst, "md").map((s) => `${s.paragraf}:${s.sitat.replace(/\s+/g, " ")}`)).toEqual([
      "41:skal gripe inn",
      "42:følge med",
      "41:skal ikke godta krenkelser",
      "42:barna i barnehagen",
      "41:Barnehagen skal ikke godta > krenkelser",
    ]);
  });

  it("skal lese et sitat over to tekstingslinjer i WebVTT", () => {
    const vtt = "WEBVTT\n\n1\n00:00:01.000 --> 00:00:03.000\nLoven sier: «Barnehagen skal ikke godta\n\n2\n00:00:03.000 --> 00:00:05.000\nkrenkelser» (§ 41).\n";
    const funn = finnLovsitater(vtt, "vtt");
    expect(funn).toHaveLength(1);
    expect(sjekkLovsitat(lovtekst(), funn[0]!)).toBeUndefined();
  });

  it("skal godta ordrett tekst med utelatelse, og avvise ett endret ord og feil paragraf", () => {
    const l = lovtekst();
    const sjekk = (sitat: string, paragraf: string) => sjekkLovsitat(l, { sitat, paragraf, linje: 1 });
    expect(sjekk("Barnehagen skal ikke godta krenkelser … og trakassering.", "41")).toBeUndefined();
    expect(sjekk("Barnehagen skal ikke godta krenkingar som for eksempel utestenging", "41")).toMatch(/står ikke ordrett/);
    expect(sjekk("skal gripe inn når et barn i barnehagen utsettes for slike krenkelser", "42")).toMatch(/står i § 41, ikke i § 42/);
    expect(sjekk("skal straks varsle", "46")).toMatch(/paragraf som ikke er lagret/);
  });
});

describe("sitatsjekken i innholdssjekkene", () => {
  it("skal godta ordrette sitater og feile når ett ord i et av dem er endret", async () => {
    const rot = kopi();
    const sitater = {
      "lov/nb.md": "\n\nLoven sier at barnehagen «skal forebygge tilfeller hvor barn ikke har et trygt og godt barnehagemiljø» (§ 41).\n",
      "lov/nn.md": "\n\nLova seier at «Alle som arbeider i barnehagen, skal gripe inn når et barn i barnehagen utsettes for slike krenkelser» (§ 41).\n",
      "begreper/nb.md": "\n\nDet står i loven: «Alle som arbeider i barnehagen, skal følge med på hvordan barna i barnehagen har det.» (§ 42)\n",
    };
    for (const [fil, tillegg] of Object.entries(sitater)) writeFileSync(path.join(rot, fil), readFileSync(path.join(rot, fil), "utf8") + tillegg);
    expect(await meldinger(rot)).toBe("");
    for (const [fil, fra, til] of [
      ["lov/nb.md", "«skal forebygge tilfeller hvor", "«skal forebygge situasjoner hvor"],
      ["lov/nn.md", "skal gripe inn når et barn", "skal gripe inn når eit barn"],
      ["begreper/nb.md", "skal følge med på hvordan", "skal passe på hvordan"],
    ] as const) {
      const f = path.join(rot, fil);
      const tekst = readFileSync(f, "utf8");
      writeFileSync(f, tekst.replace(fra, til));
      expect(readFileSync(f, "utf8")).not.toBe(tekst);
      expect(await meldinger(rot)).toMatch(new RegExp(`${fil.replace(/[./]/g, "\\$&")}: linje \\d+: «.*${til.replace(/^«/, "")}.*står ikke ordrett`));
      writeFileSync(f, tekst);
    }
    rmSync(rot, { recursive: true });
  });

  it("skal feile når et nynorsk sitat er omsett i stedet for sitert på bokmål, og når et sitat i teksting eller manus er endret", async () => {
    const rot = kopi();
    const nn = path.join(rot, "lov", "nn.md");
    writeFileSync(nn, readFileSync(nn, "utf8") + "\n\nLova seier at barnehagen «ikkje skal godta krenkingar» (§ 41).\n");
    const modul = path.join(rot, "moduler", readdirSync(path.join(rot, "moduler")).sort()[1]!);
    const vtt = readdirSync(path.join(modul, "media")).find((f) => f.endsWith(".nb.vtt"))!;
    writeFileSync(path.join(modul, "media", vtt), readFileSync(path.join(modul, "media", vtt), "utf8") + "\n99\n00:09:00.000 --> 00:09:02.000\n«Barnehagen skal ikke tolerere krenkelser» (§ 41)\n");
    const manus = readdirSync(path.join(modul, "filmer"))[0]!;
    writeFileSync(path.join(modul, "filmer", manus), readFileSync(path.join(modul, "filmer", manus), "utf8") + "# «Alle som arbeider i barnehagen, skal følge nøye med» (§ 42)\n");
    const m = await meldinger(rot);
    expect(m).toMatch(/lov\/nn\.md: .*«ikkje skal godta krenkingar» \(§ 41\) står ikke ordrett/);
    expect(m).toContain(`media/${vtt}: linje`);
    expect(m).toMatch(/«Barnehagen skal ikke tolerere krenkelser» \(§ 41\) står ikke ordrett/);
    expect(m).toContain(`filmer/${manus}: linje`);
    rmSync(rot, { recursive: true });
  });
});
