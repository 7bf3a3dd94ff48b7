import cluster, { type Worker } from "node:cluster";

/**
 * `npm start` with more than one app process (WORKERS, app/env.server.ts): the primary process
 * only starts, replaces and stops workers; it loads neither the build nor the database. Each
 * worker is a whole Samla (server/main.ts) listening on the same port, and they share nothing in
 * memory: sessions, limits and samling state are in the database, the content is read-only, and
 * the page cache is only a copy (docs/architecture.md). The kernel spreads connections over the
 * workers (SCHED_NONE), so the primary handles no traffic.
 *
 * The first worker starts alone: it runs the migrations and, without AUTH_SECRET, makes the
 * secret in DATA_DIR; the others start once it listens, so they find both ready. A worker that
 * stops before it ever listened (bad environment, no build, storage that cannot be written)
 * stops the whole app with its exit code, since a new one would fail the same way; one that
 * stops later is replaced.
 */
export function startKlynge(antall: number, startet: number) {
  cluster.schedulingPolicy = cluster.SCHED_NONE;
  let stopper = false;
  let klare = 0;
  const skriv = (niva: "info" | "warn", hendelse: string, felt: Record<string, unknown> = {}) =>
    console.log(JSON.stringify({ tid: new Date().toISOString(), niva, hendelse, ...felt }));

  function start(): Worker {
    const w = cluster.fork();
    let lytter = false;
    w.once("listening", () => {
      lytter = true;
      if (++klare === antall) skriv("info", "klynge_klar", { workers: antall, ms: Math.round(performance.now() - startet) });
    });
    w.once("exit", (kode, signal) => {
      if (stopper) return;
      if (!lytter) {
        // The worker has written why to stderr (as a single process does).
        stoppAlle("worker_startet_ikke", kode || 1);
        return;
      }
      klare--;
      skriv("warn", "worker_stoppet", { kode, signal });
      setTimeout(() => stopper || start(), 1000).unref();
    });
    return w;
  }

  function stoppAlle(grunn: string, kode = 0) {
    if (stopper) return;
    stopper = true;
    skriv("info", "stopper", { signal: grunn });
    const tidsfrist = setTimeout(() => process.exit(1), 12_000);
    tidsfrist.unref();
    const levende = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());
    if (levende.length === 0) process.exit(kode);
    let igjen = levende.length;
    for (const w of levende) {
      w.once("exit", () => --igjen === 0 && process.exit(kode));
      w.process.kill("SIGTERM");
    }
  }

  const forste = start();
  forste.once("listening", () => {
    for (let i = 1; i < antall; i++) start();
  });
  process.on("SIGTERM", () => stoppAlle("SIGTERM"));
  process.on("SIGINT", () => stoppAlle("SIGINT"));
}
