import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { MIN_SVAR, synligTotal, vises } from "./minN.ts";
import { oppsummer, slaSammen, type Fordeling, type Opptelling, type Rundeoppsummering } from "#app/domain/stasted/resultat.ts";
import type { RundeInnhold } from "#app/domain/stasted/stasted.repo.server.ts";
import { leggSammenViste, oppsummer as oppsummerModul, type ModulResultat, type Telling } from "#app/domain/tilbakemelding/tilbakemelding.ts";
import { reflektertTotal } from "#app/domain/fremdrift/fremdrift.server.ts";

/**
 * Issue 11 point 7, ADR 0023: property tests on the pure aggregations. Worlds of barnehager and
 * rounds with answer counts around the minimum; for every table a role sees (the leader's round
 * with areas and statements, the owner's row per barnehage and «samlet»), two properties:
 *  - no total includes a hidden group: every shown total is exactly the sum of the shown parts, so
 *    «total minus the shown parts» is zero, never a hidden group's answers;
 *  - nothing any role sees changes when the answers of one hidden group change (so nothing about
 *    them can be recovered, by subtraction or otherwise).
 */

const KJORINGER = Number(process.env.MINN_KJORINGER ?? 300);

// A small instrument, so hidden statements and areas are common.
const INNHOLD: RundeInnhold = {
  omrader: [
    { id: "a", nb: "A", nn: "A" },
    { id: "b", nb: "B", nn: "B" },
  ],
  utsagn: [
    { id: "a1", omrade: "a", nb: "a1", nn: "a1" },
    { id: "a2", omrade: "a", nb: "a2", nn: "a2" },
    { id: "a3", omrade: "a", nb: "a3", nn: "a3" },
    { id: "b1", omrade: "b", nb: "b1", nn: "b1" },
    { id: "b2", omrade: "b", nb: "b2", nn: "b2" },
  ],
};
const UTSAGN = INNHOLD.utsagn.map((u) => u.id);

/** One person's answers in a round: per statement 0 («vet ikke»), 1–5, or nothing. */
type Svarsett = Record<string, number | undefined>;
type Runde = Svarsett[];
type Verden = Runde[][]; // barnehager → rounds → answer sets

// Answer counts around the minimum: 0–9 people per round, statements often skipped or «vet ikke».
const svarsett = fc.record(Object.fromEntries(UTSAGN.map((id) => [id, fc.option(fc.integer({ min: 0, max: 5 }), { freq: 3, nil: undefined })])) as Record<string, fc.Arbitrary<number | undefined>>);
const runde = fc.array(svarsett, { minLength: 0, maxLength: 2 * MIN_SVAR - 1 });
const verden = fc.array(fc.array(runde, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 });

/** What the database keeps when a round is closed (stasted.repo lukkOgTell): counts only. */
function tell(r: Runde): Opptelling {
  const tall = new Map<string, number>();
  for (const s of r) for (const [u, v] of Object.entries(s)) if (v !== undefined) tall.set(`${u}:${v}`, (tall.get(`${u}:${v}`) ?? 0) + 1);
  return {
    tall: [...tall].map(([k, antall]) => ({ utsagnId: k.split(":")[0]!, verdi: Number(k.split(":")[1]), antall })),
    omradetall: INNHOLD.omrader.map((o) => ({
      omradeId: o.id,
      antall: r.filter((s) => INNHOLD.utsagn.some((u) => u.omrade === o.id && (s[u.id] ?? 0) >= 1)).length,
    })),
  };
}

/** Everything each role sees: the leader's rounds, the owner's rows per barnehage and «samlet». */
function visninger(v: Verden) {
  const leder = v.map((bh) => bh.map((r) => oppsummer(INNHOLD, r.length, tell(r))));
  const eier = leder.map((runder) => slaSammen(INNHOLD, runder));
  const samlet = slaSammen(INNHOLD, leder.flat());
  return { leder, eier, samlet };
}

