import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { Auth } from "#app/auth/auth.server.ts";
import type { Database } from "#app/db/skjema.ts";
import type { Aktor } from "#app/kontekst.ts";
import type { Nokkel } from "#app/i18n/i18n.ts";
import { krev, ikkeFunnet, type Medlemskap } from "#app/auth/tilgang.ts";
import type { Rolle } from "#app/auth/roller.ts";
import { renTekst } from "#app/db/dialekt.ts";
import { loggHendelse } from "#app/domain/revisjon/revisjon.server.ts";
import type { opprettBarnehageSkjema } from "./barnehage.schema.ts";
import { gaaNedSomStyrer, hentMedlemskap, listMedlemmer, merkFjernetFraInvitasjoner, settRolle, slettMedlem } from "./barnehage.repo.server.ts";

export type Avhengigheter = { db: Kysely<Database>; auth: Auth };

/**
 * A signed-in person creates a barnehage and becomes its styrer (Better Auth's creator role).
 * The slug is random: barnehager are found by id through membership, never by a guessable name.
 */
export async function opprettBarnehage(aktor: Aktor | null, data: z.infer<typeof opprettBarnehageSkjema>, { auth, db }: Avhengigheter): Promise<string> {
  krev(aktor, "opprett:barnehage");
  const org = await auth.api.createOrganization({
    body: {
      name: renTekst(data.navn),
      slug: `bh-${randomBytes(8).toString("hex")}`,
      userId: aktor!.id,
      keepCurrentActiveOrganization: true,
      ...(data.orgnummer ? { orgnummer: data.orgnummer } : {}),
    },
  });
  if (!org) throw new Error("Barnehagen ble ikke opprettet");
  await loggHendelse(db, { hendelse: "medlem_lagt_til", aktorId: aktor!.id, organisasjonId: org.id, malId: aktor!.id, detaljer: { rolle: "styrer" } });
  return org.id;
}

/**
 * The actor's membership in a barnehage, read from the database on every request; a barnehage the
 * actor is not a member of is "not found", so its existence is never revealed.
 */
export async function krevMedlemskap(aktor: Aktor | null, barnehageId: string, { db }: Pick<Avhengigheter, "db">): Promise<Medlemskap> {
  const medlemskap = aktor ? await hentMedlemskap(db, barnehageId, aktor.id) : null;
  krev(aktor, "se:barnehage", medlemskap);
  return medlemskap!;
}

export async function medlemsliste(aktor: Aktor | null, medlemskap: Medlemskap, { db }: Pick<Avhengigheter, "db">) {
  krev(aktor, "se:barnehage", medlemskap);
  return listMedlemmer(db, medlemskap.barnehageId);
}

export type EndringSvar = { ok: true } | { ok: false; feil: Nokkel };

/**
 * The styrer gives a member the role ansatt, leder or styrer (a second styrer has full access and
 * must use two-factor sign-in from their next page). Another styrer is never changed here, and
 * neither is the actor: a styrer steps down with `gaaNed`, so a barnehage always keeps a styrer.
 */
export async function endreRolle(aktor: Aktor | null, medlemskap: Medlemskap, brukerId: string, rolle: Rolle, { db }: Pick<Avhengigheter, "db">): Promise<EndringSvar> {
  krev(aktor, "endre:medlemmer", medlemskap);
  const maal = await hentMedlemskap(db, medlemskap.barnehageId, brukerId);
  if (!maal) throw ikkeFunnet();
  if (brukerId === aktor!.id || maal.rolle === "styrer") return { ok: false, feil: "barnehage.feil.styrer" };
  await settRolle(db, medlemskap.barnehageId, brukerId, rolle);
  await loggHendelse(db, { hendelse: "rolle_endret", aktorId: aktor!.id, organisasjonId: medlemskap.barnehageId, malId: brukerId, detaljer: { fra: maal.rolle, til: rolle } });
  return { ok: true };
}

/** A styrer hands over: becomes leder, if at least one other styrer remains. */
export async function gaaNed(aktor: Aktor | null, medlemskap: Medlemskap, { db }: Pick<Avhengigheter, "db">): Promise<EndringSvar> {
  krev(aktor, "endre:medlemmer", medlemskap);
  if (!(await gaaNedSomStyrer(db, medlemskap.barnehageId, aktor!.id))) return { ok: false, feil: "barnehage.feil.enesteStyrer" };
  await loggHendelse(db, { hendelse: "rolle_endret", aktorId: aktor!.id, organisasjonId: medlemskap.barnehageId, malId: aktor!.id, detaljer: { fra: "styrer", til: "leder" } });
  return { ok: true };
}

/**
 * The styrer removes a member; it counts from that person's next request. A staff invitation they
 * joined through will not let them back in (ADR 0029).
 */
export async function fjernMedlem(aktor: Aktor | null, medlemskap: Medlemskap, brukerId: string, { db }: Pick<Avhengigheter, "db">, naa = new Date()): Promise<EndringSvar> {
  krev(aktor, "endre:medlemmer", medlemskap);
  const maal = await hentMedlemskap(db, medlemskap.barnehageId, brukerId);
  if (!maal) throw ikkeFunnet();
  if (brukerId === aktor!.id || maal.rolle === "styrer") return { ok: false, feil: "barnehage.feil.styrer" };
  await slettMedlem(db, medlemskap.barnehageId, brukerId);
  await merkFjernetFraInvitasjoner(db, medlemskap.barnehageId, brukerId, naa);
  await loggHendelse(db, { hendelse: "medlem_fjernet", aktorId: aktor!.id, organisasjonId: medlemskap.barnehageId, malId: brukerId, detaljer: { rolle: maal.rolle } });
  return { ok: true };
}
