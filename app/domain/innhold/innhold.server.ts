import { readdir, readFile, stat } from "node:fs/promises";
import { createHash } from "node:crypto";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { LOVTEKST_FIL, parseLovtekst, sjekkAlleLovsitater, type Lovtekst } from "./lovtekst.server.ts";
import { tilOslo } from "#app/domain/samling/tid.ts";
import { osloTilIso } from "./utgave.ts";
import { parseDokument, type Aktivitet, type Blokk, type ParsetDokument, type Referanse, type Seksjon } from "./markdown.server.ts";
import {
  SPRAAK,
  filmManusSkjema,
  lederMetaSkjema,
  modulMetaSkjema,
  utgaverSkjema,
  type ModulStatus,
  sideMetaSkjema,
  type FilmManus,
  type LederMeta,
  type ModulMeta,
  type SideMeta,
  type Spraak,
} from "./innhold.schema.ts";

/**
 * The content index: reads content/ once at start, validates every file, checks that bokmål and
 * nynorsk agree, resolves internal links, and serves modules by id or slug. Loaders look content
 * up here; nothing builds file paths from URL parameters.
 */

export type PerSpraak<T> = Record<Spraak, T>;
export type Side = { meta: SideMeta; innledning: Blokk[]; seksjoner: Seksjon[] };
export type ModulTekst = { meta: ModulMeta; innledning: Blokk[]; innledningOrd: number; seksjoner: Seksjon[]; aktiviteter: Aktivitet[] };
export type Lederstotte = { meta: LederMeta; seksjoner: Seksjon[] };
export type Film = {
  id: string;
  manus: FilmManus;
  /** URLs with a content hash so they can be cached forever. One video serves both languages. */
  video: string;
  teksting: PerSpraak<string>;
  /** The audio description track (WebVTT kind="descriptions") per language. */
  synstolking: PerSpraak<string>;
};
/** One edition of a module (ADR 0034): from when it applies, and what changed. */
export type Utgave = {
  nummer: number;
  /** When it goes live, as a UTC ISO instant ("" for a draft that has no time yet). */
  fra: string;
  /** The Oslo calendar date it went live: «sist endret». */
  dato: string;
  juridisk: boolean;
  endringer?: PerSpraak<string>;
  /** The text of an older edition (utgaver/<n>/nb.md and nn.md); the newest is the module's own. */
  tekst?: PerSpraak<ModulTekst>;
};
export type Modul = {
  id: string;
  nummer: number;
  slug: string;
  mappe: string;
  tekst: PerSpraak<ModulTekst>;
  leder: PerSpraak<Lederstotte>;
  filmer: Map<string, Film>;
  /** Editorial status and editions (utgaver.yaml; ADR 0034). */
  status: ModulStatus;
  /** For a scheduled module: when it appears (UTC ISO). */
  publiseres?: string;
  kommer?: PerSpraak<string>;
  /** Oldest first; the last is the newest (it may still be scheduled). */
  utgaver: Utgave[];
  /** Set on a module as shown in one edition (see utgave.ts). */
  utgave?: number;
};
export type MediaFil = { fil: string; storrelse: number; type: string };

export type Innhold = {
  /** Hash of every content file; part of every page-cache key. */
  versjon: string;
  sistEndret: string;
  pakke: PerSpraak<Side>;
  begreper: PerSpraak<Side>;
  lov: PerSpraak<Side>;
  /** Barnehageloven kapittel VIII as stored in content/lov (bokmål only). */
  lovtekst: Lovtekst;
  moduler: Modul[];
  modulEtterSlug: (slug: string) => Modul | undefined;
  /** Media file name (as in the URL) → file on disk. */
  media: Map<string, MediaFil>;
  /** Problems in draft modules: not fatal, shown to the editor (ADR 0034). */
  utkastProblemer?: Problem[];
  /** Scheduled modules the front page announces (only in the public view, utgave.ts). */
  kommer?: { id: string; nummer: number; tittel: PerSpraak<string>; tekst: PerSpraak<string> }[];
};

