import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import autocannon from "autocannon";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { slaaPaaTofaktor } from "./felles.ts";

/**
 * `npm run bench:samling`: issue 12, point 5 (ADR 0026). What following a samling live costs the
 * server, on the production build with SQLite:
 * 1. CPU-ms per unchanged poll: `/samling-versjon/:id` with If-None-Match (304), at 50
 *    connections with autocannon; the server process's own CPU time (utime + stime from /proc) divided
 *    by the requests it answered (budget ≤ 0.2 ms).
 * 2. The same for a changed poll (200 with the ETag) and for the projector's page data after a
 *    change (the signed-in projector view, a full loader + render), to price a step change.
 * 3. An estimate of how many concurrent samlinger one process and one 2-core machine carry, and
 *    what the national peak (5,000 projectors + 100,000 phones polling every 3 s) needs.
 * The load generator runs on the same machine; its CPU is not counted. Figures go in docs/benchmarks.md.
 */
const VARIGHET = process.env.BENCH_SEKUNDER ?? "10";
const PORT = 3320;
const BASE = `http://localhost:${PORT}`;
const PASSORD = "et godt langt passord";

if (!existsSync("build/server/index.js")) spawnSync("npm", ["run", "build"], { stdio: "inherit" });

const mappe = mkdtempSync(path.join(tmpdir(), "samla-bench-samling-"));
let app: ChildProcess | undefined;
process.on("exit", () => app?.kill("SIGTERM"));

const cookie = (svar: Response) => svar.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
const post = (sti: string, form: Record<string, string>, kake = "") =>
  fetch(`${BASE}${sti}`, { method: "POST", body: new URLSearchParams(form), headers: { Origin: BASE, Cookie: kake }, redirect: "manual" });

/** The app process's CPU time so far, in ms (utime + stime; clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const felt = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  const ticks = Number(felt[11]) + Number(felt[12]);
  return ticks * 10;
}

async function last(url: string, hoder: Record<string, string>, tillatt: number) {
  const r = await autocannon({ url, connections: 50, duration: Number(VARIGHET), headers: hoder });
  const andre = Object.entries(r.statusCodeStats ?? {}).filter(([kode]) => Number(kode) !== tillatt);
  if (andre.length || r.errors) throw new Error(`uventede svar fra ${url}: ${JSON.stringify(r.statusCodeStats)}, ${r.errors} feil`);
  return { antall: r.requests.total, rps: r.requests.average, p99ms: r.latency.p99 };
}

/** One load run, with the server's CPU time per request. */
async function maal(navn: string, url: string, hoder: Record<string, string>, tillatt: number) {
  const foer = cpuMs(app!.pid!);
  const r = await last(url, hoder, tillatt);
  const cpu = (cpuMs(app!.pid!) - foer) / r.antall;
  console.log(`${navn}: ${Math.round(r.rps)} req/s, p99 ${r.p99ms.toFixed(1)} ms, server-CPU ${cpu.toFixed(3)} ms per forespørsel (${r.antall} forespørsler)`);
  return { ...r, cpu };
}

try {
  app = spawn(process.execPath, ["server/main.ts"], {
    env: { ...process.env, PORT: String(PORT), BASE_URL: BASE, DATA_DIR: path.join(mappe, "data"), NODE_ENV: "production", LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((ok, feil) => {
    app!.stdout!.on("data", (d: Buffer) => d.toString().includes('"klar"') && ok());
    app!.on("exit", (k) => feil(new Error(`appen stoppet (${k})`)));
  });

  // A styrer (two-factor on) with a barnehage, a team and one samling of module 3, started.
  const reg = await post("/registrer", { navn: "Bench Styrer", epost: `${randomUUID()}@example.no`, passord: PASSORD });
  const styrer = await slaaPaaTofaktor(BASE, cookie(reg), PASSORD);
  const ny = await post("/barnehage/ny", { navn: "Benchmark barnehage" }, styrer);
  const barnehage = /\/barnehage\/([^/?]+)$/.exec(ny.headers.get("location")!)![1]!;
  const team = /\/team\/([^/?]+)$/.exec((await post(`/barnehage/${barnehage}/team`, { intent: "opprett", navn: "Blåklokka" }, styrer)).headers.get("location")!)![1]!;
  const oslo = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Oslo", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date());
  const [dato, klokke] = oslo.split(" ") as [string, string];
  await post(`/barnehage/${barnehage}/team/${team}/plan`, { intent: "planlegg", dato, klokke, modulId: "m3", varighet: "" }, styrer);
  const samling = /\/samling\/([0-9a-f-]{36})/.exec(await (await fetch(`${BASE}/barnehage/${barnehage}/team/${team}/plan`, { headers: { Cookie: styrer } })).text())![1]!;
  const lederSti = `/barnehage/${barnehage}/samling/${samling}/leder`;
  const versjon = /name="versjon" value="(\d+)"/.exec(await (await fetch(`${BASE}${lederSti}`, { headers: { Cookie: styrer } })).text())![1]!;
  if ((await post(lederSti, { intent: "start", versjon, bekreft: "ja" }, styrer)).status !== 302) throw new Error("samlingen startet ikke");

  const versjonUrl = `${BASE}/samling-versjon/${samling}`;
  const forste = await fetch(versjonUrl);
  const etag = forste.headers.get("etag")!;
  if (forste.status !== 200 || !etag) throw new Error(`versjonssjekken svarte ${forste.status}`);
  if ((await fetch(versjonUrl, { headers: { "If-None-Match": etag } })).status !== 304) throw new Error("versjonssjekken svarte ikke 304");
  console.log(`Last før målingen: ${loadavg().map((x) => x.toFixed(2)).join(" ")} (1, 5, 15 min); 2 kjerner`);

  // Warm up, then measure.
  await last(versjonUrl, { "If-None-Match": etag }, 304);
  const uendret = await maal("Uendret (304)", versjonUrl, { "If-None-Match": etag }, 304);
  await maal("Endret (200 med ETag)", versjonUrl, { "If-None-Match": '"0.0"' }, 200);
  const vis = await maal("Storskjermens data etter en endring (/vis.data, innlogget)", `${BASE}/barnehage/${barnehage}/samling/${samling}/vis.data`, { Cookie: styrer }, 200);
  console.log(`Last etter målingen: ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);

  // The estimate: a samling = 1 projector + 20 phones (+ the presenter), polling every 3 s; the
  // presenter changes something every 30 s on average, and then all 22 reload their page data.
  const klienter = 22;
  const pollPerSek = klienter / 3;
  const endringPerSek = klienter / 30;
  const cpuPerSamling = pollPerSek * uendret.cpu + endringPerSek * vis.cpu; // ms CPU per second
  const perProsess = Math.floor(1000 / cpuPerSamling);
  console.log(`En samling (22 klienter, poll hvert 3. s, endring hvert 30. s): ${cpuPerSamling.toFixed(2)} ms CPU per sekund`);
  console.log(`Samlinger per prosess (én kjerne full): ${perProsess}; per maskin med 2 kjerner (to prosesser): ${perProsess * 2}`);
  const topp = (5000 + 100_000) / 3;
  console.log(`Nasjonal topp: ${Math.round(topp)} poll/s (5 000 projektorer + 100 000 telefoner hvert 3. s) = ${((topp * uendret.cpu) / 1000).toFixed(1)} kjerner bare til uendrede poll`);
} finally {
  app?.kill("SIGTERM");
}
