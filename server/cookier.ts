/**
 * Response rules for signed-in and https responses, applied by server/app-server.ts to every answer
 * from React Router (pages, .data, resource routes, Better Auth), so no route can forget them.
 */

/** A Set-Cookie with the Secure attribute (added when missing). */
export function medSecure(setCookie: string): string {
  return /;\s*secure\s*(?:;|$)/i.test(setCookie) ? setCookie : `${setCookie}; Secure`;
}

/**
 * The response with these rules: with `https` (BASE_URL is https) every cookie is Secure; for a
 * signed-in request (`innlogget`: it carries a session cookie) nothing is stored by the browser or
 * any cache in between (Cache-Control: no-store), so a shared computer's back button or a proxy
 * never shows one person's page to the next.
 */
export function medSvarregler(svar: Response, { https, innlogget }: { https: boolean; innlogget: boolean }): Response {
  const cookies = svar.headers.getSetCookie();
  const trengerSecure = https && cookies.some((c) => medSecure(c) !== c);
  if (!trengerSecure && !innlogget) return svar;
  let ut = svar;
  try {
    apply(ut.headers);
  } catch {
    // Immutable headers (Response.redirect and friends): copy the response once.
    ut = new Response(svar.body, { status: svar.status, statusText: svar.statusText, headers: new Headers(svar.headers) });
    apply(ut.headers);
  }
  return ut;

  function apply(h: Headers) {
    if (trengerSecure) {
      h.delete("set-cookie");
      for (const c of cookies) h.append("set-cookie", medSecure(c));
    }
    if (innlogget) h.set("Cache-Control", "no-store");
  }
}
