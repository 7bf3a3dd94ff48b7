import { useEffect, useRef, useState, type FormEvent } from "react";
import { Form } from "react-router";
import { Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Spraak } from "#app/domain/innhold/innhold.schema.ts";
import { useMaalform, useT } from "./use-t.ts";

type Omrade = { id: string; nb: string; nn: string };
type Utsagn = { id: string; omrade: string; nb: string; nn: string };
type Valg = { verdi: string; tekst: string };
type Utkast = { side: number; svar: Record<string, string> };

/**
 * The draft lives only on this device (localStorage), keyed by the round: nothing of it reaches
 * the server before «Send» (issue 15, point 6; ADR 0032). The key holds the round id only.
 */
export const utkastNokkel = (rundeId: string) => `samla-stasted-utkast:${rundeId}`;

function lesUtkast(rundeId: string): Utkast | null {
  try {
    const tekst = window.localStorage.getItem(utkastNokkel(rundeId));
    if (!tekst) return null;
    const u = JSON.parse(tekst) as Partial<Utkast>;
    if (typeof u !== "object" || u === null || typeof u.svar !== "object" || u.svar === null) return null;
    return { side: Number.isInteger(u.side) ? Number(u.side) : 0, svar: u.svar as Record<string, string> };
  } catch {
    return null;
  }
}

function skrivUtkast(rundeId: string, utkast: Utkast) {
  try {
    window.localStorage.setItem(utkastNokkel(rundeId), JSON.stringify(utkast));
  } catch {
    // Private mode or a full storage: the form still works, only without a draft.
  }
}

/** Removes the draft (after sending, or when the round can no longer be answered). */
export function fjernUtkast(rundeId: string) {
  try {
    window.localStorage.removeItem(utkastNokkel(rundeId));
  } catch {
    // Nothing to remove.
  }
}

/** The checked answer per statement, read from the form itself (the radios are never controlled). */
function lesSvar(skjema: HTMLFormElement, utsagn: readonly Utsagn[]): Record<string, string> {
  const svar: Record<string, string> = {};
  for (const u of utsagn) {
    const valgt = skjema.querySelector<HTMLInputElement>(`input[type="radio"][name="${CSS.escape(u.id)}"]:checked`);
    if (valgt) svar[u.id] = valgt.value;
  }
  return svar;
}

/**
 * The ståsted answer form (issue 15, point 6). Rendered on the server as one form with every area,
 * which is what works without JavaScript. Once the page has run, it becomes pages of one area at a
 * time with a progress bar («Område 3 av 7»), «Forrige»/«Neste», and a summary with «Send» at the
 * end; the answers are kept as a draft on the device until sent. The radios stay in the one form
 * (hidden areas are `hidden`), so what is posted is exactly what the form without JavaScript posts.
 */
