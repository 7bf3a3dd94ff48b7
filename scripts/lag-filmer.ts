/**
 * Lager filmene fra filmmanusene: content/moduler/<mappe>/filmer/<film-id>.yaml blir til
 *   media/<film-id>.mp4             én video for bokmål og nynorsk (ingen tekst i bildet, ingen tale)
 *   media/<film-id>.<nb|nn>.vtt     teksting: replikkene med hvem som snakker
 *   media/<film-id>.syn.<nb|nn>.vtt synstolking (kind="descriptions"): det som er i bildet
 *
 *   node scripts/lag-filmer.ts                 alle filmer der bildene ikke lenger passer til manuset
 *   node scripts/lag-filmer.ts m1-film-1 …     bare disse
 *   --tving                                    lag på nytt selv om filmen er oppdatert
 *   --bare-tekst                               bare tekstings- og synstolkingsfilene (raskt)
 *   --stillbilder <mappe>                      bare noen stillbilder per film (for å se på), ingen video
 *   --innhold <mappe>                          annen innholdsrot enn content/ (også SAMLA_INNHOLD)
 *
 * The pictures are SVG built in code (scripts/film/), one per frame, drawn by headless Chromium
 * and piped as JPEG into ffmpeg, which adds a quiet generated room tone. Why: docs/decisions/0028-filmer.md.
 * Format: docs/innhold.md, «Filmmanus».
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { parse as parseYaml } from "yaml";
import { chromium, type Page } from "@playwright/test";
import { SPRAAK, filmManusSkjema, type FilmManus } from "../app/domain/innhold/innhold.schema.ts";
import { formaterVarighet, lagVtt, romlyd } from "./lag-filmer-lib.ts";
import { BREDDE, HOYDE, dynamisk, statisk, topplag } from "./film/bilde.ts";
import { BILDER_PER_SEKUND, bildeHash, bildemerkeI, merknad, planleggFilm, synstolkingCuer, tekstingCuer, tilstand, type FilmPlan } from "./film/tidslinje.ts";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const MAKS_MB = 80;

type Manusfil = { mappe: string; modulmappe: string; filmId: string; fil: string };

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      tving: { type: "boolean", default: false },
      "bare-tekst": { type: "boolean", default: false },
      stillbilder: { type: "string" },
      innhold: { type: "string", default: process.env.SAMLA_INNHOLD ?? path.join(import.meta.dirname, "..", "content") },
      hjelp: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.hjelp) {
    console.log("Bruk: node scripts/lag-filmer.ts [--tving] [--bare-tekst] [--stillbilder <mappe>] [--innhold <mappe>] [film-id …]");
    return 0;
  }
  const bareTekst = values["bare-tekst"];
  if (!bareTekst) sjekkVerktoy();
  const innhold = path.resolve(values.innhold);
  const alle = await finnManus(innhold);
  const ukjente = positionals.filter((id) => !alle.some((m) => m.filmId === id));
  if (ukjente.length > 0) {
    console.error(`Fant ikke manus for ${ukjente.join(", ")} under ${path.join(innhold, "moduler")}/*/filmer/.`);
    return 1;
  }
  const valgte = positionals.length > 0 ? alle.filter((m) => positionals.includes(m.filmId)) : alle;
  if (valgte.length === 0) console.log(`Ingen filmmanus under ${path.join(innhold, "moduler")}/*/filmer/.`);

  let feil = 0;
  const nettleser = bareTekst ? undefined : await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
  try {
    const side = nettleser ? await nettleser.newPage({ viewport: { width: BREDDE, height: HOYDE }, deviceScaleFactor: 1 }) : undefined;
    if (side) await side.setContent(`<!doctype html><html><body style="margin:0;background:#000"><svg id="s" xmlns="http://www.w3.org/2000/svg" width="${BREDDE}" height="${HOYDE}" viewBox="0 0 ${BREDDE} ${HOYDE}"><g id="bak"></g><g id="dyn"></g><g id="for"></g><g id="topp"></g></svg></body></html>`);
    for (const manusfil of valgte) {
      try {
        const manus = await lesManus(manusfil);
        const plan = planleggFilm(manus);
        await skrivTekstfiler(manus, plan, manusfil);
        if (!side) {
          console.log(`${manus.id}: tekstfilene skrevet (${formaterVarighet(plan.varighet)})`);
          continue;
        }
        if (values.stillbilder) {
          await lagStillbilder(side, manus, plan, values.stillbilder);
          console.log(`${manus.id}: stillbilder i ${values.stillbilder}`);
          continue;
        }
        if (!values.tving && (await erOppdatert(manusfil, plan))) {
          console.log(`${manusfil.filmId}: videoen passer til manuset, hopper over (bruk --tving for å lage på nytt)`);
          continue;
        }
        console.log(await lagVideo(side, manus, plan, manusfil));
      } catch (e) {
        feil++;
        console.error(`${manusfil.filmId}: ${(e as Error).message}`);
      }
    }
  } finally {
    await nettleser?.close();
  }
  await skrivTotalstorrelse(innhold);
  return feil > 0 ? 1 : 0;
}

function sjekkVerktoy(): void {
  const mangler = [
    ["ffmpeg", "-version"],
    [CHROMIUM, "--version"],
  ].filter(([kommando, arg]) => spawnSync(kommando!, [arg!], { stdio: "ignore" }).error !== undefined);
  if (mangler.length > 0) stopp(`Mangler ${mangler.map(([k]) => k).join(" og ")}. Installer med: apt-get install -y ffmpeg chromium`);
}

function stopp(melding: string): never {
  console.error(melding);
  process.exit(1);
}

// ---------- Manus ----------

async function finnManus(innhold: string): Promise<Manusfil[]> {
  const moduler = path.join(innhold, "moduler");
  if (!existsSync(moduler)) stopp(`Fant ikke ${moduler}. Bruk --innhold <mappe> med en mappe som har moduler/ i seg.`);
  const funnet: Manusfil[] = [];
  for (const modul of (await readdir(moduler, { withFileTypes: true })).filter((d) => d.isDirectory())) {
    const filmer = path.join(moduler, modul.name, "filmer");
    if (!existsSync(filmer)) continue;
    for (const navn of await readdir(filmer)) {
      if (!navn.endsWith(".yaml")) continue;
      funnet.push({ mappe: path.join(moduler, modul.name), modulmappe: modul.name, filmId: navn.slice(0, -".yaml".length), fil: path.join(filmer, navn) });
    }
  }
  return funnet.sort((a, b) => a.fil.localeCompare(b.fil));
}

async function lesManus(manusfil: Manusfil): Promise<FilmManus> {
  let data: unknown;
  try {
    data = parseYaml(await readFile(manusfil.fil, "utf8"));
  } catch (e) {
    throw new Error(`ugyldig YAML i ${manusfil.fil}: ${(e as Error).message}`);
  }
  // The same schema the app validates with, so a film we make is one the app accepts.
  const r = filmManusSkjema.safeParse(data);
  if (!r.success) {
    const feil = r.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`manuset ${manusfil.fil} er ikke gyldig:\n${feil}`);
  }
  if (r.data.id !== manusfil.filmId) throw new Error(`id i manuset (${r.data.id}) er ikke lik filnavnet (${manusfil.filmId})`);
  return r.data;
}

/** The picture fingerprint written into an mp4 (it sits in the header, near the start of the file). */
async function bildemerke(mp4: string): Promise<string | undefined> {
  const fil = await open(mp4, "r").catch(() => undefined);
  if (!fil) return undefined;
  try {
    const buffer = Buffer.alloc(256 * 1024);
    const { bytesRead } = await fil.read(buffer, 0, buffer.length, 0);
    return bildemerkeI(buffer.subarray(0, bytesRead));
  } finally {
    await fil.close();
  }
}

