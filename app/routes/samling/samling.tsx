import { Link, data, redirect } from "react-router";
import { Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/samling";
import { ikkeFunnet, kan, krev } from "#app/auth/tilgang.ts";
import { maalformKontekst } from "#app/kontekst.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { lesSkjema } from "#app/components/skjema.ts";
import { FeilOppsummering } from "#app/components/felt.tsx";
import { useT } from "#app/components/use-t.ts";
import { samlingSkjema } from "#app/domain/samling/samling.schema.ts";
import { avtalUtproving, loggUtproving, samlingMedSteg, utprovingerISamling } from "#app/domain/samling/samling.server.ts";
import { erITeam } from "#app/domain/samling/samling.repo.server.ts";
import { visTid } from "#app/domain/samling/tid.ts";
import { samlingensNotater } from "#app/domain/notat/notat.server.ts";
import { GruppenotatSkjema } from "#app/components/notat.tsx";
import { barnehageFraKontekst } from "../barnehage/barnehage.server.ts";
import { Stegliste } from "#app/components/samling-steg.tsx";
import { UtprovingSkjema, Utprovinger } from "./deler.tsx";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData ? `${loaderData.tittel} – Samla` : "Samla" }];
}

/**
 * The samling page for the team: time, module, the steps (titles only, never the leader guide),
 * the link to the projector view, practice tasks and logs. Members log how their practice went.
 */
