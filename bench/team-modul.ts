import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { lagTeamOppsett, SLUG } from "./team-oppsett.ts";

/**
 * `npm run bench:team`: issue 5's two budgets, on the production build with SQLite.
 * 1. The signed-in module page with the team's state, at 50 connections with wrk (≥ 2000 req/s).
 * 2. The leader dashboard for a barnehage of 30 staff in 3 teams, sequential requests, server time
 *    from the request leaving to the last byte on localhost (≤ 20 ms).
 * Everything is made through the app's own forms; samlinger and practice tasks (another branch's
 * pages) are inserted into the database. Figures go in docs/benchmarks.md.
 */
const VARIGHET = process.env.BENCH_SEKUNDER ?? "10";
const PORT = 3310;
const BASE = `http://localhost:${PORT}`;

if (spawnSync("which", ["wrk"]).status !== 0) throw new Error("wrk mangler (apt-get install wrk)");
if (!existsSync("build/server/index.js")) spawnSync("npm", ["run", "build"], { stdio: "inherit" });

const mappe = mkdtempSync(path.join(tmpdir(), "samla-bench-team-"));
let app: ChildProcess | undefined;
process.on("exit", () => app?.kill("SIGTERM"));

function wrk(url: string, kake: string) {
  const r = spawnSync("wrk", ["-t2", "-c50", `-d${VARIGHET}s`, "--latency", "-H", `Cookie: ${kake}`, url], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
  const ikke2xx = /Non-2xx or 3xx responses: (\d+)/.exec(r.stdout);
  if (ikke2xx) throw new Error(`${ikke2xx[1]} svar var ikke 2xx fra ${url}`);
  const p99 = /\s99%\s+([\d.]+)(us|ms|s)/.exec(r.stdout);
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(r.stdout)?.[1]),
    p99ms: p99 ? Number(p99[1]) * (p99[2] === "us" ? 0.001 : p99[2] === "s" ? 1000 : 1) : NaN,
  };
}

try {
  // BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", to profile the app under the load.
  app = spawn(process.execPath, [...(process.env.BENCH_NODE_ARGS?.split(" ").filter(Boolean) ?? []), "server/main.ts"], {
    env: { ...process.env, PORT: String(PORT), BASE_URL: BASE, DATA_DIR: path.join(mappe, "data"), NODE_ENV: "production", LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((ok, feil) => {
    app!.stdout!.on("data", (d: Buffer) => d.toString().includes('"klar"') && ok());
    app!.on("exit", (k) => feil(new Error(`appen stoppet (${k})`)));
  });

  const { barnehage, leder, forste, modulSide } = await lagTeamOppsett(BASE, mappe);
  const side = await fetch(`${BASE}${modulSide}`, { headers: { Cookie: forste!.kake } });
  if (side.status !== 200) throw new Error(`modulsida svarte ${side.status}`);
  const html = await side.text();
  console.log(`Modulside med teamets tilstand: ${(html.length / 1024).toFixed(1)} KB HTML`);

  const modul = wrk(`${BASE}${modulSide}`, forste!.kake);
  console.log(`Modulside med teamets tilstand: ${Math.round(modul.rps)} req/s, p99 ${modul.p99ms.toFixed(1)} ms (budsjett ≥ 2000 req/s)`);

  // The same signed-in person on the smallest signed-in page: what the session and layout cost alone.
  const start = wrk(`${BASE}/start`, forste!.kake);
  console.log(`/start til sammenligning: ${Math.round(start.rps)} req/s, p99 ${start.p99ms.toFixed(1)} ms`);

  const dashbord = `${BASE}/barnehage/${barnehage}/fremdrift`;
  const tider: number[] = [];
  for (let i = 0; i < 220; i++) {
    const t0 = performance.now();
    const svar = await fetch(dashbord, { headers: { Cookie: leder.kake } });
    await svar.arrayBuffer();
    if (svar.status !== 200) throw new Error(`dashbordet svarte ${svar.status}`);
    if (i >= 20) tider.push(performance.now() - t0);
  }
  tider.sort((a, b) => a - b);
  const p = (q: number) => tider[Math.floor(q * (tider.length - 1))]!.toFixed(1);
  console.log(`Lederdashbord, 30 ansatte i 3 team: median ${p(0.5)} ms, p95 ${p(0.95)} ms, p99 ${p(0.99)} ms (budsjett ≤ 20 ms)`);
  const rss = Number(/VmRSS:\s+(\d+)/.exec(spawnSync("cat", [`/proc/${app.pid}/status`], { encoding: "utf8" }).stdout)?.[1]) / 1024;
  console.log(`RSS etter lasten: ${Math.round(rss)} MB`);
} finally {
  app?.kill("SIGTERM");
}
