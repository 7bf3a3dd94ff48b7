import { Form, data, redirect } from "react-router";
import { Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/ny";
import { aktorKontekst } from "#app/kontekst.ts";
import { krev } from "#app/auth/tilgang.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { lesSkjema } from "#app/components/skjema.ts";
import { FeilOppsummering, TekstFelt } from "#app/components/felt.tsx";
import { useT } from "#app/components/use-t.ts";
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
  const t = useT();
  const feil = actionData?.feil;
  const verdier = actionData?.verdier;
  return (
    <div className="smal">
      <Heading level={1} data-size="lg">
        {t("eier.ny.tittel")}
      </Heading>
      <Paragraph>{t("eier.ny.ingress")}</Paragraph>
      <FeilOppsummering feil={feil} />
      <Form method="post" className="skjema" noValidate>
        <TekstFelt navn="navn" etikett={t("eier.navn")} beskrivelse={t("eier.navnHjelp")} feil={feil?.navn} standard={verdier?.navn} autoComplete="organization" />
        <TekstFelt
          navn="orgnummer"
          etikett={t("barnehage.orgnummer")}
          beskrivelse={t("barnehage.orgnummerHjelp")}
          feil={feil?.orgnummer}
          standard={verdier?.orgnummer}
          valgfritt
          inputMode="numeric"
        />
        <Button type="submit">{t("eier.ny.knapp")}</Button>
      </Form>
    </div>
  );
}
