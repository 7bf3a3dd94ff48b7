/**
 * Pure helpers for scripts/lag-filmer.ts: splitting lines into sentences and caption cues, timing
 * them, and formatting WebVTT. No I/O here. The pictures and the timeline are in scripts/film/.
 */

/** A cue; `stemme` (who speaks) becomes a WebVTT voice tag <v Per>. */
export type Cue = { start: number; slutt: number; tekst: string; stemme?: string };

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

/** All cue texts for a line, sentence by sentence. */
export function lagCuetekster(tale: string): string[] {
  return delISetninger(tale).flatMap(delSetningICuer);
}

/**
 * Cue texts where short sentences that fit two caption lines together share one cue, so that
 * «Leke? Vi leke?» is one cue of three seconds rather than two cues of one and a half.
 */
export function samleCuetekster(tekst: string): string[] {
  const samlet: string[] = [];
  for (const del of lagCuetekster(tekst)) {
    const forrige = samlet.at(-1);
    if (forrige !== undefined && formaterCuetekst(`${forrige} ${del}`) !== undefined) samlet[samlet.length - 1] = `${forrige} ${del}`;
    else samlet.push(del);
  }
  return samlet;
}

/**
 * Times cue texts back to back across [start, start + varighet], each in proportion to its length
 * (reading time grows with the number of characters).
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

/** "1:05" for a summary line. */
export function formaterVarighet(sekunder: number): string {
  const s = Math.round(sekunder);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/**
 * The sound of a film as an ffmpeg lavfi source: a quiet, muffled room tone (brown noise between
 * 60 and 500 Hz, about −44 dB mean), different per film but the same on every run, faded in and out.
 */
export function romlyd(filmId: string, varighet: number): string {
  let seed = 7;
  for (const c of filmId) seed = (seed * 31 + c.codePointAt(0)!) % 1_000_000;
  return `anoisesrc=color=brown:amplitude=0.5:seed=${seed}:sample_rate=24000,lowpass=f=500,highpass=f=60,volume=0.1,afade=t=in:d=1,afade=t=out:st=${Math.max(0, varighet - 1).toFixed(2)}:d=1`;
}
