import { Form, Link, data } from "react-router";
import { Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/kalender-innstillinger";
import { aktorKontekst } from "#app/kontekst.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { lesSkjema } from "#app/components/skjema.ts";
import { FeilOppsummering } from "#app/components/felt.tsx";
import { useMaalform, useT } from "#app/components/use-t.ts";
import { kalenderSkjema } from "#app/domain/samling/samling.schema.ts";
import { harKalenderlenke, lagKalenderlenke, trekkTilbakeKalenderlenke } from "#app/domain/samling/kalender.server.ts";
import { LagretKl } from "#app/components/lagret.tsx";
import { formaterKlokke } from "#app/i18n/i18n.ts";

export function meta() {
  return [{ title: "Kalender – Samla" }];
}

/**
 * From the profile: download my samlinger as a file, or make a secret address a calendar app can
 * subscribe to. The address is shown once (only its hash is stored); a new one replaces the old,
 * and it can be revoked.
 */
export async function loader({ context }: Route.LoaderArgs) {
  return { harLenke: await harKalenderlenke(context.get(aktorKontekst), tjenester()) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const aktor = context.get(aktorKontekst);
  const dep = tjenester();
  const skjema = await lesSkjema(request, kalenderSkjema);
  if (!skjema.ok) {
    await harKalenderlenke(aktor, dep);
    return data({ feil: skjema.feil, lenke: null }, { status: 400 });
  }
  if (skjema.data.intent === "trekk-tilbake") {
    await trekkTilbakeKalenderlenke(aktor, dep);
    // Answered in place (no redirect): «Lagret kl.» from the time it was done (ADR 0030).
    return { feil: undefined, lenke: null, trukket: new Date().toISOString() };
  }
  const hemmelighet = await lagKalenderlenke(aktor, dep);
  return { feil: undefined, lenke: `${dep.env.BASE_URL}/kalender/${hemmelighet}.ics` };
}

export default function KalenderInnstillinger({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const maalform = useMaalform();
  return (
    <div className="smal">
      <Paragraph data-size="sm">
        <Link to="/profil">{t("samling.tilProfil")}</Link>
      </Paragraph>
      <Heading level={1} data-size="lg">
        {t("samling.kalenderSide")}
      </Heading>
      <FeilOppsummering feil={actionData?.feil} />
      <Paragraph>{t("samling.kalenderIngress")}</Paragraph>
      <Paragraph>
        <a href="/kalender.ics" download>
          {t("samling.lastNedKalender")}
        </a>
      </Paragraph>
      <section aria-labelledby="abonner" className="ramme blokk">
        <Heading level={2} data-size="md" id="abonner">
          {t("samling.abonner")}
        </Heading>
        <Paragraph>{t("samling.abonnerForklaring")}</Paragraph>
        {actionData?.lenke ? (
          <div role="status" className="blokk">
            <Paragraph>{t("samling.lenkenDin")}</Paragraph>
            <code className="kalenderlenke" data-kalenderlenke="true">
              {actionData.lenke}
            </code>
          </div>
        ) : d.harLenke ? (
          <Paragraph>{t("samling.harLenke")}</Paragraph>
        ) : null}
        {actionData && "trukket" in actionData && actionData.trukket ? <LagretKl tid={formaterKlokke(actionData.trukket, maalform)} nettopp /> : null}
        <Form method="post" className="knapperad">
          <Button type="submit" name="intent" value="lag" variant="secondary">
            {d.harLenke ? t("samling.nyLenke") : t("samling.lagLenke")}
          </Button>
          {d.harLenke ? (
            <Button type="submit" name="intent" value="trekk-tilbake" variant="tertiary" data-color="danger">
              {t("samling.trekkTilbakeLenke")}
            </Button>
          ) : null}
        </Form>
      </section>
    </div>
  );
}
