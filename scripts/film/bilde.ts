/**
 * Builds the SVG for one frame from its state: the place's background, the pictograms on the
 * board, the people (back to front), and the place's foreground. The background and foreground
 * are the same for a whole scene, so the renderer sets them once per scene and only the middle
 * layer (`dynamisk`) per frame.
 */
import { IKONER } from "./ikoner.ts";
import { tegnPerson } from "./person.ts";
import { ROLLER } from "./roller.ts";
import { STEDER } from "./steder.ts";
import type { Bildetilstand } from "./tidslinje.ts";

export const BREDDE = 1280;
export const HOYDE = 720;

export function statisk(sted: string): { bakgrunn: string; forgrunn: string } {
  const s = STEDER[sted];
  if (!s) throw new Error(`ukjent sted: ${sted}`);
  return { bakgrunn: s.bakgrunn, forgrunn: s.forgrunn ?? "" };
}

export function dynamisk(b: Bildetilstand): string {
  const deler: string[] = [];
  const tavle = STEDER[b.sted]!.tavle;
  if (tavle && b.ikoner.length > 0) {
    const n = b.ikoner.length;
    const rader = n > 4 ? 2 : 1;
    const perRad = Math.ceil(n / rader);
    const celle = Math.min(tavle.b / perRad, tavle.h / rader);
    const skala = Math.min(1.5, (celle * 0.8) / 120);
    for (const [i, ikon] of b.ikoner.entries()) {
      const rad = Math.floor(i / perRad);
      const iRad = i % perRad;
      const antallIRad = rad === rader - 1 ? n - rad * perRad : perRad;
      const x = tavle.x + (tavle.b * (iRad + 0.5)) / antallIRad;
      const y = tavle.y + (tavle.h * (rad + 0.5)) / rader;
      // Pops in: grows from nothing with a small overshoot.
      const k = ikon.skala < 1 ? Math.sin(ikon.skala * Math.PI * 0.75) / Math.sin(Math.PI * 0.75) : 1;
      deler.push(`<g transform="translate(${x.toFixed(1)} ${y.toFixed(1)}) scale(${(skala * k).toFixed(3)})">${IKONER[ikon.id]!.svg}</g>`);
    }
  }
  for (const p of b.personer) {
    const u = ROLLER[p.navn];
    if (!u) throw new Error(`ukjent person: ${p.navn}`);
    if (p.x < -150 || p.x > BREDDE + 150) continue;
    deler.push(
      `<ellipse cx="${p.x.toFixed(1)}" cy="${(p.y + 2).toFixed(1)}" rx="${u.rolle === "barn" ? 34 : 46}" ry="9" fill="#000000" opacity="0.12"/>`,
      `<g transform="translate(${p.x.toFixed(1)} ${p.y.toFixed(1)})">${tegnPerson(u, { blikk: p.blikk, munn: p.munn, gange: p.gange, vink: p.vink, gest: p.gest, sitter: p.sitter, pagulvet: p.pagulvet, blunker: p.blunker }, p.navn)}</g>`,
    );
  }
  return deler.join("");
}

/** The top layer: black with the fade's opacity (empty when there is no fade). */
export function topplag(b: Bildetilstand): string {
  return b.morke > 0 ? `<rect width="${BREDDE}" height="${HOYDE}" fill="#000000" opacity="${b.morke.toFixed(3)}"/>` : "";
}

/** A whole frame as one SVG document (for stills and tests). */
export function helSvg(b: Bildetilstand): string {
  const { bakgrunn, forgrunn } = statisk(b.sted);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${BREDDE}" height="${HOYDE}" viewBox="0 0 ${BREDDE} ${HOYDE}">${bakgrunn}${dynamisk(b)}${forgrunn}${topplag(b)}</svg>`;
}
