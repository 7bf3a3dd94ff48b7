import cluster from "node:cluster";
import { existsSync } from "node:fs";
import { enableCompileCache } from "node:module";
import path from "node:path";
import { availableParallelism } from "node:os";
import { getHeapStatistics } from "node:v8";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ServerBuild } from "react-router";

/**
 * `npm start`: serves the production build. Reads the environment (see .env.example), opens the
 * database, runs migrations, reads the content, then listens. SIGTERM/SIGINT finish the requests
 * under way, close the database and exit. With WORKERS above 1 (the default is one per core) this
 * process is the cluster's primary (server/klynge.ts) and each worker runs the rest of this file.
 */
const startet = performance.now();
// Node keeps compiled bytecode on disk; the second start is much faster (budget: ready ≤ 2 s).
enableCompileCache();
// From source (`node server/main.ts`) or from the build (`npm start`: build/node/server/main.js,
// plain JavaScript made by scripts/bygg-server.ts, so Node's type stripper is never loaded).
const rot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), import.meta.url.endsWith(".js") ? "../../.." : "..");
if (existsSync(path.join(rot, ".env"))) process.loadEnvFile(path.join(rot, ".env"));
// Before anything imports React: it picks its development or production build at load time.
process.env.NODE_ENV ??= "production";

if (cluster.isPrimary) {
  const { lesEnv, antallWorkers } = await import("../app/env.server.ts");
  let antall: number;
  try {
    antall = antallWorkers(lesEnv(process.env), availableParallelism());
  } catch (feil) {
    console.error(feil instanceof Error ? feil.message : String(feil));
    process.exit(1);
  }
  if (antall > 1) {
    (await import("./klynge.ts")).startKlynge(antall, startet);
  } else await startApp();
} else await startApp();

async function startApp() {
  const { lagServer, klientMappeFra } = await import("./app-server.ts");

  let build: ServerBuild;
  try {
    build = (await import(pathToFileURL(path.join(rot, "build/server/index.js")).href)) as ServerBuild;
  } catch {
    console.error("Fant ikke produksjonsbygget (build/server/index.js). Kjør `npm run build` først.");
    process.exit(1);
  }
  let app: Awaited<ReturnType<typeof lagServer>>;
  try {
    app = await lagServer(build, klientMappeFra(rot));
  } catch (feil) {
    // Storage failures (read-only, full disk) come with a message naming the data folder and what to do.
    console.error(feil instanceof Error ? feil.message : String(feil));
    process.exit(1);
  }

  const { PORT: port, HOST: host } = app.env;
  app.server.listen(port, host, () => {
    const ms = Math.round(performance.now() - startet);
    // Where the data is, so an operator knows which folder must stay writable and have free space.
    const data = app.env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : path.resolve(app.env.DATA_DIR);
    // The V8 heap limit in effect (NODE_OPTIONS from `npm start`, issue 16), so an operator sees the setting.
    const heapGrenseMb = Math.round(getHeapStatistics().heap_size_limit / 2 ** 20);
    console.log(JSON.stringify({ tid: new Date().toISOString(), niva: "info", hendelse: "klar", port, ms, data, heapGrenseMb, ...(cluster.isWorker ? { worker: cluster.worker!.id } : {}) }));
    // Reminders and other background jobs: leases in the database, so every process may run them (ADR 0031).
    app.startJobber();
    if (cluster.isWorker && cluster.worker!.id > 1) return;
    console.log(`Samla kjører på http://localhost:${port}. Data: ${data}${app.env.DATABASE_URL ? "" : " (må være skrivbar og ha ledig plass; /helse svarer 503 når den ikke er det)"}`);
  });

  let stopper = false;
  async function avslutt(signal: string) {
    if (stopper) return;
    stopper = true;
    console.log(JSON.stringify({ tid: new Date().toISOString(), niva: "info", hendelse: "stopper", signal }));
    const tidsfrist = setTimeout(() => process.exit(1), 10_000);
    tidsfrist.unref();
    app.server.close(async () => {
      await app.stopp();
      process.exit(0);
    });
    app.server.closeIdleConnections();
  }
  process.on("SIGTERM", () => void avslutt("SIGTERM"));
  process.on("SIGINT", () => void avslutt("SIGINT"));
  // A worker whose primary is gone (killed without passing on a signal) stops too.
  if (cluster.isWorker) process.on("disconnect", () => void avslutt("disconnect"));
}
