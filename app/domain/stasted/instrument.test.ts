import { beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { INSTRUMENT_FIL, InstrumentFeil, lesInstrument } from "./instrument.server.ts";
import { instrumentSkjema, validerInstrument, type Instrument } from "./stasted.schema.ts";

/**
 * The real instrument must validate and keep the promises made in the content brief; the mutation
 * tests break one thing each in an in-memory copy and prove the schema catches it.
 */
const ROT = path.resolve("content");
const ORIGINAL: unknown = parseYaml(readFileSync(path.join(ROT, INSTRUMENT_FIL), "utf8"));
const OMRADER = [
  "verdier-og-kultur",
  "forebygging-og-inkludering",
  "folge-med-og-melde-fra",
  "undersoke",
  "tiltak-og-plan",
  "samarbeid-med-foreldre",
  "barns-medvirkning",
];

const ord = (s: string) => s.split(/\s+/).filter(Boolean).length;
/** A fresh, typed copy of the real file to break. */
const kopi = () => structuredClone(ORIGINAL) as Instrument;
const problemer = (data: unknown) => validerInstrument(data).problemer;
const utsagnIOmrade = (data: Instrument, omrade: string) => data.utsagn.filter((u) => u.omrade === omrade);

describe("ståstedsinstrumentet", () => {
  let instrument: Instrument;
  beforeAll(async () => {
    expect(problemer(ORIGINAL)).toEqual([]);
    instrument = await lesInstrument(ROT);
  });

  it("skal ha nøyaktig de sju områdene fra innholdsbriefen", () => {
    expect(instrument.omrader.map((o) => o.id)).toEqual(OMRADER);
  });

  it("skal ha 3–4 utsagn i hvert område og 21–28 utsagn i alt", () => {
    for (const id of OMRADER) expect(utsagnIOmrade(instrument, id).length).toBeGreaterThanOrEqual(3);
    for (const id of OMRADER) expect(utsagnIOmrade(instrument, id).length).toBeLessThanOrEqual(4);
    expect(instrument.utsagn.length).toBeGreaterThanOrEqual(21);
    expect(instrument.utsagn.length).toBeLessThanOrEqual(28);
  });

  it("skal nummerere utsagnene u01, u02 … uten hull, gruppert etter område", () => {
    expect(instrument.utsagn.map((u) => u.id)).toEqual(instrument.utsagn.map((_, i) => `u${String(i + 1).padStart(2, "0")}`));
    const rekkefolge = instrument.utsagn.map((u) => u.omrade).filter((o, i, alle) => o !== alle[i - 1]);
    expect(rekkefolge).toEqual(OMRADER);
  });

  it("skal ha fem trinn fra «I svært liten grad» til «I svært stor grad», og «Vet ikke» utenfor skalaen", () => {
    expect(instrument.skala.trinn.map((t) => t.verdi)).toEqual([1, 2, 3, 4, 5]);
    expect(instrument.skala.trinn.map((t) => t.nb)).toEqual(["I svært liten grad", "I liten grad", "I noen grad", "I stor grad", "I svært stor grad"]);
    expect(instrument.skala.trinn.map((t) => t.nn)).toEqual(["I svært lita grad", "I lita grad", "I nokon grad", "I stor grad", "I svært stor grad"]);
    expect(instrument.skala.vetIkke).toEqual({ nb: "Vet ikke / vil ikke svare", nn: "Veit ikkje / vil ikkje svare" });
  });

  it("skal ha korte utsagn som kan brukes likt før og etter, uten «sammenlignet med før»", () => {
    for (const u of [...instrument.utsagn, ...instrument.modulTilbakemelding.utsagn]) {
      expect(ord(u.nb), u.id).toBeLessThanOrEqual(20);
      expect(ord(u.nn), u.id).toBeLessThanOrEqual(20);
      expect(u.nb, u.id).not.toMatch(/\b(før|tidligere|sammenlign\w*|blitt|enn nå)\b/i);
      expect(u.nn, u.id).not.toMatch(/\b(før|tidlegare|samanlikn\w*|blitt|vorte|enn no)\b/i);
    }
  });

  it("skal vise en informasjonstekst på 80–150 ord om anonymitet, minst fem svar og frivillighet", () => {
    const { nb, nn } = instrument.informasjon;
    for (const tekst of [nb, nn]) {
      expect(ord(tekst)).toBeGreaterThanOrEqual(80);
      expect(ord(tekst)).toBeLessThanOrEqual(150);
    }
    expect(nb).toMatch(/anonyme/);
    expect(nb).toMatch(/minst fem/);
    expect(nb).toMatch(/frivillig/);
    expect(nb).toMatch(/trekke tilbake/);
    expect(nb).toMatch(/Ikke skriv navn/);
    expect(nn).toMatch(/anonyme/);
    expect(nn).toMatch(/minst fem/);
    expect(nn).toMatch(/frivillig/);
    expect(nn).toMatch(/trekkje tilbake/);
    expect(nn).toMatch(/Ikkje skriv namn/);
  });

  it("skal ha tre tilbakemeldingsutsagn etter hver modul og en fritekst som minner om å ikke skrive navn", () => {
    expect(instrument.modulTilbakemelding.utsagn.map((t) => t.id)).toEqual(["t1", "t2", "t3"]);
    expect(instrument.modulTilbakemelding.fritekst.nb).toMatch(/Ikke skriv navn/);
    expect(instrument.modulTilbakemelding.fritekst.nn).toMatch(/Ikkje skriv namn/);
  });
});

describe("skjemaet for ståstedsinstrumentet", () => {
  it("skal avvise et utsagn som mangler nynorsk tekst", () => {
    const data = kopi();
    delete (data.utsagn[4] as Partial<Instrument["utsagn"][number]>).nn;
    expect(instrumentSkjema.safeParse(data).success).toBe(false);
    expect(problemer(data)).toEqual(["utsagn.4.nn: mangler tekst"]);
  });

  it("skal avvise et utsagn med tom bokmålstekst", () => {
    const data = kopi();
    data.utsagn[0]!.nb = "   ";
    expect(problemer(data)).toEqual(["utsagn.0.nb: kan ikke være tom"]);
  });

  it("skal avvise et utsagn i et område som ikke finnes", () => {
    const data = kopi();
    data.utsagn.push({ id: "u99", omrade: "finnes-ikke", nb: "Vi gjør noe.", nn: "Vi gjer noko." });
    expect(instrumentSkjema.safeParse(data).success).toBe(false);
    expect(problemer(data)).toEqual([`utsagn.${data.utsagn.length - 1}.omrade: området «finnes-ikke» finnes ikke i omrader`]);
  });

  it("skal avvise to utsagn med samme id", () => {
    const data = kopi();
    data.utsagn[1]!.id = data.utsagn[0]!.id;
    expect(instrumentSkjema.safeParse(data).success).toBe(false);
    expect(problemer(data)).toEqual([`utsagn.1.id: utsagnsid «${data.utsagn[0]!.id}» finnes mer enn én gang`]);
  });

  it("skal avvise et område med bare to utsagn", () => {
    const data = kopi();
    const omrade = OMRADER.find((id) => utsagnIOmrade(data, id).length === 3)!;
    const fjernet = utsagnIOmrade(data, omrade)[0]!;
    data.utsagn = data.utsagn.filter((u) => u !== fjernet);
    expect(instrumentSkjema.safeParse(data).success).toBe(false);
    expect(problemer(data)).toEqual([`omrader.${OMRADER.indexOf(omrade)}: området «${omrade}» har 2 utsagn, men skal ha 3–4`]);
  });

  it("skal avvise et område med fem utsagn og et instrument med færre enn 20 utsagn", () => {
    const data = kopi();
    const fem = kopi();
    fem.utsagn.find((u) => u.omrade === "barns-medvirkning")!.omrade = "verdier-og-kultur";
    expect(problemer(fem)).toContainEqual(expect.stringMatching(/området «verdier-og-kultur» har 5 utsagn/));
    data.utsagn = data.utsagn.slice(0, 19);
    expect(problemer(data)).toContain("utsagn: minst 20 utsagn");
  });

  it("skal avvise en skala der verdiene ikke står 1–5 i rekkefølge", () => {
    const data = kopi();
    [data.skala.trinn[0], data.skala.trinn[1]] = [data.skala.trinn[1]!, data.skala.trinn[0]!];
    expect(problemer(data)).toEqual(["skala.trinn: trinnene skal ha verdiene 1, 2, 3, 4, 5 i denne rekkefølgen"]);
  });

  it("skal avvise ukjente felt, slik at en skrivefeil i et feltnavn ikke blir borte i stillhet", () => {
    const data = kopi() as Instrument & { utsagn: Record<string, unknown>[] };
    data.utsagn[2]!.omraade = "undersoke";
    expect(problemer(data)).toEqual([expect.stringMatching(/^utsagn\.2: Ukjent nøkkel: "omraade"$/)]);
  });
});

describe("lesInstrument", () => {
  it("skal liste alle feilene på norsk i én melding", async () => {
    const data = kopi();
    delete (data.utsagn[0] as Partial<Instrument["utsagn"][number]>).nn;
    data.utsagn[1]!.omrade = "finnes-ikke";
    data.utsagn[3]!.id = data.utsagn[2]!.id;
    const rot = mkdtempSync(path.join(tmpdir(), "samla-stasted-"));
    mkdirSync(path.join(rot, "stasted"));
    writeFileSync(path.join(rot, INSTRUMENT_FIL), stringifyYaml(data));
    const feil = await lesInstrument(rot).catch((e: unknown) => e);
    rmSync(rot, { recursive: true });
    expect(feil).toBeInstanceOf(InstrumentFeil);
    expect((feil as InstrumentFeil).problemer).toEqual([
      "utsagn.0.nn: mangler tekst",
      `utsagn.3.id: utsagnsid «${data.utsagn[2]!.id}» finnes mer enn én gang`,
      "utsagn.1.omrade: området «finnes-ikke» finnes ikke i omrader",
    ]);
    expect((feil as Error).message).toMatch(/^Ståstedsinstrumentet \(stasted\/instrument\.yaml\) har 3 feil:/);
  });

  it("skal si fra når fila mangler", async () => {
    const rot = mkdtempSync(path.join(tmpdir(), "samla-stasted-"));
    await expect(lesInstrument(rot)).rejects.toThrow(/har 1 feil:\n {2}- fila mangler/);
    rmSync(rot, { recursive: true });
  });
});
