import type { Route } from "./+types/pdf";
import { maalformKontekst } from "#app/kontekst.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { oversetter, formaterDato } from "#app/i18n/i18n.ts";
import { dagIdag, hentRundeside } from "#app/domain/stasted/stasted.server.ts";
import { ikkeFunnet } from "#app/auth/tilgang.ts";
import { barnehageFraKontekst } from "../barnehage.server.ts";
import { faseNokkel } from "./felles.tsx";

/** The PDF of one closed round (resource route). */
export async function loader({ params, context }: Route.LoaderArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  const spraak = context.get(maalformKontekst);
  const t = oversetter(spraak);
  const r = await hentRundeside(aktor, medlemskap, params.rundeId, tjenester());
  if (!r.resultat) throw ikkeFunnet();
  const tittel = t("stasted.rundeNavn", { fase: t(faseNokkel[r.fase]), malgruppe: r.malgruppe ?? t("stasted.heleBarnehagen") });
  const undertittel = `${medlemskap.barnehageNavn} · ${t("stasted.periode", { apner: formaterDato(r.apner, spraak), lukker: formaterDato(r.lukker, spraak) })}`;
  // @react-pdf/renderer is loaded when the first PDF is asked for, not at start (issue 16).
  const { rundePdf } = await import("#app/domain/stasted/rapport.server.tsx");
  const pdf = await rundePdf(r.resultat, { tittel, undertittel, onsket: r.onsket }, spraak, dagIdag(new Date()));
  return new Response(new Uint8Array(pdf), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="stasted-${r.fase}-${r.apner}.pdf"`, "Cache-Control": "private, no-store" },
  });
}