export type Problem = { fil: string; melding: string };

export class InnholdsFeil extends Error {
  readonly problemer: Problem[];
  constructor(problemer: Problem[]) {
    super(`Innholdet har ${problemer.length} feil:\n${problemer.map((p) => `  - ${p.fil}: ${p.melding}`).join("\n")}`);
    this.problemer = problemer;
  }
}

export const MIN_ORD_PER_SEKSJON = 120;
const PLASSHOLDER = /\b(TODO|FIXME|TBD|lorem ipsum|fyll inn|plassholder)\b|\[\s*\.\.\.\s*\]|xxx/i;
const LEDER_SEKSJONER = ["formal", "forberedelser", "sporsmal", "svar", "avtale", "oppfolging", "fallgruver", "alle"];
/** Activity types whose answer is discussed in the group: each needs «Dette bør komme fram». */
export const TYPER_MED_SVAR = ["diskusjon", "case"] as const;

/**
 * Reads and validates all content; throws InnholdsFeil listing every problem. With `buffer`, a
 * file written by `npm run build` (scripts/sjekk-innhold.ts --skriv) is used instead when it was
 * made from exactly the same files: parsing Markdown is most of the start-up time and memory.
 */
export async function lesInnhold(rot: string, valg: { buffer?: string } = {}): Promise<Innhold> {
  if (valg.buffer) {
    const lagret = await readFile(valg.buffer, "utf8").catch(() => undefined);
    if (lagret) {
      const data = JSON.parse(lagret) as Lagret;
      if (data.kilde === (await kildeHash(rot))) return fraLagring(data);
    }
  }
  const { innhold, problemer } = await lesInnholdMedProblemer(rot);
  if (problemer.length > 0 || !innhold) throw new InnholdsFeil(problemer);
  return innhold;
}

type Lagret = Omit<Innhold, "moduler" | "media" | "modulEtterSlug"> & {
  kilde: string;
  moduler: (Omit<Modul, "filmer"> & { filmer: [string, Film][] })[];
  media: [string, MediaFil][];
};

/** The validated index as JSON, stamped with the hash of the files it was made from. */
export async function tilLagring(rot: string, innhold: Innhold): Promise<string> {
  const { moduler, media, modulEtterSlug: _, ...resten } = innhold;
  const data: Lagret = {
    ...resten,
    kilde: await kildeHash(rot),
    moduler: moduler.map((m) => ({ ...m, filmer: [...m.filmer] })),
    media: [...media],
  };
  return JSON.stringify(data);
}

function fraLagring(data: Lagret): Innhold {
  const { kilde: _, ...resten } = data;
  const moduler = data.moduler.map((m) => ({ ...m, filmer: new Map(m.filmer) }));
  const etterSlug = new Map(moduler.map((m) => [m.slug, m]));
  return { ...resten, moduler, media: new Map(data.media), modulEtterSlug: (slug) => etterSlug.get(slug) };
}

/** Hash of every file under content/: text by its bytes, media by size and modification time. */
export async function kildeHash(rot: string): Promise<string> {
  const hash = createHash("sha256");
  const filer = (await readdir(rot, { recursive: true, withFileTypes: true }))
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name))
    .sort();
  for (const fil of filer) {
    hash.update(path.relative(rot, fil));
    if (/\.(md|ya?ml|vtt)$/.test(fil)) hash.update(await readFile(fil));
    else {
      const info = await stat(fil);
      hash.update(`${info.size}:${info.mtimeMs}`);
    }
  }
  return hash.digest("hex");
}

