import { z } from "zod";
import { orgnummerFelt } from "#app/domain/barnehage/orgnummer.ts";
import { kode } from "#app/domain/barnehage/barnehage.schema.ts";

/** Form schemas for owners (eiere). Messages are i18n keys, shown in the reader's målform. */
export const opprettEierSkjema = z.object({
  navn: z.string().trim().min(1, "eier.feil.navn").max(100, "eier.feil.navnLangt"),
  orgnummer: orgnummerFelt,
});

/** The owner's page: make a code to link a barnehage, or to invite another person of the owner. */
export const eierSideSkjema = z.discriminatedUnion(
  "intent",
  [z.object({ intent: z.literal("lag-kode"), formaal: z.enum(["barnehage", "eier"], "konto.feil.ukjent") })],
  "konto.feil.ukjent",
);

/** Joining an owner with a code (same code format as barnehage invitations). */
export const bliEierSkjema = z.object({ kode });
