import type { ReactNode } from "react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { cleanup, render, type RenderResult } from "@testing-library/react";
import { afterEach } from "vitest";
import type { Spraak } from "#app/domain/innhold/innhold.schema.ts";
import type { RotData } from "#app/root.tsx";

/**
 * Renders a component the way the app does: inside a data router (so Form and Link work) whose
 * route with id "root" has the root loader's data. That is where useT() and useMaalform() read the
 * målform (app/components/use-t.ts), so `maalform` picks bokmål or nynorsk texts.
 *
 * The loader data is handed over as hydration data, so the first render is synchronous and no
 * loader runs. Vitest has no globals here, so Testing Library's automatic cleanup is wired up below.
 */
export function renderMedMaalform(ui: ReactNode, maalform: Spraak = "nb"): RenderResult {
  const rot: RotData = { maalform, aktor: null };
  const router = createMemoryRouter([{ id: "root", path: "/", loader: () => rot, element: ui }], {
    initialEntries: ["/"],
    hydrationData: { loaderData: { root: rot } },
  });
  return render(<RouterProvider router={router} />);
}

/** Both written standards, for `describe.each` / `it.each` where the text matters. */
export const MAALFORMER = ["nb", "nn"] as const satisfies readonly Spraak[];

afterEach(() => cleanup());
