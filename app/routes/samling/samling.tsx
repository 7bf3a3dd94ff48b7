import { useEffect, useRef, useState } from "react";
import { Link, data, redirect, useLocation } from "react-router";
import { Button, Heading, Paragraph } from "@digdir/designsystemet-react";
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
import { liveEtag } from "#app/domain/samling/rom.server.ts";
import { useFolgSamling } from "#app/components/folg-samling.ts";
import { visLagret, visTid } from "#app/domain/samling/tid.ts";
import { filmVisning } from "#app/domain/innhold/visning.ts";
import { alleMineRefleksjoner, lagreMinRefleksjon, samlingensNotater } from "#app/domain/notat/notat.server.ts";
import { gruppenotaterForAktivitet, minGruppeISamling, velgMinGruppe } from "#app/domain/gruppe/gruppe.server.ts";
import { GruppenotatSkjema, gruppenotatNokkel } from "#app/components/notat.tsx";
import { somFeltverdi } from "#app/components/skrivefelt.tsx";
import { Gruppekolonner } from "#app/components/gruppekolonner.tsx";
import { NaaSteg, type Lagret as LagretTekst, type NaaData } from "#app/components/samling-naa.tsx";
import { Lagret, LagretKl, medLagret } from "#app/components/lagret.tsx";
import { barnehageFraKontekst } from "../barnehage/barnehage.server.ts";
import { Stegliste } from "#app/components/samling-steg.tsx";
import { UtprovingSkjema, Utprovinger } from "./deler.tsx";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData ? `${loaderData.tittel} – Samla` : "Samla" }];
}

