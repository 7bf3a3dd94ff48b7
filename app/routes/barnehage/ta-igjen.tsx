import { Form, Link, data, redirect } from "react-router";
import { Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/ta-igjen";
import type { SideHandle } from "#app/root.tsx";
import { ikkeFunnet } from "#app/auth/tilgang.ts";
import { maalformKontekst } from "#app/kontekst.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { lesSkjema } from "#app/components/skjema.ts";
import { FeilOppsummering } from "#app/components/felt.tsx";
import { TekstOmraade } from "#app/components/notat.tsx";
import { Gruppekolonner } from "#app/components/gruppekolonner.tsx";
import { useMaalform, useT } from "#app/components/use-t.ts";
import { formaterDato } from "#app/i18n/i18n.ts";
import { taIgjenSkjema } from "#app/domain/notat/notat.schema.ts";
import { lagreMinRefleksjon, loggUtproving, markerTattIgjen, taIgjen } from "#app/domain/notat/notat.server.ts";
import { barnehageFraKontekst } from "./barnehage.server.ts";
import { Lagret, medLagret } from "#app/components/lagret.tsx";

export const handle: SideHandle = { utenJs: true };

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData ? `${loaderData.modulTittel} – ta igjen – Samla` : "Samla" }];
}

/**
 * Catch-up after a held samling: the group notes and the activities' questions, my own private
 * reflection per activity, my log of each practice task, and «I have caught up».
 */
