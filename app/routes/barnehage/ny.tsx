import { data, redirect } from "react-router";
import type { Route } from "./+types/ny";
import { aktorKontekst } from "#app/kontekst.ts";
import { krev } from "#app/auth/tilgang.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { lesSkjema } from "#app/components/skjema.ts";
import { OrganisasjonSkjema } from "#app/components/organisasjon-skjema.tsx";
import { opprettBarnehageSkjema } from "#app/domain/barnehage/barnehage.schema.ts";
import { opprettBarnehage } from "#app/domain/barnehage/barnehage.server.ts";

export function meta() {
  return [{ title: "Opprett barnehage – Samla" }];
}

export function loader({ context }: Route.LoaderArgs) {
  krev(context.get(aktorKontekst), "opprett:barnehage");
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  const aktor = context.get(aktorKontekst);
  krev(aktor, "opprett:barnehage");
  const skjema = await lesSkjema(request, opprettBarnehageSkjema);
  if (!skjema.ok) return data({ feil: skjema.feil, verdier: skjema.verdier }, { status: 400 });
  const id = await opprettBarnehage(aktor, skjema.data, tjenester());
  return redirect(`/barnehage/${id}`);
}

export default function NyBarnehage({ actionData }: Route.ComponentProps) {
  return (
    <OrganisasjonSkjema
      tekster={{ tittel: "barnehage.ny.tittel", ingress: "barnehage.ny.ingress", navn: "barnehage.navn", knapp: "barnehage.ny.knapp" }}
      feil={actionData?.feil}
      verdier={actionData?.verdier}
    />
  );
}