/**
 * The samling page, phone first (issue 12, points 2 and 7; ADR 0027). While the samling is on it
 * follows the step on the projector and shows only that step's own content («Nå: …», see
 * NaaSteg); the full module stays one link away. Before the start it shows what to prepare and
 * the plan; after the end what was agreed, the groups' notes and catch-up. Members log how their
 * practice went. It follows the leader through the cheap version check (useFolgSamling: data is
 * reloaded only when the samling changed, ADR 0026) and by a meta refresh without JavaScript (only on steps with nothing to type, so a refresh never
 * throws away what someone is writing).
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  const sp = context.get(maalformKontekst);
  const dep = tjenester();
  const v = await samlingMedSteg(aktor, medlemskap, params.samlingId, dep, sp);
  const tekst = v.modul.tekst[sp];
  const [notater, mg, utprovinger, kanLogge] = await Promise.all([
    samlingensNotater(aktor, medlemskap, params.samlingId, dep),
    minGruppeISamling(aktor, medlemskap, params.samlingId, dep),
    utprovingerISamling(aktor, medlemskap, params.samlingId, dep),
    erITeam(dep.db, medlemskap.barnehageId, v.samling.teamId, aktor.id),
  ]);
  const url = new URL(request.url);
  const lagret = url.searchParams.get("lagret");
  const sti = `/barnehage/${medlemskap.barnehageId}/samling/${v.samling.id}`;
  const kanLede = kan(aktor, "led:samling", medlemskap);
  const notat = (aktivitetId: string, gruppe: number): LagretTekst => {
    const n = notater.gruppenotater.find((x) => x.aktivitetId === aktivitetId && x.gruppe === gruppe);
    return { tekst: n?.tekst ?? "", versjon: n?.versjon ?? 0, oppdatert: n?.oppdatert ?? null };
  };
  const lagretKl = (iso: string | null | undefined) => (iso ? visLagret(iso, sp) : undefined);

  let naa: NaaData | null = null;
  // A reflection saved just as the leader moved on: the new step has no reflection box to show the
  // time beside, so the page says it at the top of «Nå» instead.
  const mineIModulen = lagret === "refleksjon" ? (await alleMineRefleksjoner(aktor, dep)).filter((r) => r.modulId === v.modul.id) : [];
  const sistRefleksjon = mineIModulen.map((r) => r.oppdatert).sort().at(-1);
  if (v.naavaerende !== null) {
    const steg = v.steg[v.naavaerende]!;
    const aktivitet = steg.aktivitet ? (tekst.aktiviteter.find((a) => a.id === steg.aktivitet) ?? null) : null;
    const film = steg.type === "film" && steg.film ? v.modul.filmer.get(steg.film) : undefined;
    const harGrupper = mg.gruppering.antall > 0;
    const refleksjon =
      aktivitet && steg.type === "individuelt"
        ? (mineIModulen.length ? mineIModulen : await alleMineRefleksjoner(aktor, dep)).find((r) => r.modulId === v.modul.id && r.aktivitetId === aktivitet.id)
        : undefined;
    const gruppeNotat = aktivitet && steg.type === "gruppe" && harGrupper && mg.gruppe ? notat(aktivitet.id, mg.gruppe) : null;
    const teamNotat = aktivitet && ((steg.type === "gruppe" && !harGrupper) || steg.type === "plenum") ? notat(aktivitet.id, 0) : null;
    naa = {
      barnehageId: medlemskap.barnehageId,
      samlingId: v.samling.id,
      nummer: v.naavaerende + 1,
      antall: v.steg.length,
      tittel: steg.tittel,
      type: steg.type,
      minutter: steg.minutter,
      stegSlutt: v.stegSlutt,
      serverNaa: new Date().toISOString(),
      aktivitet: aktivitet ? { id: aktivitet.id, tittel: aktivitet.tittel, html: aktivitet.html } : null,
      film: film ? filmVisning(film, sp) : null,
      refleksjon: aktivitet && steg.type === "individuelt" ? { tekst: refleksjon?.tekst ?? "", versjon: 0, oppdatert: refleksjon?.oppdatert ?? null } : null,
      gruppe: aktivitet && steg.type === "gruppe" && harGrupper ? { nummer: mg.iTeamet ? mg.gruppe : null, selvvalg: mg.gruppering.selvvalg && mg.iTeamet, antall: mg.gruppering.antall, notat: gruppeNotat } : null,
      teamNotat,
      kolonner: aktivitet && steg.type === "plenum" && harGrupper ? await gruppenotaterForAktivitet(aktor, medlemskap, v.samling.id, aktivitet.id, dep, sp) : null,
      utprovinger,
      tilbakemelding: v.tilbakemelding,
      kanLede,
      lagret,
      lagretKl: Object.fromEntries(
        Object.entries({ refleksjon: refleksjon?.oppdatert ?? sistRefleksjon, gruppenotat: gruppeNotat?.oppdatert, teamnotat: teamNotat?.oppdatert })
          .map(([k, iso]) => [k, lagretKl(iso)])
          .filter(([, tid]) => tid),
      ),
      tilbake: sti,
    };
  }

  // Without JavaScript the page reloads to follow the leader, but lets a film play to its end first.
  const naaTid = Date.now();
  const oppfrisk = naa?.film && v.stegSlutt ? Math.max(10, Math.ceil((new Date(v.stegSlutt).getTime() - naaTid) / 1000)) : 10;
  const minLogg = utprovinger.flatMap((u) => u.logger.filter((l) => l.brukerId === aktor.id).map((l) => l.oppdatert)).sort().at(-1);
  return {
    id: medlemskap.barnehageId,
    samlingId: v.samling.id,
    teamId: v.samling.teamId,
    teamNavn: v.samling.teamNavn,
    tittel: `${tekst.meta.tittel}`,
    nummer: v.modul.nummer,
    slug: v.modul.slug,
    tid: visTid(v.samling.starter, sp),
    varighet: v.samling.varighetMinutter,
    status: v.samling.status,
    versjon: v.samling.versjon,
    naavaerende: v.naavaerende,
    naa,
    oppfrisk,
    // Follow the leader while the samling is on, and from an hour before it is due (not for days ahead).
    folger: v.samling.status === "pagaar" || (v.samling.status === "planlagt" && new Date(v.samling.starter).getTime() - naaTid < 3600_000),
    // The cheap version check (ADR 0026): the page reloads its data only when the samling changed.
    liveUrl: `/samling-versjon/${v.samling.id}`,
    liveEtag: await liveEtag(dep.db, v.samling.id),
    steg: v.steg.map((s) => ({ id: s.id, type: s.type, minutter: s.minutter, tittel: s.tittel })),
    tilbakemelding: v.tilbakemelding,
    utprovinger,
    kanLede,
    kanLogge,
    mittId: aktor.id,
    lagret,
    loggLagretKl: lagretKl(minLogg),
    // Group notes per activity (issue 5 wired together): the team writes them here or on the module
    // page; after the samling each group's own notes show beside them (ADR 0027).
    aktiviteter: tekst.aktiviteter.map((a) => {
      const n = notat(a.id, 0);
      return {
        id: a.id,
        tittel: a.tittel,
        tekst: n.tekst,
        versjon: n.versjon,
        lagretKl: lagretKl(n.oppdatert),
        grupper: notater.gruppenotater
          .filter((g) => g.aktivitetId === a.id && g.gruppe > 0 && g.tekst)
          .map((g) => ({ gruppe: g.gruppe, navn: "", tekst: g.tekst, fremhevet: g.gruppe === mg.gruppering.fremhevet })),
      };
    }),
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
    case "utproving": {
      await avtalUtproving(aktor, medlemskap, params.samlingId, skjema.data, dep);
      const v = await samlingMedSteg(aktor, medlemskap, params.samlingId, dep, "nb");
      return redirect(medLagret(v.naavaerende === null ? `${tilbake}#utprovinger` : `${tilbake}#naa`, "utproving"));
    }
    case "logg": {
      const samlingId = await loggUtproving(aktor, medlemskap, skjema.data.utprovingId, skjema.data.logg, dep);
      if (samlingId !== params.samlingId) throw ikkeFunnet();
      return redirect(`${tilbake}?lagret=logg#utprovinger`);
    }
    case "refleksjon": {
      const v = await samlingMedSteg(aktor, medlemskap, params.samlingId, dep, "nb");
      await lagreMinRefleksjon(aktor, v.modul, skjema.data.aktivitetId, skjema.data.tekst, dep);
      return redirect(`${tilbake}?lagret=refleksjon#naa`);
    }
    case "velg-gruppe": {
      const svar = await velgMinGruppe(aktor, medlemskap, params.samlingId, skjema.data.gruppe, dep);
      if (!svar.ok) return data({ feil: { [svar.felt]: svar.feil }, verdier: { intent: "velg-gruppe" } as Record<string, string> }, { status: 400 });
      return redirect(`${tilbake}#naa`);
    }
    default:
      throw ikkeFunnet();
  }
}

type Data = Route.ComponentProps["loaderData"];
/** What decides which view the page shows: a new step (or start/end) is a new view. */
const visningsNokkel = (d: Data) => `${d.status}:${d.naavaerende ?? ""}`;

