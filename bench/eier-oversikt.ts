import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import type { Insertable } from "kysely";
import { lagDb } from "../app/db/db.server.ts";
import { barnehagerForEier, resultaterForEier } from "../app/domain/eier/eier.server.ts";
import type { Database } from "../app/db/skjema.ts";
import { slaaPaaTofaktor } from "./felles.ts";

/**
 * `npm run bench:eier`: server time for the owner's overview (`/eier/:eierId`) with 500 linked
 * barnehager (budget ≤ 200 ms, ../shared/DESIGN.md). Runs the production build on SQLite (or on
 * PostgreSQL with BENCH_DATABASE_URL), signs in through the app's own form, seeds 500 barnehager
 * with 20 members and 3 teams each straight into the database, and times sequential requests
 * (one at a time, so the figure is the server's time for one page, not queueing under load).
 * Figures are recorded in docs/benchmarks.md.
 */
const PORT = 3320;
const BASE = `http://localhost:${PORT}`;
const BARNEHAGER = Number(process.env.BENCH_BARNEHAGER ?? 500);
const MEDLEMMER = 20;
const TEAM = 3;
const MAALINGER = Number(process.env.BENCH_MAALINGER ?? 50);

if (!existsSync("build/server/index.js")) spawnSync("npm", ["run", "build"], { stdio: "inherit" });
const mappe = mkdtempSync(path.join(tmpdir(), "samla-bench-eier-"));
const dataDir = path.join(mappe, "data");
const databaseUrl = process.env.BENCH_DATABASE_URL;

let app: ChildProcess | undefined;
process.on("exit", () => app?.kill("SIGTERM"));

app = spawn(process.execPath, ["server/main.ts"], {
  env: {
    ...process.env,
    PORT: String(PORT),
    BASE_URL: BASE,
    DATA_DIR: dataDir,
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  },
  stdio: ["ignore", "pipe", "inherit"],
});
await new Promise<void>((ok, feil) => {
  app!.stdout!.on("data", (d: Buffer) => d.toString().includes('"klar"') && ok());
  app!.on("exit", (k) => feil(new Error(`appen stoppet (${k})`)));
});

