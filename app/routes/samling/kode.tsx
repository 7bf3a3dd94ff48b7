import { Form, data } from "react-router";
import { Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/kode";
import { aktorKontekst } from "#app/kontekst.ts";
import { krev } from "#app/auth/tilgang.ts";
import { lesSkjema, type SkjemaFeil } from "#app/components/skjema.ts";
import { FeilOppsummering, TekstFelt } from "#app/components/felt.tsx";
import { grenseFra } from "#app/domain/konto/grense.ts";
import { useT } from "#app/components/use-t.ts";
import { samlingskodeSkjema } from "#app/domain/samling/samling.schema.ts";
import { brukSamlingskode } from "./kode.server.ts";

export function meta() {
  return [{ title: "Bli med på samlingen – Samla" }];
}

export function loader({ context }: Route.LoaderArgs) {
  krev(context.get(aktorKontekst), "se:min-side");
  return null;
}

/** /s: type the code from the big screen (works without JavaScript). */
export async function action({ request, context }: Route.ActionArgs) {
  const aktor = context.get(aktorKontekst);
  krev(aktor, "se:min-side");
  const skjema = await lesSkjema(request, samlingskodeSkjema);
  if (!skjema.ok) return data({ feil: skjema.feil, verdier: skjema.verdier as Record<string, string>, grense: {} as Record<string, string> }, { status: 400 });
  return brukSamlingskode(request, aktor, skjema.data.kode);
}

export function KodeSide({ feil, verdier, grense }: { feil?: SkjemaFeil; verdier?: Record<string, string>; grense?: Record<string, string> }) {
  const t = useT();
  return (
    <div className="smal">
      <Heading level={1} data-size="lg">
        {t("rom.kodeTittel")}
      </Heading>
      <Paragraph>{t("rom.kodeIngress")}</Paragraph>
      <FeilOppsummering feil={feil} verdier={grense} />
      <Form method="post" action="/s" className="skjema" noValidate>
        <TekstFelt navn="kode" etikett={t("rom.kodeEtikett")} beskrivelse={t("rom.kodeHjelp")} feil={feil?.kode} standard={verdier?.kode} autoComplete="off" />
        <Button type="submit">{t("rom.kodeKnapp")}</Button>
      </Form>
    </div>
  );
}

export default function Kode({ actionData }: Route.ComponentProps) {
  return <KodeSide feil={actionData?.feil} verdier={actionData?.verdier} grense={grenseFra(actionData)} />;
}
