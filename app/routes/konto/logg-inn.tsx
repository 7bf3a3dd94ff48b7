import { Form, Link, data, redirect, useSearchParams } from "react-router";
import { Alert, Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/logg-inn";
import { aktorKontekst } from "#app/kontekst.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { lesSkjema } from "#app/components/skjema.ts";
import { FeilOppsummering, TekstFelt } from "#app/components/felt.tsx";
import { useT } from "#app/components/use-t.ts";
import { loggInnSkjema } from "#app/domain/konto/konto.schema.ts";
import { loggInn } from "#app/domain/konto/konto.server.ts";
import { tryggTil } from "#app/auth/sesjon.ts";
import { grenseFra, grenseVerdier } from "#app/domain/konto/grense.ts";
import { videreMedCookies } from "./konto.server.ts";
import { oidcKonfig } from "#app/env.server.ts";
import { SsoFeil, SsoKnapp } from "#app/components/sso.tsx";

export function meta() {
  return [{ title: "Logg inn – Samla" }];
}

export function loader({ context, request }: Route.LoaderArgs) {
  if (context.get(aktorKontekst)) throw redirect(tryggTil(new URL(request.url).searchParams.get("til")));
  return { sso: oidcKonfig(tjenester().env)?.navn ?? null };
}

export async function action({ request }: Route.ActionArgs) {
  const skjema = await lesSkjema(request, loggInnSkjema);
  if (!skjema.ok) return data({ feil: skjema.feil, verdier: skjema.verdier }, { status: 400 });
  const t = tjenester();
  const svar = await loggInn(t.auth, skjema.data, request.headers, { db: t.db, hemmelighet: t.auth.options.secret });
  if (!svar.ok) return data({ feil: { _skjema: svar.feil }, verdier: { epost: skjema.data.epost }, grense: grenseVerdier(svar) }, { status: svar.status ?? 400 });
  // Two-factor (ADR 0013): the right password sets only the second step's cookie; the code finishes.
  if (svar.tofaktor) return videreMedCookies(`/logg-inn/kode?til=${encodeURIComponent(tryggTil(skjema.data.til))}`, svar.hoder);
  return videreMedCookies(tryggTil(skjema.data.til), svar.hoder);
}

export default function LoggInn({ actionData, loaderData }: Route.ComponentProps) {
  const t = useT();
  const [sok] = useSearchParams();
  const feil = actionData?.feil as Record<string, never> | undefined;
  const verdier = actionData?.verdier as Record<string, string | undefined> | undefined;
  return (
    <div className="smal">
      <Heading level={1} data-size="lg">
        {t("konto.loggInn.tittel")}
      </Heading>
      {!feil && sok.get("melding") === "nytt-passord" ? (
        <Alert data-color="success">
          <Paragraph>{t("konto.loggInn.nyttPassordOk")}</Paragraph>
        </Alert>
      ) : null}
      {!feil && sok.get("melding") === "utlogget-overalt" ? (
        <Alert data-color="success">
          <Paragraph>{t("konto.loggInn.utloggetOveralt")}</Paragraph>
        </Alert>
      ) : null}
      {!feil && sok.get("melding") === "konto-slettet" ? (
        <Alert data-color="success">
          <Paragraph>{t("personvern.slett.ferdig")}</Paragraph>
        </Alert>
      ) : null}
      {loaderData.sso && <SsoFeil navn={loaderData.sso} />}
      <FeilOppsummering feil={feil} verdier={grenseFra(actionData)} />
      {loaderData.sso && <SsoKnapp navn={loaderData.sso} til={tryggTil(sok.get("til"))} />}
      <Form method="post" className="skjema" noValidate>
        <input type="hidden" name="til" value={sok.get("til") ?? "/start"} />
        <TekstFelt navn="epost" type="email" etikett={t("konto.epost")} feil={feil?.epost} standard={verdier?.epost} autoComplete="email" />
        <TekstFelt navn="passord" type="password" etikett={t("konto.passord")} feil={feil?.passord} autoComplete="current-password" />
        <Button type="submit">{t("konto.loggInn.knapp")}</Button>
      </Form>
      <Paragraph>
        <Link to="/glemt-passord">{t("konto.loggInn.glemt")}</Link>
      </Paragraph>
      <Paragraph>
        {t("konto.loggInn.ingenKonto")} <Link to="/registrer">{t("nav.registrer")}</Link>
      </Paragraph>
    </div>
  );
}
