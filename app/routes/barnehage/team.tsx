import { Form, Link, data, redirect } from "react-router";
import { Button, Heading, Label, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/team";
import { ikkeFunnet, kan, krev } from "#app/auth/tilgang.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { lesSkjema } from "#app/components/skjema.ts";
import { FeilOppsummering, TekstFelt } from "#app/components/felt.tsx";
import { useT } from "#app/components/use-t.ts";
import { medlemsliste } from "#app/domain/barnehage/barnehage.server.ts";
import { teamSkjema } from "#app/domain/team/team.schema.ts";
import { fjernFraTeam, giTeamNyttNavn, hentTeam, leggTilITeam, slettTeamet } from "#app/domain/team/team.server.ts";
import { barnehageFraKontekst } from "./barnehage.server.ts";
import { Lagret, medLagret } from "#app/components/lagret.tsx";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: `${loaderData?.navn ?? "Team"} – Samla` }];
}

/**
 * One team and its members. Every member of the barnehage sees it; leder and styrer add and
 * remove people; the styrer renames and deletes. A team of another barnehage is «not found».
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  const { db } = tjenester();
  const team = await hentTeam(aktor, medlemskap, params.teamId, { db });
  const kanEndre = kan(aktor, "endre:team", medlemskap);
  const kanEndreMedlemmer = kan(aktor, "endre:teammedlemmer", medlemskap);
  const iTeamet = new Set(team.medlemmer.map((m) => m.brukerId));
  // Other members' ids reach the page only where leder or styrer needs them for a form.
  const kandidater = kanEndreMedlemmer ? (await medlemsliste(aktor, medlemskap, { db })).filter((m) => !iTeamet.has(m.brukerId)) : [];
  return {
    id: medlemskap.barnehageId,
    teamId: team.id,
    navn: team.navn,
    kanEndre,
    kanEndreMedlemmer,
    bekreftSlett: kanEndre && new URL(request.url).searchParams.has("slett"),
    medlemmer: team.medlemmer.map((m) => ({ navn: m.navn, brukerId: kanEndreMedlemmer ? m.brukerId : null })),
    kandidater: kandidater.map((m) => ({ brukerId: m.brukerId, navn: m.navn })),
    // Samlinger (ADR 0016): the plan is for the team's members, and leder and styrer.
    visPlan: kan(aktor, "planlegg:samlinger", medlemskap) || iTeamet.has(aktor.id),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  krev(aktor, "endre:teammedlemmer", medlemskap);
  const skjema = await lesSkjema(request, teamSkjema);
  const tilbake = `/barnehage/${medlemskap.barnehageId}/team/${params.teamId}`;
  if (!skjema.ok) {
    // A leder learns nothing about forms only the styrer may send.
    if (["gi-nytt-navn", "slett"].includes(skjema.verdier.intent ?? "")) krev(aktor, "endre:team", medlemskap);
    return data({ feil: skjema.feil, verdier: skjema.verdier }, { status: 400 });
  }
  const dep = tjenester();
  switch (skjema.data.intent) {
    case "gi-nytt-navn": {
      const svar = await giTeamNyttNavn(aktor, medlemskap, params.teamId, skjema.data.navn, dep);
      if (!svar.ok) return data({ feil: { [svar.felt]: svar.feil }, verdier: { navn: skjema.data.navn } }, { status: 400 });
      return redirect(medLagret(`${tilbake}#nytt-navn`, "navn"));
    }
    case "slett":
      await slettTeamet(aktor, medlemskap, params.teamId, dep);
      return redirect(medLagret(`/barnehage/${medlemskap.barnehageId}/team`, "slettet"));
    case "legg-til":
      await leggTilITeam(aktor, medlemskap, params.teamId, skjema.data.brukerId, dep);
      return redirect(medLagret(`${tilbake}#medlemmer`, "medlemmer"));
    case "fjern":
      await fjernFraTeam(aktor, medlemskap, params.teamId, skjema.data.brukerId, dep);
      return redirect(medLagret(`${tilbake}#medlemmer`, "medlemmer"));
    default:
      throw ikkeFunnet();
  }
}

export default function Team({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const feil = actionData?.feil;
  return (
    <div className="smal">
      <Paragraph data-size="sm">
        <Link to={`/barnehage/${d.id}/team`}>{t("team.tilbake")}</Link>
      </Paragraph>
      <Heading level={1} data-size="lg">
        {d.navn}
      </Heading>
      <FeilOppsummering feil={feil} />
      {d.visPlan ? (
        <Paragraph>
          <Link to={`/barnehage/${d.id}/team/${d.teamId}/plan`}>{t("samling.planLenke")}</Link>
        </Paragraph>
      ) : null}
      {d.visPlan ? (
        <Paragraph>
          <Link to={`/barnehage/${d.id}/team/${d.teamId}/observasjon`}>{t("observasjon.lenkeFraTeam")}</Link>
        </Paragraph>
      ) : null}
      {d.bekreftSlett ? (
        <section id="bekreft" className="ramme" aria-labelledby="bekreft-tittel" tabIndex={-1}>
          <Heading level={2} data-size="sm" id="bekreft-tittel">
            {t("team.slettSporsmal", { navn: d.navn })}
          </Heading>
          <Form method="post" action={`/barnehage/${d.id}/team/${d.teamId}`} className="medlem__handlinger">
            <input type="hidden" name="intent" value="slett" />
            <Button type="submit" data-color="danger">
              {t("team.slettJa", { navn: d.navn })}
            </Button>
            <Link to={`/barnehage/${d.id}/team/${d.teamId}`}>{t("barnehage.avbryt")}</Link>
          </Form>
        </section>
      ) : null}
      <Heading level={2} data-size="md" id="medlemmer">
        {t("team.medlemmer")}
      </Heading>
      {d.medlemmer.length === 0 ? <Paragraph>{t("team.ingenMedlemmer")}</Paragraph> : null}
      <ul className="medlemsliste">
        {d.medlemmer.map((m, i) => (
          <li key={m.brukerId ?? i} className="medlem">
            <span className="medlem__navn">{m.navn}</span>
            {m.brukerId ? (
              <Form method="post" className="inline">
                <input type="hidden" name="intent" value="fjern" />
                <input type="hidden" name="brukerId" value={m.brukerId} />
                <Button type="submit" data-size="sm" variant="tertiary">
                  {t("team.fjernFra", { navn: m.navn })}
                </Button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
      <Lagret nokkel="medlemmer" />
      {d.kanEndreMedlemmer ? (
        <section aria-labelledby="legg-til">
          <Heading level={2} data-size="md" id="legg-til">
            {t("team.leggTil")}
          </Heading>
          {d.kandidater.length === 0 ? (
            <Paragraph>{t("team.alleErMed")}</Paragraph>
          ) : (
            <Form method="post" className="medlem__rolle">
              <input type="hidden" name="intent" value="legg-til" />
              <Label htmlFor="felt-brukerId">{t("team.velgPerson")}</Label>
              <select id="felt-brukerId" name="brukerId" className="ds-input" aria-invalid={feil?.brukerId ? true : undefined}>
                {d.kandidater.map((m) => (
                  <option key={m.brukerId} value={m.brukerId}>
                    {m.navn}
                  </option>
                ))}
              </select>
              <Button type="submit" data-size="sm" variant="secondary">
                {t("team.leggTil")}
              </Button>
            </Form>
          )}
        </section>
      ) : null}
      {d.kanEndre ? (
        <section aria-labelledby="nytt-navn">
          <Heading level={2} data-size="md" id="nytt-navn">
            {t("team.nyttNavn")}
          </Heading>
          <Form method="post" className="skjema" noValidate>
            <input type="hidden" name="intent" value="gi-nytt-navn" />
            <TekstFelt navn="navn" etikett={t("team.navn")} feil={feil?.navn} standard={actionData?.verdier?.navn ?? d.navn} autoComplete="off" />
            <Button type="submit" variant="secondary">
              {t("team.lagreNavn")}
            </Button>
            <Lagret nokkel="navn" />
          </Form>
          <Paragraph>
            <Link to="?slett#bekreft" className="ds-button" data-variant="tertiary" data-color="danger">
              {t("team.slett")}
            </Link>
          </Paragraph>
        </section>
      ) : null}
    </div>
  );
}
