// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { screen } from "@testing-library/react";
import { renderMedMaalform } from "#app/test/render.tsx";
import { GruppenotatKonflikt } from "./notat.tsx";

/**
 * The optimistic-lock conflict of a group note (ADR 0017): someone else saved while I wrote. Both
 * texts must be on the page, mine in the field ready to send on top of the newest version.
 */

const MIN = "Vi vil prøve mer lek ute.\n\nOg færre overganger før lunsj.";
const LAGRET = { tekst: "Gruppe 2: samlingsstund i gangen", versjon: 4 };
const TIL = "/barnehage/bh1/samling/sa1#notat-a1";

describe("GruppenotatKonflikt", () => {
  it("sier hva som skjedde, og viser både det som er lagret og min egen tekst, uten å miste noe", () => {
    renderMedMaalform(<GruppenotatKonflikt aktivitetId="a1" lagret={LAGRET} min={MIN} til={TIL} />);
    expect(screen.getByRole("region", { name: "Noen andre lagret notatet mens du skrev" })).toBeTruthy();
    expect(screen.getByText("Teksten din er ikke lagret ennå. Les det som er lagret nå, og skriv sammen det dere vil beholde i feltet under. Så lagrer du.")).toBeTruthy();
    expect(screen.getByRole("heading", { level: 3, name: "Dette er lagret nå" })).toBeTruthy();
    expect(screen.getByText(LAGRET.tekst)).toBeTruthy();
    const felt = screen.getByRole("textbox", { name: "Din tekst (ikke lagret ennå)" }) as HTMLTextAreaElement;
    expect(felt.value).toBe(MIN);
    expect(felt.name).toBe("tekst");
  });

  it("lagrer min tekst oppå den nyeste versjonen og kommer tilbake dit jeg var", () => {
    renderMedMaalform(<GruppenotatKonflikt aktivitetId="a1" lagret={LAGRET} min={MIN} til={TIL} />);
    const skjema = screen.getByRole("button", { name: "Lagre denne teksten" }).closest("form")!;
    expect(Object.fromEntries(new FormData(skjema))).toEqual({ versjon: "4", til: TIL, tekst: MIN });
    expect(skjema.getAttribute("method")).toBe("post");
    expect(screen.getByRole("link", { name: "Behold det som er lagret, og gå tilbake" }).getAttribute("href")).toBe(TIL);
  });

  it("et tomt lagret notat vises som «(tomt)», ikke som ingenting", () => {
    renderMedMaalform(<GruppenotatKonflikt aktivitetId="a1" lagret={{ tekst: "", versjon: 2 }} min="min tekst" til={TIL} />);
    expect(screen.getByText("(tomt)")).toBeTruthy();
    expect((screen.getByRole("textbox") as HTMLTextAreaElement).value).toBe("min tekst");
  });

  it("minner om at barn ikke skal kunne kjennes igjen", () => {
    renderMedMaalform(<GruppenotatKonflikt aktivitetId="a1" lagret={LAGRET} min={MIN} til={TIL} />);
    expect(screen.getByRole("textbox").getAttribute("aria-describedby")).toBe("felt-gruppenotat-a1-varsel");
    expect(document.getElementById("felt-gruppenotat-a1-varsel")?.textContent).toMatch(/barn/);
  });

  it("på nynorsk", () => {
    renderMedMaalform(<GruppenotatKonflikt aktivitetId="a1" lagret={LAGRET} min={MIN} til={TIL} />, "nn");
    expect(screen.getByRole("region", { name: "Nokon andre lagra notatet medan du skreiv" })).toBeTruthy();
    expect(screen.getByText("Teksten din er ikkje lagra enno. Les det som er lagra no, og skriv saman det de vil halde på i feltet under. Så lagrar du.")).toBeTruthy();
    expect(screen.getByRole("heading", { level: 3, name: "Dette er lagra no" })).toBeTruthy();
    expect(screen.getByText(LAGRET.tekst)).toBeTruthy();
    expect((screen.getByRole("textbox", { name: "Teksten din (ikkje lagra enno)" }) as HTMLTextAreaElement).value).toBe(MIN);
    expect(screen.getByRole("link", { name: "Behald det som er lagra, og gå tilbake" })).toBeTruthy();
  });
});
