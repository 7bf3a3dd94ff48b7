/**
 * Lager filmene fra filmmanusene: content/moduler/<mappe>/filmer/<film-id>.yaml blir til
 * media/<film-id>.<nb|nn>.mp4 (tittelkort + tale fra espeak-ng) og media/<film-id>.<nb|nn>.vtt.
 *
 *   node scripts/lag-filmer.ts                 alle filmer som er eldre enn manuset sitt
 *   node scripts/lag-filmer.ts m1-film-1 …     bare disse
 *   --tving                                    lag på nytt selv om filmen er oppdatert
 *   --innhold <mappe>                          annen innholdsrot enn content/ (også SAMLA_INNHOLD)
 *
 * Every scene lasts equally long in both languages, so each caption file fits both videos.
 * Format: docs/innhold.md, «Filmmanus».
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { parse as parseYaml } from "yaml";
import { SPRAAK, filmManusSkjema, type FilmManus, type Spraak } from "../app/domain/innhold/innhold.schema.ts";
import {
  bakgrunnsfarge,
  escapeFilterverdi,
  formaterVarighet,
  lagCuetekster,
  lagVtt,
  planleggScener,
  settOppSkjermtekst,
  tidfestCuer,
  type Cue,
  type ScenePlan,
  uttaletekst,
} from "./lag-filmer-lib.ts";

const BREDDE = 1280;
const HOYDE = 720;
// Two frames a second is plenty for still cards and keeps files small; scene lengths are rounded
// to whole frames (planleggScener) so pictures and sound stay in step.
const BILDER_PER_SEKUND = 2;
const TALEFART = 150;
const STEMME = "nb"; // espeak-ng has no nynorsk voice; the bokmål voice reads nynorsk well enough.
const LYDRATE = 22050; // espeak-ng's own rate: resampling up would only add bytes.
const FONTER = {
  fet: ["/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", "DejaVu Sans:bold"],
  vanlig: ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "DejaVu Sans"],
} as const;

type Manusfil = { mappe: string; modulmappe: string; filmId: string; fil: string };
type Fonter = { fet: string; vanlig: string };
type Tale = { fil: string; varighet: number };

const midlertidigeMapper = new Set<string>();

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      tving: { type: "boolean", default: false },
      // Default is the repo's content/, wherever the script is run from.
      innhold: { type: "string", default: process.env.SAMLA_INNHOLD ?? path.join(import.meta.dirname, "..", "content") },
      hjelp: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.hjelp) {
    console.log("Bruk: node scripts/lag-filmer.ts [--tving] [--innhold <mappe>] [film-id …]");
    return 0;
  }
  sjekkVerktoy();
  const fonter = finnFonter();
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
  for (const manusfil of valgte) {
    try {
      if (!values.tving && (await erOppdatert(manusfil))) {
        console.log(`${manusfil.filmId}: oppdatert, hopper over (bruk --tving for å lage på nytt)`);
        continue;
      }
      const manus = await lesManus(manusfil);
      console.log(await lagFilm(manus, manusfil, fonter));
    } catch (e) {
      feil++;
      console.error(`${manusfil.filmId}: ${(e as Error).message}`);
    }
  }
  await skrivTotalstorrelse(innhold);
  return feil > 0 ? 1 : 0;
}

// ---------- Verktøy og fonter ----------

function sjekkVerktoy(): void {
  const mangler = [
    ["ffmpeg", "-version"],
    ["ffprobe", "-version"],
    ["espeak-ng", "--version"],
  ].filter(([kommando, arg]) => spawnSync(kommando!, [arg!], { stdio: "ignore" }).error !== undefined);
  if (mangler.length > 0) {
    stopp(`Mangler ${mangler.map(([k]) => k).join(" og ")}. Installer med: apt-get install -y ffmpeg espeak-ng`);
  }
  const filtre = spawnSync("ffmpeg", ["-hide_banner", "-filters"], { encoding: "utf8" }).stdout;
  if (!/\bdrawtext\b/.test(filtre)) stopp("ffmpeg mangler drawtext-filteret (bygget uten libfreetype). Bruk ffmpeg fra Debian: apt-get install -y ffmpeg");
  const stemmer = spawnSync("espeak-ng", [`--voices=${STEMME}`], { encoding: "utf8" }).stdout;
  if (!new RegExp(`\\s${STEMME}\\s`).test(stemmer)) stopp(`espeak-ng mangler stemmen «${STEMME}». Installer med: apt-get install -y espeak-ng`);
}

function finnFonter(): Fonter {
  const finn = ([fil, monster]: readonly [string, string]) => {
    if (existsSync(fil)) return fil;
    // Other distributions put DejaVu elsewhere; fontconfig knows where.
    const funnet = spawnSync("fc-match", ["-f", "%{file}", monster], { encoding: "utf8" }).stdout?.trim();
    if (funnet && /dejavu/i.test(funnet) && existsSync(funnet)) return funnet;
    return stopp("Fant ikke fonten DejaVu Sans. Installer med: apt-get install -y fonts-dejavu-core");
  };
  return { fet: finn(FONTER.fet), vanlig: finn(FONTER.vanlig) };
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

function utfiler(manusfil: Manusfil): string[] {
  return SPRAAK.flatMap((sp) => ["mp4", "vtt"].map((type) => path.join(manusfil.mappe, "media", `${manusfil.filmId}.${sp}.${type}`)));
}

async function erOppdatert(manusfil: Manusfil): Promise<boolean> {
  const manusTid = (await stat(manusfil.fil)).mtimeMs;
  for (const fil of utfiler(manusfil)) {
    const info = await stat(fil).catch(() => undefined);
    if (!info || info.mtimeMs <= manusTid) return false;
  }
  return true;
}

// ---------- Filmen ----------

async function lagFilm(manus: FilmManus, manusfil: Manusfil, fonter: Fonter): Promise<string> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), `lag-filmer-${manus.id}-`));
  midlertidigeMapper.add(tmp);
  try {
    const tale = await lagAllTale(manus, tmp);
    const plan = planleggScener(manus.scener.map((_, i) => Math.max(...SPRAAK.map((sp) => tale[sp][i]!.varighet))), {
      bildetid: 1 / BILDER_PER_SEKUND,
    });
    const media = path.join(manusfil.mappe, "media");
    await mkdir(media, { recursive: true });
    const storrelser: string[] = [];
    for (const sp of SPRAAK) {
      const kort = await lagTittelkort(manus, sp, plan, fonter, tmp);
      const video = path.join(media, `${manus.id}.${sp}.mp4`);
      await kodVideo({ manus, sp, kort, tale: tale[sp], plan, ut: video, tmp });
      const vtt = path.join(media, `${manus.id}.${sp}.vtt`);
      await skrivAtomisk(vtt, lagVtt(lagCuerForSpraak(manus, sp, tale[sp], plan), merknad(manusfil)));
      storrelser.push(`${sp}.mp4 ${await kb(video)}`, `${sp}.vtt ${await kb(vtt)}`);
    }
    const slutt = plan.at(-1)!;
    const lengde = slutt.start + slutt.varighet;
    return `${manus.id}: ${formaterVarighet(lengde)} (${lengde.toFixed(1)} s, ${plan.length} scener) · ${storrelser.join(" · ")}`;
  } finally {
    await rm(tmp, { recursive: true, force: true });
    midlertidigeMapper.delete(tmp);
  }
}

function merknad(manusfil: Manusfil): string {
  return `Laget av scripts/lag-filmer.ts fra manuset moduler/${manusfil.modulmappe}/filmer/${manusfil.filmId}.yaml. Ikke rediger denne fila; endre manuset og kjør skriptet på nytt.`;
}

async function lagAllTale(manus: FilmManus, tmp: string): Promise<Record<Spraak, Tale[]>> {
  const tale = {} as Record<Spraak, Tale[]>;
  for (const sp of SPRAAK) {
    tale[sp] = [];
    for (const [i, scene] of manus.scener.entries()) tale[sp].push(await lagTale(uttaletekst(scene.tale[sp], sp), path.join(tmp, `tale-${sp}-${i}`)));
  }
  return tale;
}

async function lagTale(tekst: string, base: string): Promise<Tale> {
  // Text goes through a file so that nothing in it can be read as an espeak-ng option.
  await writeFile(`${base}.txt`, tekst);
  await kjor("espeak-ng", ["-v", STEMME, "-s", String(TALEFART), "-f", `${base}.txt`, "-w", `${base}.wav`]);
  return { fil: `${base}.wav`, varighet: await mediavarighet(`${base}.wav`) };
}

async function mediavarighet(fil: string): Promise<number> {
  const ut = await kjor("ffprobe", ["-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", fil]);
  const varighet = Number.parseFloat(ut);
  if (!Number.isFinite(varighet) || varighet <= 0) throw new Error(`ffprobe fant ingen varighet i ${fil}`);
  return varighet;
}

function lagCuerForSpraak(manus: FilmManus, sp: Spraak, tale: Tale[], plan: ScenePlan[]): Cue[] {
  // Cues follow this language's own narration, which may end before the scene does.
  return manus.scener.flatMap((scene, i) => tidfestCuer(lagCuetekster(scene.tale[sp]), plan[i]!.taleStart, tale[i]!.varighet));
}

// ---------- Bilde ----------

/**
 * The picture for each scene as a filter chain: a colour source with the text drawn on it, inside
 * the same filtergraph as the encoding. No image files, and frames are made as concat asks for them.
 */
