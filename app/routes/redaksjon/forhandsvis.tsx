import { Alert, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/forhandsvis";
import type { SideHandle } from "#app/root.tsx";
import { aktorKontekst, maalformKontekst } from "#app/kontekst.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { forhandsvisModul } from "#app/domain/redaksjon/redaksjon.server.ts";
import { modulVisningData } from "#app/domain/innhold/visning.ts";
import { ModulVisning } from "#app/components/modul-visning.tsx";
import { useT } from "#app/components/use-t.ts";

export const handle: SideHandle = { utenJs: true };

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData ? `Forhåndsvisning: ${loaderData.modul.tittel} – Samla` : "Samla" }];
}

/** The editor's preview (ADR 0034): the newest edition of any module, exactly as readers will see it. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const { db, alleInnhold } = tjenester();
  const maalform = context.get(maalformKontekst);
  const modul = await forhandsvisModul(context.get(aktorKontekst), params.slug, { db, alleInnhold });
  return { ...modulVisningData(modul, alleInnhold.moduler, maalform), status: modul.status };
}

export default function Forhandsvis({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  return (
    <ModulVisning
      d={d}
      lenker={false}
      over={
        <Alert data-color="warning" className="forhandsvisning" role="note" aria-labelledby="forhandsvisning-tittel">
          <Heading level={2} data-size="xs" id="forhandsvisning-tittel">
            {t("utgave.forhandsvisning")}
          </Heading>
          <Paragraph>{t("utgave.forhandsvisningTekst", { status: t(`utgave.status.${d.status}`) })}</Paragraph>
        </Alert>
      }
    />
  );
}
