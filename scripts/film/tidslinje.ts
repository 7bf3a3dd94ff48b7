/**
 * The film's timeline, computed from the manuscript alone (pure, no I/O): when each scene and each
 * line starts and ends, the caption cues and description cues per language, and the state of every
 * person at any time t (where they stand, where they look, whether their mouth moves). The renderer
 * draws frames from this, and the tests compare the committed WebVTT files with it.
 */
import { createHash } from "node:crypto";
import type { FilmManus, Spraak } from "../../app/domain/innhold/innhold.schema.ts";
import { samleCuetekster, tidfestCuer, type Cue } from "../lag-filmer-lib.ts";
import type { Gest } from "./person.ts";
import { ROLLER, erBarn } from "./roller.ts";
import { STEDER } from "./steder.ts";

export type Scene = FilmManus["scener"][number];
export type PersonIScene = Scene["personer"][number];

export type PlanlagtReplikk = { hvem: string; til?: string; start: number; slutt: number; tekst: Record<Spraak, string> };
export type PlanlagtScene = {
  indeks: number;
  start: number;
  slutt: number;
  scene: Scene;
  replikker: PlanlagtReplikk[];
  /** Absolute time each pictogram appears (those already on the previous board: at scene start). */
  ikoner: { id: string; fra: number }[];
};
export type FilmPlan = { varighet: number; scener: PlanlagtScene[] };

/** Frames per second of every film: smooth enough for walking and mouths, and small files. */
export const BILDER_PER_SEKUND = 12;
export const FART_VOKSEN = 260; // px per second
export const FART_BARN = 210;
const UTENFOR = 160; // how far outside the picture people start and end when they walk in or out
const MELLOMROM = 0.35; // pause between two lines
const SLUTTPAUSE = 0.8; // after the last line of a scene

/**
 * Reading time for a caption line: 0.8 s plus 14 characters a second, at least 2 s. Somewhat
 * slower than TV subtitles (about 17), since many read Norwegian as a second language.
 */
export function lesetid(tekst: string): number {
  return Math.min(9, Math.max(2, 0.8 + tekst.length / 14));
}

function fart(navn: string): number {
  return erBarn(navn) ? FART_BARN : FART_VOKSEN;
}

function startX(p: PersonIScene): number {
  if (p.inn === "venstre") return -UTENFOR;
  if (p.inn === "hoyre") return 1280 + UTENFOR;
  return p.x;
}

function gangtid(navn: string, fra: number, til: number): number {
  return Math.abs(til - fra) / fart(navn);
}

/** The x where a person stands before walking out (after an optional `til`). */
function sluttX(p: PersonIScene): number {
  return p.til ?? p.x;
}

function utTid(p: PersonIScene): number {
  if (!p.ut) return 0;
  return gangtid(p.navn, sluttX(p), p.ut === "venstre" ? -UTENFOR : 1280 + UTENFOR);
}

export function planleggFilm(manus: FilmManus): FilmPlan {
  let t = 0;
  const scener: PlanlagtScene[] = [];
  let forrigeTavle: string[] = [];
  for (const [indeks, scene] of manus.scener.entries()) {
    const inngang = Math.max(0, ...scene.personer.filter((p) => p.inn).map((p) => gangtid(p.navn, startX(p), p.x)));
    let tid = t + (inngang > 0 ? Math.min(inngang, 2.5) : 0.8);
    const replikker: PlanlagtReplikk[] = [];
    for (const r of scene.replikker) {
      const varighet = lesetid(`${r.hvem}: ${r.nb}`.length > `${r.hvem}: ${r.nn}`.length ? `${r.hvem}: ${r.nb}` : `${r.hvem}: ${r.nn}`);
      replikker.push({ hvem: r.hvem, til: r.til, start: tid, slutt: tid + varighet, tekst: { nb: r.nb, nn: r.nn } });
      tid += varighet + MELLOMROM;
    }
    const utgang = Math.max(0, ...scene.personer.map(utTid));
    const vandring = Math.max(0, ...scene.personer.filter((p) => p.til !== undefined).map((p) => (p.ved ?? 0) + gangtid(p.navn, p.x, p.til!)));
    const innhold = replikker.length > 0 ? replikker.at(-1)!.slutt - t + SLUTTPAUSE : 0;
    const varighet = rund(Math.max(scene.varighet ?? 0, innhold + utgang, inngang + 1.5, vandring + 1 + utgang, 3));
    const slutt = t + varighet;
    const nye = scene.tavle.filter((id) => !forrigeTavle.includes(id));
    const ikoner = scene.tavle.map((id) => {
      const k = nye.indexOf(id);
      if (k === -1) return { id, fra: t };
      // New pictograms come with the lines: the k-th new one with the k-th line, or spread evenly.
      const fra = replikker.length >= nye.length ? replikker[k]!.start + 0.3 : t + 0.6 + (k * (varighet - 1.5)) / nye.length;
      return { id, fra };
    });
    scener.push({ indeks, start: t, slutt, scene, replikker, ikoner });
    forrigeTavle = scene.tavle;
    t = slutt;
  }
  return { varighet: t, scener };
}

