import { z } from "zod";

/** Form schemas for teams. Messages are i18n keys, shown in the reader's målform. */
const navn = z.string().trim().min(1, "team.feil.navn").max(60, "team.feil.navnLangt");
const brukerId = z.string().min(1, "team.feil.velgPerson").max(100, "team.feil.velgPerson");

export const teamListeSkjema = z.discriminatedUnion("intent", [z.object({ intent: z.literal("opprett"), navn })], "konto.feil.ukjent");

export const teamSkjema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("gi-nytt-navn"), navn }),
    z.object({ intent: z.literal("slett") }),
    z.object({ intent: z.literal("legg-til"), brukerId }),
    z.object({ intent: z.literal("fjern"), brukerId }),
  ],
  "konto.feil.ukjent",
);
