import { z } from "zod";

/** Form schemas for two-factor sign-in (ADR 0013). Messages are i18n keys (see app/i18n/nb.ts). */

/** Spaces and dashes are allowed in what the person types; the app shows codes as «123 456». */
const utenMellomrom = (s: string) => s.replace(/[\s\u00a0]+/g, "");

/**
 * Recovery codes (issue 15, point 7): small letters and digits without look-alikes (no 0/o, no
 * 1/l/i), 31 symbols, 10 long (about 49 bits), shown as «abcde-fghjk». Codes made before this
 * change may still hold other letters; they keep working (codes are compared as typed).
 */
export const GJENOPPRETTING_ALFABET = "abcdefghjkmnpqrstuvwxyz23456789";

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

/** A recovery code on its own (the second form of /logg-inn/kode, for people without their phone). */
export const gjenopprettingsKode = z
  .string()
  .max(40, "tofaktor.feil.gjenopprettingFormat")
  .transform(utenMellomrom)
  .pipe(
    z
      .string()
      .min(1, "tofaktor.feil.kodeMangler")
      .regex(/^[A-Za-z0-9]{5}-?[A-Za-z0-9]{5}$/, "tofaktor.feil.gjenopprettingFormat")
      .transform((k) => (k.length === 10 ? `${k.slice(0, 5)}-${k.slice(5)}` : k)),
  );

/**
 * The second step of sign-in (/logg-inn/kode): the app's code in a numeric field, or a recovery
 * code in its own field (letters need the full keyboard on a phone). A post without `metode` is
 * the app's field, which still takes either kind of code.
 */
export const loggInnKodeSkjema = z.preprocess(
  (v) => (v && typeof v === "object" && !("metode" in v) ? { ...v, metode: "app" } : v),
  z.discriminatedUnion(
    "metode",
    [
      z.object({ metode: z.literal("app"), kode: innloggingsKode, til }),
      z.object({ metode: z.literal("gjenoppretting"), gjenopprettingskode: gjenopprettingsKode, til }),
    ],
    "konto.feil.ukjent",
  ),
);

/** The code from whichever of the two sign-in forms was posted. */
export function valgtKode(d: z.infer<typeof loggInnKodeSkjema>): string {
  return d.metode === "app" ? d.kode : d.gjenopprettingskode;
}

/** True when the code is a recovery code rather than 6 digits from the app. */
export function erGjenopprettingskode(kode: string): boolean {
  return !/^\d{6}$/.test(kode);
}