const sum = (fordelinger: (Fordeling | null)[]): Fordeling =>
  fordelinger.reduce<Fordeling>((s, f) => s.map((x, i) => x + (f?.[i] ?? 0)) as Fordeling, [0, 0, 0, 0, 0, 0]);
const celler = (r: Rundeoppsummering) => [...r.utsagn, ...r.omrader];

/** Every shown total equals the sum of the parts shown: the residual is zero. */
function forventBareViste(v: ReturnType<typeof visninger>) {
  for (const r of v.leder.flat()) {
    if (!r.nok) expect(celler(r).every((c) => !c.nok && c.fordeling === null && c.snitt === null && c.n === 0)).toBe(true);
    for (const o of r.omrader.filter((x) => x.nok)) {
      const deler = r.utsagn.filter((u) => u.omrade === o.id && u.nok);
      expect(deler.length).toBeGreaterThan(0);
      expect(o.fordeling).toEqual(sum(deler.map((u) => u.fordeling)));
    }
    for (const c of celler(r)) if (c.nok) expect(c.n).toBeGreaterThanOrEqual(MIN_SVAR);
  }
  const sjekkSum = (total: Rundeoppsummering, deler: Rundeoppsummering[]) => {
    const viste = deler.filter((d) => d.nok);
    expect(total.antallSvar).toBe(viste.reduce((s, d) => s + d.antallSvar, 0));
    expect(total.nok).toBe(viste.length > 0);
    for (const [i, c] of celler(total).entries()) {
      const delceller = viste.map((d) => celler(d)[i]!).filter((x) => x.nok);
      expect(c.nok).toBe(delceller.length > 0);
      if (c.nok) {
        expect(c.fordeling).toEqual(sum(delceller.map((x) => x.fordeling)));
        expect(c.n).toBe(delceller.reduce((s, x) => s + x.n, 0));
      } else expect([c.fordeling, c.snitt, c.n]).toEqual([null, null, 0]);
    }
  };
  v.eier.forEach((e, i) => sjekkSum(e, v.leder[i]!));
  sjekkSum(v.samlet, v.leder.flat());
  // «samlet» minus the owner's own rows is zero too.
  sjekkSum(v.samlet, v.eier);
}

type Skjult = { bh: number; runde: number; utsagn: string | null };
/** The hidden groups a leader sees as «for få svar»: whole rounds, and statements in shown rounds. */
function skjulte(v: Verden): Skjult[] {
  const ut: Skjult[] = [];
  v.forEach((bh, b) =>
    bh.forEach((r, i) => {
      if (!vises(r.length)) ut.push({ bh: b, runde: i, utsagn: null });
      else for (const u of UTSAGN) if (!vises(r.filter((s) => (s[u] ?? 0) >= 1).length)) ut.push({ bh: b, runde: i, utsagn: u });
    }),
  );
  return ut;
}

/** The same world with other answers in one hidden group (the same people, so the same counts). */
function endre(v: Verden, s: Skjult, nye: number[]): Verden {
  let k = 0;
  const neste = () => nye[k++ % nye.length]!;
  return v.map((bh, b) =>
    bh.map((r, i) =>
      b !== s.bh || i !== s.runde
        ? r
        : r.map((sett) => {
            const ny: Svarsett = { ...sett };
            for (const u of s.utsagn ? [s.utsagn] : UTSAGN) {
              const gammel = sett[u];
              // A whole hidden round may change any answer; a hidden statement changes its values on
              // the scale (the head count on the scale stays what it was).
              if (s.utsagn === null) ny[u] = gammel === undefined ? undefined : neste() % 6;
              else if (gammel !== undefined && gammel >= 1) ny[u] = (neste() % 5) + 1;
            }
            return ny;
          }),
    ),
  );
}

