import { data, redirect } from "react-router";
import type { Aktor } from "#app/kontekst.ts";
import type { SkjemaFeil } from "#app/components/skjema.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { erSperre, medKodegrense } from "#app/domain/konto/grense.server.ts";
import { grenseVerdier } from "#app/domain/konto/grense.ts";
import { SAMLINGSKODE, samlingForKoden } from "#app/domain/samling/rom.server.ts";
import { KLIENT_IP_HODE } from "../../../server/klient-ip.ts";

/**
 * A join code from the big screen (ADR 0026), typed on /s or scanned as /s/:kode: a member who
 * may see the samling goes straight to its page; an unknown code, a held samling and a samling
 * the person may not see get the same answer (404, the form again). Wrong codes are counted per
 * IP, code and account (ADR 0022); a used-up limit is 429.
 */
export async function brukSamlingskode(request: Request, aktor: Aktor | null, kode: string) {
  const t = tjenester();
  const telles = { ip: request.headers.get(KLIENT_IP_HODE), kode, konto: aktor?.id };
  const svar = await medKodegrense(t.db, t.auth.options.secret, SAMLINGSKODE, telles, aktor?.id ?? null, () => samlingForKoden(aktor, kode, t));
  if (svar.ok) return redirect(`/barnehage/${svar.barnehageId}/samling/${svar.samlingId}`);
  const sperre = erSperre(svar);
  const feil: SkjemaFeil = sperre ? { _skjema: svar.feil } : { kode: "rom.feil.kode" };
  return data({ feil, verdier: { kode: kode.slice(0, 20) }, grense: grenseVerdier(svar) }, { status: sperre ? 429 : 404 });
}
