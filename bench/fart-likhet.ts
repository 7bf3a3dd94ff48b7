import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { lagTeamOppsett } from "./team-oppsett.ts";

/**
 * One-off check for issue 16 (not part of the tests): the same database and session, served by two
 * builds (ANDRE_ROT: another checkout with its own build, e.g. main), must give the same HTML for
 * the signed-in pages apart from the nonce, the asset hashes and the media versions.
 * `ANDRE_ROT=/tmp/main node bench/fart-likhet.ts`
 */
const PORT = Number(process.env.BENCH_PORT ?? 5111);
const BASE = `http://localhost:${PORT}`;
const mappe = mkdtempSync(path.join(tmpdir(), "samla-likhet-"));
const start = async (rot: string, data: string): Promise<ChildProcess> => {
  const p = spawn(process.execPath, ["server/main.ts"], { cwd: rot, env: { ...process.env, WORKERS: "1", PORT: String(PORT), BASE_URL: BASE, DATA_DIR: data, NODE_ENV: "production", LOG_LEVEL: "warn" }, stdio: ["ignore", "ignore", "inherit"] });
  for (let i = 0; i < 300; i++) {
    if ((await fetch(`${BASE}/helse`).catch(() => null))?.ok) return p;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error("startet ikke");
};
const stopp = (p: ChildProcess) => new Promise((ok) => (p.once("exit", ok), p.kill("SIGTERM")));
const normaliser = (html: string) => html.replace(/nonce="[^"]*"/g, 'nonce=""').replace(/\/assets\/[^"]+/g, "/assets/X").replace(/"version": ?"[^"]*"|manifest-[0-9a-f]+/g, "V")
    // Media versions come from the files' modification times, which differ between checkouts.
    .replace(/\?v=[0-9a-f]+/g, "?v=X");

let app = await start(process.cwd(), path.join(mappe, "data"));
const o = await lagTeamOppsett(BASE, mappe);
const sider = [
  [o.modulSide, o.forste.kake],
  [o.modulSide, `${o.forste.kake}; maalform=nn`],
  [`/barnehage/${o.barnehage}/team/${o.team[1]}/moduler/psykososialt-barnehagemiljo`, o.leder.kake],
  ["/start", o.forste.kake],
  [`/barnehage/${o.barnehage}/fremdrift`, o.leder.kake],
  ["/moduler/psykososialt-barnehagemiljo", ""],
] as const;
const hent = async () => Promise.all(sider.map(async ([sti, kake]) => normaliser(await (await fetch(`${BASE}${sti}`, { headers: { Cookie: kake } })).text())));
const her = await hent();
await stopp(app);
cpSync(path.join(mappe, "data"), path.join(mappe, "data2"), { recursive: true });
app = await start(process.env.ANDRE_ROT!, path.join(mappe, "data2"));
const der = await hent();
await stopp(app);
let ulike = 0;
for (const [i, [sti]] of sider.entries()) {
  const lik = her[i] === der[i];
  if (!lik) {
    ulike++;
    writeFileSync(path.join(mappe, `her-${i}.html`), her[i]!.replaceAll("><", ">\n<"));
    writeFileSync(path.join(mappe, `der-${i}.html`), der[i]!.replaceAll("><", ">\n<"));
  }
  console.log(`${lik ? "lik " : "ULIK"} ${sti} (${her[i]!.length} tegn)`);
}
if (ulike) console.log(`Forskjellene: diff ${mappe}/her-N.html ${mappe}/der-N.html`);
process.exit(ulike ? 1 : 0);
