import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/**
 * Part of `npm run build`: writes .br and .gz beside every script, stylesheet and SVG in
 * build/client, so the server (sirv) sends them compressed without compressing per request.
 */
const mappe = path.resolve("build/client");
let foer = 0;
let etter = 0;
for (const d of readdirSync(mappe, { recursive: true, withFileTypes: true })) {
  if (!d.isFile() || !/\.(js|css|svg|json|vtt)$/.test(d.name)) continue;
  const fil = path.join(d.parentPath, d.name);
  const innhold = readFileSync(fil);
  const br = brotliCompressSync(innhold, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  writeFileSync(`${fil}.br`, br);
  writeFileSync(`${fil}.gz`, gzipSync(innhold, { level: 9 }));
  foer += innhold.length;
  etter += br.length;
}
console.log(`Komprimerte ressurser: ${Math.round(foer / 1024)} KB → ${Math.round(etter / 1024)} KB (brotli)`);
