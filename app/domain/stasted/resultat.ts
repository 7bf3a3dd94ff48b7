import type { RundeInnhold } from "./stasted.repo.server.ts";

import { MIN_SVAR, leggTellinger, synligTotal, vises } from "#app/domain/personvern/minN.ts";

/**
 * Pure calculations on the counted answers of a closed round (no database, no access checks).
 * Nothing is shown where fewer than MIN_SVAR people answered: not the round, not a statement
 * (counted on the scale 1–5), not an area. The minimum and the rule for totals live in
 * personvern/minN.ts (ADR 0023): an area is the sum of its shown statements only, and a sum of
 * rounds (the owner's view) is the sum of the shown rounds' shown cells only, so no hidden
 * statement or round can be found by subtracting what is shown from a total.
 */
export { MIN_SVAR };

/** Index 0 is «vet ikke / vil ikke svare», 1–5 the scale. */
export type Fordeling = [number, number, number, number, number, number];
export type Tall = { n: number; nok: boolean; fordeling: Fordeling | null; snitt: number | null };
export type OmradeResultat = Tall & { id: string; nb: string; nn: string };
export type UtsagnResultat = Tall & { id: string; omrade: string; nb: string; nn: string };
export type Rundeoppsummering = { antallSvar: number; nok: boolean; omrader: OmradeResultat[]; utsagn: UtsagnResultat[] };

export type Opptelling = { tall: { utsagnId: string; verdi: number; antall: number }[]; omradetall: { omradeId: string; antall: number }[] };

const tom = (): Fordeling => [0, 0, 0, 0, 0, 0];
const paSkalaen = (f: Fordeling) => f[1] + f[2] + f[3] + f[4] + f[5];

function snittAv(f: Fordeling): number | null {
  const n = paSkalaen(f);
  if (n === 0) return null;
  return (f[1] * 1 + f[2] * 2 + f[3] * 3 + f[4] * 4 + f[5] * 5) / n;
}

/** Only aggregates with enough answers leave this function; the rest are n = 0 and «not enough». */
function tall(fordeling: Fordeling | null, n: number, vist: boolean): Tall {
  const nok = vist && fordeling !== null;
  return { n: nok ? n : 0, nok, fordeling: nok ? fordeling : null, snitt: nok ? snittAv(fordeling) : null };
}

/** The cells of one area as parts of its total: its statements, each shown or not on its own. */
function omradeTotal(utsagn: readonly UtsagnResultat[], omradeId: string) {
  return synligTotal(
    utsagn.filter((u) => u.omrade === omradeId).map((u) => ({ antall: u.n, vist: u.nok, verdi: u.fordeling ?? tom() })),
    leggTellinger<Fordeling>,
  );
}

export function oppsummer(innhold: RundeInnhold, antallSvar: number, opptelling: Opptelling): Rundeoppsummering {
  const rundenNok = vises(antallSvar);
  const perUtsagn = new Map(innhold.utsagn.map((u) => [u.id, tom()]));
  for (const t of opptelling.tall) {
    const f = perUtsagn.get(t.utsagnId);
    if (f && t.verdi >= 0 && t.verdi <= 5) f[t.verdi] = (f[t.verdi] ?? 0) + t.antall;
  }
  const utsagn = innhold.utsagn.map((u) => {
    const f = perUtsagn.get(u.id)!;
    const n = paSkalaen(f);
    return { id: u.id, omrade: u.omrade, nb: u.nb, nn: u.nn, ...tall(f, n, rundenNok && vises(n)) };
  });
  const omradetall = new Map(opptelling.omradetall.map((o) => [o.omradeId, o.antall]));
  const omrader = innhold.omrader.map((o) => {
    // Hidden statements are left out of the area (complementary suppression, ADR 0023); n is the
    // number of people with an answer on the scale in the area, a head count with no answer in it.
    const total = omradeTotal(utsagn, o.id);
    const n = omradetall.get(o.id) ?? 0;
    return { id: o.id, nb: o.nb, nn: o.nn, ...tall(total.verdi, n, rundenNok && vises(n) && total.vist) };
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

/**
 * Adds several closed rounds together (the owner's view per barnehage and across barnehager).
 * Only rounds shown on their own count, and in them only the statements and areas shown on their
 * own (ADR 0023): a round of four is never merged with a round of six, so the owner's figure minus
 * the leader's figure for the round of six is always zero.
 */
export function slaSammen(innhold: RundeInnhold, deler: readonly Rundeoppsummering[]): Rundeoppsummering {
  const runder = synligTotal(deler.map((d) => ({ antall: d.antallSvar, vist: d.nok, verdi: [d] })), (a, b) => [...a, ...b]);
  const viste = runder.verdi ?? [];
  const celle = <C extends Tall & { id: string }>(id: string, hent: (d: Rundeoppsummering) => readonly C[]) => {
    const total = synligTotal(
      viste.flatMap((d) => hent(d).filter((c) => c.id === id)).map((c) => ({ antall: c.n, vist: c.nok, verdi: c.fordeling ?? tom() })),
      leggTellinger<Fordeling>,
    );
    return tall(total.verdi, total.antall, total.vist);
  };
  return {
    antallSvar: runder.antall,
    nok: runder.vist,
    utsagn: innhold.utsagn.map((u) => ({ id: u.id, omrade: u.omrade, nb: u.nb, nn: u.nn, ...celle(u.id, (d) => d.utsagn) })),
    omrader: innhold.omrader.map((o) => ({ id: o.id, nb: o.nb, nn: o.nn, ...celle(o.id, (d) => d.omrader) })),
  };
}
