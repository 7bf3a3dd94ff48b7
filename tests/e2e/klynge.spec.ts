import { expect, test } from "@playwright/test";
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { unikEpost } from "./hjelpere.ts";
import { startKommando } from "../../scripts/start-kommando.ts";

/**
 * `npm start` with several app processes (issue 16, WORKERS, server/klynge.ts): the workers share
 * nothing in memory, so a session made in one holds in all of them; a worker that dies is
 * replaced; SIGTERM stops them all and the primary exits 0. Without AUTH_SECRET the first worker
 * makes the secret alone, so every worker signs with the same one.
 */
test("to app-prosesser: økten gjelder i begge, en død worker erstattes, SIGTERM stopper alt", async () => {
  test.skip(!!process.env.E2E_DATABASE_URL, "Gjelder den innebygde SQLite-databasen");
  test.setTimeout(120_000);
  const port = Number(process.env.E2E_PORT ?? 3100) + 98;
  const base = `http://localhost:${port}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), "samla-klynge-"));
  // As `npm start` runs it: the built server with its memory settings, which the workers inherit.
  const start = startKommando();
  const env: NodeJS.ProcessEnv = { ...process.env, ...start.env, PORT: String(port), BASE_URL: base, DATA_DIR: dataDir, NODE_ENV: "production", LOG_LEVEL: "warn", WORKERS: "2" };
  delete env.AUTH_SECRET;
  const app = spawn(process.execPath, [start.fil], { env, stdio: ["ignore", "pipe", "inherit"] });
  let logg = "";
  app.stdout!.on("data", (d: Buffer) => (logg += d.toString()));
  try {
    await expect.poll(() => logg, { timeout: 60_000 }).toContain('"klynge_klar"');
    const barn = () => execFileSync("pgrep", ["-P", String(app.pid)], { encoding: "utf8" }).split("\n").filter(Boolean).map(Number);
    expect(barn()).toHaveLength(2);
    // Two workers and one secret: the file was made once, before the second worker started.
    expect(readFileSync(path.join(dataDir, ".auth-secret"), "utf8").length).toBeGreaterThanOrEqual(32);

    const reg = await fetch(`${base}/registrer`, {
      method: "POST",
      headers: { Origin: base },
      body: new URLSearchParams({ navn: "Klynge Kari", epost: unikEpost("klynge"), passord: "et godt langt passord" }),
      redirect: "manual",
    });
    expect(reg.status).toBe(302);
    const kake = reg.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    // New connections each time, so the kernel spreads them over both workers.
    const hentStart = async () => {
      const svar = await fetch(`${base}/start`, { headers: { Cookie: kake, Connection: "close" } });
      return { status: svar.status, hilsen: (await svar.text()).includes("Klynge Kari") };
    };
    for (let i = 0; i < 20; i++) expect(await hentStart()).toEqual({ status: 200, hilsen: true });

    // A worker that dies is replaced by a new one; the app answers meanwhile.
    const [forste] = barn();
    process.kill(forste!, "SIGKILL");
    await expect.poll(() => logg, { timeout: 10_000 }).toContain('"worker_stoppet"');
    await expect.poll(() => barn().filter((p) => p !== forste).length, { timeout: 60_000 }).toBe(2);
    await expect.poll(() => (logg.match(/"hendelse":"klar"/g) ?? []).length, { timeout: 60_000 }).toBe(3);
    for (let i = 0; i < 10; i++) expect(await hentStart()).toEqual({ status: 200, hilsen: true });

    const igjen = barn();
    const kode = await new Promise<number | null>((ok) => (app.once("exit", ok), app.kill("SIGTERM")));
    expect(kode).toBe(0);
    for (const pid of igjen) expect(() => process.kill(pid, 0)).toThrow();
  } finally {
    if (app.exitCode === null) app.kill("SIGKILL");
  }
});
