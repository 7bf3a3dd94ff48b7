import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ruter from "../../../app/routes.ts";

/**
 * The form actions of the app, read from app/routes.ts (plain data from @react-router/dev/routes)
 * at runtime: a route whose module exports `action` is fuzzed without anyone adding it to a list.
 * Two independent readings of «exports action»: the module's source, and the production build's
 * route manifest (`hasAction`, what the running server really has). The meta-test compares them.
 */
type RuteOppforing = { id?: string; file: string; path?: string; index?: boolean; children?: RuteOppforing[] };

export type Aksjonsrute = {
  /** The route id React Router uses: the file without its extension («routes/app/profil»). */
  id: string;
  fil: string;
  /** The full URL pattern («/barnehage/:barnehageId/team/:teamId»). */
  sti: string;
  index: boolean;
};

const rot = path.resolve(import.meta.dirname, "../../..");

export function alleRuter(liste = ruter as RuteOppforing[], forelder = ""): Aksjonsrute[] {
  return liste.flatMap((r) => {
    const her = r.index ? forelder || "/" : r.path !== undefined ? `${forelder}/${r.path}`.replace(/\/+/g, "/") : forelder || "/";
    const id = r.id ?? r.file.replace(/\.[jt]sx?$/, "");
    const egen: Aksjonsrute = { id, fil: r.file, sti: her, index: Boolean(r.index) };
    return [egen, ...alleRuter(r.children ?? [], r.path !== undefined ? her : forelder)];
  });
}

/** `export async function action`, `export function action`, `export const action`, `export { … action … }`. */
const EKSPORTERER_ACTION = /export\s+(?:async\s+)?function\s+action\b|export\s+(?:const|let|var)\s+action\b|export\s*\{[^}]*\baction\b[^}]*\}/;

export function harActionIKilden(r: Aksjonsrute): boolean {
  return EKSPORTERER_ACTION.test(readFileSync(path.join(rot, "app", r.fil), "utf8"));
}

/** The route ids with `hasAction` in the production build's client manifest (build/client/assets/manifest-*.js). */
export function harActionIBygget(): Set<string> {
  const mappe = path.join(rot, "build", "client", "assets");
  const fil = readdirSync(mappe).find((f) => /^manifest-[\w-]+\.js$/.test(f));
  if (!fil) throw new Error("Fant ikke rutemanifestet i build/client/assets: kjør `npm run build`");
  const tekst = readFileSync(path.join(mappe, fil), "utf8");
  const manifest = JSON.parse(tekst.replace(/^window\.__reactRouterManifest=/, "").replace(/;\s*$/, "")) as { routes: Record<string, { hasAction: boolean }> };
  return new Set(Object.entries(manifest.routes).filter(([, r]) => r.hasAction).map(([id]) => id));
}

/** Every route in routes.ts whose module exports `action` (by its source). */
export function aksjonsruter(): Aksjonsrute[] {
  return alleRuter().filter(harActionIKilden);
}

/** A pattern as a regular expression for a pathname («:x» one segment, «*» the rest). */
export function stiMonster(sti: string): RegExp {
  const deler = sti.split("/").map((d) => (d === "*" ? ".*" : d.startsWith(":") ? "[^/]+" : d.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
  return new RegExp(`^${deler.join("/") || "/"}$`);
}

/** Field names and hidden `intent` values written in the module's source (for forms no role's page showed). */
export function skjemaFraKilden(r: Aksjonsrute): { felt: string[]; intents: string[] } {
  const kilde = readFileSync(path.join(rot, "app", r.fil), "utf8");
  const felt = new Set<string>();
  for (const m of kilde.matchAll(/\b(?:name|navn)="([A-Za-z_][\w-]*)"/g)) felt.add(m[1]!);
  const intents = new Set<string>();
  for (const m of kilde.matchAll(/name="intent"\s+value="([\w-]+)"/g)) intents.add(m[1]!);
  for (const m of kilde.matchAll(/case\s+"([\w-]+)"\s*:/g)) intents.add(m[1]!);
  return { felt: [...felt], intents: [...intents] };
}
