import { readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";

/**
 * Shared by the benchmarks: the server's processes (the cluster's primary and its workers), their
 * CPU time and their memory, read from /proc, so a figure holds for the app and not the load
 * generator on the same machine.
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
