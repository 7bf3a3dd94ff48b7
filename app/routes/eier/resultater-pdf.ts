import type { Route } from "./+types/resultater-pdf";
import { dagIdag } from "#app/domain/stasted/stasted.server.ts";
import { rapportFilnavn } from "#app/domain/eier/rapport.ts";
import { FIL_HODER, rapportForFil } from "./rapport-fil.server.ts";

/** The owner's report as PDF (issue 15, point 5): the same model as the page and the CSV. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { rapport, sp } = await rapportForFil(request, context);
  const naa = new Date();
  // @react-pdf/renderer is loaded when the first PDF is asked for, not at start (issue 16).
  const { eierRapportPdf } = await import("#app/domain/eier/rapport-pdf.server.tsx");
  const pdf = await eierRapportPdf(rapport, sp, naa);
  const fil = rapportFilnavn(rapport.eierNavn, rapport.barnehage?.navn ?? null, dagIdag(naa), "pdf");
  return new Response(new Uint8Array(pdf), { headers: { ...FIL_HODER, "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${fil}"` } });
}
