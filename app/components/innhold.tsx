import type { ReactNode } from "react";
import { Heading, Paragraph, Tag } from "@digdir/designsystemet-react";
import type { Blokk, Seksjon, Aktivitet, Svar } from "#app/domain/innhold/markdown.server.ts";
import type { FilmVisning } from "#app/domain/innhold/visning.ts";
import { useT } from "./use-t.ts";

/**
 * Renders content blocks. Prose HTML comes from our own Markdown files, rendered at start with raw
 * HTML removed (markdown.server.ts), so it is safe to insert. `etterAktivitet` lets a signed-in page
 * add the team's state (reflection, group note, shared reflections) under each activity.
 */
type EtterAktivitet = (aktivitet: Aktivitet) => ReactNode;

type Valg = {
  filmer: Record<string, FilmVisning>;
  etterAktivitet?: EtterAktivitet;
  /** Where an answer's activity text is (leader guide): `${aktivitetUrl}#${aktivitetId}`. */
  aktivitetUrl?: string;
};

export function Blokker({ blokker, filmer, etterAktivitet, aktivitetUrl }: Valg & { blokker: Blokk[] }) {
  return (
    <>
      {blokker.map((b, i) => {
        if (b.type === "tekst") return <div key={i} className="prosa" dangerouslySetInnerHTML={{ __html: b.html }} />;
        if (b.type === "film") {
          const film = filmer[b.filmId];
          return film ? <FilmSpiller key={i} film={film} /> : null;
        }
        if (b.type === "svar") return <SvarBlokk key={i} svar={b.svar} aktivitetUrl={aktivitetUrl} />;
        return <AktivitetBlokk key={i} aktivitet={b.aktivitet} etter={etterAktivitet} />;
      })}
    </>
  );
}

export function Seksjoner({ seksjoner, filmer, etterAktivitet, aktivitetUrl }: Valg & { seksjoner: Seksjon[] }) {
  return (
    <>
      {seksjoner.map((s) => (
        <section key={s.id} aria-labelledby={s.id} className="seksjon">
          <Heading level={2} id={s.id} data-size="md">
            {s.tittel}
          </Heading>
          <Blokker blokker={s.blokker} filmer={filmer} etterAktivitet={etterAktivitet} aktivitetUrl={aktivitetUrl} />
        </section>
      ))}
    </>
  );
}

/**
 * A module's body: the table of contents, the introduction and the sections. Shared by the public
 * module page and the team's signed-in module page (which adds `etterAktivitet`).
 */
export function ModulKropp({
  innledning,
  seksjoner,
  filmer,
  etterAktivitet,
}: {
  innledning: Blokk[];
  seksjoner: Seksjon[];
  filmer: Record<string, FilmVisning>;
  etterAktivitet?: EtterAktivitet;
}) {
  const t = useT();
  return (
    <>
      <nav aria-labelledby="innhold-tittel" className="innholdsliste">
        <Heading level={2} id="innhold-tittel" data-size="xs">
          {t("modul.innhold")}
        </Heading>
        <ol>
          <li>
            <a href="#innledning">{t("modul.innledning")}</a>
          </li>
          {seksjoner.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>{s.tittel}</a>
            </li>
          ))}
        </ol>
      </nav>
      <section aria-label={t("modul.innledning")} id="innledning" className="seksjon">
        <Blokker blokker={innledning} filmer={filmer} etterAktivitet={etterAktivitet} />
      </section>
      <Seksjoner seksjoner={seksjoner} filmer={filmer} etterAktivitet={etterAktivitet} />
    </>
  );
}

