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
import { mineEiere } from "#app/domain/eier/eier.server.ts";
import { mineNesteSamlinger } from "#app/domain/samling/samling.server.ts";
import { visTid } from "#app/domain/samling/tid.ts";
import { MinFremdrift } from "#app/components/min-fremdrift.tsx";
import { minFremdrift, modulTitler } from "#app/domain/fremdrift/fremdrift.server.ts";
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
    eiere: await mineEiere(aktor, { db }),
    // Ståsted (issue 6): open rounds waiting for this person's answer.
    stasted: await runderSomVenter(aktor, { db }),
    moduler: innhold.moduler.map((m) => modulKort(m, maalform)),
    // Samlinger (ADR 0016): the next samling in each of my teams.
    nesteSamlinger: (await mineNesteSamlinger(aktor, { db })).map((s) => {
      const modul = innhold.moduler.find((m) => m.id === s.modulId);
      return {
        id: s.id,
        barnehageId: s.barnehageId,
        teamNavn: s.teamNavn,
        tid: visTid(s.starter, maalform),
        pagaar: s.status === "pagaar",
        modul: modul ? { nummer: modul.nummer, tittel: modul.tekst[maalform].meta.tittel } : null,
      };
    }),
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
      {loaderData.nesteSamlinger.length ? (
        <section aria-labelledby="neste-samling" className="blokk">
          <Heading level={2} data-size="md" id="neste-samling">
            {t("samling.nesteSamling")}
          </Heading>
          <ul className="samlingsliste">
            {loaderData.nesteSamlinger.map((s) => (
              <li key={s.id} className="ramme samlingsliste__rad">
                <span className="dempet">{s.teamNavn}</span>
                <Link to={`/barnehage/${s.barnehageId}/samling/${s.id}`}>
                  <strong>{s.modul ? t("samling.sideTittel", { nummer: s.modul.nummer, tittel: s.modul.tittel }) : t("samling.samling")}</strong>
                </Link>
                <span>
                  {s.tid}
                  {s.pagaar ? ` · ${t("samling.status.pagaar")}` : ""}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
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
      {/* Owners (ADR 0014): only shown to people who act for an owner; anyone may create one. */}
      {loaderData.eiere.length ? (
        <>
          <Heading level={2} data-size="md">
            {t("eier.mine")}
          </Heading>
          <ul>
            {loaderData.eiere.map((e) => (
              <li key={e.id}>
                <Link to={`/eier/${e.id}`}>{e.navn}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <ul>
        <li>
          <Link to="/eier/ny">{t("eier.startLenke")}</Link>
        </li>
        <li>
          <Link to="/eier/bli-med">{t("eier.bliMedLenke")}</Link>
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
