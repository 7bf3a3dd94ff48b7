import type { Route } from "./+types/kalender-feed";
import { ikkeFunnet } from "#app/auth/tilgang.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { kalenderForHemmelighet } from "#app/domain/samling/kalender.server.ts";

/**
 * GET /kalender/<secret>.ics: the subscribable feed for calendar apps, which cannot sign in. The
 * secret URL is the credential; a revoked or unknown one is «not found».
 */
export async function loader({ params }: Route.LoaderArgs) {
  const fil = params.fil;
  if (!fil.endsWith(".ics")) throw ikkeFunnet();
  const dep = tjenester();
  const ics = await kalenderForHemmelighet(fil.slice(0, -4), dep, dep.env.BASE_URL);
  if (ics === undefined) throw ikkeFunnet();
  return new Response(ics, { headers: { "Content-Type": "text/calendar; charset=utf-8", "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" } });
}
