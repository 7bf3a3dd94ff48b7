import path from "node:path";

/**
 * Tagged PDF (issue 14, point 5; ADR 0037): a small document model — headings, paragraphs,
 * lists, page breaks and images with alt text — written with pdfkit's structure tree, so a screen
 * reader reads the PDF in order with its headings and the language is set. @react-pdf/renderer
 * (used for the owner's report) creates its pdfkit document without `tagged` and marks no
 * content, so its PDFs are untagged; this helper talks to pdfkit (the same version react-pdf
 * already ships) directly. No browser is needed on the server.
 */
export type { PdfBlokk, PdfDokument } from "./tagget-pdf.types.ts";
import type { PdfDokument } from "./tagget-pdf.types.ts";

const FONTER = path.resolve("app/domain/stasted/fonter");
const STORRELSE = { 1: 20, 2: 15, 3: 12.5 } as const;

export async function lagTaggetPdf(dok: PdfDokument): Promise<Buffer> {
  // Loaded when the first PDF is made: pdfkit, fontkit and their font and Unicode tables are some
  // 10 MB of memory in every app process otherwise (issue 16).
  const { default: PDFDocument } = await import("pdfkit");
  const pdf = new PDFDocument({
    size: "A4",
    margin: 56,
    pdfVersion: "1.7",
    tagged: true,
    lang: dok.spraak === "nn" ? "nn-NO" : "nb-NO",
    displayTitle: true,
    info: { Title: dok.tittel, Author: dok.forfatter ?? "Samla", Creator: "Samla", Producer: "Samla" },
  });
  pdf.registerFont("vanlig", path.join(FONTER, "DejaVuSans.ttf"));
  pdf.registerFont("fet", path.join(FONTER, "DejaVuSans-Bold.ttf"));
  const biter: Buffer[] = [];
  pdf.on("data", (b: Buffer) => biter.push(b));
  const ferdig = new Promise<Buffer>((ok, feil) => {
    pdf.on("end", () => ok(Buffer.concat(biter)));
    pdf.on("error", feil);
  });

  const rot = pdf.struct("Document");
  pdf.addStructure(rot);
  const bredde = pdf.page.width - 112;

  for (const b of dok.blokker) {
    switch (b.type) {
      case "overskrift": {
        if (pdf.y > pdf.page.height - 140) pdf.addPage();
        pdf.moveDown(b.niva === 1 ? 0 : 0.6);
        rot.add(pdf.struct(`H${b.niva}`, () => pdf.font("fet").fontSize(STORRELSE[b.niva]).text(b.tekst, { width: bredde })));
        pdf.moveDown(0.3);
        break;
      }
      case "avsnitt":
        rot.add(pdf.struct("P", () => pdf.font("vanlig").fontSize(b.liten ? 9 : 10.5).text(b.tekst, { width: bredde, lineGap: 2 })));
        pdf.moveDown(0.5);
        break;
      case "liste": {
        const liste = pdf.struct("L");
        rot.add(liste);
        b.punkter.forEach((punkt, i) => {
          const li = pdf.struct("LI");
          liste.add(li);
          const merke = b.nummerert ? `${i + 1}.` : "•";
          li.add(pdf.struct("Lbl", () => pdf.font("vanlig").fontSize(10.5).text(merke, 56, pdf.y, { width: 18, continued: false })));
          pdf.moveUp();
          li.add(pdf.struct("LBody", () => pdf.font("vanlig").fontSize(10.5).text(punkt, 76, pdf.y, { width: bredde - 20, lineGap: 2 })));
          li.end();
          pdf.moveDown(0.2);
        });
        liste.end();
        pdf.x = 56;
        pdf.moveDown(0.4);
        break;
      }
      case "sideskift":
        pdf.addPage();
        break;
    }
  }
  rot.end();
  pdf.end();
  return ferdig;
}
