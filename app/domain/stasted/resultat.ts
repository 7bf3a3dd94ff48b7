import type { RundeInnhold } from "./stasted.repo.server.ts";

/**
 * Pure calculations on the counted answers of a closed round (no database, no access checks).
 * Nothing is shown where fewer than MIN_SVAR people answered: not the round, not a statement
 * (counted on the scale 1–5), not an area (people with at least one answer on the scale in it).
 */
export const MIN_SVAR = 5;

/** Index 0 is «vet ikke / vil ikke svare», 1–5 the scale. */
export type Fordeling = [number, number, number, number, number, number];
export type Tall = { n: number; nok: boolean; fordeling: Fordeling | null; snitt: number | null };
export type OmradeResultat = Tall & { id: string; nb: string; nn: string };
export type UtsagnResultat = Tall & { id: string; omrade: string; nb: string; nn: string };
export type Rundeoppsummering = { antallSvar: number; nok: boolean; omrader: OmradeResultat[]; utsagn: UtsagnResultat[] };

type Opptelling = { tall: { utsagnId: string; verdi: number; antall: number }[]; omradetall: { omradeId: string; antall: number }[] };

const tom = (): Fordeling => [0, 0, 0, 0, 0, 0];

function snittAv(f: Fordeling): number | null {
  const n = f[1] + f[2] + f[3] + f[4] + f[5];
  if (n === 0) return null;
  return (f[1] * 1 + f[2] * 2 + f[3] * 3 + f[4] * 4 + f[5] * 5) / n;
}

/** Only aggregates with enough answers leave this function; the rest are n and «not enough». */
function tall(fordeling: Fordeling, n: number, rundenNok: boolean): Tall {
  const nok = rundenNok && n >= MIN_SVAR;
  return { n: nok ? n : 0, nok, fordeling: nok ? fordeling : null, snitt: nok ? snittAv(fordeling) : null };
}

export function oppsummer(innhold: RundeInnhold, antallSvar: number, opptelling: Opptelling): Rundeoppsummering {
  const rundenNok = antallSvar >= MIN_SVAR;
  const perUtsagn = new Map(innhold.utsagn.map((u) => [u.id, tom()]));
  for (const t of opptelling.tall) {
    const f = perUtsagn.get(t.utsagnId);
    if (f && t.verdi >= 0 && t.verdi <= 5) f[t.verdi] = (f[t.verdi] ?? 0) + t.antall;
  }
  const utsagn = innhold.utsagn.map((u) => {
    const f = perUtsagn.get(u.id)!;
    return { id: u.id, omrade: u.omrade, nb: u.nb, nn: u.nn, ...tall(f, f[1] + f[2] + f[3] + f[4] + f[5], rundenNok) };
  });
  const omradetall = new Map(opptelling.omradetall.map((o) => [o.omradeId, o.antall]));
  const omrader = innhold.omrader.map((o) => {
    const f = tom();
    for (const u of innhold.utsagn) if (u.omrade === o.id) perUtsagn.get(u.id)!.forEach((v, i) => (f[i] = (f[i] ?? 0) + v));
    return { id: o.id, nb: o.nb, nn: o.nn, ...tall(f, omradetall.get(o.id) ?? 0, rundenNok) };
  });
  return { antallSvar, nok: rundenNok, omrader, utsagn };
}

export type Sammenligning = {
  omrader: { id: string; nb: string; nn: string; for: number | null; etter: number | null; endring: number | null }[];
};

/** Means per area before and after, for the areas both rounds have; null where too few answered. */
export function sammenlign(forRunde: Rundeoppsummering, etterRunde: Rundeoppsummering): Sammenligning {
  const etter = new Map(etterRunde.omrader.map((o) => [o.id, o]));
  return {
    omrader: forRunde.omrader
      .filter((o) => etter.has(o.id))
      .map((o) => {
        const e = etter.get(o.id)!;
        return { id: o.id, nb: e.nb, nn: e.nn, for: o.snitt, etter: e.snitt, endring: o.snitt !== null && e.snitt !== null ? e.snitt - o.snitt : null };
      }),
  };
}

/** Adds several rounds' counts together (owner view), keeping the same minimum. */
export function slaSammen(innhold: RundeInnhold, deler: { antallSvar: number; opptelling: Opptelling }[]): Rundeoppsummering {
  const samlet: Opptelling = { tall: deler.flatMap((d) => d.opptelling.tall), omradetall: [] };
  const omr = new Map<string, number>();
  for (const d of deler) for (const o of d.opptelling.omradetall) omr.set(o.omradeId, (omr.get(o.omradeId) ?? 0) + o.antall);
  samlet.omradetall = [...omr].map(([omradeId, antall]) => ({ omradeId, antall }));
  return oppsummer(innhold, deler.reduce((s, d) => s + d.antallSvar, 0), samlet);
}
