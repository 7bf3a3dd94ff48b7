import { Form } from "react-router";
import { Button, Heading, Paragraph, ValidationMessage } from "@digdir/designsystemet-react";
import type { StegType } from "#app/domain/innhold/innhold.schema.ts";
import type { FilmVisning } from "#app/domain/innhold/visning.ts";
import { Nedtelling, UtprovingSkjema, Utprovinger, type UtprovingVisning } from "#app/routes/samling/deler.tsx";
import type { SkjemaFeil } from "./skjema.ts";
import { FilmSpiller } from "./innhold.tsx";
import { GruppenotatSkjema, TekstOmraade } from "./notat.tsx";
import { Gruppekolonner, type Kolonne } from "./gruppekolonner.tsx";
import { useT } from "./use-t.ts";
import { LagretKl } from "./lagret.tsx";

/**
 * The participant page during a samling (issue 12, points 2 and 7; ADR 0027): only what the step
 * on the projector asks of me now, on a phone. «Nå: tenk selv i 5 minutter» with my private
 * reflection; «Nå: gruppe 2, skriv i gruppenotatet» with my group's own note; the film on a film
 * step; the agreed practice on the avtale step. Every save shows «Lagret kl. 14:32» next to what
 * was saved (from the stored time, so also without JavaScript after the redirect). Pure: the route
 * reads the database and follows the leader.
 */
export type Lagret = { tekst: string; versjon: number; oppdatert: string | null };

export type NaaData = {
  barnehageId: string;
  samlingId: string;
  /** 1-based. */
  nummer: number;
  antall: number;
  tittel: string;
  type: StegType;
  minutter: number;
  stegSlutt: string | null;
  serverNaa: string;
  aktivitet: { id: string; tittel: string; html: string } | null;
  film: FilmVisning | null;
  /** Individual step: my private reflection on the activity. */
  refleksjon: Lagret | null;
  /** Group step with groups: my group (null: none), whether I may pick, and my group's note. */
  gruppe: { nummer: number | null; selvvalg: boolean; antall: number; notat: Lagret | null } | null;
  /** The whole team's note (no groups yet, or the plenary). */
  teamNotat: Lagret | null;
  /** Plenary with groups: every group's note side by side. */
  kolonner: Kolonne[] | null;
  utprovinger: UtprovingVisning[];
  tilbakemelding: UtprovingVisning[];
  kanLede: boolean;
  /** What was just saved (the `lagret` search parameter), so its time is announced. */
  lagret: string | null;
  /** «14:32» or a full date and time for each saved text, by key. */
  lagretKl: Record<string, string>;
  /** Where a form comes back to, with `?lagret=<key>`. */
  tilbake: string;
};

/** The one «Lagret kl.» (app/components/lagret.tsx), also for the samling page. */
export { LagretKl };

function overskrift(d: NaaData, t: ReturnType<typeof useT>): string {
  switch (d.type) {
    case "individuelt":
      return t("samling.naaIndividuelt", { minutter: d.minutter });
    case "gruppe":
      return d.gruppe?.nummer ? t("samling.naaGruppe", { gruppe: t("gruppe.navn", { nummer: d.gruppe.nummer }) }) : t("samling.naaGrupper");
    case "film":
      return t("samling.naaFilm");
    case "plenum":
      return t("samling.naaPlenum");
    case "avtale":
      return t("samling.naaAvtale");
    case "tilbakemelding":
      return t("samling.naaTilbakemelding");
    case "pause":
      return t("samling.naaPause");
    default:
      return t("samling.naa", { tittel: d.tittel });
  }
}

