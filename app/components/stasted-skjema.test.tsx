// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { renderToString } from "react-dom/server";
import { createMemoryRouter, RouterProvider } from "react-router";
import { renderMedMaalform } from "#app/test/render.tsx";
import type { RotData } from "#app/root.tsx";
import { StastedSkjema, fjernUtkast, utkastNokkel } from "./stasted-skjema.tsx";

/**
 * The ståsted form in pages (issue 15, point 6; ADR 0032): the server's HTML is the whole form
 * (what a browser without JavaScript gets); once it has run, one area per page with progress,
 * the draft in localStorage and nowhere else, and «Send» only on the summary.
 */
const OMRADER = [
  { id: "a", nb: "Område A", nn: "Område A" },
  { id: "b", nb: "Område B", nn: "Område B" },
  { id: "c", nb: "Område C", nn: "Område C" },
];
const UTSAGN = [
  { id: "u1", omrade: "a", nb: "Utsagn en", nn: "Utsegn ein" },
  { id: "u2", omrade: "b", nb: "Utsagn to", nn: "Utsegn to" },
  { id: "u3", omrade: "c", nb: "Utsagn tre", nn: "Utsegn tre" },
];
const VALG = [
  { verdi: "1", tekst: "Lite" },
  { verdi: "5", tekst: "Mye" },
  { verdi: "0", tekst: "Vet ikke" },
];
const skjema = <StastedSkjema rundeId="r1" omrader={OMRADER} utsagn={UTSAGN} valg={VALG} verdier={{}} />;

afterEach(() => localStorage.clear());

describe("StastedSkjema", () => {
  it("på serveren (og uten JavaScript): hele skjemaet, alle områder, én «Send», ingen framdrift", () => {
    const rot: RotData = { maalform: "nb", aktor: null };
    const router = createMemoryRouter([{ id: "root", path: "/", loader: () => rot, element: skjema }], { hydrationData: { loaderData: { root: rot } } });
    const html = renderToString(<RouterProvider router={router} />);
    for (const o of OMRADER) expect(html).toContain(o.nb);
    expect(html).not.toMatch(/<fieldset[^>]* hidden/);
    expect(html).not.toContain("<progress");
    expect(html).toContain("Send svarene");
    expect(html).not.toContain("Neste");
  });

  it("i nettleseren: ett område om gangen med framdrift, og sammendrag med «Send» til slutt", async () => {
    renderMedMaalform(skjema);
    await screen.findByText("Område 1 av 3");
    expect(screen.getByRole("progressbar", { name: "Område 1 av 3" }).getAttribute("value")).toBe("1");
    expect(screen.getByRole("group", { name: "Område A" })).toBeTruthy();
    expect(screen.queryByRole("group", { name: "Område B" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Send svarene" })).toBeNull();
    fireEvent.click(screen.getByLabelText("Mye", { selector: "#u1-5" }));
    fireEvent.click(screen.getByRole("button", { name: "Neste" }));
    await screen.findByText("Område 2 av 3");
    fireEvent.click(screen.getByRole("button", { name: "Neste" }));
    fireEvent.click(screen.getByRole("button", { name: "Se over svarene" }));
    await screen.findByText("Sammendrag: du har svart på 1 av 3 utsagn");
    expect(screen.getByRole("button", { name: "Send svarene" })).toBeTruthy();
    expect(screen.getAllByText("Ikke svart")).toHaveLength(2);
    expect(screen.getByText("Mye", { selector: "dd" })).toBeTruthy();
  });

  it("utkastet: lagres på enheten ved hvert svar, hentes fram igjen med siden, og kan fjernes", async () => {
    const { unmount } = renderMedMaalform(skjema);
    await screen.findByText("Område 1 av 3");
    fireEvent.click(screen.getByLabelText("Lite", { selector: "#u1-1" }));
    fireEvent.click(screen.getByRole("button", { name: "Neste" }));
    await waitFor(() => expect(JSON.parse(localStorage.getItem(utkastNokkel("r1"))!)).toEqual({ side: 1, svar: { u1: "1" } }));
    unmount();
    renderMedMaalform(skjema);
    await screen.findByText("Område 2 av 3");
    expect((document.querySelector("#u1-1") as HTMLInputElement).checked).toBe(true);
    act(() => fjernUtkast("r1"));
    expect(localStorage.getItem(utkastNokkel("r1"))).toBeNull();
  });

  it("på nynorsk", async () => {
    renderMedMaalform(skjema, "nn");
    await screen.findByText("Område 1 av 3");
    expect(screen.getByText("Svara dine blir berre lagra på denne eininga til du sender dei. Du kan ta ein pause og halde fram seinare.")).toBeTruthy();
  });
});
