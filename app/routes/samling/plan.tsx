import { Form, Link, data, redirect } from "react-router";
import { Button, Heading, Label, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/plan";
import { ikkeFunnet, kan, krev } from "#app/auth/tilgang.ts";
import { maalformKontekst } from "#app/kontekst.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { lesForm, lesSkjema } from "#app/components/skjema.ts";
import { FeilOppsummering, TekstFelt } from "#app/components/felt.tsx";
import { useT } from "#app/components/use-t.ts";
import { planSkjema } from "#app/domain/samling/samling.schema.ts";
import { avlysSamling, endreSamling, flyttModul, hentTeamplan, planleggSamling, velgModuler } from "#app/domain/samling/samling.server.ts";
import { tilOslo, visTid } from "#app/domain/samling/tid.ts";
import { paaminnelserITeam } from "#app/domain/paaminnelse/paaminnelse.server.ts";
import { barnehageFraKontekst } from "../barnehage/barnehage.server.ts";
import { Lagret, medLagret } from "#app/components/lagret.tsx";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: `${loaderData?.teamNavn ?? "Team"}: plan – Samla` }];
}

/**
 * The team's plan: which modules, in which order, and the samlinger. Members of the team see it;
 * leder and styrer change it. Every form is a plain POST (up/down buttons instead of dragging).
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  const sp = context.get(maalformKontekst);
  const { db, innhold } = tjenester();
  const { team, plan, samlinger } = await hentTeamplan(aktor, medlemskap, params.teamId, { db });
  const modul = (id: string) => innhold.moduler.find((x) => x.id === id);
  const kort = (id: string) => {
    const m = modul(id)!;
    return { id, nummer: m.nummer, tittel: m.tekst[sp].meta.tittel, varighet: m.leder[sp].meta.varighet };
  };
  const endreId = new URL(request.url).searchParams.get("endre");
  const kanPlanlegge = kan(aktor, "planlegg:samlinger", medlemskap);
  return {
    id: medlemskap.barnehageId,
    teamId: team.id,
    teamNavn: team.navn,
    kanPlanlegge,
    // Reminders the day before (ADR 0031): how many in the team get one, never who.
    paaminnelser: kanPlanlegge ? await paaminnelserITeam(aktor, medlemskap, team.id, { db }) : null,
    plan: plan.filter(modul).map(kort),
    alleModuler: innhold.moduler.map((m) => ({ ...kort(m.id), iPlan: plan.includes(m.id) })),
    samlinger: samlinger.map((s) => ({
      id: s.id,
      tid: visTid(s.starter, sp),
      ...tilOslo(new Date(s.starter)),
      modul: modul(s.modulId) ? kort(s.modulId) : null,
      modulId: s.modulId,
      varighet: s.varighetMinutter,
      status: s.status,
    })),
    endre: kanPlanlegge && endreId && samlinger.some((s) => s.id === endreId && s.status === "planlagt") ? endreId : null,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  krev(aktor, "planlegg:samlinger", medlemskap);
  const form = await lesForm(request.clone());
  const valgt = form.getAll("modul").map(String);
  const raa = Object.fromEntries([...form].filter(([, x]) => typeof x === "string")) as Record<string, string>;
  const skjema = await lesSkjema(request, planSkjema);
  if (!skjema.ok) return data({ feil: skjema.feil, verdier: skjema.verdier }, { status: 400 });
  const dep = tjenester();
  const tilbake = `/barnehage/${medlemskap.barnehageId}/team/${params.teamId}/plan`;
  const d = skjema.data;
  switch (d.intent) {
    case "velg-moduler":
      await velgModuler(aktor, medlemskap, params.teamId, valgt, dep);
      return redirect(medLagret(`${tilbake}#moduler`, "moduler"));
    case "flytt":
      await flyttModul(aktor, medlemskap, params.teamId, d.modulId, d.retning, dep);
      return redirect(medLagret(`${tilbake}#modul-${d.modulId}`, "rekkefolge"));
    case "planlegg": {
      const svar = await planleggSamling(aktor, medlemskap, params.teamId, d, dep);
      if (!svar.ok) return data({ feil: { [svar.felt]: svar.feil }, verdier: raa }, { status: 400 });
      return redirect(medLagret(`${tilbake}#samlinger`, "samlinger"));
    }
    case "endre": {
      const svar = await endreSamling(aktor, medlemskap, d.samlingId, d, dep);
      if (!svar.ok) return data({ feil: { [svar.felt]: svar.feil }, verdier: raa }, { status: 400 });
      return redirect(medLagret(`${tilbake}#samlinger`, "samlinger"));
    }
    case "avlys": {
      const svar = await avlysSamling(aktor, medlemskap, d.samlingId, dep);
      if (!svar.ok) return data({ feil: { [svar.felt]: svar.feil }, verdier: raa }, { status: 400 });
      return redirect(medLagret(`${tilbake}#samlinger`, "samlinger"));
    }
    default:
      throw ikkeFunnet();
  }
}

type Verdier = Record<string, string> | undefined;
type ModulValg = { id: string; nummer: number; tittel: string; varighet: number };

function SamlingSkjema(props: { intent: "planlegg" | "endre"; moduler: ModulValg[]; standard: { dato?: string; klokke?: string; modulId?: string; varighet?: string }; feil?: Record<string, any>; samlingId?: string }) {
  const t = useT();
  const f = props.feil;
  return (
    <Form method="post" className="skjema" noValidate>
      <input type="hidden" name="intent" value={props.intent} />
      {props.samlingId ? <input type="hidden" name="samlingId" value={props.samlingId} /> : null}
      <TekstFelt navn="dato" type="date" etikett={t("samling.dato")} feil={f?.dato} standard={props.standard.dato} />
      <TekstFelt navn="klokke" type="time" etikett={t("samling.klokke")} beskrivelse={t("samling.klokkeHjelp")} feil={f?.klokke} standard={props.standard.klokke} />
      <div className="felt">
        <Label htmlFor="felt-modulId">{t("samling.modul")}</Label>
        <select id="felt-modulId" name="modulId" className="ds-input" defaultValue={props.standard.modulId} aria-invalid={f?.modulId ? true : undefined}>
          {props.moduler.map((m) => (
            <option key={m.id} value={m.id}>
              {t("samling.modulValg", { nummer: m.nummer, tittel: m.tittel, minutter: m.varighet })}
            </option>
          ))}
        </select>
      </div>
      <TekstFelt navn="varighet" type="number" inputMode="numeric" valgfritt etikett={t("samling.varighet")} beskrivelse={t("samling.varighetHjelp")} feil={f?.varighet} standard={props.standard.varighet} />
      <Button type="submit">{props.intent === "planlegg" ? t("samling.planlegg") : t("samling.lagreEndring")}</Button>
    </Form>
  );
}

export default function Plan({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const feil = actionData?.feil;
  const v: Verdier = actionData?.verdier;
  const valgbare = d.plan.length ? d.plan : d.alleModuler;
  const endres = d.samlinger.find((s) => s.id === d.endre);
  return (
    <div className="smal">
      <Paragraph data-size="sm">
        <Link to={`/barnehage/${d.id}/team/${d.teamId}`}>{t("samling.tilbakeTilTeam", { team: d.teamNavn })}</Link>
      </Paragraph>
      <Heading level={1} data-size="lg">
        {t("samling.planTittel", { team: d.teamNavn })}
      </Heading>
      <FeilOppsummering feil={feil} />

      <section aria-labelledby="moduler" className="blokk">
        <Heading level={2} data-size="md" id="moduler">
          {t("samling.moduler")}
        </Heading>
        {d.plan.length === 0 ? <Paragraph>{t("samling.ingenModuler")}</Paragraph> : null}
        <ol className="planliste">
          {d.plan.map((m, i) => (
            <li key={m.id} id={`modul-${m.id}`} className="planliste__rad">
              <span>
                {t("pakke.modul", { nummer: m.nummer })}: {m.tittel}
              </span>
              {d.kanPlanlegge ? (
                <span className="planliste__knapper">
                  {i > 0 ? (
                    <Form method="post" className="inline">
                      <input type="hidden" name="intent" value="flytt" />
                      <input type="hidden" name="modulId" value={m.id} />
                      <input type="hidden" name="retning" value="opp" />
                      <Button type="submit" data-size="sm" variant="tertiary" aria-label={t("samling.flyttOppNavn", { nummer: m.nummer })}>
                        {t("samling.flyttOpp")}
                      </Button>
                    </Form>
                  ) : null}
                  {i < d.plan.length - 1 ? (
                    <Form method="post" className="inline">
                      <input type="hidden" name="intent" value="flytt" />
                      <input type="hidden" name="modulId" value={m.id} />
                      <input type="hidden" name="retning" value="ned" />
                      <Button type="submit" data-size="sm" variant="tertiary" aria-label={t("samling.flyttNedNavn", { nummer: m.nummer })}>
                        {t("samling.flyttNed")}
                      </Button>
                    </Form>
                  ) : null}
                </span>
              ) : null}
            </li>
          ))}
        </ol>
        <Lagret nokkel="rekkefolge" />
        {d.kanPlanlegge ? (
          <Form method="post" className="ramme">
            <input type="hidden" name="intent" value="velg-moduler" />
            <fieldset className="avkrysning">
              <legend>{t("samling.velgModuler")}</legend>
              {d.alleModuler.map((m) => (
                <div key={m.id} className="avkrysning__rad">
                  <input type="checkbox" id={`velg-${m.id}`} name="modul" value={m.id} defaultChecked={m.iPlan} />
                  <label htmlFor={`velg-${m.id}`}>
                    {t("pakke.modul", { nummer: m.nummer })}: {m.tittel}
                  </label>
                </div>
              ))}
            </fieldset>
            <Button type="submit" variant="secondary">
              {t("samling.lagreModuler")}
            </Button>
            <Lagret nokkel="moduler" />
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="samlinger" className="blokk">
        <Heading level={2} data-size="md" id="samlinger">
          {t("samling.samlinger")}
        </Heading>
        <Lagret nokkel="samlinger" />
        {d.samlinger.length === 0 ? <Paragraph>{t("samling.ingenSamlinger")}</Paragraph> : null}
        {d.paaminnelser ? <Paragraph data-paaminnelser>{t("paaminnelse.team", d.paaminnelser)}</Paragraph> : null}
        <ul className="samlingsliste">
          {d.samlinger.map((s) => (
            <li key={s.id} className="ramme samlingsliste__rad">
              <Link to={`/barnehage/${d.id}/samling/${s.id}`}>
                <strong>{s.tid}</strong>
              </Link>
              <span>
                {s.modul ? `${t("pakke.modul", { nummer: s.modul.nummer })}: ${s.modul.tittel}` : s.modulId} · {t("samling.minutter", { minutter: s.varighet })} ·{" "}
                {t(`samling.status.${s.status}`)}
              </span>
              {d.kanPlanlegge && s.status === "planlagt" ? (
                <span className="planliste__knapper">
                  <Link to={`?endre=${s.id}#endre`}>{t("samling.endreNavn", { tid: s.tid })}</Link>
                  <Form method="post" className="inline">
                    <input type="hidden" name="intent" value="avlys" />
                    <input type="hidden" name="samlingId" value={s.id} />
                    <Button type="submit" data-size="sm" variant="tertiary" data-color="danger">
                      {t("samling.avlysNavn", { tid: s.tid })}
                    </Button>
                  </Form>
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      {d.kanPlanlegge && endres ? (
        <section id="endre" aria-labelledby="endre-tittel" className="ramme" tabIndex={-1}>
          <Heading level={2} data-size="sm" id="endre-tittel">
            {t("samling.endreTittel", { tid: endres.tid })}
          </Heading>
          <SamlingSkjema
            intent="endre"
            samlingId={endres.id}
            moduler={d.alleModuler}
            feil={v?.intent === "endre" ? feil : undefined}
            standard={v?.intent === "endre" ? v : { dato: endres.dato, klokke: endres.klokke, modulId: endres.modulId, varighet: String(endres.varighet) }}
          />
          <Link to="?#samlinger">{t("barnehage.avbryt")}</Link>
        </section>
      ) : null}

      {d.kanPlanlegge ? (
        <section aria-labelledby="ny-samling" className="blokk">
          <Heading level={2} data-size="md" id="ny-samling">
            {t("samling.ny")}
          </Heading>
          <SamlingSkjema intent="planlegg" moduler={valgbare} feil={v?.intent === "planlegg" ? feil : undefined} standard={v?.intent === "planlegg" ? v : {}} />
        </section>
      ) : null}
    </div>
  );
}
