import { Form, data, redirect } from "react-router";
import { Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/invitasjoner";
import { krev } from "#app/auth/tilgang.ts";
import { TILDELBARE_ROLLER } from "#app/auth/roller.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { lesSkjema } from "#app/components/skjema.ts";
import { FeilOppsummering, TekstFelt } from "#app/components/felt.tsx";
import { useMaalform, useT } from "#app/components/use-t.ts";
import { invitasjonSkjema } from "#app/domain/barnehage/barnehage.schema.ts";
import { invitasjoner, lagInvitasjon, trekkTilbakeInvitasjon } from "#app/domain/barnehage/invitasjon.server.ts";
import { qrSvg } from "#app/domain/barnehage/qr.server.ts";
import { intlSprak, oversetter, datoFormat } from "#app/i18n/i18n.ts";
import { maalformKontekst } from "#app/kontekst.ts";
import { lagEpostInnhold } from "#app/epost/maler.ts";
import { logg } from "#app/logg.server.ts";
import { barnehageFraKontekst } from "./barnehage.server.ts";
import { BarnehageSideTopp } from "#app/components/barnehage-topp.tsx";

export function meta() {
  return [{ title: "Inviter kolleger – Samla" }];
}

/** The styrer's invitations: create one (link + code, shown once), see them, revoke. */
export async function loader({ context }: Route.LoaderArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  return { id: medlemskap.barnehageId, navn: medlemskap.barnehageNavn, invitasjoner: await invitasjoner(aktor, medlemskap, tjenester()) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  krev(aktor, "inviter", medlemskap);
  const skjema = await lesSkjema(request, invitasjonSkjema);
  if (!skjema.ok) return data({ feil: skjema.feil, ny: null }, { status: 400 });
  if (skjema.data.intent === "trekk-tilbake") {
    await trekkTilbakeInvitasjon(aktor, medlemskap, skjema.data.id, tjenester());
    return redirect(`/barnehage/${medlemskap.barnehageId}/invitasjoner`);
  }
  const { kode, utloper } = await lagInvitasjon(aktor, medlemskap, skjema.data.rolle, tjenester());
  const lenke = new URL(`/bli-med?kode=${kode}`, tjenester().env.BASE_URL).toString();
  // The QR code is drawn here on the server: no JavaScript on the page, and it prints.
  const maalform = context.get(maalformKontekst);
  const qr = await qrSvg(lenke, oversetter(maalform)("invitasjon.qrEtikett"));
  // Optional e-mail, in the styrer's målform; the address is used for this mail and not stored.
  let sendt: { til: string; ok: boolean } | null = null;
  if (skjema.data.epost) {
    const innhold = lagEpostInnhold("invitasjon", maalform, { navn: "", lenke, verdier: { barnehage: medlemskap.barnehageNavn, kode } });
    try {
      await tjenester().epost.send({ til: skjema.data.epost, ...innhold });
      sendt = { til: skjema.data.epost, ok: true };
    } catch (feil) {
      logg.error("epost_feilet", { type: "invitasjon", feil: (feil as { name?: string })?.name });
      sendt = { til: skjema.data.epost, ok: false };
    }
  }
  return { feil: undefined, ny: { kode, lenke, qr, utloper, rolle: skjema.data.rolle, sendt } };
}

function dato(iso: string, maalform: "nb" | "nn") {
  return datoFormat(intlSprak(maalform), { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Oslo" }).format(new Date(iso));
}

export default function Invitasjoner({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const maalform = useMaalform();
  const ny = actionData?.ny;
  return (
    <div className="smal">
      <BarnehageSideTopp barnehageId={d.id} tittel={t("invitasjon.tittel")} ingress={t("invitasjon.ingress")} />
      {ny ? (
        <section className="ramme invitasjon-klar" aria-labelledby="ny-invitasjon">
          <Heading level={2} data-size="sm" id="ny-invitasjon">
            {t("invitasjon.klar")} ({t(`rolle.${ny.rolle}`)})
          </Heading>
          <dl className="invitasjon">
            <dt>{t("invitasjon.lenke")}</dt>
            <dd>
              <code className="invitasjon__lenke" data-invitasjonslenke>
                {ny.lenke}
              </code>
            </dd>
            <dt>{t("invitasjon.kode")}</dt>
            <dd>
              <code className="invitasjon__kode" data-invitasjonskode>
                {ny.kode}
              </code>
            </dd>
            <dt>{t("invitasjon.qr")}</dt>
            <dd>
              {/* Made by qrSvg on the server from our own link; it carries role="img" and its label. */}
              <div className="invitasjon__qr" data-invitasjon-qr dangerouslySetInnerHTML={{ __html: ny.qr }} />
              <Paragraph data-size="sm">{t("invitasjon.qrHjelp")}</Paragraph>
            </dd>
          </dl>
          <Paragraph data-size="sm">{t("invitasjon.utloper", { dato: dato(ny.utloper, maalform) })}</Paragraph>
          {ny.sendt ? (
            <Paragraph data-size="sm" data-invitasjon-sendt>
              {ny.sendt.ok ? t("invitasjon.sendt", { epost: ny.sendt.til }) : t("invitasjon.ikkeSendt")}
            </Paragraph>
          ) : null}
          <Paragraph data-size="sm">{t("invitasjon.visesEnGang")}</Paragraph>
        </section>
      ) : null}
      <FeilOppsummering feil={actionData?.feil} />
      <Form method="post" className="skjema" noValidate>
        <input type="hidden" name="intent" value="opprett" />
        <fieldset className="valg">
          <legend>{t("invitasjon.rolle")}</legend>
          {TILDELBARE_ROLLER.map((r, i) => (
            <div key={r} className="valg__rad">
              <input type="radio" id={`rolle-${r}`} name="rolle" value={r} defaultChecked={i === 0} />
              <label htmlFor={`rolle-${r}`}>{t(`rolle.${r}`)}</label>
            </div>
          ))}
        </fieldset>
        <TekstFelt navn="epost" type="email" etikett={t("invitasjon.epost")} beskrivelse={t("invitasjon.epostHjelp")} autoComplete="off" valgfritt feil={actionData?.feil?.epost} />
        <Button type="submit">{t("invitasjon.lag")}</Button>
      </Form>
      <Heading level={2} data-size="md">
        {t("invitasjon.liste")}
      </Heading>
      {d.invitasjoner.length === 0 ? <Paragraph>{t("invitasjon.ingen")}</Paragraph> : null}
      <ul className="invitasjonsliste">
        {d.invitasjoner.map((inv) => (
          <li key={inv.id}>
            {t(`rolle.${inv.rolle}`)} · {t(`invitasjon.status.${inv.status}`)} · {t("invitasjon.utloper", { dato: dato(inv.utloper, maalform) })}
            {inv.status === "aktiv" ? (
              <Form method="post" className="inline">
                <input type="hidden" name="intent" value="trekk-tilbake" />
                <input type="hidden" name="id" value={inv.id} />
                <Button type="submit" data-size="sm" variant="tertiary">
                  {t("invitasjon.trekkTilbake")}
                </Button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
