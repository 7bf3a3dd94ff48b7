import type { Spraak } from "#app/domain/innhold/innhold.schema.ts";
import { datoFormat } from "#app/i18n/i18n.ts";

/**
 * Samlinger are stored as UTC instants and shown in Europe/Oslo (ADR 0016). The leader types a
 * local date and time; these helpers convert both ways, summer time included, with Intl only.
 */
export const TIDSSONE = "Europe/Oslo";

const deler = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIDSSONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** The Oslo wall-clock parts of an instant. */
function osloDeler(d: Date) {
  const p = Object.fromEntries(deler.formatToParts(d).map((x) => [x.type, x.value]));
  return { aar: Number(p.year), maaned: Number(p.month), dag: Number(p.day), time: Number(p.hour), minutt: Number(p.minute), sekund: Number(p.second) };
}

/** Minutes Oslo is ahead of UTC at this instant (60 in winter, 120 in summer). */
function osloForskyvning(d: Date): number {
  const p = osloDeler(d);
  const somUtc = Date.UTC(p.aar, p.maaned - 1, p.dag, p.time, p.minutt, p.sekund);
  return Math.round((somUtc - Math.floor(d.getTime() / 1000) * 1000) / 60_000);
}

/**
 * «2026-12-03» + «14:00» in Oslo → the UTC instant. Returns undefined for a time that does not
 * exist in Oslo (the hour skipped when summer time starts).
 */
export function fraOslo(dato: string, klokke: string): Date | undefined {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dato);
  const k = /^(\d{2}):(\d{2})$/.exec(klokke);
  if (!d || !k) return undefined;
  const somUtc = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(k[1]), Number(k[2]));
  // Guess with the offset at the naive instant, then correct once with the offset at the guess.
  let gjett = somUtc - osloForskyvning(new Date(somUtc)) * 60_000;
  gjett = somUtc - osloForskyvning(new Date(gjett)) * 60_000;
  const tilbake = tilOslo(new Date(gjett));
  if (tilbake.dato !== dato || tilbake.klokke !== klokke) return undefined;
  return new Date(gjett);
}

/** An instant as Oslo date (YYYY-MM-DD) and time (HH:MM), e.g. to fill in an edit form. */
export function tilOslo(d: Date): { dato: string; klokke: string } {
  const p = osloDeler(d);
  const to = (n: number) => String(n).padStart(2, "0");
  return { dato: `${p.aar}-${to(p.maaned)}-${to(p.dag)}`, klokke: `${to(p.time)}:${to(p.minutt)}` };
}

/** «torsdag 3. desember 2026 kl. 14:00», in the reader's målform and always in Oslo time. */
export function visTid(iso: string, sp: Spraak): string {
  const d = new Date(iso);
  const dato = datoFormat(sp === "nn" ? "nn-NO" : "nb-NO", { timeZone: TIDSSONE, weekday: "long", day: "numeric", month: "long", year: "numeric" }).format(d);
  return `${dato} kl. ${tilOslo(d).klokke}`;
}

/** When something was saved, for «Lagret kl. …»: «14:32» today (Oslo), else the full date and time. */
export function visLagret(iso: string, sp: Spraak, naa = new Date()): string {
  const d = new Date(iso);
  return tilOslo(d).dato === tilOslo(naa).dato ? tilOslo(d).klokke : visTid(iso, sp);
}
