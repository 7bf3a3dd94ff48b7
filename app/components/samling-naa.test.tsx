// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { screen, within } from "@testing-library/react";
import { renderMedMaalform } from "#app/test/render.tsx";
import { NaaSteg, type NaaData } from "./samling-naa.tsx";

/** The participant page's «Nå» part (ADR 0027): only the step's own content, and «Lagret kl.» after a save. */

const grunn: NaaData = {
  barnehageId: "bh1",
  samlingId: "sa1",
  nummer: 6,
  antall: 9,
  tittel: "Vårt repertoar, alene",
  type: "individuelt",
  minutter: 5,
  stegSlutt: null,
  serverNaa: "2026-12-07T13:00:00.000Z",
  aktivitet: { id: "m3-a3", tittel: "Vårt repertoar", html: "<p>Skriv to situasjoner.</p>" },
  film: null,
  refleksjon: null,
  gruppe: null,
  teamNotat: null,
  kolonner: null,
  utprovinger: [],
  tilbakemelding: [],
  kanLede: false,
  lagret: null,
  lagretKl: {},
  tilbake: "/barnehage/bh1/samling/sa1",
};

describe("NaaSteg", () => {
  it("på et individuelt steg: «Nå: tenk selv», den private refleksjonen og «Lagret kl.» som status rett etter lagring", () => {
    renderMedMaalform(<NaaSteg d={{ ...grunn, refleksjon: { tekst: "Min tanke", versjon: 0, oppdatert: "x" }, lagret: "refleksjon", lagretKl: { refleksjon: "14:32" } }} />);
    expect(screen.getByRole("heading", { level: 2, name: "Nå: tenk selv i 5 minutter" })).toBeTruthy();
    expect(screen.getByText("Steg 6 av 9: Vårt repertoar, alene")).toBeTruthy();
    expect((screen.getByRole("textbox", { name: "Min refleksjon: Vårt repertoar" }) as HTMLTextAreaElement).value).toBe("Min tanke");
    expect(screen.getByRole("status").textContent).toBe("Lagret kl. 14:32");
    // No group note and no other step's content.
    expect(screen.queryByText(/Gruppenotat/)).toBeNull();
  });

  it("på et gruppesteg: min gruppes eget notat, som poster gruppenummeret og kommer tilbake med ?lagret", () => {
    renderMedMaalform(<NaaSteg d={{ ...grunn, type: "gruppe", gruppe: { nummer: 2, selvvalg: false, antall: 3, notat: { tekst: "", versjon: 0, oppdatert: null } } }} />);
    expect(screen.getByRole("heading", { level: 2, name: "Nå: Gruppe 2, skriv i gruppenotatet" })).toBeTruthy();
    const felt = screen.getByRole("textbox", { name: "Notatet til Gruppe 2: Vårt repertoar" });
    const skjema = felt.closest("form")!;
    expect(skjema.getAttribute("action")).toBe("/barnehage/bh1/samling/sa1/notat/m3-a3");
    expect((skjema.querySelector("input[name=gruppe]") as HTMLInputElement).value).toBe("2");
    expect((skjema.querySelector("input[name=til]") as HTMLInputElement).value).toBe("/barnehage/bh1/samling/sa1?lagret=gruppenotat#naa");
    expect(screen.queryByRole("status")).toBeNull();
  });

  it("når lederen har åpnet selvvalg: én knapp per gruppe (bokmål og nynorsk)", () => {
    const d: NaaData = { ...grunn, type: "gruppe", gruppe: { nummer: null, selvvalg: true, antall: 3, notat: null } };
    const { unmount } = renderMedMaalform(<NaaSteg d={d} />);
    expect(screen.getByRole("heading", { level: 2, name: "Nå: snakk i grupper" })).toBeTruthy();
    const valg = screen.getByRole("group", { name: "Velg gruppe" });
    expect(within(valg).getAllByRole("button").map((b) => [b.textContent, b.getAttribute("name"), b.getAttribute("value")])).toEqual([
      ["Gruppe 1", "gruppe", "1"],
      ["Gruppe 2", "gruppe", "2"],
      ["Gruppe 3", "gruppe", "3"],
    ]);
    unmount();
    renderMedMaalform(<NaaSteg d={d} />, "nn");
    expect(screen.getByRole("heading", { level: 2, name: "No: snakk i grupper" })).toBeTruthy();
    expect(screen.getByRole("group", { name: "Vel gruppe" })).toBeTruthy();
  });

  it("i plenum: alle gruppenes notater side om side, uten skjema for gruppene", () => {
    const kolonner = [
      { gruppe: 1, navn: "Gruppe 1", tekst: "Vi hilser i døra.", fremhevet: false },
      { gruppe: 2, navn: "Gruppe 2", tekst: "Vi ser etter den som står alene.", fremhevet: true },
    ];
    renderMedMaalform(<NaaSteg d={{ ...grunn, type: "plenum", kolonner, teamNotat: { tekst: "", versjon: 0, oppdatert: null } }} />);
    expect(screen.getByRole("heading", { level: 2, name: "Nå: alle sammen" })).toBeTruthy();
    expect(screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent)).toEqual(["Gruppe 1", "Gruppe 2 ★ Fremhevet"]);
    expect(screen.getByRole("textbox", { name: "Gruppenotat: Vårt repertoar" })).toBeTruthy();
  });
});
