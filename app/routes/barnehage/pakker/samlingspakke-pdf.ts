import type { Route } from "./+types/samlingspakke-pdf";
import { maalformKontekst } from "#app/kontekst.ts";
import { lagTaggetPdf } from "#app/pdf/tagget-pdf.server.ts";
import { pakkePdfBlokker } from "#app/domain/utskrift/pakker.ts";
import { FIL_HODER } from "#app/routes/eier/rapport-fil.server.ts";
import { hentPakke } from "./pakker.server.ts";

/** The samlingspakke as a tagged PDF (structure tree, language, headings; ADR 0037). */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { pakke, slug } = hentPakke("samling", request, context, params.slug);
  const pdf = await lagTaggetPdf({ tittel: pakke.tittel, spraak: context.get(maalformKontekst), blokker: pakkePdfBlokker(pakke) });
  return new Response(new Uint8Array(pdf), { headers: { ...FIL_HODER, "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="samlingspakke-${slug}.pdf"` } });
}
