import type { Film, Modul } from "./innhold.server.ts";
import type { Spraak } from "./innhold.schema.ts";

/** The small summary of a module that lists and cards need (keeps loader data small). */
export function modulKort(m: Modul, sp: Spraak) {
  const meta = m.tekst[sp].meta;
  return { id: m.id, nummer: m.nummer, slug: m.slug, tittel: meta.tittel, ingress: meta.ingress, sistEndret: meta.sistEndret };
}
export type ModulKort = ReturnType<typeof modulKort>;

const SPRAAKNAVN = { nb: "bokmål", nn: "nynorsk" } as const;

/**
 * What the film player needs in one målform: the video, caption tracks in both målformer (this
 * one on by default), the audio description tracks, and the transcript (lines with who speaks,
 * and the description of each scene, so screen-reader users get the descriptions today).
 */
export function filmVisning(f: Film, sp: Spraak) {
  const andre = sp === "nb" ? "nn" : "nb";
  return {
    id: f.id,
    tittel: f.manus.tittel[sp],
    beskrivelse: f.manus.beskrivelse[sp],
    video: f.video,
    spor: [
      ...(["nb", "nn"] as const).map((s) => ({
        type: "captions" as "captions" | "descriptions",
        sprak: s,
        src: f.teksting[s],
        etikett: s === "nb" ? "Bokmål" : "Nynorsk",
        standard: s === sp,
      })),
      ...([sp, andre] as const).map((s) => ({
        type: "descriptions" as "captions" | "descriptions",
        sprak: s,
        src: f.synstolking[s],
        etikett: `Synstolking (${SPRAAKNAVN[s]})`,
        standard: false,
      })),
    ],
    transkripsjon: f.manus.scener.map((sc) => ({
      replikker: sc.replikker.map((r) => ({ hvem: r.hvem, tekst: r[sp] })),
      synstolking: sc.synstolking[sp],
    })),
  };
}
export type FilmVisning = ReturnType<typeof filmVisning>;
