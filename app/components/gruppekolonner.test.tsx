// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { screen, within } from "@testing-library/react";
import { renderMedMaalform } from "#app/test/render.tsx";
import { Gruppekolonner, type Kolonne } from "./gruppekolonner.tsx";

/** The groups' notes side by side (ADR 0027): one column per group, paged, the highlighted one marked in words. */

const kolonner = (n: number, fremhevet = 0): Kolonne[] =>
  Array.from({ length: n }, (_, i) => ({ gruppe: i + 1, navn: `Gruppe ${i + 1}`, tekst: i === 1 ? "" : `Notat fra gruppe ${i + 1}`, fremhevet: i + 1 === fremhevet }));
const kolonneNavn = () => screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent);

describe("Gruppekolonner", () => {
  it("viser hver gruppe som en kolonne med navn og tekst, og sier fra når en gruppe ikke har skrevet", () => {
    renderMedMaalform(<Gruppekolonner kolonner={kolonner(3)} />);
    const liste = screen.getByRole("list");
    expect(within(liste).getAllByRole("listitem")).toHaveLength(3);
    expect(kolonneNavn()).toEqual(["Gruppe 1", "Gruppe 2", "Gruppe 3"]);
    expect(screen.getByText("Notat fra gruppe 3")).toBeTruthy();
    expect(screen.getByText("Gruppen har ikke skrevet noe ennå.")).toBeTruthy();
    expect(screen.queryByRole("navigation")).toBeNull();
  });

  it("merker den fremhevede gruppen med ord, ikke bare farge (bokmål og nynorsk)", () => {
    const { unmount } = renderMedMaalform(<Gruppekolonner kolonner={kolonner(3, 3)} />);
    expect(screen.getByRole("heading", { level: 2, name: "Gruppe 3 Fremhevet" })).toBeTruthy();
    expect(screen.getByRole("heading", { level: 2, name: "Gruppe 1" })).toBeTruthy();
    expect(document.querySelectorAll(".gruppekolonne--fremhevet")).toHaveLength(1);
    unmount();
    renderMedMaalform(<Gruppekolonner kolonner={kolonner(3, 1)} />, "nn");
    expect(screen.getByRole("heading", { level: 2, name: "Gruppe 1 Framheva" })).toBeTruthy();
    expect(screen.getByText("Gruppa har ikkje skrive noko enno.")).toBeTruthy();
  });

  it("deler mange grupper i sider på fire, med lenker fram og tilbake", () => {
    const lenke = (s: number) => `/vis?side=${s}`;
    const { unmount } = renderMedMaalform(<Gruppekolonner kolonner={kolonner(9)} side={2} sideLenke={lenke} />);
    expect(kolonneNavn()).toEqual(["Gruppe 5", "Gruppe 6", "Gruppe 7", "Gruppe 8"]);
    const nav = screen.getByRole("navigation", { name: "Side 2 av 3" });
    expect(within(nav).getByRole("link", { name: "Forrige grupper" }).getAttribute("href")).toBe("/vis?side=1");
    expect(within(nav).getByRole("link", { name: "Neste grupper" }).getAttribute("href")).toBe("/vis?side=3");
    unmount();
    // The last page has the rest; a page past the end shows the last page.
    renderMedMaalform(<Gruppekolonner kolonner={kolonner(9)} side={7} sideLenke={lenke} />);
    expect(kolonneNavn()).toEqual(["Gruppe 9"]);
    expect(screen.queryByRole("link", { name: "Neste grupper" })).toBeNull();
    expect(screen.getByRole("link", { name: "Forrige grupper" })).toBeTruthy();
  });

  it("kan ha overskrifter på nivå 3 under en seksjon, og viser ingen sider når alt får plass", () => {
    renderMedMaalform(<Gruppekolonner kolonner={kolonner(4)} nivaa={3} sideLenke={(s) => `?side=${s}`} />);
    expect(screen.getAllByRole("heading", { level: 3 })).toHaveLength(4);
    expect(screen.queryByRole("navigation")).toBeNull();
  });

  it("viser ingenting for personer: bare gruppenavn og tekst", () => {
    renderMedMaalform(<Gruppekolonner kolonner={[{ gruppe: 1, navn: "Gruppe 1", tekst: "Vi snakket om garderoben.", fremhevet: false }]} />);
    expect(document.body.textContent).toBe("Gruppe 1Vi snakket om garderoben.");
  });
});
