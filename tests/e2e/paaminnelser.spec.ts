import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { expect, test } from "./fixtures.ts";
import { SMTP_PORT } from "../../playwright.config.ts";
import { sjekkUu, sjekkUuUtenJs } from "./hjelpere.ts";
import { ventPaaEpost } from "./epost.ts";
import { tilOslo } from "../../app/domain/samling/tid.ts";
import { leggTilDager } from "../../app/domain/paaminnelse/paaminnelse.ts";

/**
 * Reminders (issue 15, point 4; ADR 0031). The shared app processes run no jobs
 * (JOBBER_INTERVALL_SEKUNDER=0 in playwright.config.ts), so this test starts two processes of its
 * own on the run's database (the SQLite file, or E2E_DATABASE_URL), each running the job every
 * second. The mail about tomorrow's samling must reach the real SMTP server exactly once per
 * person, and not at all for the person who turned it off on /profil.
 */
const FORSTE_JOBBPORT = Number(process.env.E2E_PORT ?? 3100) + 30;

function startProsess(port: number): ChildProcess {
  return spawn(process.execPath, ["server/main.ts"], {
    stdio: ["ignore", "ignore", "pipe"],
    env: {
      ...process.env,
      PORT: String(port),
      BASE_URL: `http://localhost:${port}`,
      DATA_DIR: process.env.SAMLA_E2E_DATA_DIR!,
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
      AUTH_SECRET: process.env.SAMLA_E2E_AUTH_SECRET!,
      JOBBER_INTERVALL_SEKUNDER: "1",
      ...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : {}),
    },
  });
}

