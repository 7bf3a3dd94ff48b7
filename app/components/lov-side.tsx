import { Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Side } from "#app/domain/innhold/innhold.server.ts";
import type { Lovparagraf, Lovtekst } from "#app/domain/innhold/lovtekst.server.ts";
import { formaterDato } from "#app/i18n/i18n.ts";
import { Blokker } from "./innhold.tsx";
import { useMaalform, useT } from "./use-t.ts";

/**
 * The law page: for each § the stored statute text (always bokmål, marked lang="nb") beside our
 * explanation; two columns on a wide screen, stacked on a phone and on paper. Sections that are
 * not a § (the plan, the sources) are shown as on any content page.
 */
export function LovSide({ side, lovtekst }: { side: Side; lovtekst: Lovtekst }) {
  const t = useT();
  const maalform = useMaalform();
  const etterId = new Map(lovtekst.paragrafer.map((p) => [p.id, p]));
  return (
    <article className="lovside">
      <div className="lesebredde">
        <Heading level={1} data-size="xl">
          {side.meta.tittel}
        </Heading>
        {side.meta.ingress ? <Paragraph data-size="lg">{side.meta.ingress}</Paragraph> : null}
        <Paragraph data-size="sm" className="dempet">
          {t("pakke.sistEndret", { dato: formaterDato(side.meta.sistEndret, maalform) })}
        </Paragraph>
        <Blokker blokker={side.innledning} filmer={{}} />
      </div>
      {side.seksjoner.map((s) => {
        const paragraf = etterId.get(s.id);
        if (!paragraf) {
          return (
            <section key={s.id} aria-labelledby={s.id} className="seksjon lesebredde">
              <Heading level={2} id={s.id} data-size="md">
                {s.tittel}
              </Heading>
              <Blokker blokker={s.blokker} filmer={{}} />
            </section>
          );
        }
        return (
          <section key={s.id} aria-labelledby={s.id} className="seksjon">
            <Heading level={2} id={s.id} data-size="md" className="lesebredde">
              {s.tittel}
            </Heading>
            <div className="lov-spalter">
              <Lovparagrafen paragraf={paragraf} kilde={lovtekst.meta.kilde} />
              <div className="lov-forklaring">
                <Heading level={3} data-size="xs">
                  {t("lov.forklaring")}
                </Heading>
                <Blokker blokker={s.blokker} filmer={{}} />
              </div>
            </div>
          </section>
        );
      })}
      <section aria-labelledby="om-lovteksten" className="seksjon lesebredde">
        <Heading level={2} id="om-lovteksten" data-size="sm">
          {t("lov.omLovteksten")}
        </Heading>
        <Paragraph>
          {t("lov.omTekst", { lagtInn: formaterDato(lovtekst.meta.hentet, maalform), iKraft: formaterDato(lovtekst.meta.iKraft, maalform) })}{" "}
          <a href={lovtekst.meta.kilde}>{lovtekst.meta.lov} – Lovdata</a>
        </Paragraph>
      </section>
    </article>
  );
}

function Lovparagrafen({ paragraf, kilde }: { paragraf: Lovparagraf; kilde: string }) {
  const t = useT();
  const tittelId = `${paragraf.id}-lovtekst`;
  return (
    <figure className="lovtekst" aria-labelledby={tittelId}>
      <figcaption id={tittelId}>{t("lov.lovtekstFor", { nummer: paragraf.nummer })}</figcaption>
      <blockquote lang="nb" cite={kilde}>
        <p className="lovtekst-tittel">
          <strong>
            § {paragraf.nummer}. {paragraf.tittel}
          </strong>
        </p>
        {paragraf.ledd.map((l) => (
          <p key={l.id} id={l.id}>
            {l.tekst}
          </p>
        ))}
      </blockquote>
      {paragraf.ledd
        .filter((l) => l.kontroll.status === "ubekreftet")
        .map((l) => (
          <p key={l.id} className="dempet lovtekst-merknad">
            <span lang="nb">{l.etikett}</span>: {t("lov.ikkeKontrollert")}
          </p>
        ))}
      {paragraf.mangler ? (
        <p className="dempet lovtekst-merknad">{paragraf.ledd.length ? t("lov.resten") : t("lov.ingenTekst")}</p>
      ) : null}
      <p className="lovtekst-merknad">
        <a href={kilde}>{t("lov.lesPaLovdata", { nummer: paragraf.nummer })}</a>
      </p>
    </figure>
  );
}
