import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import type { Aktor } from "#app/kontekst.ts";
import type { EierMedlemskap } from "#app/auth/tilgang.ts";
import type { Innhold } from "#app/domain/innhold/innhold.server.ts";
import type { Spraak } from "#app/domain/innhold/innhold.schema.ts";
import { oversetter } from "#app/i18n/i18n.ts";
import { modulTitler } from "#app/domain/fremdrift/fremdrift.server.ts";
import { tilbakemeldingsinstrument } from "#app/domain/tilbakemelding/tilbakemelding.server.ts";
import { eierResultater, type EierResultater } from "./eier.server.ts";
import { forBarnehage, type Celle, type EierRapport, type Rapporttabell } from "./rapport.ts";
import { ikkeFunnet } from "#app/auth/tilgang.ts";

const FASER = ["for", "underveis", "etter"] as const;

/**
 * The report model from the owner's results (the use cases have applied the minimum of five):
 * progress per barnehage, ståsted per phase (barnehage × area, and the total of the shown parts),
 * module feedback per module (barnehage × statement, and the total). Titles in the reader's målform.
 */
export async function byggEierRapport(r: EierResultater, eierNavn: string, innhold: Pick<Innhold, "moduler">, sp: Spraak): Promise<EierRapport> {
  const t = oversetter(sp);
  const navnPa = new Map(r.barnehager.map((b) => [b.id, b.navn]));
  const samlet = t("eierResultater.samlet");
  const andel = (a: { antall: number; av: number } | null): Celle => (a === null || a.av === 0 ? null : a.antall / a.av);
  const tabeller: Rapporttabell[] = [];
  if (r.barnehager.length > 0) {
    tabeller.push({
      id: "fremdrift",
      del: "fremdrift",
      tittel: t("eierResultater.fremdriftTabell"),
      format: ["tall", "tall", "prosent", "prosent"],
      kolonner: [t("eierResultater.samlinger"), t("eierResultater.planlagt"), t("eierResultater.reflektert"), t("eierResultater.logget")],
      rader: r.barnehager.map((b) => ({
        navn: b.navn,
        barnehageId: b.id,
        samlet: false,
        celler: [b.fremdrift.samlingerHoldt, b.fremdrift.samlingerPlanlagt, andel(b.fremdrift.reflektert), andel(b.fremdrift.logget)],
      })),
      diagram: false,
    });
  }
  const omrader = r.stasted.samlet[0]?.resultat.omrader.map((o) => ({ id: o.id, tekst: o[sp] })) ?? [];
  type Res = EierResultater["stasted"]["samlet"][number]["resultat"];
  const omradeceller = (res: Res): Celle[] | null => (res.nok ? omrader.map((o) => res.omrader.find((x) => x.id === o.id)?.snitt ?? null) : null);
  for (const fase of FASER) {
    const s = r.stasted.samlet.find((f) => f.fase === fase);
    if (!s) continue;
    tabeller.push({
      id: `stasted-${fase}`,
      del: "stasted",
      tittel: t("eierResultater.stastedTabell", { fase: t(`stasted.fase.${fase}`) }),
      format: omrader.map(() => "snitt"),
      kolonner: omrader.map((o) => o.tekst),
      rader: [
        ...r.stasted.barnehager.flatMap((b) => {
          const f = b.faser.find((x) => x.fase === fase);
          return f ? [{ navn: navnPa.get(b.barnehageId) ?? "", barnehageId: b.barnehageId, samlet: false, celler: omradeceller(f.resultat) }] : [];
        }),
        { navn: samlet, barnehageId: null, samlet: true, celler: omradeceller(s.resultat) },
      ],
      diagram: true,
    });
  }
  const utsagn = (await tilbakemeldingsinstrument()).modulTilbakemelding.utsagn.map((u) => ({ id: u.id, tekst: u[sp] }));
  const titler = modulTitler(innhold as Innhold, sp);
  const utsagnceller = (res: { vist: boolean; utsagn?: { utsagnId: string; vist: boolean; gjennomsnitt?: number }[] }): Celle[] | null =>
    res.vist ? utsagn.map((u) => res.utsagn?.find((x) => x.utsagnId === u.id && x.vist)?.gjennomsnitt ?? null) : null;
  for (const m of r.tilbakemelding) {
    tabeller.push({
      id: `tilbakemelding-${m.modulId}`,
      del: "tilbakemelding",
      tittel: titler[m.modulId] ? `${titler[m.modulId]!.nummer}. ${titler[m.modulId]!.tittel}` : m.modulId,
      format: utsagn.map(() => "snitt"),
      kolonner: utsagn.map((u) => u.tekst),
      rader: [
        ...m.perBarnehage.map((b) => ({ navn: navnPa.get(b.barnehageId) ?? "", barnehageId: b.barnehageId, samlet: false, celler: utsagnceller(b.resultat) })),
        { navn: samlet, barnehageId: null, samlet: true, celler: utsagnceller(m.samlet) },
      ],
      diagram: false,
    });
  }
  return { eierNavn, barnehage: null, tabeller };
}

/** The owner's report, for the owner's people only (`se:eier` in eierResultater). */
export async function eierRapport(aktor: Aktor | null, medlemskap: EierMedlemskap, { db, innhold }: { db: Kysely<Database>; innhold: Pick<Innhold, "moduler"> }, sp: Spraak) {
  const r = await eierResultater(aktor, medlemskap, { db });
  return { rapport: await byggEierRapport(r, medlemskap.eierNavn, innhold, sp), barnehager: r.barnehager.map((b) => ({ id: b.id, navn: b.navn })) };
}

/**
 * The report for a file: for all the owner's barnehager, or one of them (`barnehageId`); a
 * barnehage that is not the owner's is «not found», like everything else outside the owner.
 */
export async function eierRapportFil(
  aktor: Aktor | null,
  medlemskap: EierMedlemskap,
  avh: { db: Kysely<Database>; innhold: Pick<Innhold, "moduler"> },
  sp: Spraak,
  barnehageId: string | null,
): Promise<EierRapport> {
  const { rapport, barnehager } = await eierRapport(aktor, medlemskap, avh, sp);
  if (barnehageId === null) return rapport;
  const bh = barnehager.find((b) => b.id === barnehageId);
  if (!bh) throw ikkeFunnet();
  return forBarnehage(rapport, bh.id, bh.navn);
}
