import { useEffect } from "react";
import { Form, Link, data, redirect } from "react-router";
import { Lagret, medLagret } from "#app/components/lagret.tsx";
import { Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/runde";
import { ikkeFunnet } from "#app/auth/tilgang.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { lesSkjema } from "#app/components/skjema.ts";
import { FeilOppsummering, TekstFelt } from "#app/components/felt.tsx";
import { OnsketTekst, Resultater } from "#app/components/stasted.tsx";
import { StastedSkjema, fjernUtkast } from "#app/components/stasted-skjema.tsx";
import { useMaalform, useT } from "#app/components/use-t.ts";
import { formaterDato } from "#app/i18n/i18n.ts";
import { lesSvarene, rundeSkjema } from "#app/domain/stasted/stasted.schema.ts";
import { hentRundeside, instrumentet, lukkRunden, sammenlignbare, svarPaRunde, trekkSvaret } from "#app/domain/stasted/stasted.server.ts";
import { barnehageFraKontekst } from "../barnehage.server.ts";
import { faseNokkel, statusNokkel } from "./felles.tsx";

export function meta() {
  return [{ title: "Ståstedsrunde – Samla" }];
}

/**
 * The receipt lives only on the person's device: a cookie scoped to this round's page. The server
 * keeps a hash of it beside the answers and nothing that leads from the person to it (ADR 0008).
 * The cookie's name carries the round id; its path is the barnehage's ståsted folder.
 */
const kvitteringCookie = (rundeId: string) => `samla_kvittering_${rundeId.replace(/[^a-zA-Z0-9-]/g, "")}`;
function lesKvittering(request: Request, rundeId: string): string | null {
  const navn = kvitteringCookie(rundeId);
  for (const del of (request.headers.get("cookie") ?? "").split(";")) {
    const [k, ...v] = del.trim().split("=");
    if (k === navn) return decodeURIComponent(v.join("="));
  }
  return null;
}
function settKvittering(request: Request, sti: string, rundeId: string, verdi: string | null): string {
  const sikker = new URL(request.url).protocol === "https:" || tjenester().env.BASE_URL.startsWith("https://") ? "; Secure" : "";
  const levetid = verdi === null ? 0 : 60 * 60 * 24 * 400;
  return `${kvitteringCookie(rundeId)}=${encodeURIComponent(verdi ?? "")}; Path=${sti}; Max-Age=${levetid}; HttpOnly; SameSite=Lax${sikker}`;
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  const dep = tjenester();
  const runde = await hentRundeside(aktor, medlemskap, params.rundeId, dep);
  const instrument = await instrumentet();
  const url = new URL(request.url);
  const kanSvare = runde.status === "apen" && runde.iMalgruppen && !runde.harSvart;
  return {
    id: medlemskap.barnehageId,
    runde,
    kanSvare,
    samtykket: kanSvare && url.searchParams.get("samtykke") === "ja",
    informasjon: instrument.informasjon,
    skala: instrument.skala,
    kvittering: runde.harSvart ? lesKvittering(request, runde.id) : null,
    sammenlignbare: runde.status === "lukket" && runde.resultat?.nok ? await sammenlignbare(aktor, medlemskap, runde.id, dep) : [],
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  const dep = tjenester();
  const skjema = await lesSkjema(request, rundeSkjema);
  const sti = `/barnehage/${medlemskap.barnehageId}/stasted/${params.rundeId}`;
  // The cookie path is the ståsted folder, so React Router's «.data» requests carry it too.
  const cookieSti = `/barnehage/${medlemskap.barnehageId}/stasted`;
  if (!skjema.ok) {
    // Check the round exists and may be seen before saying anything about the form.
    await hentRundeside(aktor, medlemskap, params.rundeId, dep);
    return data({ feil: skjema.feil, verdier: skjema.verdier }, { status: 400 });
  }
  switch (skjema.data.intent) {
    case "svar": {
      const runde = await hentRundeside(aktor, medlemskap, params.rundeId, dep);
      const { intent: _i, samtykke: _s, ...felt } = skjema.data;
      const svar = await svarPaRunde(aktor, medlemskap, params.rundeId, lesSvarene(felt, runde.innhold.utsagn.map((u) => u.id)), dep);
      if (!svar.ok) return data({ feil: { [svar.felt]: svar.feil }, verdier: felt as Record<string, string> }, { status: 400 });
      return redirect(`${sti}?svart=ja`, { headers: { "Set-Cookie": settKvittering(request, cookieSti, params.rundeId, svar.verdi) } });
    }
    case "trekk": {
      const svar = await trekkSvaret(aktor, medlemskap, params.rundeId, skjema.data.kvittering, dep);
      if (!svar.ok) return data({ feil: { [svar.felt]: svar.feil }, verdier: {} as Record<string, string> }, { status: 400 });
      return redirect(`${sti}?trukket=ja`, { headers: { "Set-Cookie": settKvittering(request, cookieSti, params.rundeId, null) } });
    }
    case "lukk":
      await lukkRunden(aktor, medlemskap, params.rundeId, dep);
      return redirect(medLagret(sti, "lukket"));
    default:
      throw ikkeFunnet();
  }
}

export default function Runde({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const maalform = useMaalform();
  const r = d.runde;
  const feil = actionData?.feil;
  const verdier = (actionData?.verdier ?? {}) as Record<string, string>;
  // The draft on this device is gone once the answers are sent (or the round can no longer be answered).
  useEffect(() => {
    if (!d.kanSvare) fjernUtkast(r.id);
  }, [d.kanSvare, r.id]);
  const tittel = t("stasted.rundeNavn", { fase: t(faseNokkel[r.fase]), malgruppe: r.malgruppe ?? t("stasted.heleBarnehagen") });
  return (
    <div className="smal stasted-side">
      <Paragraph data-size="sm" className="ikke-utskrift">
        <Link to={`/barnehage/${d.id}/stasted`}>{t("stasted.tilbake")}</Link>
      </Paragraph>
      <Heading level={1} data-size="lg">
        {tittel}
      </Heading>
      <Paragraph>
        {t(statusNokkel[r.status])} · {t("stasted.periode", { apner: formaterDato(r.apner, maalform), lukker: formaterDato(r.lukker, maalform) })} ·{" "}
        {t("stasted.antallSvart", { antall: r.antallDeltakere })}
      </Paragraph>
      <Lagret nokkel="lukket" />
      <FeilOppsummering feil={feil} />

      {r.harSvart ? (
        <section className="ramme" aria-labelledby="har-svart">
          <Heading level={2} data-size="sm" id="har-svart">
            {t("stasted.takk")}
          </Heading>
          <Paragraph>{t("stasted.kvitteringForklaring")}</Paragraph>
          {d.kvittering ? (
            <Paragraph>
              {t("stasted.dinKvittering")} <strong className="stasted-kvittering">{d.kvittering}</strong>
            </Paragraph>
          ) : null}
          {r.status !== "lukket" ? (
            <Form method="post" className="skjema" noValidate>
              <input type="hidden" name="intent" value="trekk" />
              {d.kvittering ? (
                <input type="hidden" name="kvittering" value={d.kvittering} />
              ) : (
                <TekstFelt navn="kvittering" etikett={t("stasted.kvittering")} feil={feil?.kvittering} autoComplete="off" />
              )}
              <Button type="submit" variant="secondary">
                {t("stasted.trekk")}
              </Button>
            </Form>
          ) : null}
        </section>
      ) : null}

      {d.kanSvare && !d.samtykket ? (
        <section aria-labelledby="informasjon">
          <Heading level={2} data-size="md" id="informasjon">
            {t("stasted.informasjon")}
          </Heading>
          {d.informasjon[maalform].split(/\n\s*\n/).map((a, i) => (
            <Paragraph key={i}>{a}</Paragraph>
          ))}
          <Paragraph>
            <Link to="?samtykke=ja#skjema" className="ds-button" data-variant="primary">
              {t("stasted.samtykk")}
            </Link>
          </Paragraph>
        </section>
      ) : null}

      {d.samtykket ? (
        <StastedSkjema
          rundeId={r.id}
          omrader={r.innhold.omrader}
          utsagn={r.innhold.utsagn}
          valg={[...d.skala.trinn.map((s) => ({ verdi: String(s.verdi), tekst: s[maalform] })), { verdi: "0", tekst: d.skala.vetIkke[maalform] }]}
          verdier={verdier}
        />
      ) : null}

      {r.status === "apen" && !r.iMalgruppen ? <Paragraph>{t("stasted.ikkeIMalgruppen")}</Paragraph> : null}
      {r.status === "planlagt" ? <Paragraph>{t("stasted.ikkeApnet")}</Paragraph> : null}
      {r.status !== "lukket" ? <Paragraph>{t("stasted.resultatEtterLukking")}</Paragraph> : null}

      {r.kanLukke ? (
        <Form method="post" className="skjema ikke-utskrift">
          <input type="hidden" name="intent" value="lukk" />
          <Paragraph data-size="sm">{t("stasted.lukkForklaring")}</Paragraph>
          <Button type="submit" variant="secondary">
            {t("stasted.lukk")}
          </Button>
        </Form>
      ) : null}

      {r.resultat ? (
        <>
          <OnsketTekst tekster={r.onsket} />
          <Resultater resultat={r.resultat} />
          {r.resultat.nok ? (
            <section aria-labelledby="rapport" className="ikke-utskrift">
              <Heading level={2} data-size="md" id="rapport">
                {t("stasted.rapport")}
              </Heading>
              <Paragraph>{t("stasted.rapportIngress")}</Paragraph>
              <Paragraph>
                <a href={`/barnehage/${d.id}/stasted/${r.id}/pdf`} download>
                  {t("stasted.lastNedPdf")}
                </a>
              </Paragraph>
              {d.sammenlignbare.length ? (
                <Form method="get" action={`/barnehage/${d.id}/stasted/sammenlign`} className="skjema">
                  <input type="hidden" name="etter" value={r.id} />
                  <div className="felt">
                    <label htmlFor="felt-for" className="ds-label">
                      {t("stasted.sammenlignMed")}
                    </label>
                    <select id="felt-for" name="for" className="ds-input">
                      {d.sammenlignbare.map((s) => (
                        <option key={s.id} value={s.id}>
                          {t("stasted.valgRunde", { fase: t(faseNokkel[s.fase]), dato: formaterDato(s.apner, maalform) })}
                        </option>
                      ))}
                    </select>
                  </div>
                  <Button type="submit" variant="secondary">
                    {t("stasted.sammenlign")}
                  </Button>
                </Form>
              ) : null}
            </section>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
