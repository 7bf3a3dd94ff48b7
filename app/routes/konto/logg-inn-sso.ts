import { data, redirect } from "react-router";
import type { Route } from "./+types/logg-inn-sso";
import { aktorKontekst } from "#app/kontekst.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { lesForm } from "#app/components/skjema.ts";
import { oidcKonfig } from "#app/env.server.ts";
import { startSso, SSO_FEIL_TIL } from "#app/domain/konto/sso.server.ts";
import { videreMedCookies } from "./konto.server.ts";

/**
 * «Logg inn med Feide»: a plain form POST (works without JavaScript) that sends the browser on
 * to the OIDC provider. GET has nothing to show and goes back to the sign-in page.
 */
export function loader() {
  throw redirect("/logg-inn");
}

export async function action({ request, context }: Route.ActionArgs) {
  if (context.get(aktorKontekst)) throw redirect("/start");
  const { auth, env } = tjenester();
  const oidc = oidcKonfig(env);
  if (!oidc) throw data(null, { status: 404 });
  const skjema = await lesForm(request);
  const svar = await startSso(auth, oidc, skjema.get("til"), request.headers);
  if (!svar.ok) throw redirect(`${SSO_FEIL_TIL}?error=${svar.kode}`);
  return videreMedCookies(svar.url, svar.hoder);
}
