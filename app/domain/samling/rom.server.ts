import { createHash, randomBytes, randomInt } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import type { Aktor } from "#app/kontekst.ts";
import { ikkeFunnet, krev, type Medlemskap } from "#app/auth/tilgang.ts";
import { oversetter } from "#app/i18n/i18n.ts";
import { logg } from "#app/logg.server.ts";
import type { Innhold } from "#app/domain/innhold/innhold.server.ts";
import type { Spraak } from "#app/domain/innhold/innhold.schema.ts";
import { filmVisning } from "#app/domain/innhold/visning.ts";
import { krevMedlemskap } from "#app/domain/barnehage/barnehage.server.ts";
import { KODE_ALFABET } from "#app/domain/barnehage/invitasjon.server.ts";
import { qrSvg } from "#app/domain/barnehage/qr.server.ts";
import { hentGruppenotat } from "#app/domain/notat/notat.repo.server.ts";
import { finnTeam } from "#app/domain/team/team.repo.server.ts";
import { kolonnerForAktivitet, type GruppeKolonne as Kolonne } from "#app/domain/gruppe/gruppe.server.ts";
import { rundeForSamling } from "#app/domain/stasted/stasted.server.ts";
import { antallTilbakemeldinger } from "#app/domain/tilbakemelding/tilbakemelding.server.ts";
import { filmPosisjon, hentSamling, visningFor, type SamlingVisning } from "./samling.server.ts";
import { harSkjermHash, hentLiveVersjon, samlingForKode, samlingForSkjermHash, settKodeOmTom, settSkjermHash, type SamlingRad } from "./samling.repo.server.ts";
import { visTid } from "./tid.ts";

/**
 * The samling in the room (issue 12, ADR 0026): the join code on the big screen, the projector's
 * secret screen link, and what the projector shows. Every function here either checks the actor
 * itself or is handed a samling its caller has already let in (membership, or the screen link).
 */
type Db = { db: Kysely<Database> };
type DbInnhold = Db & { innhold: Pick<Innhold, "moduler"> };

// --- The join code ------------------------------------------------------------------------------

/**
 * Six symbols from the invitation codes' alphabet (31 symbols without 0/O, 1/I/L): about 30 bits,
 * short enough to type from across a room. The code is not a credential: it only leads a member,
 * signed in, to the samling page, which checks membership as always; wrong codes are still
 * counted (ADR 0022), so no one can walk the code space to learn which samlinger exist.
 */
export const SAMLINGSKODE_LENGDE = 6;
export const SAMLINGSKODE = { formaal: "samlingskode", perIp: 30, perKode: 10, perKonto: 30 } as const;

export function lagSamlingskode(): string {
  let kode = "";
  for (let i = 0; i < SAMLINGSKODE_LENGDE; i++) kode += KODE_ALFABET[randomInt(KODE_ALFABET.length)];
  return kode;
}

/** Upper case, without spaces or dashes: what people type from the screen. */
export function normaliserKode(kode: string): string {
  return kode.replace(/[\s-]/g, "").toUpperCase();
}

/** The samling's join code, made the first time it is needed (a taken code is drawn again). */
export async function sikreKode(db: Kysely<Database>, samling: Pick<SamlingRad, "id" | "barnehageId" | "kode">): Promise<string> {
  if (samling.kode) return samling.kode;
  for (let i = 0; i < 8; i++) {
    if (await settKodeOmTom(db, samling.barnehageId, samling.id, lagSamlingskode())) break;
  }
  const r = await db.selectFrom("samling").select("kode").where("organizationId", "=", samling.barnehageId).where("id", "=", samling.id).executeTakeFirst();
  if (!r?.kode) throw new Error("Fant ingen ledig samlingskode");
  return r.kode;
}

export type KodeSvar = { ok: true; barnehageId: string; samlingId: string } | { ok: false };

/**
 * Where a join code leads: this samling's page, for a member who may see it. An unknown code,
 * a held samling and a samling the person may not see are the same «no» (counted by the caller).
 */
export async function samlingForKoden(aktor: Aktor | null, kode: string, { db }: Db): Promise<KodeSvar> {
  krev(aktor, "se:min-side");
  const ren = normaliserKode(kode);
  if (!new RegExp(`^[${KODE_ALFABET}]{${SAMLINGSKODE_LENGDE}}$`).test(ren)) return { ok: false };
  const s = await samlingForKode(db, ren);
  if (!s || s.status === "holdt") return { ok: false };
  try {
    const medlemskap = await krevMedlemskap(aktor, s.barnehageId, { db });
    await hentSamling(aktor, medlemskap, s.id, { db });
  } catch (feil) {
    if (feil instanceof Response && feil.status === 404) return { ok: false };
    throw feil;
  }
  return { ok: true, barnehageId: s.barnehageId, samlingId: s.id };
}