export async function loader({ params, context }: Route.LoaderArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  const sp = context.get(maalformKontekst);
  const dep = tjenester();
  const v = await samlingMedSteg(aktor, medlemskap, params.samlingId, dep, sp);
  const meta = v.modul.tekst[sp].meta;
  const notater = await samlingensNotater(aktor, medlemskap, params.samlingId, dep);
  const lagret = new Map(notater.gruppenotater.map((n) => [n.aktivitetId, n]));
  return {
    id: medlemskap.barnehageId,
    samlingId: v.samling.id,
    teamId: v.samling.teamId,
    teamNavn: v.samling.teamNavn,
    tittel: `${meta.tittel}`,
    nummer: v.modul.nummer,
    slug: v.modul.slug,
    tid: visTid(v.samling.starter, sp),
    varighet: v.samling.varighetMinutter,
    status: v.samling.status,
    naavaerende: v.naavaerende,
    steg: v.steg.map((s) => ({ id: s.id, type: s.type, minutter: s.minutter, tittel: s.tittel })),
    tilbakemelding: v.tilbakemelding,
    utprovinger: await utprovingerISamling(aktor, medlemskap, params.samlingId, dep),
    kanLede: kan(aktor, "led:samling", medlemskap),
    kanLogge: await erITeam(dep.db, medlemskap.barnehageId, v.samling.teamId, aktor.id),
    mittId: aktor.id,
    // Group notes per activity (issue 5 wired together): the team writes them here or on the module page.
    aktiviteter: v.modul.tekst[sp].aktiviteter.map((a) => ({ id: a.id, tittel: a.tittel, tekst: lagret.get(a.id)?.tekst ?? "", versjon: lagret.get(a.id)?.versjon ?? 0 })),
    modulSide: `/barnehage/${medlemskap.barnehageId}/team/${v.samling.teamId}/moduler/${v.modul.slug}`,
    taIgjen: v.samling.status === "holdt" && notater.iTeamet && !notater.varDer && !notater.tattIgjen,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  const dep = tjenester();
  const skjema = await lesSkjema(request, samlingSkjema);
  if (!skjema.ok) {
    // Nobody learns anything about a samling they may not see, or about forms only leaders may send.
    if (skjema.verdier.intent === "utproving") krev(aktor, "led:samling", medlemskap);
    await utprovingerISamling(aktor, medlemskap, params.samlingId, dep);
    return data({ feil: skjema.feil, verdier: skjema.verdier }, { status: 400 });
  }
  const tilbake = `/barnehage/${medlemskap.barnehageId}/samling/${params.samlingId}`;
  switch (skjema.data.intent) {
    case "utproving":
      await avtalUtproving(aktor, medlemskap, params.samlingId, skjema.data, dep);
      return redirect(`${tilbake}#utprovinger`);
    case "logg": {
      const samlingId = await loggUtproving(aktor, medlemskap, skjema.data.utprovingId, skjema.data.logg, dep);
      if (samlingId !== params.samlingId) throw ikkeFunnet();
      return redirect(`${tilbake}#utprovinger`);
    }
    default:
      throw ikkeFunnet();
  }
}

export default function Samling({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const feil = actionData?.feil;
  const v = actionData?.verdier as Record<string, string> | undefined;
  return (
    <div className="smal">
      <Paragraph data-size="sm">
        <Link to={`/barnehage/${d.id}/team/${d.teamId}/plan`}>{t("samling.tilbakeTilPlan", { team: d.teamNavn })}</Link>
      </Paragraph>
      <Heading level={1} data-size="lg">
        {t("samling.sideTittel", { nummer: d.nummer, tittel: d.tittel })}
      </Heading>
      <Paragraph data-size="lg">
        {d.tid} · {t("samling.minutter", { minutter: d.varighet })} · {d.teamNavn} · {t(`samling.status.${d.status}`)}
      </Paragraph>
      <FeilOppsummering feil={feil} />
      <ul className="lenkerad">
        <li>
          <Link to={`/barnehage/${d.id}/samling/${d.samlingId}/vis`}>{t("samling.tilVisning")}</Link>
        </li>
        {d.kanLede ? (
          <li>
            <Link to={`/barnehage/${d.id}/samling/${d.samlingId}/leder`}>{t("samling.tilLeder")}</Link>
          </li>
        ) : null}
        <li>
          <Link to={d.modulSide}>{t("samarbeid.tilModulsiden", { team: d.teamNavn })}</Link>
        </li>
        <li>
          <Link to={`/moduler/${d.slug}`}>{t("samling.lesModulen")}</Link>
        </li>
      </ul>
      {d.taIgjen ? (
        <Paragraph className="ramme">
          {t("samarbeid.duVarIkkeDer")} <Link to={`/barnehage/${d.id}/samling/${d.samlingId}/ta-igjen`}>{t("samarbeid.taIgjen")}</Link>
        </Paragraph>
      ) : null}

      <Stegliste steg={d.steg} naavaerende={d.naavaerende} />

      {d.tilbakemelding.length ? (
        <section aria-labelledby="tilbakemelding" className="blokk">
          <Heading level={2} data-size="md" id="tilbakemelding">
            {t("samling.fraForrige")}
          </Heading>
          <Utprovinger liste={d.tilbakemelding} nivaa={2} />
        </section>
      ) : null}

      <section aria-labelledby="utprovinger" className="blokk">
        <Heading level={2} data-size="md" id="utprovinger">
          {t("samling.utprovinger")}
        </Heading>
        {d.utprovinger.length === 0 ? <Paragraph>{t("samling.ingenUtprovinger")}</Paragraph> : null}
        <Utprovinger liste={d.utprovinger} nivaa={2} loggSkjema={d.kanLogge ? { mittId: d.mittId, feil: v?.intent === "logg" ? feil : undefined, verdier: v } : undefined} />
        {d.kanLede ? (
          <div className="ramme">
            <Heading level={3} data-size="xs">
              {t("samling.nyUtproving")}
            </Heading>
            <UtprovingSkjema feil={v?.intent === "utproving" ? feil : undefined} verdier={v?.intent === "utproving" ? v : undefined} />
          </div>
        ) : null}
      </section>

      <section aria-labelledby="gruppenotater" className="blokk" data-plass="gruppenotater">
        <Heading level={2} data-size="md" id="gruppenotater">
          {t("samling.gruppenotater")}
        </Heading>
        <Paragraph>{t("samarbeid.gruppenotaterIngress")}</Paragraph>
        {d.aktiviteter.map((a) => (
          <div key={a.id} id={`notat-${a.id}`} className="ramme">
            <GruppenotatSkjema
              barnehageId={d.id}
              samlingId={d.samlingId}
              aktivitetId={a.id}
              tekst={a.tekst}
              versjon={a.versjon}
              til={`/barnehage/${d.id}/samling/${d.samlingId}#notat-${a.id}`}
              etikett={t("notat.gruppenotatEtikett", { tittel: a.tittel })}
            />
          </div>
        ))}
      </section>
    </div>
  );
}
