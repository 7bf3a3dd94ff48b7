import { Link } from "react-router";
import { Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/start";
import { aktorKontekst, maalformKontekst } from "#app/kontekst.ts";
import { krev } from "#app/auth/tilgang.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { useT } from "#app/components/use-t.ts";
import { ModulListe } from "#app/components/modul-liste.tsx";
import { modulKort } from "#app/domain/innhold/visning.ts";
import { mineBarnehager } from "#app/domain/barnehage/barnehage.repo.server.ts";
import { runderSomVenter } from "#app/domain/stasted/stasted.server.ts";
import { formaterDato } from "#app/i18n/i18n.ts";
import { useMaalform } from "#app/components/use-t.ts";

export function meta() {
  return [{ title: "Min side – Samla" }];
}

export async function loader({ context }: Route.LoaderArgs) {
  const aktor = context.get(aktorKontekst);
  krev(aktor, "se:min-side");
  const maalform = context.get(maalformKontekst);
  const { db, innhold } = tjenester();
  return {
    navn: aktor!.navn,
    barnehager: await mineBarnehager(db, aktor!.id),
    // Ståsted (issue 6): open rounds waiting for this person's answer.
    stasted: await runderSomVenter(aktor, { db }),
    moduler: innhold.moduler.map((m) => modulKort(m, maalform)),
  };
}

export default function Start({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const maalform = useMaalform();
  return (
    <div className="smal">
      <Heading level={1} data-size="lg">
        {t("start.tittel", { navn: loaderData.navn })}
      </Heading>
      <Paragraph data-size="lg">{t("start.ingress")}</Paragraph>
      {loaderData.stasted.length ? (
        <section aria-labelledby="stasted-venter">
          <Heading level={2} data-size="md" id="stasted-venter">
            {t("stasted.startTittel")}
          </Heading>
          <ul>
            {loaderData.stasted.map((r) => (
              <li key={r.id}>
                <Link to={`/barnehage/${r.barnehageId}/stasted/${r.id}`}>
                  {t("stasted.startRunde", { fase: t(`stasted.fase.${r.fase}`), barnehage: r.barnehageNavn, lukker: formaterDato(r.lukker, maalform) })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Heading level={2} data-size="md">
        {t("start.barnehager")}
      </Heading>
      {loaderData.barnehager.length ? (
        <ul>
          {loaderData.barnehager.map((b) => (
            <li key={b.id}>
              <Link to={`/barnehage/${b.id}`}>{b.navn}</Link>
            </li>
          ))}
        </ul>
      ) : (
        <Paragraph>{t("start.ingenBarnehage")}</Paragraph>
      )}
      <ul>
        <li>
          <Link to="/bli-med">{t("start.bliMed")}</Link>
        </li>
        <li>
          <Link to="/barnehage/ny">{t("start.opprett")}</Link>
        </li>
      </ul>
      <Paragraph>{t("start.snart")}</Paragraph>
      <Heading level={2} data-size="md">
        <Link to="/pakke">{t("start.fortsett")}</Link>
      </Heading>
      <ModulListe moduler={loaderData.moduler} overskriftNivaa={3} />
    </div>
  );
}
