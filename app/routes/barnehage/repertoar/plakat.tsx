import { Link } from "react-router";
import { Heading } from "@digdir/designsystemet-react";
import type { Route } from "./+types/plakat";
import type { SideHandle } from "#app/root.tsx";
import { tjenester } from "#app/tjenester.server.ts";
import { iSetning } from "#app/components/repertoar.tsx";
import { SkrivUtKnapp } from "#app/components/skriv-ut-knapp.tsx";
import { useMaalform, useT } from "#app/components/use-t.ts";
import { formaterDato } from "#app/i18n/i18n.ts";
import { plakaten } from "#app/domain/repertoar/repertoar.server.ts";
import { barnehageFraKontekst } from "../barnehage.server.ts";

export const handle: SideHandle = { utenJs: true };

export function meta() {
  return [{ title: "Plakat – Vårt handlingsrepertoar – Samla" }];
}

/**
 * The poster for the staff room (ADR 0035): the agreed entries by level, printed from the browser
 * on A4 (standard) or A3 (`?format=a3`) with the print stylesheet. In the reader's målform; the
 * PDF takes `?spraak=`.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  const p = await plakaten(aktor, medlemskap, tjenester());
  const format = new URL(request.url).searchParams.get("format") === "a3" ? "a3" : "a4";
  return { barnehageId: medlemskap.barnehageId, format, ...p };
}

export default function Plakat({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const sp = useMaalform();
  return (
    <article className={`plakat plakat--${d.format}`} data-format={d.format}>
      <div className="knapperad ikke-utskrift">
        <Link to={`/barnehage/${d.barnehageId}/repertoar`}>{t("repertoar.plakatTilbake")}</Link>
        <SkrivUtKnapp tekst={t("repertoar.plakatSkrivUt")} />
      </div>
      <Heading level={1} data-size="xl" className="plakat__tittel">
        {t("repertoar.plakatTittel", { barnehage: d.barnehageNavn })}
      </Heading>
      <p>{t("repertoar.plakatIngress")}</p>
      {d.grupper.length === 0 ? <p>{t("repertoar.plakatTom")}</p> : null}
      {d.grupper.map((g) => (
        <section key={g.niva} className="plakat__niva" aria-labelledby={`plakat-${g.niva}`}>
          <Heading level={2} data-size="md" id={`plakat-${g.niva}`}>
            {t(`repertoar.nivaOverskrift.${g.niva}`)}
          </Heading>
          <ul className="plakat__liste">
            {g.oppforinger.map((o) => (
              <li key={o.id}>
                <p>
                  <strong>{t("repertoar.naarViSer")}</strong> {iSetning(o.situasjon)}
                </p>
                <p>
                  <strong>{t("repertoar.gjorVi")}</strong> {iSetning(o.handling)}
                </p>
                <p>
                  <strong>{t("repertoar.hvem")}:</strong> {o.hvem}
                </p>
                <p>
                  <strong>{t("repertoar.hvorfor")}:</strong> {o.hvorfor}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {d.sistEndret ? <p className="plakat__fot">{t("repertoar.sistEndret", { dato: formaterDato(d.sistEndret, sp) })}</p> : null}
    </article>
  );
}
