import { useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { Alert, Button, Field, Heading, Input, Label, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/ekte-plan";
import { krev } from "#app/auth/tilgang.ts";
import { useMaalform, useT } from "#app/components/use-t.ts";
import { PlanFelter, PlanSjekk, PlanVisning, lesUtkast } from "#app/components/plan-editor.tsx";
import { TOM_PLAN, sjekkPlan, type Merknad } from "#app/domain/planovelse/plansjekk.ts";
import { MAKS_TILTAK } from "#app/domain/planovelse/planovelse.schema.ts";
import { lagrePlan, lesPlaner, slettAlle, slettPlan, type EktePlan } from "#app/domain/planovelse/ekte-plan.ts";
import { formaterDato, formaterKlokke } from "#app/i18n/i18n.ts";
import { barnehageFraKontekst } from "../barnehage.server.ts";

export function meta() {
  return [{ title: "Ekte plan på denne enheten – Samla" }];
}

/** The page itself holds no plan: the loader only checks membership. Everything below runs in the browser. */
export function loader({ context }: Route.LoaderArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  krev(aktor, "ov:plan", medlemskap);
  return { barnehageId: medlemskap.barnehageId };
}

const ny = (): EktePlan => ({ id: crypto.randomUUID(), kallenavn: "", utkast: { ...TOM_PLAN, tiltak: [] }, endret: new Date().toISOString() });

/**
 * A real plan, drafted on this device only: no <form> on the page (so Enter never submits
 * anything), no fetch. Stored in localStorage; printed with the browser (print stylesheet), which
 * can save it as a PDF for the owner's archive.
 */
export default function EktePlanSide({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const maalform = useMaalform();
  const [klar, setKlar] = useState(false);
  const [planer, setPlaner] = useState<EktePlan[]>([]);
  const [aapen, setAapen] = useState<EktePlan | null>(null);
  const [merknader, setMerknader] = useState<Merknad[]>(sjekkPlan(TOM_PLAN));
  const [rader, setRader] = useState(3);
  const [status, setStatus] = useState("");
  const redigering = useRef<HTMLDivElement>(null);

  useEffect(() => {
    setPlaner(lesPlaner(localStorage));
    setKlar(true);
  }, []);

  const aapne = (plan: EktePlan) => {
    setAapen(plan);
    setRader(Math.min(MAKS_TILTAK, Math.max(3, plan.utkast.tiltak.length + 1)));
    setMerknader(sjekkPlan(plan.utkast));
    setStatus("");
  };
  const gjeldende = (): EktePlan | null => {
    if (!aapen || !redigering.current) return aapen;
    const kallenavn = redigering.current.querySelector<HTMLInputElement>("[name=kallenavn]")?.value ?? "";
    return { ...aapen, kallenavn: kallenavn.normalize("NFC"), utkast: lesUtkast(redigering.current, rader), endret: new Date().toISOString() };
  };
  const lagre = () => {
    const plan = gjeldende();
    if (!plan) return;
    setPlaner(lagrePlan(localStorage, plan));
    setAapen(plan);
    setStatus(t("ektePlan.lagretKl", { klokka: formaterKlokke(plan.endret, maalform) }));
  };
  const slett = (id: string) => {
    if (!window.confirm(t("ektePlan.bekreftSlett"))) return;
    setPlaner(slettPlan(localStorage, id));
    if (aapen?.id === id) setAapen(null);
    setStatus(t("ektePlan.slettet"));
  };
  const skrivUt = () => {
    const plan = gjeldende();
    if (plan) setAapen(plan);
    // Let React render the print copy of the latest text before the print dialog opens.
    requestAnimationFrame(() => window.print());
  };

  return (
    <article className="ekteplan-side">
      <div className="ekteplan-skjerm">
        <Paragraph data-size="sm" className="dempet">
          <Link to={`/barnehage/${d.barnehageId}/planovelse`}>{t("planovelse.tittel")}</Link>
        </Paragraph>
        <Heading level={1} data-size="lg">
          {t("ektePlan.tittel")}
        </Heading>
        <Alert data-color="info" className="lesebredde">
          <Heading level={2} data-size="xs">
            {t("ektePlan.hvorTittel")}
          </Heading>
          <Paragraph>{t("ektePlan.hvor")}</Paragraph>
          <Paragraph>{t("ektePlan.slettHvordan")}</Paragraph>
          <Paragraph>{t("ektePlan.arkiv")}</Paragraph>
        </Alert>
        {!klar ? (
          <Paragraph className="lesebredde" data-uten-js>
            {t("ektePlan.trengerJs")}
          </Paragraph>
        ) : (
          <>
            <section aria-labelledby="mine-planer" className="lesebredde">
              <Heading level={2} data-size="sm" id="mine-planer">
                {t("ektePlan.paaEnheten")}
              </Heading>
              {planer.length === 0 ? (
                <Paragraph>{t("ektePlan.ingen")}</Paragraph>
              ) : (
                <ul className="ekteplan-liste">
                  {planer.map((p) => (
                    <li key={p.id}>
                      <span>
                        <strong>{p.kallenavn || t("ektePlan.utenNavn")}</strong> · {t("ektePlan.endret", { dato: formaterDato(p.endret, maalform), klokka: formaterKlokke(p.endret, maalform) })}
                      </span>
                      <span className="knapperad">
                        <Button type="button" variant="secondary" data-size="sm" onClick={() => aapne(p)}>
                          {t("ektePlan.aapne")}
                        </Button>
                        <Button type="button" variant="tertiary" data-size="sm" onClick={() => slett(p.id)}>
                          {t("ektePlan.slett")}
                        </Button>
                      </span>
                    </li>
                  ))}
                </ul>
              )}
              <div className="knapperad">
                <Button type="button" onClick={() => aapne(ny())}>
                  {t("ektePlan.ny")}
                </Button>
                {planer.length > 0 ? (
                  <Button
                    type="button"
                    variant="tertiary"
                    onClick={() => {
                      if (!window.confirm(t("ektePlan.bekreftSlettAlle"))) return;
                      slettAlle(localStorage);
                      setPlaner([]);
                      setAapen(null);
                      setStatus(t("ektePlan.slettetAlle"));
                    }}
                  >
                    {t("ektePlan.slettAlle")}
                  </Button>
                ) : null}
              </div>
              <p role="status" className="lagret" data-status>
                {status}
              </p>
            </section>
            {aapen ? (
              <section aria-labelledby="redigerer" key={aapen.id}>
                <Heading level={2} data-size="sm" id="redigerer">
                  {t("ektePlan.redigerer")}
                </Heading>
                <div className="plan-oppsett">
                  <div ref={redigering} className="skjema" onInput={() => redigering.current && setMerknader(sjekkPlan(lesUtkast(redigering.current, rader)))}>
                    <Field className="felt">
                      <Label htmlFor="ekte-kallenavn">{t("ektePlan.kallenavn")}</Label>
                      <p id="ekte-kallenavn-hjelp" className="felt__beskrivelse">
                        {t("ektePlan.kallenavnHjelp")}
                      </p>
                      <Input id="ekte-kallenavn" name="kallenavn" defaultValue={aapen.kallenavn} aria-describedby="ekte-kallenavn-hjelp" autoComplete="off" />
                    </Field>
                    <PlanFelter key={`${aapen.id}-${rader}`} utkast={aapen.utkast} antallTiltak={rader} prefiks="ekte" merknader={merknader} />
                    <div className="knapperad">
                      {rader < MAKS_TILTAK ? (
                        <Button type="button" variant="secondary" onClick={() => { setAapen(gjeldende()); setRader(rader + 1); }}>
                          {t("ektePlan.flereTiltak")}
                        </Button>
                      ) : null}
                      <Button type="button" onClick={lagre} data-lagre>
                        {t("ektePlan.lagre")}
                      </Button>
                      <Button type="button" variant="secondary" onClick={skrivUt} data-skriv-ut>
                        {t("ektePlan.skrivUt")}
                      </Button>
                    </div>
                  </div>
                  <div className="plan-sidekolonne">
                    <PlanSjekk merknader={merknader} id="ekte-sjekk" />
                  </div>
                </div>
              </section>
            ) : null}
          </>
        )}
      </div>
      {aapen ? (
        <section className="ekteplan-utskrift">
          <h1>{aapen.kallenavn || t("ektePlan.utskriftTittel")}</h1>
          <p>{t("ektePlan.utskriftIngress")}</p>
          <PlanVisning plan={aapen.utkast} datoer={{ fra: aapen.utkast.fra ? formaterDato(aapen.utkast.fra, maalform) : undefined, evalueres: aapen.utkast.evalueres ? formaterDato(aapen.utkast.evalueres, maalform) : undefined }} />
          <p>{t("ektePlan.utskriftFot", { dato: formaterDato(aapen.endret, maalform) })}</p>
        </section>
      ) : null}
    </article>
  );
}
