import { createHash } from "node:crypto";
import { krevTofaktor, lesAktor } from "./auth/middleware.server.ts";
import { krev } from "./auth/tilgang.ts";
import { krevMedlemskap } from "./domain/barnehage/barnehage.server.ts";
import { teamModulNokkel, teamModulSide, type TeamModulData } from "./routes/barnehage/team-modul.server.ts";
import { startNokkel, startSide, type StartData } from "./routes/app/start.server.ts";
import { tjenester } from "./tjenester.server.ts";
import { env } from "./env.server.ts";
import type { Aktor } from "./kontekst.ts";
import type { Spraak } from "./domain/innhold/innhold.schema.ts";

/**
 * The signed-in fast path (ADR 0033, issue 16) for the hottest signed-in pages: the team module
 * page and /start. A GET without a query string is answered before React Router when this process
 * has already rendered the page, through React Router, for exactly the same state. The checks and
 * the data are React Router's own, called, not copied: the session with `lesAktor` (the root
 * middleware's), the barnehage membership with `krevMedlemskap` and `krevTofaktor` (the barnehage
 * layout's), the policy with `krev`/`kan` from tilgang.ts, and the page's data with the function its
 * loader calls (`teamModulSide`, `startSide`). A page's HTML is a function of its loader data, the
 * address and the content version, so the HTML React Router rendered for the same key is the answer.
 *
 * Every case it does not handle goes to React Router as before: no session or an ended one, no
 * access (the normal 404), two-factor required (the redirect), a change note not yet shown (it is
 * written once), any error, and a page not yet rendered for this state (React Router renders it and
 * `huskSide` keeps it).
 */

/** The root loader's data (app/root.tsx): part of every page, so part of every key. */
type RotData = { maalform: Spraak; aktor: { navn: string } | null };

type HurtigSide = {
  /** The route id in app/routes.ts; the page React Router rendered is kept only for this route. */
  ruteId: string;
  /** The address, with its parameters as groups (decoded before use). */
  monster: RegExp;
  /**
   * The state of the page for this person: the loader's checks and data, then the same key
   * `tilstand` gives for React Router's loader data. Undefined (or a throw) sends it to React Router.
   */
  hent(aktor: Aktor, maalform: Spraak, parametre: string[]): Promise<string | undefined>;
  /** The key of the state React Router rendered, from its loader data (undefined: not kept). */
  tilstand(loaderData: unknown, rot: RotData, aktor: Aktor): string | undefined;
};

const TEAM_MODUL_RUTE = "routes/barnehage/team-modul";
const START_RUTE = "routes/app/start";

const SIDER: readonly HurtigSide[] = [
  {
    // /barnehage/:barnehageId/team/:teamId/moduler/:slug (the barnehage layout's middleware, then the loader).
    ruteId: TEAM_MODUL_RUTE,
    monster: /^\/barnehage\/([^/]+)\/team\/([^/]+)\/moduler\/([^/]+)$/,
    async hent(aktor, maalform, [barnehageId, teamId, slug]) {
      const medlemskap = await krevMedlemskap(aktor, barnehageId!, { db: tjenester().db });
      // Only the address and method are read, for the redirect (which sends this request to React Router).
      krevTofaktor(aktor, medlemskap.rolle, { url: `http://samla.invalid/barnehage/${barnehageId}`, method: "GET" });
      const d = await teamModulSide(aktor, medlemskap, maalform, teamId!, slug!, { skriv: false });
      return d ? teamModulNokkel(d, { maalform, aktor: { navn: aktor.navn } }, aktor.id) : undefined;
    },
    tilstand: (d, rot, aktor) => teamModulNokkel(d as TeamModulData, rot, aktor.id),
  },
  {
    // /start (the signed-in layout only requires a person; the loader checks "se:min-side").
    ruteId: START_RUTE,
    monster: /^\/start$/,
    async hent(aktor, maalform) {
      krev(aktor, "se:min-side");
      return startNokkel(await startSide(aktor, maalform), { maalform, aktor: { navn: aktor.navn } }, aktor.id);
    },
    tilstand: (d, rot, aktor) => startNokkel(d as StartData, rot, aktor.id),
  },
];

