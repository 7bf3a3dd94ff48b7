import type { APIRequestContext, Page } from "@playwright/test";
import type { Kysely } from "kysely";
import type { Database } from "../../app/db/skjema.ts";
import { aapneAppDb } from "./kanari/db.ts";

let db: Kysely<Database> | undefined;

/**
 * Whose session a client or page holds, read from the app's database by the session cookie (the
 * token before the signature), as the app itself reads it. Better Auth's /api/auth/get-session is
 * closed over HTTP (ADR 0021), so tests ask the database instead. Null: no valid session.
 */
export async function oktFor(k: APIRequestContext | Page, fra?: Kysely<Database>): Promise<{ user: { id: string; email: string } } | null> {
  const cookies = "context" in k ? await k.context().cookies() : (await k.storageState()).cookies;
  const c = cookies.find((x) => /^(?:__Secure-)?samla\.session_token$/.test(x.name));
  if (!c) return null;
  const token = decodeURIComponent(c.value).split(".")[0]!;
  // `fra`: another app's database (a spec that starts its own server); else the suite's app.
  const kilde = fra ?? (db ??= aapneAppDb());
  const rad = await kilde
    .selectFrom("session")
    .innerJoin("user", "user.id", "session.userId")
    .select(["session.userId", "session.expiresAt", "user.email"])
    .where("session.token", "=", token)
    .executeTakeFirst();
  if (!rad || new Date(rad.expiresAt as unknown as string) <= new Date()) return null;
  return { user: { id: rad.userId, email: rad.email } };
}