async function lagTittelkort(manus: FilmManus, sp: Spraak, plan: ScenePlan[], fonter: Fonter, tmp: string): Promise<string[]> {
  const kort: string[] = [];
  for (const [i, scene] of manus.scener.entries()) {
    const tekst = await tittelkortFilter(manus.tittel[sp], scene.skjerm[sp], fonter, path.join(tmp, `kort-${sp}-${i}`));
    const farge = bakgrunnsfarge(manus.id, i);
    kort.push(`color=c=${farge}:s=${BREDDE}x${HOYDE}:r=${BILDER_PER_SEKUND}:d=${plan[i]!.varighet.toFixed(3)},${tekst},format=yuv420p,setsar=1`);
  }
  return kort;
}

/**
 * One drawtext per line, because drawtext in ffmpeg 5.1 cannot centre lines within a block. Text
 * goes through files with expansion=none, so colons, quotes, % and backslashes need no escaping;
 * only the paths go into the filtergraph, escaped. y is set from the baseline (y - max_glyph_a)
 * so lines without tall letters do not sit higher than the others.
 */
async function tittelkortFilter(tittel: string, skjerm: string, fonter: Fonter, base: string): Promise<string> {
  const tekstfelt = async (tekst: string, navn: string, font: string, storrelse: number, grunnlinje: number, farge: string) => {
    const fil = `${base}-${navn}.txt`;
    await writeFile(fil, tekst);
    return [
      `drawtext=fontfile=${escapeFilterverdi(font)}`,
      `textfile=${escapeFilterverdi(fil)}`,
      "expansion=none",
      `fontsize=${storrelse}`,
      `fontcolor=${farge}`,
      "x=(w-text_w)/2",
      `y=${Math.round(grunnlinje)}-max_glyph_a`,
    ].join(":");
  };
  // The title stays on one line; a long one gets a smaller size (DejaVu Sans is about 0.55 em wide).
  const tittelstorrelse = Math.min(30, Math.floor((BREDDE - 120) / (tittel.length * 0.56)));
  const filtre = [await tekstfelt(tittel, "tittel", fonter.vanlig, tittelstorrelse, 72, "white@0.85")];
  const { linjer, fontstorrelse } = settOppSkjermtekst(skjerm, { bredde: BREDDE });
  const linjehoyde = fontstorrelse * 1.3;
  // Centre the block a little below the middle, since the title takes the top.
  const topp = (HOYDE - linjer.length * linjehoyde) / 2 + 20;
  for (const [i, linje] of linjer.entries()) {
    filtre.push(await tekstfelt(linje, `linje${i}`, fonter.fet, fontstorrelse, topp + i * linjehoyde + fontstorrelse * 0.95, "white"));
  }
  return filtre.join(",");
}

