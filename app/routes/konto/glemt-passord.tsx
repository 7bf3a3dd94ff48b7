import { Form, Link, data } from "react-router";
import { Alert, Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/glemt-passord";
import { tjenester } from "#app/tjenester.server.ts";
import { lesSkjema, type SkjemaFeil } from "#app/components/skjema.ts";
import { FeilOppsummering, TekstFelt } from "#app/components/felt.tsx";
import { useT } from "#app/components/use-t.ts";
import { glemtPassordSkjema } from "#app/domain/konto/konto.schema.ts";
import { beOmNyttPassord } from "#app/domain/konto/passord.server.ts";
import { GLEMT_PASSORD, slippForesporsel } from "#app/domain/konto/grense.server.ts";
import { grenseFra, grenseVerdier } from "#app/domain/konto/grense.ts";


export function meta() {
  return [{ title: "Glemt passordet – Samla" }];
}

export function loader() {
  return null;
}

/** Always the same answer for a valid address, whether an account exists or not. */
export async function action({ request }: Route.ActionArgs) {
  const skjema = await lesSkjema(request, glemtPassordSkjema);
  if (!skjema.ok) return data({ sendt: false as const, feil: skjema.feil, verdier: skjema.verdier }, { status: 400 });
  const { auth, db } = tjenester();
  // Limited per address and per IP in the database (ADR 0015); the person keeps what they typed.
  const nei = await slippForesporsel(db, auth.options.secret, GLEMT_PASSORD, skjema.data.epost, request.headers);
  if (nei) {
    return data({ sendt: false as const, feil: { _skjema: nei.feil } as SkjemaFeil, verdier: { epost: skjema.data.epost }, grense: grenseVerdier(nei) }, { status: 429 });
  }
  await beOmNyttPassord(auth, skjema.data.epost, request.headers);
  return { sendt: true as const };
}

export default function GlemtPassord({ actionData }: Route.ComponentProps) {
  const t = useT();
  if (actionData?.sendt) {
    return (
      <div className="smal">
        <Heading level={1} data-size="lg">
          {t("konto.glemt.sendtTittel")}
        </Heading>
        <Alert data-color="info">
          <Paragraph>{t("konto.glemt.sendt")}</Paragraph>
        </Alert>
        <Paragraph>
          <Link to="/logg-inn">{t("nav.loggInn")}</Link>
        </Paragraph>
      </div>
    );
  }
  const feil = actionData && !actionData.sendt ? actionData.feil : undefined;
  const verdier = actionData && !actionData.sendt ? actionData.verdier : undefined;
  return (
    <div className="smal">
      <Heading level={1} data-size="lg">
        {t("konto.glemt.tittel")}
      </Heading>
      <Paragraph>{t("konto.glemt.ingress")}</Paragraph>
      <FeilOppsummering feil={feil} verdier={grenseFra(actionData)} />
      <Form method="post" className="skjema" noValidate>
        <TekstFelt navn="epost" type="email" etikett={t("konto.epost")} feil={feil?.epost} standard={verdier?.epost} autoComplete="email" />
        <Button type="submit">{t("konto.glemt.knapp")}</Button>
      </Form>
    </div>
  );
}
