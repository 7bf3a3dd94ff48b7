import { z } from "zod";
import { orgnummerFelt } from "./orgnummer.ts";
import { kode } from "./barnehage.schema.ts";

/** The barnehage's settings page: one form per intent. Messages are i18n keys. */
export const innstillingerSkjema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("lagre"),
      navn: z.string().trim().min(1, "barnehage.feil.navn").max(100, "barnehage.feil.navn"),
      orgnummer: orgnummerFelt,
    }),
    z.object({ intent: z.literal("knytt"), kode }),
    z.object({ intent: z.literal("koble-fra"), eierId: z.string().min(1, "konto.feil.ukjent").max(100, "konto.feil.ukjent") }),
  ],
  "konto.feil.ukjent",
);
