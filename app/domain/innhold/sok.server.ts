import MiniSearch from "minisearch";
import type { Innhold, PerSpraak } from "./innhold.server.ts";
import type { Blokk } from "./markdown.server.ts";
import type { Spraak } from "./innhold.schema.ts";

/**
 * Full-text search in the package, one index per målform, built once at start from the content
 * index (MiniSearch: small, maintained, no native code). Leader guides are never indexed: the
 * search is public.
 */
export type SokeTreff = {
  id: string;
  tittel: string;
  sted: string;
  url: string;
  utdrag: string;
};

type Dokument = { id: string; tittel: string; tekst: string; sted: string; url: string };

export type Sok = (sporring: string, sp: Spraak) => SokeTreff[];

const MAKS_TREFF = 30;

export function lagSok(innhold: Innhold, navn: PerSpraak<{ modul: (n: number) => string; begreper: string; lov: string; innledning: string }>): Sok {
  const indekser = {} as PerSpraak<{ mini: MiniSearch<Dokument>; dok: Map<string, Dokument> }>;
  for (const sp of ["nb", "nn"] as const) {
    const dokumenter: Dokument[] = [];
    for (const m of innhold.moduler) {
      const t = m.tekst[sp];
      const modulNavn = `${navn[sp].modul(m.nummer)}: ${t.meta.tittel}`;
      dokumenter.push({ id: `${m.id}#innledning`, tittel: t.meta.tittel, tekst: `${t.meta.ingress} ${tekstAv(t.innledning)}`, sted: `${modulNavn} · ${navn[sp].innledning}`, url: `/moduler/${m.slug}` });
      for (const s of t.seksjoner) {
        dokumenter.push({ id: `${m.id}#${s.id}`, tittel: s.tittel, tekst: tekstAv(s.blokker), sted: modulNavn, url: `/moduler/${m.slug}#${s.id}` });
      }
    }
    for (const s of innhold.begreper[sp].seksjoner) {
      dokumenter.push({ id: `begrep#${s.id}`, tittel: s.tittel, tekst: tekstAv(s.blokker), sted: navn[sp].begreper, url: `/begreper#${s.id}` });
    }
    for (const s of innhold.lov[sp].seksjoner) {
      dokumenter.push({ id: `lov#${s.id}`, tittel: s.tittel, tekst: tekstAv(s.blokker), sted: navn[sp].lov, url: `/lov#${s.id}` });
    }
    const mini = new MiniSearch<Dokument>({
      fields: ["tittel", "tekst"],
      storeFields: [],
      processTerm: (ord) => normaliser(ord),
      searchOptions: { boost: { tittel: 3 }, prefix: true, fuzzy: 0.15, combineWith: "AND" },
    });
    mini.addAll(dokumenter);
    indekser[sp] = { mini, dok: new Map(dokumenter.map((d) => [d.id, d])) };
  }
  return (sporring, sp) => {
    const q = sporring.normalize("NFC").trim().slice(0, 200);
    if (q.length < 2) return [];
    const { mini, dok } = indekser[sp];
    return mini
      .search(q)
      .slice(0, MAKS_TREFF)
      .map((r) => {
        const d = dok.get(String(r.id))!;
        return { id: d.id, tittel: d.tittel, sted: d.sted, url: d.url, utdrag: utdrag(d.tekst, r.terms) };
      });
  };
}

function normaliser(ord: string) {
  return ord.normalize("NFC").toLocaleLowerCase("nb-NO");
}

/** Plain text of blocks (for the index): tags removed, entities decoded. */
export function tekstAv(blokker: Blokk[]): string {
  return blokker
    .map((b) => (b.type === "tekst" ? b.html : b.type === "aktivitet" ? `${b.aktivitet.tittel} ${b.aktivitet.html}` : ""))
    .join(" ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&(amp|lt|gt|quot);/g, (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"' })[e]!)
    .replace(/\s+/g, " ")
    .trim();
}

/** The sentence around the first matching word, so the reader sees why it is a hit. */
function utdrag(tekst: string, termer: string[]): string {
  const liten = normaliser(tekst);
  const pos = Math.min(...termer.map((t) => liten.indexOf(t)).filter((i) => i >= 0), Number.MAX_SAFE_INTEGER);
  if (pos === Number.MAX_SAFE_INTEGER) return tekst.slice(0, 180) + (tekst.length > 180 ? " …" : "");
  const start = Math.max(0, pos - 80);
  const slutt = Math.min(tekst.length, pos + 140);
  return `${start > 0 ? "… " : ""}${tekst.slice(start, slutt).trim()}${slutt < tekst.length ? " …" : ""}`;
}
