/**
 * Draws one person as SVG in a flat, illustrated style: front view, feet at (0, 0). The pose says
 * where they look (eyes, nose and head tilt follow), whether the mouth is open, the walking phase
 * (legs and arms swing), a gesture, and whether they sit. Pure string building, no DOM.
 */
import type { Utseende } from "./roller.ts";

export type Gest = "ingen" | "vinker" | "peker" | "hand-pa-hjertet" | "armer-ut";

export type Positur = {
  /** -1 = looks fully to the left of the picture, 0 = at the viewer, 1 = to the right. */
  blikk: number;
  munn: number; // 0 closed … 1 wide open
  /** Walking phase in radians; undefined = standing still. */
  gange?: number;
  gest: Gest;
  sitter: boolean;
  blunker: boolean;
  /** Waving phase in radians (the raised arm sways). */
  vink?: number;
  /** Seated on the floor (samlingsstund) rather than on a chair. */
  pagulvet?: boolean;
};

type Mal = { ben: number; kropp: number; bredde: number; hode: number; skala: number };

export function mal(u: Utseende): Mal {
  if (u.rolle === "barn") {
    const a = u.alder ?? 0.5;
    return { ben: 62 + 22 * a, kropp: 64 + 16 * a, bredde: 58 + 8 * a, hode: 36, skala: 0.72 + 0.12 * a };
  }
  return { ben: 128, kropp: 108, bredde: 74, hode: 35, skala: 1 };
}

/** Height in pixels from feet to the top of the head, standing. */
export function hoyde(u: Utseende): number {
  const m = mal(u);
  return (m.ben + m.kropp + 12 + 2 * m.hode) * m.skala;
}

const f = (n: number) => (Math.round(n * 10) / 10).toString();

function morkere(hex: string, faktor = 0.8): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const r = Math.round(((n >> 16) & 255) * faktor);
  const g = Math.round(((n >> 8) & 255) * faktor);
  const b = Math.round((n & 255) * faktor);
  return `#${((r << 16) | (g << 8) | b).toString(16).padStart(6, "0")}`;
}

