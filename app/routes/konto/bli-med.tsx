import { Form, Link, data, redirect } from "react-router";
import { Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/bli-med";
import { aktorKontekst } from "#app/kontekst.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { lesSkjema, type SkjemaFeil } from "#app/components/skjema.ts";
import { FeilOppsummering, TekstFelt } from "#app/components/felt.tsx";
import { useT } from "#app/components/use-t.ts";
import { bliMedSkjema, kode as kodeSkjema } from "#app/domain/barnehage/barnehage.schema.ts";
import { brukInvitasjon, sjekkKode } from "#app/domain/barnehage/invitasjon.server.ts";
import { registrer } from "#app/domain/konto/konto.server.ts";
import { videreMedCookies } from "./konto.server.ts";
import { PASSORDFELTFEIL } from "#app/domain/konto/konto.server.ts";

export function meta() {
  return [{ title: "Bli med i barnehagen – Samla" }];
}

/**
 * Joining by code or link, in at most three steps on a phone: (1) the code (skipped with the
 * link), (2) one form (name, e-mail, password; or just «Bli med» when signed in), (3) the barnehage.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const innlogget = context.get(aktorKontekst) !== null;
  const raa = new URL(request.url).searchParams.get("kode");
  if (raa === null) return { innlogget, kode: null, invitasjon: null, feil: undefined };
  const kode = kodeSkjema.safeParse(raa);
  if (!kode.success) return { innlogget, kode: null, invitasjon: null, feil: { kode: "invitasjon.feil.format" as const } };
  const svar = await sjekkKode(kode.data, tjenester());
  if (!svar.ok) return { innlogget, kode: null, invitasjon: null, feil: { kode: svar.feil } };
  return { innlogget, kode: kode.data, invitasjon: { barnehageNavn: svar.barnehageNavn, rolle: svar.rolle }, feil: undefined };
}

export async function action({ request, context }: Route.ActionArgs) {
  const skjema = await lesSkjema(request, bliMedSkjema);
  if (!skjema.ok) return data({ feil: skjema.feil, verdier: skjema.verdier }, { status: 400 });
  const t = tjenester();
  const d = skjema.data;
  let aktor = context.get(aktorKontekst);
  let hoder: Headers | undefined;
  if (!aktor) {
    if (d.intent !== "registrer") throw redirect(`/logg-inn?til=${encodeURIComponent(`/bli-med?kode=${d.kode}`)}`);
    // Check the code before an account is made for it.
    const sjekk = await sjekkKode(d.kode, t);
    if (!sjekk.ok) return data({ feil: { _skjema: sjekk.feil }, verdier: { navn: d.navn, epost: d.epost } }, { status: 400 });
    const konto = await registrer(t.auth, { navn: d.navn, epost: d.epost, passord: d.passord }, request.headers);
    if (!konto.ok || !konto.brukerId) {
      const feil = konto.ok ? "konto.feil.ukjent" : konto.feil;
      const felt = PASSORDFELTFEIL.includes(feil) ? "passord" : "epost";
      return data({ feil: { [felt]: feil }, verdier: { navn: d.navn, epost: d.epost } }, { status: 400 });
    }
    aktor = { id: konto.brukerId, navn: d.navn, epost: d.epost, tofaktor: false };
    hoder = konto.hoder;
  }
  const svar = await brukInvitasjon(aktor, d.kode, t);
  if (!svar.ok) {
    // A new account is kept and signed in, even if someone else used the code a moment before.
    if (hoder) return videreMedCookies(`/bli-med?kode=${d.kode}`, hoder);
    return data({ feil: { _skjema: svar.feil }, verdier: {} }, { status: 400 });
  }
  const til = `/barnehage/${svar.barnehageId}`;
  return hoder ? videreMedCookies(til, hoder) : redirect(til);
}

export default function BliMed({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const feil = (actionData?.feil ?? d.feil) as SkjemaFeil | undefined;
  const verdier = actionData?.verdier as Record<string, string | undefined> | undefined;
  return (
    <div className="smal">
      <Heading level={1} data-size="lg">
        {t("bliMed.tittel")}
      </Heading>
      {d.invitasjon && d.kode ? (
        <>
          <Paragraph data-size="lg">
            {t("bliMed.invitert", { barnehage: d.invitasjon.barnehageNavn, rolle: t(`rolle.${d.invitasjon.rolle}`).toLowerCase() })}
          </Paragraph>
          <FeilOppsummering feil={feil} />
          {d.innlogget ? (
            <Form method="post" className="skjema">
              <input type="hidden" name="intent" value="bli-med" />
              <input type="hidden" name="kode" value={d.kode} />
              <Button type="submit">{t("bliMed.knapp")}</Button>
            </Form>
          ) : (
            <>
              <Heading level={2} data-size="sm">
                {t("bliMed.nyKonto")}
              </Heading>
              <Form method="post" className="skjema" noValidate>
                <input type="hidden" name="intent" value="registrer" />
                <input type="hidden" name="kode" value={d.kode} />
                <TekstFelt navn="navn" etikett={t("konto.navn")} beskrivelse={t("konto.navnHjelp")} feil={feil?.navn} standard={verdier?.navn} autoComplete="name" />
                <TekstFelt navn="epost" type="email" etikett={t("konto.epost")} feil={feil?.epost} standard={verdier?.epost} autoComplete="email" />
                <TekstFelt navn="passord" type="password" etikett={t("konto.passord")} beskrivelse={t("konto.passordHjelp")} feil={feil?.passord} autoComplete="new-password" />
                <Button type="submit">{t("bliMed.registrerKnapp")}</Button>
              </Form>
              <Paragraph>
                {t("konto.registrer.harKonto")}{" "}
                <Link to={`/logg-inn?til=${encodeURIComponent(`/bli-med?kode=${d.kode}`)}`}>{t("nav.loggInn")}</Link>
              </Paragraph>
            </>
          )}
        </>
      ) : (
        <>
          <FeilOppsummering feil={feil} />
          <Form method="get" className="skjema" noValidate>
            <TekstFelt navn="kode" etikett={t("bliMed.kode")} beskrivelse={t("bliMed.kodeHjelp")} feil={feil?.kode} autoComplete="off" />
            <Button type="submit">{t("bliMed.videre")}</Button>
          </Form>
        </>
      )}
    </div>
  );
}
