import type { PlanUtkast } from "./plansjekk.ts";

/**
 * A real § 42 plan for a real child lives ONLY in this browser (DESIGN.md: no child-identifying
 * data on the server). This module is the browser storage and nothing else: no fetch, no form,
 * no beacon. tests/e2e/planrutine.spec.ts watches every request while a plan is written, saved,
 * reopened and printed, and fails if any of its text leaves the page.
 */
export const LAGRINGSNOKKEL = "samla.ektePlaner.v1";

export type EktePlan = { id: string; kallenavn: string; utkast: PlanUtkast; endret: string };

type Lager = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export function lesPlaner(lager: Lager): EktePlan[] {
  try {
    const data: unknown = JSON.parse(lager.getItem(LAGRINGSNOKKEL) ?? "[]");
    if (!Array.isArray(data)) return [];
    return data.filter((p): p is EktePlan => typeof p === "object" && p !== null && typeof p.id === "string" && typeof p.utkast === "object");
  } catch {
    return [];
  }
}

/** Saves (adds or replaces) one plan; returns the list as stored. */
export function lagrePlan(lager: Lager, plan: EktePlan): EktePlan[] {
  const planer = [plan, ...lesPlaner(lager).filter((p) => p.id !== plan.id)];
  lager.setItem(LAGRINGSNOKKEL, JSON.stringify(planer));
  return planer;
}

export function slettPlan(lager: Lager, id: string): EktePlan[] {
  const planer = lesPlaner(lager).filter((p) => p.id !== id);
  if (planer.length === 0) lager.removeItem(LAGRINGSNOKKEL);
  else lager.setItem(LAGRINGSNOKKEL, JSON.stringify(planer));
  return planer;
}

export function slettAlle(lager: Lager): void {
  lager.removeItem(LAGRINGSNOKKEL);
}
