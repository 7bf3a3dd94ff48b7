import { useEffect } from "react";
import { useRevalidator } from "react-router";
import type { Route } from "./+types/vis";
import { maalformKontekst } from "#app/kontekst.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { Storskjerm } from "#app/components/samling-steg.tsx";
import { filmVisning } from "#app/domain/innhold/visning.ts";
import { samlingMedSteg } from "#app/domain/samling/samling.server.ts";
import { hentGruppenotatet } from "#app/domain/notat/notat.server.ts";
import { visTid } from "#app/domain/samling/tid.ts";
import { barnehageFraKontekst } from "../barnehage/barnehage.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData ? `${loaderData.modulTittel} – storskjerm – Samla` : "Samla" }];
}

/**
 * The projector view: the step that is on now, in large type, with the participants' text from
 * the module's activity (public content; never the leader guide), the film with captions on film
 * steps, and a countdown. It follows the leader: with JavaScript by polling the loader every few
 * seconds, without by a meta refresh inside <noscript>. The state is read from the database only.
 * On group and plenary steps it also shows the team's group note for the activity, so what the
 * groups write on their phones comes up on the big screen for the plenary.
 */
export async function loader({ params, context }: Route.LoaderArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  const sp = context.get(maalformKontekst);
  const v = await samlingMedSteg(aktor, medlemskap, params.samlingId, tjenester(), sp);
  const tekst = v.modul.tekst[sp];
  const steg = v.naavaerende === null ? null : v.steg[v.naavaerende]!;
  const aktivitet = steg?.aktivitet ? tekst.aktiviteter.find((a) => a.id === steg.aktivitet) : undefined;
  const film = steg?.type === "film" && steg.film ? v.modul.filmer.get(steg.film) : undefined;
  const medNotat = aktivitet && (steg?.type === "gruppe" || steg?.type === "plenum");
  const gruppenotat = medNotat ? (await hentGruppenotatet(aktor, medlemskap, params.samlingId, aktivitet.id, tjenester())).notat.tekst : "";
  const naa = new Date();
  return {
    modulTittel: `${tekst.meta.tittel}`,
    nummer: v.modul.nummer,
    tid: visTid(v.samling.starter, sp),
    status: v.samling.status,
    versjon: v.samling.versjon,
    naa: naa.toISOString(),
    stegNummer: v.naavaerende === null ? null : v.naavaerende + 1,
    antallSteg: v.steg.length,
    steg: steg ? { tittel: steg.tittel, type: steg.type, minutter: steg.minutter } : null,
    stegSlutt: v.stegSlutt,
    aktivitet: aktivitet ? { tittel: aktivitet.tittel, html: aktivitet.html } : null,
    film: film ? filmVisning(film, sp) : null,
    gruppenotat,
    // The report-back lists what was agreed and how it went, without names on the big screen.
    tilbakemelding: steg?.type === "tilbakemelding" ? v.tilbakemelding.map((u) => ({ id: u.id, hva: u.hva, logger: u.logger.map((l) => l.tekst) })) : [],
    // Without JavaScript: reload often, but let a film play to its end before reloading.
    oppfrisk: film && v.stegSlutt ? Math.max(10, Math.ceil((new Date(v.stegSlutt).getTime() - naa.getTime()) / 1000)) : 5,
  };
}

export default function Vis({ loaderData: d }: Route.ComponentProps) {
  const revalidator = useRevalidator();
  useEffect(() => {
    const id = setInterval(() => {
      if (revalidator.state === "idle" && document.visibilityState === "visible") void revalidator.revalidate();
    }, 3000);
    return () => clearInterval(id);
  }, [revalidator]);
  return <Storskjerm d={d} />;
}
