import { Link } from "react-router";
import { Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/tilbakemelding";
import { kan } from "#app/auth/tilgang.ts";
import { maalformKontekst } from "#app/kontekst.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { useT } from "#app/components/use-t.ts";
import { ModulResultatVisning } from "#app/components/tilbakemelding.tsx";
import { tilbakemeldingIBarnehagen, tilbakemeldingsinstrument } from "#app/domain/tilbakemelding/tilbakemelding.server.ts";
import { barnehageFraKontekst } from "./barnehage.server.ts";
import { BarnehageSideTopp } from "#app/components/barnehage-topp.tsx";

export function meta() {
  return [{ title: "Tilbakemelding etter modulene – Samla" }];
}

/**
 * Feedback after the modules. Every member sees which modules they have answered and gets a link
 * to the rest; leder and styrer also see the results per module (only at ≥ 5 answers); the styrer
 * alone sees the free texts. No one sees who answered what.
 */
export async function loader({ context }: Route.LoaderArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  const maalform = context.get(maalformKontekst);
  const { db, innhold } = tjenester();
  const [moduler, instrument] = await Promise.all([tilbakemeldingIBarnehagen(aktor, medlemskap, { db, innhold }), tilbakemeldingsinstrument()]);
  const tittel = (modulId: string) => innhold.moduler.find((m) => m.id === modulId)?.tekst[maalform].meta.tittel ?? modulId;
  const utsagnTekst = new Map(instrument.modulTilbakemelding.utsagn.map((u) => [u.id, u[maalform]]));
  return {
    id: medlemskap.barnehageId,
    seResultat: kan(aktor, "se:tilbakemelding", medlemskap),
    erStyrer: kan(aktor, "les:tilbakemelding-fritekst", medlemskap),
    skala: [...instrument.skala.trinn.map((tr) => tr[maalform]), instrument.skala.vetIkke[maalform]],
    moduler: moduler.map((m) => ({
      ...m,
      tittel: tittel(m.modulId),
      resultat:
        m.resultat === null
          ? null
          : m.resultat.vist
            ? { ...m.resultat, utsagn: m.resultat.utsagn.map((u) => ({ ...u, tekst: utsagnTekst.get(u.utsagnId) ?? u.utsagnId })) }
            : m.resultat,
    })),
  };
}

export default function Tilbakemelding({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  return (
    <div className="smal tilbakemelding">
      <BarnehageSideTopp barnehageId={d.id} tittel={t("tilbakemelding.tittel")} ingress={t("tilbakemelding.ingress")} />

      <section aria-labelledby="gi-tilbakemelding" className="ikke-utskrift">
        <Heading level={2} data-size="md" id="gi-tilbakemelding">
          {t("tilbakemelding.giTilbakemelding")}
        </Heading>
        <ul className="tilbakemelding__moduler">
          {d.moduler.map((m) => (
            <li key={m.modulId}>
              {m.harSvart ? (
                <>
                  {t("tilbakemelding.modul", { nummer: m.nummer, tittel: m.tittel })} <span className="dempet">({t("tilbakemelding.harSvart")})</span>
                </>
              ) : (
                <Link to={`/barnehage/${d.id}/moduler/${m.slug}/tilbakemelding`}>{t("tilbakemelding.modul", { nummer: m.nummer, tittel: m.tittel })}</Link>
              )}
            </li>
          ))}
        </ul>
      </section>

      {d.seResultat ? (
        <section aria-labelledby="resultater">
          <Heading level={2} data-size="md" id="resultater">
            {t("tilbakemelding.resultater")}
          </Heading>
          <Paragraph>{t("tilbakemelding.resultaterIngress")}</Paragraph>
          <Paragraph className="ikke-utskrift dempet" data-size="sm">
            {t("tilbakemelding.skrivUt")}
          </Paragraph>
          {d.erStyrer ? null : <Paragraph>{t("tilbakemelding.fritekstLeder")}</Paragraph>}
          {d.moduler.map((m) => (
            <ModulResultatVisning key={m.modulId} m={m} skala={d.skala} />
          ))}
        </section>
      ) : null}
    </div>
  );
}
