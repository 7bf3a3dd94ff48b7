import { createHash, createHmac, randomInt, randomUUID } from "node:crypto";
import type { Aktor } from "#app/kontekst.ts";
import type { Nokkel } from "#app/i18n/i18n.ts";
import { ikkeFunnet, krev, type Medlemskap } from "#app/auth/tilgang.ts";
import { erRolle, type Rolle } from "#app/auth/roller.ts";
import { loggHendelse } from "#app/domain/revisjon/revisjon.server.ts";
import type { Avhengigheter } from "./barnehage.server.ts";
import {
  finnInvitasjon,
  frigiInvitasjon,
  frigiPlass,
  hentInvitasjon,
  hentMedlemskap,
  lagreInvitasjon,
  listInvitasjoner,
  listInvitasjonsbruk,
  merkBrukt,
  taPlass,
  trekkTilbake,
} from "./barnehage.repo.server.ts";

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

/** The single-use invitations (staff invitations are listed by `personalinvitasjoner`). */
export async function invitasjoner(aktor: Aktor | null, medlemskap: Medlemskap, { db }: Pick<Avhengigheter, "db">, naa = new Date()) {
  krev(aktor, "inviter", medlemskap);
  const rader = await listInvitasjoner(db, medlemskap.barnehageId);
  return rader.flatMap((r) =>
    erRolle(r.rolle) && r.maksBruk === null ? [{ id: r.id, rolle: r.rolle, opprettet: r.opprettet, utloper: r.utloper, status: status(r, naa) }] : [],
  );
}

export async function trekkTilbakeInvitasjon(aktor: Aktor | null, medlemskap: Medlemskap, id: string, { db }: Pick<Avhengigheter, "db">, naa = new Date()) {
  krev(aktor, "inviter", medlemskap);
  if (!(await trekkTilbake(db, medlemskap.barnehageId, id, naa))) throw ikkeFunnet();
  await loggHendelse(db, { hendelse: "invitasjon_trukket", aktorId: aktor!.id, organisasjonId: medlemskap.barnehageId, malId: id });
}

function status(r: { trukketTilbake: string | null; brukt: string | null; utloper: string; maksBruk: number | null; antallBrukt: number }, naa: Date): InvitasjonStatus {
  if (r.brukt || (r.maksBruk !== null && r.antallBrukt >= r.maksBruk)) return "brukt";
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
  const personal = inv.maksBruk !== null;
  // A staff invitation takes one of its places (and refuses someone the styrer removed); a
  // single-use invitation is taken whole. Both are one compare-and-set, so a race has one winner.
  const fikk = personal ? await taPlass(db, { id: inv.id, barnehageId: inv.barnehageId, brukerId: aktor!.id }, naa) : await merkBrukt(db, inv.id, aktor!.id, naa);
  if (!fikk) return { ok: false, feil: "invitasjon.feil.brukt" };
  try {
    await auth.api.addMember({ body: { userId: aktor!.id, role: inv.rolle, organizationId: inv.barnehageId } });
  } catch (e) {
    if (personal) await frigiPlass(db, inv.id, aktor!.id);
    else await frigiInvitasjon(db, inv.id);
    throw e;
  }
  await loggHendelse(db, { hendelse: "medlem_lagt_til", aktorId: aktor!.id, organisasjonId: inv.barnehageId, malId: aktor!.id, detaljer: { rolle: inv.rolle, invitasjon: inv.id } });
  return { ok: true, barnehageId: inv.barnehageId };
}

// Staff invitations (issue 15, point 1; ADR 0029) ---------------------------------------------

/**
 * The code of a staff invitation is derived from the server secret and the invitation's random
 * id, so the styrer can show it again on the projector while only its hash is stored (a copy of
 * the database alone gives no usable code). Rejection sampling keeps every symbol equally likely.
 */
export function personalKode(hemmelighet: string, id: string): string {
  let kode = "";
  for (let runde = 0; kode.length < KODE_LENGDE; runde++) {
    const bytes = createHmac("sha256", hemmelighet).update(`samla-personalinvitasjon:${id}:${runde}`).digest();
    for (const b of bytes) {
      if (b >= KODE_ALFABET.length * 8) continue;
      kode += KODE_ALFABET[b % KODE_ALFABET.length];
      if (kode.length === KODE_LENGDE) break;
    }
  }
  return kode;
}

