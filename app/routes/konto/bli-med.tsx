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
import { INVITASJONSKODE, erSperre, medKodegrense } from "#app/domain/konto/grense.server.ts";
import { grenseFra, grenseVerdier } from "#app/domain/konto/grense.ts";
import { KLIENT_IP_HODE } from "../../../server/klient-ip.ts";
import type { Nokkel } from "#app/i18n/i18n.ts";

/**
 * A code checked against the guessing limit (ADR 0022: per IP and per code). Unknown, used, revoked
 * and expired codes get one answer, so the page does not tell which codes exist.
 */
async function provKode<T extends { ok: boolean }>(request: Request, kode: string, aktorId: string | null, prov: () => Promise<T>) {
  const t = tjenester();
  const svar = await medKodegrense(t.db, t.auth.options.secret, INVITASJONSKODE, { ip: request.headers.get(KLIENT_IP_HODE), kode }, aktorId, prov);
  if (svar.ok) return { ok: true as const, svar: svar as T };
  if (erSperre(svar)) return { ok: false as const, feil: svar.feil as Nokkel, status: 429, grense: grenseVerdier(svar) };
  return { ok: false as const, feil: "invitasjon.feil.ugyldig" as Nokkel, status: 400, grense: {} };
}
import { PASSORDFELTFEIL } from "#app/domain/konto/konto.server.ts";

export function meta() {
  return [{ title: "Bli med i barnehagen – Samla" }];
}

/**
 * Joining by code or link, in at most three steps on a phone: (1) the code (skipped with the
 * link), (2) one form (name, e-mail, password; or just «Bli med» when signed in), (3) the barnehage.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const aktor = context.get(aktorKontekst);
  const innlogget = aktor !== null;
  const raa = new URL(request.url).searchParams.get("kode");
  if (raa === null) return { innlogget, kode: null, invitasjon: null, feil: undefined };
  const kode = kodeSkjema.safeParse(raa);
  if (!kode.success) return { innlogget, kode: null, invitasjon: null, feil: { kode: "invitasjon.feil.format" as const } };
  const p = await provKode(request, kode.data, aktor?.id ?? null, () => sjekkKode(kode.data, tjenester()));
  if (!p.ok) return data({ innlogget, kode: null, invitasjon: null, feil: { kode: p.feil }, grense: p.grense }, { status: p.status });
  const svar = p.svar;
  if (!svar.ok) throw new Error("uventet");
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
    const sjekk = await provKode(request, d.kode, null, () => sjekkKode(d.kode, t));
    if (!sjekk.ok) return data({ feil: { _skjema: sjekk.feil }, verdier: { navn: d.navn, epost: d.epost }, grense: sjekk.grense }, { status: sjekk.status });
    const konto = await registrer(t.auth, { navn: d.navn, epost: d.epost, passord: d.passord }, request.headers, { db: t.db, hemmelighet: t.auth.options.secret });
    if (!konto.ok || !konto.brukerId) {
      const feil = konto.ok ? "konto.feil.ukjent" : konto.feil;
      const felt = !konto.ok && konto.status === 429 ? "_skjema" : PASSORDFELTFEIL.includes(feil) ? "passord" : "epost";
      return data({ feil: { [felt]: feil }, verdier: { navn: d.navn, epost: d.epost }, grense: grenseVerdier(konto) }, { status: konto.ok ? 400 : (konto.status ?? 400) });
    }
    aktor = { id: konto.brukerId, navn: d.navn, epost: d.epost, tofaktor: false };
    hoder = konto.hoder;
  }
  const bruker = aktor;
  const p = await provKode(request, d.kode, bruker.id, () => brukInvitasjon(bruker, d.kode, t));
  if (!p.ok || !p.svar.ok) {
    // A new account is kept and signed in, even if someone else used the code a moment before.
    if (hoder) return videreMedCookies(`/bli-med?kode=${d.kode}`, hoder);
    return data({ feil: { _skjema: p.ok ? ("invitasjon.feil.ugyldig" as Nokkel) : p.feil }, verdier: {}, grense: p.ok ? {} : p.grense }, { status: p.ok ? 400 : p.status });
  }
  const til = `/barnehage/${p.svar.barnehageId}`;
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
          <FeilOppsummering feil={feil} verdier={grenseFra(actionData)} />
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
          <FeilOppsummering feil={feil} verdier={grenseFra(actionData) ?? grenseFra(d)} />
          <Form method="get" className="skjema" noValidate>
            <TekstFelt navn="kode" etikett={t("bliMed.kode")} beskrivelse={t("bliMed.kodeHjelp")} feil={feil?.kode} autoComplete="off" />
            <Button type="submit">{t("bliMed.videre")}</Button>
          </Form>
        </>
      )}
    </div>
  );
}
