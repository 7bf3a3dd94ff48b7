import { Form } from "react-router";
import { Button } from "@digdir/designsystemet-react";
import { ObsFelt } from "./observasjon-felt.tsx";
import { useT } from "./use-t.ts";
import { NIVAER, type Niva } from "#app/domain/repertoar/repertoar.schema.ts";
import { iSetning } from "#app/domain/repertoar/repertoar.ts";

export { iSetning };

/** One entry as the sentence the repertoire is built on: «Når vi ser …, gjør vi …», then who and why. */
export function OppforingTekst({ o }: { o: { situasjon: string; handling: string; hvem: string; hvorfor: string } }) {
  const t = useT();
  return (
    <>
      <p className="repertoar__setning">{t("repertoar.setning", { situasjon: iSetning(o.situasjon), handling: iSetning(o.handling) })}</p>
      <dl>
        <dt>{t("repertoar.hvem")}</dt>
        <dd>{o.hvem}</dd>
        <dt>{t("repertoar.hvorfor")}</dt>
        <dd>{o.hvorfor}</dd>
      </dl>
    </>
  );
}

/** The form for an entry (propose or change): plain POST, works without JavaScript. */
export function OppforingSkjema(p: {
  verdier: Partial<Record<"situasjon" | "handling" | "hvem" | "hvorfor" | "niva", string>>;
  feil?: Record<string, string>;
  knapp: string;
  intent?: string;
  skjulte?: Record<string, string | number>;
}) {
  const t = useT();
  const v = p.verdier;
  return (
    <Form method="post" className="skjema" noValidate>
      {p.intent ? <input type="hidden" name="intent" value={p.intent} /> : null}
      {Object.entries(p.skjulte ?? {}).map(([k, verdi]) => (
        <input key={k} type="hidden" name={k} value={verdi} />
      ))}
      <ObsFelt navn="situasjon" etikett={t("repertoar.situasjon")} hjelp={t("repertoar.situasjonHjelp")} standard={v.situasjon} feil={p.feil?.situasjon} lang paakrevd />
      <ObsFelt navn="handling" etikett={t("repertoar.handling")} hjelp={t("repertoar.handlingHjelp")} standard={v.handling} feil={p.feil?.handling} lang paakrevd />
      <ObsFelt navn="hvem" etikett={t("repertoar.hvem")} hjelp={t("repertoar.hvemHjelp")} standard={v.hvem} feil={p.feil?.hvem} paakrevd />
      <ObsFelt navn="hvorfor" etikett={t("repertoar.hvorfor")} hjelp={t("repertoar.hvorforHjelp")} standard={v.hvorfor} feil={p.feil?.hvorfor} lang paakrevd />
      <fieldset className="valg" id="felt-niva" aria-describedby={p.feil?.niva ? "felt-niva-feil" : undefined}>
        <legend>{t("repertoar.niva")}</legend>
        {NIVAER.map((n: Niva) => (
          <label key={n} className="valg__rad">
            <input type="radio" name="niva" value={n} defaultChecked={v.niva === n} />
            {t(`repertoar.niva.${n}`)}
          </label>
        ))}
        {p.feil?.niva ? (
          <p id="felt-niva-feil" className="ds-validation-message" data-color="danger">
            {p.feil.niva}
          </p>
        ) : null}
      </fieldset>
      <Button type="submit">{p.knapp}</Button>
    </Form>
  );
}
