import { Form, Link, data, redirect } from "react-router";
import { Button, Heading, Paragraph, Tag } from "@digdir/designsystemet-react";
import type { Route } from "./+types/oppforing";
import type { SideHandle } from "#app/root.tsx";
import { maalformKontekst } from "#app/kontekst.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { lesSkjema } from "#app/components/skjema.ts";
import { ObsFeilOppsummering } from "#app/components/observasjon-felt.tsx";
import { OppforingSkjema, OppforingTekst } from "#app/components/repertoar.tsx";
import { useMaalform, useT } from "#app/components/use-t.ts";
import { formaterDato, formaterKlokke } from "#app/i18n/i18n.ts";
import { oppforingSkjema } from "#app/domain/repertoar/repertoar.schema.ts";
import { endre, oppforingen, slett, vedta } from "#app/domain/repertoar/repertoar.server.ts";
import { barnehageFraKontekst } from "../barnehage.server.ts";
import { feilTekster, navneFeil } from "./feil.server.ts";

export const handle: SideHandle = { utenJs: true };

export function meta() {
  return [{ title: "Oppføring – Vårt handlingsrepertoar – Samla" }];
}

/** One entry: the text, who proposed it, its history; a leder agrees, edits and deletes it here. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  const sp = context.get(maalformKontekst);
  const s = await oppforingen(aktor, medlemskap, params.oppforingId, tjenester());
  const tid = Number(new URL(request.url).searchParams.get("lagret"));
  return {
    barnehageId: medlemskap.barnehageId,
    oppforing: s.oppforing,
    historikk: s.historikk,
    kanVedta: s.kanVedta,
    kanEndre: s.kanEndre,
    lagretKl: Number.isFinite(tid) && tid > 0 ? formaterKlokke(new Date(tid), sp) : null,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  const sp = context.get(maalformKontekst);
  const dep = tjenester();
  // Access first: another barnehage's entry is «not found», never a form error.
  await oppforingen(aktor, medlemskap, params.oppforingId, dep);
  const skjema = await lesSkjema(request, oppforingSkjema);
  if (!skjema.ok) return data({ feil: feilTekster(sp, skjema.feil), verdier: skjema.verdier, konflikt: false }, { status: 400 });
  const tilbake = `/barnehage/${medlemskap.barnehageId}/repertoar`;
  if (skjema.data.intent === "slett") {
    await slett(aktor, medlemskap, params.oppforingId, dep);
    return redirect(tilbake);
  }
  const svar =
    skjema.data.intent === "vedta"
      ? await vedta(aktor, medlemskap, params.oppforingId, skjema.data.versjon, dep)
      : await endre(aktor, medlemskap, params.oppforingId, skjema.data.versjon, skjema.data, dep);
  if (svar.ok) return redirect(`${tilbake}/${params.oppforingId}?lagret=${Date.now()}`);
  const verdier = skjema.data as unknown as Record<string, string>;
  if (svar.konflikt) return data({ feil: {}, verdier, konflikt: true }, { status: 409 });
  return data({ feil: navneFeil(sp, svar.felt, svar.navn), verdier, konflikt: false }, { status: 400 });
}

export default function Oppforing({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const sp = useMaalform();
  const o = d.oppforing;
  const navn = (n: string | null) => n ?? t("repertoar.tidligereMedlem");
  return (
    <div className="smal repertoar">
      <Paragraph data-size="sm">
        <Link to={`/barnehage/${d.barnehageId}/repertoar`}>{t("repertoar.tilRepertoaret")}</Link>
      </Paragraph>
      <Heading level={1} data-size="lg">
        {t(`repertoar.nivaOverskrift.${o.niva}`)}
      </Heading>
      <Tag data-color={o.status === "vedtatt" ? "success" : "neutral"} data-size="sm" data-status={o.status}>
        {t(`repertoar.status.${o.status}`)}
      </Tag>
      {d.lagretKl && !actionData ? (
        <p role="status" className="lagret" data-lagret>
          {t("repertoar.lagretKl", { klokka: d.lagretKl })}
        </p>
      ) : null}
      <ObsFeilOppsummering tittel={t("konto.feil.oppsummering")} feil={actionData?.feil} />
      {actionData?.konflikt ? <Paragraph role="alert">{t("repertoar.konflikt")}</Paragraph> : null}
      <OppforingTekst o={o} />
      <p className="repertoar__meta">
        {t("repertoar.foreslattAv", { navn: navn(o.foreslattAvNavn), dato: formaterDato(o.opprettet, sp) })} ·{" "}
        {t("repertoar.sistEndretAv", { dato: formaterDato(o.endret, sp), navn: navn(o.endretAvNavn) })}
      </p>

      {d.kanVedta && o.status === "foreslatt" ? (
        <Form method="post" className="skjema">
          <input type="hidden" name="versjon" value={o.versjon} />
          <Paragraph data-size="sm">{t("repertoar.vedtaForklaring")}</Paragraph>
          <Button type="submit" name="intent" value="vedta">
            {t("repertoar.vedta")}
          </Button>
        </Form>
      ) : null}

      {d.kanEndre ? (
        <section aria-labelledby="endre">
          <Heading level={2} data-size="sm" id="endre">
            {t("repertoar.endreTittel")}
          </Heading>
          <OppforingSkjema
            key={o.versjon}
            verdier={actionData?.verdier ?? o}
            feil={actionData?.feil}
            knapp={t("repertoar.lagre")}
            intent="endre"
            skjulte={{ versjon: o.versjon }}
          />
        </section>
      ) : null}

      <section aria-labelledby="historikk">
        <Heading level={2} data-size="sm" id="historikk">
          {t("repertoar.historikk")}
        </Heading>
        <ul className="historikk">
          {d.historikk.map((h) => (
            <li key={h.id} data-hendelse={h.hendelse}>
              {t(`repertoar.hendelse.${h.hendelse}`, { dato: formaterDato(h.tidspunkt, sp), klokka: formaterKlokke(h.tidspunkt, sp), navn: navn(h.brukerNavn) })}
              {h.endringer.length ? (
                <ul>
                  {h.endringer.map((e) => (
                    <li key={e.felt}>
                      {t("repertoar.endringFelt", {
                        felt: e.felt === "niva" ? t("repertoar.niva") : t(`repertoar.${e.felt}`),
                        for: e.felt === "niva" ? t(`repertoar.niva.${e.for as "barn"}`) : e.for,
                        etter: e.felt === "niva" ? t(`repertoar.niva.${e.etter as "barn"}`) : e.etter,
                      })}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      {d.kanVedta ? (
        <Form method="post">
          <Button type="submit" name="intent" value="slett" variant="tertiary" data-color="danger">
            {t("repertoar.slett")}
          </Button>
        </Form>
      ) : null}
    </div>
  );
}
