import type { Route } from "./+types/profil-data";
import { aktorKontekst } from "#app/kontekst.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { eksportFilnavn, eksporterMineData } from "#app/domain/personvern/mine-data.server.ts";

/**
 * «Last ned mine data»: everything about the signed-in person as a JSON file (ADR 0015).
 * A resource route (no page); the signed-in layout's middleware has already required a session.
 */
export async function loader({ context }: Route.LoaderArgs) {
  const naa = new Date();
  const data = await eksporterMineData(context.get(aktorKontekst), { db: tjenester().db }, naa);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${eksportFilnavn(naa)}"`,
      // Personal data: never kept by a shared cache or the browser's back/forward store.
      "Cache-Control": "no-store",
    },
  });
}
