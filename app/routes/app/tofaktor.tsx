import { Form, Link, data, redirect, useSearchParams } from "react-router";
import { Alert, Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/tofaktor";
import { aktorKontekst, maalformKontekst } from "#app/kontekst.ts";
import { krev } from "#app/auth/tilgang.ts";
import { tryggTil } from "#app/auth/sesjon.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { lesSkjema } from "#app/components/skjema.ts";
import { FeilOppsummering, TekstFelt } from "#app/components/felt.tsx";
import { useT } from "#app/components/use-t.ts";
import { SkrivUtKnapp } from "#app/components/skriv-ut-knapp.tsx";
import { oversetter, type Nokkel } from "#app/i18n/i18n.ts";
import { grenseVerdier } from "#app/domain/konto/grense.ts";
import { tofaktorSkjema } from "#app/domain/tofaktor/tofaktor.schema.ts";
import { bekreftOppsett, hentOppsett, hentStatus, lagNyeKoder, slaaAv, startOppsett } from "#app/domain/tofaktor/tofaktor.server.ts";

export function meta() {
  return [{ title: "Totrinnsinnlogging – Samla" }];
}

/** Set-Cookie headers from Better Auth (the session is renewed when two-factor changes). */
function cookies(hoder: Headers): Headers {
  const ut = new Headers();
  for (const c of hoder.getSetCookie()) ut.append("Set-Cookie", c);
  return ut;
}

/** The page's own address with its query (krevd, til), for redirects back to it. */
function sammeSide(request: Request, melding?: string): string {
  const url = new URL(request.url);
  const sok = new URLSearchParams(url.search);
  sok.delete("index");
  if (melding) sok.set("melding", melding);
  const q = sok.toString();
  return `/profil/tofaktor${q ? `?${q}` : ""}`;
}

/** Your own two-factor sign-in: its state (from the database) and, during setup, the secret and QR code. */
export async function loader({ context }: Route.LoaderArgs) {
  const aktor = context.get(aktorKontekst);
  krev(aktor, "endre:egen-tofaktor");
  const { db, auth } = tjenester();
  const status = await hentStatus(db, aktor!);
  const oppsett = status.paabegynt ? await hentOppsett(auth, db, aktor!, oversetter(context.get(maalformKontekst))("tofaktor.oppsett.qrEtikett")) : null;
  return { ...status, oppsett };
}

type Svar = { intent: string; feil?: Partial<Record<string, Nokkel>>; koder?: string[]; grense?: Record<string, string> };

export async function action({ request, context }: Route.ActionArgs) {
  const aktor = context.get(aktorKontekst);
  krev(aktor, "endre:egen-tofaktor");
  const skjema = await lesSkjema(request, tofaktorSkjema);
  if (!skjema.ok) return data<Svar>({ intent: skjema.verdier.intent ?? "", feil: skjema.feil }, { status: 400 });
  const { auth, db } = tjenester();
  const d = skjema.data;
  switch (d.intent) {
    case "start": {
      const svar = await startOppsett(auth, db, aktor!, d.passord, request.headers);
      if (!svar.ok) return data<Svar>({ intent: d.intent, feil: { [svar.status === 429 ? "_skjema" : "passord"]: svar.feil }, grense: grenseVerdier(svar) }, { status: svar.status ?? 400 });
      return redirect(sammeSide(request), { headers: cookies(svar.hoder) });
    }
    case "bekreft": {
      const svar = await bekreftOppsett(auth, db, aktor!, d.kode, request.headers);
      if (!svar.ok) return data<Svar>({ intent: d.intent, feil: { [svar.status === 429 ? "_skjema" : "kode"]: svar.feil }, grense: grenseVerdier(svar) }, { status: svar.status ?? 400 });
      // Shown once, in this answer only: never stored in the page's address or in a cookie.
      return data<Svar>({ intent: d.intent, koder: svar.koder }, { headers: cookies(svar.hoder) });
    }
    case "slaa-av": {
      const svar = await slaaAv(auth, db, aktor!, d.passord, request.headers);
      if (!svar.ok) return data<Svar>({ intent: d.intent, feil: { [svar.status === 429 ? "_skjema" : "passord"]: svar.feil }, grense: grenseVerdier(svar) }, { status: svar.status ?? 400 });
      return redirect(sammeSide(request, "av"), { headers: cookies(svar.hoder) });
    }
    case "nye-koder": {
      const svar = await lagNyeKoder(auth, db, aktor!, d.passordKoder, request.headers);
      if (!svar.ok) return data<Svar>({ intent: d.intent, feil: { [svar.status === 429 ? "_skjema" : "passordKoder"]: svar.feil }, grense: grenseVerdier(svar) }, { status: svar.status ?? 400 });
      return data<Svar>({ intent: d.intent, koder: svar.koder }, { headers: cookies(svar.hoder) });
    }
  }
}

/** The recovery codes as a text file, with a line on what they are, in the reader's målform. */
function kodefil(t: ReturnType<typeof useT>, koder: string[]): string {
  return [t("tofaktor.koder.filTittel"), "", ...koder.map((k, i) => `${String(i + 1).padStart(2, " ")}. ${k}`), "", t("tofaktor.koder.filTekst"), ""].join("\r\n");
}

export default function Tofaktor({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const [sok] = useSearchParams();
  const svar = actionData as Svar | undefined;
  const feil = svar?.feil;
  const til = sok.get("til") ?? "";
  const videre = tryggTil(til, "/profil");
  return (
    <div className="smal">
      <Heading level={1} data-size="lg">
        {t("tofaktor.tittel")}
      </Heading>
      {sok.get("krevd") && !loaderData.paa ? (
        <Alert data-color="info">
          <Paragraph>{t("tofaktor.krevd")}</Paragraph>
        </Alert>
      ) : null}
      {sok.get("melding") === "av" && !svar ? (
        <Alert data-color="success">
          <Paragraph>{t("tofaktor.avOk")}</Paragraph>
        </Alert>
      ) : null}
      {svar?.koder ? (
        <section aria-labelledby="koder-tittel" className="tofaktor-koder">
          {svar.intent === "bekreft" ? (
            <Alert data-color="success">
              <Paragraph>{t("tofaktor.paaOk")}</Paragraph>
            </Alert>
          ) : null}
          <Heading level={2} data-size="md" id="koder-tittel">
            {t("tofaktor.koder.tittel")}
          </Heading>
          <Paragraph>{t("tofaktor.koder.tekst")}</Paragraph>
          <ol className="tofaktor__koder" data-gjenopprettingskoder>
            {svar.koder.map((k) => (
              <li key={k}>{k}</li>
            ))}
          </ol>
          {/* Print (the print stylesheet shows only this section) and a .txt download that needs no
              JavaScript: the codes are already on this page, so a data: link adds nothing new. */}
          <div className="knapperad ikke-utskrift">
            <SkrivUtKnapp tekst={t("tofaktor.koder.skrivUt")} />
            <a
              className="ds-button"
              data-variant="secondary"
              href={`data:text/plain;charset=utf-8,${encodeURIComponent(kodefil(t, svar.koder))}`}
              download="samla-gjenopprettingskoder.txt"
              data-last-ned-koder
            >
              {t("tofaktor.koder.lastNed")}
            </a>
          </div>
          <Paragraph>
            <Link to={videre}>{t("tofaktor.videre")}</Link>
          </Paragraph>
        </section>
      ) : null}
      <Paragraph>{t("tofaktor.ingress")}</Paragraph>
      <FeilOppsummering feil={feil} verdier={svar?.grense} />

      {loaderData.paa ? (
        <>
          <Paragraph data-tofaktor-status="paa">{t("tofaktor.status.paa")}</Paragraph>
          <Heading level={2} data-size="md">
            {t("tofaktor.nyeKoder.tittel")}
          </Heading>
          <Paragraph>{t("tofaktor.nyeKoder.tekst")}</Paragraph>
          <Form method="post" className="skjema" noValidate>
            <input type="hidden" name="intent" value="nye-koder" />
            {loaderData.harPassord ? (
              <TekstFelt navn="passordKoder" type="password" etikett={t("konto.passord")} feil={feil?.passordKoder} autoComplete="current-password" />
            ) : null}
            <Button type="submit" variant="secondary">
              {t("tofaktor.nyeKoder.knapp")}
            </Button>
          </Form>
          <Heading level={2} data-size="md">
            {t("tofaktor.av.tittel")}
          </Heading>
          <Paragraph>{t("tofaktor.av.tekst")}</Paragraph>
          <Form method="post" className="skjema" noValidate>
            <input type="hidden" name="intent" value="slaa-av" />
            {loaderData.harPassord ? (
              <TekstFelt navn="passord" type="password" etikett={t("konto.passord")} feil={feil?.passord} autoComplete="current-password" />
            ) : null}
            <Button type="submit" variant="secondary" data-color="danger">
              {t("tofaktor.av.knapp")}
            </Button>
          </Form>
        </>
      ) : loaderData.oppsett ? (
        <>
          <Heading level={2} data-size="md">
            {t("tofaktor.oppsett.tittel")}
          </Heading>
          <ol>
            <li>{t("tofaktor.oppsett.steg1")}</li>
            <li>{t("tofaktor.oppsett.steg2")}</li>
            <li>{t("tofaktor.oppsett.steg3")}</li>
          </ol>
          {/* Made by qrSvg on the server from our own otpauth URI; it carries role="img" and its label. */}
          <div className="tofaktor__qr" dangerouslySetInnerHTML={{ __html: loaderData.oppsett.qr }} />
          <Paragraph>
            {t("tofaktor.oppsett.nokkel")}: <code className="tofaktor__nokkel" data-tofaktor-nokkel>{loaderData.oppsett.hemmelighet}</code>
          </Paragraph>
          <Form method="post" className="skjema" noValidate>
            <input type="hidden" name="intent" value="bekreft" />
            <input type="hidden" name="til" value={til} />
            <TekstFelt navn="kode" etikett={t("tofaktor.oppsett.kode")} feil={feil?.kode} autoComplete="one-time-code" inputMode="numeric" />
            <Button type="submit">{t("tofaktor.oppsett.knapp")}</Button>
          </Form>
        </>
      ) : (
        <>
          <Paragraph data-tofaktor-status="av">{t("tofaktor.status.av")}</Paragraph>
          <Heading level={2} data-size="md">
            {t("tofaktor.start.tittel")}
          </Heading>
          <Paragraph>{t(loaderData.harPassord ? "tofaktor.start.tekst" : "tofaktor.start.tekstUtenPassord")}</Paragraph>
          <Form method="post" className="skjema" noValidate>
            <input type="hidden" name="intent" value="start" />
            <input type="hidden" name="til" value={til} />
            {loaderData.harPassord ? (
              <TekstFelt navn="passord" type="password" etikett={t("konto.passord")} feil={feil?.passord} autoComplete="current-password" />
            ) : null}
            <Button type="submit">{t("tofaktor.start.knapp")}</Button>
          </Form>
        </>
      )}
    </div>
  );
}
