// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { createMemoryRouter, RouterProvider } from "react-router";
import { render, screen } from "@testing-library/react";
import "#app/test/render.tsx";
import type { RotData } from "#app/root.tsx";
import type { Spraak } from "#app/domain/innhold/innhold.schema.ts";
import { Lagret, medLagret } from "./lagret.tsx";

/** Renders at `adresse`, so the component reads `?lagret=` and `?tid=` as after the redirect. */
function vis(ui: React.ReactNode, adresse: string, maalform: Spraak = "nb") {
  const rot: RotData = { maalform, aktor: null };
  const router = createMemoryRouter([{ id: "root", path: "/side", loader: () => rot, element: ui }], {
    initialEntries: [adresse],
    hydrationData: { loaderData: { root: rot } },
  });
  return render(<RouterProvider router={router} />);
}

// 13:32 UTC is 14:32 in Oslo in December.
const TID = new Date("2026-12-07T13:32:00Z");

describe("medLagret", () => {
  it("legger nøkkel og tid til adressen og beholder spørring og anker", () => {
    expect(medLagret("/side#notat", "notat", TID)).toBe(`/side?lagret=notat&tid=${TID.getTime()}#notat`);
    expect(medLagret("/side?aktivitet=a1#x", "samlinger", TID)).toBe(`/side?aktivitet=a1&lagret=samlinger&tid=${TID.getTime()}#x`);
    expect(medLagret(`/side?lagret=gammel&tid=1`, "ny", TID)).toBe(`/side?lagret=ny&tid=${TID.getTime()}`);
  });
});

describe("Lagret", () => {
  it("viser «Lagret kl. 14:32» som status når adressen sier at akkurat dette ble lagret", () => {
    vis(<Lagret nokkel="notat" />, medLagret("/side", "notat", TID));
    expect(screen.getByRole("status").textContent).toBe("Lagret kl. 14:32");
  });

  it("på nynorsk: «Lagra kl. 14:32»", () => {
    vis(<Lagret nokkel="notat" />, medLagret("/side", "notat", TID), "nn");
    expect(screen.getByRole("status").textContent).toBe("Lagra kl. 14:32");
  });

  it("viser ingenting for et annet skjema på samme side", () => {
    vis(<Lagret nokkel="oppmote" />, medLagret("/side", "notat", TID));
    expect(screen.queryByRole("status")).toBeNull();
    expect(screen.queryByText(/Lagret/)).toBeNull();
  });

  it("viser den lagrede tiden som vanlig tekst når ingenting nettopp ble lagret", () => {
    vis(<Lagret nokkel="notat" tid="09:15" />, "/side");
    expect(screen.queryByRole("status")).toBeNull();
    expect(screen.getByText("Lagret kl. 09:15")).toBeTruthy();
  });

  it("godtar en ugyldig tid uten å vise noe feil: da brukes den lagrede tiden", () => {
    vis(<Lagret nokkel="notat" tid="09:15" />, "/side?lagret=notat&tid=tull");
    expect(screen.getByRole("status").textContent).toBe("Lagret kl. 09:15");
  });
});
