import { data, redirect } from "react-router";
import type { Route } from "./+types/ny";
import { aktorKontekst } from "#app/kontekst.ts";
import { krev } from "#app/auth/tilgang.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { lesSkjema } from "#app/components/skjema.ts";
import { OrganisasjonSkjema } from "#app/components/organisasjon-skjema.tsx";
import { opprettEierSkjema } from "#app/domain/eier/eier.schema.ts";
import { opprettEier } from "#app/domain/eier/eier.server.ts";

export function meta() {
  return [{ title: "Opprett eier – Samla" }];
}

export function loader({ context }: Route.LoaderArgs) {
  krev(context.get(aktorKontekst), "opprett:eier");
  return null;
}

/** A signed-in person creates an owner (municipality or private owner) and becomes its eier. */
export async function action({ request, context }: Route.ActionArgs) {
  const aktor = context.get(aktorKontekst);
  krev(aktor, "opprett:eier");
  const skjema = await lesSkjema(request, opprettEierSkjema);
  if (!skjema.ok) return data({ feil: skjema.feil, verdier: skjema.verdier }, { status: 400 });
  const id = await opprettEier(aktor, skjema.data, tjenester());
  return redirect(`/eier/${id}`);
}

export default function NyEier({ actionData }: Route.ComponentProps) {
  return (
    <OrganisasjonSkjema
      tekster={{ tittel: "eier.ny.tittel", ingress: "eier.ny.ingress", navn: "eier.navn", navnHjelp: "eier.navnHjelp", knapp: "eier.ny.knapp" }}
      feil={actionData?.feil}
      verdier={actionData?.verdier}
    />
  );
}
