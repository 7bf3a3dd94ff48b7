import { Form, Link, data, redirect } from "react-router";
import { Button, Field, Heading, Label, Paragraph, ValidationMessage } from "@digdir/designsystemet-react";
import type { Route } from "./+types/invitasjoner";
import { krev } from "#app/auth/tilgang.ts";
import { TILDELBARE_ROLLER } from "#app/auth/roller.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { lesSkjema } from "#app/components/skjema.ts";
import { FeilOppsummering, TekstFelt } from "#app/components/felt.tsx";
import { KopierKnapp } from "#app/components/kopier-knapp.tsx";
import { useMaalform, useT } from "#app/components/use-t.ts";
import { PERSONAL_STANDARD_DAGER, PERSONAL_STANDARD_PLASSER, invitasjonSkjema, ugyldigeAdresser } from "#app/domain/barnehage/barnehage.schema.ts";
import {
  invitasjoner,
  lagInvitasjon,
  lagPersonalinvitasjon,
  personalinvitasjoner,
  trekkTilbakeInvitasjon,
} from "#app/domain/barnehage/invitasjon.server.ts";
import { qrSvg } from "#app/domain/barnehage/qr.server.ts";
import { formaterDato, oversetter } from "#app/i18n/i18n.ts";
import { maalformKontekst } from "#app/kontekst.ts";
import { lagEpostInnhold } from "#app/epost/maler.ts";
import { logg } from "#app/logg.server.ts";
import { barnehageFraKontekst } from "./barnehage.server.ts";
import { BarnehageSideTopp } from "#app/components/barnehage-topp.tsx";
import { Lagret, medLagret } from "#app/components/lagret.tsx";

export function meta() {
  return [{ title: "Inviter kolleger – Samla" }];
}

const bliMedLenke = (kode: string) => new URL(`/bli-med?kode=${kode}`, tjenester().env.BASE_URL).toString();

/**
 * The styrer's invitations: a staff invitation for the staff meeting (one code, QR and link, many
 * places, shown again while it works; ADR 0029), invitations by pasted e-mail addresses, and the
 * single-use invitation (link + code, shown once).
 */
export async function loader({ context }: Route.LoaderArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  const etikett = oversetter(context.get(maalformKontekst))("invitasjon.qrEtikett");
  const personal = await Promise.all(
    (await personalinvitasjoner(aktor, medlemskap, tjenester())).map(async (p) => {
      const lenke = p.kode ? bliMedLenke(p.kode) : null;
      return { ...p, lenke, qr: lenke ? await qrSvg(lenke, etikett) : null };
    }),
  );
  return { id: medlemskap.barnehageId, navn: medlemskap.barnehageNavn, meg: aktor.id, personal, invitasjoner: await invitasjoner(aktor, medlemskap, tjenester()) };
}

type Sendt = { til: string; ok: boolean };

/** Mails one invitation in the styrer's målform; the address is used for this mail and not stored. */
async function sendInvitasjon(til: string, kode: string, barnehage: string, maalform: "nb" | "nn"): Promise<Sendt> {
  const innhold = lagEpostInnhold("invitasjon", maalform, { navn: "", lenke: bliMedLenke(kode), verdier: { barnehage, kode } });
  try {
    await tjenester().epost.send({ til, ...innhold });
    return { til, ok: true };
  } catch (feil) {
    logg.error("epost_feilet", { type: "invitasjon", feil: (feil as { name?: string })?.name });
    return { til, ok: false };
  }
}

