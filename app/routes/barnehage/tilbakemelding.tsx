import { Link } from "react-router";
import { Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import type { Route } from "./+types/tilbakemelding";
import { kan } from "#app/auth/tilgang.ts";
import { maalformKontekst } from "#app/kontekst.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { useMaalform, useT } from "#app/components/use-t.ts";
import { intlSprak, tallFormat } from "#app/i18n/i18n.ts";
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
  const tall = tallFormat(intlSprak(useMaalform()), { minimumFractionDigits: 1, maximumFractionDigits: 1 });
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
            <section key={m.modulId} aria-labelledby={`resultat-${m.modulId}`} className="ramme tilbakemelding__modul">
              <Heading level={3} data-size="sm" id={`resultat-${m.modulId}`}>
                {t("tilbakemelding.modul", { nummer: m.nummer, tittel: m.tittel })}
              </Heading>
              {!m.resultat || m.resultat.antallSvar === 0 ? (
                <Paragraph>{t("tilbakemelding.ingenSvar")}</Paragraph>
              ) : (
                <>
                  <Paragraph>{t("tilbakemelding.antallSvar", { antall: m.resultat.antallSvar })}</Paragraph>
                  {!m.resultat.vist ? (
                    <Paragraph>{t("tilbakemelding.forFaaSvar")}</Paragraph>
                  ) : (
                    m.resultat.utsagn.map((u) =>
                      u.vist ? (
                        <Table key={u.utsagnId} data-size="sm" className="tilbakemelding__tabell">
                          <caption>{u.tekst}</caption>
                          <Table.Head>
                            <Table.Row>
                              <Table.HeaderCell scope="col">{t("tilbakemelding.svar")}</Table.HeaderCell>
                              <Table.HeaderCell scope="col">{t("tilbakemelding.antall")}</Table.HeaderCell>
                            </Table.Row>
                          </Table.Head>
                          <Table.Body>
                            {[...u.fordeling, u.vetIkke].map((antall, i) => (
                              <Table.Row key={i}>
                                <Table.HeaderCell scope="row">{d.skala[i]}</Table.HeaderCell>
                                <Table.Cell>{antall}</Table.Cell>
                              </Table.Row>
                            ))}
                          </Table.Body>
                          <Table.Foot>
                            <Table.Row>
                              <Table.Cell colSpan={2}>{t("tilbakemelding.gjennomsnitt", { snitt: tall.format(u.gjennomsnitt) })}</Table.Cell>
                            </Table.Row>
                          </Table.Foot>
                        </Table>
                      ) : (
                        <div key={u.utsagnId}>
                          <Paragraph className="tilbakemelding__utsagn">{u.tekst}</Paragraph>
                          <Paragraph>{t("tilbakemelding.utsagnForFaa")}</Paragraph>
                        </div>
                      ),
                    )
                  )}
                  {m.fritekster ? (
                    <section aria-labelledby={`fritekst-${m.modulId}`} className="tilbakemelding__fritekst">
                      <Heading level={4} data-size="xs" id={`fritekst-${m.modulId}`}>
                        {t("tilbakemelding.fritekstTittel")}
                      </Heading>
                      <Paragraph data-size="sm" className="dempet">
                        {t("tilbakemelding.fritekstBareStyrer")}
                      </Paragraph>
                      {m.fritekster.length ? (
                        <ul>
                          {m.fritekster.map((tekst, i) => (
                            <li key={i}>{tekst}</li>
                          ))}
                        </ul>
                      ) : (
                        <Paragraph>{t("tilbakemelding.ingenFritekst")}</Paragraph>
                      )}
                    </section>
                  ) : null}
                </>
              )}
            </section>
          ))}
        </section>
      ) : null}
    </div>
  );
}
