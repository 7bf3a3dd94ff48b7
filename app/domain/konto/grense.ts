/**
 * «Try again at» for a limit's refusal (ADR 0022): the clock time, in Norway's time zone, when the
 * next attempt is let through, rounded up to the whole minute. Pure, so pages can use it.
 */
export function provIgjenKlokka(iso: string | undefined, naa = new Date()): string {
  const tid = iso ? new Date(iso) : new Date(naa.getTime() + 15 * 60 * 1000);
  const opp = new Date(Math.ceil(tid.getTime() / 60_000) * 60_000);
  return klokkeFormat.format(opp);
}
// Made once per process, not per call (issue 16).
const klokkeFormat = new Intl.DateTimeFormat("nb-NO", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "Europe/Oslo" });

/** The values a refusal's message needs ({klokka}); empty when there is no refusal. */
export function grenseVerdier(svar: object | undefined | null): Record<string, string> {
  const iso = svar && "provIgjen" in svar && typeof svar.provIgjen === "string" ? svar.provIgjen : undefined;
  return iso ? { klokka: provIgjenKlokka(iso) } : {};
}

/** The refusal values an action answered with, read from its data (undefined when none). */
export function grenseFra(actionData: unknown): Record<string, string> | undefined {
  const g = actionData && typeof actionData === "object" && "grense" in actionData ? actionData.grense : undefined;
  return g && typeof g === "object" ? (g as Record<string, string>) : undefined;
}
