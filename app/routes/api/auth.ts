import type { Route } from "./+types/auth";
import { tjenester } from "#app/tjenester.server.ts";

/** Better Auth's own endpoints (/api/auth/*), mounted as a resource route. */
export function loader({ request }: Route.LoaderArgs) {
  return tjenester().auth.handler(request);
}

export function action({ request }: Route.ActionArgs) {
  return tjenester().auth.handler(request);
}
