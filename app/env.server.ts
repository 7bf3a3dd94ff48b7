import { z } from "zod";

/**
 * The only file that reads process.env. Parsed once at start; a bad value stops the app with a
 * message listing every problem, so an operator fixes them all in one go.
 */
const skjema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  /** Public address of the app, used by auth for callbacks and origin checks. */
  BASE_URL: z.url().default("http://localhost:3000"),
  /** PostgreSQL connection string. Unset: the embedded SQLite database in DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "må starte med postgres:// eller postgresql://")
    .optional(),
  DATA_DIR: z.string().min(1).default("./data"),
  /**
   * At least 32 random characters. Unset: a random secret is made once and kept in DATA_DIR
   * (fine for one machine; several app processes on PostgreSQL must share one AUTH_SECRET).
   */
  AUTH_SECRET: z.string().min(32, "må være minst 32 tegn").optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /**
   * App processes for `npm start` (node:cluster, server/klynge.ts): "auto" = one per core. They
   * share nothing in memory; the database holds the state. 1 = a single process, no cluster.
   */
  WORKERS: z.union([z.literal("auto"), z.coerce.number().int().min(1).max(64)]).default("auto"),
  /**
   * The fast path for the team module page (app/hurtigsti.server.ts, ADR 0033): "av" sends every
   * request through React Router, as the fallback always does. For comparing and for CI.
   */
  HURTIGSTI: z.enum(["på", "av"]).default("på"),
  /** Number of proxies in front of the app whose X-Forwarded-For we trust (0 = none). */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  /**
   * Where e-mail goes, e.g. smtp://user:pass@smtp.example.no:587 (smtps:// for TLS from the start).
   * Unset: development mode, each mail is written as an .eml file into DATA_DIR/epost/.
   */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "må starte med smtp:// eller smtps://")
    .optional(),
  /**
   * How often each process runs the background jobs (reminders, ADR 0031), in seconds. 0 turns
   * them off in this process (e.g. in tests, or on all but some processes; any number may run them).
   */
  JOBBER_INTERVALL_SEKUNDER: z.coerce.number().int().min(0).max(86_400).default(60),
  /** Sender of every mail Samla sends. */
  EPOST_FRA: z.string().min(3).default("Samla <ikke-svar@samla.local>"),
  /**
   * Single sign-on through one generic OIDC provider (Feide-ready). Set issuer, client id and
   * secret together, or none of them (then there is no SSO button). See ADR 0012.
   */
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_SCOPES: z.string().min(1).default("openid email profile"),
  /** The provider's name on the sign-in button: «Logg inn med {OIDC_NAVN}». */
  OIDC_NAVN: z.string().min(1).default("Feide"),
  /** Where the content is read from (the package in the repository; tests use a copy with fixtures). */
  CONTENT_DIR: z.string().min(1).default("content"),
  /**
   * Tests only (ADR 0034): a file holding an ISO instant that the app takes as «now» for what is
   * published. Refused unless BASE_URL is localhost, so a real deployment can never have it.
   */
  SAMLA_TESTKLOKKE: z.string().min(1).optional(),
}).superRefine(oidcAlleEllerIngen).superRefine((v, ctx) => {
  if (v.SAMLA_TESTKLOKKE && !/^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\/?$/.test(v.BASE_URL)) {
    ctx.addIssue({ code: "custom", path: ["SAMLA_TESTKLOKKE"], message: "testklokka virker bare i test (BASE_URL på localhost)" });
  }
});

const OIDC_PAAKREVD = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const;

/** Issuer, client id and secret come together: a half-configured SSO stops the app. */
function oidcAlleEllerIngen(v: Partial<Record<(typeof OIDC_PAAKREVD)[number], string>>, ctx: z.RefinementCtx) {
  const satt = OIDC_PAAKREVD.filter((n) => v[n] !== undefined);
  if (satt.length === 0 || satt.length === OIDC_PAAKREVD.length) return;
  const mangler = OIDC_PAAKREVD.filter((n) => v[n] === undefined);
  ctx.addIssue({
    code: "custom",
    path: ["OIDC"],
    message: `innlogging med OIDC krever ${OIDC_PAAKREVD.join(", ")} sammen; mangler ${mangler.join(", ")} (eller fjern ${satt.join(", ")})`,
  });
}

/** The OIDC provider, when SSO is configured. */
export type OidcKonfig = { issuer: string; clientId: string; clientSecret: string; scopes: string[]; navn: string };

export function oidcKonfig(e: Env): OidcKonfig | undefined {
  if (!e.OIDC_ISSUER || !e.OIDC_CLIENT_ID || !e.OIDC_CLIENT_SECRET) return undefined;
  return {
    issuer: e.OIDC_ISSUER.replace(/\/+$/, ""),
    clientId: e.OIDC_CLIENT_ID,
    clientSecret: e.OIDC_CLIENT_SECRET,
    scopes: e.OIDC_SCOPES.split(/[\s,]+/).filter(Boolean),
    navn: e.OIDC_NAVN,
  };
}

export type Env = z.infer<typeof skjema>;

/** Parses an environment object; throws one error listing every bad value. */
export function lesEnv(kilde: Record<string, string | undefined>): Env {
  const resultat = skjema.safeParse(kilde);
  if (!resultat.success) {
    const linjer = resultat.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Ugyldig miljø (environment). Rett disse verdiene:\n${linjer.join("\n")}`);
  }
  return resultat.data;
}

/** How many app processes WORKERS asks for on a machine with `kjerner` cores. */
export function antallWorkers(e: Pick<Env, "WORKERS">, kjerner: number): number {
  return e.WORKERS === "auto" ? Math.max(1, kjerner) : e.WORKERS;
}

let cached: Env | undefined;

/** The parsed environment of this process. */
export function env(): Env {
  cached ??= lesEnv(process.env);
  return cached;
}

/** Values the browser may see: an explicit allow-list (nothing yet). */
export function klientEnv() {
  return {};
}
