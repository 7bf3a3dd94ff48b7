import { Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/pakke";
import { offentligInnhold, offentligSideHoder } from "./offentlig.server.ts";
import { useMaalform, useT } from "#app/components/use-t.ts";
import { Blokker, Seksjoner } from "#app/components/innhold.tsx";
import { ModulListe } from "#app/components/modul-liste.tsx";
import { modulKort } from "#app/domain/innhold/visning.ts";
import { formaterDato } from "#app/i18n/i18n.ts";

export const handle = { utenJs: true };
export const headers = () => offentligSideHoder;

export function loader({ context }: Route.LoaderArgs) {
  const { innhold, maalform } = offentligInnhold(context);
  return {
    side: innhold.pakke[maalform],
    sistEndret: innhold.sistEndret,
    moduler: innhold.moduler.map((m) => modulKort(m, maalform)),
  };
}

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: `${loaderData?.side.meta.tittel ?? "Kompetansepakken"} – Samla` }];
}

export default function Pakke({ loaderData: { side, sistEndret, moduler } }: Route.ComponentProps) {
  const t = useT();
  const maalform = useMaalform();
  return (
    <article className="lesebredde">
      <Heading level={1} data-size="xl">
        {side.meta.tittel}
      </Heading>
      {side.meta.ingress ? <Paragraph data-size="lg">{side.meta.ingress}</Paragraph> : null}
      <Paragraph data-size="sm" className="dempet">
        {t("pakke.sistEndret", { dato: formaterDato(sistEndret, maalform) })}
      </Paragraph>
      <Blokker blokker={side.innledning} filmer={{}} />
      <section aria-labelledby="moduler" className="seksjon">
        <Heading level={2} id="moduler" data-size="md">
          {t("pakke.moduler")}
        </Heading>
        <ModulListe moduler={moduler} overskriftNivaa={3} />
      </section>
      <Seksjoner seksjoner={side.seksjoner} filmer={{}} />
    </article>
  );
}
