import { describe, expect, it } from "vitest";
import { qrSvg } from "./qr.server.ts";

describe("QR-koden for invitasjonslenken", () => {
  it("skal være en SVG med viewBox, role=img og et tilgjengelig navn", async () => {
    const svg = await qrSvg("https://samla.example/bli-med?kode=ABCD2345", "QR-kode for invitasjonslenken");
    expect(svg.startsWith("<svg ")).toBe(true);
    expect(svg.endsWith("</svg>")).toBe(true);
    expect(svg).toMatch(/viewBox="0 0 \d+ \d+"/);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-label="QR-kode for invitasjonslenken"');
    expect(svg).not.toMatch(/<script/i);
  });

  it("skal escape etiketten, så den ikke kan bryte ut av attributtet", async () => {
    const svg = await qrSvg("https://samla.example/bli-med?kode=ABCD2345", 'a"<b>&');
    expect(svg).toContain('aria-label="a&quot;&lt;b&gt;&amp;"');
  });

  it("skal gi samme kode for samme lenke (ingen tilfeldighet)", async () => {
    const lenke = "https://samla.example/bli-med?kode=ZZZZ2222";
    expect(await qrSvg(lenke, "x")).toBe(await qrSvg(lenke, "x"));
  });
});
