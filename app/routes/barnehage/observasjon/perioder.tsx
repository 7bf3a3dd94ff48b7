import { Form, Link, data, redirect } from "react-router";
import { Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/perioder";
import type { SideHandle } from "#app/root.tsx";
import { maalformKontekst } from "#app/kontekst.ts";
import { ikkeFunnet } from "#app/auth/tilgang.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { lesSkjema, type SkjemaFeil } from "#app/components/skjema.ts";
import { FeilOppsummering, TekstFelt } from "#app/components/felt.tsx";
import { useMaalform, useT } from "#app/components/use-t.ts";
import { formaterDato } from "#app/i18n/i18n.ts";
import { OBSERVASJON_LAGRINGSDAGER, periodeSkjema } from "#app/domain/observasjon/observasjon.schema.ts";
import { maler } from "#app/domain/observasjon/maler.server.ts";
import { slettPerioden, startPeriode, teamensPerioder } from "#app/domain/observasjon/observasjon.server.ts";
import { barnehageFraKontekst } from "../barnehage.server.ts";

/** Plain HTML with plain forms: works without JavaScript, on a phone (ADR 0035). */
export const handle: SideHandle = { utenJs: true };

export function meta() {
  return [{ title: "Observasjon i praksis – Samla" }];
}

/** A team's practice periods for observation, what to look for, and how long it is kept. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  const sp = context.get(maalformKontekst);
  const s = await teamensPerioder(aktor, medlemskap, params.teamId, tjenester());
  const m = await maler();
  return {
    barnehageId: medlemskap.barnehageId,
    team: { id: s.team.id, navn: s.team.navn },
    kanPlanlegge: s.kanPlanlegge,
    perioder: s.perioder,
    kategorier: m.kategorier.map((k) => ({ id: k.id, tittel: k.tittel[sp], hjelp: k.hjelp[sp] })),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  // Access first: only leder and styrer change periods; anyone else gets «not found», never a form error.
  const s = await teamensPerioder(aktor, medlemskap, params.teamId, tjenester());
  if (!s.kanPlanlegge) throw ikkeFunnet();
  const skjema = await lesSkjema(request, periodeSkjema);
  if (!skjema.ok) return data({ feil: skjema.feil, verdier: skjema.verdier }, { status: 400 });
  if (skjema.data.intent === "slett-periode") {
    await slettPerioden(aktor, medlemskap, skjema.data.periodeId, tjenester());
    return redirect(`/barnehage/${medlemskap.barnehageId}/team/${params.teamId}/observasjon`);
  }
  const svar = await startPeriode(aktor, medlemskap, params.teamId, skjema.data.fra, skjema.data.til, tjenester());
  if (!svar.ok) return data({ feil: { [svar.felt]: svar.feil } as SkjemaFeil, verdier: { fra: skjema.data.fra, til: skjema.data.til } as Record<string, string> }, { status: 400 });
  return redirect(`/barnehage/${medlemskap.barnehageId}/observasjon/${svar.id}`);
}

export default function Perioder({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const sp = useMaalform();
  return (
    <div className="lesebredde">
      <Paragraph data-size="sm">
        <Link to={`/barnehage/${d.barnehageId}/team/${d.team.id}`}>{t("observasjon.tilbakeTilTeam", { team: d.team.navn })}</Link>
      </Paragraph>
      <Heading level={1} data-size="lg">
        {t("observasjon.tittel")}
      </Heading>
      <Paragraph>{t("observasjon.ingress")}</Paragraph>
      <p className="observasjon-regel">{t("observasjon.kodeRegel")}</p>
      <Paragraph data-size="sm">{t("observasjon.lagringstid", { dager: OBSERVASJON_LAGRINGSDAGER })}</Paragraph>

      <section aria-labelledby="perioder">
        <Heading level={2} data-size="md" id="perioder">
          {t("observasjon.perioder")}
        </Heading>
        {d.perioder.length === 0 ? (
          <Paragraph>
            {t("observasjon.ingenPerioder")} {d.kanPlanlegge ? "" : t("observasjon.lederStarter")}
          </Paragraph>
        ) : (
          <ul className="observasjonsliste">
            {d.perioder.map((p) => (
              <li key={p.id}>
                <Link to={`/barnehage/${d.barnehageId}/observasjon/${p.id}`}>{t("observasjon.periodeNavn", { fra: formaterDato(p.fra, sp), til: formaterDato(p.til, sp) })}</Link>
                <div className="observasjon__status">{t("observasjon.slettes", { dato: formaterDato(p.slettes, sp) })}</div>
              </li>
            ))}
          </ul>
        )}
      </section>

      {d.kanPlanlegge ? (
        <section aria-labelledby="ny-periode">
          <Heading level={2} data-size="sm" id="ny-periode">
            {t("observasjon.nyPeriode")}
          </Heading>
          <FeilOppsummering feil={actionData?.feil} />
          <Form method="post" className="skjema" noValidate>
            <input type="hidden" name="intent" value="ny-periode" />
            <TekstFelt navn="fra" type="date" etikett={t("observasjon.fra")} standard={actionData?.verdier.fra} feil={actionData?.feil.fra} />
            <TekstFelt navn="til" type="date" etikett={t("observasjon.til")} standard={actionData?.verdier.til} feil={actionData?.feil.til} />
            <Button type="submit">{t("observasjon.startPeriode")}</Button>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="se-etter">
        <Heading level={2} data-size="sm" id="se-etter">
          {t("observasjon.hvaSerViEtter")}
        </Heading>
        <dl className="observasjon">
          {d.kategorier.map((k) => (
            <div key={k.id}>
              <dt>{k.tittel}</dt>
              <dd>{k.hjelp}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
