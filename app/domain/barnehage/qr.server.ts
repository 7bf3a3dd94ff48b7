
/** Escapes text for an XML/HTML attribute value. */
function attributt(tekst: string): string {
  return tekst.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * The invitation link as an inline SVG QR code, made on the server so the page needs no
 * JavaScript and prints as sharp black on white. `etikett` is the accessible name in the page's
 * målform; the SVG gets role="img" so screen readers announce one image, not its paths.
 */
export async function qrSvg(lenke: string, etikett: string): Promise<string> {
  // Loaded at the first QR code, not at start (issue 16).
  const { default: QRCode } = await import("qrcode");
  const svg = await QRCode.toString(lenke, { type: "svg", errorCorrectionLevel: "M", margin: 4 });
  return svg.replace(/^<svg /, `<svg role="img" aria-label="${attributt(etikett)}" focusable="false" class="qr" `).trim();
}
