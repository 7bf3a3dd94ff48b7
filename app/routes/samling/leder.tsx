import { Form, Link, data, redirect, type ShouldRevalidateFunctionArgs } from "react-router";
import { Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/leder";
import { ikkeFunnet, krev } from "#app/auth/tilgang.ts";
import { maalformKontekst } from "#app/kontekst.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { lesForm, lesSkjema } from "#app/components/skjema.ts";
import { FeilOppsummering } from "#app/components/felt.tsx";
import { TekstOmrade } from "#app/components/samling-felt.tsx";
import { useT } from "#app/components/use-t.ts";
import { lederSkjema } from "#app/domain/samling/samling.schema.ts";
import {
  ANGREFRIST_MS,
  avtalUtproving,
  lagreMittLedernotat,
  mittLedernotat,
  oppmoteliste,
  registrerOppmote,
  samlingMedSteg,
  styrSamling,
  utprovingerISamling,
} from "#app/domain/samling/samling.server.ts";
import { visTid } from "#app/domain/samling/tid.ts";
import { harSkjermlenke, lagSkjermlenke, storskjermData, trekkTilbakeSkjermlenke } from "#app/domain/samling/rom.server.ts";
import { useFolgSamling } from "#app/components/folg-samling.ts";
import { barnehageFraKontekst } from "../barnehage/barnehage.server.ts";
import { LederStyring } from "#app/components/samling-steg.tsx";
import { UtprovingSkjema, Utprovinger } from "./deler.tsx";
import { Lagret, medLagret } from "#app/components/lagret.tsx";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData ? `${loaderData.modulTittel} – lede samlingen – Samla` : "Samla" }];
}

/**
 * The presenter view, on the leader's own device (never the projected one): the current and next
 * step with the leader guide's description, the leader's private notes, the buttons that move
 * samling mode, attendance and the practice tasks. Leder and styrer only; everyone else gets 404.
 */
