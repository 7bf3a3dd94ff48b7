import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import type { Auth } from "#app/auth/auth.server.ts";
import type { Aktor } from "#app/kontekst.ts";
import type { Nokkel } from "#app/i18n/i18n.ts";
import { krev } from "#app/auth/tilgang.ts";
import { logg } from "#app/logg.server.ts";
import { slettKonto, slettingsplan, type EierHinder, type Hinder } from "./mine-data.server.ts";
import { erSlettOrd } from "./personvern.schema.ts";
import { passordsjekk, type Sperre } from "#app/domain/konto/grense.server.ts";

export type SlettingSvar =
  | { ok: true; hoder: Headers }
  | { ok: false; felt: "passord" | "bekreft"; feil: Nokkel }
  | (Sperre & { felt: "_skjema" })
  | { ok: false; felt: "_skjema"; feil: "personvern.slett.feil.enesteStyrer" | "personvern.slett.feil.enesteEier"; hindre: Hinder; eierHindre: EierHinder };

/**
 * «Slett kontoen min»: checks the confirmation (the password, or SLETT for an SSO-only account),
 * refuses while the person is the only styrer of a barnehage with other members (or the only person
 * of an owner with barnehager), ends the
 * session (so the answer clears the cookies), and deletes everything (slettKonto).
 */
export async function slettKontoMedBekreftelse(
  aktor: Aktor | null,
  bekreftelse: { passord?: string | undefined; bekreft?: string | undefined },
  headers: Headers,
  { db, auth }: { db: Kysely<Database>; auth: Auth },
): Promise<SlettingSvar> {
  krev(aktor, "slett:egen-konto");
  const plan = await slettingsplan(aktor, { db });
  if (plan.hindre.length || plan.eierHindre.length) {
    const feil = plan.hindre.length ? "personvern.slett.feil.enesteStyrer" : "personvern.slett.feil.enesteEier";
    return { ok: false, felt: "_skjema", feil, hindre: plan.hindre, eierHindre: plan.eierHindre };
  }
  if (plan.harPassord) {
    if (!bekreftelse.passord) return { ok: false, felt: "passord", feil: "personvern.slett.feil.passord" };
    // The password is guessable with a stolen session: counted per account (ADR 0022).
    const grense = passordsjekk(db, auth.options.secret, aktor!.id);
    const sperret = await grense.foer();
    if (sperret) return { ...sperret, felt: "_skjema" };
    const svar = await auth.api.verifyPassword({ body: { password: bekreftelse.passord }, headers, asResponse: true });
    if (!svar.ok) {
      logg.info("sletting_avvist", { status: svar.status });
      await grense.feil("sletting");
      return { ok: false, felt: "passord", feil: "personvern.slett.feil.feilPassord" };
    }
  } else if (!erSlettOrd(bekreftelse.bekreft)) {
    return { ok: false, felt: "bekreft", feil: "personvern.slett.feil.ord" };
  }
  // Sign out first: Better Auth needs the session to answer with the cookies that clear it.
  const ut = await auth.api.signOut({ headers, asResponse: true });
  const svar = await slettKonto(aktor, { db });
  if (!svar.ok) {
    const feil = svar.grunn === "eneste-styrer" ? "personvern.slett.feil.enesteStyrer" : "personvern.slett.feil.enesteEier";
    return { ok: false, felt: "_skjema", feil, hindre: svar.hindre, eierHindre: svar.eierHindre };
  }
  return { ok: true, hoder: ut.headers };
}
