// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { screen, within } from "@testing-library/react";
import { renderMedMaalform } from "#app/test/render.tsx";
import { oppsummer, sammenlign } from "#app/domain/stasted/resultat.ts";
import type { RundeInnhold } from "#app/domain/stasted/stasted.repo.server.ts";
import { Resultater, Sammenligningstabell } from "./stasted.tsx";

/**
 * Ståsted results (ADR 0008) as people see them: nothing where fewer than five answered, numbers
 * from five. The data comes from the real rules in resultat.ts, so the rule and the rendering are
 * tested together.
 */

const INNHOLD: RundeInnhold = {
  omrader: [{ id: "lek", nb: "Lek og læring", nn: "Leik og læring" }],
  utsagn: [
    { id: "u1", omrade: "lek", nb: "Vi leker ute hver dag", nn: "Vi leikar ute kvar dag" },
    { id: "u2", omrade: "lek", nb: "Vi snakker om leken", nn: "Vi snakkar om leiken" },
  ],
};

/** Four people: every one answered 4 on the first statement. */
const fire = () => oppsummer(INNHOLD, 4, { tall: [{ utsagnId: "u1", verdi: 4, antall: 4 }], omradetall: [{ omradeId: "lek", antall: 4 }] });

/**
 * Five people. u1: 1, 3, 4, 4, 5 (mean 3.4). u2: three on the scale (2, 2, 2) and two «vet ikke»,
 * so u2 is below five and hidden. The area is made of its shown statements only (ADR 0023), so its
 * mean is u1's 3.4; n is still everyone with an answer on the scale in the area. (It was 23/8 = 2.9
 * with u2 counted in, and «2.9 × 8 − u1» gave away that all three of u2 answered 2.)
 */
const fem = () =>
  oppsummer(INNHOLD, 5, {
    tall: [
      { utsagnId: "u1", verdi: 1, antall: 1 },
      { utsagnId: "u1", verdi: 3, antall: 1 },
      { utsagnId: "u1", verdi: 4, antall: 2 },
      { utsagnId: "u1", verdi: 5, antall: 1 },
      { utsagnId: "u2", verdi: 2, antall: 3 },
      { utsagnId: "u2", verdi: 0, antall: 2 },
    ],
    omradetall: [{ omradeId: "lek", antall: 5 }],
  });

const radFor = (utsagn: string) => [...screen.getByRole("rowheader", { name: utsagn }).closest("tr")!.querySelectorAll("td")].map((c) => c.textContent);

describe("Resultater: grensen på fem svar", () => {
  it("fire svar: «For få svar», hvor mange som svarte, og ingen tall eller tabeller", () => {
    renderMedMaalform(<Resultater resultat={fire()} />);
    const status = screen.getByRole("status");
    expect(within(status).getByRole("heading", { name: "For få svar" })).toBeTruthy();
    expect(status.textContent).toContain("4 personer svarte. Vi viser resultater bare når minst fem har svart, så ingen kan kjennes igjen.");
    expect(screen.queryByRole("table")).toBeNull();
    expect(screen.queryByRole("heading", { name: "Resultater" })).toBeNull();
    expect(screen.queryByText("Vi leker ute hver dag")).toBeNull();
    expect(document.body.textContent).not.toMatch(/\d,\d/);
  });

  it("fem svar: snitt, antall og fordeling per utsagn, med norsk desimalkomma", () => {
    renderMedMaalform(<Resultater resultat={fem()} />);
    expect(screen.queryByRole("status")).toBeNull();
    expect(screen.getByRole("heading", { level: 2, name: "Resultater" })).toBeTruthy();
    expect(screen.getByText(/^5 personer svarte\./)).toBeTruthy();
    // The area's section (the table's scroll box inside it carries the same name).
    const omrade = screen.getAllByRole("region", { name: "Lek og læring" })[0]!;
    expect(within(omrade).getByText("gjennomsnitt 3,4 (5 svar)")).toBeTruthy();
    expect(within(omrade).getByRole("table", { name: "Svar på utsagnene i Lek og læring" })).toBeTruthy();
    // Mean, n, then how many chose 1, 2, 3, 4, 5 and «vet ikke».
    expect(radFor("Vi leker ute hver dag")).toEqual(["3,4", "5", "1", "0", "1", "2", "1", "0"]);
  });

  it("fem i runden, men under fem på skalaen for ett utsagn: det utsagnet får «For få svar» og ingen tall", () => {
    renderMedMaalform(<Resultater resultat={fem()} />);
    expect(radFor("Vi snakker om leken")).toEqual(["For få svar"]);
  });

  it("på nynorsk", () => {
    const { unmount } = renderMedMaalform(<Resultater resultat={fire()} />, "nn");
    expect(screen.getByRole("status").textContent).toContain("4 personar svarte. Vi viser resultat berre når minst fem har svart, så ingen kan kjennast att.");
    unmount();
    renderMedMaalform(<Resultater resultat={fem()} />, "nn");
    expect(screen.getByRole("heading", { level: 2, name: "Resultat" })).toBeTruthy();
    expect(screen.getAllByRole("region", { name: "Leik og læring" })[0]!.textContent).toContain("gjennomsnitt 3,4 (5 svar)");
    expect(radFor("Vi leikar ute kvar dag")).toEqual(["3,4", "5", "1", "0", "1", "2", "1", "0"]);
    expect(radFor("Vi snakkar om leiken")).toEqual(["For få svar"]);
  });
});

