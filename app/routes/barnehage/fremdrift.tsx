import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { Link } from "react-router";
import type { Route } from "./+types/fremdrift";
import type { SideHandle } from "#app/root.tsx";
import { maalformKontekst } from "#app/kontekst.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { Fremdriftslinje } from "#app/components/notat.tsx";
import { useMaalform, useT } from "#app/components/use-t.ts";
import { formaterDato } from "#app/i18n/i18n.ts";
import { MIN_FOR_ANDEL, modulTitler, teamenesFremdrift } from "#app/domain/fremdrift/fremdrift.server.ts";
import { barnehageFraKontekst } from "./barnehage.server.ts";

export const handle: SideHandle = { utenJs: true };

export function meta() {
  return [{ title: "Fremdrift – Samla" }];
}

/**
 * The leader dashboard (leder and styrer): per team the samlinger held, the share of members who
 * reflected and logged practice, and who has not caught up after a held samling. Numbers and
 * names only, never anything anyone wrote.
 */
export async function loader({ context }: Route.LoaderArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  const maalform = context.get(maalformKontekst);
  const { db, innhold } = tjenester();
  const team = await teamenesFremdrift(aktor, medlemskap, { db });
  const titler = modulTitler(innhold, maalform);
  return {
    barnehageId: medlemskap.barnehageId,
    barnehageNavn: medlemskap.barnehageNavn,
    min: MIN_FOR_ANDEL,
    team: team.map((t) => ({
      ...t,
      ikkeTattIgjen: t.ikkeTattIgjen.map((s) => ({ ...s, modul: titler[s.modulId]?.tittel ?? s.modulId, dato: s.starter.slice(0, 10) })),
    })),
  };
}

export default function Fremdrift({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const maalform = useMaalform();
  return (
    <div className="smal">
      <Paragraph data-size="sm">
        <Link to={`/barnehage/${d.barnehageId}`}>{t("notat.tilBarnehagen", { navn: d.barnehageNavn })}</Link>
      </Paragraph>
      <Heading level={1} data-size="lg">
        {t("notat.fremdriftTittel")}
      </Heading>
      <Paragraph>{t("notat.fremdriftIngress", { min: d.min })}</Paragraph>
      {d.team.length === 0 ? <Paragraph>{t("notat.ingenTeam")}</Paragraph> : null}
      {d.team.map((tm) => (
        <section key={tm.teamId} aria-labelledby={`team-${tm.teamId}`} className="ramme teamfremdrift">
          <Heading level={2} data-size="md" id={`team-${tm.teamId}`}>
            {tm.navn}
          </Heading>
          <Paragraph data-size="sm">{t("notat.antallMedlemmer", { antall: tm.medlemmer })}</Paragraph>
          <Fremdriftslinje
            id={`holdt-${tm.teamId}`}
            etikett={t("notat.samlingerHoldt")}
            verdi={tm.samlingerHoldt}
            maks={tm.samlingerPlanlagt}
            tekst={t("notat.avPlanlagte", { antall: tm.samlingerHoldt, av: tm.samlingerPlanlagt })}
          />
          {tm.reflektert ? (
            <Fremdriftslinje
              id={`reflektert-${tm.teamId}`}
              etikett={t("notat.harReflektert")}
              verdi={tm.reflektert.antall}
              maks={tm.reflektert.av}
              tekst={t("notat.avMedlemmene", { antall: tm.reflektert.antall, av: tm.reflektert.av })}
            />
          ) : (
            <Paragraph data-size="sm">
              {t("notat.harReflektert")}: {t("notat.forFaa", { min: d.min })}
            </Paragraph>
          )}
          <Fremdriftslinje
            id={`logget-${tm.teamId}`}
            etikett={t("notat.harLogget")}
            verdi={tm.logget.antall}
            maks={tm.logget.av}
            tekst={t("notat.avMedlemmene", { antall: tm.logget.antall, av: tm.logget.av })}
          />
          <Heading level={3} data-size="xs">
            {t("notat.ikkeTattIgjen")}
          </Heading>
          {tm.ikkeTattIgjen.length === 0 ? (
            <Paragraph data-size="sm">{t("notat.alleHarTattIgjen")}</Paragraph>
          ) : (
            <ul>
              {tm.ikkeTattIgjen.map((s) => (
                <li key={s.samlingId}>
                  {t("notat.ikkeTattIgjenRad", { modul: s.modul, dato: formaterDato(s.dato, maalform), antall: s.navn.length })}{" "}
                  {s.navn.join(", ")}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