/** Up to date when the video carries the fingerprint of the manuscript's pictures and timing. */
async function erOppdatert(manusfil: Manusfil, plan: FilmPlan): Promise<boolean> {
  return (await bildemerke(path.join(manusfil.mappe, "media", `${manusfil.filmId}.mp4`))) === bildeHash(plan, BILDER_PER_SEKUND);
}

async function skrivTekstfiler(manus: FilmManus, plan: FilmPlan, manusfil: Manusfil): Promise<void> {
  const media = path.join(manusfil.mappe, "media");
  await mkdir(media, { recursive: true });
  const note = merknad(manusfil.modulmappe, manus.id);
  for (const sp of SPRAAK) {
    await skrivAtomisk(path.join(media, `${manus.id}.${sp}.vtt`), lagVtt(tekstingCuer(plan, sp), note));
    await skrivAtomisk(path.join(media, `${manus.id}.syn.${sp}.vtt`), lagVtt(synstolkingCuer(plan, sp), `Synstolking. ${note}`));
  }
}

// ---------- Bilder og video ----------

let gjeldendeSted: string | undefined;

async function tegnBilde(side: Page, plan: FilmPlan, t: number, forrige: { dyn?: string; bilde?: Buffer }): Promise<Buffer> {
  const b = tilstand(plan, t);
  const dyn = dynamisk(b);
  const topp = topplag(b);
  const nyttSted = gjeldendeSted !== `${b.scene}:${b.sted}`;
  if (!nyttSted && dyn + topp === forrige.dyn && forrige.bilde) return forrige.bilde;
  const st = nyttSted ? statisk(b.sted) : undefined;
  await side.evaluate(
    ([bak, d, fram, over]) => {
      if (bak !== null) document.getElementById("bak")!.innerHTML = bak;
      if (fram !== null) document.getElementById("for")!.innerHTML = fram;
      document.getElementById("dyn")!.innerHTML = d!;
      document.getElementById("topp")!.innerHTML = over!;
    },
    [st?.bakgrunn ?? null, dyn, st?.forgrunn ?? null, topp] as const,
  );
  gjeldendeSted = `${b.scene}:${b.sted}`;
  const bilde = await side.screenshot({ type: "jpeg", quality: 92 });
  forrige.dyn = dyn + topp;
  forrige.bilde = bilde;
  return bilde;
}

