import { Field, Heading, Input, Label } from "@digdir/designsystemet-react";
import { Skrivefelt } from "./skrivefelt.tsx";
import { useT } from "./use-t.ts";
import { PUNKTER, type Merknad, type PlanUtkast } from "#app/domain/planovelse/plansjekk.ts";
import type { Nokkel } from "#app/i18n/i18n.ts";

/**
 * The five fields a–e of § 42 (issue 14, point 3), for the practice form (posted to the server,
 * which only runs the check) and for the real plan (never leaves the browser). The inputs are
 * uncontrolled; `lesUtkast` reads them back from the DOM, so the live check needs no state per field.
 */
export function PlanFelter({ utkast, antallTiltak, prefiks = "plan", merknader = [] }: { utkast: PlanUtkast; antallTiltak: number; prefiks?: string; merknader?: Merknad[] }) {
  const t = useT();
  // On a phone the check's list is far below the field one is typing in: the same remarks also
  // stand under each point's heading there (hidden on wide screens, where the list sits beside).
  const her = (...punkter: Merknad["punkt"][]) => {
    const liste = merknader.filter((m) => punkter.includes(m.punkt));
    return liste.length === 0 ? null : (
      <ul className="planpunkt-merknader">
        {liste.map((m, i) => (
          <li key={i}>{t(`plansjekk.${m.kode}` as Nokkel, { nummer: m.nummer ?? "", ord: m.ord ?? "" })}</li>
        ))}
      </ul>
    );
  };
  const id = (navn: string) => `${prefiks}-${navn}`;
  const rader = Array.from({ length: antallTiltak }, (_, i) => utkast.tiltak[i] ?? { tekst: "", ansvarlig: "" });
  return (
    <div className="planfelter">
      <fieldset className="planpunkt">
        <legend>{t("plan.a.etikett")}</legend>
        {her("a")}
        <Field className="felt">
          <Label htmlFor={id("problem")}>{t("plan.a.felt")}</Label>
          <p id={id("problem-hjelp")} className="felt__beskrivelse">
            {t("plan.a.hjelp")}
          </p>
          <Skrivefelt id={id("problem")} name="problem" rows={4} tekst={utkast.problem} beskrevetAv={id("problem-hjelp")} />
        </Field>
      </fieldset>
      <fieldset className="planpunkt">
        <legend>{t("plan.bd.etikett")}</legend>
        {her("b", "d")}
        <p className="felt__beskrivelse">{t("plan.bd.hjelp")}</p>
        <ol className="plantiltak">
          {rader.map((r, i) => (
            <li key={i}>
              <Field className="felt">
                <Label htmlFor={id(`tiltak-${i + 1}`)}>{t("plan.b.felt", { nummer: i + 1 })}</Label>
                <Skrivefelt id={id(`tiltak-${i + 1}`)} name={`tiltak-${i + 1}`} rows={3} tekst={r.tekst} />
              </Field>
              <Field className="felt">
                <Label htmlFor={id(`ansvarlig-${i + 1}`)}>{t("plan.d.felt", { nummer: i + 1 })}</Label>
                <Input id={id(`ansvarlig-${i + 1}`)} name={`ansvarlig-${i + 1}`} defaultValue={r.ansvarlig} autoComplete="off" />
              </Field>
            </li>
          ))}
        </ol>
      </fieldset>
      <fieldset className="planpunkt">
        <legend>{t("plan.c.etikett")}</legend>
        {her("c")}
        <Field className="felt">
          <Label htmlFor={id("fra")}>{t("plan.c.fra")}</Label>
          <Input id={id("fra")} name="fra" type="date" defaultValue={utkast.fra} />
        </Field>
        <Field className="felt">
          <Label htmlFor={id("naar")}>{t("plan.c.felt")}</Label>
          <p id={id("naar-hjelp")} className="felt__beskrivelse">
            {t("plan.c.hjelp")}
          </p>
          <Skrivefelt id={id("naar")} name="naar" rows={2} tekst={utkast.naar} beskrevetAv={id("naar-hjelp")} />
        </Field>
      </fieldset>
      <fieldset className="planpunkt">
        <legend>{t("plan.e.etikett")}</legend>
        {her("e")}
        <Field className="felt">
          <Label htmlFor={id("evalueres")}>{t("plan.e.dato")}</Label>
          <Input id={id("evalueres")} name="evalueres" type="date" defaultValue={utkast.evalueres} />
        </Field>
        <Field className="felt">
          <Label htmlFor={id("evaluering")}>{t("plan.e.felt")}</Label>
          <p id={id("evaluering-hjelp")} className="felt__beskrivelse">
            {t("plan.e.hjelp")}
          </p>
          <Skrivefelt id={id("evaluering")} name="evaluering" rows={3} tekst={utkast.evaluering} beskrevetAv={id("evaluering-hjelp")} />
        </Field>
      </fieldset>
    </div>
  );
}

