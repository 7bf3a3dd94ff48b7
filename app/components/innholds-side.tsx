import type { ReactNode } from "react";
import { Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Side } from "#app/domain/innhold/innhold.server.ts";
import { formaterDato } from "#app/i18n/i18n.ts";
import { Blokker, Seksjoner } from "./innhold.tsx";
import { useMaalform, useT } from "./use-t.ts";

/**
 * A plain content page (the package, the glossary, the law): title, intro, «sist endret», the
 * introduction, optional extra content, then the sections.
 */
export function InnholdsSide({ side, sistEndret, etterInnledning }: { side: Side; sistEndret?: string; etterInnledning?: ReactNode }) {
  const t = useT();
  const maalform = useMaalform();
  return (
    <article className="lesebredde">
      <Heading level={1} data-size="xl">
        {side.meta.tittel}
      </Heading>
      {side.meta.ingress ? <Paragraph data-size="lg">{side.meta.ingress}</Paragraph> : null}
      <Paragraph data-size="sm" className="dempet">
        {t("pakke.sistEndret", { dato: formaterDato(sistEndret ?? side.meta.sistEndret, maalform) })}
      </Paragraph>
      <Blokker blokker={side.innledning} filmer={{}} />
      {etterInnledning}
      <Seksjoner seksjoner={side.seksjoner} filmer={{}} />
    </article>
  );
}