/** Like lesInnhold, but returns the problems instead of throwing (used by the content test). */
export async function lesInnholdMedProblemer(rot: string): Promise<{ innhold?: Innhold; problemer: Problem[]; utkastProblemer?: Problem[] }> {
  const problemer: Problem[] = [];
  const hash = createHash("sha256");
  const les = async (rel: string) => {
    const tekst = await readFile(path.join(rot, rel), "utf8").catch(() => undefined);
    if (tekst === undefined) problemer.push({ fil: rel, melding: "fila mangler" });
    else hash.update(rel).update(tekst);
    return tekst;
  };
  const meld = (fil: string) => (melding: string) => problemer.push({ fil, melding });
  const alleRef: { fil: string; ref: Referanse }[] = [];

  const lesDokument = async (rel: string) => {
    const kilde = await les(rel);
    if (kilde === undefined) return undefined;
    const d = parseDokument(kilde);
    d.problemer.forEach(meld(rel));
    if (PLASSHOLDER.test(d.ren)) meld(rel)("inneholder plassholdertekst (TODO, lorem ipsum, fyll inn …)");
    for (const ref of d.referanser) alleRef.push({ fil: rel, ref });
    return d;
  };

  const lesSide = async (mappe: string): Promise<PerSpraak<Side> | undefined> => {
    const sider: Partial<PerSpraak<Side>> = {};
    for (const sp of SPRAAK) {
      const rel = `${mappe}/${sp}.md`;
      const d = await lesDokument(rel);
      if (!d) continue;
      const meta = sideMetaSkjema.safeParse(d.frontmatter);
      if (!meta.success) zodProblemer(meta.error, meld(rel));
      else sider[sp] = { meta: meta.data, innledning: d.innledning, seksjoner: d.seksjoner };
    }
    if (!sider.nb || !sider.nn) return undefined;
    sammenlignIder(mappe, "seksjoner", sider.nb.seksjoner.map((s) => s.id), sider.nn.seksjoner.map((s) => s.id), problemer);
    return sider as PerSpraak<Side>;
  };

  const pakke = await lesSide("pakke");
  const begreper = await lesSide("begreper");
  const lov = await lesSide("lov");
  const lovtekstKilde = await les(LOVTEKST_FIL);
  const lovtekstParset = lovtekstKilde === undefined ? undefined : parseLovtekst(lovtekstKilde);
  lovtekstParset?.problemer.forEach(meld(LOVTEKST_FIL));
  const lovtekst = lovtekstParset?.lovtekst;
  // Every «quote» followed by a § reference, in every content file, must be verbatim statute text.
  if (lovtekst) problemer.push(...(await sjekkAlleLovsitater(rot, lovtekst)));

  const media = new Map<string, MediaFil>();
  const moduler: Modul[] = [];
  const modulMapper = (await readdir(path.join(rot, "moduler")).catch(() => [] as string[])).filter((m) => /^\d\d-/.test(m)).sort();
  const utkastMapper: string[] = [];
  for (const mappe of modulMapper) {
    if (await erUtkast(rot, `moduler/${mappe}`)) utkastMapper.push(mappe);
    const modul = await lesModul(rot, `moduler/${mappe}`, mappe, lesDokument, les, meld, problemer, media);
    if (modul) moduler.push(modul);
  }
  if (moduler.length === 0) problemer.push({ fil: "moduler", melding: "fant ingen moduler" });
  for (const [i, m] of moduler.entries()) {
    if (m.nummer !== i) problemer.push({ fil: m.mappe, melding: `modulene skal være nummerert 0, 1, 2 … uten hull (fant ${m.nummer} på plass ${i})` });
  }

  // Resolve every internal reference now, so a dangling one fails at start and in the tests.
  const begrepIder = new Set(begreper?.nb.seksjoner.map((s) => s.id));
  const lovIder = new Set(lov?.nb.seksjoner.map((s) => s.id));
  const modulEtterId = new Map(moduler.map((m) => [m.id, m]));
  for (const { fil, ref } of alleRef) {
    if (ref.type === "begrep" && !begrepIder.has(ref.id)) meld(fil)(`begrepet «${ref.id}» finnes ikke i begrepslista`);
    if (ref.type === "lov" && ref.anker && !lovIder.has(ref.anker)) meld(fil)(`lovsida har ikke ankeret #${ref.anker}`);
    if (ref.type === "modul") {
      const m = modulEtterId.get(ref.id);
      if (!m) meld(fil)(`lenken går til modul «${ref.id}», som ikke finnes`);
      else if (ref.anker && !m.tekst.nb.seksjoner.some((s) => s.id === ref.anker)) {
        meld(fil)(`modul ${ref.id} har ikke seksjonen #${ref.anker}`);
      }
    }
  }
  const slugEtterId = new Map(moduler.map((m) => [m.id, m.slug]));
  const lenkeFiks = (html: string) =>
    html.replace(/href="samla-modul:([a-z0-9]+)(#[^"]*)?"/g, (_, id: string, anker = "") => `href="/moduler/${slugEtterId.get(id) ?? id}${anker}"`);
  for (const side of [pakke, begreper, lov]) if (side) for (const sp of SPRAAK) fiksBlokker(side[sp], lenkeFiks);
  for (const m of moduler) {
    for (const u of m.utgaver) if (u.tekst) for (const sp of SPRAAK) fiksBlokker(u.tekst[sp], lenkeFiks);
    for (const sp of SPRAAK) {
      fiksBlokker(m.tekst[sp], lenkeFiks);
      for (const s of m.leder[sp].seksjoner) fiksSeksjon(s, lenkeFiks);
    }
  }

  // A draft may be unfinished: its problems go to the editor's page instead of stopping the app.
  const utkastProblemer = problemer.filter((p) => utkastMapper.some((m) => p.fil === `moduler/${m}` || p.fil.startsWith(`moduler/${m}/`) || p.fil === m));
  const fatale = problemer.filter((p) => !utkastProblemer.includes(p));
  if (fatale.length > 0 || !pakke || !begreper || !lov || !lovtekst) return { problemer: fatale, utkastProblemer };
  const etterSlug = new Map(moduler.map((m) => [m.slug, m]));
  const datoer = [pakke.nb.meta.sistEndret, ...moduler.map((m) => m.tekst.nb.meta.sistEndret)].sort();
  return {
    problemer: fatale,
    utkastProblemer,
    innhold: {
      utkastProblemer,
      versjon: hash.digest("hex").slice(0, 16),
      sistEndret: datoer.at(-1)!,
      pakke,
      begreper,
      lov,
      lovtekst,
      moduler,
      modulEtterSlug: (slug) => etterSlug.get(slug),
      media,
    },
  };
}

