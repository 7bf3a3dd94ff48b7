import { useLayoutEffect, useRef, useState } from "react";

/**
 * A <textarea> that React never hydrates or re-renders. React's hydration of a textarea with a
 * stored text (`defaultValue`) writes that text into the element again (react-dom's
 * `initTextarea`: `element.defaultValue = …; element.value = …`), which throws away what a person
 * typed before the page's JavaScript had run, and moves the cursor, so text typed next is added to
 * the stored text instead of replacing it. On a slow phone that is a real window, and the form
 * then sends a merged or stale text with the right version, so the optimistic lock cannot see it.
 *
 * So the element is plain server HTML inside a wrapper (`dangerouslySetInnerHTML`, made once and
 * never changed): hydration leaves it alone. Later props are applied by hand, as an uncontrolled
 * textarea would: a new stored text becomes the default value, which the browser shows only if
 * the person has not edited the field (or their text is the stored text it replaces); their own
 * unsaved text is never replaced.
 */
export type SkrivefeltProps = {
  id: string;
  name: string;
  rows: number;
  tekst?: string;
  beskrevetAv?: string;
  ugyldig?: boolean;
  paakrevd?: boolean;
};

const html = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function skrivefeltHtml(p: SkrivefeltProps): string {
  const attr = [`class="ds-input"`, `id="${html(p.id)}"`, `name="${html(p.name)}"`, `rows="${p.rows}"`];
  if (p.beskrevetAv) attr.push(`aria-describedby="${html(p.beskrevetAv)}"`);
  if (p.ugyldig) attr.push(`aria-invalid="true"`);
  if (p.paakrevd) attr.push("required");
  // The HTML parser drops one newline right after <textarea>, so a text that starts with one gets
  // another in front (only then: a DOM without the full parser, as in component tests, keeps it).
  const tekst = p.tekst ?? "";
  return `<textarea ${attr.join(" ")}>${tekst.startsWith("\n") ? "\n" : ""}${html(tekst)}</textarea>`;
}

/**
 * A text as a textarea's `value` holds it: the browser sends line breaks as CRLF in a form post
 * (so stored texts have them), but a textarea's value always has LF. Compare and set in this form,
 * or a stored text with a line break never equals the same text in the field.
 */
export const somFeltverdi = (s: string) => s.replace(/\r\n?/g, "\n");

export function Skrivefelt(p: SkrivefeltProps) {
  const [forste] = useState(() => skrivefeltHtml(p));
  const boks = useRef<HTMLDivElement>(null);
  const lagret = useRef(somFeltverdi(p.tekst ?? ""));
  useLayoutEffect(() => {
    const felt = boks.current?.querySelector("textarea");
    if (!felt) return;
    felt.rows = p.rows;
    settAttributt(felt, "aria-describedby", p.beskrevetAv || null);
    settAttributt(felt, "aria-invalid", p.ugyldig ? "true" : null);
    felt.required = p.paakrevd === true;
    const ny = somFeltverdi(p.tekst ?? "");
    if (ny !== lagret.current) {
      // The browser shows a new default value only in a field nobody has edited. A field whose
      // text is still the stored text it had (typed, saved, and not changed since) holds nothing
      // of the person's own, so it shows the new stored text too: else it would keep an old
      // version as if unsaved, and a later save would send it on top of the newer one.
      const somLagret = felt.value === lagret.current;
      felt.defaultValue = ny;
      if (somLagret) felt.value = ny;
      lagret.current = ny;
    }
  });
  return <div ref={boks} className="skrivefelt" dangerouslySetInnerHTML={{ __html: forste }} />;
}

function settAttributt(el: Element, navn: string, verdi: string | null) {
  if (verdi === null) el.removeAttribute(navn);
  else if (el.getAttribute(navn) !== verdi) el.setAttribute(navn, verdi);
}
