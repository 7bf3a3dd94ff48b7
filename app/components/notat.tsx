import { Form, Link } from "react-router";
import { Button, Field, Heading, Label, Paragraph, ValidationMessage } from "@digdir/designsystemet-react";
import type { Nokkel } from "#app/i18n/i18n.ts";
import { useT } from "./use-t.ts";
import { Skrivefelt } from "./skrivefelt.tsx";

/**
 * Components for notes, reflections and progress (issue 5, ADR 0017). Composed from Field + Label
 * htmlFor + Textarea id, so the server HTML is labelled before JavaScript runs. Every text area
 * warns against writing anything that identifies a child (DESIGN.md: privacy by design). The text
 * area is a Skrivefelt, so hydration never replaces what someone typed before JavaScript ran.
 */
export function TekstOmraade(props: { id: string; navn: string; etikett: string; standard?: string; feil?: Nokkel; rader?: number; beskrivelse?: string }) {
  const t = useT();
  const varsel = `${props.id}-varsel`;
  const feilId = `${props.id}-feil`;
  return (
    <Field className="felt">
      <Label htmlFor={props.id}>{props.etikett}</Label>
      <p id={varsel} className="felt__beskrivelse">
        {props.beskrivelse ? `${props.beskrivelse} ` : ""}
        {t("notat.ikkeBarnenavn")}
      </p>
      <Skrivefelt id={props.id} name={props.navn} rows={props.rader ?? 4} tekst={props.standard} beskrevetAv={[varsel, props.feil ? feilId : ""].filter(Boolean).join(" ")} ugyldig={Boolean(props.feil)} />
      {props.feil ? <ValidationMessage id={feilId}>{t(props.feil)}</ValidationMessage> : null}
    </Field>
  );
}

/**
 * The team's group note for one activity at one samling, as a plain form that posts to
 * /barnehage/:id/samling/:samlingId/notat/:aktivitetId and comes back to `til`. It sends the
 * version it was based on; if someone saved in between, that route shows both texts.
 * Reusable on the samling pages.
 */
export function GruppenotatSkjema(props: {
  barnehageId: string;
  samlingId: string;
  aktivitetId: string;
  tekst: string;
  versjon: number;
  til: string;
  etikett?: string;
  /** A group's own note (ADR 0027); 0 or missing: the whole team's. */
  gruppe?: number;
  /** Under the field: «Lagret kl. 14:32» after a save. */
  etter?: React.ReactNode;
}) {
  const t = useT();
  const gruppe = props.gruppe ?? 0;
  const id = gruppenotatFeltId(props.aktivitetId, gruppe);
  return (
    <Form method="post" action={`/barnehage/${props.barnehageId}/samling/${props.samlingId}/notat/${props.aktivitetId}`} className="skjema notat" noValidate>
      <input type="hidden" name="versjon" value={props.versjon} />
      <input type="hidden" name="til" value={props.til} />
      {gruppe ? <input type="hidden" name="gruppe" value={gruppe} /> : null}
      <TekstOmraade id={id} navn="tekst" etikett={props.etikett ?? t("notat.gruppenotat")} standard={props.tekst} beskrivelse={t(gruppe ? "gruppe.notatHjelp" : "notat.gruppenotatHjelp")} />
      {props.etter}
      <Button type="submit" variant="secondary" data-size="sm">
        {t("notat.lagreGruppenotat")}
      </Button>
    </Form>
  );
}

/** What `?lagret=` names after a group note was saved (app/components/lagret.tsx): one per activity and group. */
export function gruppenotatNokkel(aktivitetId: string, gruppe = 0) {
  return gruppe ? `notat-${aktivitetId}-gruppe-${gruppe}` : `notat-${aktivitetId}`;
}

/** The field's id: one per activity, and per group when the note is a group's own (ADR 0027). */
export function gruppenotatFeltId(aktivitetId: string, gruppe = 0) {
  return gruppe ? `felt-gruppenotat-${aktivitetId}-gruppe-${gruppe}` : `felt-gruppenotat-${aktivitetId}`;
}

/**
 * The optimistic-lock conflict of a group note (ADR 0017): someone saved the note after this
 * person opened it. Shows the saved text and, in the field, this person's own unsaved text,
 * posted on top of the newest version, so nothing is lost. Rendered by the gruppenotat route.
 */
export function GruppenotatKonflikt(props: { aktivitetId: string; lagret: { tekst: string; versjon: number }; min: string; til: string; gruppe?: number }) {
  const t = useT();
  return (
    <section className="konflikt" aria-labelledby="konflikt-tittel">
      <Heading level={2} data-size="md" id="konflikt-tittel">
        {t("notat.konfliktTittel")}
      </Heading>
      <Paragraph>{t("notat.konfliktForklaring")}</Paragraph>
      <Heading level={3} data-size="xs">
        {t("notat.konfliktLagret")}
      </Heading>
      <div className="konflikt__tekst" data-testid="lagret-tekst">
        {props.lagret.tekst || t("notat.tomtNotat")}
      </div>
      <Form method="post" className="skjema notat" noValidate>
        <input type="hidden" name="versjon" value={props.lagret.versjon} />
        <input type="hidden" name="til" value={props.til} />
        {props.gruppe ? <input type="hidden" name="gruppe" value={props.gruppe} /> : null}
        <TekstOmraade id={gruppenotatFeltId(props.aktivitetId, props.gruppe)} navn="tekst" etikett={t("notat.konfliktMin")} standard={props.min} rader={8} />
        <Button type="submit" variant="primary" data-size="sm">
          {t("notat.lagreMinTekst")}
        </Button>
      </Form>
      <Paragraph data-size="sm">
        <Link to={props.til}>{t("notat.behold")}</Link>
      </Paragraph>
    </section>
  );
}

/**
 * A progress bar with its numbers as text beside it, so nobody depends on seeing the bar.
 * The native <progress> element has the role and values screen readers expect.
 */
export function Fremdriftslinje({ id, etikett, verdi, maks, tekst }: { id: string; etikett: string; verdi: number; maks: number; tekst: string }) {
  return (
    <div className="fremdrift">
      <span id={`${id}-etikett`} className="fremdrift__etikett">
        {etikett}
      </span>
      <div className="fremdrift__rad">
        <progress id={id} value={verdi} max={Math.max(maks, 1)} aria-labelledby={`${id}-etikett`} aria-describedby={`${id}-tekst`} />
        <span id={`${id}-tekst`} className="fremdrift__tekst">
          {tekst}
        </span>
      </div>
    </div>
  );
}

/** A short note under a form: what sharing does, in plain words. */
export function Forklaring({ children }: { children: React.ReactNode }) {
  return (
    <Paragraph data-size="sm" className="dempet">
      {children}
    </Paragraph>
  );
}
