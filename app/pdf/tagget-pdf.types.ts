/** The document model of a tagged PDF (tagget-pdf.server.ts); no I/O, so pages and tests may import it. */
export type PdfBlokk =
  | { type: "overskrift"; niva: 1 | 2 | 3; tekst: string }
  | { type: "avsnitt"; tekst: string; liten?: boolean }
  | { type: "liste"; punkter: string[]; nummerert?: boolean }
  | { type: "sideskift" };

export type PdfDokument = { tittel: string; spraak: "nb" | "nn"; forfatter?: string; blokker: PdfBlokk[] };

