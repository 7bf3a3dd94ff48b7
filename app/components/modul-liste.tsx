import { Link } from "react-router";
import { Heading, Paragraph } from "@digdir/designsystemet-react";
import type { ModulKort } from "#app/domain/innhold/visning.ts";
import { formaterDato } from "#app/i18n/i18n.ts";
import { useMaalform, useT } from "./use-t.ts";

/** The package's modules as a numbered list of cards, each linking to its module page. */
export function ModulListe({ moduler, overskriftNivaa }: { moduler: ModulKort[]; overskriftNivaa: 2 | 3 }) {
  const t = useT();
  const maalform = useMaalform();
  return (
    <ol className="modulliste">
      {moduler.map((m) => (
        <li key={m.id} className="modulkort">
          <Paragraph data-size="sm" className="modulkort__nummer">
            {t("pakke.modul", { nummer: m.nummer })}
          </Paragraph>
          <Heading level={overskriftNivaa} data-size="sm">
            <Link to={`/moduler/${m.slug}`}>{m.tittel}</Link>
          </Heading>
          <Paragraph data-size="sm">{m.ingress}</Paragraph>
          <Paragraph data-size="xs" className="dempet">
            {t("pakke.sistEndret", { dato: formaterDato(m.sistEndret, maalform) })}
          </Paragraph>
        </li>
      ))}
    </ol>
  );
}
