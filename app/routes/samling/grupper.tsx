import { Form, Link, data, redirect } from "react-router";
import { medLagret, useLagret } from "#app/components/lagret.tsx";
import { Button, Field, Heading, Label, Paragraph, Select } from "@digdir/designsystemet-react";
import type { Route } from "./+types/grupper";
import type { SideHandle } from "#app/root.tsx";
import { krev } from "#app/auth/tilgang.ts";
import { maalformKontekst } from "#app/kontekst.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { lesSkjema, type SkjemaFeil } from "#app/components/skjema.ts";
import { FeilOppsummering, TekstFelt } from "#app/components/felt.tsx";
import { GruppeOverskrift, Gruppekolonner } from "#app/components/gruppekolonner.tsx";
import { useT } from "#app/components/use-t.ts";
import { samlingMedSteg } from "#app/domain/samling/samling.server.ts";
import { grupperSkjema, lesManuellFordeling } from "#app/domain/gruppe/gruppe.schema.ts";
import { MAKS_GRUPPER } from "#app/domain/gruppe/gruppe.ts";
import { aapneSelvvalg, delAutomatisk, delManuelt, fremhevGruppe, grupperForLeder, gruppenotaterForAktivitet, lukkSelvvalg } from "#app/domain/gruppe/gruppe.server.ts";
import type { Svar } from "#app/domain/samling/samling.server.ts";
import { barnehageFraKontekst } from "../barnehage/barnehage.server.ts";

export const handle: SideHandle = { utenJs: true };

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData ? `${loaderData.modulTittel} – grupper – Samla` : "Samla" }];
}

