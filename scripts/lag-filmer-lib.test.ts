import { describe, it, expect } from "vitest";
import {
  MAKS_LINJE,
  PALETT,
  bakgrunnsfarge,
  brytJevnt,
  brytLinjer,
  delISetninger,
  delSetningICuer,
  escapeDrawtekst,
  escapeFilterverdi,
  escapeVttTekst,
  formaterCuetekst,
  formaterTidskode,
  formaterVarighet,
  lagCuetekster,
  lagVtt,
  planleggScener,
  settOppSkjermtekst,
  tidfestCuer,
  uttaletekst,
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

describe("uttaletekst", () => {
  it("writes out abbreviations espeak-ng would spell, per language", () => {
    expect(uttaletekst("Se f.eks. på barna, bl.a. i garderoben.", "nb")).toBe("Se for eksempel på barna, blant annet i garderoben.");
    expect(uttaletekst("Sjå t.d. på borna, bl.a. i garderoben.", "nn")).toBe("Sjå til dømes på borna, mellom anna i garderoben.");
  });

  it("keeps the full stop when osv. ends a sentence", () => {
    expect(uttaletekst("Mat, klær osv. Så går vi.", "nb")).toBe("Mat, klær og så videre. Så går vi.");
    expect(uttaletekst("Mat, klær osv.", "nn")).toBe("Mat, klær og så vidare.");
    expect(uttaletekst("Mat osv. i dag", "nb")).toBe("Mat og så videre i dag");
  });

  it("reads paragraphs and number ranges", () => {
    expect(uttaletekst("Les § 42 og §§ 41–43.", "nb")).toBe("Les paragraf 42 og paragrafene 41 til 43.");
    expect(uttaletekst("Kl.10 og §42", "nb")).toBe("Klokka 10 og paragraf 42");
  });

  it("leaves words that only start like an abbreviation", () => {
    expect(uttaletekst("Osvald kom. Nrk og Cafe.", "nb")).toBe("Osvald kom. Nrk og Cafe.");
  });
});

describe("brytLinjer and brytJevnt", () => {
  it("wraps greedily and never cuts a word", () => {
    expect(brytLinjer("en to tre fire", 7)).toEqual(["en to", "tre", "fire"]);
    expect(brytLinjer("superkalifragilistisk ord", 5)).toEqual(["superkalifragilistisk", "ord"]);
  });

  it("evens out lines instead of leaving one word alone", () => {
    expect(brytLinjer("Å følge med hver eneste dag", 22)).toEqual(["Å følge med hver", "eneste dag"]);
    expect(brytJevnt("Å følge med hver eneste dag i uka", 26)).toEqual(["Å følge med hver", "eneste dag i uka"]);
  });

  it("breaks two lines after punctuation when both halves fit", () => {
    expect(brytJevnt("I leken: en rolle som trengs", 24)).toEqual(["I leken:", "en rolle som trengs"]);
    expect(brytJevnt("Krenker en voksen? Meld fra straks", 24)).toEqual(["Krenker en voksen?", "Meld fra straks"]);
    // Falls back to even lines when the punctuation is too far from the middle.
    expect(brytJevnt("Ja, dette er en lang linje med mange ord", 24)).toEqual(["Ja, dette er en lang", "linje med mange ord"]);
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

describe("tidfestCuer", () => {
  it("shares the time by character length, back to back", () => {
    const cuer = tidfestCuer(["aaaa", "bbbbbbbbbbbb"], 10, 8);
    expect(cuer).toEqual([
      { start: 10, slutt: 12, tekst: "aaaa" },
      { start: 12, slutt: 18, tekst: "bbbbbbbbbbbb" },
    ]);
  });
});

describe("planleggScener", () => {
  it("uses the longer narration plus a pause, rounded up to whole frames, with a lead-in first", () => {
    const plan = planleggScener([2.2, 3.0], { innledning: 0.5, pause: 0.8, bildetid: 0.5 });
    expect(plan).toEqual([
      { start: 0, varighet: 3.5, taleStart: 0.5 }, // 0.5 + 2.2 + 0.8 = 3.5
      { start: 3.5, varighet: 4, taleStart: 3.5 }, // 3.0 + 0.8 = 3.8 -> 4.0
    ]);
  });

  it("is not tipped over a frame by float noise", () => {
    expect(planleggScener([1.7000000001], { innledning: 0, pause: 0.8, bildetid: 0.5 })[0]!.varighet).toBe(2.5);
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

  it("escapes markup characters", () => {
    expect(escapeVttTekst("a < b & c > d")).toBe("a &lt; b &amp; c &gt; d");
  });
});

describe("escaping for ffmpeg", () => {
  it("escapes filter option values on both levels", () => {
    expect(escapeFilterverdi("/tmp/a b/fil.txt")).toBe("/tmp/a b/fil.txt");
    expect(escapeFilterverdi("C:/x")).toBe(String.raw`C\\:/x`);
    expect(escapeFilterverdi("it's")).toBe(String.raw`it\\\'s`);
    expect(escapeFilterverdi("a,b[c];d")).toBe(String.raw`a\,b\[c\]\;d`);
    expect(escapeFilterverdi(String.raw`a\b`)).toBe(String.raw`a\\\\b`);
  });

  // Checked against ffmpeg 5.1: text= with this escaping renders the same pixels as textfile= with
  // expansion=none for the text  Hei: 50% \ it's [a],b;c %{pts}
  it("escapes % and \\ for drawtext text expansion as well", () => {
    expect(escapeDrawtekst("50%")).toBe(String.raw`50\\\\%`);
    expect(escapeDrawtekst("Tid: 10")).toBe(String.raw`Tid\\: 10`);
    expect(escapeDrawtekst(String.raw`a\b`)).toBe(String.raw`a\\\\\\\\b`);
  });
});

describe("settOppSkjermtekst", () => {
  it("uses the largest size for short text", () => {
    expect(settOppSkjermtekst("Hva er et trygt barnehagemiljø?")).toEqual({
      linjer: ["Hva er et trygt", "barnehagemiljø?"],
      fontstorrelse: 72,
    });
  });

  it("goes down in size so 60 characters fit, with lines that fit the width", () => {
    const tekst = "Å følge med: se, lytte og spørre – hver dag, i hele barnehagen";
    const { linjer, fontstorrelse } = settOppSkjermtekst(tekst);
    expect(fontstorrelse).toBeLessThan(72);
    expect(linjer.join(" ")).toBe(tekst);
    expect(linjer.length).toBeLessThanOrEqual(3);
    for (const l of linjer) expect(l.length * fontstorrelse * 0.62).toBeLessThanOrEqual(1280 - 220);
  });
});

describe("bakgrunnsfarge", () => {
  it("varies between neighbouring scenes and is the same on every run", () => {
    expect(bakgrunnsfarge("m1-film-1", 0)).not.toBe(bakgrunnsfarge("m1-film-1", 1));
    expect(bakgrunnsfarge("m1-film-1", 3)).toBe(bakgrunnsfarge("m1-film-1", 3));
  });

  it("keeps white text readable (contrast at least 7:1)", () => {
    const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    for (const farge of PALETT) {
      const [r, g, b] = [0, 2, 4].map((i) => lin(Number.parseInt(farge.slice(2 + i, 4 + i), 16) / 255));
      const luminans = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      expect(1.05 / (luminans + 0.05)).toBeGreaterThanOrEqual(7);
    }
  });
});

describe("formaterVarighet", () => {
  it("writes minutes and seconds", () => {
    expect(formaterVarighet(65.4)).toBe("1:05");
    expect(formaterVarighet(44)).toBe("0:44");
  });
});
