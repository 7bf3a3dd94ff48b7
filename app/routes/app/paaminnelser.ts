import { redirect } from "react-router";
import type { Route } from "./+types/paaminnelser";
import { aktorKontekst, maalformKontekst } from "#app/kontekst.ts";
import { oversetter } from "#app/i18n/i18n.ts";
import { lesSkjema } from "#app/components/skjema.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { paaminnelseSkjema } from "#app/domain/paaminnelse/paaminnelse.schema.ts";
import { lagrePaaminnelseValg } from "#app/domain/paaminnelse/paaminnelse.server.ts";

/** A GET here (a reload, a bookmark) goes to the choices on /profil. */
export function loader() {
  return redirect("/profil#paaminnelser");
}

/**
 * POST /profil/paaminnelser: the reminder checkboxes on /profil (issue 15, point 4). Its own
 * action, so the profile's other forms stay as they are; redirects back with «Lagret kl.».
 */
export async function action({ request, context }: Route.ActionArgs) {
  const aktor = context.get(aktorKontekst);
  const skjema = await lesSkjema(request, paaminnelseSkjema);
  // Only a tampered post gets here (the form has checkboxes with one value): a plain Norwegian answer.
  if (!skjema.ok) {
    const t = oversetter(context.get(maalformKontekst));
    return new Response(t("paaminnelse.profil.feil"), { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const { lagret } = await lagrePaaminnelseValg(aktor, skjema.data, { db: tjenester().db });
  return redirect(`/profil?lagret=paaminnelser&tid=${new Date(lagret).getTime()}#paaminnelser`);
}
