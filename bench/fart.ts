import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { lagTeamOppsett } from "./team-oppsett.ts";
import { prosesstre, rssMb, wrk, type WrkMaling } from "./prosesser.ts";
import { startKommando } from "../scripts/start-kommando.ts";

/**
 * `npm run bench:fart` (issue 16): in one run, CPU milliseconds per request and req/s for
 * nginx (the team module page's HTML as a file), a bare node:http server with the same bytes,
 * the public module page, the signed-in team module page, /start, the leader dashboard and the
 * projector poll; RSS per process after the signed-in load, and the time from start to the
 * first answer. The app runs as `npm start` runs it (package.json's start script: build/node/server/main.js
 * and its memory settings). CPU time is read from /proc for every server process (the primary and its
 * workers) before and after each wrk run, so it holds up on a shared machine better than req/s.
 * WORKERS is passed on to the app (unset: the app's default). Figures go in docs/benchmarks.md.
 */
const VARIGHET = process.env.BENCH_SEKUNDER ?? "8";
const PORT = Number(process.env.BENCH_PORT ?? 5111);
const BASE = `http://localhost:${PORT}`;
const NGINX_PORT = PORT + 1;
const NODE_PORT = PORT + 2;

if (spawnSync("which", ["wrk"]).status !== 0) throw new Error("wrk mangler (apt-get install wrk)");
if (!existsSync("build/server/index.js") || !existsSync("build/node/server/main.js")) spawnSync("npm", ["run", "build"], { stdio: "inherit" });
// The app is started as `npm start` starts it (package.json): the same file and the same memory
// settings (MALLOC_ARENA_MAX, NODE_OPTIONS; issue 16), with the caller's own winning as there.
const { fil: appFil, env: appEnv } = startKommando();
const harNginx = spawnSync("which", ["nginx"]).status === 0;

const mappe = mkdtempSync(path.join(tmpdir(), "samla-bench-fart-"));
const prosesser: ChildProcess[] = [];
const rydd = () => {
  for (const p of prosesser) p.kill(p.spawnfile === "nginx" ? "SIGQUIT" : "SIGTERM");
};
process.on("exit", rydd);

type Maling = WrkMaling & { navn: string };
const maal = (navn: string, url: string, pid: number, hoder: string[] = []): Maling => ({ navn, ...wrk(url, pid, { sekunder: VARIGHET, hoder }) });

async function ventPaa(url: string, hver = 100) {
  for (let i = 0; i < 20_000 / hver; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((ok) => setTimeout(ok, hver));
  }
  throw new Error(`${url} svarte ikke`);
}

