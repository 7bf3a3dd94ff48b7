import { Link } from "react-router";
import { Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/forside";
import { offentligInnhold, offentligSideHoder } from "./offentlig.server.ts";
import { useT } from "#app/components/use-t.ts";
import { ModulListe } from "#app/components/modul-liste.tsx";
import { kommendeModuler, modulKort, nyheterIPakken } from "#app/domain/innhold/visning.ts";
import { PakkeNyheter } from "#app/components/modul-visning.tsx";

export const handle = { utenJs: true };
export const headers = () => offentligSideHoder;

export function loader({ context }: Route.LoaderArgs) {
  const { innhold, maalform } = offentligInnhold(context);
  return {
    pakke: innhold.pakke[maalform].meta,
    moduler: innhold.moduler.map((m) => modulKort(m, maalform)),
    kommer: kommendeModuler(innhold, maalform),
    nyheter: nyheterIPakken(innhold.moduler, maalform, 3),
  };
}

export function meta() {
  return [{ title: "Samla – kompetanseutvikling for hele barnehagen" }];
}

export default function Forside({ loaderData }: Route.ComponentProps) {
  const t = useT();
  return (
    <div className="smal">
      <Heading level={1} data-size="xl">
        {t("forside.tittel")}
      </Heading>
      <Paragraph data-size="lg">{t("forside.ingress")}</Paragraph>
      <section aria-labelledby="pakke-tittel" className="blokk">
        <Heading level={2} id="pakke-tittel" data-size="md">
          <Link to="/pakke">{loaderData.pakke.tittel}</Link>
        </Heading>
        {loaderData.pakke.ingress ? <Paragraph>{loaderData.pakke.ingress}</Paragraph> : null}
        <Paragraph>
          <Link to="/pakke">{t("forside.lesPakken")}</Link>
        </Paragraph>
        <ModulListe moduler={loaderData.moduler} kommer={loaderData.kommer} overskriftNivaa={3} />
        <PakkeNyheter nyheter={loaderData.nyheter} nivaa={3} />
      </section>
      <Paragraph>
        {t("forside.kontoTekst")} <Link to="/registrer">{t("nav.registrer")}</Link>
      </Paragraph>
    </div>
  );
}