// Sign up through the app's own form and create the owner through its page.
const registrert = await fetch(`${BASE}/registrer`, {
  method: "POST",
  headers: { Origin: BASE, "Content-Type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams({ navn: "Bench Eier", epost: `bench.${Date.now()}@example.no`, passord: "et godt langt passord" }),
  redirect: "manual",
});
let cookie = registrert.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
// An eier must have two-factor sign-in (ADR 0013).
cookie = await slaaPaaTofaktor(BASE, cookie, "et godt langt passord");
const ny = await fetch(`${BASE}/eier/ny`, {
  method: "POST",
  headers: { Origin: BASE, Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams({ navn: "Bench kommune" }),
  redirect: "manual",
});
const eierId = /\/eier\/([^/?]+)$/.exec(ny.headers.get("location") ?? "")?.[1];
if (!eierId) throw new Error(`Fikk ikke opprettet eieren (${ny.status})`);

// Seed straight into the same database (SQLite in WAL mode takes a second writer process).
const db = lagDb(databaseUrl ? { type: "postgres", url: databaseUrl } : { type: "sqlite", fil: path.join(dataDir, "samla.sqlite") });
const naa = new Date();
const seedStart = performance.now();
for (let start = 0; start < BARNEHAGER; start += 25) {
  const orgs: Insertable<Database["organization"]>[] = [];
  const brukere: Insertable<Database["user"]>[] = [];
  const medlemmer: Insertable<Database["member"]>[] = [];
  const team: Insertable<Database["team"]>[] = [];
  const koblinger: Insertable<Database["eier_barnehage"]>[] = [];
  for (let i = start; i < Math.min(start + 25, BARNEHAGER); i++) {
    const id = randomUUID();
    orgs.push({ id, name: `Barnehage ${String(i).padStart(3, "0")}`, slug: `bench-${id}`, logo: null, createdAt: naa, metadata: null, orgnummer: null });
    koblinger.push({ organizationId: id, eierId, tilknyttet: naa });
    for (let j = 0; j < MEDLEMMER; j++) {
      const userId = randomUUID();
      brukere.push({ id: userId, name: `Ansatt ${i}-${j}`, email: `${userId}@example.no`, emailVerified: false, image: null, createdAt: naa, updatedAt: naa, maalform: null });
      medlemmer.push({ id: randomUUID(), organizationId: id, userId, role: j === 0 ? "styrer" : "ansatt", createdAt: naa });
    }
    for (let j = 0; j < TEAM; j++) team.push({ id: randomUUID(), organizationId: id, navn: `Team ${j}`, opprettet: naa });
  }
  await db.transaction().execute(async (trx) => {
    await trx.insertInto("organization").values(orgs).execute();
    for (let k = 0; k < brukere.length; k += 100) await trx.insertInto("user").values(brukere.slice(k, k + 100)).execute();
    for (let k = 0; k < medlemmer.length; k += 100) await trx.insertInto("member").values(medlemmer.slice(k, k + 100)).execute();
    await trx.insertInto("team").values(team).execute();
    await trx.insertInto("eier_barnehage").values(koblinger).execute();
  });
}
const seedMs = Math.round(performance.now() - seedStart);
// The use case alone, in this process: how much of the page is the database.
const sporring: number[] = [];
for (let i = 0; i < 5 + MAALINGER; i++) {
  const t0 = performance.now();
  const rader = await barnehagerForEier(db, eierId);
  if (rader.length !== BARNEHAGER) throw new Error(`Fant ${rader.length} barnehager`);
  if (i >= 5) sporring.push(performance.now() - t0);
}
// The results (progress per barnehage, ståsted, module feedback) alone, in this process.
const resultatSporring: number[] = [];
for (let i = 0; i < 2 + Math.min(MAALINGER, 20); i++) {
  const t0 = performance.now();
  const r = await resultaterForEier(db, eierId);
  if (r.barnehager.length !== BARNEHAGER) throw new Error(`Fant ${r.barnehager.length} barnehager i resultatene`);
  if (i >= 2) resultatSporring.push(performance.now() - t0);
}
await db.destroy();

async function hent(): Promise<number> {
  const t0 = performance.now();
  const r = await fetch(`${BASE}/eier/${eierId}`, { headers: { Cookie: cookie } });
  const html = await r.text();
  const ms = performance.now() - t0;
  if (r.status !== 200 || !html.includes(`Barnehage ${String(BARNEHAGER - 1).padStart(3, "0")}`)) throw new Error(`Uventet svar ${r.status}`);
  return ms;
}

// A small signed-in page, for comparison: what any page costs on this machine right now.
async function hentStart(): Promise<number> {
  const t0 = performance.now();
  const r = await fetch(`${BASE}/start`, { headers: { Cookie: cookie } });
  await r.text();
  if (r.status !== 200) throw new Error(`Uventet svar ${r.status} fra /start`);
  return performance.now() - t0;
}
const start: number[] = [];
for (let i = 0; i < 5 + MAALINGER; i++) {
  const ms = await hentStart();
  if (i >= 5) start.push(ms);
}

for (let i = 0; i < 5; i++) await hent(); // warm-up
const storrelse = (await (await fetch(`${BASE}/eier/${eierId}`, { headers: { Cookie: cookie } })).text()).length;
const tider: number[] = [];
for (let i = 0; i < MAALINGER; i++) tider.push(await hent());
// The owner's results page: fewer requests, it is the heavier page.
async function hentResultater(): Promise<number> {
  const t0 = performance.now();
  const r = await fetch(`${BASE}/eier/${eierId}/resultater`, { headers: { Cookie: cookie } });
  const html = await r.text();
  if (r.status !== 200 || !html.includes(`Barnehage ${String(BARNEHAGER - 1).padStart(3, "0")}`)) throw new Error(`Uventet svar ${r.status} fra resultatene`);
  return performance.now() - t0;
}
for (let i = 0; i < 2; i++) await hentResultater();
const resultater: number[] = [];
for (let i = 0; i < Math.min(MAALINGER, 20); i++) resultater.push(await hentResultater());
const pst = (p: number, liste = tider) => {
  const sortert = [...liste].sort((x, y) => x - y);
  return sortert[Math.min(sortert.length - 1, Math.floor((p / 100) * sortert.length))]!;
};
const f = (ms: number) => `${ms.toFixed(1)} ms`;
console.log(`Eieroversikten, ${BARNEHAGER} barnehager (${BARNEHAGER * MEDLEMMER} medlemmer, ${BARNEHAGER * TEAM} team), ${databaseUrl ? "PostgreSQL" : "SQLite"}:`);
console.log(`  frø lagt inn på ${seedMs} ms; ${MAALINGER} forespørsler etter hverandre`);
console.log(`  HTML: ${Math.round(storrelse / 1024)} KB`);
console.log(`  hele sida (HTTP): median ${f(pst(50))}, p95 ${f(pst(95))}, maks ${f(pst(100))} (budsjett ≤ 200 ms)`);
console.log(`  til sammenligning /start: median ${f(pst(50, start))}, p95 ${f(pst(95, start))}`);
console.log(`  barnehagerForEier alene: median ${f(pst(50, sporring))}, p95 ${f(pst(95, sporring))}`);
console.log(`  resultatsida /eier/:id/resultater (HTTP): median ${f(pst(50, resultater))}, p95 ${f(pst(95, resultater))} (budsjett ≤ 200 ms)`);
console.log(`  resultaterForEier alene: median ${f(pst(50, resultatSporring))}, p95 ${f(pst(95, resultatSporring))}`);
app.kill("SIGTERM");
process.exit(pst(95) <= 200 ? 0 : 1);
