import { Link } from "react-router";
import { Heading, Paragraph, Tag } from "@digdir/designsystemet-react";
import type { Route } from "./+types/liste";
import type { SideHandle } from "#app/root.tsx";
import { tjenester } from "#app/tjenester.server.ts";
import { OppforingTekst } from "#app/components/repertoar.tsx";
import { useMaalform, useT } from "#app/components/use-t.ts";
import { formaterDato } from "#app/i18n/i18n.ts";
import { repertoaret } from "#app/domain/repertoar/repertoar.server.ts";
import { barnehageFraKontekst } from "../barnehage.server.ts";

export const handle: SideHandle = { utenJs: true };

export function meta() {
  return [{ title: "Vårt handlingsrepertoar – Samla" }];
}

/** The barnehage's living bank of «Når vi ser …, gjør vi …» (ADR 0035), by measure level. */
export async function loader({ context }: Route.LoaderArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  const r = await repertoaret(aktor, medlemskap, tjenester());
  const alle = r.grupper.flatMap((g) => g.oppforinger);
  return {
    barnehageId: medlemskap.barnehageId,
    grupper: r.grupper,
    sistEndret: alle.reduce<string | null>((s, o) => (s === null || o.endret > s ? o.endret : s), null),
  };
}

export default function Repertoar({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const sp = useMaalform();
  const base = `/barnehage/${d.barnehageId}/repertoar`;
  return (
    <div className="lesebredde repertoar">
      <Heading level={1} data-size="lg">
        {t("repertoar.tittel")}
      </Heading>
      <Paragraph>{t("repertoar.ingress")}</Paragraph>
      {d.sistEndret ? <Paragraph data-size="sm">{t("repertoar.sistEndret", { dato: formaterDato(d.sistEndret, sp) })}</Paragraph> : null}
      <ul className="lenkerad">
        <li>
          <Link to={`${base}/ny`}>{t("repertoar.foreslaa")}</Link>
        </li>
        <li>
          <Link to={`${base}/plakat`}>{t("repertoar.plakatA4")}</Link>
        </li>
        <li>
          <Link to={`${base}/plakat?format=a3`}>{t("repertoar.plakatA3")}</Link>
        </li>
        <li>
          <a href={`${base}/plakat/pdf?spraak=nb`} download>
            {t("repertoar.pdfNb")}
          </a>
        </li>
        <li>
          <a href={`${base}/plakat/pdf?spraak=nn`} download>
            {t("repertoar.pdfNn")}
          </a>
        </li>
      </ul>
      {d.grupper.length === 0 ? <Paragraph>{t("repertoar.tomt")}</Paragraph> : null}
      {d.grupper.map((g) => (
        <section key={g.niva} aria-labelledby={`niva-${g.niva}`}>
          <Heading level={2} data-size="md" id={`niva-${g.niva}`}>
            {t(`repertoar.nivaOverskrift.${g.niva}`)}
          </Heading>
          <ul className="repertoarliste">
            {g.oppforinger.map((o) => (
              <li key={o.id} data-oppforing={o.id}>
                <Tag data-color={o.status === "vedtatt" ? "success" : "neutral"} data-size="sm">
                  {t(`repertoar.status.${o.status}`)}
                </Tag>
                <OppforingTekst o={o} />
                <p className="repertoar__meta">
                  {t("repertoar.sistEndretAv", { dato: formaterDato(o.endret, sp), navn: o.endretAvNavn ?? t("repertoar.tidligereMedlem") })} ·{" "}
                  <Link to={`${base}/${o.id}`} aria-label={`${t("repertoar.se")}: ${o.situasjon.slice(0, 60)}`}>
                    {t("repertoar.se")}
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