function AktivitetBlokk({ aktivitet: a, etter }: { aktivitet: Aktivitet; etter?: EtterAktivitet }) {
  const t = useT();
  const overskrift = `aktivitet-${a.id}`;
  return (
    <aside className={`aktivitet aktivitet--${a.type}`} aria-labelledby={overskrift} id={a.id}>
      <div className="aktivitet__topp">
        <Tag data-color={a.type === "refleksjon" ? "accent" : "brand1"}>{t(`aktivitet.${a.type}`)}</Tag>
        {a.igp ? (
          <span className="dempet">{t("aktivitet.igp", a.igp)}</span>
        ) : a.minutter ? (
          <span className="dempet">{t("aktivitet.minutter", { minutter: a.minutter })}</span>
        ) : null}
      </div>
      <Heading level={3} id={overskrift} data-size="xs">
        {a.tittel}
      </Heading>
      <div className="prosa" dangerouslySetInnerHTML={{ __html: a.html }} />
      {a.type === "refleksjon" ? (
        <Paragraph data-size="sm" className="dempet">
          {t("aktivitet.privat")}
        </Paragraph>
      ) : null}
      {etter?.(a)}
    </aside>
  );
}

/**
 * «Dette bør komme fram» for one activity, in the leader guide only. The id lets the samling plan
 * link straight to it; the heading is the activity's own title, so the leader finds it again.
 */
function SvarBlokk({ svar, aktivitetUrl }: { svar: Svar; aktivitetUrl?: string }) {
  const t = useT();
  const overskrift = `svar-${svar.aktivitetId}-tittel`;
  return (
    <section className="svar" aria-labelledby={overskrift} id={`svar-${svar.aktivitetId}`}>
      <div className="aktivitet__topp">
        {svar.aktivitetType ? <Tag data-color="brand1">{t(`aktivitet.${svar.aktivitetType}`)}</Tag> : null}
        {aktivitetUrl ? (
          <a href={`${aktivitetUrl}#${svar.aktivitetId}`} className="svar__lenke">
            {t("lederstotte.seOppgaven")}
          </a>
        ) : null}
      </div>
      <Heading level={3} id={overskrift} data-size="sm">
        {svar.tittel}
      </Heading>
      <div className="prosa" dangerouslySetInnerHTML={{ __html: svar.html }} />
    </section>
  );
}

/**
 * The browser's own video player: keyboard operable, with a visible captions control. Captions in
 * the page's målform are on by default; the other målform is one choice away. The audio
 * description is a kind="descriptions" track per målform; browsers do not read it aloud yet, so the
 * transcript under the player has each scene's description before its lines.
 */
export function FilmSpiller({ film }: { film: FilmVisning }) {
  const t = useT();
  const tittelId = `film-${film.id}`;
  return (
    <figure className="film" aria-labelledby={tittelId}>
      <Heading level={3} id={tittelId} data-size="xs">
        {film.tittel}
      </Heading>
      <video controls preload="metadata" playsInline className="film__video" aria-describedby={`${tittelId}-beskrivelse`}>
        <source src={film.video} type="video/mp4" />
        {film.spor.map((s) => (
          <track key={`${s.type}-${s.sprak}`} kind={s.type} src={s.src} srcLang={s.sprak} label={s.etikett} default={s.standard} />
        ))}
        {t("film.ikkeStottet")}
      </video>
      <figcaption id={`${tittelId}-beskrivelse`}>{film.beskrivelse}</figcaption>
      <details className="film__tekst">
        <summary>{t("film.transkripsjon")}</summary>
        <FilmTranskripsjon film={film} />
      </details>
    </figure>
  );
}

/** The film's transcript: each scene's audio description before its lines (also on the projector, for screen readers). */
export function FilmTranskripsjon({ film }: { film: FilmVisning }) {
  const t = useT();
  return film.transkripsjon.map((avsnitt, i) => (
    <div key={i} className="film__scene">
      <p className="dempet">
        <em>
          {t("film.synstolking")}: {avsnitt.synstolking}
        </em>
      </p>
      {avsnitt.replikker.map((r, j) => (
        <p key={j}>
          <strong>{r.hvem}:</strong> {r.tekst}
        </p>
      ))}
    </div>
  ));
}
