import { Form, Link, data, redirect } from "react-router";
import { Alert, Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/team-modul";
import type { SideHandle } from "#app/root.tsx";
import { ikkeFunnet } from "#app/auth/tilgang.ts";
import { maalformKontekst } from "#app/kontekst.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { lesSkjema } from "#app/components/skjema.ts";
import { Lagret, medLagret } from "#app/components/lagret.tsx";
import { FeilOppsummering } from "#app/components/felt.tsx";
import { Forklaring, GruppenotatSkjema, TekstOmraade, gruppenotatNokkel } from "#app/components/notat.tsx";
import { Gruppekolonner } from "#app/components/gruppekolonner.tsx";
import { useMaalform, useT } from "#app/components/use-t.ts";
import { ModulKropp } from "#app/components/innhold.tsx";
import { gaTilNyesteUtgave } from "#app/domain/redaksjon/redaksjon.server.ts";
import { HvaErNytt } from "#app/components/modul-visning.tsx";
import { formaterDato } from "#app/i18n/i18n.ts";
import { refleksjonSkjema } from "#app/domain/notat/notat.schema.ts";
import { delMedTeamet, lagreMinRefleksjon, slettDelt, teamModulTilstand } from "#app/domain/notat/notat.server.ts";
import { barnehageFraKontekst } from "./barnehage.server.ts";
import { hentModul, teamModulSide } from "./team-modul.server.ts";

/** Plain HTML with plain forms (ADR 0017): the page must be cheap, and every form works without JS. */
export const handle: SideHandle = { utenJs: true };

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData ? `${loaderData.modul.nummer}. ${loaderData.modul.tittel} – ${loaderData.team.navn} – Samla` : "Samla" }];
}

/**
 * A module as a team works on it: the module's content and, under each activity, my private
 * reflection, what the team's members have shared, and the group note from the team's latest or
 * ongoing samling about the module. The leader guide is never part of this page. GET without a
 * query string is usually answered by the fast path (app/hurtigsti.server.ts) with the same data.
 */
export async function loader({ params, context }: Route.LoaderArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  return (await teamModulSide(aktor, medlemskap, context.get(maalformKontekst), params.teamId, params.slug, { skriv: true }))!;
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  const modul = hentModul(params.slug);
  const dep = tjenester();
  // Checks team access before reading the form, so an outsider learns nothing from a 400.
  await teamModulTilstand(aktor, medlemskap, params.teamId, modul, dep);
  const skjema = await lesSkjema(request, refleksjonSkjema);
  if (!skjema.ok) return data({ feil: skjema.feil, verdier: skjema.verdier }, { status: 400 });
  const sti = `/barnehage/${medlemskap.barnehageId}/team/${params.teamId}/moduler/${modul.slug}`;
  switch (skjema.data.intent) {
    case "lagre-refleksjon":
      await lagreMinRefleksjon(aktor, modul, skjema.data.aktivitetId, skjema.data.tekst, dep);
      return redirect(medLagret(`${sti}#${skjema.data.aktivitetId}`, `refleksjon-${skjema.data.aktivitetId}`));
    case "del-refleksjon":
      await delMedTeamet(aktor, medlemskap, params.teamId, modul, skjema.data.aktivitetId, skjema.data.tekst, dep);
      return redirect(medLagret(`${sti}#delt-${skjema.data.aktivitetId}`, `delt-${skjema.data.aktivitetId}`));
    case "slett-delt":
      await slettDelt(aktor, medlemskap, skjema.data.id, dep);
      return redirect(skjema.data.aktivitetId ? medLagret(`${sti}#delt-${skjema.data.aktivitetId}`, `delt-${skjema.data.aktivitetId}`) : sti);
    case "bytt-utgave":
      await gaTilNyesteUtgave(aktor, medlemskap, skjema.data.samlingId, modul, dep);
      return redirect(medLagret(sti, "utgave"));
    default:
      throw ikkeFunnet();
  }
}

