import { Link } from "react-router";
import { Heading, Paragraph } from "@digdir/designsystemet-react";
import type { NesteSteg } from "#app/domain/neste/neste.ts";
import { visTid } from "#app/domain/samling/tid.ts";
import { formaterDato, type Nokkel } from "#app/i18n/i18n.ts";
import { useMaalform, useT } from "./use-t.ts";

export type ModulNavn = { id: string; slug: string; nummer: number; tittel: string };

type Gruppe = "naa" | "oppsett" | "stasted" | "taIgjen" | "utproving" | "samling" | "bliMed";
const GRUPPE: Record<NesteSteg["type"], Gruppe> = {
  "samling-naa": "naa",
  oppsett: "oppsett",
  stasted: "stasted",
  "ta-igjen": "taIgjen",
  utproving: "utproving",
  samling: "samling",
  "bli-med": "bliMed",
};
const TITTEL: Record<Gruppe, Nokkel> = {
  naa: "neste.naa.tittel",
  oppsett: "neste.oppsett.tittel",
  stasted: "stasted.startTittel",
  taIgjen: "neste.taIgjen.tittel",
  utproving: "neste.utproving.tittel",
  samling: "samling.nesteSamling",
  bliMed: "neste.bliMed.tittel",
};

/**
 * «Hva er neste» (issue 15, point 3): the steps from `nesteSteg`, grouped under one h2 each, in the
 * order they came (the most pressing first, and that group stands out). Used by the start page
 * and the barnehage overview. Each step says what to do and links straight to where it is done.
 */
export function NesteStegListe({ steg, moduler }: { steg: NesteSteg[]; moduler: ModulNavn[] }) {
  const t = useT();
  if (steg.length === 0) return <Paragraph className="ramme neste neste--tom">{t("neste.ingenting")}</Paragraph>;
  const grupper: { gruppe: Gruppe; steg: NesteSteg[] }[] = [];
  for (const s of steg) {
    const g = GRUPPE[s.type];
    const siste = grupper[grupper.length - 1];
    if (siste?.gruppe === g) siste.steg.push(s);
    else grupper.push({ gruppe: g, steg: [s] });
  }
  return (
    <div className="neste" data-neste>
      {grupper.map((g, i) => (
        <section key={`${g.gruppe}-${i}`} aria-labelledby={`neste-${g.gruppe}-${i}`} className={i === 0 ? "neste__gruppe neste__gruppe--forst" : "neste__gruppe"}>
          <Heading level={2} data-size={i === 0 ? "md" : "sm"} id={`neste-${g.gruppe}-${i}`}>
            {t(TITTEL[g.gruppe])}
          </Heading>
          <ul className="neste__liste">
            {g.steg.map((s, j) => (
              <li key={j} className="neste__steg">
                <Steg s={s} moduler={moduler} forst={i === 0 && j === 0} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function Steg({ s, moduler, forst }: { s: NesteSteg; moduler: ModulNavn[]; forst: boolean }) {
  const t = useT();
  const maalform = useMaalform();
  const knapp = { className: "ds-button", "data-variant": forst ? "primary" : "secondary", "data-size": "sm" } as const;
  switch (s.type) {
    case "samling-naa":
      return (
        <>
          <Paragraph>{t("neste.naa.tekst", { team: s.teamNavn })}</Paragraph>
          <Link to={`/barnehage/${s.barnehageId}/samling/${s.samlingId}`} {...knapp}>
            {t("neste.naa.lenke")}
          </Link>
        </>
      );
    case "oppsett": {
      const til = {
        inviter: `/barnehage/${s.barnehageId}/invitasjoner`,
        team: `/barnehage/${s.barnehageId}/team#nytt-team`,
        planlegg: s.teamId ? `/barnehage/${s.barnehageId}/team/${s.teamId}/plan` : `/barnehage/${s.barnehageId}/team`,
        stasted: `/barnehage/${s.barnehageId}/stasted`,
      }[s.steg];
      return (
        <>
          <Paragraph>{t(`neste.oppsett.${s.steg}.tekst`, { barnehage: s.barnehageNavn })}</Paragraph>
          <Link to={til} {...knapp}>
            {t(`neste.oppsett.${s.steg}.lenke`)}
          </Link>
        </>
      );
    }
    case "stasted":
      return (
        <Link to={`/barnehage/${s.barnehageId}/stasted/${s.rundeId}`}>
          {t("stasted.startRunde", { fase: t(`stasted.fase.${s.fase}`), barnehage: s.barnehageNavn, lukker: formaterDato(s.lukker, maalform) })}
        </Link>
      );
    case "ta-igjen": {
      const m = moduler.find((x) => x.id === s.modulId);
      return (
        <>
          <Paragraph>{t("neste.taIgjen.tekst", { team: s.teamNavn, nummer: m?.nummer ?? "", tittel: m?.tittel ?? "" })}</Paragraph>
          <Link to={`/barnehage/${s.barnehageId}/samling/${s.samlingId}/ta-igjen`} {...knapp}>
            {t("samarbeid.taIgjen")}
          </Link>
        </>
      );
    }
    case "utproving":
      return (
        <>
          <Link to={`/barnehage/${s.barnehageId}/samling/${s.samlingId}#utprovinger`}>
            <strong>{s.hva}</strong>
          </Link>
          <Paragraph data-size="sm">{t("neste.utproving.tekst", { team: s.teamNavn, frist: formaterDato(s.frist, maalform) })}</Paragraph>
        </>
      );
    case "samling": {
      const m = moduler.find((x) => x.slug === s.modulSlug);
      return (
        <>
          <span className="dempet">{s.teamNavn}</span>{" "}
          <Link to={`/barnehage/${s.barnehageId}/samling/${s.samlingId}`}>
            <strong>{m ? t("samling.sideTittel", { nummer: m.nummer, tittel: m.tittel }) : t("samling.samling")}</strong>
          </Link>
          <Paragraph data-size="sm">{visTid(s.starter, maalform)}</Paragraph>
          {m ? (
            <Link to={`/barnehage/${s.barnehageId}/team/${s.teamId}/moduler/${m.slug}`} {...knapp}>
              {t("neste.samling.forbered", { nummer: m.nummer })}
            </Link>
          ) : null}
        </>
      );
    }
    case "bli-med":
      return (
        <>
          <Paragraph>{t("neste.bliMed.tekst")}</Paragraph>
          <Link to="/bli-med" {...knapp}>
            {t("neste.bliMed.lenke")}
          </Link>
        </>
      );
  }
}
