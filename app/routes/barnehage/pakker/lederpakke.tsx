import { Link } from "react-router";
import { Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/lederpakke";
import { useT } from "#app/components/use-t.ts";
import { SkrivUtKnapp } from "#app/components/skriv-ut-knapp.tsx";
import { PakkeVisning } from "#app/components/pakke-visning.tsx";
import { hentPakke } from "./pakker.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData ? `${loaderData.pakke.tittel} – Samla` : "Samla" }];
}

/** The lederpakke (issue 14, point 5) as a print page; the same model as the tagged PDF. */
export function loader({ request, context, params }: Route.LoaderArgs) {
  return hentPakke("leder", request, context, params.slug);
}

export default function Lederpakke({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const pdf = `/barnehage/${d.barnehageId}/moduler/${d.slug}/lederpakke/pdf`;
  return (
    <div>
      <div className="skjul-utskrift">
        <Paragraph data-size="sm" className="dempet">
          <Link to={`/barnehage/${d.barnehageId}/moduler/${d.slug}/lederstotte`}>{t("pakker.tilbake")}</Link>
        </Paragraph>
        <Paragraph>{t("pakker.leder.ingress")}</Paragraph>
        <div className="knapperad">
          <SkrivUtKnapp tekst={t("pakker.skrivUt")} />
          <a href={pdf} data-pdf>
            {t("pakker.pdf")}
          </a>
        </div>
      </div>
      <PakkeVisning pakke={d.pakke} />
    </div>
  );
}
