import { describe, expect, it } from "vitest";
import { htmlTilBlokker } from "./html-til-blokker.ts";

describe("HTML til PDF-blokker", () => {
  it("skal beholde avsnitt, lister (også nummererte og nestede) og overskrifter", () => {
    const html = "<p>Les <strong>saken</strong> &amp; planen.</p>\n<ul>\n<li><strong>a)</strong> Problem</li>\n<li>Tiltak:\n<ol>\n<li>En voksen</li>\n<li>To barn</li>\n</ol>\n</li>\n</ul>\n<h3>Neste</h3><p>Slutt</p>";
    expect(htmlTilBlokker(html)).toEqual([
      { type: "avsnitt", tekst: "Les saken & planen." },
      { type: "liste", punkter: ["a) Problem", "Tiltak:", "– 1. En voksen", "– 2. To barn"] },
      { type: "overskrift", niva: 3, tekst: "Neste" },
      { type: "avsnitt", tekst: "Slutt" },
    ]);
  });
});
