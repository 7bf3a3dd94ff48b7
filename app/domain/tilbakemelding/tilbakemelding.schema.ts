import { z } from "zod";
import { MAKS_FRITEKST } from "./tilbakemelding.ts";

/** The value of a radio button: a scale value, or «Vet ikke / vil ikke svare». */
export const VET_IKKE = "vet-ikke";
const valg = z.enum(["1", "2", "3", "4", "5", VET_IKKE], "tilbakemelding.feil.velg");

/**
 * The feedback form for the statements the instrument names (t1, t2, t3), plus the optional free
 * text. Messages are i18n keys. The values come back as 1–5 or null («vet ikke»).
 */
export function tilbakemeldingSkjema(utsagnIder: readonly string[]) {
  return z
    .object({
      ...Object.fromEntries(utsagnIder.map((id) => [id, valg])),
      fritekst: z.string().trim().max(MAKS_FRITEKST, "tilbakemelding.feil.fritekstLang").optional().default(""),
    })
    .transform((d) => {
      const rad = d as Record<string, string>;
      return {
        svar: utsagnIder.map((utsagnId) => ({ utsagnId, verdi: rad[utsagnId] === VET_IKKE ? null : Number(rad[utsagnId]) })),
        fritekst: rad.fritekst ? rad.fritekst : null,
      };
    });
}
export type TilbakemeldingSvar = z.infer<ReturnType<typeof tilbakemeldingSkjema>>;
