/**
 * Pure helpers for scripts/lag-filmer.ts: splitting narration into sentences and caption cues,
 * planning scene timing, formatting WebVTT, and laying out and escaping text for ffmpeg drawtext.
 * No I/O here, so everything can be tested without ffmpeg or espeak-ng.
 */

/** A cue; `stemme` (who speaks) becomes a WebVTT voice tag <v Per>. */
export type Cue = { start: number; slutt: number; tekst: string; stemme?: string };

/** A scene on the shared timeline. Both languages use the same plan, so each VTT fits both videos. */
export type ScenePlan = {
  start: number;
  varighet: number;
  /** When narration starts, absolute seconds (after the lead-in for the first scene). */
  taleStart: number;
};

export const MAKS_LINJE = 42;
export const MAKS_LINJER = 2;

// Abbreviations that end in a full stop without ending the sentence. Most are also caught by
// "next word starts with a lower-case letter", but not when a name or number follows.
const FORKORTELSER = new Set(["f.eks.", "bl.a.", "osv.", "dvs.", "m.m.", "mm.", "ca.", "jf.", "kl.", "nr.", "pkt.", "kap.", "evt.", "ev.", "t.d.", "m.fl.", "mfl.", "o.l.", "iflg.", "jfr.", "bhg."]);

export function normaliserMellomrom(tekst: string): string {
  return tekst.replace(/\s+/g, " ").trim();
}

