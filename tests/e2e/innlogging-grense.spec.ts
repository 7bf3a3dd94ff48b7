import { expect, test } from "@playwright/test";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { unikEpost } from "./hjelpere.ts";

/**
 * Brute-force protection on the real sign-in path (ADR 0009): the form post to /logg-inn, not
 * Better Auth's own /api/auth endpoints. Each attempt forges a different X-Forwarded-For; the
 * server counts by the socket address it sets itself, so the forgery changes nothing.
 */
test("ti feil passord sperrer e-posten, også for riktig passord, uansett forfalsket X-Forwarded-For", async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL! } });
  const epost = unikEpost("grense");
  const passord = "et godt langt passord";

  // Register in a context of its own, so the sign-in attempts below carry no session cookie.
  const ny = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL! } });
  const registrert = await ny.post("/registrer", { form: { navn: "Gro Grense", epost, passord, til: "/start" }, maxRedirects: 0 });
  expect(registrert.status()).toBe(302);
  await ny.dispose();

  const loggInn = (pw: string, i: number, cookie?: string) =>
    request.post("/logg-inn", {
      form: { epost, passord: pw, til: "/start" },
      headers: { "X-Forwarded-For": `203.0.113.${i}, 198.51.100.${i}`, ...(cookie ? { Cookie: cookie } : {}) },
      maxRedirects: 0,
    });

  for (let i = 1; i <= 10; i++) {
    const svar = await loggInn(`feil passord nr ${i}`, i);
    expect(svar.status(), `forsøk ${i}`).toBe(400);
    expect(await svar.text()).toContain("E-postadressen eller passordet er feil.");
  }

  const ellevte = await loggInn("feil passord nr 11", 11);
  expect(ellevte.status()).toBe(429);
  expect(await ellevte.text()).toMatch(/For mange forsøk\. Vent til klokken \d\d:\d\d og prøv igjen\./);

  const riktig = await loggInn(passord, 12);
  expect(riktig.status()).toBe(429);
  expect(riktig.headers()["set-cookie"] ?? "").not.toMatch(/samla\.session_token=/);

  // The same refusal in nynorsk for a reader who has chosen nynorsk.
  const nynorsk = await loggInn(passord, 13, "maalform=nn");
  expect(nynorsk.status()).toBe(429);
  expect(await nynorsk.text()).toMatch(/For mange forsøk\. Vent til klokka \d\d:\d\d og prøv igjen\./);
  await request.dispose();
});

test("grensen per IP gjelder på tvers av to app-prosesser og lar seg ikke lure med X-Forwarded-For", async ({ playwright }) => {
  // Its own data folder, so the 50 failures from 127.0.0.1 do not block the other tests' sign-ins.
  test.skip(!!process.env.E2E_DATABASE_URL, "Bruker en egen SQLite-fil for å ikke sperre de andre testene");
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), "samla-grense-"));
  const grunnport = Number(process.env.E2E_PORT ?? 3100) + 90;
  const start = async (port: number) => {
    const p = spawn(process.execPath, ["server/main.ts"], {
      // Both processes: one SQLite file, one secret (made by the first, read by the second).
      env: { ...process.env, PORT: String(port), BASE_URL: `http://localhost:${port}`, DATA_DIR: dataDir, NODE_ENV: "production", LOG_LEVEL: "warn", TRUST_PROXY_HOPS: "0" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    await new Promise<void>((ok, feil) => {
      p.stdout!.on("data", (d: Buffer) => d.toString().includes('"klar"') && ok());
      p.on("exit", (kode) => feil(new Error(`serveren stoppet (${kode})`)));
    });
    return p;
  };
  const stopp = (p: ChildProcess) => new Promise<number | null>((ok) => (p.on("exit", ok), p.kill("SIGTERM")));
  const prosesser = [await start(grunnport), await start(grunnport + 1)];
  try {
    const klienter = await Promise.all(
      [grunnport, grunnport + 1].map((port) => {
        const baseURL = `http://localhost:${port}`;
        return playwright.request.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL } });
      }),
    );
    const forsok = (i: number) =>
      klienter[i % 2]!.post("/logg-inn", {
        // A new address each time, and a forged X-Forwarded-For that would look like a new client.
        form: { epost: `spray${i}@example.no`, passord: "feil passord", til: "/start" },
        headers: { "X-Forwarded-For": `203.0.113.${i % 250}` },
        maxRedirects: 0,
      });
    for (let i = 0; i < 50; i++) expect((await forsok(i)).status(), `forsøk ${i + 1}`).toBe(400);
    for (const i of [50, 51]) {
      const svar = await forsok(i);
      expect(svar.status(), `forsøk ${i + 1} (prosess ${(i % 2) + 1})`).toBe(429);
      expect(await svar.text()).toMatch(/For mange forsøk\. Vent til klokken \d\d:\d\d og prøv igjen\./);
    }
    for (const k of klienter) await k.dispose();
  } finally {
    for (const p of prosesser) expect(await stopp(p)).toBe(0);
  }
});
