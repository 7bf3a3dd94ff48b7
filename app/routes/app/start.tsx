import { Link } from "react-router";
import { Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/start";
import { aktorKontekst, maalformKontekst } from "#app/kontekst.ts";
import { krev } from "#app/auth/tilgang.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { useT } from "#app/components/use-t.ts";
import { ModulListe } from "#app/components/modul-liste.tsx";
import { modulKort } from "#app/domain/innhold/visning.ts";

export function meta() {
  return [{ title: "Min side – Samla" }];
}

export function loader({ context }: Route.LoaderArgs) {
  const aktor = context.get(aktorKontekst);
  krev(aktor, "se:min-side");
  const maalform = context.get(maalformKontekst);
  return { navn: aktor!.navn, moduler: tjenester().innhold.moduler.map((m) => modulKort(m, maalform)) };
}

export default function Start({ loaderData }: Route.ComponentProps) {
  const t = useT();
  return (
    <div className="smal">
      <Heading level={1} data-size="lg">
        {t("start.tittel", { navn: loaderData.navn })}
      </Heading>
      <Paragraph data-size="lg">{t("start.ingress")}</Paragraph>
      <Paragraph>{t("start.snart")}</Paragraph>
      <Heading level={2} data-size="md">
        <Link to="/pakke">{t("start.fortsett")}</Link>
      </Heading>
      <ModulListe moduler={loaderData.moduler} overskriftNivaa={3} />
    </div>
  );
}
