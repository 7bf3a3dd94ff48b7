import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * How `npm start` starts the app (package.json's start script): the built server file and the
 * environment it sets for memory (ADR 0033, 0038): MALLOC_ARENA_MAX unless the caller has one, and
 * NODE_OPTIONS with the caller's own after them, as the script does. The end-to-end tests and the
 * benchmarks start the app this way, so they run what an operator runs. `npm run build` must have
 * made build/node/ first.
 */
export function startKommando(egne = process.env): { fil: string; env: { MALLOC_ARENA_MAX: string; NODE_OPTIONS: string } } {
  const rot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const skript = (JSON.parse(readFileSync(path.join(rot, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts.start!;
  const deler = /^MALLOC_ARENA_MAX=\$\{MALLOC_ARENA_MAX:-(\d+)\} NODE_OPTIONS="([^"$]*?) ?\$NODE_OPTIONS" node (\S+)$/.exec(skript);
  if (!deler) throw new Error(`Forstår ikke start-skriptet i package.json: ${skript}`);
  return {
    fil: deler[3]!,
    env: { MALLOC_ARENA_MAX: egne.MALLOC_ARENA_MAX || deler[1]!, NODE_OPTIONS: [deler[2], egne.NODE_OPTIONS].filter(Boolean).join(" ") },
  };
}