async function ventPaaHelse(port: number) {
  const slutt = Date.now() + 30_000;
  while (Date.now() < slutt) {
    const svar = await fetch(`http://localhost:${port}/helse`).catch(() => undefined);
    if (svar?.ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Prosessen på port ${port} svarte ikke på /helse`);
}

/** Every mail to this address the test SMTP server has received so far, as subjects. */
async function emnerTil(adresse: string): Promise<string[]> {
  const mappe = process.env.E2E_EPOST_MAPPE!;
  const emner: string[] = [];
  for (const fil of readdirSync(mappe).filter((f) => f.endsWith(".eml"))) {
    const m = await simpleParser(readFileSync(path.join(mappe, fil)));
    const til = (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).flatMap((a) => a.value.map((v) => v.address?.toLowerCase()));
    if (til.includes(adresse.toLowerCase())) emner.push(m.subject ?? "");
  }
  return emner;
}

test("påminnelsen om morgendagens samling kommer nøyaktig én gang med to app-prosesser, og ikke til den som har slått den av", async ({ verden, klientSom, sideSom, baseURL }) => {
  test.setTimeout(120_000);
  const bh = await verden.barnehage({
    navn: "Påminnelsesbarnehagen",
    styrer: "Petra Styrer",
    ledere: ["Pia Leder"],
    ansatte: ["Per Ansatt", "Pål Uten"],
    team: [{ navn: "Solstrålen", medlemmer: ["Pia Leder", "Per Ansatt", "Pål Uten"] }],
  });
  const team = bh.team.Solstrålen!;
  const [pia, per, paal] = [bh.personer["Pia Leder"]!, bh.personer["Per Ansatt"]!, bh.personer["Pål Uten"]!];
  // Per reads Samla in nynorsk: the reminder comes in nynorsk.
  await verden.avh.db.updateTable("user").set({ maalform: "nn" }).where("id", "=", per.id).execute();

  // Pål turns the samling reminder off on /profil, on a phone.
  const side = await sideSom("Pål Uten", { telefon: true });
  await side.goto("/profil");
  const samlingValg = side.getByRole("checkbox", { name: "Samling i morgen, med det du kan lese og se før" });
  await expect(samlingValg).toBeChecked();
  await samlingValg.uncheck();
  await side.getByRole("button", { name: "Lagre påminnelsene" }).click();
  await expect(side.getByRole("status").filter({ hasText: /^Lagret kl\. \d\d:\d\d\.$/ })).toBeVisible();
  await expect(samlingValg).not.toBeChecked();
  await expect(side.getByRole("checkbox", { name: "Frist for en utprøving" })).toBeChecked();
  await sjekkUu(side);

  // Pia plans the samling for tomorrow (Oslo), and sees how many get the reminder: a count, not who.
  const leder = await klientSom("Pia Leder");
  const plan = `/barnehage/${bh.barnehageId}/team/${team}/plan`;
  const imorgen = leggTilDager(tilOslo(new Date()).dato, 1);
  const planlagt = await leder.post(plan, { form: { intent: "planlegg", dato: imorgen, klokke: "12:00", modulId: "m0", varighet: "" }, headers: { Origin: baseURL! }, maxRedirects: 0 });
  expect(planlagt.status()).toBe(302);
  const planside = await (await leder.get(plan)).text();
  const samling = /\/samling\/([0-9a-f-]{36})/.exec(planside)![1]!;
  expect(planside).toContain("på for 2 av 3 i teamet");

  const prosesser = [startProsess(FORSTE_JOBBPORT), startProsess(FORSTE_JOBBPORT + 1)];
  try {
    await Promise.all([ventPaaHelse(FORSTE_JOBBPORT), ventPaaHelse(FORSTE_JOBBPORT + 1)]);
    const epost = await ventPaaEpost(per.epost, undefined, 30_000);
    expect(epost.subject).toMatch(/^Samling i morgon: Modul 0: /);
    expect(epost.text).toContain("Solstrålen har samling i morgon");
    expect(epost.text).toContain("kl. 12:00");
    expect(epost.text).toContain("Førebu deg før de møtest:");
    expect(epost.text).toContain(`/barnehage/${bh.barnehageId}/samling/${samling}`);
    expect(epost.text).toContain("/profil#paaminnelser");
    const tilPia = await ventPaaEpost(pia.epost, undefined, 30_000);
    expect(tilPia.subject).toMatch(/^Samling i morgen: Modul 0: /);
    expect(tilPia.text).toContain("Forbered deg før dere møtes:");
    // Both processes keep running the job every second: still one mail each, and none to Pål.
    await new Promise((r) => setTimeout(r, 5_000));
    expect(await emnerTil(per.epost)).toHaveLength(1);
    expect(await emnerTil(pia.epost)).toHaveLength(1);
    expect(await emnerTil(paal.epost)).toEqual([]);
  } finally {
    for (const p of prosesser) p.kill("SIGTERM");
    await Promise.all(prosesser.map((p) => new Promise((r) => (p.exitCode !== null ? r(null) : p.once("exit", r)))));
  }
});

test("påminnelsene på /profil kan slås av og på uten JavaScript, med «Lagret kl.»", async ({ verden, browser, loggInn }) => {
  await verden.person("Ulrik Uten");
  const kontekst = await browser.newContext({ javaScriptEnabled: false });
  await loggInn(kontekst, "Ulrik Uten");
  const side = await kontekst.newPage();
  await side.goto("/profil");
  const taIgjen = side.getByRole("checkbox", { name: "Ta igjen en samling du ikke var med på" });
  await taIgjen.uncheck();
  await side.getByRole("button", { name: "Lagre påminnelsene" }).click();
  await expect(side).toHaveURL(/\/profil\?lagret=paaminnelser&tid=\d+#paaminnelser$/);
  await expect(side.getByRole("status").filter({ hasText: /^Lagret kl\. \d\d:\d\d\.$/ })).toBeVisible();
  await expect(taIgjen).not.toBeChecked();
  await expect(side.getByRole("checkbox", { name: "Samling i morgen, med det du kan lese og se før" })).toBeChecked();
  await sjekkUuUtenJs(side, browser);
  await taIgjen.check();
  await side.getByRole("button", { name: "Lagre påminnelsene" }).click();
  await expect(taIgjen).toBeChecked();
  await kontekst.close();
});
