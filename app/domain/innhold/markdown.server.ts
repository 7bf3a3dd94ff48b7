import { createRequire } from "node:module";
import { parse as parseYaml } from "yaml";
import type { Root, RootContent, Heading, PhrasingContent, Link } from "mdast";
import { aktivitetAttrSkjema, type AktivitetType } from "./innhold.schema.ts";

/**
 * Turns one content Markdown file into structured blocks: an introduction, sections with stable
 * ids, and film and activity blocks. Raw HTML is never passed through. Problems are collected
 * (not thrown) so the content test can list them all at once.
 */

export type Aktivitet = {
  id: string;
  type: AktivitetType;
  tittel: string;
  html: string;
  minutter?: number;
  igp?: { individuelt: number; gruppe: number; plenum: number };
};

/**
 * «Dette bør komme fram»: the facilitator's answer to one diskusjon or case activity, written in
 * the leader guide as `:::svar{#m1-a2}`. The activity's title and type are filled in by the
 * content index from the module text of the same language.
 */
export type Svar = { aktivitetId: string; tittel: string; aktivitetType?: AktivitetType; html: string };

export type Blokk =
  | { type: "tekst"; html: string }
  | { type: "film"; filmId: string }
  | { type: "aktivitet"; aktivitet: Aktivitet }
  | { type: "svar"; svar: Svar };

export type Seksjon = { id: string; tittel: string; blokker: Blokk[]; ord: number };

/** A link or glossary reference found in the text, checked against the index afterwards. */
export type Referanse = { type: "modul" | "lov" | "begrep"; id: string; anker?: string };

export type ParsetDokument = {
  frontmatter: unknown;
  innledning: Blokk[];
  innledningOrd: number;
  seksjoner: Seksjon[];
  referanser: Referanse[];
  problemer: string[];
  ren: string;
};

/**
 * The Markdown pipeline (unified, remark, rehype: ~24 MB) is loaded at the first parse, not at
 * start: a server started from `npm run build` reads the stored index and never parses (issue 16).
 * Node 24's require() loads these ES modules synchronously, so parseDokument stays synchronous.
 */
const krev = createRequire(import.meta.url);
function lagPipeline() {
  const { unified } = krev("unified") as typeof import("unified");
  const remarkParse = (krev("remark-parse") as typeof import("remark-parse")).default;
  const remarkDirective = (krev("remark-directive") as typeof import("remark-directive")).default;
  const remarkRehype = (krev("remark-rehype") as typeof import("remark-rehype")).default;
  const rehypeStringify = (krev("rehype-stringify") as typeof import("rehype-stringify")).default;
  return { prosessor: unified().use(remarkParse).use(remarkDirective), tilHtml: unified().use(remarkRehype).use(rehypeStringify) };
}
let pipeline: ReturnType<typeof lagPipeline> | undefined;
const markdown = () => (pipeline ??= lagPipeline());

export function delFrontmatter(kilde: string): { frontmatter: unknown; kropp: string; problem?: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(kilde);
  if (!m) return { frontmatter: {}, kropp: kilde, problem: "mangler frontmatter (--- … ---) øverst" };
  try {
    return { frontmatter: parseYaml(m[1]!), kropp: kilde.slice(m[0].length) };
  } catch (feil) {
    return { frontmatter: {}, kropp: kilde.slice(m[0].length), problem: `ugyldig YAML: ${(feil as Error).message}` };
  }
}

export function parseDokument(kilde: string): ParsetDokument {
  const { frontmatter, kropp, problem } = delFrontmatter(kilde.normalize("NFC"));
  const problemer: string[] = problem ? [problem] : [];
  const referanser: Referanse[] = [];
  const tre = markdown().prosessor.parse(kropp) as Root;

  const innledning: Blokk[] = [];
  const seksjoner: Seksjon[] = [];
  let blokker = innledning;
  let tekstNoder: RootContent[] = [];
  let ord = 0;
  let innledningOrd = 0;

  const tomTekst = () => {
    if (tekstNoder.length === 0) return;
    blokker.push({ type: "tekst", html: renderNoder(tekstNoder, referanser, problemer) });
    ord += tellOrd(tekstNoder);
    tekstNoder = [];
  };
  const avsluttSeksjon = () => {
    tomTekst();
    const siste = seksjoner.at(-1);
    if (siste) siste.ord = ord;
    else innledningOrd = ord;
    ord = 0;
  };

  for (const node of tre.children) {
    if (node.type === "heading" && node.depth === 2) {
      avsluttSeksjon();
      const { tittel, id } = overskriftMedId(node);
      if (!id) problemer.push(`overskriften «${tittel}» mangler {#id}`);
      const seksjon: Seksjon = { id: id ?? "", tittel, blokker: [], ord: 0 };
      seksjoner.push(seksjon);
      blokker = seksjon.blokker;
    } else if (node.type === "leafDirective" && node.name === "film") {
      tomTekst();
      const filmId = node.attributes?.id;
      if (!filmId) problemer.push("::film mangler {#film-id}");
      else blokker.push({ type: "film", filmId });
    } else if (node.type === "containerDirective" && node.name === "aktivitet") {
      tomTekst();
      const aktivitet = lesAktivitet(node, referanser, problemer);
      if (aktivitet) {
        blokker.push({ type: "aktivitet", aktivitet });
        ord += tellOrd(node.children);
      }
    } else if (node.type === "containerDirective" && node.name === "svar") {
      tomTekst();
      const aktivitetId = node.attributes?.id;
      if (!aktivitetId) problemer.push(":::svar mangler {#aktivitets-id}");
      else {
        blokker.push({ type: "svar", svar: { aktivitetId, tittel: "", html: renderNoder(node.children as RootContent[], referanser, problemer) } });
        ord += tellOrd(node.children);
      }
    } else if (node.type === "html") {
      problemer.push("rå HTML er ikke tillatt i innholdet");
    } else if (node.type === "leafDirective" || node.type === "containerDirective") {
      problemer.push(`ukjent blokk «${node.name}»`);
    } else {
      tekstNoder.push(node);
    }
  }
  avsluttSeksjon();
  return { frontmatter, innledning, innledningOrd, seksjoner, referanser, problemer, ren: kropp };
}

