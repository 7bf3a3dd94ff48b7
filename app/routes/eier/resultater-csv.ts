import type { Route } from "./+types/resultater-csv";
import { intlSprak, oversetter } from "#app/i18n/i18n.ts";
import { dagIdag } from "#app/domain/stasted/stasted.server.ts";
import { rapportFilnavn, somCsv } from "#app/domain/eier/rapport.ts";
import { FIL_HODER, rapportForFil } from "./rapport-fil.server.ts";

/** The owner's report as CSV (issue 15, point 5): the same cells as the page, min-N applied. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { rapport, sp } = await rapportForFil(request, context);
  const t = oversetter(sp);
  const csv = somCsv(rapport, { barnehage: t("eier.kolonne.barnehage"), forFa: t("eierResultater.forFaaSvar"), tittel: t("eierResultater.tittel", { navn: rapport.eierNavn }) }, intlSprak(sp));
  const fil = rapportFilnavn(rapport.eierNavn, rapport.barnehage?.navn ?? null, dagIdag(new Date()), "csv");
  return new Response(csv, { headers: { ...FIL_HODER, "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${fil}"` } });
}