export async function loader({ params, context }: Route.LoaderArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  krev(aktor, "led:samling", medlemskap);
  const sp = context.get(maalformKontekst);
  const dep = tjenester();
  const v = await samlingMedSteg(aktor, medlemskap, params.samlingId, dep, sp);
  const i = v.naavaerende;
  const visSteg = (n: number | null) => (n === null || n >= v.steg.length ? null : { nummer: n + 1, ...v.steg[n]! });
  const nesteIndeks = i === null ? (v.samling.status === "planlagt" ? 0 : null) : i + 1 < v.steg.length ? i + 1 : null;
  const o = { baseUrl: dep.env.BASE_URL };
  const forhandsvisning = await storskjermData(v, i, sp, dep, o);
  const holdt = v.samling.holdt ? new Date(v.samling.holdt).getTime() + ANGREFRIST_MS : 0;
  return {
    pauset: v.samling.pauset,
    filmSpiller: v.samling.filmSpiller,
    visKode: v.samling.visKode,
    angreTil: v.samling.status === "holdt" && holdt > Date.now() ? new Date(holdt).toISOString() : null,
    forhandsvisning,
    nesteVisning: nesteIndeks === null ? null : await storskjermData(v, nesteIndeks, sp, dep, o),
    liveUrl: forhandsvisning.liveUrl,
    liveEtag: forhandsvisning.liveEtag,
    harSkjerm: await harSkjermlenke(aktor, medlemskap, params.samlingId, dep),
    baseUrl: dep.env.BASE_URL,
    id: medlemskap.barnehageId,
    samlingId: v.samling.id,
    teamNavn: v.samling.teamNavn,
    modulTittel: v.modul.tekst[sp].meta.tittel,
    nummer: v.modul.nummer,
    tid: visTid(v.samling.starter, sp),
    status: v.samling.status,
    versjon: v.samling.versjon,
    naa: new Date().toISOString(),
    stegSlutt: v.stegSlutt,
    antallSteg: v.steg.length,
    naavaerende: visSteg(i),
    neste: visSteg(i === null ? (v.samling.status === "planlagt" ? 0 : null) : i + 1),
    erSiste: i !== null && i === v.steg.length - 1,
    // A newer edition was published during the samling (ADR 0034): the team's module page compares.
    eldreUtgave: v.utgave.eldre ? { utgave: v.utgave.utgave, nyeste: v.utgave.nyeste, sti: `/barnehage/${medlemskap.barnehageId}/team/${v.samling.teamId}/moduler/${v.modul.slug}` } : null,
    tilbakemelding: v.tilbakemelding,
    notat: await mittLedernotat(aktor, medlemskap, params.samlingId, dep),
    oppmote: await oppmoteliste(aktor, medlemskap, params.samlingId, dep),
    utprovinger: await utprovingerISamling(aktor, medlemskap, params.samlingId, dep),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  krev(aktor, "led:samling", medlemskap);
  const form = await lesForm(request.clone());
  const tilstede = form.getAll("tilstede").map(String);
  const raa = Object.fromEntries([...form].filter(([, x]) => typeof x === "string")) as Record<string, string>;
  const skjema = await lesSkjema(request, lederSkjema);
  const dep = tjenester();
  if (!skjema.ok) {
    await utprovingerISamling(aktor, medlemskap, params.samlingId, dep);
    return data({ feil: skjema.feil, verdier: skjema.verdier }, { status: 400 });
  }
  const her = `/barnehage/${medlemskap.barnehageId}/samling/${params.samlingId}/leder`;
  const d = skjema.data;
  switch (d.intent) {
    case "start":
    case "neste":
    case "forrige":
    case "avslutt": {
      const svar = await styrSamling(aktor, medlemskap, params.samlingId, d.intent, d.versjon, dep, new Date(), d.bekreft === "ja");
      // Start on another day, and end: the leader confirms first (the page asks, 200).
      if (!svar.ok && svar.felt === "bekreft") return data({ bekreft: d.intent === "avslutt" ? ("avslutt" as const) : ("start" as const) });
      if (!svar.ok) return data({ feil: { [svar.felt]: svar.feil }, verdier: raa }, { status: 409 });
      return redirect(her);
    }
    case "angre-avslutt":
    case "pause":
    case "fortsett":
    case "pluss1":
    case "pluss5":
    case "film-spill":
    case "film-pause":
    case "film-start":
    case "vis-kode":
    case "skjul-kode": {
      const svar = await styrSamling(aktor, medlemskap, params.samlingId, d.intent, d.versjon, dep);
      if (!svar.ok) return data({ feil: { [svar.felt]: svar.feil }, verdier: raa }, { status: 409 });
      return redirect(her);
    }
    case "lag-skjerm": {
      const hemmelighet = await lagSkjermlenke(aktor, medlemskap, params.samlingId, dep);
      return data({ skjermlenke: `${dep.env.BASE_URL}/skjerm/${hemmelighet}` });
    }
    case "trekk-skjerm":
      await trekkTilbakeSkjermlenke(aktor, medlemskap, params.samlingId, dep);
      return redirect(medLagret(`${her}#skjermlenke`, "skjermlenke"));
    case "notat":
      await lagreMittLedernotat(aktor, medlemskap, params.samlingId, d.notat, dep);
      return redirect(medLagret(`${her}#notat`, "notat"));
    case "oppmote":
      await registrerOppmote(aktor, medlemskap, params.samlingId, tilstede, dep);
      return redirect(medLagret(`${her}#oppmote`, "oppmote"));
    case "utproving":
      await avtalUtproving(aktor, medlemskap, params.samlingId, d, dep);
      return redirect(medLagret(`${her}#utprovinger`, "utproving"));
    default:
      throw ikkeFunnet();
  }
}

/** After a refused move (someone else moved first), show where the samling is now. */
export function shouldRevalidate({ actionStatus, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  return actionStatus === 409 ? true : defaultShouldRevalidate;
}

export default function Leder({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  useFolgSamling(d.liveUrl, d.liveEtag);
  const feil = actionData && "feil" in actionData ? actionData.feil : undefined;
  const v = actionData && "verdier" in actionData ? (actionData.verdier as Record<string, string> | undefined) : undefined;
  const bekreft = actionData && "bekreft" in actionData ? actionData.bekreft : null;
  const skjermlenke = actionData && "skjermlenke" in actionData ? actionData.skjermlenke : null;
  const n = d.naavaerende;
  return (
    <div className="smal ledervisning">
      <Paragraph data-size="sm">
        <Link to={`/barnehage/${d.id}/samling/${d.samlingId}`}>{t("samling.tilSamlingen")}</Link>
      </Paragraph>
      <Heading level={1} data-size="lg">
        {t("samling.lederTittel", { nummer: d.nummer, tittel: d.modulTittel })}
      </Heading>
      <Paragraph>
        {d.tid} · {d.teamNavn} · {t(`samling.status.${d.status}`)}
      </Paragraph>
      <Paragraph className="dempet">{t("samling.lederPrivat")}</Paragraph>
      {d.eldreUtgave ? (
        <Paragraph>
          {t("utgave.lederVarsel", { utgave: d.eldreUtgave.utgave, nyeste: d.eldreUtgave.nyeste })}{" "}
          <Link to={d.eldreUtgave.sti}>{t("utgave.sammenlign")}</Link>
        </Paragraph>
      ) : null}
      <FeilOppsummering feil={feil} />

      <LederStyring d={{ ...d, bekreft }} />

      {d.status !== "holdt" ? (
        <section aria-labelledby="skjermlenke" className="blokk">
          <Heading level={2} data-size="sm" id="skjermlenke">
            {t("rom.skjerm")}
          </Heading>
          <Paragraph data-size="sm">{t("rom.skjermForklaring")}</Paragraph>
          {skjermlenke ? (
            <>
              <Paragraph data-size="sm">{t("rom.skjermLenken")}</Paragraph>
              <p className="kalenderlenke" data-testid="skjermlenke">
                {skjermlenke}
              </p>
            </>
          ) : d.harSkjerm ? (
            <Paragraph data-size="sm">{t("rom.harSkjerm")}</Paragraph>
          ) : null}
          <Lagret nokkel="skjermlenke" />
          <div className="knapperad">
            <Form method="post" className="inline">
              <input type="hidden" name="intent" value="lag-skjerm" />
              <Button type="submit" variant="secondary" data-size="sm">
                {d.harSkjerm ? t("rom.nySkjerm") : t("rom.lagSkjerm")}
              </Button>
            </Form>
            {d.harSkjerm ? (
              <Form method="post" className="inline">
                <input type="hidden" name="intent" value="trekk-skjerm" />
                <Button type="submit" variant="tertiary" data-size="sm">
                  {t("rom.trekkSkjerm")}
                </Button>
              </Form>
            ) : null}
          </div>
        </section>
      ) : null}

      <section aria-labelledby="notat" className="blokk">
        <Heading level={2} data-size="md" id="notat">
          {t("samling.mineNotater")}
        </Heading>
        <Form method="post" className="skjema" noValidate>
          <input type="hidden" name="intent" value="notat" />
          <TekstOmrade navn="notat" etikett={t("samling.notatEtikett")} barnevarsel valgfritt standard={v?.intent === "notat" ? v.notat : d.notat} feil={v?.intent === "notat" ? feil?.notat : undefined} />
          <Button type="submit" variant="secondary">
            {t("samling.lagreNotat")}
          </Button>
          <Lagret nokkel="notat" />
        </Form>
      </section>

      <section aria-labelledby="oppmote" className="blokk">
        <Heading level={2} data-size="md" id="oppmote">
          {t("samling.oppmote")}
        </Heading>
        {d.oppmote.length === 0 ? (
          <Paragraph>{t("samling.ingenITeamet")}</Paragraph>
        ) : (
          <Form method="post">
            <input type="hidden" name="intent" value="oppmote" />
            <fieldset className="avkrysning">
              <legend>{t("samling.hvemVarDer")}</legend>
              {d.oppmote.map((p) => (
                <div key={p.brukerId} className="avkrysning__rad">
                  <input type="checkbox" id={`tilstede-${p.brukerId}`} name="tilstede" value={p.brukerId} defaultChecked={p.tilstede} />
                  <label htmlFor={`tilstede-${p.brukerId}`}>{p.navn}</label>
                </div>
              ))}
            </fieldset>
            <Button type="submit" variant="secondary">
              {t("samling.lagreOppmote")}
            </Button>
            <Lagret nokkel="oppmote" />
          </Form>
        )}
      </section>

      <section aria-labelledby="utprovinger" className="blokk">
        <Heading level={2} data-size="md" id="utprovinger">
          {t("samling.utprovinger")}
        </Heading>
        {n?.type === "avtale" ? <Paragraph>{t("samling.avtaleNaa")}</Paragraph> : null}
        {d.utprovinger.length === 0 ? <Paragraph>{t("samling.ingenUtprovinger")}</Paragraph> : null}
        <Utprovinger liste={d.utprovinger} nivaa={2} />
        <div className="ramme">
          <Heading level={3} data-size="xs">
            {t("samling.nyUtproving")}
          </Heading>
          <UtprovingSkjema feil={v?.intent === "utproving" ? feil : undefined} verdier={v?.intent === "utproving" ? v : undefined} />
        </div>
      </section>
    </div>
  );
}