/** Reads the fields of PlanFelter back from the DOM (the live check in the browser). */
export function lesUtkast(rot: ParentNode, antallTiltak: number): PlanUtkast {
  const verdi = (navn: string) => (rot.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${navn}"]`)?.value ?? "").normalize("NFC");
  const tiltak = Array.from({ length: antallTiltak }, (_, i) => ({ tekst: verdi(`tiltak-${i + 1}`), ansvarlig: verdi(`ansvarlig-${i + 1}`) }));
  while (tiltak.length > 0 && tiltak.at(-1)!.tekst === "" && tiltak.at(-1)!.ansvarlig === "") tiltak.pop();
  return { problem: verdi("problem"), tiltak, fra: verdi("fra"), naar: verdi("naar"), evalueres: verdi("evalueres"), evaluering: verdi("evaluering") };
}

/** The check as a list a–e in plain Norwegian; a polite live region, so it is read while one types. */
export function PlanSjekk({ merknader, id = "plansjekk" }: { merknader: Merknad[]; id?: string }) {
  const t = useT();
  return (
    <section className="plansjekk ramme" aria-labelledby={id}>
      <Heading level={2} data-size="sm" id={id}>
        {t("plansjekk.tittel")}
      </Heading>
      <div aria-live="polite" data-plansjekk>
        {merknader.length === 0 ? (
          <p>{t("plansjekk.ok")}</p>
        ) : (
          <>
            <p>{t("plansjekk.antall", { antall: new Set(merknader.map((m) => m.punkt)).size })}</p>
            <ul>
              {PUNKTER.flatMap((p) => merknader.filter((m) => m.punkt === p)).map((m, i) => (
                <li key={i} data-punkt={m.punkt}>
                  {t(`plansjekk.${m.kode}` as Nokkel, { nummer: m.nummer ?? "", ord: m.ord ?? "" })}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}

/** A plan as read-only text (the model plan, and the printed real plan). */
export function PlanVisning({ plan, datoer }: { plan: PlanUtkast; datoer?: { fra?: string; evalueres?: string } }) {
  const t = useT();
  const tiltak = plan.tiltak.filter((x) => x.tekst.trim() !== "");
  return (
    <dl className="planvisning">
      <dt>{t("plan.a.etikett")}</dt>
      <dd>{plan.problem}</dd>
      <dt>{t("plan.bd.etikett")}</dt>
      <dd>
        <ol>
          {tiltak.map((x, i) => (
            <li key={i}>
              {x.tekst}
              {x.ansvarlig ? (
                <>
                  <br />
                  <em>{t("plan.d.visning", { ansvarlig: x.ansvarlig })}</em>
                </>
              ) : null}
            </li>
          ))}
        </ol>
      </dd>
      <dt>{t("plan.c.etikett")}</dt>
      <dd>{[datoer?.fra, plan.naar].filter(Boolean).join(". ")}</dd>
      <dt>{t("plan.e.etikett")}</dt>
      <dd>{[datoer?.evalueres, plan.evaluering].filter(Boolean).join(". ")}</dd>
    </dl>
  );
}
