// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { screen, within } from "@testing-library/react";
import { renderMedMaalform } from "#app/test/render.tsx";
import { MinFremdrift } from "./min-fremdrift.tsx";

/** My progress on the start page (ADR 0017): the bar has its numbers as text, the steps are in words. */

const blaa = {
  teamId: "t1",
  barnehageId: "bh1",
  teamNavn: "Blå",
  barnehageNavn: "Solsikken",
  gjort: 4,
  mulig: 6,
  moduler: [
    { modulId: "m1", tittel: "Lek ute", slug: "lek-ute", steg: { samling: true, refleksjon: false, utproving: true }, taIgjen: null },
    { modulId: "m2", tittel: "Språk", slug: "sprak", steg: { samling: false, refleksjon: false, utproving: false }, taIgjen: "sa2" },
  ],
};
const tomt = { ...blaa, teamId: "t2", teamNavn: "Gul", gjort: 0, mulig: 0, moduler: [] };

describe("MinFremdrift", () => {
  it("viser stolpen med tallene som tekst, og stegene per modul i ord", () => {
    renderMedMaalform(<MinFremdrift team={[blaa]} />);
    const team = screen.getByRole("heading", { level: 3, name: "Blå, Solsikken" }).parentElement!;
    const stolpe = within(team).getByRole("progressbar", { name: "Fullførte steg" });
    expect([stolpe.getAttribute("value"), stolpe.getAttribute("max")]).toEqual(["4", "6"]);
    expect(within(team).getByText("4 av 6 steg")).toBeTruthy();
    const punkter = within(team).getAllByRole("listitem").map((p) => p.textContent);
    expect(punkter).toEqual(["Lek ute: samling, utprøving", "Språk: ingen steg ennå · Ta igjen samlingen om Språk"]);
    expect(within(team).getByRole("link", { name: "Ta igjen samlingen om Språk" }).getAttribute("href")).toBe("/barnehage/bh1/samling/sa2/ta-igjen");
    expect(within(team).getByRole("link", { name: "Lek ute" }).getAttribute("href")).toBe("/barnehage/bh1/team/t1/moduler/lek-ute");
  });

  it("et team uten plan får en setning i stedet for en tom stolpe (nynorsk)", () => {
    renderMedMaalform(<MinFremdrift team={[tomt]} />, "nn");
    expect(screen.getByRole("heading", { level: 2, name: "Framdrifta mi" })).toBeTruthy();
    expect(screen.getByText("Teamet har ingen plan enno.")).toBeTruthy();
    expect(screen.queryByRole("progressbar")).toBeNull();
  });
});
