import type { Kysely } from "kysely";
import { tidType } from "../dialekt.ts";

/**
 * Better Auth's organization plugin tables (barnehage = organization, member with a role, and its
 * e-mail invitation table, kept so the plugin's schema is complete) and the session's active
 * organization. db.test.ts checks that this is exactly what the plugin expects.
 */
export async function up(db: Kysely<any>) {
  const tid = tidType(db);
  await db.schema
    .createTable("organization")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("logo", "text")
    .addColumn("createdAt", tid, (c) => c.notNull())
    .addColumn("metadata", "text")
    .addColumn("orgnummer", "text")
    .execute();
  await db.schema
    .createTable("member")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organizationId", "text", (c) => c.notNull().references("organization.id").onDelete("cascade"))
    .addColumn("userId", "text", (c) => c.notNull().references("user.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("createdAt", tid, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("invitation")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organizationId", "text", (c) => c.notNull().references("organization.id").onDelete("cascade"))
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("role", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("expiresAt", tid, (c) => c.notNull())
    .addColumn("createdAt", tid, (c) => c.notNull())
    .addColumn("inviterId", "text", (c) => c.notNull().references("user.id").onDelete("cascade"))
    .execute();
  await db.schema.alterTable("session").addColumn("activeOrganizationId", "text").execute();
  await db.schema.createIndex("organization_slug_idx").on("organization").column("slug").execute();
  await db.schema.createIndex("member_organizationId_idx").on("member").column("organizationId").execute();
  await db.schema.createIndex("member_userId_idx").on("member").column("userId").execute();
  // One membership per person and barnehage, enforced by the database, not only by the plugin.
  await db.schema.createIndex("member_organizationId_userId_uq").on("member").columns(["organizationId", "userId"]).unique().execute();
  await db.schema.createIndex("invitation_organizationId_idx").on("invitation").column("organizationId").execute();
  await db.schema.createIndex("invitation_email_idx").on("invitation").column("email").execute();
}

export async function down(db: Kysely<any>) {
  await db.schema.alterTable("session").dropColumn("activeOrganizationId").execute();
  for (const t of ["invitation", "member", "organization"]) await db.schema.dropTable(t).execute();
}