export async function loader({ params, context }: Route.LoaderArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  const maalform = context.get(maalformKontekst);
  const s = await taIgjen(aktor, medlemskap, params.samlingId, tjenester());
  // The whole team's note, and each group's own note (ADR 0027).
  const notater = new Map(s.gruppenotater.filter((n) => n.gruppe === 0).map((n) => [n.aktivitetId, n.tekst]));
  const grupper = (id: string) => s.gruppenotater.filter((n) => n.aktivitetId === id && n.gruppe > 0 && n.tekst).map((n) => ({ gruppe: n.gruppe, tekst: n.tekst }));
  const mine = new Map(s.mineRefleksjoner.map((r) => [r.aktivitetId, r.tekst]));
  return {
    barnehageId: medlemskap.barnehageId,
    teamId: s.team.id,
    teamNavn: s.team.navn,
    modulTittel: s.modul.tekst[maalform].meta.tittel,
    modulSlug: s.modul.slug,
    dato: s.samling.starter.slice(0, 10),
    varDer: s.varDer,
    tattIgjen: s.tattIgjen,
    aktiviteter: s.modul.tekst[maalform].aktiviteter.map((a) => ({ id: a.id, tittel: a.tittel, html: a.html, notat: notater.get(a.id) ?? null, grupper: grupper(a.id), min: mine.get(a.id) ?? "" })),
    utprovinger: s.utprovinger,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  const dep = tjenester();
  const s = await taIgjen(aktor, medlemskap, params.samlingId, dep);
  const skjema = await lesSkjema(request, taIgjenSkjema);
  if (!skjema.ok) return data({ feil: skjema.feil, verdier: skjema.verdier }, { status: 400 });
  const sti = `/barnehage/${medlemskap.barnehageId}/samling/${params.samlingId}/ta-igjen`;
  switch (skjema.data.intent) {
    case "lagre-refleksjon":
      await lagreMinRefleksjon(aktor, s.modul, skjema.data.aktivitetId, skjema.data.tekst, dep);
      return redirect(medLagret(`${sti}#${skjema.data.aktivitetId}`, `refleksjon-${skjema.data.aktivitetId}`));
    case "logg-utproving":
      await loggUtproving(aktor, medlemskap, params.samlingId, skjema.data.utprovingId, skjema.data.tekst, dep);
      return redirect(medLagret(`${sti}#utproving-${skjema.data.utprovingId}`, `logg-${skjema.data.utprovingId}`));
    case "tatt-igjen":
      await markerTattIgjen(aktor, medlemskap, params.samlingId, dep);
      return redirect(medLagret(`${sti}#tatt-igjen`, "tatt-igjen"));
    default:
      throw ikkeFunnet();
  }
}

export default function TaIgjen({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const maalform = useMaalform();
  const feil = actionData?.feil;
  const v = actionData?.verdier;
  const feilFelt = feil?.tekst && v?.aktivitetId ? `refleksjon-${v.aktivitetId}` : feil?.tekst && v?.utprovingId ? `logg-${v.utprovingId}` : undefined;
  return (
    <div className="smal">
      <Paragraph data-size="sm">
        <Link to={`/barnehage/${d.barnehageId}/team/${d.teamId}/moduler/${d.modulSlug}`}>{t("notat.tilModulen", { tittel: d.modulTittel })}</Link>
      </Paragraph>
      <Heading level={1} data-size="lg">
        {t("notat.taIgjenTittel", { tittel: d.modulTittel })}
      </Heading>
      <Paragraph>{t("notat.taIgjenIngress", { team: d.teamNavn, dato: formaterDato(d.dato, maalform) })}</Paragraph>
      {d.varDer ? <Paragraph className="ramme">{t("notat.duVarDer")}</Paragraph> : null}
      {d.tattIgjen ? (
        <div className="ramme" id="tatt-igjen">
          <Paragraph>{t("notat.duHarTattIgjen")}</Paragraph>
          <Lagret nokkel="tatt-igjen" />
        </div>
      ) : null}
      <FeilOppsummering feil={feilFelt ? { [feilFelt]: feil!.tekst } : feil} />
      <Heading level={2} data-size="md">
        {t("notat.sporsmalOgNotater")}
      </Heading>
      {d.aktiviteter.map((a) => (
        <section key={a.id} id={a.id} aria-labelledby={`tittel-${a.id}`} className="aktivitet">
          <Heading level={3} data-size="xs" id={`tittel-${a.id}`}>
            {a.tittel}
          </Heading>
          <div className="prosa" dangerouslySetInnerHTML={{ __html: a.html }} />
          <Heading level={4} data-size="2xs">
            {t("notat.gruppenotat")}
          </Heading>
          <div className="konflikt__tekst">{a.notat || (a.grupper.length ? t("notat.tomtNotat") : t("notat.ingenNotat"))}</div>
          {a.grupper.length ? <Gruppekolonner kolonner={a.grupper.map((g) => ({ ...g, navn: t("gruppe.navn", { nummer: g.gruppe }), fremhevet: false }))} nivaa={5} /> : null}
          <Form method="post" className="skjema" noValidate>
            <input type="hidden" name="intent" value="lagre-refleksjon" />
            <input type="hidden" name="aktivitetId" value={a.id} />
            <TekstOmraade
              id={`felt-refleksjon-${a.id}`}
              navn="tekst"
              etikett={t("notat.minRefleksjonEtikett", { tittel: a.tittel })}
              beskrivelse={t("notat.bareDuSer")}
              standard={v?.aktivitetId === a.id ? v.tekst : a.min}
            />
            <Button type="submit" variant="secondary" data-size="sm">
              {t("notat.lagreRefleksjon")}
            </Button>
            <Lagret nokkel={`refleksjon-${a.id}`} />
          </Form>
        </section>
      ))}
      <Heading level={2} data-size="md">
        {t("notat.utprovinger")}
      </Heading>
      {d.utprovinger.length === 0 ? <Paragraph>{t("notat.ingenUtprovinger")}</Paragraph> : null}
      {d.utprovinger.map((u) => (
        <section key={u.id} id={`utproving-${u.id}`} aria-labelledby={`u-${u.id}`} className="ramme">
          <Heading level={3} data-size="xs" id={`u-${u.id}`}>
            {u.hva}
          </Heading>
          <Paragraph data-size="sm">{t("notat.hvemFrist", { person: u.hvem, frist: formaterDato(u.frist, maalform) })}</Paragraph>
          <Form method="post" className="skjema" noValidate>
            <input type="hidden" name="intent" value="logg-utproving" />
            <input type="hidden" name="utprovingId" value={u.id} />
            <TekstOmraade
              id={`felt-logg-${u.id}`}
              navn="tekst"
              etikett={t("notat.minLogg", { oppgave: u.hva })}
              beskrivelse={t("notat.loggDeles")}
              standard={v?.utprovingId === u.id ? v.tekst : (u.minLogg ?? "")}
              feil={v?.utprovingId === u.id ? feil?.tekst : undefined}
            />
            <Button type="submit" variant="secondary" data-size="sm">
              {t("notat.lagreLogg")}
            </Button>
            <Lagret nokkel={`logg-${u.id}`} />
          </Form>
        </section>
      ))}
      {!d.varDer && !d.tattIgjen ? (
        <Form method="post" className="skjema">
          <input type="hidden" name="intent" value="tatt-igjen" />
          <Paragraph>{t("notat.tattIgjenForklaring")}</Paragraph>
          <Button type="submit">{t("notat.jegHarTattIgjen")}</Button>
        </Form>
      ) : null}
    </div>
  );
}
