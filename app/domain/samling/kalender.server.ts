import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import type { Aktor } from "#app/kontekst.ts";
import { krev } from "#app/auth/tilgang.ts";
import { oversetter } from "#app/i18n/i18n.ts";
import { logg } from "#app/logg.server.ts";
import type { Innhold } from "#app/domain/innhold/innhold.server.ts";
import type { Spraak } from "#app/domain/innhold/innhold.schema.ts";
import { hentMaalform } from "#app/domain/konto/maalform.repo.server.ts";
import { brukerForKalenderHash, harKalender, mineAvlysteSamlinger, mineSamlinger, settKalenderHash, slettKalenderHash } from "./samling.repo.server.ts";

/**
 * Calendar export (RFC 5545): my samlinger in all my teams, as a file for the signed-in person
 * and as a feed behind a secret URL that calendar apps can subscribe to. Only the SHA-256 hash of
 * the secret is stored; making a new one or revoking it makes the old URL stop working at once.
 */
type Dep = { db: Kysely<Database>; innhold: Pick<Innhold, "moduler"> };

/**
 * `sekvens` is SEQUENCE (one more each time the samling is moved or changed) and `avlyst` gives
 * STATUS:CANCELLED: together they make calendar apps move or strike out an event they already have.
 */
export type Hendelse = { uid: string; start: Date; slutt: Date; tittel: string; beskrivelse: string; sted?: string; url?: string; sekvens?: number; avlyst?: boolean };

/** Escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newlines. */
export function escapeTekst(s: string): string {
  return s.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");
}

/** Folds a content line to at most 75 octets per line (RFC 5545 3.1), never splitting a UTF-8 character. */
export function foldLinje(linje: string): string {
  const ut: string[] = [];
  let naa = "";
  let bytes = 0;
  let grense = 75;
  for (const tegn of linje) {
    const b = Buffer.byteLength(tegn, "utf8");
    if (bytes + b > grense) {
      ut.push(naa);
      naa = "";
      bytes = 0;
      grense = 74; // the leading space of a continuation line counts
    }
    naa += tegn;
    bytes += b;
  }
  ut.push(naa);
  return ut.join("\r\n ");
}

const utc = (d: Date) => d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

/** A whole calendar: CRLF line endings, folded lines, UTC times. */
export function lagIcs(navn: string, hendelser: Hendelse[], naa: Date): string {
  const linjer = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Samla//Samlinger//NO", "CALSCALE:GREGORIAN", "METHOD:PUBLISH", `X-WR-CALNAME:${escapeTekst(navn)}`];
  for (const h of hendelser) {
    linjer.push(
      "BEGIN:VEVENT",
      `UID:${h.uid}`,
      `DTSTAMP:${utc(naa)}`,
      `SEQUENCE:${h.sekvens ?? 0}`,
      `STATUS:${h.avlyst ? "CANCELLED" : "CONFIRMED"}`,
      `DTSTART:${utc(h.start)}`,
      `DTEND:${utc(h.slutt)}`,
      `SUMMARY:${escapeTekst(h.tittel)}`,
      `DESCRIPTION:${escapeTekst(h.beskrivelse)}`,
      ...(h.sted ? [`LOCATION:${escapeTekst(h.sted)}`] : []),
      ...(h.url ? [`URL:${h.url}`] : []),
      "END:VEVENT",
    );
  }
  linjer.push("END:VCALENDAR");
  return linjer.map(foldLinje).join("\r\n") + "\r\n";
}

async function kalenderForBruker(brukerId: string, sp: Spraak, { db, innhold }: Dep, baseUrl: string, naa: Date): Promise<string> {
  const t = oversetter(sp);
  const tilHendelse = (s: { id: string; barnehageId: string; modulId: string; starter: string; varighetMinutter: number; teamNavn: string; barnehageNavn: string; sekvens: number }, avlyst: boolean): Hendelse => {
    const modul = innhold.moduler.find((x) => x.id === s.modulId);
    const modulTittel = modul ? `${t("pakke.modul", { nummer: modul.nummer })}: ${modul.tekst[sp].meta.tittel}` : s.modulId;
    const start = new Date(s.starter);
    const url = `${baseUrl}/barnehage/${s.barnehageId}/samling/${s.id}`;
    return {
      uid: `samling-${s.id}@samla`,
      start,
      slutt: new Date(start.getTime() + s.varighetMinutter * 60_000),
      tittel: t("samling.kalenderTittel", { team: s.teamNavn, modul: modulTittel }),
      beskrivelse: avlyst ? modulTittel : `${modulTittel}\n${url}`,
      sted: s.barnehageNavn,
      ...(avlyst ? {} : { url }),
      sekvens: s.sekvens,
      avlyst,
    };
  };
  // A cancelled samling stays in the feed for a while as CANCELLED, so subscribed calendars drop it.
  const avlyste = await mineAvlysteSamlinger(db, brukerId, new Date(naa.getTime() - 30 * 24 * 3600_000));
  const hendelser = [...(await mineSamlinger(db, brukerId)).map((s) => tilHendelse(s, false)), ...avlyste.map((s) => tilHendelse(s, true))];
  return lagIcs(t("samling.kalenderNavn"), hendelser, naa);
}

/** GET /kalender.ics: my own samlinger, for the signed-in person. */
export async function minKalender(aktor: Aktor | null, sp: Spraak, dep: Dep, baseUrl: string, naa = new Date()): Promise<string> {
  krev(aktor, "se:min-side");
  return kalenderForBruker(aktor!.id, sp, dep, baseUrl, naa);
}

const hash = (hemmelighet: string) => createHash("sha256").update(hemmelighet).digest("hex");

/** The subscribable feed: the secret is the only credential; unknown or revoked is undefined (404). */
export async function kalenderForHemmelighet(hemmelighet: string, dep: Dep, baseUrl: string, naa = new Date()): Promise<string | undefined> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(hemmelighet)) return undefined;
  const brukerId = await brukerForKalenderHash(dep.db, hash(hemmelighet));
  if (!brukerId) return undefined;
  return kalenderForBruker(brukerId, (await hentMaalform(dep.db, brukerId)) ?? "nb", dep, baseUrl, naa);
}

/** Makes a new secret URL (the old one, if any, stops working); the secret is shown once. */
export async function lagKalenderlenke(aktor: Aktor | null, { db }: { db: Kysely<Database> }, naa = new Date()): Promise<string> {
  krev(aktor, "se:min-side");
  const hemmelighet = randomBytes(32).toString("base64url");
  await settKalenderHash(db, aktor!.id, hash(hemmelighet), naa);
  logg.info("kalenderlenke_laget");
  return hemmelighet;
}

export async function trekkTilbakeKalenderlenke(aktor: Aktor | null, { db }: { db: Kysely<Database> }) {
  krev(aktor, "se:min-side");
  await slettKalenderHash(db, aktor!.id);
  logg.info("kalenderlenke_trukket");
}

export async function harKalenderlenke(aktor: Aktor | null, { db }: { db: Kysely<Database> }): Promise<boolean> {
  krev(aktor, "se:min-side");
  return harKalender(db, aktor!.id);
}