// ---------- Video ----------

async function kodVideo(a: { manus: FilmManus; sp: Spraak; kort: string[]; tale: Tale[]; plan: ScenePlan[]; ut: string; tmp: string }): Promise<void> {
  const graf = a.plan.map((p, i) => {
    const forsinkelse = Math.round((p.taleStart - p.start) * 1000);
    const lyd = [
      `aresample=${LYDRATE}`,
      "aformat=channel_layouts=mono",
      ...(forsinkelse > 0 ? [`adelay=${forsinkelse}`] : []),
      // Pad with silence, then cut, so every scene's sound is exactly as long as its picture.
      `apad=whole_dur=${p.varighet.toFixed(3)}`,
      `atrim=end=${p.varighet.toFixed(3)}`,
      "asetpts=N/SR/TB",
    ].join(",");
    return `${a.kort[i]}[v${i}];\n[${i}:a]${lyd}[a${i}]`;
  });
  graf.push(`${a.plan.map((_, i) => `[v${i}][a${i}]`).join("")}concat=n=${a.plan.length}:v=1:a=1[v][a]`);
  const grafFil = path.join(a.tmp, `graf-${a.sp}.txt`);
  await writeFile(grafFil, graf.join(";\n"));
  const midlertidig = `${a.ut}.${process.pid}.tmp`;
  try {
    await kjor("ffmpeg", [
      "-hide_banner", "-loglevel", "error", "-y",
      ...a.tale.flatMap((t) => ["-i", t.fil]),
      "-filter_complex_script", grafFil,
      "-map", "[v]", "-map", "[a]",
      // "slow" rather than "veryslow": about 1 % bigger files, but x264 needs 300 MB instead of 480.
      "-c:v", "libx264", "-preset", "slow", "-tune", "stillimage", "-crf", "30", "-pix_fmt", "yuv420p",
      "-r", String(BILDER_PER_SEKUND),
      // x264 puts a keyframe at every scene change anyway; a forced one every 30 s is enough for
      // seeking at 2 fps, and each costs as much as a minute of unchanged frames.
      "-g", String(30 * BILDER_PER_SEKUND),
      "-c:a", "aac", "-b:a", "48k", "-ac", "1", "-ar", String(LYDRATE),
      "-movflags", "+faststart",
      // Same manuscript, same bytes: no encoder version or creation time in the file.
      "-map_metadata", "-1", "-fflags", "+bitexact", "-flags:v", "+bitexact", "-flags:a", "+bitexact",
      "-metadata", `title=${a.manus.tittel[a.sp]}`,
      "-metadata:s:a:0", `language=${a.sp === "nb" ? "nob" : "nno"}`,
      "-f", "mp4", midlertidig,
    ]);
    await rename(midlertidig, a.ut);
  } finally {
    await rm(midlertidig, { force: true });
  }
}

// ---------- Hjelpere ----------

/** Runs a program and returns stdout; on failure the error carries its stderr. */
function kjor(kommando: string, argumenter: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const barn = spawn(kommando, argumenter, { stdio: ["ignore", "pipe", "pipe"] });
    let ut = "";
    let feil = "";
    barn.stdout.on("data", (d: Buffer) => (ut += d.toString()));
    barn.stderr.on("data", (d: Buffer) => (feil += d.toString()));
    barn.on("error", reject);
    barn.on("close", (kode) => {
      if (kode === 0) resolve(ut);
      else reject(new Error(`${kommando} feilet (kode ${kode}):\n${feil.trim().split("\n").slice(-15).join("\n")}`));
    });
  });
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
  console.log(`Media totalt: ${mb.toFixed(1)} MB${mb > 40 ? " — OBS: over grensen på 40 MB for hele repoet" : ""}`);
}

// Remove temp dirs on Ctrl-C too; `finally` does not run when the process is interrupted.
process.on("SIGINT", () => {
  for (const mappe of midlertidigeMapper) rmSync(mappe, { recursive: true, force: true });
  process.exit(130);
});

process.exitCode = await main();
