import type { Film, Innhold, Modul } from "./innhold.server.ts";
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

/** «Hva er nytt» for a module as shown (its edition and older), newest first (ADR 0034). */
export function hvaErNytt(m: Modul, sp: Spraak) {
  const vist = m.utgave ?? m.utgaver?.at(-1)?.nummer ?? 1;
  return (m.utgaver ?? [])
    .filter((u) => u.endringer && u.nummer <= vist)
    .reverse()
    .map((u) => ({ utgave: u.nummer, dato: u.dato, tekst: u.endringer![sp], juridisk: u.juridisk }));
}
export type Endring = ReturnType<typeof hvaErNytt>[number];

/** The package's newest changes across its published modules, for the package's front page. */
export function nyheterIPakken(moduler: Modul[], sp: Spraak, maks = 5) {
  return moduler
    .flatMap((m) => hvaErNytt(m, sp).map((e) => ({ ...e, modulNummer: m.nummer, modulTittel: m.tekst[sp].meta.tittel, slug: m.slug })))
    .sort((a, b) => (a.dato < b.dato ? 1 : a.dato > b.dato ? -1 : 0))
    .slice(0, maks);
}
export type Nyhet = ReturnType<typeof nyheterIPakken>[number];

/** What the module page needs (public page and editor's preview): one edition, neighbours among `moduler`. */
export function modulVisningData(modul: Modul, moduler: Modul[], sp: Spraak) {
  const tekst = modul.tekst[sp];
  const forrige = moduler.find((m) => m.nummer === modul.nummer - 1);
  const neste = moduler.find((m) => m.nummer === modul.nummer + 1);
  return {
    modul: tekst.meta,
    innledning: tekst.innledning,
    seksjoner: tekst.seksjoner,
    filmer: Object.fromEntries([...modul.filmer.values()].map((f) => [f.id, filmVisning(f, sp)])),
    forrige: forrige ? modulKort(forrige, sp) : null,
    neste: neste ? modulKort(neste, sp) : null,
    endringer: hvaErNytt(modul, sp),
  };
}

/** Scheduled modules the editor announces on the package's front page, in one målform. */
export function kommendeModuler(innhold: Pick<Innhold, "kommer">, sp: Spraak) {
  return (innhold.kommer ?? []).map((k) => ({ id: k.id, nummer: k.nummer, tittel: k.tittel[sp], tekst: k.tekst[sp] }));
}
