/**
 * The part of pdfkit 0.20 that tagget-pdf.server.ts uses (pdfkit ships no types, and
 * @types/pdfkit would be one more dependency for eight methods).
 */
declare module "pdfkit" {
  type Tekstvalg = { width?: number; lineGap?: number; continued?: boolean };
  interface StrukturElement {
    add(barn: StrukturElement | (() => void)): StrukturElement;
    end(): void;
  }
  class PDFDocument {
    constructor(valg?: Record<string, unknown>);
    page: { width: number; height: number };
    x: number;
    y: number;
    on(hendelse: "data", f: (b: Buffer) => void): this;
    on(hendelse: "end", f: () => void): this;
    on(hendelse: "error", f: (e: Error) => void): this;
    registerFont(navn: string, fil: string): this;
    font(navn: string): this;
    fontSize(storrelse: number): this;
    text(tekst: string, valg?: Tekstvalg): this;
    text(tekst: string, x: number, y: number, valg?: Tekstvalg): this;
    moveDown(linjer?: number): this;
    moveUp(linjer?: number): this;
    addPage(): this;
    struct(type: string, innhold?: (() => void) | StrukturElement[]): StrukturElement;
    addStructure(element: StrukturElement): this;
    end(): void;
  }
  export default PDFDocument;
}
