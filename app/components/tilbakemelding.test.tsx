// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { screen, within } from "@testing-library/react";
import { renderMedMaalform } from "#app/test/render.tsx";
import { oppsummer, type Telling } from "#app/domain/tilbakemelding/tilbakemelding.ts";
import { ModulResultatVisning, type ModulResultatData } from "./tilbakemelding.tsx";

/**
 * Module feedback (ADR 0019) as leder and styrer see it: numbers only from five answers. The
 * results come from the real rule (`oppsummer` in tilbakemelding.ts).
 */

const SKALA = ["I svært liten grad", "I liten grad", "Delvis", "I stor grad", "I svært stor grad", "Vet ikke"];
const TEKST: Record<string, string> = { nyttig: "Modulen var nyttig", brukt: "Vi har brukt det i praksis" };

/** nyttig: one on each value 1–5 and one «vet ikke» (mean 3.0); brukt: four on the scale, two «vet ikke». */
const TELLINGER = new Map<string, Telling>([
  ["nyttig", [1, 2, 3, 4, 5, null].map((verdi) => ({ verdi, antall: 1 }))],
  ["brukt", [{ verdi: 4, antall: 4 }, { verdi: null, antall: 2 }]],
]);

function modul(antallSvar: number, fritekster: string[] | null = null): ModulResultatData {
  const r = oppsummer(antallSvar, ["nyttig", "brukt"], TELLINGER);
  return {
    modulId: "m1",
    nummer: 3,
    tittel: "Lek ute",
    resultat: r.vist ? { ...r, utsagn: r.utsagn.map((u) => ({ ...u, tekst: TEKST[u.utsagnId]! })) } : r,
    fritekster,
  };
}

describe("ModulResultatVisning: grensen på fem svar", () => {
  it("fire svar: hvor mange som har svart og «for få svar», men ingen tall", () => {
    renderMedMaalform(<ModulResultatVisning m={modul(4)} skala={SKALA} />);
    const del = screen.getByRole("region", { name: "Modul 3: Lek ute" });
    expect(within(del).getByText("4 har svart")).toBeTruthy();
    expect(within(del).getByText("For få svar. Resultatet vises når minst fem har svart.")).toBeTruthy();
    expect(within(del).queryByRole("table")).toBeNull();
    expect(within(del).queryByText(/Gjennomsnitt/)).toBeNull();
    expect(within(del).queryByText("Modulen var nyttig")).toBeNull();
  });

  it("seks svar: fordelingen og gjennomsnittet per utsagn", () => {
    renderMedMaalform(<ModulResultatVisning m={modul(6)} skala={SKALA} />);
    expect(screen.getByText("6 har svart")).toBeTruthy();
    expect(screen.queryByText(/^For få svar\. Resultatet/)).toBeNull();
    const tabell = screen.getByRole("table", { name: "Modulen var nyttig" });
    const rader = within(tabell.querySelector("tbody")!).getAllByRole("row").map((r) => [...r.children].map((c) => c.textContent));
    expect(rader).toEqual(SKALA.map((s) => [s, "1"]));
    expect(within(tabell).getByText("Gjennomsnitt: 3,0 av 5")).toBeTruthy();
  });

  it("et utsagn med under fem svar på skalaen («vet ikke» teller ikke) vises uten tall", () => {
    renderMedMaalform(<ModulResultatVisning m={modul(6)} skala={SKALA} />);
    expect(screen.queryByRole("table", { name: "Vi har brukt det i praksis" })).toBeNull();
    expect(screen.getByText("Vi har brukt det i praksis")).toBeTruthy();
    expect(screen.getByText("For få svar på skalaen til å vise dette utsagnet.")).toBeTruthy();
    expect(screen.getAllByRole("table")).toHaveLength(1);
  });

  it("ingen svar ennå", () => {
    renderMedMaalform(<ModulResultatVisning m={{ ...modul(0), resultat: null }} skala={SKALA} />);
    expect(screen.getByText("Ingen har svart ennå.")).toBeTruthy();
    expect(screen.queryByText(/har svart$/)).toBeNull();
  });

  it("fritekstene bare når de er med (for styreren)", () => {
    const { unmount } = renderMedMaalform(<ModulResultatVisning m={modul(6, ["Mer tid til lek"])} skala={SKALA} />);
    const fritekst = screen.getByRole("region", { name: "Dette skrev de" });
    expect(within(fritekst).getByRole("listitem").textContent).toBe("Mer tid til lek");
    unmount();
    renderMedMaalform(<ModulResultatVisning m={modul(6, null)} skala={SKALA} />);
    expect(screen.queryByRole("region", { name: "Dette skrev de" })).toBeNull();
  });

  it("på nynorsk", () => {
    const { unmount } = renderMedMaalform(<ModulResultatVisning m={modul(4)} skala={SKALA} />, "nn");
    expect(screen.getByText("For få svar. Resultatet blir vist når minst fem har svart.")).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
    unmount();
    renderMedMaalform(<ModulResultatVisning m={modul(6)} skala={SKALA} />, "nn");
    expect(screen.getByRole("columnheader", { name: "Tal" })).toBeTruthy();
    expect(screen.getByText("Gjennomsnitt: 3,0 av 5")).toBeTruthy();
    expect(screen.getByText("For få svar på skalaen til å vise denne utsegna.")).toBeTruthy();
  });
});
