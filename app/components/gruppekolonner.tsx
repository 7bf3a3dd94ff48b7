import { Link } from "react-router";
import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { useT } from "./use-t.ts";

/**
 * All groups' notes for one activity side by side, one column per group, the way Padlet shows a
 * wall (issue 12, point 3; ADR 0027). Pure: props in, HTML out; no loader, no JavaScript needed.
 * Many groups are paged (`perSide`, 4 by default: four columns fill a 1920×1080 projector and
 * still read at 200 % zoom); the page links come from `sideLenke`, so paging works as plain links.
 * On a narrow screen the columns stack. The highlighted group is marked with a word and a border,
 * not by colour alone. No personal names: the projector shows only «Gruppe 1» and what it wrote.
 */
export type Kolonne = { gruppe: number; navn: string; tekst: string; fremhevet: boolean };

export function Gruppekolonner(props: {
  kolonner: Kolonne[];
  /** 1-based page; out of range is clamped. */
  side?: number;
  perSide?: number;
  /** Heading level of each column (2 under the page's h1, 3 under a section's h2). */
  nivaa?: 2 | 3 | 4 | 5;
  /** The address of another page of columns; without it every column is shown. */
  sideLenke?: (side: number) => string;
  /** Larger type for the projector. */
  stor?: boolean;
}) {
  const t = useT();
  const perSide = Math.max(1, props.perSide ?? 4);
  const antallSider = props.sideLenke ? Math.max(1, Math.ceil(props.kolonner.length / perSide)) : 1;
  const side = Math.min(Math.max(1, Math.trunc(props.side ?? 1)), antallSider);
  const synlige = props.sideLenke ? props.kolonner.slice((side - 1) * perSide, side * perSide) : props.kolonner;
  const nivaa = props.nivaa ?? 2;
  return (
    <div className={props.stor ? "gruppekolonner gruppekolonner--stor" : "gruppekolonner"}>
      <ul className="gruppekolonner__liste" data-antall={synlige.length}>
        {synlige.map((k) => (
          <li key={k.gruppe} className={k.fremhevet ? "gruppekolonne gruppekolonne--fremhevet" : "gruppekolonne"} data-gruppe={k.gruppe}>
            <GruppeOverskrift navn={k.navn} fremhevet={k.fremhevet} nivaa={nivaa} storrelse="sm" />
            {k.tekst ? <p className="gruppekolonne__tekst pre">{k.tekst}</p> : <p className="gruppekolonne__tekst dempet">{t("gruppe.tomtNotat")}</p>}
          </li>
        ))}
      </ul>
      {antallSider > 1 && props.sideLenke ? (
        <nav className="gruppekolonner__sider" aria-label={t("gruppe.side", { side, antall: antallSider })}>
          {side > 1 ? <Link to={props.sideLenke(side - 1)}>{t("gruppe.forrigeSide")}</Link> : null}
          <Paragraph data-size="sm" className="gruppekolonner__side">
            {t("gruppe.side", { side, antall: antallSider })}
          </Paragraph>
          {side < antallSider ? <Link to={props.sideLenke(side + 1)}>{t("gruppe.nesteSide")}</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}

/** A group's column heading: its name, and «Fremhevet» in words (not by colour alone) when highlighted. */
export function GruppeOverskrift(p: { navn: string; fremhevet: boolean; nivaa: 2 | 3 | 4 | 5; storrelse: "xs" | "sm" }) {
  const t = useT();
  return (
    <Heading level={p.nivaa} data-size={p.storrelse} className="gruppekolonne__navn">
      {p.navn}
      {p.fremhevet ? (
        <>
          {" "}
          <span className="gruppekolonne__merke">
            <span aria-hidden="true">★ </span>
            {t("gruppe.fremhevet")}
          </span>
        </>
      ) : null}
    </Heading>
  );
}
