import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * How `npm start` starts the app (package.json's start script): the built server file and the
 * NODE_OPTIONS it sets (the memory settings, ADR 0033), with the caller's own NODE_OPTIONS after
 * them, as the script does. The end-to-end tests and the benchmarks start the app this way, so
 * they run what an operator runs. `npm run build` must have made build/node/ first.
 */
export function startKommando(egne = process.env.NODE_OPTIONS): { fil: string; nodeOptions: string } {
  const rot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const skript = (JSON.parse(readFileSync(path.join(rot, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts.start!;
  const deler = /^NODE_OPTIONS="([^"$]*?) ?\$NODE_OPTIONS" node (\S+)$/.exec(skript);
  if (!deler) throw new Error(`Forstår ikke start-skriptet i package.json: ${skript}`);
  return { fil: deler[2]!, nodeOptions: [deler[1], egne].filter(Boolean).join(" ") };
}
