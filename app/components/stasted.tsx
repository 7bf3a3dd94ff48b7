import { Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Spraak } from "#app/domain/innhold/innhold.schema.ts";
import { intlSprak, tallFormat } from "#app/i18n/i18n.ts";
import type { Rundeoppsummering, Sammenligning, Fordeling } from "#app/domain/stasted/resultat.ts";
import { useMaalform, useT } from "./use-t.ts";
import { Stolpediagram } from "./stolpediagram.tsx";

/**
 * Ståsted results (issue 6): tables per area and statement, and the before/after chart. The chart
 * is plain SVG rendered on the server, with the same numbers in a table beside it.
 */
export function formaterSnitt(verdi: number | null, spraak: Spraak): string {
  if (verdi === null) return "–";
  return tallFormat(intlSprak(spraak), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(verdi);
}

function formaterEndring(verdi: number | null, spraak: Spraak): string {
  if (verdi === null) return "–";
  const tekst = formaterSnitt(Math.abs(verdi), spraak);
  return verdi > 0.05 ? `+${tekst}` : verdi < -0.05 ? `−${tekst}` : tekst;
}

function Fordelingsceller({ fordeling }: { fordeling: Fordeling | null }) {
  const rekkefolge = [1, 2, 3, 4, 5, 0] as const;
  return (
    <>
      {rekkefolge.map((i) => (
        <td key={i} className="tall">
          {fordeling ? fordeling[i] : ""}
        </td>
      ))}
    </>
  );
}

/** The results of one closed round: «for få svar», or tables per area. */
export function Resultater({ resultat }: { resultat: Rundeoppsummering }) {
  const t = useT();
  const maalform = useMaalform();
  if (!resultat.nok) {
    return (
      <div className="ramme" role="status">
        <Heading level={2} data-size="sm">
          {t("stasted.forFaSvar")}
        </Heading>
        <Paragraph>{t("stasted.forFaForklaring", { antall: resultat.antallSvar })}</Paragraph>
      </div>
    );
  }
  return (
    <section aria-labelledby="resultater-tittel">
      <Heading level={2} data-size="md" id="resultater-tittel">
        {t("stasted.resultater")}
      </Heading>
      <Paragraph>{t("stasted.resultatForklaring", { antall: resultat.antallSvar })}</Paragraph>
      {/* The mean per area as bars (issue 15, point 6), the same CSS chart as the owner's results;
          an area under five answers is «for få svar». The figures are in the text under each area. */}
      <Stolpediagram
        tittel={t("stasted.diagramTittel")}
        data="stasted-omrader"
        stablet
        forFa={t("stasted.forFaSvar")}
        locale={intlSprak(maalform)}
        stolper={resultat.omrader.map((o) => ({ navn: o[maalform], verdi: o.nok ? o.snitt : null }))}
      />
      {resultat.omrader.map((o) => (
        <section key={o.id} aria-labelledby={`omrade-${o.id}`} className="stasted-omrade">
          <Heading level={3} data-size="sm" id={`omrade-${o.id}`}>
            {o[maalform]}
          </Heading>
          <Paragraph data-size="sm">
            {o.nok ? t("stasted.omradeSnitt", { snitt: formaterSnitt(o.snitt, maalform), antall: o.n }) : t("stasted.forFaSvar")}
          </Paragraph>
          <div className="tabellrulle" tabIndex={0} role="region" aria-labelledby={`omrade-${o.id}`}>
            <table className="stasted-tabell">
              <caption className="sr-only">{t("stasted.tabellTittel", { omrade: o[maalform] })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("stasted.utsagn")}</th>
                  <th scope="col">{t("stasted.snitt")}</th>
                  <th scope="col">{t("stasted.antall")}</th>
                  {[1, 2, 3, 4, 5].map((v) => (
                    <th key={v} scope="col" className="tall">
                      {v}
                    </th>
                  ))}
                  <th scope="col" className="tall">
                    {t("stasted.vetIkkeKort")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {resultat.utsagn
                  .filter((u) => u.omrade === o.id)
                  .map((u) => (
                    <tr key={u.id}>
                      <th scope="row">{u[maalform]}</th>
                      {u.nok ? (
                        <>
                          <td className="tall">{formaterSnitt(u.snitt, maalform)}</td>
                          <td className="tall">{u.n}</td>
                          <Fordelingsceller fordeling={u.fordeling} />
                        </>
                      ) : (
                        <td colSpan={8}>{t("stasted.forFaSvar")}</td>
                      )}
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
      <Paragraph data-size="sm">{t("stasted.skalaForklaring")}</Paragraph>
    </section>
  );
}

/**
 * The team's «hvor vil vi?» beside the figures: the one team's for a team's round, and each team's
 * that has written one for a round for the whole barnehage (issue 15, point 6).
 */
export function OnsketTekst({ tekster }: { tekster: readonly { teamNavn: string; tekst: string }[] }) {
  const t = useT();
  if (tekster.length === 0) return null;
  return (
    <div className="stasted-onsket-liste">
      {tekster.map((o, i) => (
        <aside key={i} className="ramme stasted-onsket" aria-labelledby={`onsket-tittel-${i}`} data-onsket={o.teamNavn}>
          <Heading level={2} data-size="sm" id={`onsket-tittel-${i}`}>
            {t("stasted.onsketFor", { team: o.teamNavn })}
          </Heading>
          {o.tekst.split(/\n\s*\n/).map((avsnitt, j) => (
            <Paragraph key={j}>{avsnitt}</Paragraph>
          ))}
        </aside>
      ))}
    </div>
  );
}

const BREDDE = 640;
const VENSTRE = 8;
const RAD = 86;

/** A horizontal bar chart of the mean per area before and after (scale 1–5), drawn as SVG on the server. */
export function Sammenligningsgraf({ sammenligning, forEtikett, etterEtikett }: { sammenligning: Sammenligning; forEtikett: string; etterEtikett: string }) {
  const t = useT();
  const maalform = useMaalform();
  const hoyde = sammenligning.omrader.length * RAD + 40;
  const skala = (v: number) => ((BREDDE - VENSTRE - 90) * v) / 5;
  return (
    <figure className="stasted-graf">
      <svg viewBox={`0 0 ${BREDDE} ${hoyde}`} role="img" aria-labelledby="graf-tittel graf-beskrivelse" className="stasted-graf__svg">
        <title id="graf-tittel">{t("stasted.grafTittel")}</title>
        <desc id="graf-beskrivelse">{t("stasted.grafBeskrivelse")}</desc>
        <g fontSize="15" fill="#1e1e1e">
          <rect x={VENSTRE} y={6} width={14} height={14} fill="#0062ba" />
          <text x={VENSTRE + 20} y={18}>
            {forEtikett}
          </text>
          <rect x={VENSTRE + 260} y={6} width={14} height={14} fill="#1a7f37" />
          <text x={VENSTRE + 280} y={18}>
            {etterEtikett}
          </text>
        </g>
        {sammenligning.omrader.map((o, i) => {
          const y = 40 + i * RAD;
          return (
            <g key={o.id} fontSize="15" fill="#1e1e1e">
              <text x={VENSTRE} y={y + 14} fontWeight="600">
                {o[maalform]}
              </text>
              {([
                [o.for, "#0062ba", 22],
                [o.etter, "#1a7f37", 48],
              ] as const).map(([verdi, farge, dy]) => (
                <g key={dy}>
                  {verdi === null ? (
                    <text x={VENSTRE} y={y + dy + 15} fontStyle="italic">
                      {t("stasted.forFaSvar")}
                    </text>
                  ) : (
                    <>
                      <rect x={VENSTRE} y={y + dy} width={skala(verdi)} height={20} fill={farge} />
                      <text x={VENSTRE + skala(verdi) + 6} y={y + dy + 15}>
                        {formaterSnitt(verdi, maalform)}
                      </text>
                    </>
                  )}
                </g>
              ))}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/** The same numbers as the chart, as a table. */
export function Sammenligningstabell({ sammenligning, forEtikett, etterEtikett }: { sammenligning: Sammenligning; forEtikett: string; etterEtikett: string }) {
  const t = useT();
  const maalform = useMaalform();
  return (
    <div className="tabellrulle" tabIndex={0} role="region" aria-labelledby="sammenligning-tabell">
      <table className="stasted-tabell">
        <caption id="sammenligning-tabell">{t("stasted.tabellSammenligning")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("stasted.omrade")}</th>
            <th scope="col">{forEtikett}</th>
            <th scope="col">{etterEtikett}</th>
            <th scope="col">{t("stasted.endring")}</th>
          </tr>
        </thead>
        <tbody>
          {sammenligning.omrader.map((o) => (
            <tr key={o.id}>
              <th scope="row">{o[maalform]}</th>
              <td className="tall">{o.for === null ? t("stasted.forFaSvar") : formaterSnitt(o.for, maalform)}</td>
              <td className="tall">{o.etter === null ? t("stasted.forFaSvar") : formaterSnitt(o.etter, maalform)}</td>
              <td className="tall">{formaterEndring(o.endring, maalform)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
