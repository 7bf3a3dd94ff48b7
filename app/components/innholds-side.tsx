import { Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Side } from "#app/domain/innhold/innhold.server.ts";
import { formaterDato } from "#app/i18n/i18n.ts";
import { Blokker, Seksjoner } from "./innhold.tsx";
import { useMaalform, useT } from "./use-t.ts";

/** A plain content page (glossary, the law): title, intro, sections, «sist endret». */
export function InnholdsSide({ side }: { side: Side }) {
  const t = useT();
  const maalform = useMaalform();
  return (
    <article className="lesebredde">
      <Heading level={1} data-size="xl">
        {side.meta.tittel}
      </Heading>
      {side.meta.ingress ? <Paragraph data-size="lg">{side.meta.ingress}</Paragraph> : null}
      <Paragraph data-size="sm" className="dempet">
        {t("pakke.sistEndret", { dato: formaterDato(side.meta.sistEndret, maalform) })}
      </Paragraph>
      <Blokker blokker={side.innledning} filmer={{}} />
      <Seksjoner seksjoner={side.seksjoner} filmer={{}} />
    </article>
  );
}