describe("Resultater: diagrammet per område (issue 15, punkt 6)", () => {
  /** Two areas: «lek» with five answers on the scale, «ute» with three (two said «vet ikke»). */
  const TO: RundeInnhold = {
    omrader: [...INNHOLD.omrader, { id: "ute", nb: "Ute og inne", nn: "Ute og inne" }],
    utsagn: [...INNHOLD.utsagn, { id: "u3", omrade: "ute", nb: "Vi er ute", nn: "Vi er ute" }],
  };
  const resultat = () =>
    oppsummer(TO, 5, {
      tall: [
        { utsagnId: "u1", verdi: 4, antall: 5 },
        { utsagnId: "u3", verdi: 2, antall: 3 },
        { utsagnId: "u3", verdi: 0, antall: 2 },
      ],
      omradetall: [
        { omradeId: "lek", antall: 5 },
        { omradeId: "ute", antall: 3 },
      ],
    });

  it("en stolpe per område med snittet, og «For få svar» uten stolpe og tall for et område under fem", () => {
    renderMedMaalform(<Resultater resultat={resultat()} />);
    const figur = document.querySelector<HTMLElement>('[data-diagram="stasted-omrader"]')!;
    expect(within(figur).getByText("Gjennomsnitt per område, på en skala fra 1 til 5")).toBeTruthy();
    const rader = [...figur.querySelectorAll(".rapportdiagram__rad")].map((r) => r.textContent);
    expect(rader).toEqual(["Lek og læring4,0", "Ute og inneFor få svar"]);
    expect(figur.querySelectorAll(".rapportdiagram__stolpe")).toHaveLength(1);
    expect(figur.querySelector<HTMLElement>(".rapportdiagram__stolpe")!.style.width).toBe("80%");
  });

  it("ingen diagram når runden har for få svar", () => {
    renderMedMaalform(<Resultater resultat={fire()} />);
    expect(document.querySelector("[data-diagram]")).toBeNull();
  });

  it("på nynorsk", () => {
    renderMedMaalform(<Resultater resultat={resultat()} />, "nn");
    expect(document.querySelector("[data-diagram] figcaption")!.textContent).toBe("Gjennomsnitt per område, på ein skala frå 1 til 5");
    expect(document.querySelector("[data-diagram]")!.textContent).toContain("Leik og læring4,0");
  });
});

describe("Sammenligningstabell: før og etter", () => {
  it("en runde med for få svar gir «For få svar» i sin kolonne og ingen endring; den andre viser snittet", () => {
    renderMedMaalform(<Sammenligningstabell sammenligning={sammenlign(fire(), fem())} forEtikett="Høsten 2026" etterEtikett="Våren 2027" />);
    const tabell = screen.getByRole("table", { name: "Gjennomsnitt per område" });
    const celler = [...within(tabell).getByRole("rowheader", { name: "Lek og læring" }).closest("tr")!.querySelectorAll("td")].map((c) => c.textContent);
    expect(celler).toEqual(["For få svar", "3,4", "–"]);
    expect(within(tabell).getByRole("columnheader", { name: "Høsten 2026" })).toBeTruthy();
  });

  it("to runder med nok svar viser endringen med fortegn", () => {
    renderMedMaalform(<Sammenligningstabell sammenligning={sammenlign(fem(), fem())} forEtikett="Før" etterEtikett="Etter" />, "nn");
    const celler = [...screen.getByRole("rowheader", { name: "Leik og læring" }).closest("tr")!.querySelectorAll("td")].map((c) => c.textContent);
    expect(celler).toEqual(["3,4", "3,4", "0,0"]);
  });
});
