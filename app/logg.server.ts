/**
 * Structured JSON logs, one line per event. Callers pass event names and technical fields only:
 * never form contents, e-mail addresses, names, tokens or personal text.
 */
type Niva = "debug" | "info" | "warn" | "error";
const rang: Record<Niva, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const minste = (process.env.LOG_LEVEL as Niva | undefined) ?? "info";

function skriv(niva: Niva, hendelse: string, felt: Record<string, unknown> = {}) {
  if (rang[niva] < (rang[minste] ?? 20)) return;
  if (process.env.NODE_ENV === "test" && niva !== "error") return;
  const linje = JSON.stringify({ tid: new Date().toISOString(), niva, hendelse, ...felt });
  (niva === "error" ? process.stderr : process.stdout).write(linje + "\n");
}

export const logg = {
  debug: (h: string, f?: Record<string, unknown>) => skriv("debug", h, f),
  info: (h: string, f?: Record<string, unknown>) => skriv("info", h, f),
  warn: (h: string, f?: Record<string, unknown>) => skriv("warn", h, f),
  error: (h: string, f?: Record<string, unknown>) => skriv("error", h, f),
};

/** An error's class and message without its stack or any attached data. */
export function feilInfo(feil: unknown) {
  return feil instanceof Error ? { feil: feil.name, melding: feil.message } : { feil: String(feil) };
}
