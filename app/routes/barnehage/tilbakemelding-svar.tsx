import { Form, Link, data, redirect } from "react-router";
import { Alert, Button, ErrorSummary, Field, Heading, Label, Paragraph, Textarea, ValidationMessage } from "@digdir/designsystemet-react";
import type { Route } from "./+types/tilbakemelding-svar";
import { maalformKontekst } from "#app/kontekst.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { lesSkjema, type SkjemaFeil } from "#app/components/skjema.ts";
import { useT } from "#app/components/use-t.ts";
import { VET_IKKE, tilbakemeldingSkjema } from "#app/domain/tilbakemelding/tilbakemelding.schema.ts";
import { MAKS_FRITEKST } from "#app/domain/tilbakemelding/tilbakemelding.ts";
import { svarPaTilbakemelding, tilbakemeldingForModul } from "#app/domain/tilbakemelding/tilbakemelding.server.ts";
import { barnehageFraKontekst } from "./barnehage.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData ? `${loaderData.tittel} – tilbakemelding – Samla` : "Samla" }];
}

/**
 * The feedback form after one module: three statements on the ståsted scale and an optional free
 * text. Every member answers once per module; afterwards the page only thanks them.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  const maalform = context.get(maalformKontekst);
  const s = await tilbakemeldingForModul(aktor, medlemskap, params.slug, tjenester());
  return {
    id: medlemskap.barnehageId,
    slug: s.modul.slug,
    nummer: s.modul.nummer,
    tittel: s.modul.tekst[maalform].meta.tittel,
    harSvart: s.harSvart,
    takk: s.harSvart && new URL(request.url).searchParams.has("takk"),
    utsagn: s.utsagn.map((u) => ({ id: u.id, tekst: u[maalform] })),
    valg: [...s.skala.trinn.map((tr) => ({ verdi: String(tr.verdi), tekst: tr[maalform] })), { verdi: VET_IKKE, tekst: s.skala.vetIkke[maalform] }],
    fritekstHjelp: s.fritekst[maalform],
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  const dep = tjenester();
  const s = await tilbakemeldingForModul(aktor, medlemskap, params.slug, dep);
  const skjema = await lesSkjema(request, tilbakemeldingSkjema(s.utsagn.map((u) => u.id)));
  if (!skjema.ok) return data({ feil: skjema.feil, verdier: skjema.verdier }, { status: 400 });
  const svar = await svarPaTilbakemelding(aktor, medlemskap, params.slug, skjema.data, dep);
  if (!svar.ok) return data({ feil: { _skjema: svar.feil } as SkjemaFeil, verdier: {} as Record<string, string> }, { status: 400 });
  return redirect(`/barnehage/${medlemskap.barnehageId}/moduler/${s.modul.slug}/tilbakemelding?takk`);
}

export default function TilbakemeldingSvar({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const feil: SkjemaFeil = actionData?.feil ?? {};
  const verdier = actionData?.verdier ?? {};
  const feilListe = [
    ...(feil._skjema ? [{ href: "#hovedinnhold", tekst: t(feil._skjema) }] : []),
    ...d.utsagn.filter((u) => feil[u.id]).map((u) => ({ href: `#felt-${u.id}`, tekst: t("tilbakemelding.feil.velgFor", { utsagn: u.tekst }) })),
    ...(feil.fritekst ? [{ href: "#felt-fritekst", tekst: t(feil.fritekst) }] : []),
    // A field no form on this page has (a tampered post): said once, at the top.
    ...Object.entries(feil)
      .filter(([k, v]) => v && k !== "_skjema" && k !== "fritekst" && !d.utsagn.some((u) => u.id === k))
      .slice(0, 1)
      .map(([, v]) => ({ href: "#hovedinnhold", tekst: t(v!) })),
  ];
  return (
    <div className="smal">
      <Paragraph data-size="sm">
        <Link to={`/barnehage/${d.id}/tilbakemelding`}>{t("tilbakemelding.tilOversikten")}</Link>
      </Paragraph>
      <Heading level={1} data-size="lg">
        {t("tilbakemelding.skjemaTittel", { nummer: d.nummer, tittel: d.tittel })}
      </Heading>
      {/* Shown whatever the state: a refused post (already answered, a field no form has) says why. */}
        {feilListe.length ? (
          <ErrorSummary tabIndex={-1} className="feiloppsummering">
            <ErrorSummary.Heading>{t("konto.feil.oppsummering")}</ErrorSummary.Heading>
            <ErrorSummary.List>
              {feilListe.map((f) => (
                <ErrorSummary.Item key={f.href}>
                  <ErrorSummary.Link href={f.href}>{f.tekst}</ErrorSummary.Link>
                </ErrorSummary.Item>
              ))}
            </ErrorSummary.List>
          </ErrorSummary>
        ) : null}
      {d.harSvart ? (
        <Alert data-color="success">
          {d.takk ? (
            <Heading level={2} data-size="xs">
              {t("tilbakemelding.takk")}
            </Heading>
          ) : null}
          <Paragraph>{t("tilbakemelding.alleredeSvart")}</Paragraph>
        </Alert>
      ) : (
        <>
          <Paragraph>{t("tilbakemelding.skjemaIngress")}</Paragraph>
          <Form method="post" className="skjema" noValidate>
            {d.utsagn.map((u) => (
              <fieldset key={u.id} className="valg" aria-describedby={feil[u.id] ? `felt-${u.id}-feil` : undefined}>
                <legend>{u.tekst}</legend>
                {feil[u.id] ? <ValidationMessage id={`felt-${u.id}-feil`}>{t(feil[u.id]!)}</ValidationMessage> : null}
                {d.valg.map((v, i) => (
                  <div key={v.verdi} className="valg__rad">
                    <input
                      type="radio"
                      id={i === 0 ? `felt-${u.id}` : `felt-${u.id}-${v.verdi}`}
                      name={u.id}
                      value={v.verdi}
                      defaultChecked={verdier[u.id] === v.verdi}
                      aria-invalid={feil[u.id] ? true : undefined}
                    />
                    <label htmlFor={i === 0 ? `felt-${u.id}` : `felt-${u.id}-${v.verdi}`}>{v.tekst}</label>
                  </div>
                ))}
              </fieldset>
            ))}
            <Field className="felt">
              <Label htmlFor="felt-fritekst">{t("tilbakemelding.fritekst")}</Label>
              <p id="felt-fritekst-beskrivelse" className="felt__beskrivelse">
                {d.fritekstHjelp}
              </p>
              <Textarea
                id="felt-fritekst"
                name="fritekst"
                rows={5}
                maxLength={MAKS_FRITEKST}
                defaultValue={verdier.fritekst}
                aria-invalid={feil.fritekst ? true : undefined}
                aria-describedby={["felt-fritekst-beskrivelse", feil.fritekst ? "felt-fritekst-feil" : ""].filter(Boolean).join(" ")}
              />
              {feil.fritekst ? <ValidationMessage id="felt-fritekst-feil">{t(feil.fritekst)}</ValidationMessage> : null}
            </Field>
            <Button type="submit">{t("tilbakemelding.send")}</Button>
          </Form>
        </>
      )}
    </div>
  );
}
