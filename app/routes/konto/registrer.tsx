import { Form, Link, data, redirect, useSearchParams } from "react-router";
import { Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/registrer";
import { aktorKontekst } from "#app/kontekst.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { lesSkjema } from "#app/components/skjema.ts";
import { FeilOppsummering, TekstFelt } from "#app/components/felt.tsx";
import { useT } from "#app/components/use-t.ts";
import { registrerSkjema } from "#app/domain/konto/konto.schema.ts";
import { registrer } from "#app/domain/konto/konto.server.ts";
import { tryggTil } from "#app/auth/sesjon.ts";
import { grenseFra, grenseVerdier } from "#app/domain/konto/grense.ts";
import { videreMedCookies } from "./konto.server.ts";
import { oidcKonfig } from "#app/env.server.ts";
import { SsoKnapp } from "#app/components/sso.tsx";
import { PASSORDFELTFEIL } from "#app/domain/konto/konto.server.ts";

export function meta() {
  return [{ title: "Opprett konto – Samla" }];
}

export function loader({ context }: Route.LoaderArgs) {
  if (context.get(aktorKontekst)) throw redirect("/start");
  return { sso: oidcKonfig(tjenester().env)?.navn ?? null };
}

export async function action({ request, context }: Route.ActionArgs) {
  // A body that is no form is refused first (415/400), whoever sends it.
  const skjema = await lesSkjema(request, registrerSkjema);
  // The loader sends a signed-in person away, but an action runs before the loaders: without this a
  // signed-in person's post made a second account and swapped the session to it.
  if (context.get(aktorKontekst)) throw redirect("/start");
  if (!skjema.ok) return data({ feil: skjema.feil, verdier: skjema.verdier }, { status: 400 });
  const t = tjenester();
  const svar = await registrer(t.auth, skjema.data, request.headers, { db: t.db, hemmelighet: t.auth.options.secret });
  if (!svar.ok) {
    const { passord: _p, ...verdier } = skjema.data;
    const felt = svar.status === 429 ? "_skjema" : PASSORDFELTFEIL.includes(svar.feil) ? "passord" : "epost";
    return data({ feil: { [felt]: svar.feil }, verdier, grense: grenseVerdier(svar) }, { status: svar.status ?? 400 });
  }
  return videreMedCookies(tryggTil(skjema.data.til), svar.hoder);
}

export default function Registrer({ actionData, loaderData }: Route.ComponentProps) {
  const t = useT();
  const [sok] = useSearchParams();
  const feil = actionData?.feil;
  const verdier = actionData?.verdier as Record<string, string | undefined> | undefined;
  return (
    <div className="smal">
      <Heading level={1} data-size="lg">
        {t("konto.registrer.tittel")}
      </Heading>
      <FeilOppsummering feil={feil} verdier={grenseFra(actionData)} />
      {loaderData.sso && <SsoKnapp navn={loaderData.sso} til={tryggTil(sok.get("til"))} />}
      <Form method="post" className="skjema" noValidate>
        <input type="hidden" name="til" value={sok.get("til") ?? "/start"} />
        <TekstFelt navn="navn" etikett={t("konto.navn")} beskrivelse={t("konto.navnHjelp")} feil={feil?.navn} standard={verdier?.navn} autoComplete="name" />
        <TekstFelt navn="epost" type="email" etikett={t("konto.epost")} feil={feil?.epost} standard={verdier?.epost} autoComplete="email" />
        <TekstFelt navn="passord" type="password" etikett={t("konto.passord")} beskrivelse={t("konto.passordHjelp")} feil={feil?.passord} autoComplete="new-password" />
        <Button type="submit">{t("konto.registrer.knapp")}</Button>
      </Form>
      <Paragraph>
        {t("konto.registrer.harKonto")} <Link to="/logg-inn">{t("nav.loggInn")}</Link>
      </Paragraph>
    </div>
  );
}