export type PersonalinvitasjonValg = { rolle: Exclude<Rolle, "styrer">; dager: number; maksBruk: number };

/**
 * The styrer makes one reusable code for a staff meeting: a role (ansatt by default), an expiry
 * (7 days by default, at most 30) and a number of places. Audited like the single-use kind.
 */
export async function lagPersonalinvitasjon(aktor: Aktor | null, medlemskap: Medlemskap, valg: PersonalinvitasjonValg, { db, auth }: Avhengigheter, naa = new Date()) {
  krev(aktor, "inviter", medlemskap);
  const id = randomUUID();
  const kode = personalKode(auth.options.secret, id);
  const utloper = new Date(naa.getTime() + valg.dager * 24 * 60 * 60 * 1000);
  await lagreInvitasjon(db, { id, barnehageId: medlemskap.barnehageId, kodeHash: hashKode(kode), rolle: valg.rolle, opprettetAv: aktor!.id, opprettet: naa, utloper, maksBruk: valg.maksBruk });
  await loggHendelse(db, {
    hendelse: "invitasjon_opprettet",
    aktorId: aktor!.id,
    organisasjonId: medlemskap.barnehageId,
    malId: id,
    detaljer: { rolle: valg.rolle, maksBruk: valg.maksBruk, dager: valg.dager },
  });
  return { id, kode, utloper: utloper.toISOString() };
}

export type Personalinvitasjon = {
  id: string;
  rolle: Exclude<Rolle, "styrer">;
  opprettet: string;
  utloper: string;
  status: InvitasjonStatus;
  maksBruk: number;
  antallBrukt: number;
  /** Only while it can be used: a revoked, full or expired code is never shown again. */
  kode: string | null;
  /** Who joined through it; `rolle` null means no longer a member. */
  brukere: { brukerId: string; navn: string; brukt: string; fjernet: boolean; rolle: Rolle | null }[];
};

/** The barnehage's staff invitations, newest first, with who joined through each. */
export async function personalinvitasjoner(aktor: Aktor | null, medlemskap: Medlemskap, { db, auth }: Avhengigheter, naa = new Date()): Promise<Personalinvitasjon[]> {
  krev(aktor, "inviter", medlemskap);
  const [rader, bruk] = await Promise.all([listInvitasjoner(db, medlemskap.barnehageId), listInvitasjonsbruk(db, medlemskap.barnehageId)]);
  return rader.flatMap((r) => {
    if (r.maksBruk === null || !erRolle(r.rolle) || r.rolle === "styrer") return [];
    const s = status(r, naa);
    return [
      {
        id: r.id,
        rolle: r.rolle,
        opprettet: r.opprettet,
        utloper: r.utloper,
        status: s,
        maksBruk: r.maksBruk,
        antallBrukt: r.antallBrukt,
        kode: s === "aktiv" ? personalKode(auth.options.secret, r.id) : null,
        brukere: bruk
          .filter((b) => b.invitasjonId === r.id)
          // «fjernet» on the page means no longer a member (someone let back in with a single-use
          // invitation is a member again; the staff code still keeps them out, ADR 0029).
          .map((b) => ({ brukerId: b.brukerId, navn: b.navn, brukt: b.brukt, fjernet: b.rolle === null, rolle: b.rolle })),
      },
    ];
  });
}

/** One staff invitation for the big screen; a revoked, full or expired one has no code. */
export async function personalinvitasjon(aktor: Aktor | null, medlemskap: Medlemskap, id: string, { db, auth }: Avhengigheter, naa = new Date()) {
  krev(aktor, "inviter", medlemskap);
  const r = await hentInvitasjon(db, medlemskap.barnehageId, id);
  if (!r || r.maksBruk === null || !erRolle(r.rolle)) throw ikkeFunnet();
  const s = status(r, naa);
  return { id: r.id, rolle: r.rolle, utloper: r.utloper, status: s, maksBruk: r.maksBruk, antallBrukt: r.antallBrukt, kode: s === "aktiv" ? personalKode(auth.options.secret, r.id) : null };
}
