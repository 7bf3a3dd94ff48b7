import path from "node:path";
import { formaterDato, oversetter } from "#app/i18n/i18n.ts";
import type { Spraak } from "#app/domain/innhold/innhold.schema.ts";
import type { OppforingRad } from "./repertoar.repo.server.ts";
import type { Niva } from "./repertoar.schema.ts";
import { iSetning } from "./repertoar.ts";

const FONTER = path.resolve("app/domain/stasted/fonter");

export type Plakat = { barnehageNavn: string; grupper: { niva: Niva; oppforinger: OppforingRad[] }[]; sistEndret: string | null };

/**
 * The repertoire poster as a tagged PDF (ADR 0035), straight with PDFKit: @react-pdf/renderer
 * sets the language and the title but writes no structure tree. Here every heading, paragraph and
 * list item is a structure element (Document › H1, P, H2, L › LI › LBody), the document language
 * is nb-NO or nn-NO, and the title is shown in the viewer's title bar. A4 or A3, portrait.
 */
export async function plakatPdf(p: Plakat, sp: Spraak, format: "a4" | "a3"): Promise<Buffer> {
  // Loaded when the first poster is made (as app/pdf/tagget-pdf.server.ts does, issue 16).
  const { default: PDFDocument } = await import("pdfkit");
  const t = oversetter(sp);
  const tittel = t("repertoar.plakatTittel", { barnehage: p.barnehageNavn });
  const stor = format === "a3" ? 1.35 : 1;
  const doc = new PDFDocument({
    size: format === "a3" ? "A3" : "A4",
    margin: 40 * stor,
    pdfVersion: "1.7",
    tagged: true,
    lang: sp === "nn" ? "nn-NO" : "nb-NO",
    displayTitle: true,
    info: { Title: tittel, Author: "Samla", Subject: t("repertoar.plakatIngress") },
  });
  doc.registerFont("vanlig", path.join(FONTER, "DejaVuSans.ttf"));
  doc.registerFont("fet", path.join(FONTER, "DejaVuSans-Bold.ttf"));
  const biter: Buffer[] = [];
  doc.on("data", (b) => biter.push(b));
  const ferdig = new Promise<Buffer>((ok) => doc.on("end", () => ok(Buffer.concat(biter))));

  const rot = doc.struct("Document");
  doc.addStructure(rot);
  const tekst = (type: string, innhold: string, font: "vanlig" | "fet", storrelse: number, etter = 0.4) =>
    doc.struct(type, {}, () => {
      doc.font(font).fontSize(storrelse * stor).fillColor("#1e1e1e").text(innhold);
      doc.moveDown(etter);
    });

  rot.add(tekst("H1", tittel, "fet", 20));
  rot.add(tekst("P", t("repertoar.plakatIngress"), "vanlig", 12, 0.8));
  if (p.grupper.length === 0) rot.add(tekst("P", t("repertoar.plakatTom"), "vanlig", 11));
  for (const g of p.grupper) {
    rot.add(tekst("H2", t(`repertoar.nivaOverskrift.${g.niva}`), "fet", 15, 0.5));
    const liste = doc.struct("L");
    rot.add(liste);
    for (const o of g.oppforinger) {
      const punkt = doc.struct("LI");
      liste.add(punkt);
      const kropp = doc.struct("LBody");
      punkt.add(kropp);
      kropp.add(tekst("P", `${t("repertoar.naarViSer")} ${iSetning(o.situasjon)}`, "fet", 11, 0.15));
      kropp.add(tekst("P", `${t("repertoar.gjorVi")} ${iSetning(o.handling)}`, "vanlig", 11, 0.15));
      kropp.add(tekst("P", `${t("repertoar.hvem")}: ${o.hvem}`, "vanlig", 10, 0.15));
      kropp.add(tekst("P", `${t("repertoar.hvorfor")}: ${o.hvorfor}`, "vanlig", 10, 0.8));
      kropp.end();
      punkt.end();
    }
    liste.end();
  }
  if (p.sistEndret) rot.add(tekst("P", t("repertoar.sistEndret", { dato: formaterDato(p.sistEndret, sp) }), "vanlig", 9));
  rot.end();
  doc.end();
  return ferdig;
}
