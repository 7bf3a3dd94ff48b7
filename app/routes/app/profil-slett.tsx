import { Form, Link, data } from "react-router";
import { Alert, Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/profil-slett";
import { aktorKontekst } from "#app/kontekst.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { lesSkjema } from "#app/components/skjema.ts";
import { FeilOppsummering, TekstFelt } from "#app/components/felt.tsx";
import { useT } from "#app/components/use-t.ts";
import { slettingsplan } from "#app/domain/personvern/mine-data.server.ts";
import { slettKontoMedBekreftelse } from "#app/domain/personvern/konto-sletting.server.ts";
import { slettKontoSkjema } from "#app/domain/personvern/personvern.schema.ts";
import { grenseFra, grenseVerdier } from "#app/domain/konto/grense.ts";
import { videreMedCookies } from "../konto/konto.server.ts";

export function meta() {
  return [{ title: "Slett kontoen – Samla" }];
}

/** Explains the consequences first; the signed-in layout's middleware already requires a session. */
export async function loader({ context }: Route.LoaderArgs) {
  return slettingsplan(context.get(aktorKontekst), { db: tjenester().db });
}

export async function action({ request, context }: Route.ActionArgs) {
  const aktor = context.get(aktorKontekst);
  const { db, auth } = tjenester();
  const skjema = await lesSkjema(request, slettKontoSkjema);
  if (!skjema.ok) return data({ feil: skjema.feil }, { status: 400 });
  const svar = await slettKontoMedBekreftelse(aktor, skjema.data, request.headers, { db, auth });
  if (svar.ok) return videreMedCookies("/logg-inn?melding=konto-slettet", svar.hoder);
  return data({ feil: { [svar.felt]: svar.feil }, grense: grenseVerdier("provIgjen" in svar ? svar : null) }, { status: "status" in svar && svar.status === 429 ? 429 : svar.felt === "_skjema" ? 409 : 400 });
}

export default function SlettKonto({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const feil = actionData?.feil;
  const { hindre, eierHindre, tommeBarnehager, tommeEiere, harPassord } = loaderData;
  return (
    <div className="smal">
      <Paragraph data-size="sm">
        <Link to="/profil">{t("personvern.tilbake")}</Link>
      </Paragraph>
      <Heading level={1} data-size="lg">
        {t("personvern.slett.tittel")}
      </Heading>
      <Paragraph>{t("personvern.slett.ingress")}</Paragraph>

      <Heading level={2} data-size="md">
        {t("personvern.slett.hvaSkjer")}
      </Heading>
      <ul>
        <li>{t("personvern.slett.kontoen")}</li>
        <li>{t("personvern.slett.medlemskap")}</li>
        <li>{t("personvern.slett.refleksjoner")}</li>
        <li>{t("personvern.slett.delte")}</li>
        <li>{t("personvern.slett.logg")}</li>
        {tommeBarnehager.map((b) => (
          <li key={b.barnehageId}>{t("personvern.slett.tomBarnehage", { barnehage: b.navn })}</li>
        ))}
        {tommeEiere.map((e) => (
          <li key={e.eierId}>{t("personvern.slett.tomEier", { eier: e.navn })}</li>
        ))}
      </ul>
      <Paragraph>
        {t("personvern.slett.lastNedForst")} <a href="/profil/data">{t("personvern.data.lenke")}</a>
      </Paragraph>

      {hindre.length || eierHindre.length ? (
        <Alert data-color="warning">
          <Heading level={2} data-size="xs">
            {t("personvern.slett.hinderTittel")}
          </Heading>
          {hindre.length ? (
            <>
              <Paragraph>{t("personvern.slett.feil.enesteStyrer")}</Paragraph>
              <ul>
                {hindre.map((b) => (
                  <li key={b.barnehageId}>
                    <Link to={`/barnehage/${b.barnehageId}`}>{b.navn}</Link>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {eierHindre.length ? (
            <>
              <Paragraph>{t("personvern.slett.feil.enesteEier")}</Paragraph>
              <ul>
                {eierHindre.map((e) => (
                  <li key={e.eierId}>
                    <Link to={`/eier/${e.eierId}`}>{e.navn}</Link>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </Alert>
      ) : (
        <>
          <Heading level={2} data-size="md">
            {t("personvern.slett.bekreftTittel")}
          </Heading>
          <FeilOppsummering feil={feil} verdier={grenseFra(actionData)} />
          <Form method="post" className="skjema" noValidate>
            {harPassord ? (
              <TekstFelt navn="passord" type="password" etikett={t("personvern.slett.passord")} feil={feil?.passord} autoComplete="current-password" />
            ) : (
              <TekstFelt navn="bekreft" etikett={t("personvern.slett.skrivOrd")} beskrivelse={t("personvern.slett.skrivOrdHjelp")} feil={feil?.bekreft} autoComplete="off" />
            )}
            <Button type="submit" data-color="danger">
              {t("personvern.slett.knapp")}
            </Button>
          </Form>
        </>
      )}
    </div>
  );
}
