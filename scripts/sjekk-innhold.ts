import path from "node:path";
import { mkdirSync, writeFileSync } from "node:fs";
import { lesInnholdMedProblemer, tilLagring } from "../app/domain/innhold/innhold.server.ts";

/**
 * `node scripts/sjekk-innhold.ts`: lists every problem in content/ (the same checks as the tests).
 * `--skriv FIL` also writes the validated index, which the app reads at start (npm run build does).
 */
const rot = path.resolve("content");
const { innhold, problemer, utkastProblemer = [] } = await lesInnholdMedProblemer(rot);
for (const p of problemer) console.log(`${p.fil}: ${p.melding}`);
// Drafts may be unfinished (ADR 0034): listed, but they do not stop the build.
for (const p of utkastProblemer) console.log(`(utkast) ${p.fil}: ${p.melding}`);
if (problemer.length || !innhold) {
  console.log(`\n${problemer.length} problem(er) i innholdet.`);
  process.exit(1);
}
const i = process.argv.indexOf("--skriv");
if (i > 0 && process.argv[i + 1]) {
  const fil = path.resolve(process.argv[i + 1]!);
  mkdirSync(path.dirname(fil), { recursive: true });
  writeFileSync(fil, await tilLagring(rot, innhold));
}
console.log(`Innholdet er i orden: ${innhold.moduler.length} moduler, versjon ${innhold.versjon}.`);