/** To whole tenths, so the cue times are stable and readable. */
function rund(s: number): number {
  return Math.ceil(s * 10 - 1e-6) / 10;
}

export function scenePaTid(plan: FilmPlan, t: number): PlanlagtScene {
  return plan.scener.find((s) => t >= s.start && t < s.slutt) ?? plan.scener.at(-1)!;
}

/** Caption cues: one or more per line, the first with the speaker's name; the voice tag on all. */
export function tekstingCuer(plan: FilmPlan, sp: Spraak): Cue[] {
  const cuer: Cue[] = [];
  for (const scene of plan.scener) {
    for (const r of scene.replikker) {
      const tekster = samleCuetekster(`${r.hvem}: ${r.tekst[sp]}`);
      for (const c of tidfestCuer(tekster, r.start, r.slutt - r.start)) cuer.push({ ...c, stemme: r.hvem });
    }
  }
  return cuer;
}

/** Description cues: one per scene, lying within it. */
export function synstolkingCuer(plan: FilmPlan, sp: Spraak): Cue[] {
  return plan.scener.map((s) => ({ start: s.start + 0.1, slutt: s.slutt - 0.1, tekst: s.scene.synstolking[sp] }));
}

// ---------- The state of a frame ----------

export type PersonTilstand = {
  navn: string;
  x: number;
  y: number;
  blikk: number;
  munn: number;
  gange?: number;
  vink?: number;
  gest: Gest;
  sitter: boolean;
  pagulvet: boolean;
  blunker: boolean;
};
/** `morke` is 0 … 1: how far the picture has faded to black (between scenes and at the very end). */
export type Bildetilstand = { sted: string; scene: number; personer: PersonTilstand[]; ikoner: { id: string; skala: number }[]; morke: number };

export const OVERGANG = 0.3; // seconds of fade to and from black between two scenes

/** Fade through black between scenes, and out at the end; never at the start (the first frame is the poster). */
export function morkeVed(plan: FilmPlan, t: number): number {
  const scene = scenePaTid(plan, t);
  const sist = scene.indeks === plan.scener.length - 1;
  const inn = scene.indeks === 0 ? 0 : 1 - (t - scene.start) / OVERGANG;
  const ut = 1 - (scene.slutt - t) / (sist ? 3 * OVERGANG : OVERGANG);
  return Math.max(0, Math.min(1, Math.max(inn, ut)));
}

function hash(tekst: string): number {
  let h = 0;
  for (const c of tekst) h = (h * 31 + c.codePointAt(0)!) >>> 0;
  return h;
}

/** Where a person is at scene time s (seconds since the scene started), and whether they walk. */
function posisjon(p: PersonIScene, s: number, sceneLengde: number): { x: number; gar: boolean } {
  let x = startX(p);
  let gar = false;
  if (p.inn) {
    const tid = gangtid(p.navn, x, p.x);
    if (s < tid) return { x: x + (p.x - x) * (s / tid), gar: true };
  }
  x = p.x;
  if (p.til !== undefined) {
    const fra = p.ved ?? 0;
    const tid = gangtid(p.navn, p.x, p.til);
    if (s >= fra && s < fra + tid) return { x: p.x + (p.til - p.x) * ((s - fra) / tid), gar: true };
    if (s >= fra + tid) x = p.til;
  }
  if (p.ut) {
    const tid = utTid(p);
    const fra = sceneLengde - tid;
    const mal = p.ut === "venstre" ? -UTENFOR : 1280 + UTENFOR;
    if (s >= fra) {
      gar = true;
      x = x + (mal - x) * Math.min(1, (s - fra) / tid);
    }
  }
  return { x, gar };
}

function talendeVed(scene: PlanlagtScene, t: number): PlanlagtReplikk | undefined {
  return scene.replikker.find((r) => t >= r.start && t < r.slutt);
}

function forrigeTalende(scene: PlanlagtScene, t: number, navn: string): string | undefined {
  return [...scene.replikker].reverse().find((r) => r.start <= t && r.hvem !== navn)?.hvem;
}

function blikkMot(fra: number, til: number | undefined): number {
  if (til === undefined) return 0;
  const d = til - fra;
  return Math.max(-1, Math.min(1, d / 160));
}

function blikkMal(scene: PlanlagtScene, p: PersonIScene, t: number, xer: Map<string, { x: number; gar: boolean }>, meg: { x: number; gar: boolean }, forrigeX: number): number {
  if (meg.gar) return Math.sign(meg.x - forrigeX) * 0.9;
  const talende = talendeVed(scene, t);
  if (talende?.hvem === p.navn) {
    const mal = talende.til ?? forrigeTalende(scene, t, p.navn) ?? p.ser ?? naermeste(p.navn, meg.x, xer);
    return blikkMot(meg.x, mal ? xer.get(mal)?.x : undefined);
  }
  const mal = talende?.hvem ?? p.ser;
  return blikkMot(meg.x, mal ? xer.get(mal)?.x : undefined);
}