/** Whether React Router's page for this route may be kept for the fast path (entry.server.tsx asks before it copies the bytes). */
export function erHurtigRute(ruteId: string | undefined): boolean {
  return env().HURTIGSTI !== "av" && SIDER.some((s) => s.ruteId === ruteId);
}

/** Pages kept per process: at most this many bytes, and none older than ten minutes. */
const MAKS_BYTE = 24 * 1024 * 1024;
const MAKS_ALDER_MS = 10 * 60_000;
/** A page as the parts between its CSP nonce (`<link nonce>`, `<script nonce>`), as UTF-8 bytes: each answer writes its own nonce between them. */
const sider = new Map<string, { deler: Buffer[]; byte: number; lagret: number }>();
let byte = 0;

function nokkel(sti: string, tilstand: string): string {
  return createHash("sha256").update(sti).update("\0").update(tilstand).digest("base64url");
}

function finnSide(sti: string): { side: HurtigSide; parametre: string[] } | undefined {
  for (const side of SIDER) {
    const treff = side.monster.exec(sti);
    if (treff) return { side, parametre: treff.slice(1).map(decodeURIComponent) };
  }
  return undefined;
}

/**
 * The page for this request as the parts around its CSP nonce (the response writes its new nonce
 * between them), or undefined: then React Router answers.
 */
export async function hurtigsti(sti: string, cookie: string): Promise<Buffer[] | undefined> {
  if (env().HURTIGSTI === "av" || sider.size === 0) return undefined;
  try {
    const funnet = finnSide(sti);
    if (!funnet) return undefined;
    const { aktor, maalform } = await lesAktor(new Headers({ cookie }), { utenSkriving: true });
    if (!aktor) return undefined;
    const tilstand = await funnet.side.hent(aktor, maalform, funnet.parametre);
    if (tilstand === undefined) return undefined;
    const n = nokkel(sti, tilstand);
    const side = sider.get(n);
    if (!side) return undefined;
    if (Date.now() - side.lagret > MAKS_ALDER_MS) {
      glem(n);
      return undefined;
    }
    // Most recently used last: the oldest are dropped first.
    sider.delete(n);
    sider.set(n, side);
    return side.deler;
  } catch {
    // A 404, a redirect to the two-factor setup, a session that ended, a bad escape in the address,
    // a database error: React Router handles it, exactly as without the fast path.
    return undefined;
  }
}

/**
 * Called by entry.server.tsx with the HTML React Router rendered for a GET without a query string
 * (status 200, no errors): kept under the key of the data it was rendered from, when the page is
 * one of the fast path's.
 */
export function huskSide(ruteId: string | undefined, sti: string, loaderData: Record<string, unknown>, aktor: Aktor | null, html: string, nonce: string): void {
  if (env().HURTIGSTI === "av" || !aktor) return;
  const funnet = finnSide(sti);
  if (!funnet || funnet.side.ruteId !== ruteId) return;
  // Only the root and the page itself have loaders on these routes; anything else would not be in the key.
  if (Object.entries(loaderData).some(([id, data]) => id !== "root" && id !== ruteId && data !== undefined)) return;
  const rot = loaderData.root as RotData | undefined;
  const d = loaderData[ruteId];
  if (!rot || !d || rot.aktor?.navn !== aktor.navn) return;
  const tilstand = funnet.side.tilstand(d, rot, aktor);
  const storrelse = Buffer.byteLength(html);
  // A nonce of 16 random bytes never occurs in the page by chance; without one, nothing to keep.
  if (tilstand === undefined || storrelse > MAKS_BYTE || nonce.length < 16 || !html.includes(nonce)) return;
  const n = nokkel(sti, tilstand);
  glem(n);
  sider.set(n, { deler: html.split(nonce).map((d) => Buffer.from(d)), byte: storrelse, lagret: Date.now() });
  byte += storrelse;
  for (const [eldst] of sider) {
    if (byte <= MAKS_BYTE) break;
    glem(eldst);
  }
}

function glem(n: string) {
  const side = sider.get(n);
  if (!side) return;
  byte -= side.byte;
  sider.delete(n);
}
