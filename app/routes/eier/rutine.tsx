import { Link } from "react-router";
import { Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/rutine";
import { maalformKontekst } from "#app/kontekst.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { useT } from "#app/components/use-t.ts";
import { SkrivUtKnapp } from "#app/components/skriv-ut-knapp.tsx";
import { RutineVisning } from "#app/components/rutine-visning.tsx";
import { rutineForEier } from "#app/domain/rutine/rutine.server.ts";
import { rutineDokument } from "#app/domain/rutine/rutine.ts";
import { formaterDato, oversetter } from "#app/i18n/i18n.ts";
import { eierFraKontekst } from "./eier.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData ? `${loaderData.dok.tittel} – Samla` : "Samla" }];
}

/** The owner reads a linked barnehage's current routine (roles and places; no other personal data). */
export async function loader({ context, params }: Route.LoaderArgs) {
  const { aktor, medlemskap } = eierFraKontekst(context);
  const sp = context.get(maalformKontekst);
  const { barnehageNavn, rutine } = await rutineForEier(aktor, medlemskap, params.barnehageId, tjenester());
  return { eierId: medlemskap.eierId, dok: rutineDokument(rutine, barnehageNavn, oversetter(sp), (d) => formaterDato(d, sp)) };
}

export default function EierRutine({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  return (
    <div>
      <Paragraph data-size="sm" className="dempet skjul-utskrift">
        <Link to={`/eier/${d.eierId}/rutiner`}>{t("eierRutine.tittel")}</Link>
      </Paragraph>
      <div className="knapperad skjul-utskrift">
        <SkrivUtKnapp tekst={t("rutine.skrivUt")} />
      </div>
      <RutineVisning dok={d.dok} />
    </div>
  );
}
