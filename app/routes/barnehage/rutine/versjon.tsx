import { Link } from "react-router";
import { Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/versjon";
import { maalformKontekst } from "#app/kontekst.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { useT } from "#app/components/use-t.ts";
import { SkrivUtKnapp } from "#app/components/skriv-ut-knapp.tsx";
import { RutineVisning } from "#app/components/rutine-visning.tsx";
import { rutineVersjon, versjonParam } from "#app/domain/rutine/rutine.server.ts";
import { rutineDokument } from "#app/domain/rutine/rutine.ts";
import { formaterDato, oversetter } from "#app/i18n/i18n.ts";
import { barnehageFraKontekst } from "../barnehage.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData ? `${loaderData.dok.tittel} – Samla` : "Samla" }];
}

/** One version of the routine, to read and print (print stylesheet) or download as a tagged PDF. */
export async function loader({ context, params }: Route.LoaderArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  const sp = context.get(maalformKontekst);
  const rutine = await rutineVersjon(aktor, medlemskap, versjonParam(params.versjon), tjenester());
  return { barnehageId: medlemskap.barnehageId, versjon: rutine.versjon, dok: rutineDokument(rutine, medlemskap.barnehageNavn, oversetter(sp), (d) => formaterDato(d, sp)) };
}

export default function RutineVersjon({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  return (
    <div>
      <Paragraph data-size="sm" className="dempet skjul-utskrift">
        <Link to={`/barnehage/${d.barnehageId}/rutine`}>{t("rutine.tilbake")}</Link>
      </Paragraph>
      <div className="knapperad skjul-utskrift">
        <SkrivUtKnapp tekst={t("rutine.skrivUt")} />
        <a href={`/barnehage/${d.barnehageId}/rutine/${d.versjon}/pdf`}>{t("rutine.pdf")}</a>
      </div>
      <RutineVisning dok={d.dok} />
    </div>
  );
}