// --- The screen link ----------------------------------------------------------------------------

/** Wrong screen links per IP (ADR 0022); a right one is never counted, however often it is used. */
export const SKJERMLENKE = { formaal: "skjermlenke", perIp: 30 } as const;

const hash = (hemmelighet: string) => createHash("sha256").update(`samla-skjerm:${hemmelighet}`).digest("hex");

/**
 * The leader makes the projector's screen link (a new one replaces the old); the secret is shown
 * once and only its hash is stored, as for the calendar feed (ADR 0016). Not for a held samling.
 */
export async function lagSkjermlenke(aktor: Aktor | null, m: Medlemskap, samlingId: string, { db }: Db): Promise<string> {
  krev(aktor, "led:samling", m);
  const s = await hentSamling(aktor, m, samlingId, { db });
  if (s.status === "holdt") throw ikkeFunnet();
  const hemmelighet = randomBytes(32).toString("base64url");
  await settSkjermHash(db, m.barnehageId, samlingId, hash(hemmelighet));
  logg.info("skjermlenke_laget");
  return hemmelighet;
}

export async function trekkTilbakeSkjermlenke(aktor: Aktor | null, m: Medlemskap, samlingId: string, { db }: Db) {
  krev(aktor, "led:samling", m);
  await hentSamling(aktor, m, samlingId, { db });
  await settSkjermHash(db, m.barnehageId, samlingId, null);
  logg.info("skjermlenke_trukket");
}

export async function harSkjermlenke(aktor: Aktor | null, m: Medlemskap, samlingId: string, { db }: Db): Promise<boolean> {
  krev(aktor, "led:samling", m);
  await hentSamling(aktor, m, samlingId, { db });
  return harSkjermHash(db, m.barnehageId, samlingId);
}

/**
 * The samling behind a screen link: unknown, revoked, or the samling is held → undefined (404).
 * The link is the only credential, so it opens the projector view and nothing else.
 */
export async function samlingForSkjerm(hemmelighet: string, { db }: Db): Promise<(SamlingRad & { teamNavn: string }) | undefined> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(hemmelighet)) return undefined;
  const s = await samlingForSkjermHash(db, hash(hemmelighet));
  if (!s || s.status === "holdt") return undefined;
  const team = await finnTeam(db, s.barnehageId, s.teamId);
  return team ? { ...s, teamNavn: team.navn } : undefined;
}

// --- Live updates ---------------------------------------------------------------------------------

/** The version check's ETag for a samling (quoted, as HTTP sends it), or undefined when there is none. */
export async function liveEtag(db: Kysely<Database>, samlingId: string): Promise<string | undefined> {
  if (!/^[0-9a-f-]{36}$/.test(samlingId)) return undefined;
  const v = await hentLiveVersjon(db, samlingId);
  return v === undefined ? undefined : `"${v}"`;
}

// --- What the projector shows -------------------------------------------------------------------

/**
 * The activities where the room answers the ståsted round (module 0) and reads its results
 * together (module 7): there the projector shows the round (ADR 0026). Named here, as the content
 * has no kind for them.
 */
export const STASTED_AKTIVITETER: ReadonlySet<string> = new Set(["m0-a2", "m7-a5"]);

/** The join corner: the short code, the address to type and a QR code of the whole link. */
export type Bliinn = { kode: string; adresse: string; qr: string };

/**
 * What the projector shows for one step (the current one, or another for the presenter's preview
 * of the next): built from a samling the caller has already been let in to. Never the leader
 * guide, never names (the report-back shows the logs without their authors).
 */
