import { Form, Link, data, redirect } from "react-router";
import { Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/team-liste";
import { kan, krev } from "#app/auth/tilgang.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { lesSkjema } from "#app/components/skjema.ts";
import { FeilOppsummering, TekstFelt } from "#app/components/felt.tsx";
import { useT } from "#app/components/use-t.ts";
import { teamListeSkjema } from "#app/domain/team/team.schema.ts";
import { opprettTeam, teamIBarnehagen } from "#app/domain/team/team.server.ts";
import { barnehageFraKontekst } from "./barnehage.server.ts";
import { BarnehageSideTopp } from "#app/components/barnehage-topp.tsx";
import { Lagret } from "#app/components/lagret.tsx";

export function meta() {
  return [{ title: "Team – Samla" }];
}

/** The barnehage's teams and who is in them, for every member; the styrer creates teams here. */
export async function loader({ context }: Route.LoaderArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  const team = await teamIBarnehagen(aktor, medlemskap, tjenester());
  return {
    id: medlemskap.barnehageId,
    navn: medlemskap.barnehageNavn,
    kanOpprette: kan(aktor, "endre:team", medlemskap),
    team: team.map((x) => ({ id: x.id, navn: x.navn, medlemmer: x.medlemmer.map((m) => m.navn) })),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  const skjema = await lesSkjema(request, teamListeSkjema);
  if (!skjema.ok) {
    // Only someone who may create teams learns that the form was wrong.
    krev(aktor, "endre:team", medlemskap);
    return data({ feil: skjema.feil, verdier: skjema.verdier }, { status: 400 });
  }
  const svar = await opprettTeam(aktor, medlemskap, skjema.data.navn, tjenester());
  if (!svar.ok) return data({ feil: { [svar.felt]: svar.feil }, verdier: { navn: skjema.data.navn } }, { status: 400 });
  // The new team's own page is the confirmation (and its address is what callers read the id from).
  return redirect(`/barnehage/${medlemskap.barnehageId}/team/${svar.verdi}`);
}

export default function TeamListe({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  return (
    <div className="smal">
      <BarnehageSideTopp barnehageId={d.id} tittel={t("team.tittel")} ingress={t("team.ingress")} />
      <Lagret nokkel="slettet" />
      {d.team.length === 0 ? <Paragraph>{t("team.ingen")}</Paragraph> : null}
      <ul className="teamliste">
        {d.team.map((x) => (
          <li key={x.id} className="teamliste__team">
            <Link to={`/barnehage/${d.id}/team/${x.id}`} className="teamliste__navn">
              {x.navn}
            </Link>{" "}
            <span className="dempet">{t("team.antall", { antall: x.medlemmer.length })}</span>
            {x.medlemmer.length ? <p className="teamliste__medlemmer">{x.medlemmer.join(", ")}</p> : null}
          </li>
        ))}
      </ul>
      {d.kanOpprette ? (
        <section aria-labelledby="nytt-team">
          <Heading level={2} data-size="md" id="nytt-team">
            {t("team.ny")}
          </Heading>
          <FeilOppsummering feil={actionData?.feil} />
          <Form method="post" className="skjema" noValidate>
            <input type="hidden" name="intent" value="opprett" />
            <TekstFelt navn="navn" etikett={t("team.navn")} feil={actionData?.feil?.navn} standard={actionData?.verdier?.navn} autoComplete="off" />
            <Button type="submit">{t("team.opprett")}</Button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
