import { beforeAll, describe, expect, it } from "vitest";
import path from "node:path";
import { lesInnhold, type Innhold } from "#app/domain/innhold/innhold.server.ts";
import { oversetter } from "#app/i18n/i18n.ts";
import { lagTaggetPdf } from "#app/pdf/tagget-pdf.server.ts";
import { lederpakke, pakkePdfBlokker, samlingspakke } from "./pakker.ts";

let innhold: Innhold;
beforeAll(async () => {
  innhold = await lesInnhold(path.resolve("content"));
}, 120_000);

describe("utskriftspakkene", () => {
  it("skal ha samlingsplanen, oppgavene med «Dette bør komme fram» og lederstøtten i lederpakken", () => {
    const modul = innhold.modulEtterSlug("skriftlig-plan")!;
    const pakke = lederpakke(modul, "nb", oversetter("nb"));
    expect(pakke.tittel).toBe("Lederpakke: modul 4, Skriftlig plan");
    const tekst = JSON.stringify(pakke);
    expect(tekst).toContain("Samlingsplan (");
    expect(tekst).toContain("Gjør en svak plan bedre");
    expect(tekst).toContain("Modellsvar: en bedre plan");
    expect(pakke.deler.filter((d) => d.type === "overskrift" && d.niva === 1)).toHaveLength(1);
  });

  it("skal ha én side per gruppe i samlingspakken, med bare samlingens aktiviteter", () => {
    const modul = innhold.modulEtterSlug("skriftlig-plan")!;
    const pakke = samlingspakke(modul, "nn", oversetter("nn"), 3);
    expect(pakke.deler.filter((d) => d.type === "sideskift")).toHaveLength(2);
    expect(pakke.deler.filter((d) => d.type === "overskrift" && d.niva === 2).map((d) => (d as { tekst: string }).tekst)).toEqual(["Gruppe 1: Skriftleg plan", "Gruppe 2: Skriftleg plan", "Gruppe 3: Skriftleg plan"]);
    expect(JSON.stringify(pakke)).not.toContain("Dette bør");
  });

  it("skal lage en tagget PDF: strukturtre, merket innhold, språk og tittel", async () => {
    const modul = innhold.modulEtterSlug("skriftlig-plan")!;
    const pakke = lederpakke(modul, "nn", oversetter("nn"));
    const pdf = (await lagTaggetPdf({ tittel: pakke.tittel, spraak: "nn", blokker: pakkePdfBlokker(pakke) })).toString("latin1");
    expect(pdf.startsWith("%PDF-1.7")).toBe(true);
    expect(pdf).toContain("/StructTreeRoot");
    expect(pdf).toMatch(/\/MarkInfo \d+ 0 R/);
    expect(pdf).toContain("/Marked true");
    expect(pdf).toContain("/Lang (nn-NO)");
    expect(pdf).toContain("/DisplayDocTitle true");
    expect(pdf).toMatch(/\/S \/H1/);
    expect(pdf).toMatch(/\/S \/LI/);
  }, 60_000);
});
