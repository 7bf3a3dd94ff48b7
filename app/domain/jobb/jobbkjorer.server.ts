import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import { logg, feilInfo } from "#app/logg.server.ts";
import { slippLeie, taLeie } from "./jobb.repo.server.ts";

/**
 * A small table-backed job runner (ADR 0031): periodic jobs whose locks live in the database, so
 * any number of app processes on one database can run it. Each tick, a process tries to take each
 * job's lease; the one that gets it runs the job, the others skip it. A process that dies holding
 * a lease blocks the job only until the lease runs out. The jobs themselves must be idempotent
 * (the reminders are: a unique key per reminder and a lease per mail), so a lease that runs out
 * in the middle of a slow run costs at most some repeated work, never a repeated mail.
 */
export type Jobb = {
  navn: string;
  /** Runs under the lease. `naa` is the runner's clock (tests control it). */
  kjor: (naa: Date) => Promise<void>;
};

export type Jobbkjorer = {
  /** This runner's id in the leases (one per process). */
  id: string;
  /** Runs each job whose lease this runner gets; resolves when all are done. */
  tikk: () => Promise<void>;
  /** Ticks every `intervallMs` until stopp() (the timer does not keep the process alive). */
  start: (intervallMs: number) => void;
  /** Stops the timer and waits for a tick under way. */
  stopp: () => Promise<void>;
};

export function lagJobbkjorer(o: { db: Kysely<Database>; jobber: Jobb[]; leieMs?: number; naa?: () => Date; id?: string }): Jobbkjorer {
  const id = o.id ?? randomUUID();
  const leieMs = o.leieMs ?? 5 * 60_000;
  const naa = o.naa ?? (() => new Date());
  let timer: ReturnType<typeof setInterval> | undefined;
  let igang: Promise<void> | undefined;

  async function kjorEn(jobb: Jobb) {
    if (!(await taLeie(o.db, jobb.navn, id, naa(), leieMs))) return;
    let fullfort = false;
    try {
      await jobb.kjor(naa());
      fullfort = true;
    } catch (feil) {
      logg.error("jobb_feilet", { jobb: jobb.navn, ...feilInfo(feil) });
    } finally {
      await slippLeie(o.db, jobb.navn, id, naa(), fullfort).catch((feil) => logg.error("jobb_slipp_feilet", { jobb: jobb.navn, ...feilInfo(feil) }));
    }
  }

  async function tikk() {
    for (const jobb of o.jobber) {
      try {
        await kjorEn(jobb);
      } catch (feil) {
        // The database may be briefly unavailable; the next tick tries again.
        logg.warn("jobb_leie_feilet", { jobb: jobb.navn, ...feilInfo(feil) });
      }
    }
  }

  return {
    id,
    tikk,
    start(intervallMs) {
      if (timer) return;
      timer = setInterval(() => {
        if (igang) return; // a slow tick is never overtaken by the next
        igang = tikk().finally(() => (igang = undefined));
      }, intervallMs);
      timer.unref();
    },
    async stopp() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await igang;
    },
  };
}