function overskriftMedId(node: Heading): { tittel: string; id?: string } {
  const tekst = tilRenTekst(node.children).trim();
  const m = /\s*\{#([a-z0-9-]+)\}$/.exec(tekst);
  return m ? { tittel: tekst.slice(0, m.index).trim(), id: m[1] } : { tittel: tekst };
}

function lesAktivitet(node: any, referanser: Referanse[], problemer: string[]): Aktivitet | undefined {
  const [forste, ...resten] = node.children as RootContent[];
  const harEtikett = forste?.type === "paragraph" && (forste.data as any)?.directiveLabel;
  const tittel = harEtikett ? tilRenTekst((forste as any).children).trim() : "";
  const kropp = harEtikett ? resten : (node.children as RootContent[]);
  const attr = aktivitetAttrSkjema.safeParse(node.attributes ?? {});
  const navn = node.attributes?.id ?? "(uten id)";
  if (!tittel) problemer.push(`aktiviteten ${navn} mangler tittel i [klammer]`);
  if (!attr.success) {
    problemer.push(
      `aktiviteten ${navn}: ${attr.error.issues.map((i) => `${i.path.join(".") || "attributter"} ${i.message}`).join("; ")}`,
    );
    return undefined;
  }
  const a = attr.data;
  return {
    id: a.id,
    type: a.type,
    tittel,
    html: renderNoder(kropp, referanser, problemer),
    ...(a.type === "diskusjon"
      ? { igp: { individuelt: a.individuelt, gruppe: a.gruppe, plenum: a.plenum }, minutter: a.individuelt + a.gruppe + a.plenum }
      : a.minutter
        ? { minutter: a.minutter }
        : {}),
  };
}

/** Renders Markdown nodes to HTML after resolving our own link forms and glossary references. */
function renderNoder(noder: RootContent[], referanser: Referanse[], problemer: string[]): string {
  const rot: Root = { type: "root", children: structuredClone(noder) };
  omskriv(rot, referanser, problemer);
  const { tilHtml } = markdown();
  return String(tilHtml.stringify(tilHtml.runSync(rot as any) as any));
}

function omskriv(node: any, referanser: Referanse[], problemer: string[]) {
  if (!Array.isArray(node.children)) return;
  node.children = node.children.map((barn: any) => {
    if (barn.type === "textDirective" && barn.name === "begrep") {
      const id = barn.attributes?.id;
      if (!id) problemer.push("begrep mangler {#id}");
      else referanser.push({ type: "begrep", id });
      const lenke: Link = {
        type: "link",
        url: `/begreper#${id ?? ""}`,
        children: barn.children as PhrasingContent[],
        data: { hProperties: { className: ["begrep"] } },
      };
      return lenke;
    }
    if (barn.type === "textDirective") {
      // remark-directive reads ":ord" in running text as a directive; give the text back.
      return { type: "text", value: `:${barn.name}${tilRenTekst(barn.children ?? [])}` };
    }
    if (barn.type === "html") {
      problemer.push("rå HTML er ikke tillatt i innholdet");
      return { type: "text", value: "" };
    }
    if (barn.type === "link") barn.url = lenkeMaal(barn.url, referanser, problemer);
    omskriv(barn, referanser, problemer);
    return barn;
  });
}

/** `modul:m2#seksjon` → /moduler/<slug>#seksjon is resolved later; here we note and encode it. */
function lenkeMaal(url: string, referanser: Referanse[], problemer: string[]): string {
  const m = /^(modul|lov):([^#]*)(?:#(.*))?$/.exec(url);
  if (!m) {
    if (!/^(https?:|mailto:|\/|#)/.test(url)) problemer.push(`ukjent lenke «${url}»`);
    return url;
  }
  const [, type, id, anker] = m;
  if (type === "modul") {
    referanser.push({ type: "modul", id: id!, ...(anker ? { anker } : {}) });
    return `samla-modul:${id}${anker ? `#${anker}` : ""}`;
  }
  referanser.push({ type: "lov", id: "lov", ...(anker ? { anker } : {}) });
  return `/lov${anker ? `#${anker}` : ""}`;
}

export function tilRenTekst(noder: any[]): string {
  return noder
    .map((n) => (n.type === "text" || n.type === "inlineCode" ? n.value : n.children ? tilRenTekst(n.children) : ""))
    .join("");
}

function tellOrd(noder: any[]): number {
  const deler: string[] = [];
  const samle = (n: any) => {
    if (typeof n.value === "string") deler.push(n.value);
    n.children?.forEach(samle);
  };
  noder.forEach(samle);
  return deler.join(" ").split(/\s+/).filter(Boolean).length;
}
