import { describe, it, expect } from "vitest";
import {
  MAKS_LINJE,
  delISetninger,
  delSetningICuer,
  escapeVttTekst,
  formaterCuetekst,
  formaterTidskode,
  formaterVarighet,
  lagCuetekster,
  lagVtt,
  romlyd,
  samleCuetekster,
  tidfestCuer,
} from "./lag-filmer-lib.ts";

describe("delISetninger", () => {
  it("splits after . ! ? and keeps the punctuation", () => {
    expect(delISetninger("Hei. Hvordan går det? Bra!  Takk.")).toEqual(["Hei.", "Hvordan går det?", "Bra!", "Takk."]);
  });

  it("does not split after abbreviations or before lower case", () => {
    expect(delISetninger("Se f.eks. på garderoben. Det skjer bl.a. Kari og Per. Den 1. august starter vi.")).toEqual([
      "Se f.eks. på garderoben.",
      "Det skjer bl.a. Kari og Per.",
      "Den 1. august starter vi.",
    ]);
  });

  it("keeps closing quotes with the sentence and ignores line breaks in YAML", () => {
    expect(delISetninger("Hun sa «Nei.» Så gikk\nhun.")).toEqual(["Hun sa «Nei.»", "Så gikk hun."]);
  });

  it("does not split decimals and keeps text without end punctuation", () => {
    expect(delISetninger("Om lag 2.5 prosent")).toEqual(["Om lag 2.5 prosent"]);
  });
});

describe("formaterCuetekst", () => {
  it("keeps short text on one line", () => {
    expect(formaterCuetekst("Lytt etter.")).toBe("Lytt etter.");
  });

  it("breaks longer text into two even lines within the limit", () => {
    const t = formaterCuetekst("Alle barn har rett til et trygt og godt barnehagemiljø.");
    expect(t).toBe("Alle barn har rett til et\ntrygt og godt barnehagemiljø.");
  });

  it("returns undefined when two lines are not enough", () => {
    expect(formaterCuetekst("ord ".repeat(30))).toBeUndefined();
  });
});

describe("delSetningICuer", () => {
  it("leaves a sentence that fits alone", () => {
    expect(delSetningICuer("Det står i barnehageloven, kapittel 8.")).toEqual(["Det står i barnehageloven, kapittel 8."]);
  });

  it("splits long sentences at commas first, and every part fits two lines", () => {
    const setning =
      "Det er ikke nok å reagere når noe har skjedd; de voksne må være til stede, være nysgjerrige på hvordan barna har det, og legge merke til de små tegnene.";
    const deler = delSetningICuer(setning);
    expect(deler.join(" ")).toBe(setning);
    expect(deler.length).toBeGreaterThan(1);
    for (const d of deler) {
      const linjer = formaterCuetekst(d)!.split("\n");
      expect(linjer.length).toBeLessThanOrEqual(2);
      for (const l of linjer) expect(l.length).toBeLessThanOrEqual(MAKS_LINJE);
    }
    // Clauses are packed while they fit, so parts end where the speaker pauses.
    expect(deler[0]).toBe("Det er ikke nok å reagere når noe har skjedd; de voksne må være til stede,");
  });

  it("splits a long sentence without commas into even parts", () => {
    const setning = "Barna i denne gruppa leker ofte sammen ute på formiddagen og inne etter lunsj når det regner mye og lenge i hele uka";
    const deler = delSetningICuer(setning);
    expect(deler.join(" ")).toBe(setning);
    expect(deler).toHaveLength(2);
    expect(Math.abs(deler[0]!.length - deler[1]!.length)).toBeLessThan(15);
  });

  it("gives text and order back unchanged across a whole narration", () => {
    const tale = "Kort. En litt lengre setning, med komma, som fortsetter en god stund til og med etter kommaet, og enda litt til. Slutt!";
    expect(lagCuetekster(tale).join(" ")).toBe(tale);
  });
});

describe("samleCuetekster", () => {
  it("keeps short sentences together while they fit two lines, and starts a new cue when not", () => {
    expect(samleCuetekster("Amal: Leke? Vi leke?")).toEqual(["Amal: Leke? Vi leke?"]);
    const lang = "Hanne: Det var riktig å melde fra med en gang. Du trenger ikke være sikker. Vi undersøker snarest.";
    const deler = samleCuetekster(lang);
    expect(deler.join(" ")).toBe(lang);
    expect(deler.length).toBe(2);
    for (const d of deler) expect(formaterCuetekst(d)).toBeDefined();
  });
});

describe("tidfestCuer", () => {
  it("shares the time by character length, back to back", () => {
    const cuer = tidfestCuer(["aaaa", "bbbbbbbbbbbb"], 10, 8);
    expect(cuer).toEqual([
      { start: 10, slutt: 12, tekst: "aaaa" },
      { start: 12, slutt: 18, tekst: "bbbbbbbbbbbb" },
    ]);
  });
});

describe("formaterTidskode", () => {
  it("writes hours, minutes, seconds and milliseconds", () => {
    expect(formaterTidskode(0)).toBe("00:00:00.000");
    expect(formaterTidskode(4.2)).toBe("00:00:04.200");
    expect(formaterTidskode(3723.4567)).toBe("01:02:03.457");
    expect(formaterTidskode(59.9996)).toBe("00:01:00.000");
  });
});

describe("lagVtt", () => {
  it("writes header, note and numbered cues with escaped, wrapped text", () => {
    const vtt = lagVtt(
      [
        { start: 0.5, slutt: 2, tekst: "Skriv det ned & del <det>." },
        { start: 2, slutt: 4.25, tekst: "Alle barn har rett til et trygt og godt barnehagemiljø." },
      ],
      "Laget av scripts/lag-filmer.ts --> fra manuset.",
    );
    expect(vtt).toBe(
      [
        "WEBVTT",
        "",
        "NOTE Laget av scripts/lag-filmer.ts -> fra manuset.",
        "",
        "1",
        "00:00:00.500 --> 00:00:02.000",
        "Skriv det ned &amp; del &lt;det&gt;.",
        "",
        "2",
        "00:00:02.000 --> 00:00:04.250",
        "Alle barn har rett til et",
        "trygt og godt barnehagemiljø.",
        "",
      ].join("\n"),
    );
  });

  it("wraps a cue with who speaks in a WebVTT voice tag", () => {
    const vtt = lagVtt([{ start: 0, slutt: 2, tekst: "Per: Hei <du>", stemme: "Mora til Nora" }], "Test.");
    expect(vtt).toContain("00:00:00.000 --> 00:00:02.000\n<v Mora til Nora>Per: Hei &lt;du&gt;</v>");
  });

  it("escapes markup characters", () => {
    expect(escapeVttTekst("a < b & c > d")).toBe("a &lt; b &amp; c &gt; d");
  });
});

describe("formaterVarighet", () => {
  it("writes minutes and seconds", () => {
    expect(formaterVarighet(65.4)).toBe("1:05");
    expect(formaterVarighet(44)).toBe("0:44");
  });
});

describe("romlyd", () => {
  it("is the same on every run, differs between films, and fades out at the end", () => {
    expect(romlyd("m1-film-1", 60)).toBe(romlyd("m1-film-1", 60));
    expect(romlyd("m1-film-1", 60)).not.toBe(romlyd("m1-film-2", 60));
    expect(romlyd("m1-film-1", 60)).toContain("afade=t=out:st=59.00:d=1");
  });
});
