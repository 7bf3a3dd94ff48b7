import { Form, Link, data, redirect, useSearchParams } from "react-router";
import { Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/nytt-passord";
import { tjenester } from "#app/tjenester.server.ts";
import { lesSkjema } from "#app/components/skjema.ts";
import { FeilOppsummering, TekstFelt } from "#app/components/felt.tsx";
import { useT } from "#app/components/use-t.ts";
import { nyttPassordSkjema } from "#app/domain/konto/konto.schema.ts";
import { settNyttPassord } from "#app/domain/konto/passord.server.ts";

export function meta() {
  return [{ title: "Nytt passord – Samla" }];
}

export function loader() {
  return null;
}

/** Sets the new password; signs nobody in (every session ends), so the person signs in again. */
export async function action({ request }: Route.ActionArgs) {
  const skjema = await lesSkjema(request, nyttPassordSkjema);
  if (!skjema.ok) return data({ feil: skjema.feil }, { status: 400 });
  const svar = await settNyttPassord(tjenester().auth, skjema.data, request.headers);
  if (!svar.ok) {
    const felt = svar.feil === "konto.nytt.ugyldig" ? "_skjema" : "passord";
    return data({ feil: { [felt]: svar.feil } }, { status: 400 });
  }
  return redirect("/logg-inn?melding=nytt-passord");
}

export default function NyttPassord({ actionData }: Route.ComponentProps) {
  const t = useT();
  const [sok] = useSearchParams();
  const token = sok.get("token");
  const feil = actionData?.feil;
  if (!token) {
    return (
      <div className="smal">
        <Heading level={1} data-size="lg">
          {t("konto.nytt.tittel")}
        </Heading>
        <Paragraph>{t("konto.nytt.ugyldig")}</Paragraph>
        <Paragraph>
          <Link to="/glemt-passord">{t("konto.nytt.beOmNy")}</Link>
        </Paragraph>
      </div>
    );
  }
  return (
    <div className="smal">
      <Heading level={1} data-size="lg">
        {t("konto.nytt.tittel")}
      </Heading>
      <FeilOppsummering feil={feil} />
      {feil?._skjema ? (
        <Paragraph>
          <Link to="/glemt-passord">{t("konto.nytt.beOmNy")}</Link>
        </Paragraph>
      ) : null}
      <Form method="post" className="skjema" noValidate>
        <input type="hidden" name="token" value={token} />
        <TekstFelt navn="passord" type="password" etikett={t("konto.nyttPassord")} beskrivelse={t("konto.passordHjelp")} feil={feil?.passord} autoComplete="new-password" />
        <TekstFelt navn="gjentaPassord" type="password" etikett={t("konto.gjentaPassord")} feil={feil?.gjentaPassord} autoComplete="new-password" />
        <Button type="submit">{t("konto.nytt.knapp")}</Button>
      </Form>
    </div>
  );
}
