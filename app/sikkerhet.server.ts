/**
 * Security headers, in one place. The server adds `sikkerhetsHoder` to every response; HTML
 * documents get a CSP with the response's own nonce (entry.server.tsx), everything else the
 * strict default below.
 */
export function innholdsSikkerhet(nonce: string, skjemaTilOgsa: string[] = [], skriptHasher?: string[]) {
  // A page from the page cache was rendered with an earlier nonce: its inline scripts are allowed by
  // their SHA-256 hashes (computed once when the page was cached), never by a reused nonce. Every
  // response still gets a fresh nonce of its own, so no nonce is ever seen twice.
  const skript = [`'nonce-${nonce}'`, ...(skriptHasher ?? []).map((h) => `'sha256-${h}'`)].join(" ");
  return [
    "default-src 'self'",
    `script-src 'self' ${skript}`.trimEnd(),
    // Inline style attributes (used by some Designsystemet components) are allowed; scripts never.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "media-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    // The SSO form's redirect goes on to the OIDC provider (its origin only, see ADR 0012).
    ["form-action 'self'", ...skjemaTilOgsa].join(" "),
    "frame-ancestors 'none'",
  ].join("; ");
}

export const sikkerhetsHoder: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
};

export const hstsHode = "max-age=31536000; includeSubDomains";
