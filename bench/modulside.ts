import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { tmpdir, cpus, totalmem } from "node:os";
import path from "node:path";

/**
 * `npm run bench`: the public module page from the production build at 50 connections, and in the
 * same run the same HTML as a static file served by nginx. Prints requests/s, p99 and the ratio,
 * plus start-up time and RSS under load. Load comes from wrk on the same 2-core machine.
 * Figures and the machine are recorded in docs/benchmarks.md.
 */
const STI = process.env.BENCH_STI ?? "/moduler/psykososialt-barnehagemiljo";
const VARIGHET = process.env.BENCH_SEKUNDER ?? "10";
const APP_PORT = 3300;
const NGINX_PORT = 3301;

function installerVedBehov(program: string, pakke: string) {
  if (spawnSync("which", [program]).status === 0) return;
  console.log(`Installerer ${pakke} fra Debian …`);
  const r = spawnSync("bash", ["-c", `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${pakke}`], { stdio: "inherit" });
  if (r.status !== 0) throw new Error(`Fikk ikke installert ${pakke}`);
}

type Resultat = { rps: number; p99ms: number; overfort: string };
function wrk(url: string, hoder: string[] = []): Resultat {
  const args = ["-t2", "-c50", `-d${VARIGHET}s`, "--latency", ...hoder.flatMap((h) => ["-H", h]), url];
  const r = spawnSync("wrk", args, { encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(r.stdout)?.[1]);
  const p99 = /\s99%\s+([\d.]+)(us|ms|s)/.exec(r.stdout);
  const p99ms = p99 ? Number(p99[1]) * (p99[2] === "us" ? 0.001 : p99[2] === "s" ? 1000 : 1) : NaN;
  const ikke2xx = /Non-2xx or 3xx responses: (\d+)/.exec(r.stdout);
  if (ikke2xx) throw new Error(`${ikke2xx[1]} svar var ikke 2xx/3xx fra ${url}`);
  return { rps, p99ms, overfort: /Transfer\/sec:\s+(\S+)/.exec(r.stdout)?.[1] ?? "?" };
}

async function ventPaa(url: string) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error(`${url} svarte ikke`);
}

installerVedBehov("wrk", "wrk");
installerVedBehov("nginx", "nginx");
if (!existsSync("build/server/index.js")) spawnSync("npm", ["run", "build"], { stdio: "inherit" });

const mappe = mkdtempSync(path.join(tmpdir(), "samla-bench-"));
let app: ChildProcess | undefined;
let nginx: ChildProcess | undefined;
const rydd = () => {
  app?.kill("SIGTERM");
  nginx?.kill("SIGQUIT");
};
process.on("exit", rydd);

try {
  const start = performance.now();
  app = spawn(process.execPath, ["server/main.ts"], {
    env: { ...process.env, PORT: String(APP_PORT), BASE_URL: `http://localhost:${APP_PORT}`, DATA_DIR: path.join(mappe, "data"), NODE_ENV: "production", LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((ok, feil) => {
    app!.stdout!.on("data", (d: Buffer) => d.toString().includes('"klar"') && ok());
    app!.on("exit", (k) => feil(new Error(`appen stoppet (${k})`)));
  });
  const klarMs = Math.round(performance.now() - start);

  const html = await (await fetch(`http://localhost:${APP_PORT}${STI}`)).text();
  const www = path.join(mappe, "www");
  mkdirSync(path.join(www, path.dirname(STI)), { recursive: true });
  writeFileSync(path.join(www, STI), html);
  writeFileSync(path.join(www, `${STI}.gz`), gzipSync(html, { level: 9 }));
  writeFileSync(
    path.join(mappe, "nginx.conf"),
    `${process.getuid?.() === 0 ? "user root;" : ""} worker_processes auto; daemon off; pid ${mappe}/nginx.pid; error_log ${mappe}/error.log;
events { worker_connections 1024; }
http { access_log off; sendfile on; tcp_nopush on; default_type text/html; gzip_static on;
  server { listen 127.0.0.1:${NGINX_PORT}; root ${www}; location / { try_files $uri =404; } } }`,
  );
  nginx = spawn("nginx", ["-c", path.join(mappe, "nginx.conf"), "-p", mappe], { stdio: "inherit" });
  await ventPaa(`http://127.0.0.1:${NGINX_PORT}${STI}`);

  // Warm up both, then measure: first plain bytes (the same 'file' both ways), then compressed.
  wrk(`http://127.0.0.1:${APP_PORT}${STI}`);
  const appRen = wrk(`http://127.0.0.1:${APP_PORT}${STI}`);
  const nginxRen = wrk(`http://127.0.0.1:${NGINX_PORT}${STI}`);
  const appKomp = wrk(`http://127.0.0.1:${APP_PORT}${STI}`, ["Accept-Encoding: gzip"]);
  const nginxKomp = wrk(`http://127.0.0.1:${NGINX_PORT}${STI}`, ["Accept-Encoding: gzip"]);
  const rssMb = Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${app.pid}/status`, "utf8"))?.[1]) / 1024);

  const linje = (navn: string, r: Resultat) => `${navn.padEnd(34)} ${r.rps.toFixed(0).padStart(8)} req/s   p99 ${r.p99ms.toFixed(2).padStart(6)} ms   ${r.overfort}/s`;
  console.log(`\nSamla benchmark ${new Date().toISOString()}  ${cpus().length} kjerner (${cpus()[0]?.model}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  console.log(`Side: ${STI} (${(Buffer.byteLength(html) / 1024).toFixed(1)} KB HTML), 50 forbindelser, ${VARIGHET} s per måling, wrk -t2\n`);
  console.log(linje("Samla, ukomprimert", appRen));
  console.log(linje("nginx, statisk fil", nginxRen));
  console.log(linje("Samla, gzip (komprimert én gang)", appKomp));
  console.log(linje("nginx, gzip_static", nginxKomp));
  const andel = (appRen.rps / nginxRen.rps) * 100;
  console.log(`\nForhold Samla/nginx: ${andel.toFixed(0)} % ukomprimert, ${((appKomp.rps / nginxKomp.rps) * 100).toFixed(0)} % gzip`);
  console.log(`Budsjett: ≥ 25 % og p99 ≤ 20 ms → ${andel >= 25 && appRen.p99ms <= 20 ? "innenfor" : "UTENFOR"}`);
  console.log(`Klar etter start: ${klarMs} ms (budsjett ≤ 2000). RSS etter last: ${rssMb} MB (budsjett ≤ 200).`);
} finally {
  rydd();
}