export async function action({ request, context }: Route.ActionArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  krev(aktor, "inviter", medlemskap);
  const skjema = await lesSkjema(request, invitasjonSkjema);
  if (!skjema.ok) return data({ feil: skjema.feil, verdier: skjema.verdier, ny: null, mange: null }, { status: 400 });
  const side = `/barnehage/${medlemskap.barnehageId}/invitasjoner`;
  const maalform = context.get(maalformKontekst);
  const d = skjema.data;
  if (d.intent === "trekk-tilbake") {
    await trekkTilbakeInvitasjon(aktor, medlemskap, d.id, tjenester());
    return redirect(medLagret(side, "trukket"));
  }
  if (d.intent === "opprett-personal") {
    const ny = await lagPersonalinvitasjon(aktor, medlemskap, { rolle: d.rolle, dager: d.dager, maksBruk: d.maksBruk }, tjenester());
    return redirect(medLagret(`${side}#personal-${ny.id}`, `personal-${ny.id}`));
  }
  if (d.intent === "send-mange") {
    const ugyldige = ugyldigeAdresser(d.adresser);
    if (ugyldige.length > 0) {
      return data({ feil: { adresser: "invitasjon.feil.adresser" as const }, verdier: { adresser: d.adresser.join("\n"), ugyldige: ugyldige.join(", ") }, ny: null, mange: null }, { status: 400 });
    }
    const sendt: Sendt[] = [];
    for (const til of d.adresser) {
      const { kode } = await lagInvitasjon(aktor, medlemskap, d.rolle, tjenester());
      sendt.push(await sendInvitasjon(til, kode, medlemskap.barnehageNavn, maalform));
    }
    return { feil: undefined, verdier: undefined, ny: null, mange: { ok: sendt.filter((s) => s.ok).length, totalt: sendt.length, ikkeSendt: sendt.filter((s) => !s.ok).map((s) => s.til), tid: new Date().toISOString() } };
  }
  const { kode, utloper } = await lagInvitasjon(aktor, medlemskap, d.rolle, tjenester());
  const lenke = bliMedLenke(kode);
  // The QR code is drawn here on the server: no JavaScript on the page, and it prints.
  const qr = await qrSvg(lenke, oversetter(maalform)("invitasjon.qrEtikett"));
  const sendt = d.epost ? await sendInvitasjon(d.epost, kode, medlemskap.barnehageNavn, maalform) : null;
  return { feil: undefined, verdier: undefined, mange: null, ny: { kode, lenke, qr, utloper, rolle: d.rolle, sendt } };
}

function RolleValg({ navn }: { navn: string }) {
  const t = useT();
  return (
    <fieldset className="valg">
      <legend>{t("invitasjon.rolle")}</legend>
      {TILDELBARE_ROLLER.map((r, i) => (
        <div key={r} className="valg__rad">
          <input type="radio" id={`${navn}-${r}`} name="rolle" value={r} defaultChecked={i === 0} />
          <label htmlFor={`${navn}-${r}`}>{t(`rolle.${r}`)}</label>
        </div>
      ))}
    </fieldset>
  );
}

