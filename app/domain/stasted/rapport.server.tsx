import path from "node:path";
import { Document, Font, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";
import type { Spraak } from "#app/domain/innhold/innhold.schema.ts";
import { formaterDato, intlSprak, oversetter, tallFormat } from "#app/i18n/i18n.ts";
import type { Rundeoppsummering, Sammenligning } from "./resultat.ts";
import type { Fase } from "./stasted.repo.server.ts";

/**
 * PDF reports of a round or a comparison (issue 6, ADR 0018), for a staff meeting, the
 * samarbeidsutvalg or the owner. The font (DejaVu Sans, free licence, in ./fonter) is embedded so
 * æ, ø and å look the same in every reader and the file is fit for archiving.
 */
const FONTER = path.resolve("app/domain/stasted/fonter");
let registrert = false;
/** Registers the embedded DejaVu Sans once per process (also used by the owner's report, app/domain/eier). */
export function registrerFont() {
  if (registrert) return;
  Font.register({
    family: "DejaVu Sans",
    fonts: [
      { src: path.join(FONTER, "DejaVuSans.ttf") },
      { src: path.join(FONTER, "DejaVuSans-Bold.ttf"), fontWeight: "bold" },
    ],
  });
  Font.registerHyphenationCallback((ord) => [ord]);
  registrert = true;
}

const s = StyleSheet.create({
  side: { fontFamily: "DejaVu Sans", fontSize: 10, padding: 40, lineHeight: 1.4, color: "#1e1e1e" },
  h1: { fontSize: 18, fontWeight: "bold", marginBottom: 6 },
  h2: { fontSize: 13, fontWeight: "bold", marginTop: 14, marginBottom: 4 },
  liten: { fontSize: 8.5, color: "#444" },
  rad: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: "#bbb", paddingVertical: 3 },
  hode: { flexDirection: "row", borderBottomWidth: 1, borderBottomColor: "#333", paddingVertical: 3, fontWeight: "bold" },
  tekstkol: { flex: 1, paddingRight: 6 },
  tallkol: { width: 34, textAlign: "right" },
  bredkol: { width: 70, textAlign: "right" },
  onsket: { borderWidth: 0.5, borderColor: "#888", padding: 8, marginVertical: 8 },
  stolpe: { height: 9, marginVertical: 1.5 },
});

const FARGE_FOR = "#0062ba";
const FARGE_ETTER = "#1a7f37";

export type RapportTekst = { tittel: string; undertittel: string; onsket: readonly { teamNavn: string; tekst: string }[] };

function snitt(v: number | null, spraak: Spraak) {
  return v === null ? "–" : tallFormat(intlSprak(spraak), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v);
}

/** Each team's «hvor vil vi?»: one for a team's round, every team's for a round for the whole barnehage. */
function Onsket({ tekst, spraak }: { tekst: RapportTekst["onsket"]; spraak: Spraak }) {
  const t = oversetter(spraak);
  return (
    <>
      {tekst.map((o, i) => (
        <View key={i} style={s.onsket}>
          <Text style={{ fontWeight: "bold" }}>{t("stasted.onsketFor", { team: o.teamNavn })}</Text>
          <Text>{o.tekst}</Text>
        </View>
      ))}
    </>
  );
}

function Bunntekst({ spraak, laget }: { spraak: Spraak; laget: string }) {
  const t = oversetter(spraak);
  return (
    <Text style={[s.liten, { marginTop: 16 }]} fixed>
      {t("stasted.pdfBunntekst", { dato: formaterDato(laget, spraak) })}
    </Text>
  );
}

