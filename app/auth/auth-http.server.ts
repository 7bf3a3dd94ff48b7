import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import { loggSsoFeil } from "#app/domain/konto/sso.server.ts";
import type { Auth } from "./auth.server.ts";

/**
 * Better Auth over HTTP is an allow-list (ADR 0021): only what a browser must reach without our
 * forms stays open, everything else answers 404 before Better Auth sees the request. Sign-in,
 * sign-up, password reset, e-mail verification mails, profile changes, sessions, organizations and
 * two-factor all go through our own pages and use cases (with the database limits and the audit
 * log), which call `auth.api.*` on the server; that does not pass through here.
 *
 * - GET/POST `/callback/{our OIDC provider id}`: the OIDC provider sends the browser back here
 *   (POST for response_mode=form_post). Only our one provider; none when SSO is off.
 * - GET `/verify-email`: the link in the verification mail (Better Auth checks the signed token and
 *   sends the browser on to /epost-bekreftet).
 *
 * The app has no Better Auth browser client: it never reads `/get-session` (the session is read on
 * the server by middleware.server.ts), so that is closed too.
 */
export const AUTH_BASESTI = "/api/auth";

export type TillattAuthSti = { sti: string; metoder: readonly string[] };

export function tillatteAuthStier(oidcLeverandorId: string | undefined): TillattAuthSti[] {
  return [
    { sti: "/verify-email", metoder: ["GET"] },
    ...(oidcLeverandorId ? [{ sti: `/callback/${oidcLeverandorId}`, metoder: ["GET", "POST"] }] : []),
  ];
}

/** Whether this method and path (the full URL path) may reach Better Auth over HTTP. Exact match only. */
export function erTillattOverHttp(metode: string, sti: string, oidcLeverandorId: string | undefined): boolean {
  if (!sti.startsWith(`${AUTH_BASESTI}/`)) return false;
  const del = sti.slice(AUTH_BASESTI.length);
  return tillatteAuthStier(oidcLeverandorId).some((t) => t.sti === del && t.metoder.includes(metode));
}

/** The one request handler for /api/auth/*: the allow-list, then Better Auth, then the SSO audit log. */
export async function svarAuthOverHttp(auth: Auth, db: Kysely<Database>, request: Request, oidcLeverandorId: string | undefined): Promise<Response> {
  if (!erTillattOverHttp(request.method, new URL(request.url).pathname, oidcLeverandorId)) {
    return new Response("Ikke funnet", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  }
  const svar = await auth.handler(request);
  await loggSsoFeil(db, request, svar);
  return svar;
}
