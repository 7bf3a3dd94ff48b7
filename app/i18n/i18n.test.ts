import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { nb } from "./nb.ts";
import { nn } from "./nn.ts";
import { flertall, formaterDato, formaterKlokke, oversetter } from "./i18n.ts";

function kildefiler(mappe: string): string[] {
  return readdirSync(mappe).flatMap((navn) => {
    const full = path.join(mappe, navn);
    if (statSync(full).isDirectory()) return kildefiler(full);
    return /\.(ts|tsx)$/.test(navn) && !/\.test\.ts$/.test(navn) && !/^n[bn]\.ts$/.test(navn) ? [full] : [];
  });
}

describe("bokmål og nynorsk", () => {
  it("skal ha nøyaktig de samme nøklene", () => {
    expect(Object.keys(nn).sort()).toEqual(Object.keys(nb).sort());
  });

  it("skal ikke ha tomme tekster eller nynorsk som er kopiert bokmål der ordene skiller seg", () => {
    for (const [k, v] of Object.entries(nn)) expect(v.trim(), k).not.toBe("");
    for (const ord of [/\bikke\b/, /\bhva\b/, /\bhvordan\b/, /\bnoen\b/, /\bnoe\b/, /\bhele\b/]) {
      const treff = Object.entries(nn).filter(([, v]) => ord.test(v));
      expect(treff, `bokmålsord ${ord} i nn.ts`).toEqual([]);
    }
  });

  it("skal ikke ha nøkler som ingen kode bruker", () => {
    const kode = kildefiler(path.resolve("app")).map((f) => readFileSync(f, "utf8")).join("\n");
    // Keys built from a value, like `aktivitet.${type}` or `maalform.${sp}`, count through their prefix.
    const dynamiskePrefiks = [...kode.matchAll(/t\(`([a-z.]+)\.\$\{/g)].map((m) => `${m[1]}.`);
    const ubrukte = Object.keys(nb).filter((k) => !kode.includes(`"${k}"`) && !dynamiskePrefiks.some((p) => k.startsWith(p)));
    expect(ubrukte).toEqual([]);
  });

  it("skal fylle inn verdier og skrive datoer på norsk", () => {
    expect(oversetter("nn")("pakke.modul", { nummer: 3 })).toBe("Modul 3");
    expect(formaterDato("2026-11-26", "nb")).toBe("26. november 2026");
    expect(formaterDato("2026-11-26", "nn")).toBe("26. november 2026");
    // One helper for calendar dates and instants (issue 15): never «Frist: 2027-01-13».
    expect(formaterDato("2027-01-13", "nb")).toBe("13. januar 2027");
    // An instant is shown in Oslo time: half past eleven at night UTC on New Year's Eve is already the new year.
    expect(formaterDato("2026-12-31T23:30:00.000Z", "nb")).toBe("1. januar 2027");
    expect(formaterDato(new Date("2026-07-01T12:00:00Z"), "nn")).toBe("1. juli 2026");
    expect(formaterKlokke("2026-12-07T13:32:00Z", "nb")).toBe("14:32");
    expect(formaterKlokke("2026-07-01T22:05:00Z", "nn")).toBe("00:05");
  });

  it("skal bøye tall med ett og samme flertallsord på bokmål og nynorsk", () => {
    const sum = (sp: "nb" | "nn", barnehager: number | string, medlemmer: number) => oversetter(sp)("eier.sum", { barnehager, medlemmer, team: 0 });
    expect(sum("nb", 1, 2)).toBe("1 barnehage, 2 medlemmer og 0 team til sammen.");
    expect(sum("nn", 1, 1)).toBe("1 barnehage, 1 medlem og 0 team til saman.");
    expect(sum("nn", "1\u00a0234", 0)).toBe("1\u00a0234 barnehagar, 0 medlemer og 0 team til saman.");
    expect(oversetter("nn")("notat.avMedlemmene", { antall: 1, av: 5 })).toBe("1 av 5 medlemer");
    expect(oversetter("nb")("stasted.forFaForklaring", { antall: 1 })).toMatch(/^1 person svarte\./);
    expect(oversetter("nb")("aktivitet.minutter", { minutter: 1 })).toBe("1 minutt");
    expect(flertall("nb", 0, "svar", "svar")).toBe("svar");
    expect(flertall("nn", "ikke et tall", "medlem", "medlemer")).toBe("medlemer");
  });
});
