import type { Route } from "./+types/auth";
import { tjenester } from "#app/tjenester.server.ts";
import { loggSsoFeil } from "#app/domain/konto/sso.server.ts";

/** Better Auth's own endpoints (/api/auth/*), mounted as a resource route. A failed SSO callback is audit-logged. */
export async function loader({ request }: Route.LoaderArgs) {
  const { auth, db } = tjenester();
  const svar = await auth.handler(request);
  await loggSsoFeil(db, request, svar);
  return svar;
}

export async function action({ request }: Route.ActionArgs) {
  const { auth, db } = tjenester();
  const svar = await auth.handler(request);
  await loggSsoFeil(db, request, svar);
  return svar;
}
