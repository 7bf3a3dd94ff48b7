import type { Oversetter } from "#app/i18n/i18n.ts";
import type { PdfBlokk } from "#app/pdf/tagget-pdf.types.ts";
import type { Rutine } from "./rutine.server.ts";

/**
 * The written routine as one document model (issue 14, point 4): the law's fixed text for
 * kapittel VIII (§§ 41–43, wording as in content-brief.md and module 4) with the barnehage's own
 * answers in place. The page, the print stylesheet and the tagged PDF are drawn from it.
 */
export type RutineSeksjon = { overskrift: string; lov: string[]; liste?: string[]; hosOss: { sporsmal: string; svar: string }[] };
export type RutineDokument = { tittel: string; ingress: string; seksjoner: RutineSeksjon[]; vedtatt: string };

export function rutineDokument(rutine: Rutine, barnehageNavn: string, t: Oversetter, formaterDato: (d: string) => string): RutineDokument {
  const s = rutine.svar;
  const svar = (nokkel: Parameters<Oversetter>[0], tekst: string) => ({ sporsmal: t(nokkel), svar: tekst });
  return {
    tittel: t("rutine.dok.tittel", { barnehage: barnehageNavn }),
    ingress: t("rutine.dok.ingress"),
    seksjoner: [
      { overskrift: t("rutine.dok.folgeMed.tittel"), lov: [t("rutine.dok.folgeMed.lov41"), t("rutine.dok.folgeMed.lov42")], hosOss: [] },
      { overskrift: t("rutine.dok.melde.tittel"), lov: [t("rutine.dok.melde.lov")], hosOss: [svar("rutine.sp.meldeTil", s.meldeTil), svar("rutine.sp.meldeFrist", s.meldeFrist)] },
      { overskrift: t("rutine.dok.undersoke.tittel"), lov: [t("rutine.dok.undersoke.lov")], hosOss: [svar("rutine.sp.undersokerHvem", s.undersokerHvem), svar("rutine.sp.undersokerHvordan", s.undersokerHvordan)] },
      {
        overskrift: t("rutine.dok.plan.tittel"),
        lov: [t("rutine.dok.plan.lov")],
        liste: [t("planovelse.punkt.a"), t("planovelse.punkt.b"), t("planovelse.punkt.c"), t("planovelse.punkt.d"), t("planovelse.punkt.e")],
        hosOss: [svar("rutine.sp.planSkriver", s.planSkriver), svar("rutine.sp.arkiv", s.arkiv)],
      },
      { overskrift: t("rutine.dok.skjerpet.tittel"), lov: [t("rutine.dok.skjerpet.lov"), t("rutine.dok.skjerpet.ledelsen")], hosOss: [svar("rutine.sp.ledelsen", s.ledelsen)] },
      { overskrift: t("rutine.dok.opplaering.tittel"), lov: [t("rutine.dok.opplaering.tekst")], hosOss: [svar("rutine.sp.opplaering", s.opplaering)] },
    ],
    vedtatt: t(rutine.godkjentNavn ? "rutine.dok.vedtattAv" : "rutine.dok.vedtattRolle", {
      dato: formaterDato(rutine.vedtatt),
      rolle: t(`rolle.${rutine.godkjentRolle}` as Parameters<Oversetter>[0]).toLocaleLowerCase("nb"),
      navn: rutine.godkjentNavn ?? "",
      versjon: rutine.versjon,
    }),
  };
}

/** The same document as blocks for the tagged PDF. */
export function rutinePdfBlokker(dok: RutineDokument, t: Oversetter): PdfBlokk[] {
  const blokker: PdfBlokk[] = [{ type: "overskrift", niva: 1, tekst: dok.tittel }, { type: "avsnitt", tekst: dok.ingress }, { type: "avsnitt", tekst: dok.vedtatt }];
  for (const s of dok.seksjoner) {
    blokker.push({ type: "overskrift", niva: 2, tekst: s.overskrift });
    for (const l of s.lov) blokker.push({ type: "avsnitt", tekst: l });
    if (s.liste) blokker.push({ type: "liste", punkter: s.liste });
    if (s.hosOss.length > 0) {
      blokker.push({ type: "overskrift", niva: 3, tekst: t("rutine.dok.hosOss") });
      for (const h of s.hosOss) blokker.push({ type: "avsnitt", tekst: `${h.sporsmal} ${h.svar}` });
    }
  }
  return blokker;
}
