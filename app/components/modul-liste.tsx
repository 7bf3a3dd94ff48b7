import { Link } from "react-router";
import { Heading, Paragraph } from "@digdir/designsystemet-react";
import type { ModulKort } from "#app/domain/innhold/visning.ts";
import { formaterDato } from "#app/i18n/i18n.ts";
import { useMaalform, useT } from "./use-t.ts";

export type KommendeModul = { id: string; nummer: number; tittel: string; tekst: string };

/**
 * The package's modules as a numbered list of cards, each linking to its module page; a scheduled
 * module the editor announces («Kommer våren 2027») is a card without a link (ADR 0034).
 */
export function ModulListe({ moduler, overskriftNivaa, kommer = [] }: { moduler: ModulKort[]; overskriftNivaa: 2 | 3; kommer?: KommendeModul[] }) {
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
      {kommer.map((m) => (
        <li key={m.id} className="modulkort">
          <Paragraph data-size="sm" className="modulkort__nummer">
            {t("pakke.modul", { nummer: m.nummer })}
          </Paragraph>
          <Heading level={overskriftNivaa} data-size="sm">
            {m.tittel}
          </Heading>
          <Paragraph data-size="sm">
            <strong>{m.tekst}</strong>
          </Paragraph>
        </li>
      ))}
    </ol>
  );
}
