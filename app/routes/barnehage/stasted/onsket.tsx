import { Form, Link, data, redirect } from "react-router";
import { Button, Field, Heading, Label, Paragraph, Textarea, ValidationMessage } from "@digdir/designsystemet-react";
import type { Route } from "./+types/onsket";
import { ikkeFunnet } from "#app/auth/tilgang.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { lesSkjema } from "#app/components/skjema.ts";
import { FeilOppsummering } from "#app/components/felt.tsx";
import { useT } from "#app/components/use-t.ts";
import { onsketSkjema } from "#app/domain/stasted/stasted.schema.ts";
import { onsketTilstand, skrivOnsketTilstand } from "#app/domain/stasted/stasted.server.ts";
import { barnehageFraKontekst } from "../barnehage.server.ts";
import { Lagret, medLagret } from "#app/components/lagret.tsx";

export function meta() {
  return [{ title: "Hvor vil vi? – Samla" }];
}

/** The team's «hvor vil vi?» (module 0): every member sees it; the team, leder and styrer write it. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  return { id: medlemskap.barnehageId, ...(await onsketTilstand(aktor, medlemskap, params.teamId, tjenester())) };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  const dep = tjenester();
  const naa = await onsketTilstand(aktor, medlemskap, params.teamId, dep);
  const skjema = await lesSkjema(request, onsketSkjema);
  if (!skjema.ok) {
    if (!naa.kanSkrive) throw ikkeFunnet();
    return data({ feil: skjema.feil, verdier: skjema.verdier }, { status: 400 });
  }
  await skrivOnsketTilstand(aktor, medlemskap, params.teamId, skjema.data.tekst, dep);
  return redirect(medLagret(`/barnehage/${medlemskap.barnehageId}/stasted/team/${params.teamId}`, "onsket"));
}

export default function Onsket({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const feil = actionData?.feil;
  return (
    <div className="smal">
      <Paragraph data-size="sm">
        <Link to={`/barnehage/${d.id}/stasted`}>{t("stasted.tilbake")}</Link>
      </Paragraph>
      <Heading level={1} data-size="lg">
        {t("stasted.onsketFor", { team: d.teamNavn })}
      </Heading>
      <Paragraph>{t("stasted.onsketIngress")}</Paragraph>
      {!d.kanSkrive ? (
        d.tekst ? (
          d.tekst.split(/\n\s*\n/).map((a, i) => <Paragraph key={i}>{a}</Paragraph>)
        ) : (
          <Paragraph>{t("stasted.onsketIngen")}</Paragraph>
        )
      ) : (
        <>
          <FeilOppsummering feil={feil} />
          <Form method="post" className="skjema" noValidate>
            <Field className="felt">
              <Label htmlFor="felt-tekst">{t("stasted.onsketEtikett")}</Label>
              <p id="felt-tekst-beskrivelse" className="felt__beskrivelse">
                {t("stasted.onsketHjelp")}
              </p>
              <Textarea
                id="felt-tekst"
                name="tekst"
                rows={8}
                defaultValue={actionData?.verdier?.tekst ?? d.tekst ?? ""}
                aria-invalid={feil?.tekst ? true : undefined}
                aria-describedby={["felt-tekst-beskrivelse", feil?.tekst ? "felt-tekst-feil" : ""].filter(Boolean).join(" ")}
                required
              />
              {feil?.tekst ? <ValidationMessage id="felt-tekst-feil">{t(feil.tekst)}</ValidationMessage> : null}
            </Field>
            <Button type="submit">{t("stasted.onsketLagre")}</Button>
            <Lagret nokkel="onsket" />
          </Form>
        </>
      )}
    </div>
  );
}
