import { Link, data, redirect } from "react-router";
import { Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/ny";
import type { SideHandle } from "#app/root.tsx";
import { ikkeFunnet, krev } from "#app/auth/tilgang.ts";
import { maalformKontekst } from "#app/kontekst.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { lesSkjema } from "#app/components/skjema.ts";
import { ObsFeilOppsummering } from "#app/components/observasjon-felt.tsx";
import { OppforingSkjema } from "#app/components/repertoar.tsx";
import { useT } from "#app/components/use-t.ts";
import { foreslaaSkjema } from "#app/domain/repertoar/repertoar.schema.ts";
import { gruppeNummer } from "#app/domain/notat/notat.schema.ts";
import { foreslaa, gruppenotatSomKilde, type Kilde } from "#app/domain/repertoar/repertoar.server.ts";
import { barnehageFraKontekst } from "../barnehage.server.ts";
import { feilTekster, navneFeil } from "./feil.server.ts";

export const handle: SideHandle = { utenJs: true };

export function meta() {
  return [{ title: "Foreslå en oppføring – Vårt handlingsrepertoar – Samla" }];
}

/** `?samling=&aktivitet=&gruppe=`: the proposal starts from that group note. Anything broken is «not found». */
function kildeFra(sok: URLSearchParams): Kilde | null {
  const samlingId = sok.get("samling");
  const aktivitetId = sok.get("aktivitet");
  if (!samlingId && !aktivitetId) return null;
  const gruppe = gruppeNummer.safeParse(sok.get("gruppe") ?? "0");
  if (!samlingId || !aktivitetId || !gruppe.success || samlingId.length > 100 || aktivitetId.length > 100) throw ikkeFunnet();
  return { samlingId, aktivitetId, gruppe: gruppe.data };
}

/** Any member proposes an entry; from a group note, the note's text is where the form starts. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  const kilde = kildeFra(new URL(request.url).searchParams);
  const notat = kilde ? await gruppenotatSomKilde(aktor, medlemskap, kilde, tjenester()) : null;
  return { barnehageId: medlemskap.barnehageId, kilde, notat: notat ? { tekst: notat.tekst, team: notat.teamNavn } : null };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  const sp = context.get(maalformKontekst);
  krev(aktor, "foreslaa:repertoar", medlemskap);
  const skjema = await lesSkjema(request, foreslaaSkjema);
  if (!skjema.ok) return data({ feil: feilTekster(sp, skjema.feil), verdier: skjema.verdier }, { status: 400 });
  const { samlingId, aktivitetId, gruppe, ...inn } = skjema.data;
  const kilde = samlingId && aktivitetId ? { samlingId, aktivitetId, gruppe: gruppe ?? 0 } : null;
  const svar = await foreslaa(aktor, medlemskap, inn, kilde, tjenester());
  if (!svar.ok) return data({ feil: svar.konflikt ? {} : navneFeil(sp, svar.felt, svar.navn), verdier: { ...inn } as Record<string, string> }, { status: 400 });
  return redirect(`/barnehage/${medlemskap.barnehageId}/repertoar/${svar.id}?lagret=${Date.now()}`);
}

export default function Ny({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const skjulte: Record<string, string | number> = d.kilde ? { samlingId: d.kilde.samlingId, aktivitetId: d.kilde.aktivitetId, gruppe: d.kilde.gruppe } : {};
  return (
    <div className="smal">
      <Paragraph data-size="sm">
        <Link to={`/barnehage/${d.barnehageId}/repertoar`}>{t("repertoar.tilRepertoaret")}</Link>
      </Paragraph>
      <Heading level={1} data-size="lg">
        {t("repertoar.nyTittel")}
      </Heading>
      <Paragraph>{t("repertoar.nyIngress")}</Paragraph>
      {d.notat ? (
        <section aria-labelledby="fra-notat">
          <Heading level={2} data-size="xs" id="fra-notat">
            {t("repertoar.fraGruppenotat")} ({d.notat.team})
          </Heading>
          <blockquote className="kildesitat">{d.notat.tekst}</blockquote>
        </section>
      ) : null}
      <ObsFeilOppsummering tittel={t("konto.feil.oppsummering")} feil={actionData?.feil} />
      <OppforingSkjema verdier={actionData?.verdier ?? { handling: d.notat?.tekst ?? "" }} feil={actionData?.feil} knapp={t("repertoar.send")} skjulte={skjulte} />
    </div>
  );
}
