import type { Route } from "./+types/sammenlign-pdf";
import { maalformKontekst } from "#app/kontekst.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { oversetter, formaterDato } from "#app/i18n/i18n.ts";
import { dagIdag, sammenlignRunder } from "#app/domain/stasted/stasted.server.ts";
import { barnehageFraKontekst } from "../barnehage.server.ts";
import { faseNokkel } from "./felles.tsx";
import { lesPar } from "./sammenlign.tsx";

/** The PDF of a before/after comparison (resource route). */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  const spraak = context.get(maalformKontekst);
  const t = oversetter(spraak);
  const { forId, etterId } = lesPar(request);
  const side = await sammenlignRunder(aktor, medlemskap, forId, etterId, tjenester());
  const etikett = (r: { fase: keyof typeof faseNokkel; apner: string }) => t("stasted.valgRunde", { fase: t(faseNokkel[r.fase]), dato: formaterDato(r.apner, spraak) });
  // @react-pdf/renderer is loaded when the first PDF is asked for, not at start (issue 16).
  const { sammenligningPdf } = await import("#app/domain/stasted/rapport.server.tsx");
  const pdf = await sammenligningPdf(
    side.sammenligning,
    {
      tittel: t("stasted.sammenligningTittel"),
      undertittel: `${medlemskap.barnehageNavn} · ${side.etter.malgruppe ?? t("stasted.heleBarnehagen")}`,
      onsket: side.etter.onsket.length ? side.etter.onsket : side.for.onsket,
      forEtikett: etikett(side.for),
      etterEtikett: etikett(side.etter),
    },
    spraak,
    dagIdag(new Date()),
  );
  return new Response(new Uint8Array(pdf), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": 'attachment; filename="stasted-sammenligning.pdf"', "Cache-Control": "private, no-store" },
  });
}
