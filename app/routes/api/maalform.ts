import { redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/maalform";
import { aktorKontekst } from "#app/kontekst.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { lesForm } from "#app/components/skjema.ts";
import { maalformCookie } from "#app/i18n/maalform.server.ts";
import { tryggTil } from "#app/auth/sesjon.ts";
import { lagreMaalform } from "#app/domain/konto/maalform.repo.server.ts";

const skjema = z.object({ maalform: z.enum(["nb", "nn"]), til: z.string().optional() });

/** Switches målform: a cookie for everyone, and the user's own setting when signed in. */
export async function action({ request, context }: Route.ActionArgs) {
  const r = skjema.safeParse(Object.fromEntries(await lesForm(request)));
  if (!r.success) throw new Response("Ugyldig målform", { status: 400 });
  const aktor = context.get(aktorKontekst);
  if (aktor) await lagreMaalform(tjenester().db, aktor.id, r.data.maalform);
  return redirect(tryggTil(r.data.til, "/"), {
    headers: { "Set-Cookie": maalformCookie(r.data.maalform, tjenester().env.BASE_URL.startsWith("https://")) },
  });
}

export function loader() {
  throw redirect("/");
}
