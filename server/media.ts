import { createReadStream } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Serves a film or caption file with range requests (seeking in the video) and a year-long cache:
 * media URLs carry a content hash, so a changed file gets a new URL.
 */
export function serverMedia(req: IncomingMessage, res: ServerResponse, fil: { fil: string; storrelse: number; type: string }) {
  res.setHeader("Content-Type", fil.type === "text/vtt" ? "text/vtt; charset=utf-8" : fil.type);
  res.setHeader("Accept-Ranges", "bytes");
  res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
  const omraade = lesOmraade(req.headers.range, fil.storrelse);
  if (omraade === "ugyldig") {
    res.writeHead(416, { "Content-Range": `bytes */${fil.storrelse}` });
    res.end();
    return;
  }
  const { start, slutt } = omraade ?? { start: 0, slutt: fil.storrelse - 1 };
  if (omraade) {
    res.statusCode = 206;
    res.setHeader("Content-Range", `bytes ${start}-${slutt}/${fil.storrelse}`);
  }
  res.setHeader("Content-Length", slutt - start + 1);
  if (req.method === "HEAD" || fil.storrelse === 0) {
    res.end();
    return;
  }
  createReadStream(fil.fil, { start, end: slutt }).on("error", () => res.destroy()).pipe(res);
}

/** Parses a single `bytes=` range; undefined = whole file, "ugyldig" = not satisfiable. */
export function lesOmraade(hode: string | undefined, storrelse: number): { start: number; slutt: number } | "ugyldig" | undefined {
  if (!hode) return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(hode.trim());
  if (!m || (m[1] === "" && m[2] === "")) return undefined;
  let start: number;
  let slutt: number;
  if (m[1] === "") {
    const siste = Number(m[2]);
    if (siste === 0) return "ugyldig";
    start = Math.max(0, storrelse - siste);
    slutt = storrelse - 1;
  } else {
    start = Number(m[1]);
    slutt = m[2] === "" ? storrelse - 1 : Math.min(Number(m[2]), storrelse - 1);
  }
  if (start >= storrelse || start > slutt) return "ugyldig";
  return { start, slutt };
}
