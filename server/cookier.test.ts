import { describe, expect, it } from "vitest";
import { medSecure, medSvarregler } from "./cookier.ts";

describe("svarregler", () => {
  it("skal legge Secure på hver cookie når BASE_URL er https, også våre egne (målform)", () => {
    const svar = new Response("x", { headers: [["set-cookie", "maalform=nn; Path=/; SameSite=Lax"], ["set-cookie", "samla.session_token=a.b; Path=/; HttpOnly; Secure"]] });
    const ut = medSvarregler(svar, { https: true, innlogget: false });
    expect(ut.headers.getSetCookie()).toEqual(["maalform=nn; Path=/; SameSite=Lax; Secure", "samla.session_token=a.b; Path=/; HttpOnly; Secure"]);
    expect(medSvarregler(new Response("x", { headers: [["set-cookie", "maalform=nn"]] }), { https: false, innlogget: false }).headers.getSetCookie()).toEqual(["maalform=nn"]);
    expect(medSecure("a=b; secure")).toBe("a=b; secure");
    expect(medSecure("secureflag=1")).toBe("secureflag=1; Secure");
  });

  it("skal gi Cache-Control: no-store på alt en innlogget får, også omdirigeringer med låste hoder", () => {
    const side = medSvarregler(new Response("<html>", { headers: { "content-type": "text/html", "cache-control": "no-cache" } }), { https: false, innlogget: true });
    expect(side.headers.get("cache-control")).toBe("no-store");
    const låst = medSvarregler(Response.redirect("http://localhost/x", 302), { https: true, innlogget: true });
    expect(låst.status).toBe(302);
    expect(låst.headers.get("cache-control")).toBe("no-store");
    expect(medSvarregler(new Response("x", { headers: { "cache-control": "no-cache" } }), { https: false, innlogget: false }).headers.get("cache-control")).toBe("no-cache");
  });
});
