import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { delFrontmatter } from "./markdown.server.ts";
import { lovtekstMetaSkjema, type Lovkontroll, type LovtekstMeta } from "./innhold.schema.ts";

/**
 * The statute text of barnehageloven kapittel VIII as stored in content/ (bokmål; no official
 * nynorsk text exists), and the quote check: every «…» in the package that is followed by a §
 * reference must appear word for word in the stored text of that §.
 */

export const LOVTEKST_FIL = "lov/barnehageloven-kap8.nb.md";

export type Lovledd = { id: string; etikett: string; tekst: string; kontroll: Lovkontroll };
export type Lovparagraf = {
  id: string;
  /** «41», «42», «43». */
  nummer: string;
  tittel: string;
  tittelKontroll: Lovkontroll;
  ledd: Lovledd[];
  /** What of this § is not stored, and why (from the frontmatter). */
  mangler?: string;
};
export type Lovtekst = { meta: LovtekstMeta; paragrafer: Lovparagraf[] };

const PARAGRAF = /^## § (\d+) (.+?) \{#(p\d+)\}\s*$/;
const LEDD = /^### (.+?) \{#([a-z0-9-]+)\}\s*$/;

/** Parses and validates the statute file. Problems are returned, not thrown. */
export function parseLovtekst(kilde: string): { lovtekst?: Lovtekst; problemer: string[] } {
  const problemer: string[] = [];
  const { frontmatter, kropp, problem } = delFrontmatter(kilde.normalize("NFC"));
  if (problem) return { problemer: [problem] };
  const meta = lovtekstMetaSkjema.safeParse(frontmatter);
  if (!meta.success) {
    return { problemer: meta.error.issues.map((i) => `${i.path.map(String).join(".") || "frontmatter"}: ${i.message}`) };
  }
  const kontroll = meta.data.kontroll;
  const brukt = new Set<string>();
  const hentKontroll = (id: string): Lovkontroll => {
    brukt.add(id);
    const k = kontroll[id];
    if (!k) problemer.push(`${id} mangler en kontroll-oppføring i frontmatter (hvilke kilder siterer teksten ordrett?)`);
    return k ?? { status: "ubekreftet", kilder: [], merknad: "mangler" };
  };

  const paragrafer: Lovparagraf[] = [];
  let ledd: { id: string; etikett: string; linjer: string[] } | undefined;
  const avsluttLedd = () => {
    const p = paragrafer.at(-1);
    if (!ledd || !p) return;
    const tekst = ledd.linjer.join(" ").replace(/\s+/g, " ").trim();
    if (!tekst) problemer.push(`leddet #${ledd.id} er tomt`);
    if (!ledd.id.startsWith(`${p.id}-`)) problemer.push(`leddet #${ledd.id} skal ha en id som starter med ${p.id}-`);
    p.ledd.push({ id: ledd.id, etikett: ledd.etikett, tekst, kontroll: hentKontroll(ledd.id) });
    ledd = undefined;
  };
  for (const linje of kropp.split(/\r?\n/)) {
    const mp = PARAGRAF.exec(linje);
    if (mp) {
      avsluttLedd();
      const [, nummer, tittel, id] = mp as unknown as [string, string, string, string];
      if (id !== `p${nummer}`) problemer.push(`§ ${nummer} skal ha ankeret #p${nummer} (fant #${id})`);
      paragrafer.push({ id, nummer, tittel, tittelKontroll: hentKontroll(`${id}-tittel`), ledd: [], mangler: meta.data.mangler[id] });
      continue;
    }
    const ml = LEDD.exec(linje);
    if (ml) {
      avsluttLedd();
      if (!paragrafer.length) problemer.push(`leddet #${ml[2]} står før første paragraf`);
      ledd = { etikett: ml[1]!, id: ml[2]!, linjer: [] };
      continue;
    }
    if (/^#/.test(linje)) problemer.push(`ukjent overskrift: ${linje} (bruk «## § NN Tittel {#pNN}» og «### Ledd {#pNN-n}»)`);
    else if (ledd) ledd.linjer.push(linje);
    else if (linje.trim()) problemer.push(`tekst utenfor et ledd: «${linje.trim().slice(0, 40)}»`);
  }
  avsluttLedd();

  const nummer = paragrafer.map((p) => p.nummer).join(",");
  if (nummer !== "41,42,43") problemer.push(`kapittel VIII skal ha §§ 41, 42 og 43 i rekkefølge (fant ${nummer || "ingen"})`);
  for (const id of Object.keys(kontroll)) if (!brukt.has(id)) problemer.push(`kontroll.${id} viser til en blokk som ikke finnes`);
  for (const id of Object.keys(meta.data.mangler)) if (!paragrafer.some((p) => p.id === id)) problemer.push(`mangler.${id}: paragrafen finnes ikke`);
  for (const p of paragrafer) {
    if (p.ledd.length === 0 && !p.mangler) problemer.push(`§ ${p.nummer} har ingen ledd; si i «mangler.${p.id}» hvorfor teksten ikke er lagt inn`);
  }
  return problemer.length ? { problemer } : { lovtekst: { meta: meta.data, paragrafer }, problemer };
}

/** Whitespace, soft hyphens and Markdown marks removed, so a quote matches however it is wrapped. */
export function normaliserLovtekst(tekst: string): string {
  return tekst
    .normalize("NFC")
    .replace(/\u00ad/g, "")
    .replace(/:begrep\[([^\]]*)\]\{[^}]*\}/g, "$1")
    .replace(/^[ \t]*>[ \t]?/gm, "")
    .replace(/\*\*|__/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

const MELLOM = /^[\s>]*[([,]?[\s>]*(?:(?:står|stod)\s+(?:det\s+)?i\s+|jf\.\s*|(?:sier|seier)\s+)?(?:barnehageloven|barnehagelova)?[\s>]*[([]?[\s>]*$/;

export type Lovsitat = { sitat: string; paragraf: string; linje: number };

/**
 * Every quotation marked as statute text: «…» followed, within the same sentence and a few
 * characters, by a § reference, e.g. «…» (§ 42), «…» står i § 41, «…» ([§ 42](lov:#p42)),
 * «…» (barnehageloven § 41). WebVTT timing lines are ignored, so a quote may span two cues.
 */
export function finnLovsitater(kilde: string, filtype: "md" | "yaml" | "vtt"): Lovsitat[] {
  let tekst = kilde.normalize("NFC");
  if (filtype === "vtt") {
    tekst = tekst
      .split(/\r?\n/)
      .map((l) => (/-->/.test(l) || /^WEBVTT/.test(l) || /^\d+$/.test(l.trim()) ? "" : l))
      .join("\n");
  }
  const funn: Lovsitat[] = [];
  const monster = /«([^«»]+)»([^«»§]{0,40}?)§§?\s*(\d+)/g;
  for (const m of tekst.matchAll(monster)) {
    const [, sitat, mellom] = m as unknown as [string, string, string, string];
    // Only a citation may stand between the quote and the §; otherwise the § belongs to another
    // statement («…» er utestenging (§ 41) is an example, not a quotation of the statute).
    if (!MELLOM.test(mellom)) continue;
    funn.push({ sitat, paragraf: m[3]!, linje: tekst.slice(0, m.index).split("\n").length });
  }
  return funn;
}

/**
 * Checks one quote against the stored text: each part (split at «…») must appear, in order, in
 * the § it cites. Returns a problem, or undefined when the quote is verbatim.
 */
export function sjekkLovsitat(lovtekst: Lovtekst, s: Lovsitat): string | undefined {
  const deler = normaliserLovtekst(s.sitat)
    .split(/\s*(?:\[…\]|\[\.\.\.\]|…|\.\.\.)\s*/)
    .map((d) => d.trim())
    .filter(Boolean);
  const vis = `«${normaliserLovtekst(s.sitat)}» (§ ${s.paragraf})`;
  const paragraf = lovtekst.paragrafer.find((p) => p.nummer === s.paragraf);
  if (!paragraf) return `linje ${s.linje}: ${vis} siterer en paragraf som ikke er lagret (bare §§ 41–43 i ${LOVTEKST_FIL}); fjern anførselstegnene eller skriv med egne ord`;
  const iParagraf = (p: Lovparagraf) => {
    const hel = normaliserLovtekst([p.tittel, ...p.ledd.map((l) => l.tekst)].join(" \u0000 "));
    let fra = 0;
    for (const del of deler) {
      const i = hel.indexOf(del, fra);
      if (i < 0) return false;
      fra = i + del.length;
    }
    return true;
  };
  if (iParagraf(paragraf)) return undefined;
  const annen = lovtekst.paragrafer.find((p) => p !== paragraf && iParagraf(p));
  if (annen) return `linje ${s.linje}: ${vis} står i § ${annen.nummer}, ikke i § ${s.paragraf}`;
  return `linje ${s.linje}: ${vis} står ikke ordrett i den lagrede lovteksten (${LOVTEKST_FIL}); siter ordrett eller skriv med egne ord uten «»`;
}

/** Every content file (Markdown, film manuscripts, WebVTT) except the statute file itself. */
export async function sjekkAlleLovsitater(rot: string, lovtekst: Lovtekst): Promise<{ fil: string; melding: string }[]> {
  const problemer: { fil: string; melding: string }[] = [];
  const filer = (await readdir(rot, { recursive: true }))
    .map((f) => f.split(path.sep).join("/"))
    .filter((f) => /\.(md|ya?ml|vtt)$/.test(f) && f !== LOVTEKST_FIL)
    .sort();
  for (const fil of filer) {
    const kilde = await readFile(path.join(rot, fil), "utf8");
    const type = fil.endsWith(".vtt") ? "vtt" : fil.endsWith(".md") ? "md" : "yaml";
    for (const s of finnLovsitater(kilde, type)) {
      const feil = sjekkLovsitat(lovtekst, s);
      if (feil) problemer.push({ fil, melding: feil });
    }
  }
  return problemer;
}
