import type { Maler } from "./maler.schema.ts";

/**
 * Calibration (issue 14, ADR 0035): the team has watched the same case film, each on their own,
 * and shared their observations. This puts them side by side per category, and says for each of
 * the film's statements whether the observers agree. Pure: no database, no names beyond what the
 * caller hands in (the authors of shared observations, as with shared reflections).
 */
export type Svar = "ja" | "nei" | "usikker";
export const SVAR: readonly Svar[] = ["ja", "nei", "usikker"];

export type FilmObservasjon = { id: string; forfatterNavn: string; kategorier: Record<string, string>; valg: Record<string, Svar> };

export type UtsagnSammenligning = { id: string; ja: number; nei: number; usikker: number; ubesvart: number; enige: boolean };
export type KategoriSammenligning = {
  id: string;
  utsagn: UtsagnSammenligning[];
  /** How many statements everyone agrees on, and how many they do not. */
  enige: number;
  uenige: number;
  /** Each observer's own words for this category, in the order of `observasjoner`. */
  tekster: { id: string; forfatterNavn: string; tekst: string }[];
};

/**
 * Everyone who answered a statement gave the same clear answer (all «ja» or all «nei»), and at
 * least two did. «Usikker», or a mix, is something to talk about.
 */
export function erEnige(svar: Svar[]): boolean {
  if (svar.length < 2) return false;
  return svar.every((s) => s === "ja") || svar.every((s) => s === "nei");
}

export function sammenlign(maler: Pick<Maler, "kategorier" | "kalibrering">, observasjoner: FilmObservasjon[]): KategoriSammenligning[] {
  return maler.kategorier.map((k) => {
    const utsagn = maler.kalibrering.utsagn
      .filter((u) => u.kategori === k.id)
      .map((u) => {
        const svar = observasjoner.map((o) => o.valg[u.id]).filter((s): s is Svar => s !== undefined);
        return {
          id: u.id,
          ja: svar.filter((s) => s === "ja").length,
          nei: svar.filter((s) => s === "nei").length,
          usikker: svar.filter((s) => s === "usikker").length,
          ubesvart: observasjoner.length - svar.length,
          enige: erEnige(svar) && svar.length === observasjoner.length,
        };
      });
    const enige = utsagn.filter((u) => u.enige).length;
    return {
      id: k.id,
      utsagn,
      enige,
      uenige: observasjoner.length < 2 ? 0 : utsagn.length - enige,
      tekster: observasjoner.map((o) => ({ id: o.id, forfatterNavn: o.forfatterNavn, tekst: o.kategorier[k.id] ?? "" })),
    };
  });
}
