import { Form, Link, data, redirect } from "react-router";
import { Button, Heading, Label, Paragraph, ValidationMessage } from "@digdir/designsystemet-react";
import type { Route } from "./+types/liste";
import { krev } from "#app/auth/tilgang.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { lesSkjema } from "#app/components/skjema.ts";
import { FeilOppsummering } from "#app/components/felt.tsx";
import { useMaalform, useT } from "#app/components/use-t.ts";
import { formaterDato } from "#app/i18n/i18n.ts";
import { FASER, nyRundeSkjema } from "#app/domain/stasted/stasted.schema.ts";
import { opprettRunde, stastedOversikt } from "#app/domain/stasted/stasted.server.ts";
import { barnehageFraKontekst } from "../barnehage.server.ts";
import { DatoFelt, faseNokkel, statusNokkel } from "./felles.tsx";
import { BarnehageSideTopp } from "#app/components/barnehage-topp.tsx";

export function meta() {
  return [{ title: "Ståsted – Samla" }];
}

/** The barnehage's ståsted rounds; leder and styrer open new ones here. */
export async function loader({ context }: Route.LoaderArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  const oversikt = await stastedOversikt(aktor, medlemskap, tjenester());
  const om14 = new Date(`${oversikt.idag}T12:00:00Z`);
  om14.setUTCDate(om14.getUTCDate() + 14);
  return { id: medlemskap.barnehageId, ...oversikt, standardLukker: om14.toISOString().slice(0, 10) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  krev(aktor, "opprett:stasted", medlemskap);
  const skjema = await lesSkjema(request, nyRundeSkjema);
  if (!skjema.ok) return data({ feil: skjema.feil, verdier: skjema.verdier }, { status: 400 });
  const svar = await opprettRunde(aktor, medlemskap, skjema.data, tjenester());
  if (!svar.ok) return data({ feil: { [svar.felt]: svar.feil }, verdier: skjema.data as Record<string, string> }, { status: 400 });
  return redirect(`/barnehage/${medlemskap.barnehageId}/stasted/${svar.verdi}`);
}

export default function StastedListe({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const maalform = useMaalform();
  const feil = actionData?.feil;
  const verdier = actionData?.verdier;
  return (
    <div className="smal">
      <BarnehageSideTopp barnehageId={d.id} tittel={t("stasted.tittel")} ingress={t("stasted.ingress")} />
      <Heading level={2} data-size="md">
        {t("stasted.runder")}
      </Heading>
      {d.runder.length === 0 ? <Paragraph>{t("stasted.ingenRunder")}</Paragraph> : null}
      <ul className="teamliste">
        {d.runder.map((r) => (
          <li key={r.id} className="teamliste__team">
            <Link to={`/barnehage/${d.id}/stasted/${r.id}`} className="teamliste__navn">
              {t("stasted.rundeNavn", { fase: t(faseNokkel[r.fase]), malgruppe: r.malgruppe ?? t("stasted.heleBarnehagen") })}
            </Link>
            <p className="teamliste__medlemmer">
              {t(statusNokkel[r.status])} · {t("stasted.periode", { apner: formaterDato(r.apner, maalform), lukker: formaterDato(r.lukker, maalform) })} ·{" "}
              {t("stasted.antallSvart", { antall: r.antallDeltakere })}
            </p>
            {r.kanSvare ? <p className="teamliste__medlemmer">{t("stasted.venterPaaDeg")}</p> : null}
            {r.harSvart ? <p className="teamliste__medlemmer">{t("stasted.duHarSvart")}</p> : null}
          </li>
        ))}
      </ul>
      {d.onsketTeam.length ? (
        <section aria-labelledby="onsket-lenker">
          <Heading level={2} data-size="md" id="onsket-lenker">
            {t("stasted.onsketTittel")}
          </Heading>
          <Paragraph>{t("stasted.onsketIngress")}</Paragraph>
          <ul>
            {d.onsketTeam.map((x) => (
              <li key={x.id}>
                <Link to={`/barnehage/${d.id}/stasted/team/${x.id}`}>{t("stasted.onsketFor", { team: x.navn })}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {d.kanOpprette ? (
        <section aria-labelledby="ny-runde">
          <Heading level={2} data-size="md" id="ny-runde">
            {t("stasted.ny")}
          </Heading>
          <FeilOppsummering feil={feil} />
          <Form method="post" className="skjema" noValidate>
            <input type="hidden" name="intent" value="opprett" />
            <fieldset className="valg" id="felt-fase" aria-describedby={feil?.fase ? "felt-fase-feil" : undefined}>
              <legend>{t("stasted.fase")}</legend>
              {FASER.map((f) => (
                <div className="valg__rad" key={f}>
                  <input type="radio" id={`fase-${f}`} name="fase" value={f} defaultChecked={(verdier?.fase ?? "for") === f} />
                  <label htmlFor={`fase-${f}`}>{t(faseNokkel[f])}</label>
                </div>
              ))}
              {feil?.fase ? <ValidationMessage id="felt-fase-feil">{t(feil.fase)}</ValidationMessage> : null}
            </fieldset>
            <div className="felt">
              <Label htmlFor="felt-malgruppe">{t("stasted.malgruppe")}</Label>
              <select id="felt-malgruppe" name="malgruppe" className="ds-input" defaultValue={verdier?.malgruppe ?? "alle"} aria-describedby={feil?.malgruppe ? "felt-malgruppe-feil" : undefined}>
                <option value="alle">{t("stasted.heleBarnehagen")}</option>
                {d.team.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.navn}
                  </option>
                ))}
              </select>
              {feil?.malgruppe ? <ValidationMessage id="felt-malgruppe-feil">{t(feil.malgruppe)}</ValidationMessage> : null}
            </div>
            <DatoFelt navn="apner" etikett={t("stasted.apner")} standard={verdier?.apner ?? d.idag} feil={feil?.apner} />
            <DatoFelt navn="lukker" etikett={t("stasted.lukker")} standard={verdier?.lukker ?? d.standardLukker} feil={feil?.lukker} />
            <Button type="submit">{t("stasted.opprett")}</Button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
