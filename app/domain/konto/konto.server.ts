import type { z } from "zod";
import { EPOST_BEKREFTET_STI, type Auth } from "#app/auth/auth.server.ts";
import type { Nokkel } from "#app/i18n/i18n.ts";
import type { loggInnSkjema, registrerSkjema } from "./konto.schema.ts";
import { logg } from "#app/logg.server.ts";

/**
 * Account use cases on top of Better Auth. They return the Set-Cookie headers to pass on, or an
 * i18n key for a message the person can act on. Nothing personal is logged.
 */
export type KontoSvar = { ok: true; hoder: Headers } | { ok: false; feil: Nokkel };

export async function registrer(auth: Auth, data: z.infer<typeof registrerSkjema>, headers: Headers): Promise<KontoSvar> {
  const svar = await auth.api.signUpEmail({
    body: { name: data.navn, email: data.epost, password: data.passord, callbackURL: EPOST_BEKREFTET_STI },
    headers,
    asResponse: true,
  });
  if (svar.ok) {
    logg.info("konto_opprettet");
    return { ok: true, hoder: svar.headers };
  }
  const kode = await feilkode(svar);
  logg.info("konto_opprettelse_avvist", { kode });
  if (kode.startsWith("USER_ALREADY_EXISTS")) return { ok: false, feil: "konto.feil.finnes" };
  if (kode === "INVALID_EMAIL") return { ok: false, feil: "konto.feil.epost" };
  if (kode === "PASSWORD_TOO_SHORT") return { ok: false, feil: "konto.feil.passordKort" };
  return { ok: false, feil: "konto.feil.ukjent" };
}

export async function loggInn(auth: Auth, data: z.infer<typeof loggInnSkjema>, headers: Headers): Promise<KontoSvar> {
  const svar = await auth.api.signInEmail({
    body: { email: data.epost, password: data.passord },
    headers,
    asResponse: true,
  });
  if (svar.ok) {
    logg.info("innlogging_ok");
    return { ok: true, hoder: svar.headers };
  }
  const kode = await feilkode(svar);
  logg.info("innlogging_avvist", { kode, status: svar.status });
  return { ok: false, feil: svar.status === 429 ? "konto.feil.ukjent" : "konto.feil.feilInnlogging" };
}

export async function loggUt(auth: Auth, headers: Headers): Promise<Headers> {
  const svar = await auth.api.signOut({ headers, asResponse: true });
  logg.info("utlogging");
  return svar.headers;
}

async function feilkode(svar: Response): Promise<string> {
  const kropp = (await svar.json().catch(() => ({}))) as { code?: unknown };
  return typeof kropp.code === "string" ? kropp.code : `HTTP_${svar.status}`;
}
