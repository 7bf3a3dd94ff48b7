import { Form, Link, data, redirect } from "react-router";
import { Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/skriv";
import type { SideHandle } from "#app/root.tsx";
import { ikkeFunnet } from "#app/auth/tilgang.ts";
import { maalformKontekst } from "#app/kontekst.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { lesSkjema } from "#app/components/skjema.ts";
import { ObsFeilOppsummering, ObsFelt } from "#app/components/observasjon-felt.tsx";
import { FilmSpiller, FilmTranskripsjon } from "#app/components/innhold.tsx";
import { useT } from "#app/components/use-t.ts";
import { oversetter, type Nokkel } from "#app/i18n/i18n.ts";
import { filmVisning } from "#app/domain/innhold/visning.ts";
import { kategoriFelt, observasjonSkjema, valgFelt } from "#app/domain/observasjon/observasjon.schema.ts";
import { maler } from "#app/domain/observasjon/maler.server.ts";
import { FILM_MAL } from "#app/domain/observasjon/maler.schema.ts";
import { SVAR } from "#app/domain/observasjon/kalibrering.ts";
import { lagreObservasjon, skrivSide } from "#app/domain/observasjon/observasjon.server.ts";
import { barnehageFraKontekst } from "../barnehage.server.ts";
import { filmEtterId } from "./film.server.ts";

/** A plain form that works without JavaScript, made for a phone (ADR 0035). */
export const handle: SideHandle = { utenJs: true };

export function meta() {
  return [{ title: "Observasjon – Samla" }];
}

/**
 * Write (or change) one of my own observations: `?mal=<template>` for a new one (`film` for the
 * case film), `?id=<observation>` for my own. Saved text stays mine until I share it.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  const sp = context.get(maalformKontekst);
  const sok = new URL(request.url).searchParams;
  const s = await skrivSide(aktor, medlemskap, params.periodeId, sok.get("id") ?? undefined, tjenester());
  const m = await maler();
  const malId = s.observasjon?.malId ?? sok.get("mal") ?? "";
  const mal = m.maler.find((x) => x.id === malId);
  if (malId !== FILM_MAL && !mal) throw ikkeFunnet();
  const film = malId === FILM_MAL ? filmEtterId(m.kalibrering.film) : undefined;
  const o = s.observasjon;
  const verdier: Record<string, string> = o ? { naar: o.naar, sted: o.sted, situasjon: o.situasjon } : {};
  if (o) {
    for (const [k, v] of Object.entries(o.kategorier)) verdier[kategoriFelt(k)] = v;
    for (const [u, v] of Object.entries(o.valg)) verdier[valgFelt(u)] = v;
  }
  return {
    barnehageId: medlemskap.barnehageId,
    periodeId: params.periodeId,
    id: o?.id ?? null,
    malId,
    mal: mal ? { tittel: mal.tittel[sp], sporsmal: mal.sporsmal[sp] } : null,
    film: film ? filmVisning(film, sp) : null,
    kategorier: m.kategorier.map((k) => ({ id: k.id, tittel: k.tittel[sp], hjelp: k.hjelp[sp] })),
    utsagn: malId === FILM_MAL ? m.kalibrering.utsagn.map((u) => ({ id: u.id, tekst: u.tekst[sp] })) : [],
    verdier,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  const t = oversetter(context.get(maalformKontekst));
  const m = await maler();
  const dep = tjenester();
  // Access first: someone outside the team gets «not found», never a form error.
  await skrivSide(aktor, medlemskap, params.periodeId, undefined, dep);
  // The form posts back to its own address (?mal= or ?id=), which the page needs to show errors;
  // a post to the bare address comes from no form of ours.
  const sok = new URL(request.url).searchParams;
  if (!sok.get("mal") && !sok.get("id")) throw ikkeFunnet();
  const skjema = await lesSkjema(request, observasjonSkjema(m));
  if (!skjema.ok) {
    const feil = Object.fromEntries(Object.entries(skjema.feil).map(([k, v]) => [k, t(v as Nokkel)]));
    return data({ feil, verdier: skjema.verdier }, { status: 400 });
  }
  const svar = await lagreObservasjon(aktor, medlemskap, params.periodeId, skjema.data, m, dep);
  if (!svar.ok) {
    const melding = svar.feil === "observasjon.feil.navn" ? t(svar.feil, { navn: svar.navn }) : t(svar.feil);
    const verdier = Object.fromEntries(Object.entries(skjema.data).map(([k, v]) => [k, String(v ?? "")]));
    return data({ feil: { [svar.felt]: melding }, verdier }, { status: 400 });
  }
  return redirect(`/barnehage/${medlemskap.barnehageId}/observasjon/${params.periodeId}?lagret=${Date.now()}#mine`);
}

export default function Skriv({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const verdier = actionData?.verdier ?? d.verdier;
  const feil = actionData?.feil as Record<string, string> | undefined;
  const tilbake = `/barnehage/${d.barnehageId}/observasjon/${d.periodeId}`;
  return (
    <div className="smal">
      <Paragraph data-size="sm">
        <Link to={tilbake}>{t("observasjon.avbryt")}</Link>
      </Paragraph>
      <Heading level={1} data-size="lg">
        {d.mal ? t("observasjon.skrivTittel", { mal: d.mal.tittel }) : t("observasjon.filmTittel")}
      </Heading>
      {d.mal ? <Paragraph>{t("observasjon.sporsmal", { sporsmal: d.mal.sporsmal })}</Paragraph> : <Paragraph>{t("observasjon.filmForklaring")}</Paragraph>}
      {d.film ? (
        <div className="film">
          <FilmSpiller film={d.film} />
          <FilmTranskripsjon film={d.film} />
        </div>
      ) : null}
      <p className="observasjon-regel">{t("observasjon.kodeRegel")}</p>
      <ObsFeilOppsummering tittel={t("konto.feil.oppsummering")} feil={feil} />
      <Form method="post" className="skjema" noValidate>
        {d.id ? <input type="hidden" name="id" value={d.id} /> : null}
        <input type="hidden" name="malId" value={d.malId} />
        {d.mal ? (
          <>
            <ObsFelt navn="naar" etikett={t("observasjon.naar")} hjelp={t("observasjon.naarHjelp")} standard={verdier.naar} feil={feil?.naar} paakrevd />
            <ObsFelt navn="sted" etikett={t("observasjon.sted")} hjelp={t("observasjon.stedHjelp")} standard={verdier.sted} feil={feil?.sted} paakrevd />
            <ObsFelt navn="situasjon" etikett={t("observasjon.situasjon")} hjelp={t("observasjon.situasjonHjelp")} standard={verdier.situasjon} feil={feil?.situasjon} lang paakrevd />
          </>
        ) : null}
        <Heading level={2} data-size="sm">
          {t("observasjon.hvaSaaDu")}
        </Heading>
        {d.kategorier.map((k) => (
          <ObsFelt key={k.id} navn={kategoriFelt(k.id)} etikett={k.tittel} hjelp={k.hjelp} standard={verdier[kategoriFelt(k.id)]} feil={feil?.[kategoriFelt(k.id)]} lang />
        ))}
        {d.utsagn.length ? (
          <>
            <Heading level={2} data-size="sm">
              {t("observasjon.utsagn")}
            </Heading>
            {d.utsagn.map((u) => (
              <fieldset key={u.id} className="utsagn" id={`felt-${valgFelt(u.id)}`}>
                <legend>{u.tekst}</legend>
                <div className="utsagn__valg">
                  {SVAR.map((s) => (
                    <label key={s}>
                      <input type="radio" name={valgFelt(u.id)} value={s} defaultChecked={verdier[valgFelt(u.id)] === s} />
                      {t(`observasjon.svar.${s}`)}
                    </label>
                  ))}
                </div>
              </fieldset>
            ))}
          </>
        ) : null}
        <Button type="submit">{t("observasjon.lagre")}</Button>
      </Form>
    </div>
  );
}