describe("min-N med komplementær undertrykking (ADR 0023), rene funksjoner", () => {
  it("skal aldri ta med en skjult gruppe i en total: total minus viste deler er null", () => {
    fc.assert(
      fc.property(verden, (v) => forventBareViste(visninger(v))),
      { numRuns: KJORINGER },
    );
  });

  it("skal vise det samme til alle roller når svarene i én skjult gruppe endres", () => {
    const medSkjult = verden.filter((v) => skjulte(v).length > 0);
    fc.assert(
      fc.property(medSkjult, fc.nat(), fc.array(fc.integer({ min: 0, max: 29 }), { minLength: 1, maxLength: 10 }), (v, valg, nye) => {
        const liste = skjulte(v);
        const s = liste[valg % liste.length]!;
        expect(visninger(endre(v, s, nye))).toEqual(visninger(v));
      }),
      { numRuns: KJORINGER },
    );
  });

  it("skal ikke la eierens «samlet» avsløre en runde med fire ved siden av en med seks (eksempelet i saken)", () => {
    const fire: Runde = Array.from({ length: 4 }, () => Object.fromEntries(UTSAGN.map((u) => [u, 1])));
    const seks: Runde = Array.from({ length: 6 }, () => Object.fromEntries(UTSAGN.map((u) => [u, 5])));
    const v = visninger([[fire, seks], [seks]]);
    expect(v.eier[0]).toEqual(v.leder[0]![1]);
    expect(v.eier[0]!.omrader[0]!.snitt).toBe(5);
    expect(v.samlet.antallSvar).toBe(12);
    expect(v.samlet.omrader.every((o) => o.snitt === 5)).toBe(true);
  });
});

// Module feedback: barnehager with 0–9 answers each, every statement answered (a value or «vet ikke»).
const MODUL_UTSAGN = ["t1", "t2", "t3"];
type ModulSvar = (number | null)[][]; // per barnehage: per person the values of t1–t3
const modulVerden = fc.array(
  fc.array(fc.tuple(...MODUL_UTSAGN.map(() => fc.option(fc.integer({ min: 1, max: 5 }), { freq: 3, nil: null }))), { maxLength: 2 * MIN_SVAR - 1 }),
  { minLength: 1, maxLength: 5 },
) as fc.Arbitrary<ModulSvar[]>;

function tellModul(svar: ModulSvar): Map<string, Telling> {
  return new Map(
    MODUL_UTSAGN.map((u, i) => {
      const kart = new Map<number | null, number>();
      for (const p of svar) kart.set(p[i]!, (kart.get(p[i]!) ?? 0) + 1);
      return [u, [...kart].map(([verdi, antall]) => ({ verdi, antall }))];
    }),
  );
}
function modulVisninger(v: ModulSvar[]) {
  const perBarnehage = v.map((svar) => oppsummerModul(svar.length, MODUL_UTSAGN, tellModul(svar)));
  return { perBarnehage, samlet: leggSammenViste(MODUL_UTSAGN, perBarnehage) };
}
const vistUtsagn = (r: ModulResultat, u: string) => (r.vist ? r.utsagn.find((x) => x.utsagnId === u && x.vist) : undefined);

