import type { Kysely } from "kysely";
import { boolType, tidType } from "../dialekt.ts";

/**
 * Two-factor sign-in (TOTP and recovery codes) through Better Auth's twoFactor plugin: its table
 * and the user's flag. The secret and the recovery codes are stored encrypted by Better Auth with
 * the server secret. db.test.ts checks that this matches what Better Auth expects. See ADR 0013.
 */
export async function up(db: Kysely<any>) {
  await db.schema.alterTable("user").addColumn("twoFactorEnabled", boolType(db), (c) => c.defaultTo(false)).execute();
  await db.schema
    .createTable("twoFactor")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("secret", "text", (c) => c.notNull())
    .addColumn("backupCodes", "text", (c) => c.notNull())
    .addColumn("userId", "text", (c) => c.notNull().references("user.id").onDelete("cascade"))
    .addColumn("verified", boolType(db), (c) => c.defaultTo(true))
    .addColumn("failedVerificationCount", "integer", (c) => c.defaultTo(0))
    .addColumn("lockedUntil", tidType(db))
    .execute();
  await db.schema.createIndex("twoFactor_secret_idx").on("twoFactor").column("secret").execute();
  await db.schema.createIndex("twoFactor_userId_idx").on("twoFactor").column("userId").execute();
}

export async function down(db: Kysely<any>) {
  await db.schema.dropTable("twoFactor").execute();
  await db.schema.alterTable("user").dropColumn("twoFactorEnabled").execute();
}
