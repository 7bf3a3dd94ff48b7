import { ErrorSummary, Field, Input, Label, ValidationMessage } from "@digdir/designsystemet-react";
import type { SkjemaFeil } from "./skjema.ts";
import { useT } from "./use-t.ts";
import type { Nokkel } from "#app/i18n/i18n.ts";

/**
 * A text field composed from Field + Label htmlFor + Input id, so the server HTML is correct
 * before any JavaScript runs (Textfield links its label only in the browser).
 */
export function TekstFelt(props: {
  navn: string;
  etikett: string;
  type?: "text" | "email" | "password" | "date" | "time" | "number";
  beskrivelse?: string;
  feil?: Nokkel;
  standard?: string;
  autoComplete?: string;
  /** Optional fields are not marked required. */
  valgfritt?: boolean;
  inputMode?: "numeric" | "text";
  /** «none» for codes with letters, so a phone does not capitalise the first one. */
  autoCapitalize?: "none";
}) {
  const t = useT();
  const id = `felt-${props.navn}`;
  const beskrevetAv = [props.beskrivelse ? `${id}-beskrivelse` : "", props.feil ? `${id}-feil` : ""].filter(Boolean).join(" ");
  return (
    <Field className="felt">
      <Label htmlFor={id}>{props.etikett}</Label>
      {props.beskrivelse ? (
        <p id={`${id}-beskrivelse`} className="felt__beskrivelse">
          {props.beskrivelse}
        </p>
      ) : null}
      <Input
        id={id}
        name={props.navn}
        type={props.type ?? "text"}
        defaultValue={props.standard}
        autoComplete={props.autoComplete}
        aria-invalid={props.feil ? true : undefined}
        aria-describedby={beskrevetAv || undefined}
        inputMode={props.inputMode}
        autoCapitalize={props.autoCapitalize}
        spellCheck={props.autoCapitalize === "none" ? false : undefined}
        required={!props.valgfritt}
      />
      {props.feil ? <ValidationMessage id={`${id}-feil`}>{t(props.feil)}</ValidationMessage> : null}
    </Field>
  );
}

/** The list of problems at the top of a form, each linking to its field. */
export function FeilOppsummering({ feil, verdier }: { feil?: SkjemaFeil; verdier?: Record<string, string> }) {
  const t = useT();
  const liste = Object.entries(feil ?? {}).filter(([, v]) => v) as [string, Nokkel][];
  if (liste.length === 0) return null;
  return (
    <ErrorSummary tabIndex={-1} className="feiloppsummering">
      <ErrorSummary.Heading>{t("konto.feil.oppsummering")}</ErrorSummary.Heading>
      <ErrorSummary.List>
        {liste.map(([felt, nokkel]) => (
          <ErrorSummary.Item key={felt}>
            <ErrorSummary.Link href={felt === "_skjema" ? "#hovedinnhold" : `#felt-${felt}`}>{t(nokkel, verdier)}</ErrorSummary.Link>
          </ErrorSummary.Item>
        ))}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}
