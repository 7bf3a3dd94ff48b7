import { Form } from "react-router";
import { Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Nokkel } from "#app/i18n/i18n.ts";
import type { SkjemaFeil } from "./skjema.ts";
import { FeilOppsummering, TekstFelt } from "./felt.tsx";
import { useT } from "./use-t.ts";

/**
 * The page that creates an organisation with a name and an optional organisation number: a new
 * barnehage and a new owner. The texts differ; the form, its errors and kept values do not.
 */
export function OrganisasjonSkjema(p: {
  tekster: { tittel: Nokkel; ingress: Nokkel; navn: Nokkel; navnHjelp?: Nokkel; knapp: Nokkel };
  feil?: SkjemaFeil;
  verdier?: Record<string, string>;
}) {
  const t = useT();
  const { tekster, feil, verdier } = p;
  return (
    <div className="smal">
      <Heading level={1} data-size="lg">
        {t(tekster.tittel)}
      </Heading>
      <Paragraph>{t(tekster.ingress)}</Paragraph>
      <FeilOppsummering feil={feil} />
      <Form method="post" className="skjema" noValidate>
        <TekstFelt
          navn="navn"
          etikett={t(tekster.navn)}
          beskrivelse={tekster.navnHjelp ? t(tekster.navnHjelp) : undefined}
          feil={feil?.navn}
          standard={verdier?.navn}
          autoComplete="organization"
        />
        <TekstFelt
          navn="orgnummer"
          etikett={t("barnehage.orgnummer")}
          beskrivelse={t("barnehage.orgnummerHjelp")}
          feil={feil?.orgnummer}
          standard={verdier?.orgnummer}
          valgfritt
          inputMode="numeric"
        />
        <Button type="submit">{t(tekster.knapp)}</Button>
      </Form>
    </div>
  );
}
