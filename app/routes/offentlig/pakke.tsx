import { Heading } from "@digdir/designsystemet-react";
import type { Route } from "./+types/pakke";
import { offentligInnhold, offentligSideHoder } from "./offentlig.server.ts";
import { useT } from "#app/components/use-t.ts";
import { InnholdsSide } from "#app/components/innholds-side.tsx";
import { ModulListe } from "#app/components/modul-liste.tsx";
import { kommendeModuler, modulKort, nyheterIPakken } from "#app/domain/innhold/visning.ts";
import { PakkeNyheter } from "#app/components/modul-visning.tsx";

export const handle = { utenJs: true };
export const headers = () => offentligSideHoder;

export function loader({ context }: Route.LoaderArgs) {
  const { innhold, maalform } = offentligInnhold(context);
  return {
    side: innhold.pakke[maalform],
    sistEndret: innhold.sistEndret,
    moduler: innhold.moduler.map((m) => modulKort(m, maalform)),
    kommer: kommendeModuler(innhold, maalform),
    nyheter: nyheterIPakken(innhold.moduler, maalform),
  };
}

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: `${loaderData?.side.meta.tittel ?? "Kompetansepakken"} – Samla` }];
}

export default function Pakke({ loaderData: { side, sistEndret, moduler, kommer, nyheter } }: Route.ComponentProps) {
  const t = useT();
  return (
    <InnholdsSide
      side={side}
      sistEndret={sistEndret}
      etterInnledning={
        <section aria-labelledby="moduler" className="seksjon">
          <Heading level={2} id="moduler" data-size="md">
            {t("pakke.moduler")}
          </Heading>
          <ModulListe moduler={moduler} kommer={kommer} overskriftNivaa={3} />
          <PakkeNyheter nyheter={nyheter} nivaa={3} />
        </section>
      }
    />
  );
}
