import type { Modul } from "#app/domain/innhold/innhold.server.ts";
import type { Spraak } from "#app/domain/innhold/innhold.schema.ts";
import type { Oversetter } from "#app/i18n/i18n.ts";
import type { PdfBlokk } from "#app/pdf/tagget-pdf.types.ts";
import { htmlTilBlokker } from "#app/pdf/html-til-blokker.ts";

/**
 * Print packs (issue 14, point 5): one model per pack, drawn as a print page (HTML with a print
 * stylesheet) and as a tagged PDF. The leader pack is the module's leader guide, the samling
 * plan, the activities' questions and «Dette bør komme fram» (`:::svar`); the samling pack is the
 * handout for participants: the samling's activities, one page per group.
 */
export type PakkeDel =
  | { type: "overskrift"; niva: 1 | 2 | 3; tekst: string }
  | { type: "avsnitt"; tekst: string }
  | { type: "liste"; punkter: string[]; nummerert?: boolean }
  | { type: "html"; html: string }
  | { type: "sideskift" };

export type Pakke = { tittel: string; deler: PakkeDel[] };

export const MAKS_GRUPPER = 8;

export function lederpakke(modul: Modul, sp: Spraak, t: Oversetter): Pakke {
  const tekst = modul.tekst[sp];
  const leder = modul.leder[sp];
  const tittel = t("pakker.leder.tittel", { nummer: modul.nummer, tittel: tekst.meta.tittel });
  const svar = new Map(leder.seksjoner.flatMap((s) => s.blokker).flatMap((b) => (b.type === "svar" ? [[b.svar.aktivitetId, b.svar.html] as const] : [])));
  const deler: PakkeDel[] = [
    { type: "overskrift", niva: 1, tekst: tittel },
    { type: "avsnitt", tekst: t("lederstotte.privat") },
    { type: "overskrift", niva: 2, tekst: t("lederstotte.samlingsplan", { minutter: leder.meta.varighet }) },
    { type: "liste", nummerert: true, punkter: leder.meta.samlingsplan.map((s) => `${s.tittel} (${t("lederstotte.steg", { minutter: s.minutter })}): ${s.beskrivelse}`) },
    { type: "overskrift", niva: 2, tekst: t("pakker.leder.oppgaver") },
  ];
  for (const a of tekst.aktiviteter) {
    deler.push({ type: "overskrift", niva: 3, tekst: a.tittel }, { type: "html", html: a.html });
    const s = svar.get(a.id);
    if (s) deler.push({ type: "avsnitt", tekst: t("lederstotte.svarLenke") }, { type: "html", html: s });
  }
  deler.push({ type: "sideskift" }, { type: "overskrift", niva: 2, tekst: t("pakker.leder.veiledning") });
  for (const seksjon of leder.seksjoner) {
    const html = seksjon.blokker.flatMap((b) => (b.type === "tekst" ? [b.html] : []));
    if (html.length === 0) continue;
    deler.push({ type: "overskrift", niva: 3, tekst: seksjon.tittel }, ...html.map((h) => ({ type: "html" as const, html: h })));
  }
  return { tittel, deler };
}

/** The samling's activities (steps of the samling plan that are an activity of the module). */
export function samlingspakke(modul: Modul, sp: Spraak, t: Oversetter, grupper: number): Pakke {
  const tekst = modul.tekst[sp];
  const aktiviteter = new Map(tekst.aktiviteter.map((a) => [a.id, a]));
  const steg = modul.leder[sp].meta.samlingsplan.flatMap((s) => {
    const a = s.aktivitet ? aktiviteter.get(s.aktivitet) : undefined;
    return a ? [{ a, minutter: s.minutter }] : [];
  });
  const tittel = t("pakker.samling.tittel", { nummer: modul.nummer, tittel: tekst.meta.tittel });
  const deler: PakkeDel[] = [{ type: "overskrift", niva: 1, tekst: tittel }];
  for (let g = 1; g <= grupper; g++) {
    if (g > 1) deler.push({ type: "sideskift" });
    deler.push({ type: "overskrift", niva: 2, tekst: t("pakker.samling.gruppe", { nummer: g, tittel: tekst.meta.tittel }) });
    deler.push({ type: "avsnitt", tekst: t("pakker.samling.ingress") });
    for (const { a, minutter } of steg) {
      deler.push({ type: "overskrift", niva: 3, tekst: `${a.tittel} (${t("lederstotte.steg", { minutter })})` }, { type: "html", html: a.html });
    }
  }
  return { tittel, deler };
}

export function pakkePdfBlokker(pakke: Pakke): PdfBlokk[] {
  return pakke.deler.flatMap((d): PdfBlokk[] => (d.type === "html" ? htmlTilBlokker(d.html) : [d]));
}