export async function storskjermData(v: SamlingVisning, stegIndeks: number | null, sp: Spraak, { db }: Db, o: { baseUrl: string; naa?: Date }) {
  const naa = o.naa ?? new Date();
  const t = oversetter(sp);
  const tekst = v.modul.tekst[sp];
  const steg = stegIndeks === null ? null : (v.steg[stegIndeks] ?? null);
  const erNaa = stegIndeks !== null && stegIndeks === v.naavaerende;
  const aktivitet = steg?.aktivitet ? tekst.aktiviteter.find((a) => a.id === steg.aktivitet) : undefined;
  const film = steg?.type === "film" && steg.film ? v.modul.filmer.get(steg.film) : undefined;
  const medNotat = aktivitet && (steg?.type === "gruppe" || steg?.type === "plenum");
  const gruppenotat = medNotat ? ((await hentGruppenotat(db, v.samling.barnehageId, v.samling.id, aktivitet.id))?.tekst ?? "") : "";
  const kolonner = medNotat ? await kolonnerForAktivitet(db, v.samling.barnehageId, v.samling.id, aktivitet.id, sp) : [];
  const gruppenotater: Kolonne[] | null = kolonner.length ? kolonner : null;
  const s = v.samling;
  let bliinn: Bliinn | null = null;
  if (s.status !== "holdt" && s.visKode) {
    const kode = await sikreKode(db, s);
    const adresse = `${o.baseUrl}/s/${kode}`;
    bliinn = { kode, adresse: `${o.baseUrl.replace(/^https?:\/\//, "")}/s`, qr: await qrSvg(adresse, t("rom.qrEtikett", { kode })) };
  }
  let stasted: { qr: string | null; antall: number; apen: boolean; omrader: { navn: string; snitt: number | null }[] | null } | null = null;
  if (erNaa && aktivitet && STASTED_AKTIVITETER.has(aktivitet.id)) {
    const runde = await rundeForSamling(db, s.barnehageId, s.teamId, naa);
    if (runde) {
      const apen = runde.status === "apen";
      stasted = {
        qr: apen ? await qrSvg(`${o.baseUrl}/barnehage/${s.barnehageId}/stasted/${runde.id}`, t("rom.stastedQr")) : null,
        antall: runde.antallDeltakere,
        apen,
        // Results only for a closed round, and only the areas with enough answers have a number.
        omrader: runde.resultat ? runde.resultat.omrader.map((x) => ({ navn: x[sp], snitt: x.nok ? x.snitt : null })) : null,
      };
    }
  }
  // The module's feedback (ADR 0019) on the last step: a QR straight to the form and how many have answered.
  let modulTilbakemelding: { qr: string; antall: number } | null = null;
  if (erNaa && stegIndeks === v.steg.length - 1 && steg?.type === "avtale") {
    modulTilbakemelding = {
      qr: await qrSvg(`${o.baseUrl}/barnehage/${s.barnehageId}/moduler/${v.modul.slug}/tilbakemelding`, t("rom.tilbakemeldingQr")),
      antall: await antallTilbakemeldinger(db, s.barnehageId, v.modul.id),
    };
  }
  return {
    samlingId: s.id,
    modulTittel: tekst.meta.tittel,
    nummer: v.modul.nummer,
    tid: visTid(s.starter, sp),
    status: s.status,
    versjon: s.versjon,
    naa: naa.toISOString(),
    stegNummer: stegIndeks === null ? null : stegIndeks + 1,
    antallSteg: v.steg.length,
    steg: steg ? { tittel: steg.tittel, type: steg.type, minutter: steg.minutter } : null,
    stegSlutt: erNaa ? v.stegSlutt : null,
    pauset: erNaa ? s.pauset : null,
    aktivitet: aktivitet ? { tittel: aktivitet.tittel, html: aktivitet.html } : null,
    // An opening step with no activity shows the module's own lead text (public content).
    ingress: steg?.type === "innledning" && !aktivitet ? (tekst.meta.ingress ?? null) : null,
    film: film ? filmVisning(film, sp) : null,
    // The film on the projector follows the presenter: playing or not, and where it is now.
    filmTilstand: film && erNaa ? { spiller: s.filmSpiller, posisjonMs: filmPosisjon(s, naa) } : null,
    gruppenotat,
    stasted,
    modulTilbakemelding,
    // The groups' notes side by side (issue 12, point 3; ADR 0027) on group and plenary steps,
    // when the samling has groups; otherwise the team's one note (`gruppenotat`) shows.
    gruppenotater,
    tilbakemelding: steg?.type === "tilbakemelding" ? v.tilbakemelding.map((u) => ({ id: u.id, hva: u.hva, logger: u.logger.map((l) => l.tekst) })) : [],
    bliinn,
    // The first step shows the join code large; later steps in a corner.
    bliinnStor: stegIndeks === null || stegIndeks === 0,
    // Without JavaScript: reload often, but let a film play to its end before reloading.
    oppfrisk: film && v.stegSlutt && erNaa ? Math.max(10, Math.ceil((new Date(v.stegSlutt).getTime() - naa.getTime()) / 1000)) : 5,
    liveUrl: `/samling-versjon/${s.id}`,
    liveEtag: await liveEtag(db, s.id),
  };
}
export type StorskjermVisning = Awaited<ReturnType<typeof storskjermData>>;

/** The projector view for a screen link (no personal sign-in), or undefined (404). */
export async function skjermVisning(hemmelighet: string, sp: Spraak, dep: DbInnhold, baseUrl: string): Promise<StorskjermVisning | undefined> {
  const s = await samlingForSkjerm(hemmelighet, dep);
  if (!s) return undefined;
  const v = await visningFor(s, dep, sp);
  return storskjermData(v, v.naavaerende, sp, dep, { baseUrl });
}
