import { Form, Link, data, redirect } from "react-router";
import { Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/periode";
import type { SideHandle } from "#app/root.tsx";
import { maalformKontekst } from "#app/kontekst.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { lesSkjema } from "#app/components/skjema.ts";
import { FeilOppsummering } from "#app/components/felt.tsx";
import { useMaalform, useT } from "#app/components/use-t.ts";
import { formaterDato, formaterKlokke } from "#app/i18n/i18n.ts";
import { observasjonHandlingSkjema } from "#app/domain/observasjon/observasjon.schema.ts";
import { maler } from "#app/domain/observasjon/maler.server.ts";
import { FILM_MAL } from "#app/domain/observasjon/maler.schema.ts";
import { endreDeling, periodeSide, slettPerioden } from "#app/domain/observasjon/observasjon.server.ts";
import { barnehageFraKontekst } from "../barnehage.server.ts";
import { filmEtterId } from "./film.server.ts";

export const handle: SideHandle = { utenJs: true };

export function meta() {
  return [{ title: "Praksisperiode – Observasjon – Samla" }];
}

/**
 * One practice period: my own observations (private until I share them), the templates to start a
 * new one, the case film for calibration, and what others in the team have shared.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  const sp = context.get(maalformKontekst);
  const s = await periodeSide(aktor, medlemskap, params.periodeId, tjenester());
  const m = await maler();
  const malTittel = (id: string) => (id === FILM_MAL ? null : (m.maler.find((x) => x.id === id)?.tittel[sp] ?? id));
  const kategorier = m.kategorier.map((k) => ({ id: k.id, tittel: k.tittel[sp] }));
  const tid = Number(new URL(request.url).searchParams.get("lagret"));
  return {
    barnehageId: medlemskap.barnehageId,
    periode: s.periode,
    team: { id: s.team.id, navn: s.team.navn },
    iTeamet: s.iTeamet,
    kanPlanlegge: s.kanPlanlegge,
    film: filmEtterId(m.kalibrering.film)?.manus.tittel[sp] ?? "",
    delteFilm: s.delteFilm,
    minFilm: s.mine.find((o) => o.art === "film")?.id ?? null,
    maler: m.maler.map((x) => ({ id: x.id, tittel: x.tittel[sp], sporsmal: x.sporsmal[sp] })),
    kategorier,
    mine: s.mine.map((o) => ({ id: o.id, art: o.art, mal: malTittel(o.malId), naar: o.naar, sted: o.sted, delt: o.delt })),
    delte: s.delte
      .filter((o) => o.art === "praksis")
      .map((o) => ({ id: o.id, forfatter: o.forfatterNavn, mal: malTittel(o.malId), naar: o.naar, sted: o.sted, situasjon: o.situasjon, kategorier: o.kategorier })),
    lagretKl: Number.isFinite(tid) && tid > 0 ? formaterKlokke(new Date(tid), sp) : null,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  const dep = tjenester();
  // Access first: a period the actor cannot see is «not found», never a form error.
  await periodeSide(aktor, medlemskap, params.periodeId, dep);
  const skjema = await lesSkjema(request, observasjonHandlingSkjema);
  if (!skjema.ok) return data({ feil: skjema.feil }, { status: 400 });
  if (skjema.data.intent === "slett-periode") {
    const teamId = await slettPerioden(aktor, medlemskap, params.periodeId, dep);
    return redirect(`/barnehage/${medlemskap.barnehageId}/team/${teamId}/observasjon`);
  }
  await endreDeling(aktor, medlemskap, params.periodeId, skjema.data.id, skjema.data.intent, dep);
  return redirect(`/barnehage/${medlemskap.barnehageId}/observasjon/${params.periodeId}?lagret=${Date.now()}#mine`);
}

export default function Periode({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const sp = useMaalform();
  const base = `/barnehage/${d.barnehageId}/observasjon/${d.periode.id}`;
  return (
    <div className="lesebredde">
      <Paragraph data-size="sm">
        <Link to={`/barnehage/${d.barnehageId}/team/${d.team.id}/observasjon`}>{t("observasjon.tilPerioder")}</Link>
      </Paragraph>
      <Heading level={1} data-size="lg">
        {t("observasjon.periodeTittel", { fra: formaterDato(d.periode.fra, sp), til: formaterDato(d.periode.til, sp) })}
      </Heading>
      <Paragraph>{d.team.navn}</Paragraph>
      <p className="observasjon-regel">{t("observasjon.kodeRegel")}</p>
      <Paragraph data-size="sm" data-lagringstid>
        {t("observasjon.periodeSlettes", { dato: formaterDato(d.periode.slettes, sp) })}
      </Paragraph>
      <FeilOppsummering feil={actionData?.feil} />
      {d.lagretKl ? (
        <p role="status" className="lagret" data-lagret>
          {t("observasjon.lagretKl", { klokka: d.lagretKl })}
        </p>
      ) : null}

      <section aria-labelledby="kalibrering">
        <Heading level={2} data-size="md" id="kalibrering">
          {t("observasjon.kalibrering")}
        </Heading>
        <Paragraph>{t("observasjon.kalibreringIngress", { film: d.film })}</Paragraph>
        <ul className="lenkerad">
          {d.iTeamet ? (
            <li>
              <Link to={d.minFilm ? `${base}/skriv?id=${d.minFilm}` : `${base}/skriv?mal=film`}>{d.minFilm ? t("observasjon.endreFilmobservasjon") : t("observasjon.observerFilmen")}</Link>
            </li>
          ) : null}
          <li>
            <Link to={`${base}/kalibrering`}>{t("observasjon.sammenlign", { antall: d.delteFilm })}</Link>
          </li>
        </ul>
      </section>

      {d.iTeamet ? (
        <section aria-labelledby="ny">
          <Heading level={2} data-size="md" id="ny">
            {t("observasjon.nyObservasjon")}
          </Heading>
          <Paragraph>{t("observasjon.velgMal")}</Paragraph>
          <ul className="lenkerad">
            {d.maler.map((m) => (
              <li key={m.id}>
                <Link to={`${base}/skriv?mal=${m.id}`}>{m.tittel}</Link>
                <div className="observasjon__status">{m.sporsmal}</div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {d.iTeamet ? (
        <section aria-labelledby="mine">
          <Heading level={2} data-size="md" id="mine">
            {t("observasjon.mine")}
          </Heading>
          {d.mine.length === 0 ? (
            <Paragraph>{t("observasjon.ingenMine")}</Paragraph>
          ) : (
            <ul className="observasjonsliste">
              {d.mine.map((o) => (
                <li key={o.id} data-observasjon={o.art}>
                  <Heading level={3} data-size="2xs">
                    {o.mal ?? t("observasjon.filmMal")}
                    {o.naar || o.sted ? ` · ${[o.naar, o.sted].filter(Boolean).join(", ")}` : ""}
                  </Heading>
                  <div className="observasjon__status">{o.delt ? t("observasjon.deltDato", { dato: formaterDato(o.delt, sp) }) : t("observasjon.privat")}</div>
                  <div className="knapperad">
                    <Link to={`${base}/skriv?id=${o.id}`}>{t("observasjon.endre")}</Link>
                    <Form method="post" className="inline">
                      <input type="hidden" name="id" value={o.id} />
                      <Button type="submit" name="intent" value={o.delt ? "slutt-dele" : "del"} variant="secondary" data-size="sm">
                        {o.delt ? t("observasjon.sluttDele") : t("observasjon.del")}
                      </Button>
                    </Form>
                    <Form method="post" className="inline">
                      <input type="hidden" name="id" value={o.id} />
                      <Button type="submit" name="intent" value="slett" variant="tertiary" data-size="sm">
                        {t("observasjon.slett")}
                      </Button>
                    </Form>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      <section aria-labelledby="delte">
        <Heading level={2} data-size="md" id="delte">
          {t("observasjon.deltAvTeamet")}
        </Heading>
        {d.delte.length === 0 ? (
          <Paragraph>{t("observasjon.ingenDelte")}</Paragraph>
        ) : (
          <ul className="observasjonsliste">
            {d.delte.map((o) => (
              <li key={o.id}>
                <Heading level={3} data-size="2xs">
                  {o.forfatter}: {o.mal} · {[o.naar, o.sted].filter(Boolean).join(", ")}
                </Heading>
                <p className="observasjon__tekst">{o.situasjon}</p>
                <dl className="observasjon">
                  {d.kategorier
                    .filter((k) => o.kategorier[k.id])
                    .map((k) => (
                      <div key={k.id}>
                        <dt>{k.tittel}</dt>
                        <dd>{o.kategorier[k.id]}</dd>
                      </div>
                    ))}
                </dl>
              </li>
            ))}
          </ul>
        )}
      </section>

      {d.kanPlanlegge ? (
        <section aria-labelledby="slett-periode">
          <Heading level={2} data-size="sm" id="slett-periode">
            {t("observasjon.slettPeriode")}
          </Heading>
          <Paragraph data-size="sm">{t("observasjon.slettPeriodeForklaring")}</Paragraph>
          <Form method="post">
            <Button type="submit" name="intent" value="slett-periode" variant="secondary" data-color="danger">
              {t("observasjon.slettPeriode")}
            </Button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
