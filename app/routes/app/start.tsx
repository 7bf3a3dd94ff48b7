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
import { MinFremdrift } from "#app/components/min-fremdrift.tsx";
import { minFremdrift, modulTitler } from "#app/domain/fremdrift/fremdrift.server.ts";

export function meta() {
  return [{ title: "Min side – Samla" }];
}

export async function loader({ context }: Route.LoaderArgs) {
  const aktor = context.get(aktorKontekst);
  krev(aktor, "se:min-side");
  const maalform = context.get(maalformKontekst);
  const { db, innhold } = tjenester();
  const titler = modulTitler(innhold, maalform);
  return {
    navn: aktor!.navn,
    // My own steps per module in my teams' plans (issue 5).
    fremdrift: (await minFremdrift(aktor, { db })).map((f) => ({
      teamId: f.teamId,
      barnehageId: f.barnehageId,
      teamNavn: f.teamNavn,
      barnehageNavn: f.barnehageNavn,
      gjort: f.gjort,
      mulig: f.mulig,
      moduler: f.moduler.map((m) => ({ ...m, tittel: titler[m.modulId]?.tittel ?? m.modulId, slug: titler[m.modulId]?.slug ?? "" })),
    })),
    barnehager: await mineBarnehager(db, aktor!.id),
    moduler: innhold.moduler.map((m) => modulKort(m, maalform)),
  };
}

export default function Start({ loaderData }: Route.ComponentProps) {
  const t = useT();
  return (
    <div className="smal">
      <Heading level={1} data-size="lg">
        {t("start.tittel", { navn: loaderData.navn })}
      </Heading>
      <Paragraph data-size="lg">{t("start.ingress")}</Paragraph>
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
      {loaderData.fremdrift.length ? <MinFremdrift team={loaderData.fremdrift} /> : <Paragraph>{t("start.snart")}</Paragraph>}
      <Heading level={2} data-size="md">
        <Link to="/pakke">{t("start.fortsett")}</Link>
      </Heading>
      <ModulListe moduler={loaderData.moduler} overskriftNivaa={3} />
    </div>
  );
}
