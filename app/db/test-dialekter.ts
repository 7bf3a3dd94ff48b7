import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import pg from "pg";

/** Which databases the repository and domain tests run on (see test-databaser.ts). No Vitest import: the global set-up reads it too. */
export type Dialekt = "sqlite" | "pglite" | "postgres";

export const DIALEKTER: Dialekt[] = process.env.TEST_DATABASE_URL ? ["sqlite", "postgres"] : ["sqlite", "pglite"];

/**
 * Where test databases live: a RAM disk where there is one (fsync there costs nothing, and the
 * tests keep the app's own WAL + synchronous=FULL settings), else the system's temp folder.
 */
export function testMappe(): string {
  return existsSync("/dev/shm") ? "/dev/shm" : tmpdir();
}


/** One statement on the PostgreSQL server as its administrator (create or drop a test database). */
export async function adminSporring(url: string, sporring: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(sporring);
  } finally {
    await admin.end();
  }
}
