import type { Route } from "./+types/pdf";
import { maalformKontekst } from "#app/kontekst.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { rutineVersjon, versjonParam } from "#app/domain/rutine/rutine.server.ts";
import { rutineDokument, rutinePdfBlokker } from "#app/domain/rutine/rutine.ts";
import { lagTaggetPdf } from "#app/pdf/tagget-pdf.server.ts";
import { formaterDato, oversetter } from "#app/i18n/i18n.ts";
import { barnehageFraKontekst } from "../barnehage.server.ts";
import { FIL_HODER } from "#app/routes/eier/rapport-fil.server.ts";

/** The routine as a tagged PDF (ADR 0037), in the reader's målform. */
export async function loader({ context, params }: Route.LoaderArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  const sp = context.get(maalformKontekst);
  const t = oversetter(sp);
  const rutine = await rutineVersjon(aktor, medlemskap, versjonParam(params.versjon), tjenester());
  const dok = rutineDokument(rutine, medlemskap.barnehageNavn, t, (d) => formaterDato(d, sp));
  const pdf = await lagTaggetPdf({ tittel: dok.tittel, spraak: sp, blokker: rutinePdfBlokker(dok, t) });
  return new Response(new Uint8Array(pdf), { headers: { ...FIL_HODER, "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="rutine-internkontroll-v${rutine.versjon}.pdf"` } });
}