/**
 * The leader's groups page (issue 12, point 3; ADR 0027): split the attendees automatically
 * (size 2–5), or choose a group per person on a plain form, or let people pick on their phones;
 * highlight one group for the plenary; and all groups' notes for a group step's activity side by
 * side. Leder and styrer only; everyone else gets 404. Every form works without JavaScript.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  krev(aktor, "led:samling", medlemskap);
  const sp = context.get(maalformKontekst);
  const dep = tjenester();
  const v = await samlingMedSteg(aktor, medlemskap, params.samlingId, dep, sp);
  const side = await grupperForLeder(aktor, medlemskap, params.samlingId, dep);
  const tekst = v.modul.tekst[sp];
  // The activities of the group and plenary steps, in the samling's order: the notes the groups write.
  const ider = [...new Set(v.steg.filter((s) => (s.type === "gruppe" || s.type === "plenum") && s.aktivitet).map((s) => s.aktivitet!))];
  const aktiviteter = ider.flatMap((id) => tekst.aktiviteter.filter((a) => a.id === id).map((a) => ({ id: a.id, tittel: a.tittel })));
  const url = new URL(request.url);
  const naaAktivitet = v.naavaerende === null ? undefined : v.steg[v.naavaerende]?.aktivitet;
  const valgt = aktiviteter.find((a) => a.id === url.searchParams.get("aktivitet")) ?? aktiviteter.find((a) => a.id === naaAktivitet) ?? aktiviteter[0] ?? null;
  const kolonner = valgt ? await gruppenotaterForAktivitet(aktor, medlemskap, params.samlingId, valgt.id, dep, sp) : [];
  return {
    id: medlemskap.barnehageId,
    samlingId: v.samling.id,
    modulTittel: tekst.meta.tittel,
    nummer: v.modul.nummer,
    ...side,
    aktiviteter,
    valgt,
    kolonner,
    side: Number(url.searchParams.get("side")) || 1,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { aktor, medlemskap } = barnehageFraKontekst(context);
  const dep = tjenester();
  // Access first: nobody but leder and styrer of this samling's barnehage learns anything here.
  await grupperForLeder(aktor, medlemskap, params.samlingId, dep);
  const skjema = await lesSkjema(request, grupperSkjema);
  if (!skjema.ok) return data({ feil: skjema.feil, verdier: skjema.verdier }, { status: 400 });
  let svar: Svar<unknown>;
  switch (skjema.data.intent) {
    case "del-automatisk":
      svar = await delAutomatisk(aktor, medlemskap, params.samlingId, skjema.data.storrelse, dep);
      break;
    case "del-manuelt": {
      const fordeling = lesManuellFordeling(skjema.data);
      if (!fordeling.ok) return data({ feil: { [fordeling.felt]: "gruppe.feil.gruppe" } as SkjemaFeil, verdier: {} as Record<string, string> }, { status: 400 });
      svar = await delManuelt(aktor, medlemskap, params.samlingId, fordeling.fordeling, dep);
      break;
    }
    case "aapne-selvvalg":
      svar = await aapneSelvvalg(aktor, medlemskap, params.samlingId, skjema.data.antall, dep);
      break;
    case "lukk-selvvalg":
      svar = await lukkSelvvalg(aktor, medlemskap, params.samlingId, dep);
      break;
    case "fremhev":
      svar = await fremhevGruppe(aktor, medlemskap, params.samlingId, skjema.data.gruppe, dep);
      break;
  }
  if (!svar.ok) return data({ feil: { [svar.felt]: svar.feil } as SkjemaFeil, verdier: {} as Record<string, string> }, { status: 400 });
  const aktivitet = new URL(request.url).searchParams.get("aktivitet");
  const sti = `/barnehage/${medlemskap.barnehageId}/samling/${params.samlingId}/grupper${aktivitet ? `?aktivitet=${encodeURIComponent(aktivitet)}` : ""}#gruppene`;
  return redirect(medLagret(sti, "grupper"));
}

export default function Grupper({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const feil = actionData?.feil;
  const lagret = useLagret("grupper");
  const stiTil = (q: Record<string, string | number>) => `?${new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)]))}`;
  const antallValg = Math.min(Math.max(d.gruppering.antall, d.personer.length, 1), MAKS_GRUPPER);
  const grupper = Array.from({ length: d.gruppering.antall }, (_, i) => i + 1);
  return (
    <div className="smal">
      <Paragraph data-size="sm">
        <Link to={`/barnehage/${d.id}/samling/${d.samlingId}`}>{t("samling.tilSamlingen")}</Link>
        {" · "}
        <Link to={`/barnehage/${d.id}/samling/${d.samlingId}/leder`}>{t("samling.tilLeder")}</Link>
      </Paragraph>
      <Heading level={1} data-size="lg">
        {t("gruppe.sideTittel", { nummer: d.nummer, tittel: d.modulTittel })}
      </Heading>
      <Paragraph>{t("gruppe.ingress")}</Paragraph>
      <Paragraph>{t(d.fraOppmote ? "gruppe.fraOppmote" : "gruppe.fraTeamet", { antall: d.personer.length })}</Paragraph>
      {lagret.nettopp && lagret.klokke ? (
        <Paragraph role="status" className="lagret-kl" data-lagret="nettopp">
          {t("gruppe.lagret", { tid: lagret.klokke })}
        </Paragraph>
      ) : null}
      <FeilOppsummering feil={feil} />

      <section aria-labelledby="gruppene" className="blokk">
        <Heading level={2} data-size="md" id="gruppene">
          {t("gruppe.gruppene")}
        </Heading>
        {d.gruppering.selvvalg ? <Paragraph>{t("gruppe.selvvalgAapent", { antall: d.gruppering.antall })}</Paragraph> : null}
        {grupper.length === 0 ? (
          <Paragraph>{t("gruppe.ingenGrupperEnno")}</Paragraph>
        ) : (
          <ul className="gruppekolonner__liste">
            {grupper.map((g) => {
              const navn = d.medlemmer.filter((x) => x.gruppe === g).map((x) => x.navn);
              const fremhevet = d.gruppering.fremhevet === g;
              return (
                <li key={g} className={fremhevet ? "gruppekolonne gruppekolonne--fremhevet" : "gruppekolonne"}>
                  <GruppeOverskrift navn={t("gruppe.navn", { nummer: g })} fremhevet={fremhevet} nivaa={3} storrelse="xs" />
                  <Paragraph data-size="sm">{navn.length ? navn.join(", ") : t("gruppe.tomGruppe")}</Paragraph>
                  {fremhevet ? null : (
                    <Form method="post">
                      <input type="hidden" name="intent" value="fremhev" />
                      <input type="hidden" name="gruppe" value={g} />
                      <Button type="submit" variant="secondary" data-size="sm">
                        {t("gruppe.fremhev", { gruppe: t("gruppe.navn", { nummer: g }) })}
                      </Button>
                    </Form>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        {d.gruppering.fremhevet ? (
          <Form method="post" className="blokk">
            <input type="hidden" name="intent" value="fremhev" />
            <input type="hidden" name="gruppe" value="0" />
            <Button type="submit" variant="tertiary" data-size="sm">
              {t("gruppe.fjernFremheving")}
            </Button>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="automatisk" className="blokk ramme">
        <Heading level={2} data-size="sm" id="automatisk">
          {t("gruppe.automatisk")}
        </Heading>
        <Form method="post" className="skjema" noValidate>
          <input type="hidden" name="intent" value="del-automatisk" />
          <TekstFelt navn="storrelse" etikett={t("gruppe.storrelse")} beskrivelse={t("gruppe.storrelseHjelp")} type="number" inputMode="numeric" standard={actionData?.verdier?.storrelse ?? "4"} feil={feil?.storrelse} />
          <Button type="submit" variant="primary">
            {t("gruppe.delAutomatisk")}
          </Button>
        </Form>
      </section>

      {d.personer.length ? (
        <section aria-labelledby="manuelt" className="blokk ramme">
          <Heading level={2} data-size="sm" id="manuelt">
            {t("gruppe.manuelt")}
          </Heading>
          <Form method="post" className="skjema" noValidate>
            <input type="hidden" name="intent" value="del-manuelt" />
            <div className="grupper-personer">
              {d.personer.map((p) => {
                const id = `felt-person-${p.brukerId}`;
                return (
                  <Field key={p.brukerId} className="felt">
                    <Label htmlFor={id}>{p.navn}</Label>
                    <Select id={id} name={`person-${p.brukerId}`} defaultValue={p.gruppe ? String(p.gruppe) : ""} aria-invalid={feil?.[`person-${p.brukerId}`] ? true : undefined}>
                      <Select.Option value="">{t("gruppe.ingenGruppe")}</Select.Option>
                      {Array.from({ length: antallValg }, (_, i) => (
                        <Select.Option key={i + 1} value={String(i + 1)}>
                          {t("gruppe.navn", { nummer: i + 1 })}
                        </Select.Option>
                      ))}
                    </Select>
                  </Field>
                );
              })}
            </div>
            <Button type="submit" variant="secondary">
              {t("gruppe.lagreManuelt")}
            </Button>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="selvvalg" className="blokk ramme">
        <Heading level={2} data-size="sm" id="selvvalg">
          {t("gruppe.selvvalg")}
        </Heading>
        <Paragraph>{t("gruppe.selvvalgHjelp")}</Paragraph>
        <Form method="post" className="skjema" noValidate>
          <input type="hidden" name="intent" value="aapne-selvvalg" />
          <TekstFelt navn="antall" etikett={t("gruppe.antall")} type="number" inputMode="numeric" standard={actionData?.verdier?.antall ?? String(d.gruppering.antall || 2)} feil={feil?.antall} />
          <Button type="submit" variant="secondary">
            {t("gruppe.aapneSelvvalg")}
          </Button>
        </Form>
        {d.gruppering.selvvalg ? (
          <Form method="post" className="blokk">
            <input type="hidden" name="intent" value="lukk-selvvalg" />
            <Button type="submit" variant="secondary">
              {t("gruppe.lukkSelvvalg")}
            </Button>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="notater" className="blokk" data-plass="gruppekolonner">
        <Heading level={2} data-size="md" id="notater">
          {d.valgt ? t("gruppe.notaterFor", { tittel: d.valgt.tittel }) : t("samling.gruppenotater")}
        </Heading>
        {d.aktiviteter.length > 1 ? (
          <nav aria-label={t("gruppe.velgAktivitet")}>
            <ul className="lenkerad">
              {d.aktiviteter.map((a) => (
                <li key={a.id}>
                  <Link to={stiTil({ aktivitet: a.id })} aria-current={a.id === d.valgt?.id ? "page" : undefined}>
                    {a.tittel}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        {d.valgt ? (
          d.kolonner.length ? (
            <Gruppekolonner kolonner={d.kolonner} side={d.side} nivaa={3} sideLenke={(s) => `${stiTil({ aktivitet: d.valgt!.id, side: s })}#notater`} />
          ) : (
            <Paragraph>{t("gruppe.ingenGrupperEnno")}</Paragraph>
          )
        ) : (
          <Paragraph>{t("gruppe.ingenAktivitet")}</Paragraph>
        )}
      </section>
    </div>
  );
}
