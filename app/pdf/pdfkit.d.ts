/**
 * The part of pdfkit 0.20 that Samla uses (pdfkit ships no types, and @types/pdfkit would be one
 * more dependency for a handful of methods): text, fonts, pages, and the structure tree of a tagged
 * PDF. Used by app/pdf/tagget-pdf.server.ts and the repertoire poster (ADR 0035, 0037).
 */
declare module "pdfkit" {
  type Tekstvalg = Record<string, unknown> & { width?: number; lineGap?: number; continued?: boolean };
  type StrukturBarn = StrukturElement | (() => void);
  interface StrukturElement {
    add(barn: StrukturBarn): StrukturElement;
    end(): void;
  }
  class PDFDocument {
    constructor(valg?: Record<string, unknown>);
    info: Record<string, unknown>;
    page: { width: number; height: number; margins: { left: number; right: number; top: number; bottom: number } };
    x: number;
    y: number;
    on(hendelse: "data", f: (b: Buffer) => void): this;
    on(hendelse: "end", f: () => void): this;
    on(hendelse: "error", f: (e: Error) => void): this;
    registerFont(navn: string, fil: string): this;
    font(navn: string): this;
    fontSize(storrelse: number): this;
    fillColor(farge: string): this;
    text(tekst: string, valg?: Tekstvalg): this;
    text(tekst: string, x?: number, y?: number, valg?: Tekstvalg): this;
    moveDown(linjer?: number): this;
    moveUp(linjer?: number): this;
    addPage(valg?: Record<string, unknown>): this;
    heightOfString(tekst: string, valg?: Tekstvalg): number;
    struct(type: string, valg?: Record<string, unknown> | StrukturBarn | StrukturBarn[] | null, barn?: StrukturBarn | StrukturBarn[] | null): StrukturElement;
    addStructure(element: StrukturElement): this;
    markContent(tag: string, valg?: Record<string, unknown> | null): this;
    endMarkedContent(): this;
    end(): void;
  }
  export type PDFStrukturElement = StrukturElement;
  export default PDFDocument;
}
