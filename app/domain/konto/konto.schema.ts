import { z } from "zod";

/** Form schemas for accounts. Messages are i18n keys (see app/i18n/nb.ts). */
const epost = z.string().trim().toLowerCase().max(254, "konto.feil.epost").pipe(z.email("konto.feil.epost"));
const passord = z.string().min(10, "konto.feil.passordKort").max(128, "konto.feil.passordLangt");

export const registrerSkjema = z.object({
  navn: z.string().trim().min(1, "konto.feil.navn").max(100, "konto.feil.navn"),
  epost,
  passord,
  til: z.string().optional(),
});

export const loggInnSkjema = z.object({
  epost,
  passord: z.string().min(1, "konto.feil.feilInnlogging").max(128, "konto.feil.feilInnlogging"),
  til: z.string().optional(),
});
