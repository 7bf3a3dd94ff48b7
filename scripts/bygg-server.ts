import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { stripTypeScriptTypes } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Part of `npm run build` (issue 16, memory): server/main.ts and every TypeScript file it loads
 * at run time outside the React Router build (server/*.ts, app/env.server.ts and the few app files
 * app-server.ts imports) are written as plain JavaScript to build/node/, in the same tree, so
 * `npm start` runs `node build/node/server/main.js` and Node's type stripper is never loaded in
 * the app processes: it keeps about 18 MB per process (12 MB anonymous memory for its WebAssembly,
 * 6 MB code). The JavaScript is what Node itself would run: the same type stripping
 * (module.stripTypeScriptTypes, whitespace in place of types, so line and column stay the same),
 * with relative `.ts` imports renamed to `.js`. The files are found by following the imports from
 * server/main.ts, so a new server file needs no list here.
 */
const rot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ut = path.join(rot, "build", "node");
const INNGANG = path.join(rot, "server", "main.ts");

// Relative module specifiers ending in .ts in static imports, re-exports and dynamic import().
const SPESIFIKATOR = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(["'])(\.{1,2}\/[^"'\n]+?)\.ts\2/g;

rmSync(ut, { recursive: true, force: true });
const ko = [INNGANG];
const sett = new Set(ko);
while (ko.length > 0) {
  const fil = ko.pop()!;
  const js = stripTypeScriptTypes(readFileSync(fil, "utf8"), { mode: "strip" }).replace(SPESIFIKATOR, (_, for_: string, q: string, spes: string) => {
    const mal = path.resolve(path.dirname(fil), `${spes}.ts`);
    if (!mal.startsWith(rot + path.sep) || mal.includes(`${path.sep}node_modules${path.sep}`)) throw new Error(`${fil}: ${spes}.ts er utenfor prosjektet`);
    if (!sett.has(mal)) {
      sett.add(mal);
      ko.push(mal);
    }
    return `${for_}${q}${spes}.js${q}`;
  });
  if (/["']#app\/[^"']+\.ts["']/.test(js)) throw new Error(`${fil}: #app/…-import må være relativ for bygget (build/node/)`);
  const mal = path.join(ut, path.relative(rot, fil)).replace(/\.ts$/, ".js");
  mkdirSync(path.dirname(mal), { recursive: true });
  writeFileSync(mal, js);
}
console.log(`Serveren som JavaScript: ${sett.size} filer i ${path.relative(rot, ut)}/`);