export default function TeamModul({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const maalform = useMaalform();
  const feil = actionData?.feil;
  const verdier = actionData?.verdier;
  const etterAktivitet = (a: { id: string; tittel: string }) => {
    const delte = d.delte.filter((x) => x.aktivitetId === a.id);
    const feilHer = verdier?.aktivitetId === a.id ? feil?.tekst : undefined;
    const notat = d.notater[a.id];
    const grupper = d.gruppenotater.filter((g) => g.aktivitetId === a.id);
    return (
      <div className="teamtilstand">
        <section aria-labelledby={`min-${a.id}`} className="teamtilstand__del">
          <Heading level={4} data-size="2xs" id={`min-${a.id}`}>
            {t("notat.minRefleksjon")}
          </Heading>
          <Form method="post" action={d.sti} className="skjema" noValidate>
            <input type="hidden" name="aktivitetId" value={a.id} />
            <TekstOmraade
              id={`felt-refleksjon-${a.id}`}
              navn="tekst"
              etikett={t("notat.minRefleksjonEtikett", { tittel: a.tittel })}
              beskrivelse={t("notat.bareDuSer")}
              standard={verdier?.aktivitetId === a.id ? verdier.tekst : d.mine[a.id]}
              feil={feilHer}
            />
            <div className="knapper">
              <Button type="submit" name="intent" value="lagre-refleksjon" variant="secondary" data-size="sm">
                {t("notat.lagreRefleksjon")}
              </Button>
              {d.iTeamet ? (
                <Button type="submit" name="intent" value="del-refleksjon" variant="tertiary" data-size="sm">
                  {t("notat.delMedTeamet")}
                </Button>
              ) : null}
            </div>
            <Lagret nokkel={`refleksjon-${a.id}`} />
            {d.iTeamet ? <Forklaring>{t("notat.delForklaring")}</Forklaring> : null}
          </Form>
        </section>
        <section aria-labelledby={`delt-${a.id}`} className="teamtilstand__del">
          <Heading level={4} data-size="2xs" id={`delt-${a.id}`}>
            {t("notat.deltMedTeamet")}
          </Heading>
          <Lagret nokkel={`delt-${a.id}`} />
          {delte.length === 0 ? (
            <Paragraph data-size="sm">{t("notat.ingenDelte")}</Paragraph>
          ) : (
            <ul className="delte">
              {delte.map((x) => (
                <li key={x.id} className="delte__en">
                  <p className="delte__tekst">{x.tekst}</p>
                  <p className="dempet">
                    {t("notat.deltAv", { navn: x.forfatter ?? t("notat.tidligereMedlem"), dato: formaterDato(x.dato, maalform) })}
                    {x.erMin ? (
                      <Form method="post" action={d.sti} className="inline">
                        <input type="hidden" name="intent" value="slett-delt" />
                        <input type="hidden" name="id" value={x.id} />
                        <input type="hidden" name="aktivitetId" value={a.id} />
                        <Button type="submit" variant="tertiary" data-size="sm" data-color="danger">
                          {t("notat.slettDelt")}
                        </Button>
                      </Form>
                    ) : null}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby={`notat-${a.id}`} className="teamtilstand__del">
          <Heading level={4} data-size="2xs" id={`notat-${a.id}`}>
            {d.samling ? t("notat.gruppenotatFra", { dato: formaterDato(d.samling.dato, maalform) }) : t("notat.gruppenotat")}
          </Heading>
          {d.samling ? (
            <GruppenotatSkjema
              barnehageId={d.barnehageId}
              samlingId={d.samling.id}
              aktivitetId={a.id}
              tekst={notat?.tekst ?? ""}
              versjon={notat?.versjon ?? 0}
              til={`${d.sti}#${a.id}`}
              etikett={t("notat.gruppenotatEtikett", { tittel: a.tittel })}
              etter={<Lagret nokkel={gruppenotatNokkel(a.id)} />}
            />
          ) : (
            <Paragraph data-size="sm">{t("notat.ingenSamling")}</Paragraph>
          )}
          {d.samling && notat?.tekst ? (
            <Paragraph data-size="sm">
              <Link to={`/barnehage/${d.barnehageId}/repertoar/ny?samling=${d.samling.id}&aktivitet=${a.id}`}>{t("repertoar.gjorTilOppforing")}</Link>
            </Paragraph>
          ) : null}
          {grupper.length ? <Gruppekolonner kolonner={grupper.map((g) => ({ gruppe: g.gruppe, navn: t("gruppe.navn", { nummer: g.gruppe }), tekst: g.tekst, fremhevet: false }))} nivaa={5} /> : null}
        </section>
      </div>
    );
  };
  return (
    <article className="lesebredde">
      <Paragraph data-size="sm" className="dempet">
        <Link to={`/barnehage/${d.barnehageId}/team/${d.team.id}`}>{t("notat.tilbakeTilTeam", { navn: d.team.navn })}</Link> ·{" "}
        {t("pakke.modul", { nummer: d.modul.nummer })}
      </Paragraph>
      <Heading level={1} data-size="xl">
        {d.modul.tittel}
      </Heading>
      <Paragraph data-size="lg">{d.modul.ingress}</Paragraph>
      <Paragraph data-size="sm">{t("notat.modulIngress", { team: d.team.navn })}</Paragraph>
      {d.utgave.nytt.length ? (
        <Alert data-color="info" role="status" aria-labelledby="modul-oppdatert">
          <Heading level={2} data-size="xs" id="modul-oppdatert">
            {t("utgave.oppdatert", { nummer: d.modul.nummer })}
          </Heading>
          <ul>
            {d.utgave.nytt.map((e) => (
              <li key={e.utgave}>
                {e.tekst}
                {e.juridisk ? ` (${t("utgave.juridisk")})` : ""}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <Lagret nokkel="utgave" />
      {d.utgave.eldre ? (
        <Alert data-color="warning" aria-labelledby="eldre-utgave">
          <Paragraph id="eldre-utgave">{t("utgave.eldreUtgave", { utgave: d.utgave.utgave, nyeste: d.utgave.nyeste })}</Paragraph>
          <HvaErNytt endringer={d.utgave.endringer} nivaa={2} />
          <ul className="lenkerad">
            <li>
              <Link to={`/moduler/${d.slug}`}>{t("utgave.lesNyUtgave", { utgave: d.utgave.nyeste })}</Link>
            </li>
          </ul>
          {d.utgave.kanBytte && d.samling ? (
            <Form method="post" action={d.sti}>
              <input type="hidden" name="samlingId" value={d.samling.id} />
              <Button type="submit" name="intent" value="bytt-utgave" variant="secondary" data-size="sm">
                {t("utgave.gaVidere", { utgave: d.utgave.nyeste })}
              </Button>
            </Form>
          ) : null}
        </Alert>
      ) : null}
      <ul className="lenkerad">
        {d.samling ? (
          <li>
            <Link to={`/barnehage/${d.barnehageId}/samling/${d.samling.id}`}>{t("samarbeid.tilSamlingen", { dato: formaterDato(d.samling.dato, maalform) })}</Link>
          </li>
        ) : null}
        <li>
          <Link to={`/barnehage/${d.barnehageId}/moduler/${d.slug}/tilbakemelding`}>{t("samarbeid.giTilbakemelding")}</Link>
        </li>
        {d.modul.nummer === 2 ? (
          <li>
            <Link to={`/barnehage/${d.barnehageId}/team/${d.team.id}/observasjon`}>{t("observasjon.lenkeFraModul")}</Link>
          </li>
        ) : null}
        {d.modul.nummer === 3 ? (
          <li>
            <Link to={`/barnehage/${d.barnehageId}/repertoar`}>{t("repertoar.lenkeFraModul")}</Link>
          </li>
        ) : null}
      </ul>
      <FeilOppsummering feil={feil?.tekst && verdier?.aktivitetId ? { [`refleksjon-${verdier.aktivitetId}`]: feil.tekst } : feil} />
      <ModulKropp innledning={d.innledning} seksjoner={d.seksjoner} filmer={d.filmer} etterAktivitet={etterAktivitet} />
    </article>
  );
}
