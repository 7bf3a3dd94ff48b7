import path from "node:path";
import { randomInt } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import type { Aktor } from "#app/kontekst.ts";
import type { Nokkel } from "#app/i18n/i18n.ts";
import type { Innhold, Modul } from "#app/domain/innhold/innhold.server.ts";
import { ikkeFunnet, kan, krev, type Medlemskap } from "#app/auth/tilgang.ts";
import { renTekst } from "#app/db/dialekt.ts";
import { logg } from "#app/logg.server.ts";
import { lesInstrument } from "#app/domain/stasted/instrument.server.ts";
import type { Instrument } from "#app/domain/stasted/stasted.schema.ts";
import { hentAggregater, hentFritekster, harSvart, lagreSvar, modulerBesvartAv, type Aggregat } from "./tilbakemelding.repo.server.ts";
import { MAKS_FRITEKST, SKALA, leggSammenViste, oppsummer, stokk, type ModulResultat } from "./tilbakemelding.ts";
import type { TilbakemeldingSvar } from "./tilbakemelding.schema.ts";

type Deps = { db: Kysely<Database>; innhold: Pick<Innhold, "moduler" | "modulEtterSlug"> };

let instrumentet: Promise<Instrument> | undefined;
/**
 * The statements come from the versioned ståsted instrument (content/stasted/instrument.yaml),
 * read and validated once per process.
 */
export function tilbakemeldingsinstrument(): Promise<Instrument> {
  instrumentet ??= lesInstrument(path.resolve("content"));
  return instrumentet;
}

function finnModul(innhold: Deps["innhold"], slug: string): Modul {
  const modul = innhold.modulEtterSlug(slug);
  if (!modul) throw ikkeFunnet();
  return modul;
}

/**
 * How many in the barnehage have answered the feedback on a module (never who): for the projector
 * at the end of a samling (issue 12, point 6; ADR 0026). The caller has let the viewer in.
 */
export async function antallTilbakemeldinger(db: Kysely<Database>, barnehageId: string, modulId: string): Promise<number> {
  return (await hentAggregater(db, [barnehageId])).find((a) => a.modulId === modulId)?.antallSvar ?? 0;
}

/** What the feedback page for one module needs: the statements, and whether this person has answered. */
export async function tilbakemeldingForModul(aktor: Aktor | null, medlemskap: Medlemskap, slug: string, { db, innhold }: Deps) {
  krev(aktor, "svar:tilbakemelding", medlemskap);
  const modul = finnModul(innhold, slug);
  const instrument = await tilbakemeldingsinstrument();
  return {
    modul,
    utsagn: instrument.modulTilbakemelding.utsagn,
    fritekst: instrument.modulTilbakemelding.fritekst,
    skala: instrument.skala,
    harSvart: await harSvart(db, medlemskap.barnehageId, modul.id, aktor!.id),
  };
}

/**
 * A member answers the feedback after a module, once per module and barnehage. Only the fact that
 * they answered is stored with their id; the answers go to rows without it (ADR 0019). The log
 * line names neither the person nor the barnehage, so it cannot be matched with the answers either.
 */
export async function svarPaTilbakemelding(
  aktor: Aktor | null,
  medlemskap: Medlemskap,
  slug: string,
  svar: TilbakemeldingSvar,
  { db, innhold }: Deps,
): Promise<{ ok: true } | { ok: false; feil: Nokkel }> {
  krev(aktor, "svar:tilbakemelding", medlemskap);
  const modul = finnModul(innhold, slug);
  const ider = (await tilbakemeldingsinstrument()).modulTilbakemelding.utsagn.map((u) => u.id);
  const gyldig =
    svar.svar.length === ider.length &&
    ider.every((id) => svar.svar.filter((s) => s.utsagnId === id).length === 1) &&
    svar.svar.every((s) => s.verdi === null || (SKALA as readonly number[]).includes(s.verdi));
  const fritekst = svar.fritekst ? renTekst(svar.fritekst).trim() : "";
  if (!gyldig || fritekst.length > MAKS_FRITEKST) return { ok: false, feil: "tilbakemelding.feil.velg" };
  const lagret = await lagreSvar(db, { barnehageId: medlemskap.barnehageId, modulId: modul.id, brukerId: aktor!.id, svar: svar.svar, fritekst: fritekst || null });
  if (!lagret) return { ok: false, feil: "tilbakemelding.feil.harSvart" };
  logg.info("tilbakemelding_lagret");
  return { ok: true };
}

