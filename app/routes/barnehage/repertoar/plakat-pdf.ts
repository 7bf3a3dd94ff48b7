import type { Route } from "./+types/plakat-pdf";
import { maalformKontekst } from "#app/kontekst.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { plakaten } from "#app/domain/repertoar/repertoar.server.ts";
import { plakatPdf } from "#app/domain/repertoar/plakat-pdf.server.ts";
import { barnehageFraKontekst } from "../barnehage.server.ts";

/** The poster as a tagged PDF: `?spraak=nb|nn` (else the reader's målform), `?format=a3` (else A4). */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  const sok = new URL(request.url).searchParams;
  const sp = sok.get("spraak") === "nn" ? "nn" : sok.get("spraak") === "nb" ? "nb" : context.get(maalformKontekst);
  const format = sok.get("format") === "a3" ? "a3" : "a4";
  const p = await plakaten(aktor, medlemskap, tjenester());
  const pdf = await plakatPdf(p, sp, format);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="handlingsrepertoar-${sp}-${format}.pdf"`,
      "Cache-Control": "no-store",
    },
  });
}
