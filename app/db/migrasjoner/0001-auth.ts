import type { Kysely } from "kysely";
import { boolType, tidType } from "../dialekt.ts";

/**
 * Better Auth's core tables (user, session, account, verification), in our own history so one
 * ordered set of migrations describes the whole database. auth-skjema.test.ts checks that this
 * matches what Better Auth expects, so an upgrade that changes its schema fails the suite.
 */
export async function up(db: Kysely<any>) {
  const tid = tidType(db);
  await db.schema
    .createTable("user")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("emailVerified", boolType(db), (c) => c.notNull())
    .addColumn("image", "text")
    .addColumn("createdAt", tid, (c) => c.notNull())
    .addColumn("updatedAt", tid, (c) => c.notNull())
    .addColumn("maalform", "text")
    .execute();
  await db.schema
    .createTable("session")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("expiresAt", tid, (c) => c.notNull())
    .addColumn("token", "text", (c) => c.notNull().unique())
    .addColumn("createdAt", tid, (c) => c.notNull())
    .addColumn("updatedAt", tid, (c) => c.notNull())
    .addColumn("ipAddress", "text")
    .addColumn("userAgent", "text")
    .addColumn("userId", "text", (c) => c.notNull().references("user.id").onDelete("cascade"))
    .execute();
  await db.schema
    .createTable("account")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("accountId", "text", (c) => c.notNull())
    .addColumn("providerId", "text", (c) => c.notNull())
    .addColumn("userId", "text", (c) => c.notNull().references("user.id").onDelete("cascade"))
    .addColumn("accessToken", "text")
    .addColumn("refreshToken", "text")
    .addColumn("idToken", "text")
    .addColumn("accessTokenExpiresAt", tid)
    .addColumn("refreshTokenExpiresAt", tid)
    .addColumn("scope", "text")
    .addColumn("password", "text")
    .addColumn("createdAt", tid, (c) => c.notNull())
    .addColumn("updatedAt", tid, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("verification")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("identifier", "text", (c) => c.notNull())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("expiresAt", tid, (c) => c.notNull())
    .addColumn("createdAt", tid, (c) => c.notNull())
    .addColumn("updatedAt", tid, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("session_userId_idx").on("session").column("userId").execute();
  await db.schema.createIndex("account_userId_idx").on("account").column("userId").execute();
  await db.schema.createIndex("verification_identifier_idx").on("verification").column("identifier").execute();
}

export async function down(db: Kysely<any>) {
  for (const t of ["verification", "account", "session", "user"]) await db.schema.dropTable(t).execute();
}
