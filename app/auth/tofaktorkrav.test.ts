import { describe, expect, it } from "vitest";
import { krevTofaktor } from "./middleware.server.ts";

const person = (tofaktor: boolean) => ({ id: "u1", navn: "Kari", epost: "kari@example.no", tofaktor });

/** The Response krevTofaktor throws (a redirect), or undefined when it lets the request through. */
function svar(...args: Parameters<typeof krevTofaktor>): Response | undefined {
  try {
    krevTofaktor(...args);
    return undefined;
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
}

describe("krevTofaktor (ADR 0013)", () => {
  it("skal sende styrer og eier uten totrinnsinnlogging til oppsettet, med adressen tilbake", () => {
    for (const rolle of ["styrer", "eier"]) {
      const r = svar(person(false), rolle, new Request("http://x/barnehage/b1/team?vis=alle"));
      expect(r?.status).toBe(302);
      expect(r?.headers.get("location")).toBe(`/profil/tofaktor?krevd=1&til=${encodeURIComponent("/barnehage/b1/team?vis=alle")}`);
    }
  });

  it("skal gi siden, ikke dataadressen, som vei tilbake ved navigering i nettleseren og ved skjemaposter", () => {
    const data = svar(person(false), "styrer", new Request("http://x/barnehage/b1.data?_routes=routes%2Fbarnehage%2Foversikt"));
    expect(data?.headers.get("location")).toBe(`/profil/tofaktor?krevd=1&til=${encodeURIComponent("/barnehage/b1")}`);
    const post = svar(person(false), "styrer", new Request("http://x/barnehage/b1/invitasjoner?index", { method: "POST" }));
    expect(post?.headers.get("location")).toBe(`/profil/tofaktor?krevd=1&til=${encodeURIComponent("/barnehage/b1/invitasjoner")}`);
  });

  it("skal slippe gjennom styrer med totrinnsinnlogging, og ansatt og leder uten", () => {
    expect(svar(person(true), "styrer", new Request("http://x/barnehage/b1"))).toBeUndefined();
    expect(svar(person(false), "ansatt", new Request("http://x/barnehage/b1"))).toBeUndefined();
    expect(svar(person(false), "leder", new Request("http://x/barnehage/b1"))).toBeUndefined();
    expect(svar(null, "styrer", new Request("http://x/barnehage/b1"))).toBeUndefined();
  });
});
