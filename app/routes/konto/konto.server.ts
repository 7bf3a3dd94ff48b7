import { redirect } from "react-router";

/** Redirects after sign-in/up/out, passing on Better Auth's session cookies. */
export function videreMedCookies(til: string, hoder: Headers) {
  const ut = new Headers();
  for (const c of hoder.getSetCookie()) ut.append("Set-Cookie", c);
  return redirect(til, { headers: ut });
}
