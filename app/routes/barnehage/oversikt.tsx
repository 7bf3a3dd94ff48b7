import { Form, Link, data, redirect } from "react-router";
import { Button, Heading, Label, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/oversikt";
import { kan, krev } from "#app/auth/tilgang.ts";
import { ROLLER } from "#app/auth/roller.ts";
import { maalformKontekst } from "#app/kontekst.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { lesSkjema } from "#app/components/skjema.ts";
import { FeilOppsummering } from "#app/components/felt.tsx";
import { useT } from "#app/components/use-t.ts";
import { medlemSkjema } from "#app/domain/barnehage/barnehage.schema.ts";
import { endreRolle, fjernMedlem, gaaNed, medlemsliste } from "#app/domain/barnehage/barnehage.server.ts";
import { hentBarnehage } from "#app/domain/barnehage/barnehage.repo.server.ts";
import { barnehageFraKontekst } from "./barnehage.server.ts";
import { Lagret, medLagret } from "#app/components/lagret.tsx";
import { NesteStegListe } from "#app/components/neste-steg.tsx";
import { nesteIBarnehagen } from "#app/domain/neste/neste.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: `${loaderData?.navn ?? "Barnehage"} – Samla` }];
}

/** The barnehage's page for its members: name and member list; the styrer manages roles here. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  const { db, innhold } = tjenester();
  const maalform = context.get(maalformKontekst);
  const [barnehage, medlemmer] = await Promise.all([hentBarnehage(db, medlemskap.barnehageId), medlemsliste(aktor, medlemskap, { db })]);
  const kanEndre = kan(aktor, "endre:medlemmer", medlemskap);
  // Removing someone takes two steps (works without JavaScript): ?fjern=<id> asks first.
  const fjern = new URL(request.url).searchParams.get("fjern");
  const skalFjernes = kanEndre ? medlemmer.find((m) => m.brukerId === fjern && m.brukerId !== aktor.id && m.rolle !== "styrer") : undefined;
  return {
    id: medlemskap.barnehageId,
    // The overview leads with what is next for me here (issue 15, point 3).
    neste: await nesteIBarnehagen(aktor, medlemskap, { db, innhold }),
    modulNavn: innhold.moduler.map((m) => ({ id: m.id, slug: m.slug, nummer: m.nummer, tittel: m.tekst[maalform].meta.tittel })),
    bekreftFjern: skalFjernes ? { brukerId: skalFjernes.brukerId, navn: skalFjernes.navn } : null,
    navn: medlemskap.barnehageNavn,
    orgnummer: barnehage?.orgnummer ?? null,
    rolle: medlemskap.rolle,
    meg: aktor.id,
    kanEndre,
    // Handing over (a styrer steps down to leder) needs another styrer first.
    andreStyrere: kanEndre ? medlemmer.filter((m) => m.rolle === "styrer" && m.brukerId !== aktor.id).length : 0,
    kanInvitere: kan(aktor, "inviter", medlemskap),
    kanLeseHendelser: kan(aktor, "les:revisjonslogg", medlemskap),
    kanEndreInnstillinger: kan(aktor, "endre:barnehage", medlemskap),
    kanSeFremdrift: kan(aktor, "se:fremdrift", medlemskap),
    // Other members' ids reach the page only where the styrer needs them for a form.
    medlemmer: medlemmer.map((m) => {
      const kanEndres = kanEndre && m.brukerId !== aktor.id && m.rolle !== "styrer";
      return { navn: m.navn, rolle: m.rolle, kanEndres, brukerId: kanEndres ? m.brukerId : null };
    }),
    lederstotte: kan(aktor, "les:lederstotte", medlemskap)
      ? innhold.moduler.map((m) => ({ slug: m.slug, nummer: m.nummer, tittel: m.tekst[maalform].meta.tittel }))
      : [],
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  krev(aktor, "endre:medlemmer", medlemskap);
  const skjema = await lesSkjema(request, medlemSkjema);
  if (!skjema.ok) return data({ feil: skjema.feil }, { status: 400 });
  const { db } = tjenester();
  const svar =
    skjema.data.intent === "endre-rolle"
      ? await endreRolle(aktor, medlemskap, skjema.data.brukerId, skjema.data.rolle, { db })
      : skjema.data.intent === "gaa-ned"
        ? await gaaNed(aktor, medlemskap, { db })
        : await fjernMedlem(aktor, medlemskap, skjema.data.brukerId, { db });
  if (!svar.ok) return data({ feil: { _skjema: svar.feil } }, { status: 400 });
  return redirect(medLagret(`/barnehage/${medlemskap.barnehageId}#medlemmer`, "medlemmer"));
}

export default function Oversikt({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  return (
    <div className="smal">
      <Heading level={1} data-size="lg">
        {d.navn}
      </Heading>
      <Paragraph>{t("barnehage.dinRolle", { rolle: t(`rolle.${d.rolle}`) })}</Paragraph>
      <NesteStegListe steg={d.neste} moduler={d.modulNavn} />
      <nav aria-labelledby="alt-i-barnehagen" className="blokk">
        <Heading level={2} data-size="sm" id="alt-i-barnehagen">
          {t("neste.barnehageMer")}
        </Heading>
        <ul className="snarveier">
          <li>
            <Link to={`/barnehage/${d.id}/team`}>{t("team.lenke")}</Link>
          </li>
          <li>
            <Link to={`/barnehage/${d.id}/stasted`}>{t("stasted.lenke")}</Link>
          </li>
          {d.kanSeFremdrift ? (
            <li>
              <Link to={`/barnehage/${d.id}/fremdrift`}>{t("notat.fremdriftLenke")}</Link>
            </li>
          ) : null}
          <li>
            <Link to={`/barnehage/${d.id}/tilbakemelding`}>{t("tilbakemelding.lenke")}</Link>
          </li>
          <li>
            <Link to={`/barnehage/${d.id}/planovelse`}>{t("planovelse.tittel")}</Link>
          </li>
          <li>
            <Link to={`/barnehage/${d.id}/rutine`}>{t("rutine.tittel")}</Link>
          </li>
          <li>
            <Link to={`/barnehage/${d.id}/repertoar`}>{t("repertoar.lenkeFraModul")}</Link>
          </li>
          {d.kanInvitere ? (
            <li>
              <Link to={`/barnehage/${d.id}/invitasjoner`}>{t("barnehage.inviter")}</Link>
            </li>
          ) : null}
          {d.kanEndreInnstillinger ? (
            <li>
              <Link to={`/barnehage/${d.id}/innstillinger`}>{t("innstillinger.lenke")}</Link>
            </li>
          ) : null}
          {d.kanLeseHendelser ? (
            <li>
              <Link to={`/barnehage/${d.id}/hendelser`}>{t("hendelser.lenke")}</Link>
            </li>
          ) : null}
        </ul>
        {d.orgnummer ? <Paragraph data-size="sm">{t("barnehage.orgnummerVis", { orgnummer: d.orgnummer })}</Paragraph> : null}
      </nav>
      <FeilOppsummering feil={actionData?.feil} />
      {d.bekreftFjern ? (
        <section id="bekreft" className="ramme" aria-labelledby="bekreft-tittel" tabIndex={-1}>
          <Heading level={2} data-size="sm" id="bekreft-tittel">
            {t("barnehage.fjernSporsmal", { navn: d.bekreftFjern.navn })}
          </Heading>
          <Form method="post" action={`/barnehage/${d.id}?index`} className="medlem__handlinger">
            <input type="hidden" name="intent" value="fjern" />
            <input type="hidden" name="brukerId" value={d.bekreftFjern.brukerId} />
            <Button type="submit" data-color="danger">
              {t("barnehage.fjernJa", { navn: d.bekreftFjern.navn })}
            </Button>
            <Link to={`/barnehage/${d.id}`}>{t("barnehage.avbryt")}</Link>
          </Form>
        </section>
      ) : null}
      <Heading level={2} data-size="sm" id="medlemmer">
        {t("barnehage.medlemmer")}
      </Heading>
      {d.kanEndre ? <Paragraph data-size="sm">{t("barnehage.styrerRolleHjelp")}</Paragraph> : null}
      <ul className="medlemsliste">
        {d.medlemmer.map((m, i) => (
          <li key={m.brukerId ?? i} className="medlem">
            <span className="medlem__navn">{m.navn}</span> <span className="dempet">{t(`rolle.${m.rolle}`)}</span>
            {m.kanEndres && m.brukerId ? (
              <div className="medlem__handlinger">
                <Form method="post" className="medlem__rolle">
                  <input type="hidden" name="intent" value="endre-rolle" />
                  <input type="hidden" name="brukerId" value={m.brukerId} />
                  <Label htmlFor={`rolle-${m.brukerId}`}>{t("barnehage.rolleFor", { navn: m.navn })}</Label>
                  <select id={`rolle-${m.brukerId}`} name="rolle" defaultValue={m.rolle} className="ds-input">
                    {ROLLER.map((r) => (
                      <option key={r} value={r}>
                        {t(`rolle.${r}`)}
                      </option>
                    ))}
                  </select>
                  <Button type="submit" data-size="sm" variant="secondary">
                    {t("barnehage.lagreRolle")}
                  </Button>
                </Form>
                <Link to={`?fjern=${encodeURIComponent(m.brukerId)}#bekreft`} className="ds-button" data-variant="tertiary" data-size="sm">
                  {t("barnehage.fjern")}
                </Link>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      <Lagret nokkel="medlemmer" />
      {d.kanEndre ? (
        <section aria-labelledby="gaa-ned" className="ramme">
          <Heading level={2} data-size="sm" id="gaa-ned">
            {t("barnehage.gaaNedTittel")}
          </Heading>
          {d.andreStyrere > 0 ? (
            <Form method="post" action={`/barnehage/${d.id}?index`}>
              <Paragraph>{t("barnehage.gaaNedForklaring")}</Paragraph>
              <input type="hidden" name="intent" value="gaa-ned" />
              <Button type="submit" variant="secondary">
                {t("barnehage.gaaNedKnapp")}
              </Button>
            </Form>
          ) : (
            <Paragraph>{t("barnehage.gaaNedEneste")}</Paragraph>
          )}
        </section>
      ) : null}
      {d.lederstotte.length ? (
        <>
          <Heading level={2} data-size="sm">
            {t("barnehage.lederstotte")}
          </Heading>
          <Paragraph>{t("barnehage.lederstotteIngress")}</Paragraph>
          <ul>
            {d.lederstotte.map((m) => (
              <li key={m.slug}>
                <Link to={`/barnehage/${d.id}/moduler/${m.slug}/lederstotte`}>
                  {t("pakke.modul", { nummer: m.nummer })}: {m.tittel}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