export default function Invitasjoner({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const maalform = useMaalform();
  const ny = actionData?.ny;
  const mange = actionData?.mange;
  const feil = actionData?.feil as Record<string, import("#app/i18n/i18n.ts").Nokkel | undefined> | undefined;
  const verdier = actionData?.verdier as Record<string, string> | undefined;
  const aktive = d.personal.filter((p) => p.status === "aktiv");
  const andre = d.personal.filter((p) => p.status !== "aktiv");
  return (
    <div className="smal invitasjonsside">
      <BarnehageSideTopp barnehageId={d.id} tittel={t("invitasjon.tittel")} ingress={t("invitasjon.ingress")} />
      <FeilOppsummering feil={feil} verdier={verdier?.ugyldige ? { adresser: verdier.ugyldige } : undefined} />
      <Lagret nokkel="trukket" />

      <section aria-labelledby="personal-tittel" className="seksjon">
        <Heading level={2} data-size="md" id="personal-tittel">
          {t("invitasjon.personal.tittel")}
        </Heading>
        <Paragraph>{t("invitasjon.personal.ingress")}</Paragraph>
        {aktive.map((p) => (
          <article key={p.id} id={`personal-${p.id}`} className="ramme personalinvitasjon" data-personalinvitasjon={p.id}>
            <Heading level={3} data-size="xs">
              {t(`rolle.${p.rolle}`)} · {t("invitasjon.personal.brukt", { antall: String(p.antallBrukt), maks: String(p.maksBruk) })}
            </Heading>
            <Lagret nokkel={`personal-${p.id}`} />
            <dl className="invitasjon">
              <dt>{t("invitasjon.kode")}</dt>
              <dd>
                <code className="invitasjon__kode" data-personalkode>
                  {p.kode}
                </code>{" "}
                {p.kode ? <KopierKnapp tekst={p.kode} hva="kode" /> : null}
              </dd>
              <dt>{t("invitasjon.lenke")}</dt>
              <dd>
                <code className="invitasjon__lenke">{p.lenke}</code> {p.lenke ? <KopierKnapp tekst={p.lenke} /> : null}
              </dd>
              <dt>{t("invitasjon.qr")}</dt>
              <dd>
                {/* Made by qrSvg on the server from our own link; it carries role="img" and its label. */}
                <div className="invitasjon__qr" dangerouslySetInnerHTML={{ __html: p.qr ?? "" }} />
              </dd>
            </dl>
            <Paragraph data-size="sm">{t("invitasjon.utloper", { dato: formaterDato(p.utloper, maalform) })}</Paragraph>
            <div className="knapperad">
              <Link className="ds-button" data-variant="primary" to={`/barnehage/${d.id}/invitasjoner/${p.id}/vis`} data-vis-storskjerm>
                {t("invitasjon.personal.vis")}
              </Link>
              <Form method="post" className="inline">
                <input type="hidden" name="intent" value="trekk-tilbake" />
                <input type="hidden" name="id" value={p.id} />
                <Button type="submit" variant="secondary">
                  {t("invitasjon.trekkTilbake")}
                </Button>
              </Form>
            </div>
            <Brukere p={p} barnehageId={d.id} meg={d.meg} />
          </article>
        ))}
        <Form method="post" className="skjema" noValidate>
          <input type="hidden" name="intent" value="opprett-personal" />
          <RolleValg navn="personal-rolle" />
          <TekstFelt
            navn="dager"
            type="number"
            inputMode="numeric"
            etikett={t("invitasjon.personal.dager")}
            beskrivelse={t("invitasjon.personal.dagerHjelp")}
            standard={verdier?.dager ?? String(PERSONAL_STANDARD_DAGER)}
            feil={feil?.dager}
          />
          <TekstFelt
            navn="maksBruk"
            type="number"
            inputMode="numeric"
            etikett={t("invitasjon.personal.plasser")}
            beskrivelse={t("invitasjon.personal.plasserHjelp")}
            standard={verdier?.maksBruk ?? String(PERSONAL_STANDARD_PLASSER)}
            feil={feil?.maksBruk}
          />
          <Button type="submit">{t("invitasjon.personal.lag")}</Button>
        </Form>
        {andre.length > 0 ? (
          <>
            <Heading level={3} data-size="xs">
              {t("invitasjon.personal.liste")}
            </Heading>
            <ul className="invitasjonsliste">
              {andre.map((p) => (
                <li key={p.id} data-personalinvitasjon={p.id}>
                  {t(`rolle.${p.rolle}`)} · {t(`invitasjon.status.${p.status}`)} · {t("invitasjon.personal.brukt", { antall: String(p.antallBrukt), maks: String(p.maksBruk) })}
                  <Brukere p={p} barnehageId={d.id} meg={d.meg} />
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section aria-labelledby="mange-tittel" className="seksjon">
        <Heading level={2} data-size="md" id="mange-tittel">
          {t("invitasjon.mange.tittel")}
        </Heading>
        <Paragraph>{t("invitasjon.mange.ingress")}</Paragraph>
        {mange ? (
          <div className="ramme" role="status" data-mange-sendt>
            <Paragraph>{t("invitasjon.mange.sendt", { antall: String(mange.ok), totalt: String(mange.totalt) })}</Paragraph>
            {mange.ikkeSendt.length > 0 ? <Paragraph>{t("invitasjon.mange.ikkeSendt", { adresser: mange.ikkeSendt.join(", ") })}</Paragraph> : null}
          </div>
        ) : null}
        {/* A new key after each sending empties the list (with JavaScript the field would keep it). */}
        <Form method="post" className="skjema" noValidate key={mange?.tid ?? "liste"}>
          <input type="hidden" name="intent" value="send-mange" />
          <RolleValg navn="mange-rolle" />
          <Field className="felt">
            <Label htmlFor="felt-adresser">{t("invitasjon.mange.adresser")}</Label>
            <p id="felt-adresser-beskrivelse" className="felt__beskrivelse">
              {t("invitasjon.mange.adresserHjelp")}
            </p>
            <textarea
              className="ds-input"
              id="felt-adresser"
              name="adresser"
              rows={5}
              autoComplete="off"
              required
              defaultValue={verdier?.adresser}
              aria-invalid={feil?.adresser ? true : undefined}
              aria-describedby={feil?.adresser ? "felt-adresser-beskrivelse felt-adresser-feil" : "felt-adresser-beskrivelse"}
            />
            {feil?.adresser ? <ValidationMessage id="felt-adresser-feil">{t(feil.adresser, verdier?.ugyldige ? { adresser: verdier.ugyldige } : undefined)}</ValidationMessage> : null}
          </Field>
          <Button type="submit">{t("invitasjon.mange.send")}</Button>
        </Form>
      </section>

      <section aria-labelledby="enkel-tittel" className="seksjon">
        <Heading level={2} data-size="md" id="enkel-tittel">
          {t("invitasjon.enkel.tittel")}
        </Heading>
        <Paragraph>{t("invitasjon.enkel.ingress")}</Paragraph>
        {ny ? (
          <section className="ramme invitasjon-klar" aria-labelledby="ny-invitasjon">
            <Heading level={3} data-size="sm" id="ny-invitasjon">
              {t("invitasjon.klar")} ({t(`rolle.${ny.rolle}`)})
            </Heading>
            <dl className="invitasjon">
              <dt>{t("invitasjon.lenke")}</dt>
              <dd>
                <code className="invitasjon__lenke" data-invitasjonslenke>
                  {ny.lenke}
                </code>{" "}
                <KopierKnapp tekst={ny.lenke} />
              </dd>
              <dt>{t("invitasjon.kode")}</dt>
              <dd>
                <code className="invitasjon__kode" data-invitasjonskode>
                  {ny.kode}
                </code>{" "}
                <KopierKnapp tekst={ny.kode} hva="kode" />
              </dd>
              <dt>{t("invitasjon.qr")}</dt>
              <dd>
                {/* Made by qrSvg on the server from our own link; it carries role="img" and its label. */}
                <div className="invitasjon__qr" data-invitasjon-qr dangerouslySetInnerHTML={{ __html: ny.qr }} />
                <Paragraph data-size="sm">{t("invitasjon.qrHjelp")}</Paragraph>
              </dd>
            </dl>
            <Paragraph data-size="sm">{t("invitasjon.utloper", { dato: formaterDato(ny.utloper, maalform) })}</Paragraph>
            {ny.sendt ? (
              <Paragraph data-size="sm" data-invitasjon-sendt>
                {ny.sendt.ok ? t("invitasjon.sendt", { epost: ny.sendt.til }) : t("invitasjon.ikkeSendt")}
              </Paragraph>
            ) : null}
            <Paragraph data-size="sm">{t("invitasjon.visesEnGang")}</Paragraph>
          </section>
        ) : null}
        <Form method="post" className="skjema" noValidate>
          <input type="hidden" name="intent" value="opprett" />
          <RolleValg navn="rolle" />
          <TekstFelt navn="epost" type="email" etikett={t("invitasjon.epost")} beskrivelse={t("invitasjon.epostHjelp")} autoComplete="off" valgfritt feil={feil?.epost} />
          <Button type="submit">{t("invitasjon.lag")}</Button>
        </Form>
        <Heading level={3} data-size="xs">
          {t("invitasjon.liste")}
        </Heading>
        {d.invitasjoner.length === 0 ? <Paragraph>{t("invitasjon.ingen")}</Paragraph> : null}
        <ul className="invitasjonsliste">
          {d.invitasjoner.map((inv) => (
            <li key={inv.id}>
              {t(`rolle.${inv.rolle}`)} · {t(`invitasjon.status.${inv.status}`)} · {t("invitasjon.utloper", { dato: formaterDato(inv.utloper, maalform) })}
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
      </section>
    </div>
  );
}

/** Who joined through one staff invitation; removing someone uses the member list's two steps. */
function Brukere({ p, barnehageId, meg }: { p: { brukere: { brukerId: string; navn: string; brukt: string; fjernet: boolean; rolle: string | null }[] }; barnehageId: string; meg: string }) {
  const t = useT();
  const maalform = useMaalform();
  return (
    <div className="personal-brukere">
      <Heading level={4} data-size="2xs">
        {t("invitasjon.personal.hvem")}
      </Heading>
      {p.brukere.length === 0 ? (
        <Paragraph data-size="sm">{t("invitasjon.personal.ingenBrukere")}</Paragraph>
      ) : (
        <ul className="personal-brukere__liste" data-personal-brukere>
          {p.brukere.map((b) => (
            <li key={b.brukerId} data-bruker={b.navn}>
              <span>
                {b.navn} · {formaterDato(b.brukt, maalform)}
                {b.fjernet ? ` · ${t("invitasjon.personal.fjernet")}` : ""}
              </span>
              {!b.fjernet && b.rolle !== "styrer" && b.brukerId !== meg ? <Link to={`/barnehage/${barnehageId}?fjern=${encodeURIComponent(b.brukerId)}#bekreft`}>{t("invitasjon.personal.fjern", { navn: b.navn })}</Link> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