async function lagStillbilder(side: Page, manus: FilmManus, plan: FilmPlan, mappe: string): Promise<void> {
  await mkdir(mappe, { recursive: true });
  gjeldendeSted = undefined;
  for (const s of plan.scener) {
    const t = s.start + (s.slutt - s.start) * 0.6;
    const bilde = await tegnBilde(side, plan, t, {});
    await writeFile(path.join(mappe, `${manus.id}-scene${s.indeks + 1}-${t.toFixed(1)}s.png`), await side.screenshot({ type: "png" }));
    void bilde;
  }
}

async function lagVideo(side: Page, manus: FilmManus, plan: FilmPlan, manusfil: Manusfil): Promise<string> {
  const media = path.join(manusfil.mappe, "media");
  const ut = path.join(media, `${manus.id}.mp4`);
  const midlertidig = `${ut}.${process.pid}.tmp`;
  const antall = Math.round(plan.varighet * BILDER_PER_SEKUND);
  const start = Date.now();
  const ffmpeg = spawn("ffmpeg", [
    "-hide_banner", "-loglevel", "error", "-y",
    "-f", "image2pipe", "-framerate", String(BILDER_PER_SEKUND), "-c:v", "mjpeg", "-i", "-",
    // A quiet room tone; no speech: the words are in the captions.
    "-f", "lavfi", "-i", romlyd(manus.id, plan.varighet),
    "-map", "0:v", "-map", "1:a", "-t", plan.varighet.toFixed(3),
    "-c:v", "libx264", "-preset", "medium", "-tune", "animation", "-crf", "27", "-pix_fmt", "yuv420p", "-g", String(BILDER_PER_SEKUND * 10),
    "-c:a", "aac", "-b:a", "24k", "-ac", "1",
    "-movflags", "+faststart",
    "-map_metadata", "-1", "-fflags", "+bitexact", "-flags:v", "+bitexact", "-flags:a", "+bitexact",
    "-metadata", `title=${manus.tittel.nb}`,
    "-metadata", `comment=samla-bilder:${bildeHash(plan, BILDER_PER_SEKUND)}`,
    "-f", "mp4", midlertidig,
  ]);
  const feil = samleFeil(ffmpeg);
  const ferdig = new Promise<number>((resolve) => ffmpeg.on("close", (kode) => resolve(kode ?? 1)));
  try {
    gjeldendeSted = undefined;
    const forrige: { dyn?: string; bilde?: Buffer } = {};
    for (let i = 0; i < antall; i++) {
      const bilde = await tegnBilde(side, plan, i / BILDER_PER_SEKUND, forrige);
      if (!ffmpeg.stdin.write(bilde)) await new Promise((r) => ffmpeg.stdin.once("drain", r));
    }
    ffmpeg.stdin.end();
    const kode = await ferdig;
    if (kode !== 0) throw new Error(`ffmpeg feilet (kode ${kode}):\n${feil()}`);
    await rename(midlertidig, ut);
  } finally {
    await rm(midlertidig, { force: true });
  }
  const sek = ((Date.now() - start) / 1000).toFixed(0);
  return `${manus.id}: ${formaterVarighet(plan.varighet)} (${plan.varighet.toFixed(1)} s, ${plan.scener.length} scener, ${antall} bilder på ${sek} s) · mp4 ${await kb(ut)}`;
}

function samleFeil(barn: ChildProcessWithoutNullStreams): () => string {
  let feil = "";
  barn.stderr.on("data", (d: Buffer) => (feil += d.toString()));
  return () => feil.trim().split("\n").slice(-15).join("\n");
}

/** Write then rename, so the app never reads half a file while we are working. */
async function skrivAtomisk(fil: string, innhold: string): Promise<void> {
  const midlertidig = `${fil}.${process.pid}.tmp`;
  await writeFile(midlertidig, innhold);
  await rename(midlertidig, fil);
}

async function kb(fil: string): Promise<string> {
  return `${((await stat(fil)).size / 1024).toFixed(0)} kB`;
}

async function skrivTotalstorrelse(innhold: string): Promise<void> {
  const moduler = path.join(innhold, "moduler");
  let total = 0;
  for (const modul of await readdir(moduler)) {
    const media = path.join(moduler, modul, "media");
    if (!existsSync(media)) continue;
    for (const navn of await readdir(media)) total += (await stat(path.join(media, navn))).size;
  }
  const mb = total / 1024 / 1024;
  console.log(`Media totalt: ${mb.toFixed(1)} MB${mb > MAKS_MB ? ` — OBS: over grensen på ${MAKS_MB} MB` : ""}`);
}

process.exitCode = await main();
