import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { randomBytes, randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { env, oidcKonfig, type Env } from "./env.server.ts";
import { dbKonfigFraEnv, lagDb, lagringsfeil, lagringsMelding, migrer, skriveproveDb } from "./db/db.server.ts";
import type { Database } from "./db/skjema.ts";
import { lagAuth, oidcLeverandorId, type Auth } from "./auth/auth.server.ts";
import { lesInnhold, type Innhold } from "./domain/innhold/innhold.server.ts";
import { lagSok, type Sok } from "./domain/innhold/sok.server.ts";
import { innholdNaa } from "./domain/innhold/utgave.ts";
import { brukTestklokke, naa } from "./domain/innhold/klokke.server.ts";
import { oversetter } from "./i18n/i18n.ts";
import { logg } from "./logg.server.ts";
import { lagEpostSender, type EpostSender } from "./epost/epost.server.ts";
import { lagJobbkjorer, type Jobbkjorer } from "./domain/jobb/jobbkjorer.server.ts";
import { paaminnelseJobb } from "./domain/paaminnelse/paaminnelse.server.ts";

/**
 * The process's long-lived services: one database, one auth, one content index. `innhold` and
 * `sok` are what the public may see at this minute (drafts and scheduled modules left out, each
 * module in its newest published edition; ADR 0034); `alleInnhold` is everything, for the editor.
 */
export type Tjenester = { env: Env; db: Kysely<Database>; auth: Auth; innhold: Innhold; alleInnhold: Innhold; sok: Sok; epost: EpostSender };

let tjenesterPromise: Promise<Tjenester> | undefined;
let aktive: Tjenester | undefined;
let jobbkjorer: Jobbkjorer | undefined;

/**
 * Starts everything the app needs, once: validates env, opens the database (refusing to start
 * on SQLite without WAL + synchronous=FULL), runs migrations and reads the content.
 */
export function klargjor(): Promise<Tjenester> {
  tjenesterPromise ??= (async () => {
    const e = env();
    const innholdsmappe = path.resolve(e.CONTENT_DIR);
    const alleInnhold = await lesInnhold(innholdsmappe, { buffer: innholdsmappe === path.resolve("content") ? path.resolve("build/innhold.json") : undefined });
    brukTestklokke(e.SAMLA_TESTKLOKKE);
    if (e.SAMLA_TESTKLOKKE) logg.warn("testklokke_pa", { fil: e.SAMLA_TESTKLOKKE });
    // One search index per visible state, made when the state first changes (a publish minute).
    const sokPerVersjon = new Map<string, Sok>();
    const sokFor = (innhold: Innhold) => {
      let s = sokPerVersjon.get(innhold.versjon);
      if (!s) {
        s = lagSok(innhold, { nb: sokeNavn("nb"), nn: sokeNavn("nn") });
        sokPerVersjon.clear();
        sokPerVersjon.set(innhold.versjon, s);
      }
      return s;
    };
    let db: Kysely<Database> | undefined;
    try {
      db = lagDb(dbKonfigFraEnv(e));
      const kjort = await migrer(db);
      if (kjort.length) logg.info("migrert", { migrasjoner: kjort });
      // A database that opens but cannot be written (read-only, full disk) stops the start here,
      // with a message that says where the data is and what to do, not at the first form post.
      await skriveproveDb(db);
    } catch (feil) {
      const art = lagringsfeil(feil);
      await db?.destroy().catch(() => {});
      if (art === "annen") throw feil;
      throw new Error(lagringsMelding(art, e), { cause: feil });
    }
    // One mail sender for the process: Better Auth's mails and our own (invitations).
    const epost = lagEpostSender({ smtpUrl: e.SMTP_URL, fra: e.EPOST_FRA, mappe: path.resolve(e.DATA_DIR, "epost") });
    const auth = lagAuth(db, {
      baseURL: e.BASE_URL,
      secret: e.AUTH_SECRET ?? hentEllerLagHemmelighet(e.DATA_DIR),
      sikreCookies: e.BASE_URL.startsWith("https://"),
      epost,
      oidc: oidcKonfig(e),
    });
    const oidc = oidcKonfig(e);
    if (oidc) {
      const id = oidcLeverandorId(oidc.issuer);
      logg.info("oidc_pa", { issuer: oidc.issuer, leverandor: id, redirectUri: `${e.BASE_URL}/api/auth/callback/${id}` });
    }
    aktive = {
      env: e,
      db,
      auth,
      alleInnhold,
      get innhold() {
        return innholdNaa(alleInnhold, naa());
      },
      get sok() {
        return sokFor(innholdNaa(alleInnhold, naa()));
      },
      epost,
    };
    return aktive;
  })();
  return tjenesterPromise;
}

/** The services, for loaders and actions (always started before the first request). */
export function tjenester(): Tjenester {
  if (!aktive) throw new Error("Tjenestene er ikke startet (klargjor() er ikke kjørt).");
  return aktive;
}

/**
 * Starts this process's job runner (ADR 0031): every JOBBER_INTERVALL_SEKUNDER it tries to take
 * each job's lease in the database; 0 leaves it off. Called by server/main.ts once it listens.
 */
export function startJobber(): void {
  const t = tjenester();
  const sekunder = t.env.JOBBER_INTERVALL_SEKUNDER;
  if (jobbkjorer || sekunder === 0) return;
  const id = randomUUID();
  const jobb = paaminnelseJobb({ db: t.db, innhold: t.innhold, epost: t.epost, baseUrl: t.env.BASE_URL.replace(/\/+$/, "") }, id);
  jobbkjorer = lagJobbkjorer({ db: t.db, jobber: [jobb], id });
  jobbkjorer.start(sekunder * 1000);
  logg.info("jobber_startet", { sekunder });
}

/** Closes the database; used on graceful shutdown. */
export async function stopp() {
  await jobbkjorer?.stopp();
  jobbkjorer = undefined;
  if (aktive) await aktive.db.destroy();
  aktive = undefined;
  tjenesterPromise = undefined;
}

function sokeNavn(sp: "nb" | "nn") {
  const t = oversetter(sp);
  return {
    modul: (nummer: number) => t("pakke.modul", { nummer }),
    begreper: t("nav.begreper"),
    lov: t("nav.lov"),
    innledning: t("modul.innledning"),
  };
}

/** The secret in DATA_DIR/.auth-secret, made once (also read by the backup drill test). */
export function hentEllerLagHemmelighet(dataDir: string): string {
  const fil = path.resolve(dataDir, ".auth-secret");
  if (existsSync(fil)) return readFileSync(fil, "utf8").trim();
  mkdirSync(path.dirname(fil), { recursive: true });
  const hemmelighet = randomBytes(48).toString("base64url");
  writeFileSync(fil, hemmelighet, { mode: 0o600 });
  logg.warn("auth_secret_laget", { fil, merknad: "Sett AUTH_SECRET når flere prosesser deler databasen" });
  return hemmelighet;
}
