import { Form, data, redirect } from "react-router";
import { Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/bli-med";
import { aktorKontekst } from "#app/kontekst.ts";
import { krev } from "#app/auth/tilgang.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { lesSkjema, type SkjemaFeil } from "#app/components/skjema.ts";
import { FeilOppsummering, TekstFelt } from "#app/components/felt.tsx";
import { useT } from "#app/components/use-t.ts";
import { bliEierSkjema } from "#app/domain/eier/eier.schema.ts";
import { brukEierInvitasjon } from "#app/domain/eier/eier.server.ts";

export function meta() {
  return [{ title: "Bli med hos en eier – Samla" }];
}

export function loader({ context }: Route.LoaderArgs) {
  krev(context.get(aktorKontekst), "opprett:eier");
  return null;
}

/** A signed-in person joins an owner with a code from one of its people. */
export async function action({ request, context }: Route.ActionArgs) {
  const aktor = context.get(aktorKontekst);
  krev(aktor, "opprett:eier");
  const skjema = await lesSkjema(request, bliEierSkjema);
  if (!skjema.ok) return data({ feil: skjema.feil, verdier: skjema.verdier }, { status: 400 });
  const svar = await brukEierInvitasjon(aktor, skjema.data.kode, tjenester());
  if (!svar.ok) return data({ feil: { kode: svar.feil } as SkjemaFeil, verdier: { kode: skjema.data.kode } as Record<string, string> }, { status: 400 });
  return redirect(`/eier/${svar.eierId}`);
}

export default function BliEier({ actionData }: Route.ComponentProps) {
  const t = useT();
  return (
    <div className="smal">
      <Heading level={1} data-size="lg">
        {t("eier.bliMed.tittel")}
      </Heading>
      <Paragraph>{t("eier.bliMed.ingress")}</Paragraph>
      <FeilOppsummering feil={actionData?.feil} />
      <Form method="post" className="skjema" noValidate>
        <TekstFelt navn="kode" etikett={t("eier.kode")} beskrivelse={t("bliMed.kodeHjelp")} feil={actionData?.feil?.kode} standard={actionData?.verdier?.kode} autoComplete="off" />
        <Button type="submit">{t("eier.bliMed.knapp")}</Button>
      </Form>
    </div>
  );
}
