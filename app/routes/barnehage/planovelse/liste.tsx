import { Link } from "react-router";
import { Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/liste";
import { krev } from "#app/auth/tilgang.ts";
import { maalformKontekst } from "#app/kontekst.ts";
import { useT } from "#app/components/use-t.ts";
import { planSaker } from "#app/domain/planovelse/planovelse.server.ts";
import { barnehageFraKontekst } from "../barnehage.server.ts";

export function meta() {
  return [{ title: "Planøving – Samla" }];
}

/** Plan practice (module 4, issue 14 point 3): the fictional cases, and the way to the real-plan mode. */
export async function loader({ context }: Route.LoaderArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  krev(aktor, "ov:plan", medlemskap);
  const maalform = context.get(maalformKontekst);
  return {
    barnehageId: medlemskap.barnehageId,
    barnehageNavn: medlemskap.barnehageNavn,
    saker: (await planSaker()).map((s) => ({ id: s.id, tittel: s.tittel[maalform], sak: s.sak[maalform] })),
  };
}

export default function PlanovelseListe({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  return (
    <article className="lesebredde">
      <Paragraph data-size="sm" className="dempet">
        <Link to={`/barnehage/${d.barnehageId}`}>{d.barnehageNavn}</Link> · {t("pakke.modul", { nummer: 4 })}
      </Paragraph>
      <Heading level={1} data-size="xl">
        {t("planovelse.tittel")}
      </Heading>
      <Paragraph>{t("planovelse.ingress")}</Paragraph>
      <Paragraph>{t("planovelse.lov")}</Paragraph>
      <ul className="planpunkter-liste">
        <li>{t("planovelse.punkt.a")}</li>
        <li>{t("planovelse.punkt.b")}</li>
        <li>{t("planovelse.punkt.c")}</li>
        <li>{t("planovelse.punkt.d")}</li>
        <li>{t("planovelse.punkt.e")}</li>
      </ul>
      <Heading level={2} data-size="md">
        {t("planovelse.saker")}
      </Heading>
      <Paragraph>{t("planovelse.oppdiktet")}</Paragraph>
      <ul className="kortliste">
        {d.saker.map((s) => (
          <li key={s.id} className="ramme">
            <Heading level={3} data-size="xs">
              <Link to={s.id}>{s.tittel}</Link>
            </Heading>
            <Paragraph data-size="sm">{s.sak}</Paragraph>
          </li>
        ))}
      </ul>
      <Heading level={2} data-size="md">
        {t("ektePlan.tittel")}
      </Heading>
      <Paragraph>{t("planovelse.ektePlanTekst")}</Paragraph>
      <Paragraph>
        <Link to="ekte-plan">{t("planovelse.ektePlanLenke")}</Link>
      </Paragraph>
    </article>
  );
}
