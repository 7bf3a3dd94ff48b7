import { z } from "zod";

/**
 * Norwegian organisation numbers (Enhetsregisteret): nine digits, the last a modulus 11 check
 * digit over the first eight with the weights 3 2 7 6 5 4 3 2. A remainder that would give the
 * check digit 10 is never issued. Pure rules, shared by barnehager and owners.
 */
const VEKTER = [3, 2, 7, 6, 5, 4, 3, 2];

export function erGyldigOrgnummer(orgnummer: string): boolean {
  if (!/^\d{9}$/.test(orgnummer)) return false;
  const sum = VEKTER.reduce((s, vekt, i) => s + vekt * Number(orgnummer[i]), 0);
  const rest = sum % 11;
  const kontroll = rest === 0 ? 0 : 11 - rest;
  return kontroll !== 10 && kontroll === Number(orgnummer[8]);
}

/**
 * The optional org number field of a form: spaces are forgiven («974 760 673»), empty means none.
 * Wrong length and a wrong check digit get different messages, so people know what to look for.
 */
export const orgnummerFelt = z
  .string()
  .transform((v) => v.replace(/\s/g, ""))
  .pipe(
    z.union([
      z.literal(""),
      z.string().superRefine((v, ctx) => {
        // One message per field: the length first, the check digit only for nine digits.
        if (!/^\d{9}$/.test(v)) ctx.addIssue({ code: "custom", message: "barnehage.feil.orgnummer" });
        else if (!erGyldigOrgnummer(v)) ctx.addIssue({ code: "custom", message: "innstillinger.feil.orgnummerKontroll" });
      }),
    ]),
  )
  .transform((v) => v || undefined)
  .optional();