export type ModulOversikt = {
  modulId: string;
  slug: string;
  nummer: number;
  harSvart: boolean;
  /** Only for leder and styrer. */
  resultat: ModulResultat | null;
  /** Only for the styrer, only when the result is shown (≥ 5 answers), in a new random order each time. */
  fritekster: string[] | null;
};

/**
 * The barnehage's feedback page: for every member, which modules they have answered; for leder and
 * styrer also the aggregates per module (nothing below five answers); for the styrer alone the free
 * texts, under the same minimum and in random order.
 */
export async function tilbakemeldingIBarnehagen(aktor: Aktor | null, medlemskap: Medlemskap, { db, innhold }: Deps): Promise<ModulOversikt[]> {
  krev(aktor, "svar:tilbakemelding", medlemskap);
  const besvart = new Set(await modulerBesvartAv(db, medlemskap.barnehageId, aktor!.id));
  const seResultat = kan(aktor, "se:tilbakemelding", medlemskap);
  const lesFritekst = kan(aktor, "les:tilbakemelding-fritekst", medlemskap);
  const ider = (await tilbakemeldingsinstrument()).modulTilbakemelding.utsagn.map((u) => u.id);
  const aggregater = seResultat ? new Map((await hentAggregater(db, [medlemskap.barnehageId])).map((a) => [a.modulId, a])) : new Map<string, Aggregat>();
  return Promise.all(
    innhold.moduler.map(async (m): Promise<ModulOversikt> => {
      const a = aggregater.get(m.id);
      const resultat = seResultat ? oppsummer(a?.antallSvar ?? 0, ider, a?.tellinger ?? new Map()) : null;
      const fritekster = lesFritekst && resultat?.vist ? stokk(await hentFritekster(db, medlemskap.barnehageId, m.id), randomInt) : null;
      return { modulId: m.id, slug: m.slug, nummer: m.nummer, harSvart: besvart.has(m.id), resultat, fritekster };
    }),
  );
}

export type EierModul = {
  modulId: string;
  /** Only barnehager that reach the minimum themselves count in the total, so no small group can be found by subtraction. */
  samlet: ModulResultat & { antallBarnehager: number };
  perBarnehage: { barnehageId: string; resultat: ModulResultat }[];
};

/**
 * For an owner (eier): module feedback aggregated per barnehage and across them, with the same
 * minimum of five and never any free text. The caller has checked that the owner owns these
 * barnehager. In the total, each statement counts only the barnehager where that statement is
 * shown on its own; otherwise «total minus the others» would reveal a group below five (ADR 0023).
 */
export async function tilbakemeldingForEier(db: Kysely<Database>, barnehageIder: readonly string[]): Promise<EierModul[]> {
  const ider = (await tilbakemeldingsinstrument()).modulTilbakemelding.utsagn.map((u) => u.id);
  const aggregater = await hentAggregater(db, [...new Set(barnehageIder)]);
  const perModul = new Map<string, Aggregat[]>();
  for (const a of aggregater) perModul.set(a.modulId, [...(perModul.get(a.modulId) ?? []), a]);
  return [...perModul.keys()].sort().map((modulId) => {
    const liste = perModul.get(modulId)!.sort((x, y) => x.barnehageId.localeCompare(y.barnehageId));
    const vurdert = liste.map((a) => ({ a, resultat: oppsummer(a.antallSvar, ider, a.tellinger) }));
    const samlet = leggSammenViste(ider, vurdert.map((v) => v.resultat));
    const perBarnehage = vurdert.map((v) => ({ barnehageId: v.a.barnehageId, resultat: v.resultat }));
    return { modulId, samlet, perBarnehage };
  });
}

