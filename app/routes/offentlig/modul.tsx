import { Link } from "react-router";
import { Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/modul";
import { offentligInnhold, offentligSideHoder } from "./offentlig.server.ts";
import { useMaalform, useT } from "#app/components/use-t.ts";
import { ModulKropp } from "#app/components/innhold.tsx";
import { filmVisning, modulKort } from "#app/domain/innhold/visning.ts";
import { formaterDato } from "#app/i18n/i18n.ts";

export const handle = { utenJs: true };
export const headers = () => offentligSideHoder;

/** A module as the public reads it. The leader guide is never part of this page. */
export function loader({ params, context }: Route.LoaderArgs) {
  const { innhold, maalform } = offentligInnhold(context);
  const modul = innhold.modulEtterSlug(params.slug);
  if (!modul) throw new Response("Ikke funnet", { status: 404 });
  const tekst = modul.tekst[maalform];
  const naboer = innhold.moduler;
  const forrige = naboer[modul.nummer - 1];
  const neste = naboer[modul.nummer + 1];
  return {
    modul: tekst.meta,
    innledning: tekst.innledning,
    seksjoner: tekst.seksjoner,
    filmer: Object.fromEntries([...modul.filmer.values()].map((f) => [f.id, filmVisning(f, maalform)])),
    forrige: forrige ? modulKort(forrige, maalform) : null,
    neste: neste ? modulKort(neste, maalform) : null,
  };
}

export function meta({ loaderData }: Route.MetaArgs) {
  if (!loaderData) return [{ title: "Samla" }];
  return [
    { title: `${loaderData.modul.nummer}. ${loaderData.modul.tittel} – Samla` },
    { name: "description", content: loaderData.modul.ingress },
  ];
}

export default function ModulSide({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const maalform = useMaalform();
  return (
    <article className="lesebredde">
      <Paragraph data-size="sm" className="dempet">
        <Link to="/pakke">{t("modul.tilbake")}</Link> · {t("pakke.modul", { nummer: d.modul.nummer })}
      </Paragraph>
      <Heading level={1} data-size="xl">
        {d.modul.tittel}
      </Heading>
      <Paragraph data-size="lg">{d.modul.ingress}</Paragraph>
      <Paragraph data-size="sm" className="dempet">
        {t("pakke.sistEndret", { dato: formaterDato(d.modul.sistEndret, maalform) })} · {t("pakke.tidsbruk")}:{" "}
        {d.modul.tidsbruk}
      </Paragraph>
      <div className="ramme">
        <Heading level={2} data-size="xs">
          {t("modul.mal")}
        </Heading>
        <ul>
          {d.modul.mal.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      </div>
      <ModulKropp innledning={d.innledning} seksjoner={d.seksjoner} filmer={d.filmer} />
      <nav aria-label={`${t("modul.forrige")} / ${t("modul.neste")}`} className="bla">
        {d.forrige ? (
          <Link to={`/moduler/${d.forrige.slug}`} rel="prev">
            ← {t("modul.forrige")}: {d.forrige.tittel}
          </Link>
        ) : (
          <span />
        )}
        {d.neste ? (
          <Link to={`/moduler/${d.neste.slug}`} rel="next">
            {t("modul.neste")}: {d.neste.tittel} →
          </Link>
        ) : null}
      </nav>
    </article>
  );
}
