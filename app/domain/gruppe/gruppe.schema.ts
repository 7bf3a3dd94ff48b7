import { z } from "zod";
import { heltall } from "#app/domain/heltall.schema.ts";
import { MAKS_GRUPPER, MAKS_STORRELSE, MIN_STORRELSE } from "./gruppe.ts";

/** Form schemas for the groups page and picking a group on the phone. Messages are i18n keys. */
const gruppe = heltall(1, "gruppe.feil.gruppe", MAKS_GRUPPER);

export const grupperSkjema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("del-automatisk"), storrelse: heltall(MIN_STORRELSE, "gruppe.feil.storrelse", MAKS_STORRELSE) }),
    // The plain form: one select per person, named `person-<id>`, read apart (see lesManuellFordeling).
    z.object({ intent: z.literal("del-manuelt") }).loose(),
    z.object({ intent: z.literal("aapne-selvvalg"), antall: heltall(1, "gruppe.feil.antall", MAKS_GRUPPER) }),
    z.object({ intent: z.literal("lukk-selvvalg") }),
    // 0: no group highlighted.
    z.object({ intent: z.literal("fremhev"), gruppe: heltall(0, "gruppe.feil.gruppe", MAKS_GRUPPER) }),
  ],
  "konto.feil.ukjent",
);

/** A member picks a group on the samling page (one submit button per group). */
export const velgGruppeFelter = { intent: z.literal("velg-gruppe"), gruppe };

/**
 * The plain form's choices: `person-<id>` → group number, or "" for «ingen gruppe». Anything
 * else is an error for that person's field, so the page can say which select was wrong.
 */
export function lesManuellFordeling(verdier: Record<string, unknown>): { ok: true; fordeling: Map<string, number> } | { ok: false; felt: string } {
  const fordeling = new Map<string, number>();
  for (const [k, v] of Object.entries(verdier)) {
    if (!k.startsWith("person-")) continue;
    const id = k.slice("person-".length);
    if (id === "" || id.length > 100 || typeof v !== "string") return { ok: false, felt: k };
    if (v === "") continue;
    const r = gruppe.safeParse(v);
    if (!r.success) return { ok: false, felt: k };
    fordeling.set(id, r.data);
  }
  return { ok: true, fordeling };
}