export function StastedSkjema(props: {
  rundeId: string;
  omrader: readonly Omrade[];
  utsagn: readonly Utsagn[];
  valg: readonly Valg[];
  verdier: Record<string, string>;
}) {
  const t = useT();
  const maalform: Spraak = useMaalform();
  const skjemaRef = useRef<HTMLFormElement>(null);
  const overskrift = useRef<HTMLElement | null>(null);
  const flyttet = useRef(false);
  // null until the page has run: the server (and a browser without JavaScript) shows every area.
  const [side, setSide] = useState<number | null>(null);
  const [svar, setSvar] = useState<Record<string, string>>({});
  const antallSider = props.omrader.length;
  const sammendrag = side === antallSider;

  // Restore the draft once, into the form's own radios, and turn the form into pages.
  useEffect(() => {
    const skjema = skjemaRef.current;
    if (!skjema) return;
    const utkast = lesUtkast(props.rundeId);
    if (utkast) {
      for (const [id, verdi] of Object.entries(utkast.svar)) {
        const input = skjema.querySelector<HTMLInputElement>(`input[type="radio"][name="${CSS.escape(id)}"][value="${CSS.escape(String(verdi))}"]`);
        if (input) input.checked = true;
      }
    }
    setSvar(lesSvar(skjema, props.utsagn));
    setSide(Math.min(Math.max(utkast?.side ?? 0, 0), antallSider));
  }, [props.rundeId, props.utsagn, antallSider]);

  // Every change is kept on the device, and nowhere else.
  useEffect(() => {
    if (side !== null) skrivUtkast(props.rundeId, { side, svar });
  }, [props.rundeId, side, svar]);

  // After «Neste», «Forrige» or «Endre»: the new page's heading gets focus, at the top of the screen.
  useEffect(() => {
    if (side === null || !flyttet.current) return;
    overskrift.current?.focus();
    overskrift.current?.scrollIntoView({ block: "start" });
  }, [side]);

  const gaaTil = (ny: number) => {
    flyttet.current = true;
    setSide(ny);
  };

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    // Only «Send» on the summary sends: anything else (Enter on an earlier page) goes to the summary.
    const avsender = (e.nativeEvent as SubmitEvent).submitter;
    if (side !== null && (!sammendrag || !avsender?.hasAttribute("data-send"))) {
      e.preventDefault();
      gaaTil(antallSider);
    }
  };

  const besvart = props.utsagn.filter((u) => svar[u.id] !== undefined).length;
  const valgTekst = (verdi: string | undefined) => props.valg.find((v) => v.verdi === verdi)?.tekst;

  return (
    <Form
      method="post"
      className={`skjema stasted-skjema${side !== null ? " stasted-skjema--sider" : ""}`}
      id="skjema"
      noValidate
      ref={skjemaRef}
      onSubmit={onSubmit}
      onChange={() => skjemaRef.current && setSvar(lesSvar(skjemaRef.current, props.utsagn))}
    >
      <input type="hidden" name="intent" value="svar" />
      <input type="hidden" name="samtykke" value="ja" />
      {side !== null ? (
        <div className="stasted-framdrift" data-framdrift>
          <label htmlFor="stasted-framdrift" className="stasted-framdrift__tekst">
            {sammendrag ? t("stasted.sider.sammendragFramdrift", { antall: besvart, av: props.utsagn.length }) : t("stasted.sider.framdrift", { nr: side + 1, av: antallSider })}
          </label>
          <progress id="stasted-framdrift" max={antallSider} value={Math.min(side + 1, antallSider)} />
        </div>
      ) : null}
      {side === null || side === 0 ? <Paragraph>{t("stasted.svarIngress")}</Paragraph> : null}
      {side === 0 ? <Paragraph data-size="sm">{t("stasted.sider.utkast")}</Paragraph> : null}
      {props.omrader.map((o, i) => (
        <fieldset key={o.id} className="stasted-omrade" hidden={side !== null && side !== i} data-omrade={o.id}>
          <legend>
            <Heading
              level={2}
              data-size="sm"
              tabIndex={side !== null ? -1 : undefined}
              ref={side === i ? (el: HTMLHeadingElement | null) => void (overskrift.current = el) : undefined}
            >
              {o[maalform]}
            </Heading>
          </legend>
          {props.utsagn
            .filter((u) => u.omrade === o.id)
            .map((u) => (
              <fieldset key={u.id} className="valg stasted-utsagn">
                <legend>{u[maalform]}</legend>
                {props.valg.map((s) => (
                  <div className="valg__rad" key={s.verdi}>
                    <input type="radio" id={`${u.id}-${s.verdi}`} name={u.id} value={s.verdi} defaultChecked={props.verdier[u.id] === s.verdi} />
                    <label htmlFor={`${u.id}-${s.verdi}`}>{s.tekst}</label>
                  </div>
                ))}
              </fieldset>
            ))}
        </fieldset>
      ))}

      {sammendrag ? (
        <section className="stasted-sammendrag" aria-labelledby="stasted-sammendrag">
          <Heading level={2} data-size="sm" id="stasted-sammendrag" tabIndex={-1} ref={(el: HTMLHeadingElement | null) => void (overskrift.current = el)}>
            {t("stasted.sider.sammendrag")}
          </Heading>
          <Paragraph>{t("stasted.sider.sammendragIngress")}</Paragraph>
          {props.omrader.map((o, i) => (
            <section key={o.id} className="stasted-sammendrag__omrade" aria-labelledby={`sammendrag-${o.id}`}>
              <Heading level={3} data-size="2xs" id={`sammendrag-${o.id}`}>
                {o[maalform]}
              </Heading>
              <dl className="stasted-sammendrag__liste">
                {props.utsagn
                  .filter((u) => u.omrade === o.id)
                  .map((u) => (
                    <div key={u.id}>
                      <dt>{u[maalform]}</dt>
                      <dd className={svar[u.id] === undefined ? "stasted-sammendrag__tom" : undefined}>{valgTekst(svar[u.id]) ?? t("stasted.sider.ikkeSvart")}</dd>
                    </div>
                  ))}
              </dl>
              <Button type="button" variant="tertiary" data-size="sm" onClick={() => gaaTil(i)}>
                {t("stasted.sider.endre", { omrade: o[maalform] })}
              </Button>
            </section>
          ))}
        </section>
      ) : null}

      {/* The keys keep «Neste» and «Send» different elements: were the same <button> reused with a
          new type, the click on «Se over svarene» would end as a submit once React had re-rendered. */}
      {side === null || sammendrag ? (
        <div key="send" className={side !== null ? "stasted-sidenav" : undefined}>
          {side !== null ? (
            <Button key="forrige" type="button" variant="secondary" onClick={() => gaaTil(antallSider - 1)}>
              {t("stasted.sider.forrige")}
            </Button>
          ) : null}
          <Button key="send" type="submit" data-send="">
            {t("stasted.send")}
          </Button>
        </div>
      ) : (
        <div key="sider" className="stasted-sidenav">
          {side > 0 ? (
            <Button key="forrige" type="button" variant="secondary" onClick={() => gaaTil(side - 1)}>
              {t("stasted.sider.forrige")}
            </Button>
          ) : null}
          <Button key="neste" type="button" onClick={() => gaaTil(side + 1)}>
            {side === antallSider - 1 ? t("stasted.sider.tilSammendrag") : t("stasted.sider.neste")}
          </Button>
        </div>
      )}
    </Form>
  );
}
