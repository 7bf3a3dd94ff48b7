import { fraOslo } from "#app/domain/samling/tid.ts";
import type { Innhold, Modul, ModulTekst, PerSpraak, Utgave } from "./innhold.server.ts";
import { SPRAAK } from "./innhold.schema.ts";

/**
 * Editions (ADR 0034): which edition of a module a reader sees at a given instant. Pure rules over
 * the content index and a clock, so publishing happens at the right minute without a restart, and
 * the tests can move the clock (summer time included). Times are UTC ISO strings, compared as text.
 */

/** «2027-03-28T09:00» or «2027-03-28» (midnight) in Oslo → the UTC instant (ISO). */
export function osloTilIso(tid: string): string | undefined {
  const [dato, klokke = "00:00"] = tid.split("T");
  return fraOslo(dato!, klokke)?.toISOString();
}

/** The edition everyone sees now, or undefined when the module is not public (draft, scheduled, withdrawn). */
export function synligUtgave(m: Pick<Modul, "status" | "publiseres" | "utgaver">, naa: Date): Utgave | undefined {
  if (m.status === "utkast" || m.status === "trukket-tilbake") return undefined;
  const t = naa.toISOString();
  if (m.status === "planlagt" && (!m.publiseres || t < m.publiseres)) return undefined;
  return m.utgaver.findLast((u) => u.fra !== "" && u.fra <= t);
}

export type GjeldendeUtgave = {
  /** The edition this reader (or team) sees. */
  utgave: number;
  /** The newest published edition. */
  nyeste: number;
  /** The team is kept on an older edition by a samling in progress (and may move on). */
  eldre: boolean;
};

/**
 * THE function for «which edition applies to this reader now»: the newest published edition,
 * unless the team has a samling in progress that started on an older one (`laast`), which keeps
 * it until the samling ends or the leader moves on. A legal correction published since then
 * applies at once, even to that samling. Undefined: the module is not public now.
 */
export function gjeldendeUtgave(m: Pick<Modul, "status" | "publiseres" | "utgaver">, naa: Date, laast?: number | null): GjeldendeUtgave | undefined {
  const synlig = synligUtgave(m, naa);
  return synlig ? velgUtgave(m.utgaver, synlig.nummer, laast) : undefined;
}

function velgUtgave(utgaver: Utgave[], nyeste: number, laast?: number | null): GjeldendeUtgave {
  if (!laast || laast >= nyeste) return { utgave: nyeste, nyeste, eldre: false };
  const juridisk = utgaver.findLast((u) => u.juridisk && u.nummer > laast && u.nummer <= nyeste);
  const utgave = juridisk?.nummer ?? laast;
  return { utgave, nyeste, eldre: utgave < nyeste };
}

/**
 * The same rule for a module already taken from the public view (`tjenester().innhold`, where it
 * is in its newest published edition): the module in the edition this team sees now, given the
 * edition its samling in progress started on.
 */
export function modulForTeam(synlig: Modul, laast?: number | null): { modul: Modul; gjeldende: GjeldendeUtgave } {
  const utgaver = synlig.utgaver ?? [];
  const gjeldende = velgUtgave(utgaver, synlig.utgave ?? utgaver.at(-1)?.nummer ?? 1, laast);
  return { modul: gjeldende.eldre ? modulIUtgave(synlig, gjeldende.utgave) : synlig, gjeldende };
}

/** The module's text in one edition (older editions are kept under utgaver/<n>/ in the module folder). */
export function tekstIUtgave(m: Modul, nummer: number): PerSpraak<ModulTekst> {
  return m.utgaver.find((u) => u.nummer === nummer)?.tekst ?? m.tekst;
}

/**
 * The module as readers see it in one edition: that edition's text, with «sist endret» from the
 * edition history (not from the file), and the edition number.
 */
export function modulIUtgave(m: Modul, nummer: number): Modul {
  const u = m.utgaver.find((x) => x.nummer === nummer);
  if (!u) return m;
  const tekst = tekstIUtgave(m, nummer);
  const medDato = Object.fromEntries(SPRAAK.map((sp) => [sp, { ...tekst[sp], meta: { ...tekst[sp].meta, sistEndret: u.dato } }])) as PerSpraak<ModulTekst>;
  return { ...m, tekst: medDato, utgave: nummer };
}

/** The change notes a reader on edition `fra` has not seen, up to `til` (newest first). */
export function endringerMellom(m: Modul, fra: number, til: number): Utgave[] {
  return m.utgaver.filter((u) => u.nummer > fra && u.nummer <= til && u.endringer).reverse();
}

/** A short key of what is public now: changes exactly when some module's visible edition does. */
export function synlighetsnokkel(innhold: Pick<Innhold, "moduler">, naa: Date): string {
  return innhold.moduler.map((m) => synligUtgave(m, naa)?.nummer ?? "-").join(".");
}

const visninger = new WeakMap<object, Map<string, Innhold>>();

/**
 * The content as the public sees it at `naa`: only published modules, each in its newest
 * published edition, media and «sist endret» to match, and a version that includes the
 * visibility (so the page cache and the search index follow the clock). Kept per state.
 */
export function innholdNaa(alle: Innhold, naa: Date): Innhold {
  const nokkel = synlighetsnokkel(alle, naa);
  let perNokkel = visninger.get(alle);
  if (!perNokkel) visninger.set(alle, (perNokkel = new Map()));
  const lagret = perNokkel.get(nokkel);
  if (lagret) return lagret;
  const moduler = alle.moduler.flatMap((m) => {
    const u = synligUtgave(m, naa);
    return u ? [modulIUtgave(m, u.nummer)] : [];
  });
  const skjulteFilmer = new Set(alle.moduler.filter((m) => !moduler.some((v) => v.id === m.id)).flatMap((m) => [...m.filmer.keys()]));
  const media = new Map([...alle.media].filter(([navn]) => !skjulteFilmer.has(navn.split(".")[0]!)));
  const etterSlug = new Map(moduler.map((m) => [m.slug, m]));
  const datoer = [alle.pakke.nb.meta.sistEndret, ...moduler.map((m) => m.tekst.nb.meta.sistEndret)].sort();
  const kommer = alle.moduler.flatMap((m) => (m.status === "planlagt" && m.kommer && !moduler.some((v) => v.id === m.id) ? [{ id: m.id, nummer: m.nummer, tittel: { nb: m.tekst.nb.meta.tittel, nn: m.tekst.nn.meta.tittel }, tekst: m.kommer }] : []));
  const visning: Innhold = {
    ...alle,
    versjon: `${alle.versjon}.${nokkel}`,
    sistEndret: datoer.at(-1)!,
    moduler,
    modulEtterSlug: (slug) => etterSlug.get(slug),
    media,
    kommer,
  };
  perNokkel.set(nokkel, visning);
  return visning;
}
