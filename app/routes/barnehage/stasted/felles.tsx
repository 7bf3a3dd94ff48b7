import { Field, Input, Label, ValidationMessage } from "@digdir/designsystemet-react";
import { useT } from "#app/components/use-t.ts";
import type { Nokkel } from "#app/i18n/i18n.ts";

/** A date field composed like TekstFelt (Field + Label htmlFor + Input id), so it works before JS runs. */
export function DatoFelt(props: { navn: string; etikett: string; standard?: string; feil?: Nokkel }) {
  const t = useT();
  const id = `felt-${props.navn}`;
  return (
    <Field className="felt">
      <Label htmlFor={id}>{props.etikett}</Label>
      <Input
        id={id}
        name={props.navn}
        type="date"
        defaultValue={props.standard}
        required
        aria-invalid={props.feil ? true : undefined}
        aria-describedby={props.feil ? `${id}-feil` : undefined}
      />
      {props.feil ? <ValidationMessage id={`${id}-feil`}>{t(props.feil)}</ValidationMessage> : null}
    </Field>
  );
}

export const faseNokkel = { for: "stasted.fase.for", underveis: "stasted.fase.underveis", etter: "stasted.fase.etter" } as const satisfies Record<string, Nokkel>;
export const statusNokkel = { planlagt: "stasted.status.planlagt", apen: "stasted.status.apen", lukket: "stasted.status.lukket" } as const satisfies Record<string, Nokkel>;
