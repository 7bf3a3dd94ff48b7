import { Form } from "react-router";
import { Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useT } from "./use-t.ts";
import { PAAMINNELSE_SLAG, type PaaminnelseSlag } from "#app/domain/paaminnelse/paaminnelse.ts";

/**
 * The reminder choices on /profil (issue 15, point 4): one checkbox per kind, a plain POST to
 * /profil/paaminnelser (works without JavaScript), and «Lagret kl.» after the redirect.
 */
export function PaaminnelseValg({ valg, epost, lagretKl }: { valg: Record<PaaminnelseSlag, boolean>; epost: string; lagretKl: string | null }) {
  const t = useT();
  return (
    <section className="seksjon" aria-labelledby="paaminnelser">
      <Heading level={2} data-size="md" id="paaminnelser">
        {t("paaminnelse.profil.tittel")}
      </Heading>
      <Form method="post" action="/profil/paaminnelser" className="skjema">
        <fieldset className="avkrysning">
          <legend>{t("paaminnelse.profil.tekst", { epost })}</legend>
          {PAAMINNELSE_SLAG.map((s) => (
            <div key={s} className="avkrysning__rad">
              <input type="checkbox" id={`paaminnelse-${s}`} name={s} value="paa" defaultChecked={valg[s]} />
              <label htmlFor={`paaminnelse-${s}`}>{t(`paaminnelse.profil.${s}`)}</label>
            </div>
          ))}
        </fieldset>
        <div className="knapperad">
          <Button type="submit">{t("paaminnelse.profil.knapp")}</Button>
          <Paragraph role="status" className="lagret" data-lagret-paaminnelser>
            {lagretKl ? t("profil.lagretKl", { klokka: lagretKl }) : ""}
          </Paragraph>
        </div>
      </Form>
    </section>
  );
}
