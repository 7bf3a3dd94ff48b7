import { z } from "zod";

/** Form schemas for two-factor sign-in (ADR 0013). Messages are i18n keys (see app/i18n/nb.ts). */

/** Spaces and dashes are allowed in what the person types; the app shows codes as «123 456». */
const utenMellomrom = (s: string) => s.replace(/[\s\u00a0]+/g, "");

/** The 6 digits from the authenticator app. */
export const appKode = z
  .string()
  .max(20, "tofaktor.feil.kodeFormat")
  .transform(utenMellomrom)
  .pipe(z.string().min(1, "tofaktor.feil.kodeMangler").regex(/^\d{6}$/, "tofaktor.feil.appKodeFormat"));

/**
 * At sign-in: 6 digits from the app, or one recovery code (10 letters and digits, shown as
 * «abcde-12345»; the dash may be left out). Recovery codes are case-sensitive.
 */
export const innloggingsKode = z
  .string()
  .max(40, "tofaktor.feil.kodeFormat")
  .transform(utenMellomrom)
  .pipe(
    z
      .string()
      .min(1, "tofaktor.feil.kodeMangler")
      .regex(/^(\d{6}|[A-Za-z0-9]{5}-?[A-Za-z0-9]{5})$/, "tofaktor.feil.kodeFormat")
      .transform((k) => (k.length === 10 ? `${k.slice(0, 5)}-${k.slice(5)}` : k)),
  );

const passord = z.string().max(128, "tofaktor.feil.feilPassord").optional();
const til = z.string().max(2000).optional();

/** The forms on /profil/tofaktor, one per intent. */
export const tofaktorSkjema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("start"), passord, til }),
  z.object({ intent: z.literal("bekreft"), kode: appKode, til }),
  z.object({ intent: z.literal("slaa-av"), passord }),
  // Its own field name: two password fields on one page need two ids.
  z.object({ intent: z.literal("nye-koder"), passordKoder: passord }),
]);

/** The second step of sign-in (/logg-inn/kode). */
export const loggInnKodeSkjema = z.object({ kode: innloggingsKode, til });

/** True when the code is a recovery code rather than 6 digits from the app. */
export function erGjenopprettingskode(kode: string): boolean {
  return !/^\d{6}$/.test(kode);
}
