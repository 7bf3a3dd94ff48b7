import { formaterCelle } from "#app/domain/eier/rapport.ts";

export type Stolpe = { navn: string; verdi: number | null; uthevet?: boolean };

/**
 * A bar chart on the scale 1–5, drawn on the server with CSS (issue 15): a bar per row, «for få
 * svar» where the figure is hidden (min-N). Used by the owner's results (a chart per area, a bar
 * per barnehage) and by a single ståsted round (a bar per area). The figures are always in a table
 * or text beside it, so the bars are hidden from screen readers and the chart is named by its caption.
 * `stablet` puts each name above its bar, for long names (areas) and narrow screens.
 */
export function Stolpediagram(props: { tittel: string; stolper: readonly Stolpe[]; forFa: string; locale: string; stablet?: boolean; data?: string }) {
  return (
    <figure className={`rapportdiagram${props.stablet ? " rapportdiagram--stablet" : ""}`} data-diagram={props.data ?? props.tittel}>
      <figcaption>{props.tittel}</figcaption>
      <div aria-hidden="true">
        {props.stolper.map((s, i) => (
          <div key={i} className={`rapportdiagram__rad${s.uthevet ? " rapportdiagram__rad--samlet" : ""}`}>
            <span className="rapportdiagram__navn">{s.navn}</span>
            <span className="rapportdiagram__spor">
              {s.verdi === null ? (
                <span className="rapportdiagram__tom">{props.forFa}</span>
              ) : (
                <span className="rapportdiagram__stolpe" style={{ width: `${(s.verdi / 5) * 100}%` }} />
              )}
            </span>
            <span className="rapportdiagram__tall">{s.verdi === null ? "" : formaterCelle(s.verdi, "snitt", props.locale, props.forFa)}</span>
          </div>
        ))}
      </div>
    </figure>
  );
}