export function tegnPerson(u: Utseende, p: Positur, id: string): string {
  const m = mal(u);
  const deler: string[] = [];
  const hofte = -m.ben;
  const skulder = hofte - m.kropp;
  const hodeY = skulder - 10 - m.hode;
  const sving = p.gange === undefined ? 0 : Math.sin(p.gange) * 22;
  const hopp = p.gange === undefined ? 0 : -Math.abs(Math.sin(p.gange)) * 4;
  const hb = m.bredde / 2;
  const sko = "#2B2B2B";

  // Wheelchair seen from the front: a backrest behind the person, two big wheels at the sides.
  const SETE = -100;
  if (u.rullestol) {
    deler.push(`<rect x="${-hb + 2}" y="${SETE - 150}" width="${m.bredde - 4}" height="150" rx="8" fill="#3A3A3A"/>`);
    for (const side of [-1, 1]) {
      deler.push(`<line x1="${side * (hb - 6)}" y1="${SETE - 150}" x2="${side * (hb + 4)}" y2="${SETE - 160}" stroke="#3A3A3A" stroke-width="7" stroke-linecap="round"/>`);
    }
  }
  const sittende = p.sitter || u.rullestol;
  // Legs
  const benfarge = u.underdel;
  if (sittende && !p.pagulvet) {
    // Sitting on a chair (or in the wheelchair): thighs towards the viewer, shins down.
    const sete = u.rullestol ? SETE : hofte + m.ben * 0.45;
    deler.push(
      `<rect x="${-hb + 4}" y="${f(sete - 8)}" width="${hb - 6}" height="${f(-sete - 12)}" rx="10" fill="${benfarge}"/>`,
      `<rect x="4" y="${f(sete - 8)}" width="${hb - 6}" height="${f(-sete - 12)}" rx="10" fill="${benfarge}"/>`,
      `<ellipse cx="${-hb / 2 + 2}" cy="-8" rx="${hb / 2 + 4}" ry="9" fill="${sko}"/>`,
      `<ellipse cx="${hb / 2 - 2}" cy="-8" rx="${hb / 2 + 4}" ry="9" fill="${sko}"/>`,
    );
  } else if (p.pagulvet) {
    deler.push(`<ellipse cx="0" cy="-14" rx="${f(hb * 1.9)}" ry="18" fill="${benfarge}"/>`);
  } else {
    for (const side of [-1, 1]) {
      const vinkel = side * sving;
      const x = side * (hb / 2 - 2);
      deler.push(
        `<g transform="translate(${f(x)} ${f(hofte)}) rotate(${f(vinkel)})">` +
          (u.skjort ? "" : `<rect x="-12" y="0" width="24" height="${f(m.ben - 8)}" rx="10" fill="${benfarge}"/>`) +
          (u.skjort ? `<rect x="-7" y="0" width="14" height="${f(m.ben - 8)}" rx="6" fill="${u.hud}"/>` : "") +
          `<ellipse cx="${side * 4}" cy="${f(m.ben - 6)}" rx="17" ry="9" fill="${sko}"/></g>`,
      );
    }
  }

  const kroppY = hopp + (sittende && !p.pagulvet ? (u.rullestol ? SETE - hofte : m.ben * 0.45) : p.pagulvet ? m.ben - 24 : 0);
  const k: string[] = [];
  // Arms behind the torso for swing; gesture arm drawn after
  const armLengde = m.kropp * 0.95;
  const arm = (side: number, vinkel: number) =>
    `<g transform="translate(${f(side * (hb - 4))} ${f(skulder + 10)}) rotate(${f(vinkel)})">` +
    `<rect x="-10" y="-6" width="20" height="${f(armLengde)}" rx="10" fill="${morkere(u.overdel, 0.9)}"/>` +
    `<circle cx="0" cy="${f(armLengde)}" r="10" fill="${u.hud}"/></g>`;
  let venstre = -sving * 0.8 + 8;
  let hoyre = sving * 0.8 - 8;
  if (p.gest === "vinker") hoyre = -155 + Math.sin(p.vink ?? 0) * 18;
  if (p.gest === "peker") hoyre = p.blikk >= 0 ? -95 : 95;
  if (p.gest === "peker" && p.blikk < 0) {
    venstre = 95;
    hoyre = -8;
  }
  if (p.gest === "hand-pa-hjertet") hoyre = 35;
  if (p.gest === "armer-ut") {
    venstre = 55;
    hoyre = -55;
  }
  k.push(arm(-1, venstre), arm(1, hoyre));
  // Torso (dress/top)
  if (u.hijab) {
    k.push(`<path d="M${-hb - 6},${skulder + 4} Q0,${skulder - 30} ${hb + 6},${skulder + 4} L${hb + 2},${skulder + 40} L${-hb - 2},${skulder + 40} Z" fill="${u.hijab}"/>`);
  }
  k.push(`<rect x="${-hb}" y="${f(skulder)}" width="${m.bredde}" height="${f(m.kropp + (u.skjort ? 10 : 4))}" rx="${f(hb * 0.55)}" fill="${u.overdel}"/>`);
  if (u.skjort) k.push(`<path d="M${-hb},${f(hofte - 10)} L${hb},${f(hofte - 10)} L${hb + 10},${f(hofte + 16)} L${-hb - 10},${f(hofte + 16)} Z" fill="${u.overdel}"/>`);
  else k.push(`<rect x="${-hb}" y="${f(hofte - 12)}" width="${m.bredde}" height="14" rx="6" fill="${benfarge}"/>`);
  // Neck
  k.push(`<rect x="-9" y="${f(skulder - 12)}" width="18" height="16" fill="${morkere(u.hud, 0.92)}"/>`);

  // Head, turned by the look direction
  const dx = p.blikk * 7;
  const tilt = p.blikk * 6;
  const h: string[] = [];
  const r = m.hode;
  const harFarge = u.har.farge;
  // Hair behind the head
  if (u.hijab) {
    h.push(`<ellipse cx="0" cy="2" rx="${r + 9}" ry="${r + 11}" fill="${u.hijab}"/>`);
  } else if (u.har.stil === "langt") {
    h.push(`<path d="M${-r - 4},-4 Q${-r - 8},${r + 34} ${-r + 6},${r + 40} L${r - 6},${r + 40} Q${r + 8},${r + 34} ${r + 4},-4 Z" fill="${harFarge}"/>`);
  } else if (u.har.stil === "fletter") {
    for (const s of [-1, 1]) h.push(`<path d="M${s * (r - 2)},4 q${s * 12},20 ${s * 4},${r + 18}" stroke="${harFarge}" stroke-width="11" fill="none" stroke-linecap="round"/>`, `<circle cx="${s * (r + 3)}" cy="${r + 22}" r="5" fill="#E63946"/>`);
  } else if (u.har.stil === "hestehale") {
    h.push(`<path d="M${r - 8},${-r + 6} q${r * 0.9},6 ${r * 0.55},${r * 1.25}" stroke="${harFarge}" stroke-width="14" fill="none" stroke-linecap="round"/>`);
  } else if (u.har.stil === "krøller") {
    for (let i = 0; i < 9; i++) {
      const v = (Math.PI * (i + 0.5)) / 9 + Math.PI;
      h.push(`<circle cx="${f(Math.cos(v) * (r + 2))}" cy="${f(Math.sin(v) * (r + 2) + 6)}" r="${f(r * 0.42)}" fill="${harFarge}"/>`);
    }
  }
  // Ears and face
  if (!u.hijab) h.push(`<circle cx="${-r + 1 + dx * 0.3}" cy="4" r="7" fill="${morkere(u.hud, 0.93)}"/>`, `<circle cx="${r - 1 + dx * 0.3}" cy="4" r="7" fill="${morkere(u.hud, 0.93)}"/>`);
  h.push(`<ellipse cx="0" cy="0" rx="${r}" ry="${r + 3}" fill="${u.hud}"/>`);
  // Hair on top
  if (u.hijab) {
    h.push(`<path d="M${-r - 2},2 Q${-r},${-r - 12} 0,${-r - 10} Q${r},${-r - 12} ${r + 2},2 Q${r - 4},${-r + 4} 0,${-r + 4} Q${-r + 4},${-r + 4} ${-r - 2},2 Z" fill="${u.hijab}"/>`);
  } else if (u.har.stil !== "skallet") {
    const topp = u.har.stil === "krøller" ? r + 8 : r + 5;
    h.push(`<path d="M${-r - 1},-2 Q${-r},${-topp} ${f(dx * 0.5)},${-topp} Q${r},${-topp} ${r + 1},-2 Q${r - 6},${-r + 8} ${f(r * 0.2 + dx)},${-r + 10} Q${-r * 0.3},${-r + 4} ${-r + 4},${-r + 14} Z" fill="${harFarge}"/>`);
    if (u.har.stil === "knute") h.push(`<circle cx="${f(dx * 0.4)}" cy="${-r - 10}" r="${f(r * 0.38)}" fill="${harFarge}"/>`);
    if (u.har.stil === "sidesveis") h.push(`<path d="M${-r + 2},${-r + 12} Q${-4},${-r - 6} ${r - 4},${-r + 16} Q${6},${-r + 4} ${-r + 2},${-r + 12} Z" fill="${morkere(harFarge, 0.85)}"/>`);
  } else {
    h.push(`<path d="M${-r},-4 Q${-r + 2},-14 ${-r + 8},-16 L${-r + 8},4 Z" fill="${harFarge}"/>`, `<path d="M${r},-4 Q${r - 2},-14 ${r - 8},-16 L${r - 8},4 Z" fill="${harFarge}"/>`);
  }
  // Eyes
  const oyeY = 2;
  const oyeX = r * 0.38;
  const pupill = p.blikk * 3.5;
  for (const s of [-1, 1]) {
    const cx = s * oyeX + dx;
    if (p.blunker) h.push(`<path d="M${f(cx - 6)},${oyeY} q6,3 12,0" stroke="#2B2B2B" stroke-width="2.5" fill="none" stroke-linecap="round"/>`);
    else h.push(`<ellipse cx="${f(cx)}" cy="${oyeY}" rx="6.5" ry="7.5" fill="#FFFFFF"/>`, `<circle cx="${f(cx + pupill)}" cy="${oyeY + 1}" r="4" fill="#2B2B2B"/>`);
    h.push(`<path d="M${f(cx - 7)},${oyeY - 12} q7,-4 14,0" stroke="${u.hijab ? "#2B2B2B" : morkere(harFarge, 0.7)}" stroke-width="3" fill="none" stroke-linecap="round"/>`);
  }
  if (u.briller) {
    for (const s of [-1, 1]) h.push(`<circle cx="${f(s * oyeX + dx)}" cy="${oyeY}" r="11" fill="none" stroke="#3A3A3A" stroke-width="2.5"/>`);
    h.push(`<line x1="${f(-oyeX + dx + 11)}" y1="${oyeY}" x2="${f(oyeX + dx - 11)}" y2="${oyeY}" stroke="#3A3A3A" stroke-width="2.5"/>`);
  }
  // Nose and cheeks
  h.push(`<path d="M${f(dx * 1.4)},${oyeY + 6} q${f(3 + p.blikk * 3)},7 ${f(-1 + p.blikk * 2)},10" stroke="${morkere(u.hud, 0.75)}" stroke-width="2.5" fill="none" stroke-linecap="round"/>`);
  for (const s of [-1, 1]) h.push(`<circle cx="${f(s * r * 0.55 + dx)}" cy="${oyeY + 16}" r="6" fill="#E88" opacity="0.25"/>`);
  if (u.skjegg) h.push(`<path d="M${-r + 4},8 Q${-r + 6},${r + 10} ${f(dx)},${r + 8} Q${r - 6},${r + 10} ${r - 4},8 Q${r * 0.4},${r * 0.5} ${f(dx)},${r * 0.55} Q${-r * 0.4},${r * 0.5} ${-r + 4},8 Z" fill="${morkere(harFarge, 0.9)}" opacity="0.85"/>`);
  // Mouth
  const munnY = oyeY + 22;
  if (p.munn > 0.05) {
    h.push(`<ellipse cx="${f(dx * 1.1)}" cy="${munnY + 2}" rx="${f(7 + p.munn * 2)}" ry="${f(2 + p.munn * 6)}" fill="#7A2E2E"/>`);
  } else {
    h.push(`<path d="M${f(dx * 1.1 - 8)},${munnY} q8,6 16,0" stroke="#7A2E2E" stroke-width="3" fill="none" stroke-linecap="round"/>`);
  }

  k.push(`<g transform="translate(0 ${f(hodeY)}) rotate(${f(tilt)})">${h.join("")}</g>`);
  // Gesture arm in front of the torso for the hand on the heart
  deler.push(`<g transform="translate(0 ${f(kroppY)})">${k.join("")}</g>`);
  if (u.rullestol) {
    for (const side of [-1, 1]) {
      const x = side * (hb + 16);
      const eiker = [0, 1, 2].map((i) => {
        const y = -56 + Math.sin((p.gange ?? 0) + (i * Math.PI) / 3) * 50;
        return `<line x1="${x - 6}" y1="${f(y)}" x2="${x + 6}" y2="${f(y)}" stroke="#888" stroke-width="3"/>`;
      });
      deler.push(`<ellipse cx="${x}" cy="-56" rx="11" ry="56" fill="#5A5A5A" stroke="#2E2E2E" stroke-width="6"/>`, ...eiker);
    }
    deler.push(`<rect x="${-hb - 4}" y="${SETE - 4}" width="${m.bredde + 8}" height="10" rx="4" fill="#2E2E2E"/>`);
  }
  return `<g data-person="${id}" transform="scale(${m.skala})">${deler.join("")}</g>`;
}
