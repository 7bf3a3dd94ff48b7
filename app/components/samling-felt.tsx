import { Field, Label, ValidationMessage } from "@digdir/designsystemet-react";
import { Skrivefelt } from "./skrivefelt.tsx";
import { useT } from "./use-t.ts";
import type { Nokkel } from "#app/i18n/i18n.ts";

/**
 * A multi-line text field composed like TekstFelt (Field + Label htmlFor + Textarea id), so the
 * server HTML is labelled before JavaScript runs. `barnevarsel` adds the reminder never to write
 * anything that can identify a child (DESIGN.md: no child-identifying data). The text area is a
 * Skrivefelt, so hydration never replaces what someone typed before JavaScript ran.
 */
export function TekstOmrade(props: { navn: string; id?: string; etikett: string; feil?: Nokkel; standard?: string; barnevarsel?: boolean; rader?: number; valgfritt?: boolean }) {
  const t = useT();
  const id = props.id ?? `felt-${props.navn}`;
  const beskrevetAv = [props.barnevarsel ? `${id}-varsel` : "", props.feil ? `${id}-feil` : ""].filter(Boolean).join(" ");
  return (
    <Field className="felt">
      <Label htmlFor={id}>{props.etikett}</Label>
      {props.barnevarsel ? (
        <p id={`${id}-varsel`} className="felt__beskrivelse">
          {t("samling.barnevarsel")}
        </p>
      ) : null}
      <Skrivefelt id={id} name={props.navn} rows={props.rader ?? 4} tekst={props.standard} ugyldig={Boolean(props.feil)} beskrevetAv={beskrevetAv || undefined} paakrevd={!props.valgfritt} />
      {props.feil ? <ValidationMessage id={`${id}-feil`}>{t(props.feil)}</ValidationMessage> : null}
    </Field>
  );
}