export function NaaSteg({ d, feil, verdier }: { d: NaaData; feil?: SkjemaFeil; verdier?: Record<string, string> }) {
  const t = useT();
  const a = d.aktivitet;
  const til = (nokkel: string) => `${d.tilbake}?lagret=${nokkel}#naa`;
  const velgGruppe = d.gruppe?.selvvalg ? (
    <Form method="post" className="skjema">
      <input type="hidden" name="intent" value="velg-gruppe" />
      <fieldset className="gruppevalg">
        <legend>{d.gruppe.nummer ? t("gruppe.byttGruppe") : t("gruppe.velgGruppe")}</legend>
        <div className="knapperad">
          {Array.from({ length: d.gruppe.antall }, (_, i) => i + 1).map((g) => (
            <Button key={g} type="submit" name="gruppe" value={String(g)} variant={g === d.gruppe!.nummer ? "primary" : "secondary"} aria-pressed={g === d.gruppe!.nummer}>
              {t("gruppe.navn", { nummer: g })}
            </Button>
          ))}
        </div>
      </fieldset>
      {feil?.gruppe ? <ValidationMessage>{t(feil.gruppe)}</ValidationMessage> : null}
    </Form>
  ) : null;
  return (
    <section aria-labelledby="naa-tittel" id="naa" className="naa blokk">
      <Heading level={2} data-size="lg" id="naa-tittel">
        {overskrift(d, t)}
      </Heading>
      <Paragraph data-size="sm" className="dempet">
        {t("samling.stegMedTittel", { nummer: d.nummer, antall: d.antall, tittel: d.tittel })}
      </Paragraph>
      {d.lagret === "refleksjon" && !d.refleksjon ? <LagretKl tid={d.lagretKl.refleksjon} nettopp /> : null}
      {d.stegSlutt ? <Nedtelling slutt={d.stegSlutt} serverNaa={d.serverNaa} /> : null}
      {d.film ? <FilmSpiller key={d.film.id} film={d.film} /> : null}

      {a ? (
        <details className="ramme" open={d.type !== "plenum"}>
          <summary>{a.tittel}</summary>
          <div className="prosa" dangerouslySetInnerHTML={{ __html: a.html }} />
        </details>
      ) : null}

      {a && d.refleksjon ? (
        <Form method="post" className="skjema notat" noValidate>
          <input type="hidden" name="intent" value="refleksjon" />
          <input type="hidden" name="aktivitetId" value={a.id} />
          <TekstOmraade
            id={`felt-refleksjon-${a.id}`}
            navn="tekst"
            etikett={t("notat.minRefleksjonEtikett", { tittel: a.tittel })}
            beskrivelse={t("notat.bareDuSer")}
            standard={verdier?.intent === "refleksjon" ? verdier.tekst : d.refleksjon.tekst}
            feil={verdier?.intent === "refleksjon" ? feil?.tekst : undefined}
            rader={6}
          />
          <LagretKl tid={d.lagretKl.refleksjon} nettopp={d.lagret === "refleksjon"} />
          <Button type="submit" variant="primary">
            {t("notat.lagreRefleksjon")}
          </Button>
        </Form>
      ) : null}

      {a && d.gruppe ? (
        <>
          {d.gruppe.nummer ? <Paragraph>{t("gruppe.duErI", { gruppe: t("gruppe.navn", { nummer: d.gruppe.nummer }) })}</Paragraph> : null}
          {d.gruppe.nummer && d.gruppe.notat ? (
            <GruppenotatSkjema
              barnehageId={d.barnehageId}
              samlingId={d.samlingId}
              aktivitetId={a.id}
              gruppe={d.gruppe.nummer}
              tekst={d.gruppe.notat.tekst}
              versjon={d.gruppe.notat.versjon}
              til={til("gruppenotat")}
              etikett={t("gruppe.notatEtikett", { gruppe: t("gruppe.navn", { nummer: d.gruppe.nummer }), tittel: a.tittel })}
              etter={<LagretKl tid={d.lagretKl.gruppenotat} nettopp={d.lagret === "gruppenotat"} />}
            />
          ) : null}
          {velgGruppe}
          {!d.gruppe.nummer && !d.gruppe.selvvalg ? <Paragraph>{t("gruppe.ikkeIGruppe")}</Paragraph> : null}
        </>
      ) : null}

      {d.kolonner?.length ? <Gruppekolonner kolonner={d.kolonner} nivaa={3} /> : null}

      {a && d.teamNotat ? (
        <GruppenotatSkjema
          barnehageId={d.barnehageId}
          samlingId={d.samlingId}
          aktivitetId={a.id}
          tekst={d.teamNotat.tekst}
          versjon={d.teamNotat.versjon}
          til={til("teamnotat")}
          etikett={t("notat.gruppenotatEtikett", { tittel: a.tittel })}
          etter={<LagretKl tid={d.lagretKl.teamnotat} nettopp={d.lagret === "teamnotat"} />}
        />
      ) : null}

      {d.type === "avtale" ? (
        <>
          {d.utprovinger.length ? <Utprovinger liste={d.utprovinger} nivaa={2} /> : <Paragraph>{t("samling.ingenUtprovinger")}</Paragraph>}
          {d.kanLede ? (
            <div className="ramme">
              <Heading level={3} data-size="xs">
                {t("samling.nyUtproving")}
              </Heading>
              <UtprovingSkjema feil={verdier?.intent === "utproving" ? feil : undefined} verdier={verdier?.intent === "utproving" ? verdier : undefined} />
            </div>
          ) : null}
        </>
      ) : null}

      {d.type === "tilbakemelding" ? (
        <>
          <Heading level={3} data-size="sm">
            {t("samling.fraForrige")}
          </Heading>
          {d.tilbakemelding.length ? <Utprovinger liste={d.tilbakemelding} nivaa={3} /> : <Paragraph>{t("samling.ingenUtprovinger")}</Paragraph>}
        </>
      ) : null}
    </section>
  );
}