/** Splits narration into sentences, keeping the end punctuation with its sentence. */
export function delISetninger(tekst: string): string[] {
  const biter = normaliserMellomrom(tekst).split(/(?<=[.!?…]["»”’')\]]*)\s+/u).filter((b) => b !== "");
  const setninger: string[] = [];
  for (const bit of biter) {
    const forrige = setninger.at(-1);
    if (forrige !== undefined && fortsetterSetning(forrige, bit)) setninger[setninger.length - 1] = `${forrige} ${bit}`;
    else setninger.push(bit);
  }
  return setninger;
}

function fortsetterSetning(forrige: string, neste: string): boolean {
  const sisteOrd = forrige.split(" ").at(-1)!.toLowerCase();
  if (FORKORTELSER.has(sisteOrd)) return true;
  // "1. september", "f.eks. barna", "Og så … kanskje": lower case next means it was not an ending.
  return /^[\p{Ll}0-9]/u.test(neste);
}

type Uttale = [forkortelse: string, nb: string, nn: string];

// espeak-ng spells these out ("f punktum eks punktum") or skips them (§), so the narration gets the
// words written out. The captions keep the manuscript's own text.
const UTTALER: Uttale[] = [
  ["f.eks.", "for eksempel", "for eksempel"],
  ["t.d.", "til dømes", "til dømes"],
  ["bl.a.", "blant annet", "mellom anna"],
  ["osv.", "og så videre", "og så vidare"],
  ["dvs.", "det vil si", "det vil seie"],
  ["m.m.", "med mer", "med meir"],
  ["ca.", "cirka", "cirka"],
  ["kl.", "klokka", "klokka"],
  ["evt.", "eventuelt", "eventuelt"],
  ["jf.", "jamfør", "jamfør"],
  ["nr.", "nummer", "nummer"],
  ["§§", "paragrafene", "paragrafane"],
  ["§", "paragraf", "paragraf"],
];

const KAN_AVSLUTTE = new Set(["osv.", "m.m."]);

/** The text espeak-ng reads: abbreviations written out, "41–43" as "41 til 43". */
export function uttaletekst(tekst: string, sprak: "nb" | "nn"): string {
  let t = normaliserMellomrom(tekst);
  for (const [forkortelse, nb, nn] of UTTALER) {
    const ord = sprak === "nb" ? nb : nn;
    const stor = forkortelse[0]!.toUpperCase() + forkortelse.slice(1);
    const varianter = [...new Set([forkortelse, stor])].map((f) => f.replaceAll(".", "\\.")).join("|");
    // Not inside a word, and not run together with the next word ("kl.12" and "§42" are fine).
    const monster = new RegExp(`(?<![\\p{L}\\p{N}])(?:${varianter})(?!\\p{L})`, "gu");
    t = t.replace(monster, (treff: string, indeks: number, hele: string) => {
      const resten = hele.slice(indeks + treff.length);
      let erstatning = treff === forkortelse ? ord : ord[0]!.toUpperCase() + ord.slice(1);
      // "osv." at the end of a sentence also carried its full stop; keep that pause.
      if (KAN_AVSLUTTE.has(forkortelse) && /^(\s+\p{Lu}|\s*$)/u.test(resten)) erstatning += ".";
      if (/^\p{N}/u.test(resten)) erstatning += " ";
      return erstatning;
    });
  }
  return t.replace(/(\d)\s*[–-]\s*(?=\d)/g, "$1 til ");
}

/** Greedy word wrap. A single word longer than the width gets a line of its own rather than being cut. */
export function brytLinjer(tekst: string, bredde: number): string[] {
  const linjer: string[] = [];
  let linje = "";
  for (const ord of normaliserMellomrom(tekst).split(" ")) {
    if (ord === "") continue;
    if (linje === "") linje = ord;
    else if (linje.length + 1 + ord.length <= bredde) linje += ` ${ord}`;
    else {
      linjer.push(linje);
      linje = ord;
    }
  }
  if (linje !== "") linjer.push(linje);
  return linjer;
}

/**
 * Caption text as at most two lines of MAKS_LINJE characters, broken where the two lines are
 * most even (easier to read than a long line and a stub). Returns undefined if it does not fit.
 */
export function formaterCuetekst(tekst: string, maksLinje = MAKS_LINJE): string | undefined {
  const t = normaliserMellomrom(tekst);
  if (t.length <= maksLinje) return t;
  let best: string | undefined;
  let bestLengde = Infinity;
  for (let i = t.indexOf(" "); i !== -1; i = t.indexOf(" ", i + 1)) {
    const lengste = Math.max(i, t.length - i - 1);
    if (lengste <= maksLinje && lengste < bestLengde) {
      bestLengde = lengste;
      best = `${t.slice(0, i)}\n${t.slice(i + 1)}`;
    }
  }
  return best;
}

function passerICue(tekst: string): boolean {
  return formaterCuetekst(tekst) !== undefined;
}

/**
 * Splits one sentence into cue texts that each fit on two caption lines. Prefers breaking after
 * commas and dashes (natural pauses in speech), and only then between words, in even parts.
 */
export function delSetningICuer(setning: string): string[] {
  const s = normaliserMellomrom(setning);
  if (passerICue(s)) return [s];
  const ledd = s.split(/(?<=[,;:])\s+|\s+(?=[–—]\s)/u);
  const deler: string[] = [];
  let gjeldende = "";
  for (const l of ledd) {
    const samlet = gjeldende === "" ? l : `${gjeldende} ${l}`;
    if (passerICue(samlet)) {
      gjeldende = samlet;
      continue;
    }
    if (gjeldende !== "") deler.push(gjeldende);
    if (passerICue(l)) gjeldende = l;
    else {
      const biter = delJevnt(l);
      deler.push(...biter.slice(0, -1));
      gjeldende = biter.at(-1)!;
    }
  }
  if (gjeldende !== "") deler.push(gjeldende);
  return deler;
}

/** Splits text between words into the fewest parts of about equal length that each fit a cue. */
function delJevnt(tekst: string): string[] {
  const ord = tekst.split(" ");
  for (let antall = Math.ceil(tekst.length / (MAKS_LINJE * MAKS_LINJER)); antall < ord.length; antall++) {
    const deler = delIAntall(ord, antall);
    if (deler.every(passerICue)) return deler;
  }
  // Only reachable with words longer than a line (a URL); then one word per cue is the best we can do.
  return ord;
}

function delIAntall(ord: string[], antall: number): string[] {
  const total = ord.join(" ").length;
  const deler: string[][] = Array.from({ length: antall }, () => []);
  let posisjon = 0;
  for (const o of ord) {
    // Each word goes to the part its middle falls in, which keeps the parts even.
    const midt = posisjon + o.length / 2;
    deler[Math.min(antall - 1, Math.floor((midt / total) * antall))]!.push(o);
    posisjon += o.length + 1;
  }
  return deler.filter((d) => d.length > 0).map((d) => d.join(" "));
}

/** All cue texts for a scene's narration, sentence by sentence. */
export function lagCuetekster(tale: string): string[] {
  return delISetninger(tale).flatMap(delSetningICuer);
}

/**
 * Times cue texts back to back across [start, start + varighet], each in proportion to its length:
 * espeak-ng speaks at an even pace, so characters are a fair proxy for speaking time.
 */
export function tidfestCuer(tekster: string[], start: number, varighet: number): Cue[] {
  const total = tekster.reduce((sum, t) => sum + t.length, 0);
  let brukt = 0;
  return tekster.map((tekst) => {
    const fra = start + (brukt / total) * varighet;
    brukt += tekst.length;
    return { start: fra, slutt: start + (brukt / total) * varighet, tekst };
  });
}

/**
 * Scene timeline shared by both languages: each scene lasts as long as the longer narration plus a
 * pause, rounded up to whole video frames so that audio and pictures cannot drift apart over a film.
 */
export function planleggScener(
  taletider: number[],
  { innledning = 0.5, pause = 0.8, bildetid = 0.5 }: { innledning?: number; pause?: number; bildetid?: number } = {},
): ScenePlan[] {
  let start = 0;
  return taletider.map((tale, i) => {
    const forsinkelse = i === 0 ? innledning : 0;
    const varighet = rundOppTil(forsinkelse + tale + pause, bildetid);
    const plan = { start, varighet, taleStart: start + forsinkelse };
    start += varighet;
    return plan;
  });
}

function rundOppTil(verdi: number, steg: number): number {
  // The epsilon keeps 2.5000000001 (float noise) from becoming 3.
  return Math.ceil(verdi / steg - 1e-6) * steg;
}

/** WebVTT timestamp, always with hours: 00:01:02.345. */
export function formaterTidskode(sekunder: number): string {
  const ms = Math.max(0, Math.round(sekunder * 1000));
  const timer = Math.floor(ms / 3_600_000);
  const minutter = Math.floor(ms / 60_000) % 60;
  const sek = Math.floor(ms / 1000) % 60;
  const p = (n: number, l = 2) => String(n).padStart(l, "0");
  return `${p(timer)}:${p(minutter)}:${p(sek)}.${p(ms % 1000, 3)}`;
}

/** Cue payload is parsed as markup, so &, < and > must be written as entities. */
export function escapeVttTekst(tekst: string): string {
  return tekst.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A WebVTT file with a NOTE saying where it came from; cue text is broken into two even lines. */
export function lagVtt(cuer: Cue[], merknad: string): string {
  // "-->" would end a NOTE block early, and a blank line would end it too.
  const note = normaliserMellomrom(merknad).replace(/-->/g, "->");
  const blokker = cuer.map((c, i) => {
    const tekst = escapeVttTekst(formaterCuetekst(c.tekst) ?? c.tekst);
    // The annotation of a voice tag ends at ">", so the name must not contain it (or a line break).
    const med = c.stemme ? `<v ${c.stemme.replace(/[<>&\n]/g, "")}>${tekst}</v>` : tekst;
    return `${i + 1}\n${formaterTidskode(c.start)} --> ${formaterTidskode(c.slutt)}\n${med}`;
  });
  return `WEBVTT\n\nNOTE ${note}\n\n${blokker.join("\n\n")}\n`;
}

/**
 * Escapes a value for an ffmpeg filter option inside a filtergraph (paths for fontfile= and
 * textfile=). Two levels: the option parser treats \ ' : specially, then the filtergraph parser
 * treats \ ' [ ] , ; specially. See "Notes on filtergraph escaping" in the ffmpeg docs.
 */
export function escapeFilterverdi(verdi: string): string {
  const nivaa1 = verdi.replace(/[\\':]/g, "\\$&");
  return nivaa1.replace(/[\\'[\],;]/g, "\\$&");
}

/**
 * Escapes text for drawtext's text= option with the default expansion=normal, where \ and % are
 * special as well. The script itself writes text to a file and uses textfile= with expansion=none,
 * which needs no escaping of the text at all; this is for one-off filters and for comparison.
 */
export function escapeDrawtekst(tekst: string): string {
  return escapeFilterverdi(tekst.replace(/[\\%]/g, "\\$&"));
}

export type Skjermoppsett = { linjer: string[]; fontstorrelse: number };

/**
 * Chooses the font size and line breaks for the screen text. Large sizes must fit on two lines and
 * smaller ones on three, because two lines at 64 px read calmer than three at 72. drawtext cannot
 * measure or wrap, so width is estimated from an average glyph width.
 */
export function settOppSkjermtekst(
  tekst: string,
  { bredde = 1280, marg = 110, storrelser = [72, 64, 56, 48, 42, 36] }: { bredde?: number; marg?: number; storrelser?: number[] } = {},
): Skjermoppsett {
  // DejaVu Sans Bold measures about 0.58 em per character in Norwegian text; 0.62 leaves a margin.
  const tegnPerLinje = (str: number) => Math.floor((bredde - 2 * marg) / (str * 0.62));
  for (const str of storrelser) {
    const linjer = brytJevnt(tekst, tegnPerLinje(str));
    if (linjer.length <= (str >= 64 ? 2 : 3)) return { linjer, fontstorrelse: str };
  }
  const minste = storrelser.at(-1)!;
  return { linjer: brytJevnt(tekst, tegnPerLinje(minste)), fontstorrelse: minste };
}

/**
 * Wraps to as few lines as brytLinjer would, but with lines of even length (no lone last word).
 * Two lines break after a colon, comma or question mark when both halves fit, so "I leken: en
 * rolle som trengs" splits at the colon rather than in the middle of a phrase.
 */
export function brytJevnt(tekst: string, bredde: number): string[] {
  const antall = brytLinjer(tekst, bredde).length;
  if (antall === 2) {
    const t = normaliserMellomrom(tekst);
    const brudd = [...t.matchAll(/[,:;?!.] /g)]
      .map((m) => m.index + 1)
      .filter((i) => i <= bredde && t.length - i - 1 <= bredde)
      .sort((a, b) => Math.abs(a - t.length / 2) - Math.abs(b - t.length / 2));
    if (brudd[0] !== undefined) return [t.slice(0, brudd[0]), t.slice(brudd[0] + 1)];
  }
  let smalest = bredde;
  while (smalest > 1 && brytLinjer(tekst, smalest - 1).length <= antall) smalest--;
  return brytLinjer(tekst, smalest);
}

/** A calm, dark palette: white text on all of them has a contrast ratio above 7:1. */
export const PALETT = ["0x1F4E5F", "0x2E4A3F", "0x4A3B5C", "0x5A4232", "0x24395D", "0x3D4F2E"] as const;

/** Background per scene: varied within a film, and a different starting colour per film. */
export function bakgrunnsfarge(filmId: string, sceneIndeks: number): string {
  let hash = 0;
  for (const tegn of filmId) hash = (hash * 31 + tegn.codePointAt(0)!) >>> 0;
  return PALETT[(hash + sceneIndeks) % PALETT.length]!;
}

/** "1:05" for a summary line. */
export function formaterVarighet(sekunder: number): string {
  const s = Math.round(sekunder);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}