const lastFor = loadavg();
try {
  const startet = performance.now();
  const app = spawn(process.execPath, [appFil], {
    env: { ...process.env, ...appEnv, PORT: String(PORT), BASE_URL: BASE, DATA_DIR: path.join(mappe, "data"), NODE_ENV: "production", LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  prosesser.push(app);
  await ventPaa(`${BASE}/helse`, 10);
  const forsteSvarMs = Math.round(performance.now() - startet);

  const o = await lagTeamOppsett(BASE, mappe);
  const teamHtml = await (await fetch(`${BASE}${o.modulSide}`, { headers: { Cookie: o.forste.kake } })).text();
  const dashbord = `${BASE}/barnehage/${o.barnehage}/fremdrift`;
  const poll = `${BASE}/samling-versjon/${o.samlinger[0]}`;
  const etag = (await fetch(poll)).headers.get("etag")!;

  // The same bytes from nginx and from a bare node:http server: the floor of each.
  const malinger: Maling[] = [];
  if (harNginx) {
    const www = path.join(mappe, "www");
    mkdirSync(www, { recursive: true });
    writeFileSync(path.join(www, "side.html"), teamHtml);
    writeFileSync(
      path.join(mappe, "nginx.conf"),
      `${process.getuid?.() === 0 ? "user root;" : ""} worker_processes auto; daemon off; pid ${mappe}/nginx.pid; error_log ${mappe}/error.log;
events { worker_connections 1024; }
http { access_log off; sendfile on; tcp_nopush on; default_type text/html;
  server { listen 127.0.0.1:${NGINX_PORT}; root ${www}; location / { try_files $uri =404; } } }`,
    );
    const nginx = spawn("nginx", ["-c", path.join(mappe, "nginx.conf"), "-p", mappe], { stdio: "inherit" });
    prosesser.push(nginx);
    await ventPaa(`http://127.0.0.1:${NGINX_PORT}/side.html`);
    malinger.push(maal("nginx, samme HTML som fil", `http://127.0.0.1:${NGINX_PORT}/side.html`, nginx.pid!));
  }
  writeFileSync(path.join(mappe, "side.html"), teamHtml);
  const bar = spawn(
    process.execPath,
    ["-e", `const b=require("fs").readFileSync(${JSON.stringify(path.join(mappe, "side.html"))});require("http").createServer((q,s)=>{s.writeHead(200,{"Content-Type":"text/html; charset=utf-8","Content-Length":b.length});s.end(b)}).listen(${NODE_PORT},"127.0.0.1")`],
    { stdio: "inherit" },
  );
  prosesser.push(bar);
  await ventPaa(`http://127.0.0.1:${NODE_PORT}/`);
  malinger.push(maal("bar node:http, ferdig buffer", `http://127.0.0.1:${NODE_PORT}/`, bar.pid!));
  bar.kill("SIGTERM");

  const pid = app.pid!;
  const kake = `Cookie: ${o.forste.kake}`;
  // Warm up the signed-in paths once (JIT, statement caches), then measure.
  maal("oppvarming", `${BASE}${o.modulSide}`, pid, [kake]);
  malinger.push(maal("offentlig modulside (sidebuffer)", `${BASE}/moduler/psykososialt-barnehagemiljo`, pid));
  malinger.push(maal("teamets modulside, innlogget", `${BASE}${o.modulSide}`, pid, [kake]));
  malinger.push(maal("/start, innlogget", `${BASE}/start`, pid, [kake]));
  malinger.push(maal("lederdashbord (fremdrift)", dashbord, pid, [`Cookie: ${o.leder.kake}`]));
  malinger.push(maal("projektorpoll (304)", poll, pid, [`If-None-Match: ${etag}`]));
  let innlogget = malinger.filter((m) => /innlogget|dashbord/.test(m.navn)).reduce((s, m) => s + m.antall, 0);
  // RSS is read after at least 10,000 signed-in requests (issue 16): on a slow or busy machine the
  // rows above may have fewer, so the team module page (signed in) is loaded again, outside the table.
  while (innlogget < 10_000) innlogget += maal("ekstra innlogget last", `${BASE}${o.modulSide}`, pid, [kake]).antall;
  const rss = prosesstre(pid).map((p) => Math.round(rssMb(p)));

  const lastEtter = loadavg();
  const tall = (n: number, d = 0) => n.toLocaleString("nb-NO", { maximumFractionDigits: d, minimumFractionDigits: d });
  console.log(`\nSamla, issue 16: ${new Date().toISOString()}, ${cpus().length} kjerner, Node ${process.version}, WORKERS=${process.env.WORKERS ?? "(standard)"}`);
  console.log(`wrk -t2 -c50 -d${VARIGHET}s på samme maskin. Lastsnitt før ${lastFor.map((l) => l.toFixed(2)).join(" ")}, etter ${lastEtter.map((l) => l.toFixed(2)).join(" ")}`);
  console.log(`Teamets modulside: ${(teamHtml.length / 1024).toFixed(1)} KB HTML${harNginx ? "" : "; nginx er ikke installert (ingen nginx-måling)"}\n`);
  console.log(`| side | CPU-ms per forespørsel | req/s | p99 |\n|---|---:|---:|---:|`);
  for (const m of malinger) console.log(`| ${m.navn} | ${tall(m.cpuMsPerForesporsel, 3)} | ${tall(m.rps)} | ${tall(m.p99ms, 1)} ms |`);
  console.log(`\nRSS per prosess etter ${tall(innlogget)} innloggede forespørsler: ${rss.join(", ")} MB (primær først)`);
  console.log(`Første svar (/helse) etter start: ${forsteSvarMs} ms`);
} finally {
  rydd();
}
