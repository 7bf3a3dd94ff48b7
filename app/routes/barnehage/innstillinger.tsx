import { Form, Link, data, redirect } from "react-router";
import { Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/innstillinger";
import { krev } from "#app/auth/tilgang.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { lesSkjema, type SkjemaFeil } from "#app/components/skjema.ts";
import { FeilOppsummering, TekstFelt } from "#app/components/felt.tsx";
import { useMaalform, useT } from "#app/components/use-t.ts";
import { innstillingerSkjema } from "#app/domain/barnehage/innstillinger.schema.ts";
import { hentInnstillinger, lagreInnstillinger } from "#app/domain/barnehage/innstillinger.server.ts";
import { knyttTilEier, kobleFraEier } from "#app/domain/eier/tilknytning.server.ts";
import { EIERKODE, erSperre, medKodegrense } from "#app/domain/konto/grense.server.ts";
import { grenseFra, grenseVerdier } from "#app/domain/konto/grense.ts";
import { KLIENT_IP_HODE } from "../../../server/klient-ip.ts";
import { formaterDato } from "#app/i18n/i18n.ts";
import { barnehageFraKontekst } from "./barnehage.server.ts";
import { BarnehageSideTopp } from "#app/components/barnehage-topp.tsx";
import { Lagret, medLagret } from "#app/components/lagret.tsx";

export function meta() {
  return [{ title: "Innstillinger – Samla" }];
}

/** The styrer's settings: name, org number and the link to an owner (ADR 0014). */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  const innstillinger = await hentInnstillinger(aktor, medlemskap, tjenester());
  const sok = new URL(request.url).searchParams;
  return {
    id: medlemskap.barnehageId,
    ...innstillinger,
    // Disconnecting takes two steps (works without JavaScript): ?koble-fra asks first.
    bekreftKobleFra: sok.has("koble-fra") && innstillinger.eier !== null,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  krev(aktor, "endre:barnehage", medlemskap);
  const skjema = await lesSkjema(request, innstillingerSkjema);
  const til = `/barnehage/${medlemskap.barnehageId}/innstillinger`;
  if (!skjema.ok) return data({ intent: skjema.verdier.intent ?? "", feil: skjema.feil, verdier: skjema.verdier as Record<string, string> }, { status: 400 });
  const d = skjema.data;
  if (d.intent === "lagre") {
    await lagreInnstillinger(aktor, medlemskap, d, tjenester());
    return redirect(medLagret(`${til}#om-barnehagen`, "innstillinger"));
  }
  if (d.intent === "knytt") {
    const t = tjenester();
    // Guessing limit per IP, per code and per account (ADR 0022); «already has an owner» is not a guess.
    const telles = { ip: request.headers.get(KLIENT_IP_HODE), kode: d.kode, konto: aktor!.id };
    const svar = await medKodegrense(t.db, t.auth.options.secret, EIERKODE, telles, aktor!.id, () => knyttTilEier(aktor, medlemskap, d.kode, t), (s) => !s.ok && s.feil !== "eier.feil.harEier");
    if (!svar.ok) {
      const felt = erSperre(svar) ? "_skjema" : "kode";
      return data({ intent: d.intent, feil: { [felt]: svar.feil } as SkjemaFeil, verdier: { kode: d.kode }, grense: grenseVerdier(svar) }, { status: erSperre(svar) ? 429 : 400 });
    }
    return redirect(medLagret(`${til}#eier`, "eier"));
  }
  await kobleFraEier(aktor, medlemskap, d.eierId, tjenester());
  return redirect(medLagret(`${til}#eier`, "eier"));
}

export default function Innstillinger({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const maalform = useMaalform();
  const feilFor = (intent: string) => (actionData?.intent === intent ? actionData.feil : undefined);
  const verdier: Record<string, string> | undefined = actionData?.intent === "lagre" ? actionData.verdier : undefined;
  return (
    <div className="smal">
      <BarnehageSideTopp barnehageId={d.id} tittel={t("innstillinger.tittel")} />

      <section aria-labelledby="om-barnehagen">
        <Heading level={2} data-size="md" id="om-barnehagen">
          {t("innstillinger.om")}
        </Heading>
        <FeilOppsummering feil={feilFor("lagre")} />
        {/* A post with an intent no form here sends (tampered): its errors are shown here. */}
        {actionData && actionData.intent !== "lagre" && actionData.intent !== "knytt" ? <FeilOppsummering feil={actionData.feil} /> : null}
        <Form method="post" className="skjema" noValidate>
          <input type="hidden" name="intent" value="lagre" />
          <TekstFelt navn="navn" etikett={t("barnehage.navn")} feil={feilFor("lagre")?.navn} standard={verdier?.navn ?? d.navn} autoComplete="organization" />
          <TekstFelt
            navn="orgnummer"
            etikett={t("barnehage.orgnummer")}
            beskrivelse={t("barnehage.orgnummerHjelp")}
            feil={feilFor("lagre")?.orgnummer}
            standard={verdier?.orgnummer ?? d.orgnummer ?? ""}
            valgfritt
            inputMode="numeric"
          />
          <Button type="submit">{t("innstillinger.lagre")}</Button>
          <Lagret nokkel="innstillinger" />
        </Form>
      </section>

      <section aria-labelledby="eier">
        <Heading level={2} data-size="md" id="eier">
          {t("innstillinger.eier")}
        </Heading>
        <Lagret nokkel="eier" />
        {d.eier ? (
          <>
            <Paragraph>{t("innstillinger.knyttetTil", { eier: d.eier.eierNavn, dato: formaterDato(d.eier.tilknyttet, maalform) })}</Paragraph>
            <Paragraph data-size="sm">{t("innstillinger.eierSer")}</Paragraph>
            {d.bekreftKobleFra ? (
              <div id="bekreft" className="ramme" tabIndex={-1}>
                <Heading level={3} data-size="sm">
                  {t("innstillinger.kobleFraSporsmal", { eier: d.eier.eierNavn })}
                </Heading>
                <Form method="post" className="knapperad">
                  <input type="hidden" name="intent" value="koble-fra" />
                  <input type="hidden" name="eierId" value={d.eier.eierId} />
                  <Button type="submit" data-color="danger">
                    {t("innstillinger.kobleFraJa", { eier: d.eier.eierNavn })}
                  </Button>
                  <Link to={`/barnehage/${d.id}/innstillinger`}>{t("barnehage.avbryt")}</Link>
                </Form>
              </div>
            ) : (
              <Paragraph>
                <Link to="?koble-fra#bekreft">{t("innstillinger.kobleFra")}</Link>
              </Paragraph>
            )}
          </>
        ) : (
          <>
            <Paragraph>{t("innstillinger.ingenEier")}</Paragraph>
            <FeilOppsummering feil={feilFor("knytt")} verdier={grenseFra(actionData)} />
            <Form method="post" className="skjema" noValidate>
              <input type="hidden" name="intent" value="knytt" />
              <TekstFelt
                navn="kode"
                etikett={t("innstillinger.kode")}
                beskrivelse={t("innstillinger.kodeHjelp")}
                feil={feilFor("knytt")?.kode}
                standard={actionData?.intent === "knytt" ? actionData.verdier.kode : undefined}
                autoComplete="off"
              />
              <Button type="submit">{t("innstillinger.knytt")}</Button>
            </Form>
          </>
        )}
      </section>
    </div>
  );
}
