import { Heading, Paragraph } from "@digdir/designsystemet-react";
import type { RutineDokument } from "#app/domain/rutine/rutine.ts";
import { useT } from "./use-t.ts";

/** The written routine (issue 14, point 4) as a printable article; the same model as the PDF. */
export function RutineVisning({ dok, nivaa = 1 }: { dok: RutineDokument; nivaa?: 1 | 2 }) {
  const t = useT();
  const h = (n: number) => Math.min(6, n + nivaa - 1) as 1 | 2 | 3 | 4 | 5 | 6;
  return (
    <article className="rutinedokument lesebredde" data-rutine>
      <Heading level={h(1)} data-size={nivaa === 1 ? "lg" : "md"}>
        {dok.tittel}
      </Heading>
      <Paragraph>{dok.ingress}</Paragraph>
      <Paragraph data-vedtatt>
        <strong>{dok.vedtatt}</strong>
      </Paragraph>
      {dok.seksjoner.map((s) => (
        <section key={s.overskrift}>
          <Heading level={h(2)} data-size="sm">
            {s.overskrift}
          </Heading>
          {s.lov.map((l) => (
            <Paragraph key={l}>{l}</Paragraph>
          ))}
          {s.liste ? (
            <ul>
              {s.liste.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          ) : null}
          {s.hosOss.length > 0 ? (
            <div className="rutine-hos-oss">
              <Heading level={h(3)} data-size="xs">
                {t("rutine.dok.hosOss")}
              </Heading>
              <dl>
                {s.hosOss.map((x) => (
                  <div key={x.sporsmal}>
                    <dt>{x.sporsmal}</dt>
                    <dd>{x.svar}</dd>
                  </div>
                ))}
              </dl>
            </div>
          ) : null}
        </section>
      ))}
    </article>
  );
}
