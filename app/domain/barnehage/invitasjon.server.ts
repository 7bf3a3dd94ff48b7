import { createHash, randomInt, randomUUID } from "node:crypto";
import type { Aktor } from "#app/kontekst.ts";
import type { Nokkel } from "#app/i18n/i18n.ts";
import { ikkeFunnet, krev, type Medlemskap } from "#app/auth/tilgang.ts";
import { erRolle, type Rolle } from "#app/auth/roller.ts";
import { loggHendelse } from "#app/domain/revisjon/revisjon.server.ts";
import type { Avhengigheter } from "./barnehage.server.ts";
import { finnInvitasjon, frigiInvitasjon, hentMedlemskap, lagreInvitasjon, listInvitasjoner, merkBrukt, trekkTilbake } from "./barnehage.repo.server.ts";

/** No 0/O, 1/I/L: easy to read aloud and to type on a phone. 31 symbols, 8 long: about 40 bits. */
export const KODE_ALFABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const KODE_LENGDE = 8;
export const GYLDIG_DAGER = 7;

export function lagKode(): string {
  let kode = "";
  for (let i = 0; i < KODE_LENGDE; i++) kode += KODE_ALFABET[randomInt(KODE_ALFABET.length)];
  return kode;
}

/** Only the hash of a code is stored, so a copy of the database gives no usable codes. */
export function hashKode(kode: string): string {
  return createHash("sha256").update(`samla-invitasjon:${kode}`).digest("hex");
}

/**
 * The styrer creates an invitation for one person with the role ansatt or leder. The code is
 * returned once (it cannot be read back); the link carries the same code.
 */
export async function lagInvitasjon(aktor: Aktor | null, medlemskap: Medlemskap, rolle: Exclude<Rolle, "styrer">, { db }: Pick<Avhengigheter, "db">, naa = new Date()) {
  krev(aktor, "inviter", medlemskap);
  const kode = lagKode();
  const utloper = new Date(naa.getTime() + GYLDIG_DAGER * 24 * 60 * 60 * 1000);
  const id = randomUUID();
  await lagreInvitasjon(db, { id, barnehageId: medlemskap.barnehageId, kodeHash: hashKode(kode), rolle, opprettetAv: aktor!.id, opprettet: naa, utloper });
  await loggHendelse(db, { hendelse: "invitasjon_opprettet", aktorId: aktor!.id, organisasjonId: medlemskap.barnehageId, malId: id, detaljer: { rolle } });
  return { kode, utloper: utloper.toISOString() };
}

export type InvitasjonStatus = "aktiv" | "brukt" | "trukket" | "utlopt";

export async function invitasjoner(aktor: Aktor | null, medlemskap: Medlemskap, { db }: Pick<Avhengigheter, "db">, naa = new Date()) {
  krev(aktor, "inviter", medlemskap);
  const rader = await listInvitasjoner(db, medlemskap.barnehageId);
  return rader.flatMap((r) => (erRolle(r.rolle) ? [{ id: r.id, rolle: r.rolle, opprettet: r.opprettet, utloper: r.utloper, status: status(r, naa) }] : []));
}

export async function trekkTilbakeInvitasjon(aktor: Aktor | null, medlemskap: Medlemskap, id: string, { db }: Pick<Avhengigheter, "db">, naa = new Date()) {
  krev(aktor, "inviter", medlemskap);
  if (!(await trekkTilbake(db, medlemskap.barnehageId, id, naa))) throw ikkeFunnet();
  await loggHendelse(db, { hendelse: "invitasjon_trukket", aktorId: aktor!.id, organisasjonId: medlemskap.barnehageId, malId: id });
}

function status(r: { trukketTilbake: string | null; brukt: string | null; utloper: string }, naa: Date): InvitasjonStatus {
  if (r.brukt) return "brukt";
  if (r.trukketTilbake) return "trukket";
  if (new Date(r.utloper) <= naa) return "utlopt";
  return "aktiv";
}

const FEIL: Record<Exclude<InvitasjonStatus, "aktiv">, Nokkel> = {
  brukt: "invitasjon.feil.brukt",
  trukket: "invitasjon.feil.trukket",
  utlopt: "invitasjon.feil.utlopt",
};

export type KodeSvar = { ok: true; barnehageNavn: string; rolle: Rolle } | { ok: false; feil: Nokkel };

/** What a code leads to, for the join page; says clearly when it is unknown, used, revoked or expired. */
export async function sjekkKode(kode: string, { db }: Pick<Avhengigheter, "db">, naa = new Date()): Promise<KodeSvar> {
  const inv = await finnInvitasjon(db, hashKode(kode));
  if (!inv || !erRolle(inv.rolle)) return { ok: false, feil: "invitasjon.feil.ukjent" };
  const s = status(inv, naa);
  if (s !== "aktiv") return { ok: false, feil: FEIL[s] };
  return { ok: true, barnehageNavn: inv.barnehageNavn, rolle: inv.rolle };
}

export type BliMedSvar = { ok: true; barnehageId: string } | { ok: false; feil: Nokkel };

/**
 * A signed-in person uses a code and becomes a member with the invited role (through Better Auth's
 * addMember). Someone who is already a member just goes to the barnehage; the code stays unused.
 */
export async function brukInvitasjon(aktor: Aktor | null, kode: string, { db, auth }: Avhengigheter, naa = new Date()): Promise<BliMedSvar> {
  krev(aktor, "se:min-side");
  const inv = await finnInvitasjon(db, hashKode(kode));
  if (!inv || !erRolle(inv.rolle)) return { ok: false, feil: "invitasjon.feil.ukjent" };
  if (await hentMedlemskap(db, inv.barnehageId, aktor!.id)) return { ok: true, barnehageId: inv.barnehageId };
  const s = status(inv, naa);
  if (s !== "aktiv") return { ok: false, feil: FEIL[s] };
  if (!(await merkBrukt(db, inv.id, aktor!.id, naa))) return { ok: false, feil: "invitasjon.feil.brukt" };
  try {
    await auth.api.addMember({ body: { userId: aktor!.id, role: inv.rolle, organizationId: inv.barnehageId } });
  } catch (e) {
    await frigiInvitasjon(db, inv.id);
    throw e;
  }
  await loggHendelse(db, { hendelse: "medlem_lagt_til", aktorId: aktor!.id, organisasjonId: inv.barnehageId, malId: aktor!.id, detaljer: { rolle: inv.rolle, invitasjon: inv.id } });
  return { ok: true, barnehageId: inv.barnehageId };
}
