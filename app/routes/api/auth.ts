import type { Route } from "./+types/auth";
import { tjenester } from "#app/tjenester.server.ts";
import { oidcKonfig } from "#app/env.server.ts";
import { oidcLeverandorId } from "#app/auth/auth.server.ts";
import { svarAuthOverHttp } from "#app/auth/auth-http.server.ts";

/**
 * Better Auth's own endpoints (/api/auth/*) behind an allow-list (ADR 0021): only the OIDC
 * callback and the link in the verification mail; everything else is 404. A failed SSO callback
 * is audit-logged.
 */
function svar(request: Request) {
  const { auth, db, env } = tjenester();
  const oidc = oidcKonfig(env);
  return svarAuthOverHttp(auth, db, request, oidc ? oidcLeverandorId(oidc.issuer) : undefined);
}

export async function loader({ request }: Route.LoaderArgs) {
  return svar(request);
}

export async function action({ request }: Route.ActionArgs) {
  return svar(request);
}
