import { z } from "zod";
import { ROLLER, TILDELBARE_ROLLER } from "#app/auth/roller.ts";
import { registrerSkjema } from "#app/domain/konto/konto.schema.ts";
import { orgnummerFelt } from "./orgnummer.ts";
import { heltall } from "#app/domain/heltall.schema.ts";

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

export const MAKS_ADRESSER = 50;
/** A staff invitation (ADR 0029): 7 days and 30 places unless the styrer chooses otherwise. */
export const PERSONAL_STANDARD_DAGER = 7;
export const PERSONAL_MAKS_DAGER = 30;
export const PERSONAL_STANDARD_PLASSER = 30;
export const PERSONAL_MAKS_PLASSER = 200;

/**
 * Pasted e-mail addresses: separated by commas, semicolons, spaces or new lines, lower-cased,
 * without duplicates; at most 50. From «Navn <adresse>» (an e-mail program's list) only the
 * addresses in brackets are taken. Which ones are not addresses is checked by `ugyldigeAdresser`,
 * so the page can name them.
 */
export const epostliste = z
  .string()
  .max(20_000, "invitasjon.feil.forMangeAdresser")
  .transform((v) => {
    const iKlammer = [...v.matchAll(/<([^<>]*@[^<>]*)>/g)].map((m) => m[1]!);
    const biter = iKlammer.length > 0 ? iKlammer : v.split(/[\s,;]+/);
    return [...new Set(biter.map((a) => a.trim().toLowerCase()).filter(Boolean))];
  })
  .pipe(z.array(z.string()).min(1, "invitasjon.feil.ingenAdresser").max(MAKS_ADRESSER, "invitasjon.feil.forMangeAdresser"));

/** The pasted entries that are not e-mail addresses. */
export function ugyldigeAdresser(liste: string[]): string[] {
  return liste.filter((a) => a.length > 254 || !z.email().safeParse(a).success);
}

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
    // A staff invitation (ADR 0029): one code for the staff meeting, several places.
    z.object({
      intent: z.literal("opprett-personal"),
      rolle: tildelbarRolle,
      dager: heltall(1, "invitasjon.feil.dager", PERSONAL_MAKS_DAGER),
      maksBruk: heltall(1, "invitasjon.feil.plasser", PERSONAL_MAKS_PLASSER),
    }),
    // Many single-use invitations at once, one per pasted address; the addresses are never stored.
    z.object({ intent: z.literal("send-mange"), rolle: tildelbarRolle, adresser: epostliste }),
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
