import { ErrorSummary, Field, Input, Label, ValidationMessage } from "@digdir/designsystemet-react";
import { Skrivefelt } from "./skrivefelt.tsx";

/**
 * A labelled field for observation and repertoire forms (ADR 0035): an input or a textarea that
 * React never hydrates (so text typed before JavaScript runs is kept), with an optional help text
 * and an error that is already translated (the name check names the word it found).
 */
export function ObsFelt(p: { navn: string; etikett: string; hjelp?: string; standard?: string; feil?: string; lang?: boolean; rader?: number; paakrevd?: boolean }) {
  const id = `felt-${p.navn}`;
  const beskrevetAv = [p.hjelp ? `${id}-hjelp` : "", p.feil ? `${id}-feil` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <Field className="felt">
      <Label htmlFor={id}>{p.etikett}</Label>
      {p.hjelp ? (
        <p id={`${id}-hjelp`} className="felt__beskrivelse">
          {p.hjelp}
        </p>
      ) : null}
      {p.lang ? (
        <Skrivefelt id={id} name={p.navn} rows={p.rader ?? 3} tekst={p.standard} beskrevetAv={beskrevetAv} ugyldig={Boolean(p.feil)} paakrevd={p.paakrevd} />
      ) : (
        <Input id={id} name={p.navn} defaultValue={p.standard} aria-describedby={beskrevetAv} aria-invalid={p.feil ? true : undefined} required={p.paakrevd} />
      )}
      {p.feil ? <ValidationMessage id={`${id}-feil`}>{p.feil}</ValidationMessage> : null}
    </Field>
  );
}

/** The error summary at the top of a form, with already translated messages linking to their fields. */
export function ObsFeilOppsummering({ tittel, feil }: { tittel: string; feil: Record<string, string> | undefined }) {
  const liste = Object.entries(feil ?? {});
  if (liste.length === 0) return null;
  return (
    <ErrorSummary tabIndex={-1} className="feiloppsummering">
      <ErrorSummary.Heading>{tittel}</ErrorSummary.Heading>
      <ErrorSummary.List>
        {liste.map(([felt, melding]) => (
          <ErrorSummary.Item key={felt}>
            <ErrorSummary.Link href={`#felt-${felt}`}>{melding}</ErrorSummary.Link>
          </ErrorSummary.Item>
        ))}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}
