import { Form, Link, data, redirect, useSearchParams } from "react-router";
import { Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/logg-inn-kode";
import { aktorKontekst } from "#app/kontekst.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { lesSkjema } from "#app/components/skjema.ts";
import { FeilOppsummering, TekstFelt } from "#app/components/felt.tsx";
import { useT } from "#app/components/use-t.ts";
import { tryggTil } from "#app/auth/sesjon.ts";
import type { Nokkel } from "#app/i18n/i18n.ts";
import { loggInnKodeSkjema, valgtKode } from "#app/domain/tofaktor/tofaktor.schema.ts";
import { harInnloggingsutfordring, loggInnMedKode } from "#app/domain/tofaktor/tofaktor.server.ts";
import { grenseVerdier } from "#app/domain/konto/grense.ts";
import { videreMedCookies } from "./konto.server.ts";

export function meta() {
  return [{ title: "Skriv inn koden – Samla" }];
}

/** The second step of sign-in (ADR 0013): only after the right password, which set Better Auth's cookie. */
export function loader({ context, request }: Route.LoaderArgs) {
  const til = new URL(request.url).searchParams.get("til");
  if (context.get(aktorKontekst)) throw redirect(tryggTil(til));
  if (!harInnloggingsutfordring(request.headers.get("cookie"))) throw redirect(til ? `/logg-inn?til=${encodeURIComponent(tryggTil(til))}` : "/logg-inn");
  return null;
}

type Svar = { feil: Partial<Record<string, Nokkel>>; startPaaNytt?: boolean; grense?: Record<string, string>; metode?: "app" | "gjenoppretting" };

export async function action({ request, context }: Route.ActionArgs) {
  const skjema = await lesSkjema(request, loggInnKodeSkjema);
  const til = new URL(request.url).searchParams.get("til") ?? undefined;
  if (context.get(aktorKontekst)) throw redirect(tryggTil(til));
  if (!skjema.ok) return data<Svar>({ feil: skjema.feil, metode: skjema.verdier.metode === "gjenoppretting" ? "gjenoppretting" : "app" }, { status: 400 });
  const t = tjenester();
  const svar = await loggInnMedKode(t.auth, valgtKode(skjema.data), request.headers, { db: t.db, hemmelighet: t.auth.options.secret });
  if (svar.ok) return videreMedCookies(tryggTil(skjema.data.til ?? til), svar.hoder);
  const metode = skjema.data.metode;
  const felt = ("startPaaNytt" in svar && svar.startPaaNytt) || svar.status === 429 ? "_skjema" : metode === "app" ? "kode" : "gjenopprettingskode";
  return data<Svar>({ feil: { [felt]: svar.feil }, startPaaNytt: ("startPaaNytt" in svar && svar.startPaaNytt) || false, grense: grenseVerdier(svar), metode }, { status: svar.status ?? 400 });
}

export default function LoggInnKode({ actionData }: Route.ComponentProps) {
  const t = useT();
  const [sok] = useSearchParams();
  const svar = actionData as Svar | undefined;
  const til = tryggTil(sok.get("til"));
  return (
    <div className="smal">
      <Heading level={1} data-size="lg">
        {t("tofaktor.loggInn.tittel")}
      </Heading>
      <Paragraph>{t("tofaktor.loggInn.tekst")}</Paragraph>
      <FeilOppsummering feil={svar?.feil} verdier={svar?.grense} />
      {svar?.startPaaNytt ? (
        <Paragraph>
          <Link to={`/logg-inn?til=${encodeURIComponent(til)}`}>{t("tofaktor.loggInn.startPaaNytt")}</Link>
        </Paragraph>
      ) : (
        <>
          {/* The app's code opens the number pad on a phone; a recovery code (letters) has its own field. */}
          <Form method="post" className="skjema" noValidate>
            <input type="hidden" name="til" value={til} />
            <input type="hidden" name="metode" value="app" />
            <TekstFelt navn="kode" etikett={t("tofaktor.loggInn.kode")} feil={svar?.feil?.kode} autoComplete="one-time-code" inputMode="numeric" />
            <Button type="submit">{t("tofaktor.loggInn.knapp")}</Button>
          </Form>
          <details className="gjenoppretting" open={svar?.metode === "gjenoppretting"}>
            <summary>{t("tofaktor.loggInn.utenTelefon")}</summary>
            <Form method="post" className="skjema" noValidate>
              <input type="hidden" name="til" value={til} />
              <input type="hidden" name="metode" value="gjenoppretting" />
              <TekstFelt
                navn="gjenopprettingskode"
                etikett={t("tofaktor.loggInn.gjenopprettingskode")}
                beskrivelse={t("tofaktor.loggInn.gjenopprettingHjelp")}
                feil={svar?.feil?.gjenopprettingskode}
                autoComplete="one-time-code"
                autoCapitalize="none"
              />
              <Button type="submit" variant="secondary">
                {t("tofaktor.loggInn.gjenopprettingKnapp")}
              </Button>
            </Form>
          </details>
        </>
      )}
    </div>
  );
}
