import type { Route } from "./+types/kalender";
import { aktorKontekst, maalformKontekst } from "#app/kontekst.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { minKalender } from "#app/domain/samling/kalender.server.ts";

/** GET /kalender.ics: the signed-in person's samlinger in all their teams, as an iCalendar file. */
export async function loader({ context }: Route.LoaderArgs) {
  const dep = tjenester();
  const ics = await minKalender(context.get(aktorKontekst), context.get(maalformKontekst), dep, dep.env.BASE_URL);
  return new Response(ics, {
    headers: { "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": 'attachment; filename="samla.ics"', "Cache-Control": "private, no-store" },
  });
}
