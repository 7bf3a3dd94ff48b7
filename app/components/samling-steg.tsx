import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { Form, Link } from "react-router";
import { Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { StegType } from "#app/domain/innhold/innhold.schema.ts";
import type { FilmVisning } from "#app/domain/innhold/visning.ts";
import { Nedtelling, Utprovinger, type UtprovingVisning } from "#app/routes/samling/deler.tsx";
import { Gruppekolonner, type Kolonne } from "./gruppekolonner.tsx";
import { FilmTranskripsjon } from "./innhold.tsx";
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

function StyreKnapp({ intent, versjon, children, variant, tast, bekreft }: { intent: string; versjon: number; children: string; variant?: "primary" | "secondary" | "tertiary"; tast?: string; bekreft?: boolean }) {
  return (
    <Form method="post" className="inline" data-tast={tast}>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="versjon" value={versjon} />
      {bekreft ? <input type="hidden" name="bekreft" value="ja" /> : null}
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
  /** The samling in the room (ADR 0026): the countdown paused, the film on the projector, the join code. */
  pauset?: string | null;
  filmSpiller?: boolean | null;
  visKode?: boolean;
  /** Until when «Avslutt» can be undone (ISO), after the end. */
  angreTil?: string | null;
  /** What the projector shows now, and what it will show on the next step. */
  forhandsvisning?: StorskjermData | null;
  nesteVisning?: StorskjermData | null;
  /** A confirmation the leader must give first: start on another day, or end. */
  bekreft?: "start" | "avslutt" | null;
};

/** Clickers send arrow keys, PageDown/PageUp and space: they drive the presenter (not inside a field or on a button). */
function useStyreTaster() {
  useEffect(() => {
    const tast = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      if (e.target instanceof HTMLElement && e.target.closest("input, textarea, select, button, a, summary, [contenteditable], video")) return;
      const retning = ["ArrowRight", "PageDown", " ", "ArrowDown"].includes(e.key) ? "neste" : ["ArrowLeft", "PageUp", "ArrowUp"].includes(e.key) ? "forrige" : null;
      if (!retning) return;
      const skjema = document.querySelector<HTMLFormElement>(`form[data-tast="${retning}"]`) ?? (retning === "neste" ? document.querySelector<HTMLFormElement>('form[data-tast="start"]') : null);
      if (!skjema) return;
      e.preventDefault();
      skjema.requestSubmit();
    };
    window.addEventListener("keydown", tast);
    return () => window.removeEventListener("keydown", tast);
  }, []);
}

// Made once per process, not per render (issue 16).
const klokkeFormat = new Intl.DateTimeFormat("nb-NO", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "Europe/Oslo" });
const klokka = (iso: string) => klokkeFormat.format(new Date(iso));

/**
 * The leader's step navigation (the presenter, issue 12 point 4): which step is on, its
 * countdown and the leader guide's notes, the buttons that drive samling mode (start; previous
 * from step 2; next until the last step; end, confirmed and undoable for 15 minutes), the
 * countdown (pause, resume, +1/+5 min), the film on the projector, the join code on the screen,
 * a live preview of the projector now and of the next step, and what comes next. Clickers work:
 * arrow keys, space and PageDown/PageUp.
 */