function fiksBlokker(side: { innledning: Blokk[]; seksjoner: Seksjon[] }, fiks: (h: string) => string) {
  fiksListe(side.innledning, fiks);
  for (const s of side.seksjoner) fiksSeksjon(s, fiks);
}
function fiksSeksjon(s: Seksjon, fiks: (h: string) => string) {
  fiksListe(s.blokker, fiks);
}
function fiksListe(blokker: Blokk[], fiks: (h: string) => string) {
  for (const b of blokker) {
    if (b.type === "tekst") b.html = fiks(b.html);
    if (b.type === "aktivitet") b.aktivitet.html = fiks(b.aktivitet.html);
    if (b.type === "svar") b.svar.html = fiks(b.svar.html);
  }
}

const alleBlokker = (d: { innledning?: Blokk[]; seksjoner: Seksjon[] }) => [...(d.innledning ?? []), ...d.seksjoner.flatMap((s) => s.blokker)];

/**
 * «Dette bør komme fram»: every diskusjon and case activity of the module has exactly one answer
 * block in the leader guide of the same language, and every answer block belongs to an activity
 * of the module. Fills in each answer's activity title and type from the module text.
 */
function sjekkSvar(tekst: ModulTekst, leder: Lederstotte, fil: string, meld: (fil: string) => (m: string) => void) {
  const aktiviteter = new Map(tekst.aktiviteter.map((a) => [a.id, a]));
  const sett = new Set<string>();
  for (const b of alleBlokker(leder)) {
    if (b.type !== "svar") continue;
    const a = aktiviteter.get(b.svar.aktivitetId);
    if (!a) meld(fil)(`svaret :::svar{#${b.svar.aktivitetId}} viser til en aktivitet som ikke finnes i modulen`);
    else {
      b.svar.tittel = a.tittel;
      b.svar.aktivitetType = a.type;
    }
    if (sett.has(b.svar.aktivitetId)) meld(fil)(`aktiviteten ${b.svar.aktivitetId} har to svar (:::svar)`);
    sett.add(b.svar.aktivitetId);
  }
  for (const a of tekst.aktiviteter) {
    if ((TYPER_MED_SVAR as readonly string[]).includes(a.type) && !sett.has(a.id)) {
      meld(fil)(`aktiviteten ${a.id} (${a.type}) mangler «Dette bør komme fram» (:::svar{#${a.id}})`);
    }
  }
}

