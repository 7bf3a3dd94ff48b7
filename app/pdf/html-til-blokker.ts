import type { PdfBlokk } from "./tagget-pdf.types.ts";

const dekod = (s: string) =>
  s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#([0-9]+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&(amp|lt|gt|quot|nbsp);/g, (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', nbsp: " " })[e]!);

/**
 * The content's HTML (from Markdown, no raw HTML: headings, paragraphs, lists, emphasis, links)
 * as tagged-PDF blocks: headings stay headings, lists stay lists (a nested item gets a dash and
 * stays in the same list), everything else is a paragraph. Inline markup is dropped; the text stays.
 */
export function htmlTilBlokker(html: string, grunnniva: 2 | 3 = 3): PdfBlokk[] {
  const blokker: PdfBlokk[] = [];
  let tekst = "";
  let overskrift: number | null = null;
  const lister: { type: "ul" | "ol"; nummer: number }[] = [];
  let punkter: string[] = [];
  let punkt: string | null = null;
  const ren = (s: string) => dekod(s).replace(/[ \t\r\n]+/g, " ").trim();
  const lukkPunkt = () => {
    if (punkt !== null) {
      const t = ren(`${punkt} ${tekst}`);
      if (t.replace(/^[–\d.\s]+$/, "") !== "") punkter.push(t);
    }
    punkt = null;
    tekst = "";
  };
  const lukkAvsnitt = () => {
    const t = ren(tekst);
    if (t) blokker.push({ type: "avsnitt", tekst: t });
    tekst = "";
  };
  for (const del of html.split(/(<[^>]+>)/)) {
    const tag = /^<(\/?)([a-z0-9]+)/i.exec(del);
    if (!tag) {
      tekst += del;
      continue;
    }
    const [, slutt, navn] = tag as unknown as [string, string, string];
    const n = navn.toLowerCase();
    if (/^h[1-6]$/.test(n)) {
      if (!slutt) {
        lukkAvsnitt();
        overskrift = Number(n[1]);
      } else {
        const t = ren(tekst);
        if (t) blokker.push({ type: "overskrift", niva: Math.min(3, Math.max(grunnniva, (overskrift ?? 3) - 1 + grunnniva - 2)) as 2 | 3, tekst: t });
        tekst = "";
        overskrift = null;
      }
    } else if (n === "ul" || n === "ol") {
      if (!slutt) {
        if (lister.length === 0) lukkAvsnitt();
        else lukkPunkt();
        lister.push({ type: n, nummer: 0 });
      } else {
        lukkPunkt();
        lister.pop();
        if (lister.length === 0) {
          if (punkter.length > 0) blokker.push({ type: "liste", punkter });
          punkter = [];
        }
      }
    } else if (n === "li") {
      if (!slutt) {
        lukkPunkt();
        const liste = lister.at(-1);
        if (liste) liste.nummer += 1;
        const inn = lister.length > 1 ? "– " : "";
        punkt = liste?.type === "ol" ? `${inn}${liste.nummer}.` : inn;
      } else lukkPunkt();
    } else if (n === "p" || n === "blockquote") {
      if (slutt && lister.length === 0) lukkAvsnitt();
      else if (slutt) tekst += " ";
    } else if (n === "br") tekst += " ";
  }
  lukkAvsnitt();
  return blokker;
}