export function LederStyring({ d }: { d: LederStyringData }) {
  const t = useT();
  useStyreTaster();
  const n = d.naavaerende;
  const paagaar = d.status === "pagaar";
  return (
    <>
      <section aria-labelledby="styring" className="ramme blokk styring">
        <Heading level={2} data-size="md" id="styring">
          {n ? t("samling.naaSteg", { nummer: n.nummer, antall: d.antallSteg, tittel: n.tittel }) : d.status === "holdt" ? t("samling.ferdig") : t("samling.ikkeStartet")}
        </Heading>
        {n && d.stegSlutt ? <Nedtelling slutt={d.stegSlutt} serverNaa={d.naa} pauset={d.pauset ?? null} /> : null}
        {d.bekreft ? (
          <div className="ramme bekreft" role="alert">
            <Paragraph>{d.bekreft === "avslutt" ? t("samling.bekreftAvslutt") : t("samling.bekreftAnnenDag")}</Paragraph>
            <div className="knapperad">
              <StyreKnapp intent={d.bekreft} versjon={d.versjon} variant="primary" bekreft>
                {d.bekreft === "avslutt" ? t("rom.jaAvslutt") : t("rom.jaStart")}
              </StyreKnapp>
              <Link to={`/barnehage/${d.id}/samling/${d.samlingId}/leder`}>{t("rom.avbryt")}</Link>
            </div>
          </div>
        ) : null}
        <div className="knapperad">
          {d.status === "planlagt" ? (
            <StyreKnapp intent="start" versjon={d.versjon} variant="primary" tast="start">
              {t("samling.start")}
            </StyreKnapp>
          ) : null}
          {paagaar && n && n.nummer > 1 ? (
            <StyreKnapp intent="forrige" versjon={d.versjon} tast="forrige">
              {t("samling.forrige")}
            </StyreKnapp>
          ) : null}
          {paagaar && !d.erSiste ? (
            <StyreKnapp intent="neste" versjon={d.versjon} variant="primary" tast="neste">
              {t("samling.neste")}
            </StyreKnapp>
          ) : null}
          {paagaar ? (
            <StyreKnapp intent="avslutt" versjon={d.versjon} variant={d.erSiste ? "primary" : "secondary"}>
              {t("samling.avslutt")}
            </StyreKnapp>
          ) : null}
          {d.status === "holdt" && d.angreTil ? (
            <StyreKnapp intent="angre-avslutt" versjon={d.versjon} variant="primary">
              {t("rom.angreAvslutt")}
            </StyreKnapp>
          ) : null}
        </div>
        {d.status === "holdt" && d.angreTil ? <Paragraph data-size="sm">{t("rom.angreFrist", { klokka: klokka(d.angreTil) })}</Paragraph> : null}
        {paagaar && n ? (
          <div className="knapperad" role="group" aria-label={t("rom.klokka")}>
            {d.pauset ? (
              <StyreKnapp intent="fortsett" versjon={d.versjon}>
                {t("rom.fortsett")}
              </StyreKnapp>
            ) : (
              <StyreKnapp intent="pause" versjon={d.versjon}>
                {t("rom.pause")}
              </StyreKnapp>
            )}
            <StyreKnapp intent="pluss1" versjon={d.versjon}>
              {t("rom.pluss1")}
            </StyreKnapp>
            <StyreKnapp intent="pluss5" versjon={d.versjon}>
              {t("rom.pluss5")}
            </StyreKnapp>
          </div>
        ) : null}
        {paagaar && n?.type === "film" ? (
          <div className="knapperad" role="group" aria-label={t("rom.filmen")}>
            {d.filmSpiller ? (
              <StyreKnapp intent="film-pause" versjon={d.versjon} variant="primary">
                {t("rom.filmPause")}
              </StyreKnapp>
            ) : (
              <StyreKnapp intent="film-spill" versjon={d.versjon} variant="primary">
                {t("rom.filmSpill")}
              </StyreKnapp>
            )}
            <StyreKnapp intent="film-start" versjon={d.versjon}>
              {t("rom.filmFraStart")}
            </StyreKnapp>
            <Paragraph data-size="sm" className="dempet">
              {d.filmSpiller ? t("rom.filmSpiller") : t("rom.filmStaar")}
            </Paragraph>
          </div>
        ) : null}
        {d.status !== "holdt" && d.visKode !== undefined ? (
          <div className="knapperad">
            <StyreKnapp intent={d.visKode ? "skjul-kode" : "vis-kode"} versjon={d.versjon} variant="tertiary">
              {d.visKode ? t("rom.skjulKode") : t("rom.visKode")}
            </StyreKnapp>
          </div>
        ) : null}
        {n ? (
          <div className="ledernotat">
            <Heading level={3} data-size="xs">
              {t("rom.fraLederstotten")}
            </Heading>
            <Paragraph>{n.beskrivelse}</Paragraph>
          </div>
        ) : null}
        {n?.type === "tilbakemelding" && d.tilbakemelding.length ? <Utprovinger liste={d.tilbakemelding} nivaa={2} /> : null}
        {n && (n.type === "gruppe" || n.type === "plenum") ? (
          <Paragraph>
            <Link to={`/barnehage/${d.id}/samling/${d.samlingId}/grupper`}>{t("gruppe.tilGrupper")}</Link>
          </Paragraph>
        ) : null}
        <Paragraph data-size="sm">
          <Link to={`/barnehage/${d.id}/samling/${d.samlingId}/vis`} target="_blank">
            {t("samling.aapneVisning")}
          </Link>
        </Paragraph>
        <Paragraph data-size="sm" className="dempet">
          {t("rom.tastatur")}
        </Paragraph>
      </section>

      {d.forhandsvisning || d.nesteVisning ? (
        <section aria-labelledby="forhandsvisning" className="blokk forhandsvisninger">
          <Heading level={2} data-size="sm" id="forhandsvisning">
            {t("rom.forhandsvisning")}
          </Heading>
          <div className="forhandsvisninger__rad">
            {d.forhandsvisning ? (
              <figure className="forhandsvisning-ramme" data-testid="forhandsvisning-naa">
                <div className="forhandsvisning">
                  <Storskjerm d={d.forhandsvisning} innebygd />
                </div>
                <figcaption>{t("rom.naaPaaSkjermen", { tittel: d.forhandsvisning.steg?.tittel ?? (d.status === "holdt" ? t("samling.ferdig") : t("samling.venter")) })}</figcaption>
              </figure>
            ) : null}
            {d.nesteVisning ? (
              <figure className="forhandsvisning-ramme forhandsvisning-ramme--neste" data-testid="forhandsvisning-neste">
                <div className="forhandsvisning">
                  <Storskjerm d={d.nesteVisning} innebygd />
                </div>
                <figcaption>{t("rom.nesteSkjerm", { tittel: d.nesteVisning.steg?.tittel ?? "" })}</figcaption>
              </figure>
            ) : null}
          </div>
        </section>
      ) : null}

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
  /** When the leader paused the countdown (it stands still), null while it runs. */
  pauset?: string | null;
  aktivitet: { tittel: string; html: string } | null;
  /** The module's lead text, on an opening step without an activity. */
  ingress?: string | null;
  film: FilmVisning | null;
  /** The film on the projector follows the presenter (ADR 0026): playing, and where it is now. */
  filmTilstand?: { spiller: boolean; posisjonMs: number } | null;
  gruppenotat: string;
  /**
   * The groups' notes side by side on group and plenary steps (issue 12, point 3; filled by the
   * groups work). When null or empty, the team's one note (`gruppenotat`) shows as before.
   */
  gruppenotater?: Kolonne[] | null;
  tilbakemelding: { id: string; hva: string; logger: string[] }[];
  /**
   * The ståsted round on the steps where the room answers it or reads it (ADR 0026): a QR into the
   * open round and how many have answered (never who); the areas' means only once it is closed.
   */
  stasted?: { qr: string | null; antall: number; apen: boolean; omrader: { navn: string; snitt: number | null }[] | null } | null;
  /** The module's feedback on the last step: a QR to the form and how many have answered (never who). */
  modulTilbakemelding?: { qr: string; antall: number } | null;
  /** The join corner: short code, address and QR (null when the leader hides it or the samling is held). */
  bliinn?: { kode: string; adresse: string; qr: string } | null;
  /** The first step shows the join code large. */
  bliinnStor?: boolean;
  /** Seconds between reloads without JavaScript. */
  oppfrisk: number;
};

/**
 * Fits the step on one screen (issue 12, point 1): first smaller type, then two and three columns,
 * until nothing overflows. Runs again when the content or the window changes. Without JavaScript
 * the content area scrolls on its own; the page itself never does.
 */
function useTilpass(ref: React.RefObject<HTMLElement | null>, noekkel: string) {
  useLayoutEffectPaaKlient(() => {
    const el = ref.current;
    if (!el) return;
    const forsok: [number, number][] = [
      [1, 1], [1, 0.92], [1, 0.85], [2, 1], [2, 0.9], [2, 0.82], [2, 0.75], [2, 0.68], [2, 0.62], [3, 0.62], [3, 0.56], [3, 0.5], [3, 0.45], [3, 0.4],
    ];
    const tilpass = () => {
      for (const [spalter, skala] of forsok) {
        el.style.setProperty("--skala", String(skala));
        el.style.setProperty("--spalter", String(spalter));
        if (el.scrollHeight <= el.clientHeight + 1) return;
      }
    };
    tilpass();
    window.addEventListener("resize", tilpass);
    return () => window.removeEventListener("resize", tilpass);
  }, [noekkel]);
}
/**
 * A round the room answers from the projector (ståsted, module feedback): a QR straight into it
 * and how many have answered (never who), with what else the round shows below.
 */
function QrPanel(p: { id: string; testid: string; tittel: string; qr: string | null; antall: number; ekstraKlasse?: string; children: React.ReactNode }) {
  const t = useT();
  return (
    <section aria-labelledby={p.id} className={`projektor__aktivitet${p.ekstraKlasse ? ` ${p.ekstraKlasse}` : ""}`} data-testid={p.testid}>
      <h2 id={p.id} className="projektor__undertittel">
        {p.tittel}
      </h2>
      <div className="projektor__stasted-rad">
        {p.qr ? <div className="bliinn__qr projektor__stasted-qr" dangerouslySetInnerHTML={{ __html: p.qr }} /> : null}
        <div>
          <p className="projektor__antall">{t("rom.stastedAntall", { antall: p.antall })}</p>
          {p.children}
        </div>
      </div>
    </section>
  );
}

/** What changes the groups' columns' height: each column's text length and the highlighted group. */
function grupperNokkel(g: Kolonne[] | null | undefined): string {
  return (g ?? []).map((k) => `${k.gruppe}:${k.tekst.length}${k.fremhevet ? "*" : ""}`).join(",");
}
const useLayoutEffectPaaKlient = typeof window === "undefined" ? useEffect : useLayoutEffect;

/** Fullscreen on the button and on F; Escape leaves (the browser does that itself). */
function FullskjermKnapp() {
  const t = useT();
  const [klar, settKlar] = useState(false);
  useEffect(() => {
    settKlar(Boolean(document.documentElement.requestFullscreen));
    const tast = (e: KeyboardEvent) => {
      if (e.key !== "f" && e.key !== "F") return;
      if (e.target instanceof HTMLElement && e.target.closest("input, textarea, select, [contenteditable]")) return;
      void vekslFullskjerm();
    };
    window.addEventListener("keydown", tast);
    return () => window.removeEventListener("keydown", tast);
  }, []);
  if (!klar) return null;
  return (
    <button type="button" className="projektor__fullskjerm" onClick={() => void vekslFullskjerm()}>
      {t("rom.fullskjerm")}
    </button>
  );
}
async function vekslFullskjerm() {
  try {
    if (document.fullscreenElement) await document.exitFullscreen();
    else await document.documentElement.requestFullscreen();
  } catch {
    // Refused by the browser (no user gesture, or not allowed): nothing to do.
  }
}

/**
 * The film on the projector: large, with big captions, no controls (no mouse at the projector).
 * It follows the presenter's state: plays from the position the server says, or stands still.
 */
function ProjektorFilm({ film, tilstand, serverNaa }: { film: FilmVisning; tilstand: { spiller: boolean; posisjonMs: number } | null; serverNaa: string }) {
  const ref = useRef<HTMLVideoElement>(null);
  const tittelId = `film-${film.id}`;
  useEffect(() => {
    const v = ref.current;
    if (!v || !tilstand) return;
    const lastet = Date.now();
    const synk = () => {
      const maal = (tilstand.posisjonMs + (tilstand.spiller ? Date.now() - lastet : 0)) / 1000;
      if (Math.abs(v.currentTime - maal) > 1.5) v.currentTime = maal;
      if (tilstand.spiller && v.paused && !v.ended) void v.play().catch(() => undefined);
      if (!tilstand.spiller && !v.paused) v.pause();
    };
    if (v.readyState >= 1) synk();
    else v.addEventListener("loadedmetadata", synk, { once: true });
    return () => v.removeEventListener("loadedmetadata", synk);
  }, [tilstand?.spiller, tilstand?.posisjonMs, serverNaa]);
  return (
    <figure className="projektor__film" aria-labelledby={tittelId}>
      <h2 id={tittelId} className="sr-only">
        {film.tittel}
      </h2>
      <video ref={ref} preload="auto" playsInline className="projektor__video" aria-describedby={`${tittelId}-beskrivelse`} data-spiller={tilstand?.spiller ? "ja" : "nei"}>
        <source src={film.video} type="video/mp4" />
        {film.spor.map((s) => (
          <track key={`${s.type}-${s.sprak}`} kind={s.type} src={s.src} srcLang={s.sprak} label={s.etikett} default={s.standard} />
        ))}
      </video>
      <figcaption id={`${tittelId}-beskrivelse`} className="sr-only">
        {film.beskrivelse}
      </figcaption>
      <div className="sr-only">
        <FilmTranskripsjon film={film} />
      </div>
    </figure>
  );
}

/** The join corner (or, on the first step, the large join panel): QR, address and code. */
function Bliinn({ b, stor }: { b: NonNullable<StorskjermData["bliinn"]>; stor: boolean }) {
  const t = useT();
  return (
    <aside className={stor ? "bliinn bliinn--stor" : "bliinn"} aria-label={t("rom.blimed")} data-testid="bliinn">
      <div className="bliinn__qr" dangerouslySetInnerHTML={{ __html: b.qr }} />
      <p className="bliinn__tekst">
        <span className="bliinn__adresse">{stor ? t("rom.blimedTekst", { adresse: b.adresse }) : b.adresse}</span>{" "}
        <strong className="bliinn__kode" data-testid="samlingskode">
          {b.kode}
        </strong>
      </p>
    </aside>
  );
}

/**
 * The projector (issue 12, point 1; ADR 0026): a presentation, not a web page. No site chrome
 * (the route asks root.tsx for none), one screen without scrolling at any size: the module and
 * step on top with the countdown, the step in large type in the middle (fitted: smaller type,
 * then columns), the join code in a corner (large on the first step), fullscreen on F. The film
 * plays here, driven from the presenter. Before the start and after the end it says so.
 * Following the leader (the version check) is the route's job.
 */
export function Storskjerm({ d, innebygd }: { d: StorskjermData; innebygd?: boolean }) {
  const t = useT();
  const innhold = useRef<HTMLDivElement>(null);
  useTilpass(innhold, `${d.stegNummer}|${d.status}|${d.gruppenotat.length}|${grupperNokkel(d.gruppenotater)}|${d.bliinn ? 1 : 0}|${d.stasted?.antall ?? ""}`);
  const grupper = d.gruppenotater ?? [];
  const stor = Boolean(d.bliinn && (d.bliinnStor || !d.steg));
  return (
    <Rot innebygd={innebygd} className={`projektor${d.film ? " projektor--film" : ""}${stor ? " projektor--bliinn" : ""}${innebygd ? " projektor--innebygd" : ""}`} type={d.steg?.type ?? d.status}>
      {innebygd ? null : <noscript dangerouslySetInnerHTML={{ __html: `<meta http-equiv="refresh" content="${d.oppfrisk}">` }} />}
      <div className="projektor__topp">
        <p className="projektor__modul">
          {t("pakke.modul", { nummer: d.nummer })}: {d.modulTittel}
          {d.stegNummer ? ` · ${t("samling.stegAv", { nummer: d.stegNummer, antall: d.antallSteg })}` : ""}
        </p>
        {d.steg && d.stegSlutt ? <Nedtelling slutt={d.stegSlutt} serverNaa={d.naa} stor pauset={d.pauset ?? null} /> : null}
      </div>
      <div className="projektor__midt">
        <div className="projektor__innhold" ref={innhold}>
          {d.steg ? (
            <>
              <h1 className="projektor__tittel">{d.steg.tittel}</h1>
              {d.ingress ? <p className="projektor__ingress">{d.ingress}</p> : null}
              {d.film && innebygd ? <p className="projektor__filmplass">▶ {d.film.tittel}</p> : null}
              {d.film && !innebygd ? <ProjektorFilm key={d.film.id} film={d.film} tilstand={d.filmTilstand ?? null} serverNaa={d.naa} /> : null}
              {d.aktivitet ? (
                <section aria-labelledby="aktivitet" className="projektor__aktivitet">
                  <h2 id="aktivitet" className="projektor__undertittel">
                    {d.aktivitet.tittel}
                  </h2>
                  <div className="prosa projektor__prosa" dangerouslySetInnerHTML={{ __html: d.aktivitet.html }} />
                </section>
              ) : null}
              {d.stasted ? (
                <QrPanel id="stasted" testid="stasted" tittel={t("rom.stastedTittel")} qr={d.stasted.qr} antall={d.stasted.antall} ekstraKlasse="projektor__stasted">
                  <p>{d.stasted.apen ? t("rom.stastedApen") : t("rom.stastedLukket")}</p>
                  {d.stasted.omrader ? (
                    <ul className="projektor__omrader">
                      {d.stasted.omrader.map((o) => (
                        <li key={o.navn}>
                          <span>{o.navn}</span> <strong>{o.snitt === null ? t("rom.stastedForFaa") : o.snitt.toFixed(1).replace(".", ",")}</strong>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </QrPanel>
              ) : null}
              {d.modulTilbakemelding ? (
                <QrPanel id="modul-tilbakemelding" testid="modul-tilbakemelding" tittel={t("rom.tilbakemeldingTittel")} qr={d.modulTilbakemelding.qr} antall={d.modulTilbakemelding.antall}>
                  <p>{t("rom.tilbakemeldingTekst")}</p>
                </QrPanel>
              ) : null}
              {grupper.length ? (
                <section aria-labelledby="gruppenotater" className="projektor__aktivitet" data-testid="gruppenotater-plass">
                  <h2 id="gruppenotater" className="projektor__undertittel">
                    {t("samling.gruppenotater")}
                  </h2>
                  <Gruppekolonner kolonner={grupper} nivaa={3} stor />
                </section>
              ) : d.gruppenotat ? (
                <section aria-labelledby="gruppenotat" className="projektor__aktivitet">
                  <h2 id="gruppenotat" className="projektor__undertittel">
                    {t("notat.gruppenotat")}
                  </h2>
                  <p className="projektor__tekst pre">{d.gruppenotat}</p>
                </section>
              ) : null}
              {d.steg.type === "tilbakemelding" ? (
                <section aria-labelledby="tilbakemelding" className="projektor__aktivitet">
                  <h2 id="tilbakemelding" className="projektor__undertittel">
                    {t("samling.fraForrige")}
                  </h2>
                  {d.tilbakemelding.length === 0 ? <p>{t("samling.ingenUtprovinger")}</p> : null}
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
              <h1 className="projektor__tittel">{d.status === "holdt" ? t("samling.ferdig") : t("samling.venter")}</h1>
              <p className="projektor__tekst">{d.status === "holdt" ? t("samling.takk") : d.tid}</p>
            </>
          )}
        </div>
        {d.bliinn && stor ? <Bliinn b={d.bliinn} stor /> : null}
      </div>
      <div className="projektor__bunn">
        {d.bliinn && !stor ? <Bliinn b={d.bliinn} stor={false} /> : <span />}
        {innebygd ? null : <FullskjermKnapp />}
      </div>
    </Rot>
  );
}

/** The projector's own page is one <main>; the presenter's preview is a picture of it, hidden from assistive tech and focus. */
function Rot({ innebygd, className, type, children }: { innebygd?: boolean; className: string; type: string; children: React.ReactNode }) {
  if (innebygd)
    return (
      <div className={className} data-type={type} aria-hidden="true" inert>
        {children}
      </div>
    );
  return (
    <main id="hovedinnhold" className={className} data-type={type}>
      {children}
    </main>
  );
}