function naermeste(navn: string, x: number, xer: Map<string, { x: number }>): string | undefined {
  let best: string | undefined;
  let avstand = Infinity;
  for (const [annen, pos] of xer) {
    if (annen === navn) continue;
    if (Math.abs(pos.x - x) < avstand) {
      avstand = Math.abs(pos.x - x);
      best = annen;
    }
  }
  return best;
}

export function tilstand(plan: FilmPlan, t: number): Bildetilstand {
  const scene = scenePaTid(plan, t);
  const s = t - scene.start;
  const lengde = scene.slutt - scene.start;
  const sted = STEDER[scene.scene.sted]!;
  const xer = new Map(scene.scene.personer.map((p) => [p.navn, posisjon(p, s, lengde)]));
  const talende = talendeVed(scene, t);
  const personer = scene.scene.personer.map((p): PersonTilstand => {
    const meg = xer.get(p.navn)!;
    // Looking turns smoothly: the average target over the last 0.3 s.
    const blikk =
      [0, 0.1, 0.2, 0.3].reduce((sum, d) => {
        const tid = Math.max(scene.start, t - d);
        const xerDa = new Map(scene.scene.personer.map((q) => [q.navn, posisjon(q, tid - scene.start, lengde)]));
        const megDa = xerDa.get(p.navn)!;
        const forrige = posisjon(p, Math.max(0, tid - scene.start - 0.05), lengde).x;
        return sum + blikkMal(scene, p, tid, xerDa, megDa, forrige);
      }, 0) / 4;
    const h = hash(p.navn);
    const snakker = talende?.hvem === p.navn && t - talende.start < (talende.slutt - talende.start) * 0.92;
    const munn = snakker ? Math.max(0, Math.sin(t * 11 + h) * 0.6 + Math.sin(t * 17.3 + h) * 0.4) : 0;
    const blinkPeriode = 3.2 + (h % 17) / 10;
    return {
      navn: p.navn,
      x: meg.x,
      y: sted.gulv.topp + p.dybde * (sted.gulv.bunn - sted.gulv.topp),
      blikk,
      munn,
      gange: meg.gar ? (t * (erBarn(p.navn) ? 11 : 8)) % (Math.PI * 2) : undefined,
      vink: p.gest === "vinker" ? t * 7 : undefined,
      gest: p.gest ?? "ingen",
      sitter: p.sitter,
      pagulvet: p.pagulvet,
      blunker: (t + (h % 29) / 10) % blinkPeriode < 0.14,
    };
  });
  personer.sort((a, b) => a.y - b.y);
  const ikoner = scene.ikoner.filter((i) => t >= i.fra).map((i) => ({ id: i.id, skala: Math.min(1, (t - i.fra) / 0.35) }));
  return { sted: scene.scene.sted, scene: scene.indeks, personer, ikoner, morke: morkeVed(plan, t) };
}

/** Names in the scene that the library does not know (for the manuscript test). */
export function ukjenteNavn(scene: Scene): string[] {
  const navn = [...scene.personer.map((p) => p.navn), ...scene.replikker.flatMap((r) => [r.hvem, ...(r.til ? [r.til] : [])]), ...scene.personer.flatMap((p) => (p.ser ? [p.ser] : []))];
  return [...new Set(navn.filter((n) => !(n in ROLLER)))];
}

/** The NOTE at the top of every generated WebVTT file. */
export function merknad(modulmappe: string, filmId: string): string {
  return `Laget av scripts/lag-filmer.ts fra manuset moduler/${modulmappe}/filmer/${filmId}.yaml. Ikke rediger denne fila; endre manuset og kjør skriptet på nytt.`;
}

/**
 * A fingerprint of everything the pictures depend on: places, people, pictograms and the timing of
 * every scene and line, but not the words (captions and descriptions are separate files). The
 * renderer writes it into the mp4 (comment=samla-bilder:…), the script skips films whose video
 * already has it, and the tests fail when a manuscript change has made a committed video stale.
 */
/** Bump when the drawing changes in a way every film must be rendered again for (2: fades between scenes). */
export const BILDEVERSJON = 2;

export function bildeHash(plan: FilmPlan, bilderPerSekund: number): string {
  const data = plan.scener.map((s) => ({
    start: s.start,
    slutt: s.slutt,
    sted: s.scene.sted,
    personer: s.scene.personer,
    ikoner: s.ikoner,
    replikker: s.replikker.map((r) => [r.hvem, r.til ?? null, r.start, r.slutt]),
  }));
  return createHash("sha256").update(JSON.stringify({ BILDEVERSJON, bilderPerSekund, data })).digest("hex").slice(0, 16);
}

/** The fingerprint in the first bytes of an mp4 made by the script (faststart puts the header first). */
export function bildemerkeI(mp4Start: Uint8Array): string | undefined {
  return /samla-bilder:([0-9a-f]{16})/.exec(Buffer.from(mp4Start).toString("latin1"))?.[1];
}
