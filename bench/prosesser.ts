import { readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";

/**
 * Shared by the benchmarks: the server's processes (the cluster's primary and its workers), their
 * CPU time and their memory, read from /proc, so a figure holds for the app and not the load
 * generator on the same machine; and one wrk run measured that way.
 */
const TIKK_MS = 1000 / Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim() || 100);

/** The process and its children (the cluster's workers), recursively. */
export function prosesstre(pid: number): number[] {
  const barn = spawnSync("pgrep", ["-P", String(pid)], { encoding: "utf8" }).stdout.split("\n").filter(Boolean).map(Number);
  return [pid, ...barn.flatMap(prosesstre)];
}

/** User + system CPU time of these processes so far, in milliseconds. */
export function cpuMs(pider: number[]): number {
  let sum = 0;
  for (const pid of pider) {
    try {
      const felt = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      sum += (Number(felt[11]) + Number(felt[12])) * TIKK_MS;
    } catch {}
  }
  return sum;
}

/** Resident memory of one process, in MB. */
export function rssMb(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]) / 1024;
}

export type WrkMaling = { antall: number; rps: number; p99ms: number; cpuMsPerForesporsel: number };

/**
 * wrk with 50 connections on `url` for `sekunder`, and the CPU time every process under `pid` used
 * meanwhile, per answer. Throws on an error or any answer that is not 2xx/3xx.
 */
export function wrk(url: string, pid: number, { sekunder, hoder = [] }: { sekunder: string; hoder?: string[] }): WrkMaling {
  const pider = prosesstre(pid);
  const for_ = cpuMs(pider);
  const r = spawnSync("wrk", ["-t2", "-c50", `-d${sekunder}s`, "--timeout", "20s", "--latency", ...hoder.flatMap((h) => ["-H", h]), url], { encoding: "utf8" });
  const etter = cpuMs(pider);
  if (r.status !== 0) throw new Error(r.stderr);
  const ikke2xx = /Non-2xx or 3xx responses: (\d+)/.exec(r.stdout);
  if (ikke2xx) throw new Error(`${ikke2xx[1]} svar var ikke 2xx/3xx fra ${url}`);
  const antall = Number(/(\d+) requests in/.exec(r.stdout)?.[1]);
  const p99 = /\s99%\s+([\d.]+)(us|ms|s)/.exec(r.stdout);
  return {
    antall,
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(r.stdout)?.[1]),
    p99ms: p99 ? Number(p99[1]) * (p99[2] === "us" ? 0.001 : p99[2] === "s" ? 1000 : 1) : NaN,
    cpuMsPerForesporsel: (etter - for_) / antall,
  };
}
