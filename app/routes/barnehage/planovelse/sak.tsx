import { useState, type FormEvent } from "react";
import { Form, Link } from "react-router";
import { Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/sak";
import { ikkeFunnet, krev } from "#app/auth/tilgang.ts";
import { maalformKontekst } from "#app/kontekst.ts";
import { useT } from "#app/components/use-t.ts";
import { lesForm } from "#app/components/skjema.ts";
import { PlanFelter, PlanSjekk, PlanVisning, lesUtkast } from "#app/components/plan-editor.tsx";
import { planSak } from "#app/domain/planovelse/planovelse.server.ts";
import { MAKS_TILTAK, planSkjema, somUtkast } from "#app/domain/planovelse/planovelse.schema.ts";
import { sjekkPlan } from "#app/domain/planovelse/plansjekk.ts";
import { barnehageFraKontekst } from "../barnehage.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData ? `${loaderData.tittel} – planøving – Samla` : "Samla" }];
}

const ANTALL_RADER = 5;

async function hent(context: Route.LoaderArgs["context"], sakId: string) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  krev(aktor, "ov:plan", medlemskap);
  const sak = await planSak(sakId);
  if (!sak) throw ikkeFunnet();
  return { medlemskap, sak, maalform: context.get(maalformKontekst) };
}

/** One fictional case: the weak plan from the module as the starting point, the check, and the model plan. */
export async function loader({ context, params }: Route.LoaderArgs) {
  const { medlemskap, sak, maalform } = await hent(context, params.sakId);
  const utkast = somUtkast(sak.utgangspunkt[maalform]);
  return {
    barnehageId: medlemskap.barnehageId,
    tittel: sak.tittel[maalform],
    sak: sak.sak[maalform],
    anker: sak.anker,
    utkast,
    merknader: sjekkPlan(utkast),
    modell: somUtkast(sak.modell[maalform]),
  };
}

/** The practice form without JavaScript: the server runs the same check and shows it. Nothing is stored. */
export async function action({ request, context, params }: Route.ActionArgs) {
  await hent(context, params.sakId);
  const form = await lesForm(request);
  const verdier: Record<string, string> = {};
  for (const [k, v] of form) if (typeof v === "string") verdier[k] = v.replaceAll("\u0000", "");
  const utkast = planSkjema.parse(verdier);
  return { utkast, merknader: sjekkPlan(utkast) };
}

export default function PlanSak({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const utkast = actionData?.utkast ?? d.utkast;
  const rader = Math.min(MAKS_TILTAK, Math.max(ANTALL_RADER, utkast.tiltak.length + 1));
  const [merknader, setMerknader] = useState(actionData?.merknader ?? d.merknader);
  const [sistSendt, setSistSendt] = useState(actionData);
  if (sistSendt !== actionData) {
    setSistSendt(actionData);
    if (actionData) setMerknader(actionData.merknader);
  }
  const vedInput = (e: FormEvent<HTMLFormElement>) => setMerknader(sjekkPlan(lesUtkast(e.currentTarget, rader)));
  return (
    <article className="planside">
      <Paragraph data-size="sm" className="dempet">
        <Link to={`/barnehage/${d.barnehageId}/planovelse`}>{t("planovelse.tittel")}</Link> · <Link to={`/moduler/skriftlig-plan#${d.anker}`}>{t("planovelse.iModulen")}</Link>
      </Paragraph>
      <Heading level={1} data-size="lg">
        {d.tittel}
      </Heading>
      <section className="ramme lesebredde" aria-labelledby="saken">
        <Heading level={2} data-size="sm" id="saken">
          {t("planovelse.saken")}
        </Heading>
        <Paragraph>{d.sak}</Paragraph>
        <Paragraph data-size="sm">{t("planovelse.oppdiktetKort")}</Paragraph>
      </section>
      <Paragraph className="lesebredde">{t("planovelse.slikOver")}</Paragraph>
      <div className="plan-oppsett">
        <Form method="post" className="skjema" noValidate onInput={vedInput} aria-label={t("planovelse.skjema")}>
          <PlanFelter utkast={utkast} antallTiltak={rader} prefiks="ovelse" merknader={merknader} />
          <div className="knapperad">
            <Button type="submit">{t("planovelse.sjekk")}</Button>
          </div>
        </Form>
        <div className="plan-sidekolonne">
          <PlanSjekk merknader={merknader} />
          <details className="ramme modellplan">
            <summary>{t("planovelse.modell")}</summary>
            <Paragraph data-size="sm">{t("planovelse.modellTekst")}</Paragraph>
            <PlanVisning plan={d.modell} />
          </details>
        </div>
      </div>
    </article>
  );
}