async function lesModul(
  rot: string,
  rel: string,
  mappe: string,
  lesDokument: (rel: string) => Promise<ParsetDokument | undefined>,
  les: (rel: string) => Promise<string | undefined>,
  meld: (fil: string) => (melding: string) => void,
  problemer: Problem[],
  media: Map<string, MediaFil>,
): Promise<Modul | undefined> {
  const tekst: Partial<PerSpraak<ModulTekst>> = {};
  const leder: Partial<PerSpraak<Lederstotte>> = {};
  for (const sp of SPRAAK) {
    const fil = `${rel}/${sp}.md`;
    const d = await lesDokument(fil);
    if (d) {
      const meta = modulMetaSkjema.safeParse(d.frontmatter);
      if (!meta.success) zodProblemer(meta.error, meld(fil));
      else {
        const aktiviteter = [...d.innledning, ...d.seksjoner.flatMap((s) => s.blokker)].flatMap((b) =>
          b.type === "aktivitet" ? [b.aktivitet] : [],
        );
        tekst[sp] = { meta: meta.data, innledning: d.innledning, innledningOrd: d.innledningOrd, seksjoner: d.seksjoner, aktiviteter };
        sjekkModulTekst(tekst[sp]!, meld(fil));
      }
    }
    const lfil = `${rel}/leder.${sp}.md`;
    const l = await lesDokument(lfil);
    if (l) {
      const meta = lederMetaSkjema.safeParse(l.frontmatter);
      if (!meta.success) zodProblemer(meta.error, meld(lfil));
      else leder[sp] = { meta: meta.data, seksjoner: l.seksjoner };
      const ider = l.seksjoner.map((s) => s.id);
      const mangler = LEDER_SEKSJONER.filter((id) => !ider.includes(id));
      if (mangler.length) meld(lfil)(`lederstøtten mangler seksjonene ${mangler.map((m) => `#${m}`).join(", ")}`);
    }
  }
  if (!tekst.nb || !tekst.nn || !leder.nb || !leder.nn) return undefined;
  const { nb, nn } = tekst as PerSpraak<ModulTekst>;
  for (const sp of SPRAAK) {
    if (alleBlokker(tekst[sp]!).some((b) => b.type === "svar")) meld(`${rel}/${sp}.md`)("«Dette bør komme fram» (:::svar) hører hjemme i lederstøtten, ikke i modulen");
    sjekkSvar(tekst[sp]!, leder[sp]!, `${rel}/leder.${sp}.md`, meld);
  }
  const svarIder = (sp: Spraak) => alleBlokker(leder[sp]!).flatMap((b) => (b.type === "svar" ? [b.svar.aktivitetId] : []));
  sammenlignIder(rel, "svar i lederstøtten", svarIder("nb"), svarIder("nn"), problemer);

  for (const felt of ["id", "nummer", "slug"] as const) {
    if (nb.meta[felt] !== nn.meta[felt]) problemer.push({ fil: rel, melding: `${felt} er ulik i nb.md og nn.md` });
  }
  if (!mappe.startsWith(`${String(nb.meta.nummer).padStart(2, "0")}-`)) {
    problemer.push({ fil: rel, melding: `mappenavnet skal starte med ${String(nb.meta.nummer).padStart(2, "0")}-` });
  }
  sammenlignIder(rel, "seksjoner", nb.seksjoner.map((s) => s.id), nn.seksjoner.map((s) => s.id), problemer);
  sammenlignIder(rel, "aktiviteter", nb.aktiviteter.map((a) => `${a.id}:${a.type}`), nn.aktiviteter.map((a) => `${a.id}:${a.type}`), problemer);
  sammenlignIder(rel, "filmer", nb.meta.filmer, nn.meta.filmer, problemer);
  const lnb = leder.nb!.meta;
  const lnn = leder.nn!.meta;
  sammenlignIder(rel, "steg i samlingsplanen", lnb.samlingsplan.map((s) => `${s.id}:${s.type}:${s.minutter}`), lnn.samlingsplan.map((s) => `${s.id}:${s.type}:${s.minutter}`), problemer);
  sammenlignIder(rel, "seksjoner i lederstøtten", leder.nb!.seksjoner.map((s) => s.id), leder.nn!.seksjoner.map((s) => s.id), problemer);
  if (lnb.modul !== nb.meta.id || lnn.modul !== nb.meta.id) problemer.push({ fil: rel, melding: "lederstøtten peker på feil modul" });

  const aktivitetIder = new Set(nb.aktiviteter.map((a) => a.id));
  const filmIder = new Set(nb.meta.filmer);
  for (const a of nb.aktiviteter) {
    if (!a.id.startsWith(`${nb.meta.id}-`)) problemer.push({ fil: rel, melding: `aktivitets-id ${a.id} skal starte med ${nb.meta.id}-` });
  }
  if (new Set(nb.aktiviteter.map((a) => a.id)).size !== nb.aktiviteter.length) problemer.push({ fil: rel, melding: "to aktiviteter har samme id" });
  for (const steg of lnb.samlingsplan) {
    if (steg.aktivitet && !aktivitetIder.has(steg.aktivitet)) problemer.push({ fil: `${rel}/leder.nb.md`, melding: `steg ${steg.id} viser til aktiviteten ${steg.aktivitet}, som ikke finnes` });
    if (steg.film && !filmIder.has(steg.film)) problemer.push({ fil: `${rel}/leder.nb.md`, melding: `steg ${steg.id} viser til filmen ${steg.film}, som ikke finnes` });
  }

  const filmer = new Map<string, Film>();
  const plassert = new Set(
    SPRAAK.flatMap((sp) => [...tekst[sp]!.innledning, ...tekst[sp]!.seksjoner.flatMap((s) => s.blokker)]).flatMap((b) => (b.type === "film" ? [b.filmId] : [])),
  );
  for (const filmId of nb.meta.filmer) {
    if (!plassert.has(filmId)) problemer.push({ fil: rel, melding: `filmen ${filmId} står ikke i teksten (::film{#${filmId}})` });
    const manusFil = `${rel}/filmer/${filmId}.yaml`;
    const kilde = await les(manusFil);
    if (kilde === undefined) continue;
    let manus: FilmManus;
    try {
      const r = filmManusSkjema.safeParse(parseYaml(kilde));
      if (!r.success) {
        zodProblemer(r.error, meld(manusFil));
        continue;
      }
      manus = r.data;
    } catch (feil) {
      meld(manusFil)(`ugyldig YAML: ${(feil as Error).message}`);
      continue;
    }
    if (manus.id !== filmId) meld(manusFil)(`id i manuset (${manus.id}) er ikke ${filmId}`);
    const url = async (navn: string, type: "video/mp4" | "text/vtt", mangler: string): Promise<string | undefined> => {
      const fil = path.join(rot, rel, "media", navn);
      const info = await stat(fil).catch(() => undefined);
      if (!info) {
        problemer.push({ fil: `${rel}/media/${navn}`, melding: `${mangler} (kjør node scripts/lag-filmer.ts)` });
        return undefined;
      }
      if (type === "text/vtt") {
        const vtt = await readFile(fil, "utf8");
        if (!vtt.startsWith("WEBVTT") || !/-->/.test(vtt)) problemer.push({ fil: `${rel}/media/${navn}`, melding: "er ikke en gyldig WebVTT-fil med tekstlinjer" });
      }
      const v = createHash("sha256").update(`${info.size}:${info.mtimeMs}:${navn}`).digest("hex").slice(0, 10);
      media.set(navn, { fil, storrelse: info.size, type });
      return `/media/${navn}?v=${v}`;
    };
    // One video for both languages (no text in the picture); captions and descriptions per language.
    const video = await url(`${filmId}.mp4`, "video/mp4", "videoen mangler");
    const teksting = {} as PerSpraak<string>;
    const synstolking = {} as PerSpraak<string>;
    for (const sp of SPRAAK) {
      const t = await url(`${filmId}.${sp}.vtt`, "text/vtt", "tekstingsfila mangler");
      const s = await url(`${filmId}.syn.${sp}.vtt`, "text/vtt", "synstolkingsfila mangler");
      if (t) teksting[sp] = t;
      if (s) synstolking[sp] = s;
    }
    if (video === undefined) continue;
    filmer.set(filmId, { id: filmId, manus, video, teksting, synstolking });
  }

  const red = await lesUtgaver(rot, rel, nb.meta.sistEndret, les, lesDokument, meld);
  if (!red) return undefined;
  return {
    id: nb.meta.id,
    nummer: nb.meta.nummer,
    slug: nb.meta.slug,
    mappe,
    tekst: tekst as PerSpraak<ModulTekst>,
    leder: leder as PerSpraak<Lederstotte>,
    filmer,
    ...red,
  };
}

/** Whether a module folder is a draft (its utgaver.yaml says `status: utkast`). */
async function erUtkast(rot: string, rel: string): Promise<boolean> {
  const kilde = await readFile(path.join(rot, rel, "utgaver.yaml"), "utf8").catch(() => undefined);
  if (!kilde) return false;
  try {
    return utgaverSkjema.safeParse(parseYaml(kilde)).data?.status === "utkast";
  } catch {
    return false;
  }
}

/**
 * The module's status and editions (utgaver.yaml, ADR 0034), with the text of every older edition
 * from utgaver/<n>/nb.md and nn.md. Without the file: published, one edition dated `sistEndret`.
 */
async function lesUtgaver(
  rot: string,
  rel: string,
  sistEndret: string,
  les: (rel: string) => Promise<string | undefined>,
  lesDokument: (rel: string) => Promise<ParsetDokument | undefined>,
  meld: (fil: string) => (melding: string) => void,
): Promise<Pick<Modul, "status" | "publiseres" | "kommer" | "utgaver"> | undefined> {
  const fil = `${rel}/utgaver.yaml`;
  const finnes = await stat(path.join(rot, fil)).catch(() => undefined);
  if (finnes === undefined) {
    // Published since always: a `sistEndret` in the future must never hide a module that has no schedule.
    return { status: "publisert", utgaver: [{ nummer: 1, fra: new Date(0).toISOString(), dato: sistEndret, juridisk: false }] };
  }
  // A broken file is reported and the module kept out of sight, so one mistake gives one message.
  const ikkePublisert = { status: "utkast" as const, utgaver: [{ nummer: 1, fra: "", dato: sistEndret, juridisk: false }] };
  const kilde = await les(fil);
  if (kilde === undefined) return ikkePublisert;
  let data: unknown;
  try {
    data = parseYaml(kilde);
  } catch (feil) {
    meld(fil)(`ugyldig YAML: ${(feil as Error).message}`);
    return ikkePublisert;
  }
  const r = utgaverSkjema.safeParse(data);
  if (!r.success) {
    zodProblemer(r.error, meld(fil));
    return ikkePublisert;
  }
  const u = r.data;
  const publiseres = u.publiseres ? osloTilIso(u.publiseres) : undefined;
  if (u.publiseres && !publiseres) meld(fil)(`publiseres: ${u.publiseres} finnes ikke i norsk tid (sommertid)`);
  const utgaver: Utgave[] = [];
  for (const [i, g] of u.utgaver.entries()) {
    const tid = g.publisert ?? (i === 0 ? u.publiseres : undefined);
    let fra = tid ? osloTilIso(tid) : "";
    if (tid && !fra) meld(fil)(`utgave ${g.utgave}: ${tid} finnes ikke i norsk tid (sommertid)`);
    fra ??= "";
    // A scheduled module appears at `publiseres`, never before (even if edition 1 says earlier).
    if (i === 0 && publiseres && fra < publiseres) fra = publiseres;
    const utgave: Utgave = { nummer: g.utgave, fra, dato: fra ? tilOslo(new Date(fra)).dato : sistEndret, juridisk: g.juridisk, ...(g.endringer ? { endringer: g.endringer } : {}) };
    if (i < u.utgaver.length - 1) {
      const arkiv: Partial<PerSpraak<ModulTekst>> = {};
      for (const sp of SPRAAK) {
        const d = await lesDokument(`${rel}/utgaver/${g.utgave}/${sp}.md`);
        if (!d) continue;
        const meta = modulMetaSkjema.safeParse(d.frontmatter);
        if (!meta.success) zodProblemer(meta.error, meld(`${rel}/utgaver/${g.utgave}/${sp}.md`));
        else {
          const aktiviteter = [...d.innledning, ...d.seksjoner.flatMap((s) => s.blokker)].flatMap((b) => (b.type === "aktivitet" ? [b.aktivitet] : []));
          arkiv[sp] = { meta: meta.data, innledning: d.innledning, innledningOrd: d.innledningOrd, seksjoner: d.seksjoner, aktiviteter };
        }
      }
      if (arkiv.nb && arkiv.nn) utgave.tekst = arkiv as PerSpraak<ModulTekst>;
    }
    utgaver.push(utgave);
  }
  return { status: u.status, ...(publiseres ? { publiseres } : {}), ...(u.kommer ? { kommer: u.kommer } : {}), utgaver };
}

function sjekkModulTekst(t: ModulTekst, meld: (m: string) => void) {
  if (t.seksjoner.length < 2 || t.seksjoner.length > 4) meld(`en modul har 2–4 seksjoner (fant ${t.seksjoner.length})`);
  if (t.innledningOrd < 60) meld(`innledningen er for kort (${t.innledningOrd} ord, minst 60)`);
  for (const s of t.seksjoner) {
    if (s.ord < MIN_ORD_PER_SEKSJON) meld(`seksjonen #${s.id} er for kort (${s.ord} ord, minst ${MIN_ORD_PER_SEKSJON})`);
  }
  const typer = new Set(t.aktiviteter.map((a) => a.type));
  for (const type of ["diskusjon", "refleksjon", "utproving"] as const) {
    if (!typer.has(type)) meld(`modulen mangler en aktivitet av typen ${type}`);
  }
}

function sammenlignIder(fil: string, hva: string, nb: string[], nn: string[], problemer: Problem[]) {
  if (nb.join("|") === nn.join("|")) return;
  const bareNb = nb.filter((x) => !nn.includes(x));
  const bareNn = nn.filter((x) => !nb.includes(x));
  const deler = [
    bareNb.length ? `bare i nb: ${bareNb.join(", ")}` : "",
    bareNn.length ? `bare i nn: ${bareNn.join(", ")}` : "",
    !bareNb.length && !bareNn.length ? "ulik rekkefølge" : "",
  ].filter(Boolean);
  problemer.push({ fil, melding: `${hva} er ulike i bokmål og nynorsk (${deler.join("; ")})` });
}

function zodProblemer(feil: { issues: { path: PropertyKey[]; message: string }[] }, meld: (m: string) => void) {
  for (const i of feil.issues) meld(`${i.path.map(String).join(".") || "frontmatter"}: ${i.message}`);
}
