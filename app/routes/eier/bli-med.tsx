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
import { EIERKODE, erSperre, medKodegrense } from "#app/domain/konto/grense.server.ts";
import { grenseFra, grenseVerdier } from "#app/domain/konto/grense.ts";
import { KLIENT_IP_HODE } from "../../../server/klient-ip.ts";

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
  const t = tjenester();
  // Guessing limit per IP, per code and per account (ADR 0022).
  const telles = { ip: request.headers.get(KLIENT_IP_HODE), kode: skjema.data.kode, konto: aktor!.id };
  const svar = await medKodegrense(t.db, t.auth.options.secret, EIERKODE, telles, aktor!.id, () => brukEierInvitasjon(aktor, skjema.data.kode, t));
  if (!svar.ok) {
    const felt = erSperre(svar) ? "_skjema" : "kode";
    return data({ feil: { [felt]: svar.feil } as SkjemaFeil, verdier: { kode: skjema.data.kode } as Record<string, string>, grense: grenseVerdier(svar) }, { status: erSperre(svar) ? 429 : 400 });
  }
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
      <FeilOppsummering feil={actionData?.feil} verdier={grenseFra(actionData)} />
      <Form method="post" className="skjema" noValidate>
        <TekstFelt navn="kode" etikett={t("eier.kode")} beskrivelse={t("bliMed.kodeHjelp")} feil={actionData?.feil?.kode} standard={actionData?.verdier?.kode} autoComplete="off" />
        <Button type="submit">{t("eier.bliMed.knapp")}</Button>
      </Form>
    </div>
  );
}
