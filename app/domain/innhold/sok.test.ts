import { beforeAll, describe, expect, it } from "vitest";
import path from "node:path";
import { lesInnhold } from "./innhold.server.ts";
import { lagSok, type Sok } from "./sok.server.ts";

const navn = { modul: (n: number) => `Modul ${n}`, begreper: "Begrepsliste", lov: "Loven", innledning: "Innledning" };

describe("søk i pakken", () => {
  let sok: Sok;
  beforeAll(async () => {
    sok = lagSok(await lesInnhold(path.resolve("content")), { nb: navn, nn: navn });
  });

  it("skal finne et begrep i moduler, begrepslista og lovsida, med modul og seksjon", () => {
    const treff = sok("nulltoleranse", "nb");
    expect(treff.length).toBeGreaterThan(2);
    expect(treff.some((t) => t.url.startsWith("/lov#"))).toBe(true);
    expect(treff.some((t) => /^Modul \d: /.test(t.sted) && /^\/moduler\/[a-z-]+#[a-z0-9-]+$/.test(t.url))).toBe(true);
    expect(treff.every((t) => t.utdrag.length > 0)).toBe(true);
  });

  it("skal søke i lesarens målform", () => {
    const nn = sok("krenkingar", "nn");
    expect(nn.length).toBeGreaterThan(0);
    expect(sok("kva", "nn").length).toBeGreaterThan(0);
    expect(sok("krenkingar", "nb").length).toBeLessThan(nn.length);
  });

  it("skal finne ord uavhengig av store bokstaver og æøå-skrivemåte", () => {
    const a = sok("BARNEHAGEMILJØ", "nb").map((t) => t.id);
    expect(a.length).toBeGreaterThan(0);
    expect(sok("barnehagemiljø".normalize("NFD"), "nb").map((t) => t.id)).toEqual(a);
    expect(sok("barnehagemiljø", "nb").map((t) => t.id)).toEqual(a);
  });

  it("skal aldri vise lederstøtte, og gi tomt svar på for korte søk", () => {
    for (const ord of ["samlingsplan", "fallgruver", "forberedelser"]) {
      expect(sok(ord, "nb").every((t) => !t.url.includes("leder"))).toBe(true);
    }
    expect(sok("a", "nb")).toEqual([]);
  });
});
