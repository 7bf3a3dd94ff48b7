import { Link } from "react-router";
import { Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/lederstotte";
import { ikkeFunnet, krev } from "#app/auth/tilgang.ts";
import { maalformKontekst } from "#app/kontekst.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { useT } from "#app/components/use-t.ts";
import { Seksjoner } from "#app/components/innhold.tsx";
import { filmVisning } from "#app/domain/innhold/visning.ts";
import { barnehageFraKontekst } from "./barnehage.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData ? `${loaderData.tittel} – lederstøtte – Samla` : "Samla" }];
}

/**
 * A module's leader guide, for leder and styrer of this barnehage only: everyone else gets
 * "not found" by direct URL, not just a hidden menu item. Looked up in the content index by slug.
 */
export function loader({ params, context }: Route.LoaderArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  krev(aktor, "les:lederstotte", medlemskap);
  const maalform = context.get(maalformKontekst);
  const modul = tjenester().innhold.modulEtterSlug(params.slug);
  if (!modul) throw ikkeFunnet();
  const leder = modul.leder[maalform];
  const svarIder = new Set(leder.seksjoner.flatMap((s) => s.blokker).flatMap((b) => (b.type === "svar" ? [b.svar.aktivitetId] : [])));
  return {
    barnehageId: medlemskap.barnehageId,
    barnehageNavn: medlemskap.barnehageNavn,
    nummer: modul.nummer,
    tittel: modul.tekst[maalform].meta.tittel,
    varighet: leder.meta.varighet,
    slug: modul.slug,
    samlingsplan: leder.meta.samlingsplan.map((s) => ({
      id: s.id,
      minutter: s.minutter,
      tittel: s.tittel,
      beskrivelse: s.beskrivelse,
      // Link the step to «Dette bør komme fram» when its activity has one.
      svar: s.aktivitet && svarIder.has(s.aktivitet) ? s.aktivitet : undefined,
    })),
    seksjoner: leder.seksjoner,
    filmer: Object.fromEntries([...modul.filmer.values()].map((f) => [f.id, filmVisning(f, maalform)])),
  };
}

export default function Lederstotte({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  return (
    <article className="lesebredde">
      <Paragraph data-size="sm" className="dempet">
        <Link to={`/barnehage/${d.barnehageId}`}>{d.barnehageNavn}</Link> · {t("pakke.modul", { nummer: d.nummer })}
      </Paragraph>
      <Heading level={1} data-size="xl">
        {t("lederstotte.tittel", { tittel: d.tittel })}
      </Heading>
      <Paragraph>{t("lederstotte.privat")}</Paragraph>
      <Paragraph className="skjul-utskrift">
        <Link to={`/barnehage/${d.barnehageId}/moduler/${d.slug}/lederpakke`}>{t("pakker.lenke.leder")}</Link> · <Link to={`/barnehage/${d.barnehageId}/moduler/${d.slug}/samlingspakke`}>{t("pakker.lenke.samling")}</Link>
      </Paragraph>
      <section aria-labelledby="samlingsplan" className="ramme">
        <Heading level={2} data-size="sm" id="samlingsplan">
          {t("lederstotte.samlingsplan", { minutter: d.varighet })}
        </Heading>
        <ol className="samlingsplan">
          {d.samlingsplan.map((s) => (
            <li key={s.id}>
              <strong>{s.tittel}</strong> <span className="dempet">({t("lederstotte.steg", { minutter: s.minutter })})</span>
              <br />
              {s.beskrivelse}
              {s.svar ? (
                <>
                  {" "}
                  <a href={`#svar-${s.svar}`}>{t("lederstotte.svarLenke")}</a>
                </>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
      <Seksjoner seksjoner={d.seksjoner} filmer={d.filmer} aktivitetUrl={`/moduler/${d.slug}`} />
    </article>
  );
}
