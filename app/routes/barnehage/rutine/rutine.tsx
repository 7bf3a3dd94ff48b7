import { Form, Link, data, redirect, useSearchParams } from "react-router";
import { Button, Field, Heading, Label, Paragraph, ValidationMessage } from "@digdir/designsystemet-react";
import type { Route } from "./+types/rutine";
import { kan, krev } from "#app/auth/tilgang.ts";
import { maalformKontekst } from "#app/kontekst.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { lesSkjema } from "#app/components/skjema.ts";
import { FeilOppsummering, TekstFelt } from "#app/components/felt.tsx";
import { Skrivefelt } from "#app/components/skrivefelt.tsx";
import { useMaalform, useT } from "#app/components/use-t.ts";
import { RUTINE_FELT, rutineSkjema } from "#app/domain/rutine/rutine.schema.ts";
import { rutineForBarnehage, vedtaRutine } from "#app/domain/rutine/rutine.server.ts";
import { rutineDokument } from "#app/domain/rutine/rutine.ts";
import { dagIdag } from "#app/domain/stasted/stasted.server.ts";
import { formaterDato, formaterKlokke, oversetter, type Nokkel } from "#app/i18n/i18n.ts";
import { barnehageFraKontekst } from "../barnehage.server.ts";

export function meta() {
  return [{ title: "Rutine for internkontroll – Samla" }];
}

/**
 * The barnehage's routine for internkontroll (issue 14, point 4): every member reads the current
 * version; the styrer answers the guided form and adopts a new version (POST + redirect).
 */
export async function loader({ context }: Route.LoaderArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  const sp = context.get(maalformKontekst);
  const { gjeldende, historikk } = await rutineForBarnehage(aktor, medlemskap, tjenester());
  return {
    barnehageId: medlemskap.barnehageId,
    barnehageNavn: medlemskap.barnehageNavn,
    kanEndre: kan(aktor, "endre:rutine", medlemskap),
    gjeldende: gjeldende ? { versjon: gjeldende.versjon, svar: gjeldende.svar } : null,
    dok: gjeldende ? rutineDokument(gjeldende, medlemskap.barnehageNavn, oversetter(sp), (d) => formaterDato(d, sp)) : null,
    historikk: historikk.map((h) => ({ versjon: h.versjon, vedtatt: h.vedtatt })),
    idag: dagIdag(new Date()),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  // Only the styrer adopts: everyone else gets «not found» before the form is read (ADR 0036).
  krev(aktor, "endre:rutine", medlemskap);
  const skjema = await lesSkjema(request, rutineSkjema);
  if (!skjema.ok) return data({ feil: skjema.feil, verdier: skjema.verdier }, { status: 400 });
  const { lagret } = await vedtaRutine(aktor, medlemskap, skjema.data, tjenester());
  return redirect(`/barnehage/${medlemskap.barnehageId}/rutine?lagret=${new Date(lagret).getTime()}#gjeldende`);
}

export default function RutineSide({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const maalform = useMaalform();
  const [sok] = useSearchParams();
  const tid = Number(sok.get("lagret"));
  const lagret = !actionData && Number.isFinite(tid) && tid > 0 ? formaterKlokke(new Date(tid), maalform) : null;
  const feil = actionData?.feil;
  const verdi = (f: string) => actionData?.verdier?.[f] ?? (d.gjeldende?.svar as Record<string, string> | undefined)?.[f] ?? "";
  return (
    <div className="rutineside">
      <Paragraph data-size="sm" className="dempet">
        <Link to={`/barnehage/${d.barnehageId}`}>{d.barnehageNavn}</Link>
      </Paragraph>
      <Heading level={1} data-size="xl">
        {t("rutine.tittel")}
      </Heading>
      <Paragraph className="lesebredde">{t("rutine.ingress")}</Paragraph>
      <section aria-labelledby="gjeldende" className="seksjon">
        <Heading level={2} data-size="md" id="gjeldende">
          {t("rutine.gjeldende")}
        </Heading>
        <p role="status" className="lagret" data-lagret>
          {lagret ? t("rutine.lagretKl", { klokka: lagret }) : ""}
        </p>
        {d.dok && d.gjeldende ? (
          <>
            <Paragraph>{d.dok.vedtatt}</Paragraph>
            <Paragraph>
              <Link to={`/barnehage/${d.barnehageId}/rutine/${d.gjeldende.versjon}`}>{t("rutine.lesHele", { versjon: d.gjeldende.versjon })}</Link> · <a href={`/barnehage/${d.barnehageId}/rutine/${d.gjeldende.versjon}/pdf`}>{t("rutine.pdf")}</a>
            </Paragraph>
          </>
        ) : (
          <Paragraph>{t("rutine.ingen")}</Paragraph>
        )}
      </section>
      {d.kanEndre ? (
        <section aria-labelledby="ny-versjon" className="seksjon lesebredde">
          <Heading level={2} data-size="md" id="ny-versjon">
            {t("rutine.skjemaTittel")}
          </Heading>
          <Paragraph>{t("rutine.skjemaIngress")}</Paragraph>
          <FeilOppsummering feil={feil} />
          <Form method="post" className="skjema" noValidate>
            {RUTINE_FELT.map((f) => (
              <Field className="felt" key={f}>
                <Label htmlFor={`felt-${f}`}>{t(`rutine.sp.${f}` as Nokkel)}</Label>
                <Skrivefelt id={`felt-${f}`} name={f} rows={3} tekst={verdi(f)} paakrevd ugyldig={Boolean(feil?.[f])} beskrevetAv={feil?.[f] ? `felt-${f}-feil` : undefined} />
                {feil?.[f] ? <ValidationMessage id={`felt-${f}-feil`}>{t(feil[f]!)}</ValidationMessage> : null}
              </Field>
            ))}
            <TekstFelt navn="vedtatt" type="date" etikett={t("rutine.vedtatt")} standard={actionData?.verdier?.vedtatt ?? d.idag} feil={feil?.vedtatt} beskrivelse={t("rutine.godkjenner")} />
            <Button type="submit">{t("rutine.vedta")}</Button>
          </Form>
        </section>
      ) : null}
      {d.historikk.length > 0 ? (
        <section aria-labelledby="versjoner" className="seksjon">
          <Heading level={2} data-size="md" id="versjoner">
            {t("rutine.historikk")}
          </Heading>
          <ul>
            {d.historikk.map((h) => (
              <li key={h.versjon}>
                <Link to={`/barnehage/${d.barnehageId}/rutine/${h.versjon}`}>{t("rutine.versjonLinje", { versjon: h.versjon, dato: formaterDato(h.vedtatt, maalform) })}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