/** A text box someone has typed in and not saved (the browser keeps the saved text as its default). */
function harUlagretTekst(el: HTMLElement | null): boolean {
  return [...(el?.querySelectorAll("textarea") ?? [])].some((t) => t.value !== somFeltverdi(t.defaultValue));
}

export default function Samling({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const side = useRef<HTMLDivElement>(null);
  // When the leader moves on while I am writing, the page waits and asks, so nothing I typed is lost.
  const [vist, settVist] = useState(loaderData);
  // A navigation of my own (a save, a link) always shows the newest; only polling waits for me.
  const { key: stedNokkel } = useLocation();
  const [sistSted, settSistSted] = useState(stedNokkel);
  if (stedNokkel !== sistSted) {
    settSistSted(stedNokkel);
    settVist(loaderData);
  }
  const nyVisning = visningsNokkel(loaderData) !== visningsNokkel(vist);
  const d = nyVisning ? vist : loaderData;
  const venter = nyVisning && harUlagretTekst(side.current);
  useEffect(() => {
    if (nyVisning && !harUlagretTekst(side.current)) settVist(loaderData);
    else if (!nyVisning && vist !== loaderData) settVist(loaderData);
  }, [loaderData, nyVisning, vist]);
  const folger = loaderData.folger;
  useFolgSamling(folger ? loaderData.liveUrl : null, loaderData.liveEtag, 1000);

  const feil = actionData?.feil;
  const v = actionData?.verdier as Record<string, string> | undefined;
  // Without JavaScript: reload on steps with nothing to type in; else a link to reload by hand.
  const harSkrivefelt = d.naa ? Boolean(d.naa.refleksjon || d.naa.gruppe || d.naa.teamNotat || (d.naa.type === "avtale" && d.kanLede)) : d.status === "planlagt";
  return (
    <div className="smal" ref={side}>
      {folger && !harSkrivefelt ? <noscript dangerouslySetInnerHTML={{ __html: `<meta http-equiv="refresh" content="${d.oppfrisk}">` }} /> : null}
      <Paragraph data-size="sm">
        <Link to={`/barnehage/${d.id}/team/${d.teamId}/plan`}>{t("samling.tilbakeTilPlan", { team: d.teamNavn })}</Link>
      </Paragraph>
      <Heading level={1} data-size="lg">
        {t("samling.sideTittel", { nummer: d.nummer, tittel: d.tittel })}
      </Heading>
      <Paragraph>
        {d.tid} · {t("samling.minutter", { minutter: d.varighet })} · {d.teamNavn} · {t(`samling.status.${d.status}`)}
      </Paragraph>
      <FeilOppsummering feil={feil} />
      {venter ? (
        <div className="ramme" role="status">
          <Paragraph>{t("samling.lederGikkVidere", { tittel: loaderData.naa?.tittel ?? t(loaderData.status === "holdt" ? "samling.ferdig" : "samling.ikkeStartet") })}</Paragraph>
          <Button type="button" variant="secondary" data-size="sm" onClick={() => settVist(loaderData)}>
            {t("samling.gaaVidere")}
          </Button>
        </div>
      ) : null}

      {d.naa ? <NaaSteg d={d.naa} feil={feil} verdier={v} /> : null}
      {folger && harSkrivefelt && d.naa ? (
        <noscript>
          <p className="dempet">
            {t("samling.oppdater")} <a href={`/barnehage/${d.id}/samling/${d.samlingId}`}>{t("samling.oppdaterLenke")}</a>
          </p>
        </noscript>
      ) : null}

      <ul className="lenkerad">
        <li>
          <Link to={`/barnehage/${d.id}/samling/${d.samlingId}/vis`}>{t("samling.tilVisning")}</Link>
        </li>
        {d.kanLede ? (
          <li>
            <Link to={`/barnehage/${d.id}/samling/${d.samlingId}/leder`}>{t("samling.tilLeder")}</Link>
          </li>
        ) : null}
        {d.kanLede ? (
          <li>
            <Link to={`/barnehage/${d.id}/samling/${d.samlingId}/grupper`}>{t("gruppe.tilGrupper")}</Link>
          </li>
        ) : null}
        <li>
          <Link to={d.modulSide}>{t("samarbeid.tilModulsiden", { team: d.teamNavn })}</Link>
        </li>
        <li>
          <Link to={`/moduler/${d.slug}`}>{t("samling.lesModulen")}</Link>
        </li>
      </ul>

      {d.naa ? null : (
        <>
          {d.status === "planlagt" ? (
            <section aria-labelledby="for-samlingen" className="blokk">
              <Heading level={2} data-size="md" id="for-samlingen">
                {t("samling.forSamlingen")}
              </Heading>
              <Paragraph>{t("samling.forbered")}</Paragraph>
            </section>
          ) : (
            <section aria-labelledby="etter-samlingen" className="blokk">
              <Heading level={2} data-size="md" id="etter-samlingen">
                {t("samling.ferdig")}
              </Heading>
              <Paragraph>{t("samling.etterIngress")}</Paragraph>
            </section>
          )}
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
            {d.lagret === "logg" ? <LagretKl tid={d.loggLagretKl} nettopp /> : null}
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
                  etter={<Lagret nokkel={gruppenotatNokkel(a.id)} tid={a.lagretKl} />}
                />
                {a.grupper.length ? <Gruppekolonner kolonner={a.grupper.map((g) => ({ ...g, navn: t("gruppe.navn", { nummer: g.gruppe }) }))} nivaa={3} /> : null}
              </div>
            ))}
          </section>
        </>
      )}
    </div>
  );
}
