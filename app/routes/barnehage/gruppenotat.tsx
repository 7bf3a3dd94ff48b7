import { Form, Link, data, redirect } from "react-router";
import { Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/gruppenotat";
import type { SideHandle } from "#app/root.tsx";
import { maalformKontekst } from "#app/kontekst.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { lesSkjema } from "#app/components/skjema.ts";
import { FeilOppsummering } from "#app/components/felt.tsx";
import { GruppenotatKonflikt, GruppenotatSkjema, TekstOmraade, gruppenotatFeltId, gruppenotatNokkel } from "#app/components/notat.tsx";
import { medLagret } from "#app/components/lagret.tsx";
import { useT } from "#app/components/use-t.ts";
import { ikkeFunnet } from "#app/auth/tilgang.ts";
import { gruppeNummer, gruppenotatSkjema, tilSkjema } from "#app/domain/notat/notat.schema.ts";
import { hentGruppenotatet, lagreGruppenotatet } from "#app/domain/notat/notat.server.ts";
import { barnehageFraKontekst } from "./barnehage.server.ts";

export const handle: SideHandle = { utenJs: true };

export function meta() {
  return [{ title: "Gruppenotat – Samla" }];
}

/** Where to go after saving: `til` if it is a path on this site, else the team's module page. */
function tilbake(til: string | null | undefined, standard: string) {
  const r = tilSkjema.safeParse(til);
  return r.success ? r.data : standard;
}

/** `?gruppe=2`: a group's own note (ADR 0027); missing is the whole team's. Anything else is «not found». */
function gruppeFra(url: string): number {
  const verdi = new URL(url).searchParams.get("gruppe");
  if (verdi === null) return 0;
  const r = gruppeNummer.safeParse(verdi);
  if (!r.success) throw ikkeFunnet();
  return r.data;
}

/**
 * One group note. The form in GruppenotatSkjema (on the module page and the samling pages) posts
 * here and comes back to `til`. If someone saved the note in between, this page shows both
 * texts, and a form with my text on top of the newest version, so nothing is lost. GET shows the
 * same form on its own.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  const maalform = context.get(maalformKontekst);
  const gruppe = gruppeFra(request.url);
  const n = await hentGruppenotatet(aktor, medlemskap, params.samlingId, params.aktivitetId, tjenester(), gruppe);
  const aktivitet = n.modul.tekst[maalform].aktiviteter.find((a) => a.id === params.aktivitetId)!;
  const modulSide = `/barnehage/${medlemskap.barnehageId}/team/${n.team.id}/moduler/${n.modul.slug}`;
  return {
    barnehageId: medlemskap.barnehageId,
    samlingId: params.samlingId,
    aktivitetId: params.aktivitetId,
    aktivitetTittel: aktivitet.tittel,
    gruppe,
    teamNavn: n.team.navn,
    notat: { tekst: n.notat.tekst, versjon: n.notat.versjon },
    til: tilbake(new URL(request.url).searchParams.get("til"), `${modulSide}#${params.aktivitetId}`),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  const dep = tjenester();
  // Access first: an outsider gets «not found», never a form error.
  const n = await hentGruppenotatet(aktor, medlemskap, params.samlingId, params.aktivitetId, dep);
  const skjema = await lesSkjema(request, gruppenotatSkjema);
  if (!skjema.ok) {
    const gruppe = gruppeNummer.safeParse(skjema.verdier.gruppe ?? "0");
    return data({ feil: skjema.feil, min: skjema.verdier.tekst ?? "", versjon: Number(skjema.verdier.versjon) || 0, gruppe: gruppe.success ? gruppe.data : 0, lagret: null }, { status: 400 });
  }
  const svar = await lagreGruppenotatet(aktor, medlemskap, params.samlingId, params.aktivitetId, skjema.data.tekst, skjema.data.versjon, dep, new Date(), skjema.data.gruppe ?? 0);
  const modulSide = `/barnehage/${medlemskap.barnehageId}/team/${n.team.id}/moduler/${n.modul.slug}#${params.aktivitetId}`;
  if (svar.ok) {
    // «Lagret kl.» where the note was written: the page that sent `til` with its own `?lagret=` shows
    // the stored time; otherwise this note's key and the time now (app/components/lagret.tsx).
    const til = tilbake(skjema.data.til, modulSide);
    const harNokkel = new URL(til, "http://samla.invalid").searchParams.has("lagret");
    return redirect(harNokkel ? til : medLagret(til, gruppenotatNokkel(params.aktivitetId, skjema.data.gruppe ?? 0)));
  }
  return data(
    { feil: undefined, min: skjema.data.tekst, versjon: svar.lagret.versjon, gruppe: skjema.data.gruppe ?? 0, lagret: { tekst: svar.lagret.tekst, versjon: svar.lagret.versjon } },
    { status: 409 },
  );
}

export default function Gruppenotat({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const konflikt = actionData?.lagret;
  const gruppe = actionData ? actionData.gruppe : d.gruppe;
  const skjemaId = gruppenotatFeltId(d.aktivitetId, gruppe);
  return (
    <div className="smal">
      <Paragraph data-size="sm">
        <Link to={d.til}>{t("notat.tilbake")}</Link>
      </Paragraph>
      <Heading level={1} data-size="lg">
        {t("notat.gruppenotatTittel", { tittel: d.aktivitetTittel })}
        {d.gruppe ? ` (${t("gruppe.navn", { nummer: d.gruppe })})` : ""}
      </Heading>
      <Paragraph>{t("notat.gruppenotatIngress", { team: d.teamNavn })}</Paragraph>
      <FeilOppsummering
        feil={
          actionData?.feil
            ? Object.fromEntries(Object.entries(actionData.feil).map(([k, v]) => [k === "tekst" ? `gruppenotat-${d.aktivitetId}` : "_skjema", v]))
            : undefined
        }
      />
      {konflikt ? (
        <GruppenotatKonflikt aktivitetId={d.aktivitetId} lagret={konflikt} min={actionData.min} til={d.til} gruppe={gruppe} />
      ) : actionData ? (
        <Form method="post" className="skjema notat" noValidate>
          <input type="hidden" name="versjon" value={actionData.versjon} />
          <input type="hidden" name="til" value={d.til} />
          {gruppe ? <input type="hidden" name="gruppe" value={gruppe} /> : null}
          <TekstOmraade id={skjemaId} navn="tekst" etikett={t("notat.gruppenotat")} standard={actionData.min} feil={actionData.feil?.tekst} rader={8} />
          <Button type="submit" variant="secondary" data-size="sm">
            {t("notat.lagreGruppenotat")}
          </Button>
        </Form>
      ) : (
        <GruppenotatSkjema barnehageId={d.barnehageId} samlingId={d.samlingId} aktivitetId={d.aktivitetId} tekst={d.notat.tekst} versjon={d.notat.versjon} til={d.til} gruppe={d.gruppe} />
      )}
    </div>
  );
}
