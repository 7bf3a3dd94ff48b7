import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { lagTeamOppsett } from "./team-oppsett.ts";
import { prosesstre, rssMb, wrk } from "./prosesser.ts";
import { startKommando } from "../scripts/start-kommando.ts";

/**
 * `npm run bench:team`: the budgets of issue 5 and issue 16, on the production build with SQLite and
 * `npm start`'s defaults (one app process per core, WORKERS to choose).
 * The app runs as `npm start` runs it (scripts/start-kommando.ts).
 * 1. The signed-in team module page and /start (both on the fast path, ADR 0033) at 50 connections
 *    with wrk: req/s, p99 and CPU milliseconds per request for all app processes together
 *    (budget ≥ 2,000 req/s, p99 ≤ 50 ms, ≤ 1 CPU-ms).
 * 2. RSS per process after at least 10,000 signed-in requests (budget ≤ 200 MB), and the time from
 *    start to the first answer (budget ≤ 2 s).
 * 3. The leader dashboard for a barnehage of 30 staff in 3 teams, sequential requests, server time
 *    from the request leaving to the last byte on localhost (≤ 20 ms).
 * Everything is made through the app's own forms; samlinger and practice tasks are inserted into the
 * database. Figures go in docs/benchmarks.md, with the load average printed here.
 */
const VARIGHET = process.env.BENCH_SEKUNDER ?? "10";
const PORT = Number(process.env.BENCH_PORT ?? 3310);
const BASE = `http://localhost:${PORT}`;
const MIN_INNLOGGET = 10_000;

if (spawnSync("which", ["wrk"]).status !== 0) throw new Error("wrk mangler (apt-get install wrk)");
if (!existsSync("build/server/index.js") || !existsSync("build/node/server/main.js")) spawnSync("npm", ["run", "build"], { stdio: "inherit" });

const mappe = mkdtempSync(path.join(tmpdir(), "samla-bench-team-"));
let app: ChildProcess | undefined;
process.on("exit", () => app?.kill("SIGTERM"));

const last = (url: string, kake: string, pid: number, sekunder = VARIGHET) => wrk(url, pid, { sekunder, hoder: [`Cookie: ${kake}`] });

const tall = (n: number, d = 0) => n.toLocaleString("nb-NO", { maximumFractionDigits: d, minimumFractionDigits: d });

try {
  const lastFor = loadavg();
  const startet = performance.now();
  // BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", to profile the app under the load.
  // As `npm start` starts it: the built server and its memory settings (scripts/start-kommando.ts).
  const { fil, env } = startKommando();
  app = spawn(process.execPath, [...(process.env.BENCH_NODE_ARGS?.split(" ").filter(Boolean) ?? []), fil], {
    env: { ...process.env, ...env, PORT: String(PORT), BASE_URL: BASE, DATA_DIR: path.join(mappe, "data"), NODE_ENV: "production", LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  let forsteSvarMs = NaN;
  for (let i = 0; i < 4000 && Number.isNaN(forsteSvarMs); i++) {
    try {
      if ((await fetch(`${BASE}/helse`)).ok) forsteSvarMs = performance.now() - startet;
    } catch {
      await new Promise((ok) => setTimeout(ok, 5));
    }
  }
  if (Number.isNaN(forsteSvarMs)) throw new Error("appen svarte ikke");
  const pid = app.pid!;

  const { barnehage, leder, forste, modulSide } = await lagTeamOppsett(BASE, mappe);
  for (const sti of [modulSide, "/start"]) {
    const side = await fetch(`${BASE}${sti}`, { headers: { Cookie: forste!.kake } });
    if (side.status !== 200) throw new Error(`${sti} svarte ${side.status}`);
    await side.text();
  }
  console.log(`\nSamla, bench:team: ${new Date().toISOString()}, ${cpus().length} kjerner, Node ${process.version}, WORKERS=${process.env.WORKERS ?? "(standard)"}, ${prosesstre(pid).length - 1 || 1} app-prosess(er)`);
  console.log(`wrk -t2 -c50 -d${VARIGHET}s på samme maskin. Lastsnitt før start ${lastFor.map((l) => l.toFixed(2)).join(" ")}`);

  // Warm up both pages once (JIT, statement caches; each worker renders each state once through
  // React Router before the fast path has it), then measure.
  let innlogget = 0;
  for (const sti of [modulSide, "/start"]) innlogget += last(`${BASE}${sti}`, forste!.kake, pid, "2").antall;
  const modul = last(`${BASE}${modulSide}`, forste!.kake, pid);
  const start = last(`${BASE}/start`, forste!.kake, pid);
  innlogget += modul.antall + start.antall;
  console.log(`\n| side | req/s | p99 | CPU-ms per forespørsel |\n|---|---:|---:|---:|`);
  console.log(`| teamets modulside, innlogget | ${tall(modul.rps)} | ${tall(modul.p99ms, 1)} ms | ${tall(modul.cpuMsPerForesporsel, 3)} |`);
  console.log(`| /start, innlogget | ${tall(start.rps)} | ${tall(start.p99ms, 1)} ms | ${tall(start.cpuMsPerForesporsel, 3)} |`);
  console.log(`(budsjett ≥ 2 000 req/s, p99 ≤ 50 ms, ≤ 1 CPU-ms)`);

  const dashbord = `${BASE}/barnehage/${barnehage}/fremdrift`;
  const tider: number[] = [];
  for (let i = 0; i < 220; i++) {
    const t0 = performance.now();
    const svar = await fetch(dashbord, { headers: { Cookie: leder.kake } });
    await svar.arrayBuffer();
    if (svar.status !== 200) throw new Error(`dashbordet svarte ${svar.status}`);
    if (i >= 20) tider.push(performance.now() - t0);
  }
  innlogget += tider.length + 20;
  tider.sort((a, b) => a - b);
  const p = (q: number) => tider[Math.floor(q * (tider.length - 1))]!.toFixed(1);
  console.log(`\nLederdashbord, 30 ansatte i 3 team: median ${p(0.5)} ms, p95 ${p(0.95)} ms, p99 ${p(0.99)} ms (budsjett ≤ 20 ms)`);

  // At least 10,000 signed-in requests before RSS is read (the wrk runs above usually have more).
  while (innlogget < MIN_INNLOGGET) innlogget += last(`${BASE}/start`, forste!.kake, pid, "2").antall;
  const rss = prosesstre(pid).map((p) => Math.round(rssMb(p)));
  console.log(`RSS per prosess etter ${tall(innlogget)} innloggede forespørsler: ${rss.join(", ")} MB${rss.length > 1 ? " (primær først)" : ""} (budsjett ≤ 200 MB)`);
  console.log(`Første svar (/helse) etter start: ${Math.round(forsteSvarMs)} ms (budsjett ≤ 2 000 ms)`);
  console.log(`Lastsnitt etter: ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
} finally {
  app?.kill("SIGTERM");
}
