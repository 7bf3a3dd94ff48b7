import { Link } from "react-router";
import { Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/sammenlign";
import { ikkeFunnet } from "#app/auth/tilgang.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { OnsketTekst, Sammenligningsgraf, Sammenligningstabell } from "#app/components/stasted.tsx";
import { useMaalform, useT } from "#app/components/use-t.ts";
import { formaterDato } from "#app/i18n/i18n.ts";
import { sammenlignRunder } from "#app/domain/stasted/stasted.server.ts";
import { barnehageFraKontekst } from "../barnehage.server.ts";
import { faseNokkel } from "./felles.tsx";

export function meta() {
  return [{ title: "Sammenligning av ståstedsrunder – Samla" }];
}

/** Reads ?for=&etter= (two closed rounds of this barnehage); anything else is «not found». */
export function lesPar(request: Request) {
  const url = new URL(request.url);
  const forId = url.searchParams.get("for");
  const etterId = url.searchParams.get("etter");
  if (!forId || !etterId || forId === etterId) throw ikkeFunnet();
  return { forId, etterId };
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  const { forId, etterId } = lesPar(request);
  const side = await sammenlignRunder(aktor, medlemskap, forId, etterId, tjenester());
  const onsket = side.etter.onsket.length ? side.etter.onsket : side.for.onsket;
  return {
    id: medlemskap.barnehageId,
    forId,
    etterId,
    for: { fase: side.for.fase, apner: side.for.apner, antall: side.for.antallDeltakere, malgruppe: side.for.malgruppe },
    etter: { fase: side.etter.fase, apner: side.etter.apner, antall: side.etter.antallDeltakere, malgruppe: side.etter.malgruppe },
    sammenligning: side.sammenligning,
    onsket,
  };
}

export default function Sammenlign({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const maalform = useMaalform();
  const etikett = (r: typeof d.for) => t("stasted.valgRunde", { fase: t(faseNokkel[r.fase]), dato: formaterDato(r.apner, maalform) });
  return (
    <div className="smal stasted-side">
      <Paragraph data-size="sm" className="ikke-utskrift">
        <Link to={`/barnehage/${d.id}/stasted/${d.etterId}`}>{t("stasted.tilbakeTilRunden")}</Link>
      </Paragraph>
      <Heading level={1} data-size="lg">
        {t("stasted.sammenligningTittel")}
      </Heading>
      <Paragraph>
        {t("stasted.sammenligningIngress", { for: etikett(d.for), etter: etikett(d.etter), antallFor: d.for.antall, antallEtter: d.etter.antall })}
      </Paragraph>
      <OnsketTekst tekster={d.onsket} />
      <div className="stasted-sammenligning">
        <Sammenligningsgraf sammenligning={d.sammenligning} forEtikett={etikett(d.for)} etterEtikett={etikett(d.etter)} />
        <Sammenligningstabell sammenligning={d.sammenligning} forEtikett={etikett(d.for)} etterEtikett={etikett(d.etter)} />
      </div>
      <Paragraph data-size="sm">{t("stasted.skalaForklaring")}</Paragraph>
      <Paragraph className="ikke-utskrift">
        <a href={`/barnehage/${d.id}/stasted/sammenlign/pdf?for=${encodeURIComponent(d.forId)}&etter=${encodeURIComponent(d.etterId)}`} download>
          {t("stasted.lastNedPdf")}
        </a>
      </Paragraph>
    </div>
  );
}
