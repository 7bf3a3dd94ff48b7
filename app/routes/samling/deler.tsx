import { useEffect, useState } from "react";
import { Form } from "react-router";
import { Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import { TekstFelt } from "#app/components/felt.tsx";
import { TekstOmrade } from "#app/components/samling-felt.tsx";
import { useMaalform, useT } from "#app/components/use-t.ts";
import { formaterDato } from "#app/i18n/i18n.ts";
import type { SkjemaFeil } from "#app/components/skjema.ts";
import { Lagret } from "#app/components/lagret.tsx";

/** Pieces shared by the samling page and the presenter view. */
export type UtprovingVisning = { id: string; hva: string; hvem: string; frist: string; logger: { brukerId: string; navn: string; tekst: string }[] };

/** The leader agrees a practice task: what, who, by when. */
export function UtprovingSkjema({ feil, verdier }: { feil?: SkjemaFeil; verdier?: Record<string, string> }) {
  const t = useT();
  return (
    <Form method="post" className="skjema" noValidate>
      <input type="hidden" name="intent" value="utproving" />
      <TekstOmrade navn="hva" etikett={t("samling.utprovingHva")} barnevarsel rader={3} feil={feil?.hva} standard={verdier?.hva} />
      <TekstFelt navn="hvem" etikett={t("samling.utprovingHvem")} beskrivelse={t("samling.utprovingHvemHjelp")} feil={feil?.hvem} standard={verdier?.hvem} />
      <TekstFelt navn="frist" type="date" etikett={t("samling.utprovingFrist")} feil={feil?.frist} standard={verdier?.frist} />
      <Button type="submit" variant="secondary">
        {t("samling.avtal")}
      </Button>
      <Lagret nokkel="utproving" />
    </Form>
  );
}

/** Practice tasks with everyone's logs; `loggSkjema` adds each member's own log form. */
export function Utprovinger(props: { liste: UtprovingVisning[]; nivaa: 2 | 3; loggSkjema?: { mittId: string; feil?: SkjemaFeil; verdier?: Record<string, string> } }) {
  const t = useT();
  const maalform = useMaalform();
  const H = props.nivaa === 2 ? 3 : 4;
  return (
    <ul className="utprovinger">
      {props.liste.map((u) => {
        const min = props.loggSkjema ? u.logger.find((l) => l.brukerId === props.loggSkjema!.mittId) : undefined;
        const egenFeil = props.loggSkjema?.verdier?.utprovingId === u.id ? props.loggSkjema.feil : undefined;
        return (
          <li key={u.id} className="ramme utproving">
            <Heading level={H} data-size="xs">
              {u.hva}
            </Heading>
            <Paragraph data-size="sm">{t("samling.utprovingHvemFrist", { hvem: u.hvem, frist: formaterDato(u.frist, maalform) })}</Paragraph>
            {u.logger.length === 0 ? (
              <Paragraph data-size="sm" className="dempet">
                {t("samling.ingenLogger")}
              </Paragraph>
            ) : (
              <ul className="logger">
                {u.logger.map((l) => (
                  <li key={l.brukerId}>
                    <strong>{l.navn}:</strong> <span className="pre">{l.tekst}</span>
                  </li>
                ))}
              </ul>
            )}
            {props.loggSkjema ? (
              <Form method="post" className="skjema" noValidate>
                <input type="hidden" name="intent" value="logg" />
                <input type="hidden" name="utprovingId" value={u.id} />
                <TekstOmrade
                  navn="logg"
                  id={`logg-${u.id}`}
                  etikett={t("samling.loggEtikett", { oppgave: u.hva })}
                  barnevarsel
                  rader={3}
                  feil={egenFeil?.logg}
                  standard={egenFeil ? props.loggSkjema.verdier?.logg : min?.tekst}
                />
                <Button type="submit" variant="secondary" data-size="sm">
                  {min ? t("samling.endreLogg") : t("samling.lagreLogg")}
                </Button>
              </Form>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * The visible countdown for the current step: rendered on the server from the step's end time
 * (so it shows without JavaScript), then ticking every second in the browser. While the leader
 * has paused it (`pauset`), it stands still at the time that was left then. Screen readers hear
 * it politely once a minute and at one minute left, never every second (issue 12, point 8).
 */
export function Nedtelling({ slutt, serverNaa, stor, pauset }: { slutt: string; serverNaa: string; stor?: boolean; pauset?: string | null }) {
  const t = useT();
  const fast = pauset ? new Date(slutt).getTime() - new Date(pauset).getTime() : null;
  const [igjen, settIgjen] = useState(() => fast ?? new Date(slutt).getTime() - new Date(serverNaa).getTime());
  useEffect(() => {
    if (fast !== null) return void settIgjen(fast);
    // The server's clock decides; the browser only counts the seconds since the page came.
    const forskyvning = new Date(serverNaa).getTime() - Date.now();
    const oppdater = () => settIgjen(new Date(slutt).getTime() - (Date.now() + forskyvning));
    oppdater();
    const id = setInterval(oppdater, 1000);
    return () => clearInterval(id);
  }, [slutt, serverNaa, fast]);
  const sek = Math.max(0, Math.ceil(igjen / 1000));
  const tekst = `${String(Math.floor(sek / 60)).padStart(2, "0")}:${String(sek % 60).padStart(2, "0")}`;
  // Changes once a minute only, so a polite live region announces it once a minute.
  const minutter = Math.ceil(sek / 60);
  const varsel = sek === 0 ? t("rom.tidenErUteVarsel") : minutter === 1 ? t("rom.ettMinuttIgjen") : t("rom.minutterIgjen", { minutter });
  return (
    <p className={`nedtelling${stor ? " nedtelling--stor" : ""}${fast !== null ? " nedtelling--pauset" : ""}`} data-testid="nedtelling">
      <span className="nedtelling__etikett">{fast !== null ? t("rom.klokkaStaar") : sek > 0 ? t("samling.tidIgjen") : t("samling.tidenErUte")}</span>{" "}
      <span role="timer" aria-live="off" className="nedtelling__tid">
        {tekst}
      </span>
      <span className="sr-only" aria-live="polite">
        {fast !== null ? "" : varsel}
      </span>
    </p>
  );
}
