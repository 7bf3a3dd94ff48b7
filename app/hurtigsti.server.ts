import { createHash } from "node:crypto";
import { krevTofaktor, lesAktor } from "./auth/middleware.server.ts";
import { krevMedlemskap } from "./domain/barnehage/barnehage.server.ts";
import { teamModulNokkel, teamModulSide, type TeamModulData } from "./routes/barnehage/team-modul.server.ts";
import { tjenester } from "./tjenester.server.ts";
import { env } from "./env.server.ts";
import type { Aktor } from "./kontekst.ts";
import type { Spraak } from "./domain/innhold/innhold.schema.ts";

/**
 * The signed-in fast path for the team module page (ADR 0033, issue 16). GET of
 * /barnehage/:barnehageId/team/:teamId/moduler/:slug without a query string is answered before
 * React Router when this process has already rendered the page, through React Router, for exactly
 * the same state. The checks and the data are React Router's own, called, not copied: the session
 * with `lesAktor` (the root middleware's), the membership with `krevMedlemskap` and `krevTofaktor`
 * (the barnehage layout's), and the page's data with `teamModulSide` (the loader's), which checks
 * the team with the policy functions in tilgang.ts. The page's HTML is a function of that data, the
 * address and the content version, so the HTML React Router rendered for the same key is the answer;
 * the key holds everything but the module text, which follows from the content version, the
 * edition and the målform (also in the key).
 *
 * Every case it does not handle goes to React Router as before: no session or an ended one, not a
 * member (the normal 404), two-factor required (the redirect), a change note not yet shown (it is
 * written once), any error, and a page not yet rendered for this state (React Router renders it
 * and `huskTeamModul` keeps it).
 */

const MONSTER = /^\/barnehage\/([^/]+)\/team\/([^/]+)\/moduler\/([^/]+)$/;
/** The route id of the team module page (app/routes.ts). */
export const TEAM_MODUL_RUTE = "routes/barnehage/team-modul";

/** Pages kept per process: at most this many bytes, and none older than ten minutes. */
const MAKS_BYTE = 24 * 1024 * 1024;
const MAKS_ALDER_MS = 10 * 60_000;
/** A page as the parts between its CSP nonce (`<link nonce>`): each answer joins them with its own. */
const sider = new Map<string, { deler: string[]; byte: number; lagret: number }>();
let byte = 0;

function nokkel(sti: string, d: TeamModulData, maalform: Spraak, aktor: Aktor): string | undefined {
  const tilstand = teamModulNokkel(d, { maalform, aktor: { navn: aktor.navn } }, aktor.id);
  return tilstand === undefined ? undefined : createHash("sha256").update(sti).update("\0").update(tilstand).digest("base64url");
}

/**
 * The page for this request as the parts around its CSP nonce (join them with the response's new
 * nonce), or undefined: then React Router answers.
 */
export async function hurtigsti(sti: string, cookie: string): Promise<string[] | undefined> {
  if (env().HURTIGSTI === "av" || sider.size === 0) return undefined;
  const treff = MONSTER.exec(sti);
  if (!treff) return undefined;
  try {
    const [barnehageId, teamId, slug] = [treff[1]!, treff[2]!, treff[3]!].map(decodeURIComponent) as [string, string, string];
    const { aktor, maalform } = await lesAktor(new Headers({ cookie }));
    if (!aktor) return undefined;
    const medlemskap = await krevMedlemskap(aktor, barnehageId, { db: tjenester().db });
    krevTofaktor(aktor, medlemskap.rolle, new Request(`http://samla.invalid${sti}`));
    const d = await teamModulSide(aktor, medlemskap, maalform, teamId, slug, { skriv: false });
    if (!d) return undefined;
    const n = nokkel(sti, d, maalform, aktor);
    const side = n === undefined ? undefined : sider.get(n);
    if (!side) return undefined;
    if (Date.now() - side.lagret > MAKS_ALDER_MS) {
      glem(n!);
      return undefined;
    }
    // Most recently used last: the oldest are dropped first.
    sider.delete(n!);
    sider.set(n!, side);
    return side.deler;
  } catch {
    // A 404, a redirect to the two-factor setup, a session that ended, a database error: React
    // Router handles it, exactly as without the fast path.
    return undefined;
  }
}

/**
 * Called by entry.server.tsx with the HTML React Router rendered for a GET of the team module page
 * without a query string: kept under the key of the data it was rendered from.
 */
export function huskTeamModul(sti: string, loaderData: Record<string, unknown>, aktor: Aktor | null, html: string, nonce: string): void {
  if (env().HURTIGSTI === "av" || !aktor || !MONSTER.test(sti)) return;
  // Only the root and the page itself have loaders on this route; anything else would not be in the key.
  if (Object.keys(loaderData).some((id) => id !== "root" && id !== TEAM_MODUL_RUTE)) return;
  const rot = loaderData.root as { maalform: Spraak; aktor: { navn: string } | null } | undefined;
  const d = loaderData[TEAM_MODUL_RUTE] as TeamModulData | undefined;
  if (!rot || !d || rot.aktor?.navn !== aktor.navn) return;
  const n = nokkel(sti, d, rot.maalform, aktor);
  const storrelse = html.length * 2;
  // A nonce of 16 random bytes never occurs in the page by chance; without one, nothing to keep.
  if (n === undefined || storrelse > MAKS_BYTE || nonce.length < 16 || !html.includes(nonce)) return;
  glem(n);
  sider.set(n, { deler: html.split(nonce), byte: storrelse, lagret: Date.now() });
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

/** For tests: empty the page cache. */
export function tomHurtigsti() {
  sider.clear();
  byte = 0;
}
