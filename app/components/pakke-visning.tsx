import { Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Pakke } from "#app/domain/utskrift/pakker.ts";

/** A print pack as a page; the print stylesheet breaks pages where the pack says so. */
export function PakkeVisning({ pakke }: { pakke: Pakke }) {
  return (
    <article className="utskriftspakke lesebredde" data-pakke>
      {pakke.deler.map((d, i) => {
        switch (d.type) {
          case "overskrift":
            return (
              <Heading key={i} level={d.niva} data-size={d.niva === 1 ? "lg" : d.niva === 2 ? "md" : "sm"}>
                {d.tekst}
              </Heading>
            );
          case "avsnitt":
            return <Paragraph key={i}>{d.tekst}</Paragraph>;
          case "liste": {
            const Liste = d.nummerert ? "ol" : "ul";
            return (
              <Liste key={i}>
                {d.punkter.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </Liste>
            );
          }
          case "html":
            // Content HTML from the repository's Markdown (no raw HTML is allowed there).
            return <div key={i} className="prosa" dangerouslySetInnerHTML={{ __html: d.html }} />;
          case "sideskift":
            return <hr key={i} className="sideskift" />;
        }
      })}
    </article>
  );
}
