/**
 * Pure rules for module feedback (ADR 0019): when a result may be shown and how it is summed up.
 * No database, no access checks: those live in the repository and the use cases.
 */

import { MIN_SVAR, leggTellinger, synligTotal, vises } from "#app/domain/personvern/minN.ts";

/** Results are shown only where at least this many people answered (DESIGN.md, ADR 0008, 0023). */
export { MIN_SVAR };
/** The values on the scale; «Vet ikke / vil ikke svare» is stored as null and is never in a mean. */
export const SKALA = [1, 2, 3, 4, 5] as const;
export const MAKS_FRITEKST = 1000;

/** How many answered each value of one statement; `null` counts «vet ikke». */
export type Telling = { verdi: number | null; antall: number }[];

export type UtsagnResultat =
  | { utsagnId: string; vist: false }
  | {
      utsagnId: string;
      vist: true;
      /** Count per scale value 1–5, in scale order. */
      fordeling: number[];
      vetIkke: number;
      /** Mean of the values on the scale, to one decimal. */
      gjennomsnitt: number;
    };

export type ModulResultat =
  | { antallSvar: number; vist: false }
  | { antallSvar: number; vist: true; utsagn: UtsagnResultat[] };

/**
 * Sums up one module's answers. Nothing is shown below MIN_SVAR people, and a statement is shown
 * only where at least MIN_SVAR of them gave a value on the scale («vet ikke» does not count), so no
 * distribution ever rests on fewer than five people.
 */
export function oppsummer(antallSvar: number, utsagnIder: readonly string[], tellinger: ReadonlyMap<string, Telling>): ModulResultat {
  if (!vises(antallSvar)) return { antallSvar, vist: false };
  return {
    antallSvar,
    vist: true,
    utsagn: utsagnIder.map((utsagnId): UtsagnResultat => {
      const telling = tellinger.get(utsagnId) ?? [];
      const fordeling = SKALA.map((v) => telling.filter((t) => t.verdi === v).reduce((s, t) => s + t.antall, 0));
      const vetIkke = telling.filter((t) => t.verdi === null).reduce((s, t) => s + t.antall, 0);
      const antall = fordeling.reduce((s, n) => s + n, 0);
      if (!vises(antall)) return { utsagnId, vist: false };
      const sum = fordeling.reduce((s, n, i) => s + n * SKALA[i]!, 0);
      return { utsagnId, vist: true, fordeling, vetIkke, gjennomsnitt: Math.round((sum / antall) * 10) / 10 };
    }),
  };
}

/**
 * The owner's total of several barnehager's results (ADR 0023): a barnehage counts only where its
 * module is shown, and each statement only where that statement is shown on its own, so the total
 * minus the barnehager one can see is always zero. Built from the results, never from raw counts.
 */
export function leggSammenViste(utsagnIder: readonly string[], resultater: readonly ModulResultat[]): ModulResultat & { antallBarnehager: number } {
  const moduler = synligTotal(resultater.map((r) => ({ antall: r.antallSvar, vist: r.vist, verdi: [r] })), (a, b) => [...a, ...b]);
  if (!moduler.vist) return { antallSvar: 0, vist: false, antallBarnehager: 0 };
  const viste = moduler.verdi!.flatMap((r) => (r.vist ? [r] : []));
  return {
    antallSvar: moduler.antall,
    vist: true,
    antallBarnehager: moduler.deler,
    utsagn: utsagnIder.map((utsagnId): UtsagnResultat => {
      const deler = viste.map((r) => r.utsagn.find((u) => u.utsagnId === utsagnId)).filter((u) => u !== undefined);
      const total = synligTotal(
        deler.map((u) => (u.vist ? { antall: u.fordeling.reduce((s, n) => s + n, 0), vist: true, verdi: [...u.fordeling, u.vetIkke] } : { antall: 0, vist: false, verdi: [] })),
        leggTellinger<number[]>,
      );
      if (!total.vist) return { utsagnId, vist: false };
      const fordeling = total.verdi!.slice(0, SKALA.length);
      const sum = fordeling.reduce((s, n, i) => s + n * SKALA[i]!, 0);
      return { utsagnId, vist: true, fordeling, vetIkke: total.verdi![SKALA.length]!, gjennomsnitt: Math.round((sum / total.antall) * 10) / 10 };
    }),
  };
}

/** Adds several barnehager's counts together (for the owner's overall figure). */
export function leggSammen(tellinger: ReadonlyMap<string, Telling>[]): Map<string, Telling> {
  const sum = new Map<string, Map<number | null, number>>();
  for (const t of tellinger) {
    for (const [utsagnId, rader] of t) {
      const kart = sum.get(utsagnId) ?? new Map<number | null, number>();
      for (const r of rader) kart.set(r.verdi, (kart.get(r.verdi) ?? 0) + r.antall);
      sum.set(utsagnId, kart);
    }
  }
  return new Map([...sum].map(([id, kart]) => [id, [...kart].map(([verdi, antall]) => ({ verdi, antall }))]));
}

/** A fresh random order (Fisher–Yates with crypto randomness), for answer rows and free texts. */
export function stokk<T>(liste: readonly T[], tilfeldig: (n: number) => number): T[] {
  const ut = [...liste];
  for (let i = ut.length - 1; i > 0; i--) {
    const j = tilfeldig(i + 1);
    [ut[i], ut[j]] = [ut[j]!, ut[i]!];
  }
  return ut;
}
