import path from "node:path";
import { lesInnholdMedProblemer } from "../app/domain/innhold/innhold.server.ts";

/** `node scripts/sjekk-innhold.ts`: lists every problem in content/ (the same checks as the tests). */
const { innhold, problemer } = await lesInnholdMedProblemer(path.resolve("content"));
for (const p of problemer) console.log(`${p.fil}: ${p.melding}`);
if (problemer.length) {
  console.log(`\n${problemer.length} problem(er) i innholdet.`);
  process.exit(1);
}
console.log(`Innholdet er i orden: ${innhold!.moduler.length} moduler, versjon ${innhold!.versjon}.`);
