import type { Spraak } from "#app/domain/innhold/innhold.schema.ts";
import { oversetter, type Nokkel } from "#app/i18n/i18n.ts";

/** Mail texts, built from the i18n messages in the recipient's målform. Pure: no I/O. */
export type EpostInnhold = { emne: string; tekst: string; html: string };

type Mal = { emne: Nokkel; tekst: Nokkel; knapp: Nokkel; ignorer: Nokkel };

const MALER = {
  verifiser: {
    emne: "epost.verifiser.emne",
    tekst: "epost.verifiser.tekst",
    knapp: "epost.verifiser.knapp",
    ignorer: "epost.verifiser.ignorer",
  },
  nyttPassord: {
    emne: "epost.nyttPassord.emne",
    tekst: "epost.nyttPassord.tekst",
    knapp: "epost.nyttPassord.knapp",
    ignorer: "epost.nyttPassord.ignorer",
  },
  invitasjon: {
    emne: "epost.invitasjon.emne",
    tekst: "epost.invitasjon.tekst",
    knapp: "epost.invitasjon.knapp",
    ignorer: "epost.invitasjon.ignorer",
  },
} as const satisfies Record<string, Mal>;

export type EpostType = keyof typeof MALER;

/**
 * `navn` may be empty (an invitation goes to someone we do not know yet); `verdier` fills the
 * placeholders of the subject, text and button (for an invitation: barnehage and kode).
 */
export function lagEpostInnhold(type: EpostType, maalform: Spraak, v: { navn: string; lenke: string; verdier?: Record<string, string> }): EpostInnhold {
  const t = oversetter(maalform);
  const m = MALER[type];
  const hilsen = v.navn ? t("epost.hilsen", { navn: v.navn }) : t("epost.hilsenUtenNavn");
  const tekst = [hilsen, "", t(m.tekst, v.verdier), "", v.lenke, "", t(m.ignorer), "", t("epost.signatur"), ""].join("\n");
  const html = `<!doctype html>
<html lang="${maalform}"><head><meta charset="utf-8"><title>${esc(t(m.emne, v.verdier))}</title></head>
<body style="font-family: system-ui, sans-serif; line-height: 1.5; max-width: 36rem;">
<p>${esc(hilsen)}</p>
<p>${esc(t(m.tekst, v.verdier))}</p>
<p><a href="${esc(v.lenke)}">${esc(t(m.knapp, v.verdier))}</a></p>
<p>${esc(t(m.ignorer))}</p>
<p>${esc(t("epost.signatur"))}</p>
</body></html>
`;
  return { emne: t(m.emne, v.verdier), tekst, html };
}

function esc(s: string) {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}
