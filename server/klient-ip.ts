import type { IncomingMessage } from "node:http";

/** Header the server sets (overwriting anything a client sent) for auth's per-client limits. */
export const KLIENT_IP_HODE = "x-samla-klient-ip";

/**
 * The client's address: the socket's, or with `hops` trusted proxies in front, the address that
 * the outermost trusted proxy saw (counted from the right of X-Forwarded-For, so a client cannot
 * forge it by sending its own header).
 */
export function klientIp(req: Pick<IncomingMessage, "headers" | "socket">, hops: number): string {
  const socket = req.socket.remoteAddress ?? "ukjent";
  if (hops <= 0) return socket;
  const kjede = String(req.headers["x-forwarded-for"] ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return kjede[kjede.length - hops] ?? kjede[0] ?? socket;
}
