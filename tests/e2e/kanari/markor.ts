import { randomBytes } from "node:crypto";
import type { APIRequestContext, request as RequestFabrikk } from "@playwright/test";
import type { Kysely } from "kysely";
import type { Database } from "../../../app/db/skjema.ts";

/**
 * The canary: one marker, unique to this run, put into every text field of barnehage B. Lowercase
 * letters and digits only, so it survives e-mail normalisation and HTML escaping unchanged, and a
 * leak is found by a plain case-insensitive search in any response.
 */
export const MARKOR = `kanari${randomBytes(6).toString("hex")}`;

/** What the seeders know about B after seeding; ids are filled into every route's parameters. */
export type BarnehageB = {
  barnehageId: string;
  teamId: string;
  /** Ids of rows in B, keyed by route parameter name (e.g. samlingId), for routes from other branches. */
  parametre: Record<string, string>;
  /** B's people, signed in (their sessions carry the marker in their User-Agent). */
  klienter: APIRequestContext[];
};

export type SaaKontekst = {
  db: Kysely<Database>;
  playwright: typeof RequestFabrikk;
  baseURL: string;
};

/**
 * One seeder per feature area (tests/e2e/kanari/*.ts), run in order. A seeder puts MARKOR into
 * every text column its feature adds, for barnehage B (through the app where the UI exists,
 * straight into the database where it does not yet). The first seeder makes B itself.
 */
export type Saaer = (ktx: SaaKontekst, b: BarnehageB) => Promise<void>;
