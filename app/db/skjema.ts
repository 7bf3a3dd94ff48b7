import type { ColumnType } from "kysely";

/**
 * Table types for Kysely. Timestamps are ISO strings on SQLite and Dates on PostgreSQL; read them
 * through dialekt.ts (somIso) in repositories, never in routes.
 */
type Tid = ColumnType<string | Date, string | Date, string | Date>;
type Bool = ColumnType<boolean | number, boolean, boolean>;

export interface BrukerTabell {
  id: string;
  name: string;
  email: string;
  emailVerified: Bool;
  image: string | null;
  createdAt: Tid;
  updatedAt: Tid;
  maalform: string | null;
}

export interface SesjonTabell {
  id: string;
  expiresAt: Tid;
  token: string;
  createdAt: Tid;
  updatedAt: Tid;
  ipAddress: string | null;
  userAgent: string | null;
  userId: string;
}

export interface Database {
  user: BrukerTabell;
  session: SesjonTabell;
}
