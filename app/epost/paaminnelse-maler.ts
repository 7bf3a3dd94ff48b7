import type { Spraak } from "#app/domain/innhold/innhold.schema.ts";
import { oversetter, type Nokkel } from "#app/i18n/i18n.ts";
import type { EpostInnhold } from "./maler.ts";

/**
 * Reminder mails (issue 15, point 4): a greeting, a few paragraphs, a list of what to do with a
 * link each, the main link, and a footer saying where to turn the kind off. Plain text and HTML
 * from the same parts, in the recipient's målform. Pure: no I/O.
 */
export type PaaminnelseDeler = {
  emne: Nokkel;
  avsnitt: { n: Nokkel; v?: Record<string, string | number> }[];
  /** «What to prepare» and similar: a line each, with a link when there is one. */
  liste?: { tittel: Nokkel; punkter: { tekst: string; lenke?: string }[] };
  knapp: { n: Nokkel; lenke: string };
  verdier?: Record<string, string | number>;
};

export function lagPaaminnelseEpost(maalform: Spraak, navn: string, d: PaaminnelseDeler, profilLenke: string): EpostInnhold {
  const t = oversetter(maalform);
  const emne = t(d.emne, d.verdier);
  const hilsen = navn ? t("epost.hilsen", { navn }) : t("epost.hilsenUtenNavn");
  const avsnitt = d.avsnitt.map((a) => t(a.n, { ...d.verdier, ...a.v }));
  const knapp = t(d.knapp.n, d.verdier);
  const bunn = t("paaminnelse.epost.bunn");
  const tekst = [
    hilsen,
    "",
    ...avsnitt.flatMap((a) => [a, ""]),
    ...(d.liste ? [t(d.liste.tittel), ...d.liste.punkter.map((p) => `- ${p.tekst}${p.lenke ? `: ${p.lenke}` : ""}`), ""] : []),
    `${knapp}: ${d.knapp.lenke}`,
    "",
    bunn,
    profilLenke,
    "",
    t("epost.signatur"),
    "",
  ].join("\n");
  const liste = d.liste
    ? `<p>${esc(t(d.liste.tittel))}</p>\n<ul>${d.liste.punkter.map((p) => `<li>${p.lenke ? `<a href="${esc(p.lenke)}">${esc(p.tekst)}</a>` : esc(p.tekst)}</li>`).join("")}</ul>\n`
    : "";
  const html = `<!doctype html>
<html lang="${maalform}"><head><meta charset="utf-8"><title>${esc(emne)}</title></head>
<body style="font-family: system-ui, sans-serif; line-height: 1.5; max-width: 36rem;">
<p>${esc(hilsen)}</p>
${avsnitt.map((a) => `<p>${esc(a)}</p>`).join("\n")}
${liste}<p><a href="${esc(d.knapp.lenke)}">${esc(knapp)}</a></p>
<p style="color: #555;">${esc(bunn)} <a href="${esc(profilLenke)}">${esc(profilLenke)}</a></p>
<p>${esc(t("epost.signatur"))}</p>
</body></html>
`;
  return { emne, tekst, html };
}

function esc(s: string) {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}