/** A round's results: the same «for få svar» rule as the page. */
export async function rundePdf(resultat: Rundeoppsummering, tekst: RapportTekst, spraak: Spraak, laget: string): Promise<Buffer> {
  registrerFont();
  const t = oversetter(spraak);
  const dokument = (
    <Document title={tekst.tittel} language={spraak === "nn" ? "nn-NO" : "nb-NO"} author="Samla">
      <Page size="A4" style={s.side}>
        <Text style={s.h1}>{tekst.tittel}</Text>
        <Text>{tekst.undertittel}</Text>
        <Onsket tekst={tekst.onsket} spraak={spraak} />
        {!resultat.nok ? (
          <View>
            <Text style={s.h2}>{t("stasted.forFaSvar")}</Text>
            <Text>{t("stasted.forFaForklaring", { antall: resultat.antallSvar })}</Text>
          </View>
        ) : (
          <View>
            <Text style={{ marginTop: 6 }}>{t("stasted.resultatForklaring", { antall: resultat.antallSvar })}</Text>
            {resultat.omrader.map((o) => (
              <View key={o.id} wrap={false}>
                <Text style={s.h2}>
                  {o[spraak]}: {o.nok ? t("stasted.omradeSnitt", { snitt: snitt(o.snitt, spraak), antall: o.n }) : t("stasted.forFaSvar")}
                </Text>
                <View style={s.hode}>
                  <Text style={s.tekstkol}>{t("stasted.utsagn")}</Text>
                  <Text style={s.tallkol}>{t("stasted.snitt")}</Text>
                  {["1", "2", "3", "4", "5"].map((v) => (
                    <Text key={v} style={s.tallkol}>
                      {v}
                    </Text>
                  ))}
                  <Text style={s.tallkol}>{t("stasted.vetIkkeKort")}</Text>
                </View>
                {resultat.utsagn
                  .filter((u) => u.omrade === o.id)
                  .map((u) => (
                    <View key={u.id} style={s.rad}>
                      <Text style={s.tekstkol}>{u[spraak]}</Text>
                      {u.nok && u.fordeling ? (
                        <>
                          <Text style={s.tallkol}>{snitt(u.snitt, spraak)}</Text>
                          {[1, 2, 3, 4, 5, 0].map((i) => (
                            <Text key={i} style={s.tallkol}>
                              {String(u.fordeling![i])}
                            </Text>
                          ))}
                        </>
                      ) : (
                        <Text style={{ width: 34 * 7, textAlign: "right" }}>{t("stasted.forFaSvar")}</Text>
                      )}
                    </View>
                  ))}
              </View>
            ))}
            <Text style={[s.liten, { marginTop: 8 }]}>{t("stasted.skalaForklaring")}</Text>
          </View>
        )}
        <Bunntekst spraak={spraak} laget={laget} />
      </Page>
    </Document>
  );
  return renderToBuffer(dokument);
}

/** Before and after per area, as bars and as numbers. */
export async function sammenligningPdf(
  sammenligning: Sammenligning,
  tekst: RapportTekst & { forEtikett: string; etterEtikett: string },
  spraak: Spraak,
  laget: string,
): Promise<Buffer> {
  registrerFont();
  const t = oversetter(spraak);
  const bredde = (v: number) => `${Math.max(0, Math.min(100, (v / 5) * 100))}%`;
  const dokument = (
    <Document title={tekst.tittel} language={spraak === "nn" ? "nn-NO" : "nb-NO"} author="Samla">
      <Page size="A4" style={s.side}>
        <Text style={s.h1}>{tekst.tittel}</Text>
        <Text>{tekst.undertittel}</Text>
        <Onsket tekst={tekst.onsket} spraak={spraak} />
        <View style={{ flexDirection: "row", marginVertical: 8 }}>
          <View style={{ width: 10, height: 10, backgroundColor: FARGE_FOR, marginRight: 4 }} />
          <Text style={{ marginRight: 16 }}>{tekst.forEtikett}</Text>
          <View style={{ width: 10, height: 10, backgroundColor: FARGE_ETTER, marginRight: 4 }} />
          <Text>{tekst.etterEtikett}</Text>
        </View>
        {sammenligning.omrader.map((o) => (
          <View key={o.id} wrap={false} style={{ marginBottom: 6 }}>
            <Text style={{ fontWeight: "bold" }}>{o[spraak]}</Text>
            {([
              [o.for, FARGE_FOR],
              [o.etter, FARGE_ETTER],
            ] as const).map(([v, farge], i) => (
              <View key={i} style={{ flexDirection: "row", alignItems: "center" }}>
                <View style={{ width: 300 }}>{v === null ? <Text style={s.liten}>{t("stasted.forFaSvar")}</Text> : <View style={[s.stolpe, { width: bredde(v), backgroundColor: farge }]} />}</View>
                <Text style={{ marginLeft: 6 }}>{snitt(v, spraak)}</Text>
              </View>
            ))}
          </View>
        ))}
        <Text style={s.h2}>{t("stasted.tabellSammenligning")}</Text>
        <View style={s.hode}>
          <Text style={s.tekstkol}>{t("stasted.omrade")}</Text>
          <Text style={s.bredkol}>{tekst.forEtikett}</Text>
          <Text style={s.bredkol}>{tekst.etterEtikett}</Text>
          <Text style={s.bredkol}>{t("stasted.endring")}</Text>
        </View>
        {sammenligning.omrader.map((o) => (
          <View key={o.id} style={s.rad}>
            <Text style={s.tekstkol}>{o[spraak]}</Text>
            <Text style={s.bredkol}>{o.for === null ? t("stasted.forFaSvar") : snitt(o.for, spraak)}</Text>
            <Text style={s.bredkol}>{o.etter === null ? t("stasted.forFaSvar") : snitt(o.etter, spraak)}</Text>
            <Text style={s.bredkol}>{o.endring === null ? "–" : `${o.endring > 0 ? "+" : ""}${snitt(o.endring, spraak)}`}</Text>
          </View>
        ))}
        <Text style={[s.liten, { marginTop: 8 }]}>{t("stasted.skalaForklaring")}</Text>
        <Bunntekst spraak={spraak} laget={laget} />
      </Page>
    </Document>
  );
  return renderToBuffer(dokument);
}

export type { Fase };
