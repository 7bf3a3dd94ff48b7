import { ikkeFunnet, kan } from "#app/auth/tilgang.ts";
import type { Aktor } from "#app/kontekst.ts";
import type { Spraak } from "#app/domain/innhold/innhold.schema.ts";
import { filmVisning, hvaErNytt } from "#app/domain/innhold/visning.ts";
import { teametsUtgave, teametsUtgaveUtenSkriving, type TeamUtgave } from "#app/domain/redaksjon/redaksjon.server.ts";
import { naa } from "#app/domain/innhold/klokke.server.ts";
import { teamModulTilstand } from "#app/domain/notat/notat.server.ts";
import { tjenester } from "#app/tjenester.server.ts";

type Medlemskap = Parameters<typeof teamModulTilstand>[1];

export function hentModul(slug: string) {
  const modul = tjenester().innhold.modulEtterSlug(slug);
  if (!modul) throw ikkeFunnet();
  return modul;
}

/**
 * The team module page's data: the loader's, and the fast path's (app/hurtigsti.server.ts, ADR
 * 0033), so both show the same. With `skriv: false` nothing is written: it answers null when the
 * team has a change note not yet shown (only the writing request may show it, once per team).
 */
export async function teamModulSide(aktor: Aktor, medlemskap: Medlemskap, maalform: Spraak, teamId: string, slug: string, { skriv }: { skriv: boolean }) {
  const synlig = hentModul(slug);
  const s = await teamModulTilstand(aktor, medlemskap, teamId, synlig, tjenester());
  // The edition this team sees (a samling in progress keeps its own), and the change note once per
  // team: the request that records the team has been told shows it (ADR 0034).
  const u: TeamUtgave | null = skriv
    ? await teametsUtgave(medlemskap.barnehageId, s.team.id, synlig, s.samling, tjenester(), naa())
    : await teametsUtgaveUtenSkriving(medlemskap.barnehageId, s.team.id, synlig, s.samling, tjenester());
  if (!u) return null;
  const modul = u.modul;
  const tekst = modul.tekst[maalform];
  return {
    utgave: {
      ...u.gjeldende,
      nytt: u.nytt.map((x) => ({ utgave: x.nummer, dato: x.dato, tekst: x.endringer![maalform], juridisk: x.juridisk })),
      endringer: hvaErNytt(synlig, maalform).filter((e) => e.utgave > u.gjeldende.utgave),
      kanBytte: u.gjeldende.eldre && s.samling?.status === "pagaar" && kan(aktor, "bytt:utgave", medlemskap),
    },
    barnehageId: medlemskap.barnehageId,
    team: { id: s.team.id, navn: s.team.navn },
    iTeamet: s.iTeamet,
    sti: `/barnehage/${medlemskap.barnehageId}/team/${s.team.id}/moduler/${modul.slug}`,
    slug: modul.slug,
    modul: tekst.meta,
    innledning: tekst.innledning,
    seksjoner: tekst.seksjoner,
    filmer: Object.fromEntries([...modul.filmer.values()].map((f) => [f.id, filmVisning(f, maalform)])),
    samling: s.samling ? { id: s.samling.id, dato: s.samling.starter.slice(0, 10), status: s.samling.status } : null,
    // The whole team's note (group 0) is edited here; each group's own note shows beside it (ADR 0027).
    notater: Object.fromEntries(s.gruppenotater.filter((n) => n.gruppe === 0).map((n) => [n.aktivitetId, { tekst: n.tekst, versjon: n.versjon }])),
    gruppenotater: s.gruppenotater.filter((n) => n.gruppe > 0 && n.tekst).map((n) => ({ aktivitetId: n.aktivitetId, gruppe: n.gruppe, tekst: n.tekst })),
    mine: Object.fromEntries(s.mineRefleksjoner.map((r) => [r.aktivitetId, r.tekst])),
    delte: s.delte.map((d) => ({ id: d.id, aktivitetId: d.aktivitetId, tekst: d.tekst, forfatter: d.forfatterNavn, erMin: d.erMin, dato: d.delt.slice(0, 10) })),
  };
}
export type TeamModulData = NonNullable<Awaited<ReturnType<typeof teamModulSide>>>;

/**
 * What the page's HTML depends on besides the content: the key of the fast path's page cache. The
 * module text, films and change list follow from the content version, the edition and the målform
 * (all in the key); everything else the page shows is in it as it is (ADR 0033).
 */
export function teamModulNokkel(d: TeamModulData, rot: { maalform: Spraak; aktor: { navn: string } | null }, aktorId: string): string | undefined {
  // A change note is shown once: such a page is never cached.
  if (d.utgave.nytt.length) return undefined;
  const { innledning: _i, seksjoner: _s, filmer: _f, utgave, ...resten } = d;
  const { endringer: _e, ...utgaveResten } = utgave;
  return JSON.stringify([tjenester().innhold.versjon, aktorId, rot, utgaveResten, resten]);
}
