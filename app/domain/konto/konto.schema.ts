import { z } from "zod";

/** Form schemas for accounts. Messages are i18n keys (see app/i18n/nb.ts). */
/** The longest name and e-mail address any path may store (Better Auth's hooks check the same). */
export const MAKS_NAVN = 100;
export const MAKS_EPOST = 254;
const epost = z.string().trim().toLowerCase().max(MAKS_EPOST, "konto.feil.epost").pipe(z.email("konto.feil.epost"));
const passord = z.string().min(10, "konto.feil.passordKort").max(128, "konto.feil.passordLangt");

/** A person's name: the same limits at sign-up and on /profil. */
export const navnFelt = z.string().trim().min(1, "konto.feil.navn").max(MAKS_NAVN, "konto.feil.navn");

export const registrerSkjema = z.object({
  navn: navnFelt,
  epost,
  passord,
  til: z.string().optional(),
});

export const loggInnSkjema = z.object({
  epost,
  passord: z.string().min(1, "konto.feil.feilInnlogging").max(128, "konto.feil.feilInnlogging"),
  til: z.string().optional(),
});

export const glemtPassordSkjema = z.object({ epost });

const nyttOgGjentatt = {
  passord,
  gjentaPassord: z.string().max(128, "konto.feil.passordLangt"),
};
const likePassord = (d: { passord: string; gjentaPassord: string }) => d.passord === d.gjentaPassord;
const ulikePassord = { message: "konto.feil.passordUlike", path: ["gjentaPassord"] };

export const nyttPassordSkjema = z
  .object({ token: z.string().min(1, "konto.nytt.ugyldig").max(200, "konto.nytt.ugyldig"), ...nyttOgGjentatt })
  .refine(likePassord, ulikePassord);

/** The forms on /profil, one per intent. */
export const profilSkjema = z.discriminatedUnion("intent", [
  z
    .object({
      intent: z.literal("bytt-passord"),
      naavaerendePassord: z.string().min(1, "konto.feil.feilPassord").max(128, "konto.feil.feilPassord"),
      ...nyttOgGjentatt,
    })
    .refine(likePassord, ulikePassord),
  z.object({ intent: z.literal("endre-navn"), navn: navnFelt }),
  z.object({ intent: z.literal("logg-ut-overalt") }),
  z.object({ intent: z.literal("send-bekreftelse") }),
]);
