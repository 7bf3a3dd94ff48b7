import { Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import { intlSprak, tallFormat } from "#app/i18n/i18n.ts";
import type { UtsagnResultat } from "#app/domain/tilbakemelding/tilbakemelding.ts";
import { useMaalform, useT } from "./use-t.ts";

/** One module's feedback as the barnehage page gets it: the statements carry their text. */
export type ModulResultatData = {
  modulId: string;
  nummer: number;
  tittel: string;
  resultat: null | { antallSvar: number; vist: false } | { antallSvar: number; vist: true; utsagn: (UtsagnResultat & { tekst: string })[] };
  /** Only for the styrer; null for everyone else. */
  fritekster: string[] | null;
};

/**
 * The results of the feedback after one module (ADR 0019): the number of answers, and numbers only
 * where at least five answered (the rule is in tilbakemelding.ts: `vist`); otherwise «for få svar».
 * Per statement a table of the counts on the scale and «vet ikke» with the mean. `skala` holds the
 * scale's labels 1–5 and then «vet ikke». Rendered by the route /barnehage/:id/tilbakemelding.
 */
export function ModulResultatVisning({ m, skala }: { m: ModulResultatData; skala: string[] }) {
  const t = useT();
  const tall = tallFormat(intlSprak(useMaalform()), { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return (
    <section aria-labelledby={`resultat-${m.modulId}`} className="ramme tilbakemelding__modul">
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
                        <Table.HeaderCell scope="row">{skala[i]}</Table.HeaderCell>
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
  );
}