describe("min-N for modultilbakemelding (ADR 0023)", () => {
  it("skal bygge eierens «samlet» bare av viste barnehager og viste utsagn", () => {
    fc.assert(
      fc.property(modulVerden, (v) => {
        const { perBarnehage, samlet } = modulVisninger(v);
        const viste = perBarnehage.filter((r) => r.vist);
        expect(samlet.vist).toBe(viste.length > 0);
        expect(samlet.antallSvar).toBe(viste.reduce((s, r) => s + r.antallSvar, 0));
        expect(samlet.antallBarnehager).toBe(viste.length);
        if (!samlet.vist) return;
        for (const u of MODUL_UTSAGN) {
          const deler = viste.map((r) => vistUtsagn(r, u)).filter((x) => x !== undefined) as Extract<ReturnType<typeof vistUtsagn>, { vist: true }>[];
          const s = vistUtsagn(samlet, u) as (typeof deler)[number] | undefined;
          expect(s !== undefined).toBe(deler.length > 0);
          if (s) {
            expect(s.fordeling).toEqual(deler.reduce((a, d) => a.map((x, i) => x + d.fordeling[i]!), [0, 0, 0, 0, 0]));
            expect(s.vetIkke).toBe(deler.reduce((a, d) => a + d.vetIkke, 0));
          }
        }
      }),
      { numRuns: KJORINGER },
    );
  });

  it("skal vise det samme når svarene i en skjult barnehage eller et skjult utsagn endres", () => {
    fc.assert(
      fc.property(modulVerden, fc.nat(), fc.array(fc.integer({ min: 0, max: 29 }), { minLength: 1, maxLength: 10 }), (v, valg, nye) => {
        const skjulte: { b: number; u: number | null }[] = [];
        v.forEach((svar, b) => {
          if (!vises(svar.length)) skjulte.push({ b, u: null });
          else MODUL_UTSAGN.forEach((_, u) => !vises(svar.filter((p) => p[u] !== null).length) && skjulte.push({ b, u }));
        });
        fc.pre(skjulte.length > 0);
        const s = skjulte[valg % skjulte.length]!;
        let k = 0;
        const neste = () => nye[k++ % nye.length]!;
        const endret = v.map((svar, b) =>
          b !== s.b
            ? svar
            : svar.map((p) =>
                p.map((x, u) => {
                  if (s.u === null) return neste() % 6 || null;
                  return u === s.u && x !== null ? (neste() % 5) + 1 : x;
                }),
              ),
        );
        // A hidden statement keeps its head count on the scale; a hidden barnehage may change anything but its size.
        expect(modulVisninger(endret)).toEqual(modulVisninger(v));
      }),
      { numRuns: KJORINGER },
    );
  });
});

describe("min-N for fremdrift (ADR 0023)", () => {
  const teamArb = fc.array(
    fc.integer({ min: 0, max: 2 * MIN_SVAR - 1 }).chain((medlemmer) => fc.record({ medlemmer: fc.constant(medlemmer), antall: fc.integer({ min: 0, max: medlemmer }) })),
    { maxLength: 5 },
  );
  /** As on the leader's dashboard: the share per team, or null below the minimum. */
  const somLederen = (team: { medlemmer: number; antall: number }[]) =>
    team.map((t) => ({ medlemmer: t.medlemmer, reflektert: vises(t.medlemmer) ? { antall: t.antall, av: t.medlemmer } : null }));

  it("skal gi eieren summen av lederens viste team og aldri et skjult team", () => {
    fc.assert(
      fc.property(teamArb, fc.nat(), fc.nat(), (team, valg, nyttAntall) => {
        const leder = somLederen(team);
        const viste = leder.filter((t) => t.reflektert !== null);
        const total = reflektertTotal(leder);
        expect(total).toEqual(viste.length ? { antall: viste.reduce((s, t) => s + t.reflektert!.antall, 0), av: viste.reduce((s, t) => s + t.reflektert!.av, 0) } : null);
        const skjulte = team.flatMap((t, i) => (vises(t.medlemmer) ? [] : [i]));
        if (skjulte.length === 0) return;
        const i = skjulte[valg % skjulte.length]!;
        const endret = team.map((t, j) => (j === i ? { ...t, antall: nyttAntall % (t.medlemmer + 1) } : t));
        expect(reflektertTotal(somLederen(endret))).toEqual(total);
      }),
      { numRuns: KJORINGER },
    );
  });
});

describe("synligTotal", () => {
  it("skal summere bare viste deler, og skjule en total uten viste deler", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ antall: fc.nat({ max: 12 }), vist: fc.boolean(), verdi: fc.nat({ max: 100 }) })), (deler) => {
        const med = deler.filter((d) => d.vist && d.antall >= MIN_SVAR);
        const t = synligTotal(deler, (a, b) => a + b);
        expect(t).toEqual(med.length ? { antall: med.reduce((s, d) => s + d.antall, 0), vist: true, verdi: med.reduce((s, d) => s + d.verdi, 0), deler: med.length } : { antall: 0, vist: false, verdi: null, deler: 0 });
      }),
      { numRuns: KJORINGER },
    );
  });
});
