import { Link } from "react-router";
import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { Fremdriftslinje } from "./notat.tsx";
import { useT } from "./use-t.ts";

type Steg = { samling: boolean; refleksjon: boolean; utproving: boolean };
type Team = {
  teamId: string;
  barnehageId: string;
  teamNavn: string;
  barnehageNavn: string;
  gjort: number;
  mulig: number;
  moduler: { modulId: string; tittel: string; slug: string; steg: Steg; taIgjen: string | null }[];
};

/**
 * My progress on my start page (issue 5): per team, a bar for the steps done across the team's
 * plan, and per module which of the three steps are done, in words.
 */
export function MinFremdrift({ team }: { team: Team[] }) {
  const t = useT();
  return (
    <section aria-labelledby="min-fremdrift">
      <Heading level={2} data-size="md" id="min-fremdrift">
        {t("notat.minFremdrift")}
      </Heading>
      <Paragraph data-size="sm">
        <Link to="/refleksjoner">{t("notat.mineRefleksjoner")}</Link>
      </Paragraph>
      {team.map((tm) => (
        <div key={tm.teamId} className="ramme teamfremdrift">
          <Heading level={3} data-size="xs">
            {t("notat.teamIBarnehage", { team: tm.teamNavn, barnehage: tm.barnehageNavn })}
          </Heading>
          {tm.moduler.length === 0 ? (
            <Paragraph data-size="sm">{t("notat.ingenPlan")}</Paragraph>
          ) : (
            <>
              <Fremdriftslinje
                id={`min-${tm.teamId}`}
                etikett={t("notat.stegGjort")}
                verdi={tm.gjort}
                maks={tm.mulig}
                tekst={t("notat.avSteg", { antall: tm.gjort, av: tm.mulig })}
              />
              <ul className="modulsteg">
                {tm.moduler.map((m) => {
                  const gjort = (["samling", "refleksjon", "utproving"] as const).filter((k) => m.steg[k]);
                  return (
                    <li key={m.modulId}>
                      <Link to={`/barnehage/${tm.barnehageId}/team/${tm.teamId}/moduler/${m.slug}`}>{m.tittel}</Link>:{" "}
                      {gjort.length ? gjort.map((k) => t(`notat.steg.${k}`)).join(", ") : t("notat.ingenSteg")}
                      {m.taIgjen ? (
                        <>
                          {" · "}
                          <Link to={`/barnehage/${tm.barnehageId}/samling/${m.taIgjen}/ta-igjen`}>{t("notat.taIgjenLenke", { tittel: m.tittel })}</Link>
                        </>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            </>
          )}
        </div>
      ))}
    </section>
  );
}
