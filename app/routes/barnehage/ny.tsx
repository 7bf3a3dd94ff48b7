import { Form, data, redirect } from "react-router";
import { Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/ny";
import { aktorKontekst } from "#app/kontekst.ts";
import { krev } from "#app/auth/tilgang.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { lesSkjema } from "#app/components/skjema.ts";
import { FeilOppsummering, TekstFelt } from "#app/components/felt.tsx";
import { useT } from "#app/components/use-t.ts";
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
  const t = useT();
  const feil = actionData?.feil;
  const verdier = actionData?.verdier;
  return (
    <div className="smal">
      <Heading level={1} data-size="lg">
        {t("barnehage.ny.tittel")}
      </Heading>
      <Paragraph>{t("barnehage.ny.ingress")}</Paragraph>
      <FeilOppsummering feil={feil} />
      <Form method="post" className="skjema" noValidate>
        <TekstFelt navn="navn" etikett={t("barnehage.navn")} feil={feil?.navn} standard={verdier?.navn} autoComplete="organization" />
        <TekstFelt
          navn="orgnummer"
          etikett={t("barnehage.orgnummer")}
          beskrivelse={t("barnehage.orgnummerHjelp")}
          feil={feil?.orgnummer}
          standard={verdier?.orgnummer}
          valgfritt
          inputMode="numeric"
        />
        <Button type="submit">{t("barnehage.ny.knapp")}</Button>
      </Form>
    </div>
  );
}
