import type { Film, Modul } from "./innhold.server.ts";
import type { Spraak } from "./innhold.schema.ts";

/** The small summary of a module that lists and cards need (keeps loader data small). */
export function modulKort(m: Modul, sp: Spraak) {
  const meta = m.tekst[sp].meta;
  return { id: m.id, nummer: m.nummer, slug: m.slug, tittel: meta.tittel, ingress: meta.ingress, sistEndret: meta.sistEndret };
}
export type ModulKort = ReturnType<typeof modulKort>;

/** What the film player needs in one målform: its video, both caption tracks and the transcript. */
export function filmVisning(f: Film, sp: Spraak) {
  return {
    id: f.id,
    tittel: f.manus.tittel[sp],
    beskrivelse: f.manus.beskrivelse[sp],
    video: f.video[sp],
    spor: (["nb", "nn"] as const).map((s) => ({
      sprak: s,
      src: f.teksting[s],
      etikett: s === "nb" ? "Bokmål" : "Nynorsk",
      standard: s === sp,
    })),
    transkripsjon: f.manus.scener.map((sc) => ({ tale: sc.tale[sp], synstolking: sc.synstolking?.[sp] })),
  };
}
export type FilmVisning = ReturnType<typeof filmVisning>;
