import { Form, Link } from "react-router";
import { Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { StegType } from "#app/domain/innhold/innhold.schema.ts";
import type { FilmVisning } from "#app/domain/innhold/visning.ts";
import { Nedtelling, Utprovinger, type UtprovingVisning } from "#app/routes/samling/deler.tsx";
import { FilmSpiller } from "./innhold.tsx";
import { useT } from "./use-t.ts";

/**
 * The steps of a samling as the three views show them (ADR 0016), without loaders: the step list
 * on the samling page, the leader's step navigation and the projector. The route modules in
 * app/routes/samling/ read the database and render these.
 */

/** As in the samling table (samling.repo.server.ts, not imported here: this file reaches the browser). */
type SamlingStatus = "planlagt" | "pagaar" | "holdt";

/** One step of the leader guide, numbered from 1. */
export type LederSteg = { nummer: number; type: StegType; tittel: string; minutter: number; beskrivelse: string };

/** The steps on the samling page (titles only, never the leader guide); the current one is marked. */
export function Stegliste({ steg, naavaerende }: { steg: { id: string; minutter: number; tittel: string }[]; naavaerende: number | null }) {
  const t = useT();
  return (
    <section aria-labelledby="steg" className="blokk">
      <Heading level={2} data-size="md" id="steg">
        {t("samling.stegene")}
      </Heading>
      <ol className="stegliste">
        {steg.map((s, i) => (
          <li key={s.id} aria-current={i === naavaerende ? "step" : undefined}>
            {s.tittel} <span className="dempet">({t("samling.minutter", { minutter: s.minutter })})</span>
            {i === naavaerende ? <strong> {t("samling.iGang")}</strong> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

function StyreKnapp({ intent, versjon, children, variant }: { intent: string; versjon: number; children: string; variant?: "primary" | "secondary" }) {
  return (
    <Form method="post" className="inline">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="versjon" value={versjon} />
      <Button type="submit" variant={variant ?? "secondary"}>
        {children}
      </Button>
    </Form>
  );
}

export type LederStyringData = {
  id: string;
  samlingId: string;
  status: SamlingStatus;
  versjon: number;
  /** The server's clock when the page was made (the countdown counts from it). */
  naa: string;
  stegSlutt: string | null;
  antallSteg: number;
  naavaerende: LederSteg | null;
  neste: LederSteg | null;
  erSiste: boolean;
  tilbakemelding: UtprovingVisning[];
};

/**
 * The leader's step navigation: which step is on, its countdown and description, the buttons that
 * move samling mode (start; previous from step 2; next until the last step; end), the link to
 * the projector, and what comes next.
 */
export function LederStyring({ d }: { d: LederStyringData }) {
  const t = useT();
  const n = d.naavaerende;
  return (
    <>
      <section aria-labelledby="styring" className="ramme blokk">
        <Heading level={2} data-size="md" id="styring">
          {n ? t("samling.naaSteg", { nummer: n.nummer, antall: d.antallSteg, tittel: n.tittel }) : d.status === "holdt" ? t("samling.ferdig") : t("samling.ikkeStartet")}
        </Heading>
        {n && d.stegSlutt ? <Nedtelling slutt={d.stegSlutt} serverNaa={d.naa} /> : null}
        {n ? <Paragraph>{n.beskrivelse}</Paragraph> : null}
        {n?.type === "tilbakemelding" && d.tilbakemelding.length ? <Utprovinger liste={d.tilbakemelding} nivaa={2} /> : null}
        <div className="knapperad">
          {d.status === "planlagt" ? (
            <StyreKnapp intent="start" versjon={d.versjon} variant="primary">
              {t("samling.start")}
            </StyreKnapp>
          ) : null}
          {d.status === "pagaar" && n && n.nummer > 1 ? (
            <StyreKnapp intent="forrige" versjon={d.versjon}>
              {t("samling.forrige")}
            </StyreKnapp>
          ) : null}
          {d.status === "pagaar" && !d.erSiste ? (
            <StyreKnapp intent="neste" versjon={d.versjon} variant="primary">
              {t("samling.neste")}
            </StyreKnapp>
          ) : null}
          {d.status === "pagaar" ? (
            <StyreKnapp intent="avslutt" versjon={d.versjon} variant={d.erSiste ? "primary" : "secondary"}>
              {t("samling.avslutt")}
            </StyreKnapp>
          ) : null}
        </div>
        <Paragraph data-size="sm">
          <Link to={`/barnehage/${d.id}/samling/${d.samlingId}/vis`} target="_blank">
            {t("samling.aapneVisning")}
          </Link>
        </Paragraph>
      </section>

      {d.neste ? (
        <section aria-labelledby="neste-steg" className="blokk">
          <Heading level={2} data-size="sm" id="neste-steg">
            {t("samling.nesteSteg", { tittel: d.neste.tittel, minutter: d.neste.minutter })}
          </Heading>
          <Paragraph>{d.neste.beskrivelse}</Paragraph>
        </section>
      ) : null}
    </>
  );
}

export type StorskjermData = {
  modulTittel: string;
  nummer: number;
  tid: string;
  status: SamlingStatus;
  naa: string;
  stegNummer: number | null;
  antallSteg: number;
  steg: { tittel: string; type: StegType; minutter: number } | null;
  stegSlutt: string | null;
  aktivitet: { tittel: string; html: string } | null;
  film: FilmVisning | null;
  gruppenotat: string;
  tilbakemelding: { id: string; hva: string; logger: string[] }[];
  /** Seconds between reloads without JavaScript. */
  oppfrisk: number;
};

/**
 * The projector view of the step that is on: title and countdown, the film on film steps, the
 * activity's public text, the team's group note (the route fills it on group and plenary steps
 * only) and, on the report-back step, the practice tasks without names. Before the start and after
 * the end it says so. Following the leader (polling) is the route's job.
 */
export function Storskjerm({ d }: { d: StorskjermData }) {
  const t = useT();
  return (
    <div className="projektor">
      <noscript dangerouslySetInnerHTML={{ __html: `<meta http-equiv="refresh" content="${d.oppfrisk}">` }} />
      <Paragraph className="projektor__topp">
        {t("pakke.modul", { nummer: d.nummer })}: {d.modulTittel}
        {d.stegNummer ? ` · ${t("samling.stegAv", { nummer: d.stegNummer, antall: d.antallSteg })}` : ""}
      </Paragraph>
      {d.steg ? (
        <>
          <Heading level={1} className="projektor__tittel">
            {d.steg.tittel}
          </Heading>
          {d.stegSlutt ? <Nedtelling slutt={d.stegSlutt} serverNaa={d.naa} stor /> : null}
          {d.film ? <FilmSpiller key={d.film.id} film={d.film} /> : null}
          {d.aktivitet ? (
            <section aria-labelledby="aktivitet" className="projektor__aktivitet">
              <Heading level={2} id="aktivitet" className="projektor__undertittel">
                {d.aktivitet.tittel}
              </Heading>
              <div className="prosa" dangerouslySetInnerHTML={{ __html: d.aktivitet.html }} />
            </section>
          ) : null}
          {d.gruppenotat ? (
            <section aria-labelledby="gruppenotat" className="projektor__aktivitet">
              <Heading level={2} id="gruppenotat" className="projektor__undertittel">
                {t("notat.gruppenotat")}
              </Heading>
              <p className="projektor__tekst pre">{d.gruppenotat}</p>
            </section>
          ) : null}
          {d.steg.type === "tilbakemelding" ? (
            <section aria-labelledby="tilbakemelding" className="projektor__aktivitet">
              <Heading level={2} id="tilbakemelding" className="projektor__undertittel">
                {t("samling.fraForrige")}
              </Heading>
              {d.tilbakemelding.length === 0 ? <Paragraph>{t("samling.ingenUtprovinger")}</Paragraph> : null}
              <ul className="projektor__liste">
                {d.tilbakemelding.map((u) => (
                  <li key={u.id}>
                    <strong>{u.hva}</strong>
                    {u.logger.length ? (
                      <ul>
                        {u.logger.map((l, i) => (
                          <li key={i} className="pre">
                            {l}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      ) : (
        <>
          <Heading level={1} className="projektor__tittel">
            {d.status === "holdt" ? t("samling.ferdig") : t("samling.venter")}
          </Heading>
          <Paragraph className="projektor__tekst">{d.status === "holdt" ? t("samling.takk") : d.tid}</Paragraph>
        </>
      )}
    </div>
  );
}
