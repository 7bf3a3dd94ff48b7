import { z } from "zod";
import { ROLLER, TILDELBARE_ROLLER } from "#app/auth/roller.ts";
import { registrerSkjema } from "#app/domain/konto/konto.schema.ts";
import { orgnummerFelt } from "./orgnummer.ts";

/** Form schemas for barnehager, members and invitations. Messages are i18n keys. */
export const opprettBarnehageSkjema = z.object({
  navn: z.string().trim().min(1, "barnehage.feil.navn").max(100, "barnehage.feil.navn"),
  orgnummer: orgnummerFelt,
});

const brukerId = z.string().min(1, "konto.feil.ukjent").max(100, "konto.feil.ukjent");
const tildelbarRolle = z.enum(TILDELBARE_ROLLER, "barnehage.feil.rolle");

export const medlemSkjema = z.discriminatedUnion(
  "intent",
  [
    // Any role, styrer included (a second styrer); invitations give only ansatt or leder.
    z.object({ intent: z.literal("endre-rolle"), brukerId, rolle: z.enum(ROLLER, "barnehage.feil.rolleEndring") }),
    z.object({ intent: z.literal("fjern"), brukerId }),
    // The styrer steps down to leder (another styrer must remain).
    z.object({ intent: z.literal("gaa-ned") }),
  ],
  "konto.feil.ukjent",
);

export const invitasjonSkjema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("opprett"),
      rolle: tildelbarRolle,
      // Optional: where Samla mails the invitation. Used for that one mail, never stored.
      epost: z
        .string()
        .trim()
        .toLowerCase()
        .max(254, "konto.feil.epost")
        .optional()
        .transform((v) => v || undefined)
        .pipe(z.email("konto.feil.epost").optional()),
    }),
    z.object({ intent: z.literal("trekk-tilbake"), id: z.string().min(1).max(100) }),
  ],
  "konto.feil.ukjent",
);

/** Codes are typed by people: spaces, dashes and lower case are forgiven. */
export const kode = z
  .string()
  .transform((v) => v.toUpperCase().replace(/[\s-]/g, ""))
  .pipe(z.string().regex(/^[A-Z0-9]{8}$/, "invitasjon.feil.format"));

export const bliMedSkjema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("bli-med"), kode }),
    registrerSkjema.omit({ til: true }).extend({ intent: z.literal("registrer"), kode }),
  ],
  "konto.feil.ukjent",
);
