import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import { somBool } from "#app/db/dialekt.ts";

/**
 * Reads for two-factor sign-in. These are a person's own account rows (no barnehage data), so
 * every query filters on the user id. Better Auth writes the rows; we only read them.
 */

/** The person's TOTP row: the encrypted secret and whether the setup was confirmed. */
export async function hentTofaktorRad(db: Kysely<Database>, userId: string): Promise<{ hemmelighetKryptert: string; bekreftet: boolean } | undefined> {
  const rad = await db.selectFrom("twoFactor").select(["secret", "verified"]).where("userId", "=", userId).executeTakeFirst();
  return rad ? { hemmelighetKryptert: rad.secret, bekreftet: rad.verified === null ? true : somBool(rad.verified) } : undefined;
}

/** Whether two-factor is switched on for the person (the flag Better Auth reads at sign-in). */
export async function harTofaktorPaa(db: Kysely<Database>, userId: string): Promise<boolean> {
  const rad = await db.selectFrom("user").select("twoFactorEnabled").where("id", "=", userId).executeTakeFirst();
  return somBool(rad?.twoFactorEnabled);
}

/** Whether the person has a password (an account made by SSO only has none). */
export async function harPassord(db: Kysely<Database>, userId: string): Promise<boolean> {
  const rad = await db
    .withTables<{ account: { userId: string; providerId: string; password: string | null } }>()
    .selectFrom("account")
    .select("password")
    .where("userId", "=", userId)
    .where("providerId", "=", "credential")
    .executeTakeFirst();
  return typeof rad?.password === "string" && rad.password.length > 0;
}

/**
 * Compare-and-set of the last accepted TOTP time step: one statement that stores `steg` only if
 * it is later than the one stored, and says whether it did. On PostgreSQL the upsert locks the row
 * and re-checks the condition, on SQLite writes are serialised: of two processes racing with the
 * same code, exactly one gets `true`.
 */
export async function taTidssteg(db: Kysely<Database>, userId: string, steg: number): Promise<boolean> {
  const rad = await db
    .insertInto("tofaktor_brukt")
    .values({ userId, sisteSteg: steg })
    .onConflict((oc) => oc.column("userId").doUpdateSet({ sisteSteg: steg }).where("tofaktor_brukt.sisteSteg", "<", steg))
    .returning("userId")
    .executeTakeFirst();
  return rad !== undefined;
}
