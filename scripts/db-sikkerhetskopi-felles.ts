import { execFileSync } from "node:child_process";

/** What a Samla backup folder holds (manifest.json), written by db-backup and read by db-restore. */
export type Manifest = {
  format: "samla-sikkerhetskopi-1";
  laget: string;
  database: "sqlite" | "postgres";
  /** The database file or dump inside the backup folder. */
  fil: "samla.sqlite" | "samla.dump";
  /** True when the data folder's .auth-secret is in the backup (AUTH_SECRET was not set). */
  authSecret: boolean;
};

export const MANIFEST = "manifest.json";
export const AUTH_SECRET_FIL = ".auth-secret";

/** True when a command from PostgreSQL's client tools (pg_dump, pg_restore) is on PATH. */
export function harProgram(navn: string): boolean {
  try {
    execFileSync(navn, ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** The PostgreSQL URL without its password, for messages. */
export function utenPassord(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(ugyldig DATABASE_URL)";
  }
}

export function feil(melding: string): never {
  console.error(melding);
  process.exit(1);
}
