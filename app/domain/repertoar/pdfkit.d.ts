/**
 * The part of PDFKit 0.20 (no published types of its own) that the repertoire poster uses:
 * text, fonts, pages, and the structure tree for a tagged PDF (ADR 0035).
 */
declare module "pdfkit" {
  type StrukturBarn = PDFStrukturElement | (() => void);
  export interface PDFStrukturElement {
    add(barn: StrukturBarn): PDFStrukturElement;
    end(): void;
  }
  export default class PDFDocument {
    constructor(valg?: Record<string, unknown>);
    info: Record<string, unknown>;
    y: number;
    page: { width: number; height: number; margins: { left: number; right: number; top: number; bottom: number } };
    on(hendelse: "data", f: (bit: Buffer) => void): this;
    on(hendelse: "end", f: () => void): this;
    registerFont(navn: string, sti: string): this;
    font(navn: string): this;
    fontSize(storrelse: number): this;
    fillColor(farge: string): this;
    text(tekst: string, valg?: Record<string, unknown>): this;
    text(tekst: string, x?: number, y?: number, valg?: Record<string, unknown>): this;
    moveDown(linjer?: number): this;
    addPage(valg?: Record<string, unknown>): this;
    heightOfString(tekst: string, valg?: Record<string, unknown>): number;
    struct(type: string, valg?: Record<string, unknown>, barn?: StrukturBarn | StrukturBarn[] | null): PDFStrukturElement;
    addStructure(element: PDFStrukturElement): this;
    markContent(tag: string, valg?: Record<string, unknown> | null): this;
    endMarkedContent(): this;
    end(): void;
  }
}
