/**
 * Checks that the audio description describes what is really on screen: every description cue
 * lies within one scene of the manuscript, and every person, place thing and pictogram it names is
 * in that scene (the people in `personer`, the things of its `sted`, the pictograms on its board).
 * Used by the tests against the committed WebVTT files; pure, no I/O.
 */
import type { Spraak } from "../../app/domain/innhold/innhold.schema.ts";
import { IKONER } from "./ikoner.ts";
import { navnITekst } from "./roller.ts";
import { STEDER } from "./steder.ts";
import type { FilmPlan } from "./tidslinje.ts";

export type VttCue = { start: number; slutt: number; tekst: string };

/** Reads the cues of a WebVTT file (timestamps and text; tags such as <v Per> removed). */
export function lesVtt(vtt: string): VttCue[] {
  const cuer: VttCue[] = [];
  for (const blokk of vtt.replace(/\r\n/g, "\n").split(/\n{2,}/)) {
    const linjer = blokk.split("\n");
    const i = linjer.findIndex((l) => l.includes("-->"));
    if (i === -1 || linjer[0]!.startsWith("NOTE")) continue;
    const [fra, til] = linjer[i]!.split("-->").map((d) => tidskode(d.trim().split(/\s+/)[0]!));
    const tekst = linjer
      .slice(i + 1)
      .join("\n")
      .replace(/<[^>]*>/g, "")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
    cuer.push({ start: fra!, slutt: til!, tekst });
  }
  return cuer;
}

function tidskode(t: string): number {
  const deler = t.split(":").map(Number);
  return deler.reduce((sum, d) => sum * 60 + d, 0);
}

/** Does the text contain the word? A trailing * in the word allows longer words. */
export function harOrd(tekst: string, ord: string): boolean {
  const prefiks = ord.endsWith("*");
  const kjerne = (prefiks ? ord.slice(0, -1) : ord).replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+");
  return new RegExp(`(?<![\\p{L}\\p{N}])${kjerne}${prefiks ? "" : "(?![\\p{L}\\p{N}])"}`, "iu").test(tekst);
}

type Kilde = { type: "sted" | "ikon"; id: string };

/** Every place word and pictogram word in the library, with where it belongs. */
function ordbok(sp: Spraak): Map<string, Kilde[]> {
  const ord = new Map<string, Kilde[]>();
  const legg = (o: string, k: Kilde) => ord.set(o, [...(ord.get(o) ?? []), k]);
  for (const [id, sted] of Object.entries(STEDER)) for (const o of sted.ord[sp]) legg(o, { type: "sted", id });
  for (const [id, ikon] of Object.entries(IKONER)) for (const o of ikon.ord[sp]) legg(o, { type: "ikon", id });
  return ord;
}

/** Problems with one language's description cues against the film's plan; empty when all is well. */
export function sjekkSynstolking(plan: FilmPlan, cuer: VttCue[], sp: Spraak): string[] {
  const problemer: string[] = [];
  const ord = ordbok(sp);
  if (cuer.length < plan.scener.length) problemer.push(`${plan.scener.length} scener, men bare ${cuer.length} synstolkingslinjer`);
  const beskrevet = new Set<number>();
  for (const cue of cuer) {
    const hvor = `synstolkingen ${cue.start.toFixed(1)}–${cue.slutt.toFixed(1)} s («${cue.tekst.slice(0, 50)}…»)`;
    const scene = plan.scener.find((s) => cue.start >= s.start - 1e-3 && cue.slutt <= s.slutt + 1e-3);
    if (!scene || cue.slutt <= cue.start) {
      problemer.push(`${hvor} ligger ikke innenfor én scene`);
      continue;
    }
    beskrevet.add(scene.indeks);
    const iScenen = new Set(scene.scene.personer.map((p) => p.navn));
    for (const navn of navnITekst(cue.tekst)) {
      if (!iScenen.has(navn)) problemer.push(`${hvor} nevner ${navn}, som ikke er med i scene ${scene.indeks + 1}`);
    }
    for (const [o, kilder] of ord) {
      if (!harOrd(cue.tekst, o)) continue;
      const ok = kilder.some((k) => (k.type === "sted" ? k.id === scene.scene.sted : scene.scene.tavle.includes(k.id)));
      if (!ok) {
        const hva = kilder.map((k) => (k.type === "sted" ? `stedet ${k.id}` : `bildet ${k.id} på tavla`)).join(" eller ");
        problemer.push(`${hvor} nevner «${o.replace("*", "")}», som hører til ${hva}, men scene ${scene.indeks + 1} er ${scene.scene.sted}${scene.scene.tavle.length ? ` med ${scene.scene.tavle.join(", ")} på tavla` : ""}`);
      }
    }
  }
  for (const s of plan.scener) if (!beskrevet.has(s.indeks)) problemer.push(`scene ${s.indeks + 1} har ingen synstolking`);
  return problemer;
}
