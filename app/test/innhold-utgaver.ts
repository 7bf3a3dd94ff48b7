import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * A copy of content/ with the editorial fixtures of ADR 0034, for the edition tests (Vitest and
 * tests/e2e/utgaver.spec.ts): module 8 «Videre arbeid (testmodul)», made from module 7 with its ids
 * renamed, as a draft or scheduled; and optionally a correction of module 2 (edition 2, with its
 * change note, and edition 1's text kept under utgaver/1/). The real package is never changed.
 */
export type UtgaveFikstur = {
  m8: { status: "utkast" } | { status: "planlagt"; publiseres: string; kommer?: boolean };
  /** Edition 2 of module 2, live from this Oslo time («2027-03-28T09:00»). */
  m2Rettelse?: { publisert: string; juridisk?: boolean };
};

export const M8_TITTEL = { nb: "Videre arbeid (testmodul)", nn: "Vidare arbeid (testmodul)" };
export const M2_RETTELSE = {
  nb: "Utgave 2 presiserer hva som gjelder når en voksen krenker et barn.",
  nn: "Utgåve 2 presiserer kva som gjeld når ein vaksen krenkjer eit barn.",
};
export const M2_ENDRINGER = {
  nb: "Ingressen sier nå tydeligere hva som gjelder når en voksen krenker et barn (§ 43).",
  nn: "Ingressen seier no tydelegare kva som gjeld når ein vaksen krenkjer eit barn (§ 43).",
};

export function lagInnholdMedUtgaver(valg: UtgaveFikstur, kilde = path.resolve("content"), mappe = mkdtempSync(path.join(tmpdir(), "samla-utgaver-"))): string {
  cpSync(kilde, mappe, { recursive: true });
  const m7 = path.join(mappe, "moduler", "07-viderefoering");
  const m8 = path.join(mappe, "moduler", "08-videre-arbeid");
  cpSync(m7, m8, { recursive: true });
  for (const fil of readdirSync(m8, { recursive: true, withFileTypes: true }).filter((d) => d.isFile())) {
    const full = path.join(fil.parentPath, fil.name);
    if (/\.(md|ya?ml|vtt)$/.test(fil.name)) {
      let tekst = readFileSync(full, "utf8").replace(/\bm7\b/g, "m8").replace(/\bm7-/g, "m8-");
      if (/^(nb|nn)\.md$/.test(fil.name)) {
        const sp = fil.name.slice(0, 2) as "nb" | "nn";
        tekst = tekst.replace(/^nummer: 7$/m, "nummer: 8").replace(/^slug: .*$/m, "slug: videre-arbeid").replace(/^tittel: .*$/m, `tittel: ${M8_TITTEL[sp]}`);
      }
      writeFileSync(full, tekst);
    }
    if (fil.name.includes("m7-")) {
      renameSync(full, path.join(fil.parentPath, fil.name.replace("m7-", "m8-")));
    }
  }
  const m8yaml =
    valg.m8.status === "utkast"
      ? "status: utkast\nutgaver:\n  - utgave: 1\n"
      : `status: planlagt\npubliseres: ${valg.m8.publiseres}\n${valg.m8.kommer ? "kommer: { nb: Kommer våren 2027, nn: Kjem våren 2027 }\n" : ""}utgaver:\n  - utgave: 1\n`;
  writeFileSync(path.join(m8, "utgaver.yaml"), m8yaml);

  if (valg.m2Rettelse) {
    const m2 = path.join(mappe, "moduler", "02-folge-med-melde-fra-undersoke");
    mkdirSync(path.join(m2, "utgaver", "1"), { recursive: true });
    for (const sp of ["nb", "nn"] as const) {
      const fil = path.join(m2, `${sp}.md`);
      const tekst = readFileSync(fil, "utf8");
      writeFileSync(path.join(m2, "utgaver", "1", `${sp}.md`), tekst);
      writeFileSync(fil, tekst.replace(/^(ingress: .*)$/m, `$1 ${M2_RETTELSE[sp]}`));
    }
    writeFileSync(
      path.join(m2, "utgaver.yaml"),
      [
        "status: publisert",
        "utgaver:",
        "  - utgave: 1",
        "    publisert: 2026-12-07",
        "  - utgave: 2",
        `    publisert: ${valg.m2Rettelse.publisert}`,
        `    juridisk: ${valg.m2Rettelse.juridisk ? "true" : "false"}`,
        "    endringer:",
        `      nb: ${M2_ENDRINGER.nb}`,
        `      nn: ${M2_ENDRINGER.nn}`,
        "",
      ].join("\n"),
    );
  }
  return mappe;
}
