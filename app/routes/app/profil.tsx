import { Form, Link, data, redirect, useSearchParams } from "react-router";
import { Alert, Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/profil";
import { aktorKontekst } from "#app/kontekst.ts";
import { krev } from "#app/auth/tilgang.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { lesSkjema } from "#app/components/skjema.ts";
import { FeilOppsummering, TekstFelt } from "#app/components/felt.tsx";
import { useMaalform, useT } from "#app/components/use-t.ts";
import { profilSkjema } from "#app/domain/konto/konto.schema.ts";
import { endreNavn, hentProfil } from "#app/domain/konto/profil.server.ts";
import { formaterKlokke } from "#app/i18n/i18n.ts";
import { byttPassord, loggUtOveralt, sendBekreftelsePaaNytt } from "#app/domain/konto/passord.server.ts";
import { videreMedCookies } from "../konto/konto.server.ts";
import { NY_BEKREFTELSE, slippForesporsel } from "#app/domain/konto/grense.server.ts";
import { grenseFra, grenseVerdier } from "#app/domain/konto/grense.ts";
import { PASSORDFELTFEIL } from "#app/domain/konto/konto.server.ts";
import { minePaaminnelseValg } from "#app/domain/paaminnelse/paaminnelse.server.ts";
import { PaaminnelseValg } from "#app/components/paaminnelse-valg.tsx";


export function meta() {
  return [{ title: "Profil – Samla" }];
}

/** Your own profile: the signed-in layout's middleware already requires a session. */
export async function loader({ context }: Route.LoaderArgs) {
  const aktor = context.get(aktorKontekst);
  krev(aktor, "se:min-side");
  const { db } = tjenester();
  return { ...(await hentProfil(db, aktor!)), tofaktor: aktor!.tofaktor, paaminnelser: await minePaaminnelseValg(aktor, { db }) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const aktor = context.get(aktorKontekst);
  krev(aktor, "se:min-side");
  const skjema = await lesSkjema(request, profilSkjema);
  if (!skjema.ok) {
    const intent = skjema.verdier.intent === "endre-navn" ? ("endre-navn" as const) : ("bytt-passord" as const);
    return data({ intent, feil: skjema.feil, verdier: skjema.verdier }, { status: 400 });
  }
  const { auth, db } = tjenester();
  switch (skjema.data.intent) {
    case "endre-navn": {
      // Redirect after the post, so a reload does not post again; «Lagret kl.» shows without JavaScript too.
      const { lagret } = await endreNavn(aktor, skjema.data.navn, { db });
      return redirect(`/profil?lagret=navn&tid=${new Date(lagret).getTime()}#navn`);
    }
    case "bytt-passord": {
      const svar = await byttPassord(auth, skjema.data, request.headers, { db, hemmelighet: auth.options.secret, aktorId: aktor!.id });
      if (svar.ok) return videreMedCookies("/profil?melding=passord", svar.hoder);
      const felt = svar.feil === "konto.feil.feilPassord" ? "naavaerendePassord" : PASSORDFELTFEIL.includes(svar.feil) ? "passord" : "_skjema";
      return data({ intent: "bytt-passord" as const, feil: { [felt]: svar.feil }, grense: grenseVerdier(svar) }, { status: svar.status ?? 400 });
    }
    case "logg-ut-overalt":
      return videreMedCookies("/logg-inn?melding=utlogget-overalt", await loggUtOveralt(auth, request.headers));
    case "send-bekreftelse":
      // Limited per address and per IP in the database (ADR 0015).
      const nei = await slippForesporsel(db, auth.options.secret, NY_BEKREFTELSE, aktor!.epost, request.headers);
      if (nei) return data({ intent: "send-bekreftelse" as const, feil: nei.feil, grense: grenseVerdier(nei) }, { status: 429 });
      await sendBekreftelsePaaNytt(auth, aktor!.epost, request.headers);
      return { intent: "send-bekreftelse" as const, feil: undefined, grense: {} };
  }
}

export default function Profil({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const [sok] = useSearchParams();
  const maalform = useMaalform();
  const feil = actionData?.intent === "bytt-passord" ? actionData.feil : undefined;
  const navnFeil = actionData?.intent === "endre-navn" ? actionData.feil : undefined;
  const navnVerdi = actionData?.intent === "endre-navn" && "verdier" in actionData ? (actionData.verdier as Record<string, string>).navn : undefined;
  // «Lagret kl. 14:32» after the redirect: the time the save returned, in Oslo time.
  const tid = Number(sok.get("tid"));
  const lagretNavn = sok.get("lagret") === "navn" && !actionData && Number.isFinite(tid) && tid > 0 ? formaterKlokke(new Date(tid), maalform) : null;
  const lagretPaaminnelser = sok.get("lagret") === "paaminnelser" && !actionData && Number.isFinite(tid) && tid > 0 ? formaterKlokke(new Date(tid), maalform) : null;
  return (
    <div className="smal">
      <Heading level={1} data-size="lg">
        {t("profil.tittel")}
      </Heading>
      {sok.get("melding") === "passord" && !actionData ? (
        <Alert data-color="success">
          <Paragraph>{t("profil.passord.endret")}</Paragraph>
        </Alert>
      ) : null}
      <Paragraph>{t("profil.innlogget", { epost: loaderData.epost })}</Paragraph>

      {loaderData.bekreftet ? (
        <Paragraph>{t("profil.bekreftet")}</Paragraph>
      ) : actionData?.intent === "send-bekreftelse" ? (
        <Alert data-color={actionData.feil ? "warning" : "info"}>
          <Paragraph>{actionData.feil ? t(actionData.feil, grenseFra(actionData)) : t("profil.sendt")}</Paragraph>
        </Alert>
      ) : (
        <Form method="post">
          <Paragraph>{t("profil.ikkeBekreftet")}</Paragraph>
          <Button type="submit" name="intent" value="send-bekreftelse" variant="secondary">
            {t("profil.sendPaaNytt")}
          </Button>
        </Form>
      )}

      <section className="seksjon" aria-labelledby="navn">
        <Heading level={2} data-size="md" id="navn">
          {t("profil.navn.tittel")}
        </Heading>
        <FeilOppsummering feil={navnFeil} />
        <Form method="post" className="skjema" noValidate>
          <input type="hidden" name="intent" value="endre-navn" />
          <TekstFelt navn="navn" etikett={t("konto.navn")} beskrivelse={t("konto.navnHjelp")} feil={navnFeil?.navn} standard={navnVerdi ?? loaderData.navn} autoComplete="name" />
          <div className="knapperad">
            <Button type="submit">{t("profil.navn.knapp")}</Button>
            <p role="status" className="lagret" data-lagret>
              {lagretNavn ? t("profil.lagretKl", { klokka: lagretNavn }) : ""}
            </p>
          </div>
        </Form>
      </section>

      <PaaminnelseValg valg={loaderData.paaminnelser} epost={loaderData.epost} lagretKl={lagretPaaminnelser} />

      <Heading level={2} data-size="md">
        {t("profil.passord.tittel")}
      </Heading>
      <Paragraph>{t("profil.passord.tekst")}</Paragraph>
      <FeilOppsummering feil={feil} verdier={grenseFra(actionData)} />
      <Form method="post" className="skjema" noValidate>
        <input type="hidden" name="intent" value="bytt-passord" />
        <TekstFelt navn="naavaerendePassord" type="password" etikett={t("konto.naavaerendePassord")} feil={feil?.naavaerendePassord} autoComplete="current-password" />
        <TekstFelt navn="passord" type="password" etikett={t("konto.nyttPassord")} beskrivelse={t("konto.passordHjelp")} feil={feil?.passord} autoComplete="new-password" />
        <TekstFelt navn="gjentaPassord" type="password" etikett={t("konto.gjentaPassord")} feil={feil?.gjentaPassord} autoComplete="new-password" />
        <Button type="submit">{t("profil.passord.knapp")}</Button>
      </Form>

      <Heading level={2} data-size="md">
        {t("tofaktor.tittel")}
      </Heading>
      <Paragraph>
        <Link to="/profil/tofaktor">{t(loaderData.tofaktor ? "tofaktor.status.paa" : "tofaktor.status.av")}</Link>
      </Paragraph>

      <Heading level={2} data-size="md">
        {t("profil.loggUt.tittel")}
      </Heading>
      <Paragraph>{t("profil.loggUt.tekst")}</Paragraph>
      <Form method="post">
        <Button type="submit" name="intent" value="logg-ut-overalt" variant="secondary">
          {t("profil.loggUt.knapp")}
        </Button>
      </Form>

      <Heading level={2} data-size="md">
        {t("personvern.data.tittel")}
      </Heading>
      <Paragraph>{t("personvern.data.tekst")}</Paragraph>
      <Paragraph>
        <Link to="/profil/mine-data">{t("personvern.data.side")}</Link>
      </Paragraph>
      <Paragraph>
        <a href="/profil/data" download>
          {t("personvern.data.lenke")}
        </a>
      </Paragraph>
      <Heading level={2} data-size="md">
        {t("personvern.slett.tittel")}
      </Heading>
      <Paragraph>{t("personvern.slett.kort")}</Paragraph>
      <Paragraph>
        <Link to="/profil/slett">{t("personvern.slett.lenke")}</Link>
      </Paragraph>
      {/* Samlinger (ADR 0016): the calendar export and the secret feed. */}
      <Heading level={2} data-size="md">
        {t("samling.kalenderSide")}
      </Heading>
      <Paragraph>
        <Link to="/profil/kalender">{t("samling.kalenderLenke")}</Link>
      </Paragraph>
    </div>
  );
}
