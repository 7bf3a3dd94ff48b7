import { Document, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";
import type { Spraak } from "#app/domain/innhold/innhold.schema.ts";
import { formaterDato, intlSprak, oversetter } from "#app/i18n/i18n.ts";
import { registrerFont } from "#app/domain/stasted/rapport.server.tsx";
import { formaterCelle, type EierRapport, type Rapporttabell } from "./rapport.ts";

/**
 * The owner's report as a PDF for the municipality's archive (issue 15, point 5): the same model
 * as the page and the CSV, so a hidden cell is «for få svar» here too; DejaVu Sans embedded (ADR
 * 0018). A4 landscape, so the areas fit as columns; a bar chart per ståsted area beside the numbers.
 */
const s = StyleSheet.create({
  side: { fontFamily: "DejaVu Sans", fontSize: 8.5, padding: 32, lineHeight: 1.35, color: "#1e1e1e" },
  h1: { fontSize: 16, fontWeight: "bold", marginBottom: 4 },
  h2: { fontSize: 11, fontWeight: "bold", marginTop: 12, marginBottom: 4 },
  liten: { fontSize: 7.5, color: "#444" },
  hode: { flexDirection: "row", borderBottomWidth: 1, borderBottomColor: "#333", paddingVertical: 2, fontWeight: "bold" },
  rad: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: "#bbb", paddingVertical: 2 },
  navn: { width: 130, paddingRight: 4 },
  celle: { flex: 1, textAlign: "right", paddingLeft: 3 },
  diagram: { width: 250, marginRight: 12, marginBottom: 6 },
  stolperad: { flexDirection: "row", alignItems: "center", marginVertical: 0.8 },
  stolpenavn: { width: 90, fontSize: 7 },
  spor: { width: 120, height: 7, backgroundColor: "#eef1f5" },
  stolpe: { height: 7, backgroundColor: "#0062ba" },
  tall: { width: 30, fontSize: 7, textAlign: "right" },
});

function Tabell({ tabell, locale, forFa, barnehage }: { tabell: Rapporttabell; locale: string; forFa: string; barnehage: string }) {
  return (
    <View wrap={false}>
      <Text style={s.h2}>{tabell.tittel}</Text>
      <View style={s.hode}>
        <Text style={s.navn}>{barnehage}</Text>
        {tabell.kolonner.map((k, i) => (
          <Text key={i} style={s.celle}>
            {k}
          </Text>
        ))}
      </View>
      {tabell.rader.map((r, i) => (
        <View key={i} style={[s.rad, r.samlet ? { fontWeight: "bold" } : {}]}>
          <Text style={s.navn}>{r.navn}</Text>
          {r.celler ? (
            r.celler.map((c, j) => (
              <Text key={j} style={s.celle}>
                {formaterCelle(c, tabell.format[j]!, locale, forFa)}
              </Text>
            ))
          ) : (
            <Text style={[s.celle, { flex: tabell.kolonner.length }]}>{forFa}</Text>
          )}
        </View>
      ))}
    </View>
  );
}

function Diagrammer({ tabell, locale, forFa }: { tabell: Rapporttabell; locale: string; forFa: string }) {
  return (
    <View style={{ flexDirection: "row", flexWrap: "wrap", marginTop: 6 }}>
      {tabell.kolonner.map((omrade, j) => (
        <View key={j} style={s.diagram} wrap={false}>
          <Text style={{ fontWeight: "bold", fontSize: 7.5 }}>{omrade}</Text>
          {tabell.rader.map((r, i) => {
            const v = r.celler?.[j] ?? null;
            return (
              <View key={i} style={s.stolperad}>
                <Text style={s.stolpenavn}>{r.navn}</Text>
                <View style={s.spor}>{v === null ? null : <View style={[s.stolpe, { width: `${(v / 5) * 100}%` }]} />}</View>
                <Text style={s.tall}>{v === null ? forFa : formaterCelle(v, "snitt", locale, forFa)}</Text>
              </View>
            );
          })}
        </View>
      ))}
    </View>
  );
}

export async function eierRapportPdf(rapport: EierRapport, sp: Spraak, laget: Date): Promise<Buffer> {
  registrerFont();
  const t = oversetter(sp);
  const locale = intlSprak(sp);
  const forFa = t("eierResultater.forFaaSvar");
  const tittel = t("eierResultater.pdfTittel", { navn: rapport.eierNavn });
  const dokument = (
    <Document title={tittel} language={locale} author="Samla">
      <Page size="A4" orientation="landscape" style={s.side}>
        <Text style={s.h1}>{tittel}</Text>
        {rapport.barnehage ? <Text>{t("eierResultater.pdfBarnehage", { barnehage: rapport.barnehage.navn })}</Text> : null}
        <Text style={s.liten}>{t("eierResultater.pdfLaget", { dato: formaterDato(laget, sp) })}</Text>
        {rapport.tabeller.length === 0 ? <Text style={{ marginTop: 10 }}>{t("eierResultater.ingenRunder")}</Text> : null}
        {rapport.tabeller.map((x) => (
          <View key={x.id}>
            <Tabell tabell={x} locale={locale} forFa={forFa} barnehage={t("eier.kolonne.barnehage")} />
            {x.diagram ? <Diagrammer tabell={x} locale={locale} forFa={forFa} /> : null}
          </View>
        ))}
      </Page>
    </Document>
  );
  return renderToBuffer(dokument);
}
