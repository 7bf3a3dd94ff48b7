import { describe, expect, it } from "vitest";
import { kan, krev, type Handling } from "./tilgang.ts";
import { harSesjonsCookie, tryggTil } from "./sesjon.ts";

const person = { id: "u1", navn: "Kari", epost: "kari@example.no" };

describe("tilgangsreglene", () => {
  const tabell: [Handling, boolean, boolean][] = [
    // handling, anonym, innlogget
    ["les:offentlig-innhold", true, true],
    ["se:min-side", false, true],
  ];
  it.each(tabell)("%s: anonym %s, innlogget %s", (handling, anonym, innlogget) => {
    expect(kan(null, handling)).toBe(anonym);
    expect(kan(person, handling)).toBe(innlogget);
  });

  it("skal svare «ikke funnet» (404), ikke «forbudt», når tilgang mangler", () => {
    try {
      krev(null, "se:min-side");
      expect.unreachable();
    } catch (svar) {
      expect((svar as Response).status).toBe(404);
    }
  });
});

describe("økt og videresending", () => {
  it("skal kjenne igjen øktcookien med og uten __Secure-", () => {
    expect(harSesjonsCookie("a=1; samla.session_token=abc")).toBe(true);
    expect(harSesjonsCookie("__Secure-samla.session_token=abc")).toBe(true);
    expect(harSesjonsCookie("maalform=nn")).toBe(false);
    expect(harSesjonsCookie(null)).toBe(false);
  });

  it("skal bare sende videre til lokale adresser", () => {
    expect(tryggTil("/start")).toBe("/start");
    expect(tryggTil("https://ond.example")).toBe("/start");
    expect(tryggTil("//ond.example")).toBe("/start");
    expect(tryggTil("/\\ond.example")).toBe("/start");
    expect(tryggTil(undefined, "/")).toBe("/");
  });
});
