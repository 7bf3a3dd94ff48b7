import { describe, expect, it } from "vitest";
import { kan, krev, type EierMedlemskap, type Handling, type Medlemskap } from "./tilgang.ts";
import type { Rolle } from "./roller.ts";
import { harSesjonsCookie, tryggTil } from "./sesjon.ts";

const person = { id: "u1", navn: "Kari", epost: "kari@example.no", tofaktor: false };

describe("tilgangsreglene", () => {
  const tabell: [Handling, boolean, boolean][] = [
    // handling, anonym, innlogget
    ["les:offentlig-innhold", true, true],
    ["se:min-side", false, true],
    // Own data (ADR 0015)
    ["last-ned:mine-data", false, true],
    ["slett:egen-konto", false, true],
    // Profile (issue 15)
    ["endre:eget-navn", false, true],
  ];
  it.each(tabell)("%s: anonym %s, innlogget %s", (handling, anonym, innlogget) => {
    expect(kan(null, handling)).toBe(anonym);
    expect(kan(person, handling)).toBe(innlogget);
  });

  const som = (rolle: Rolle): Medlemskap => ({ barnehageId: "b1", barnehageNavn: "Solsikken", medlemId: "m1", rolle });
  const barnehageTabell: [Handling, boolean, boolean, boolean, boolean, boolean][] = [
    // handling, anonym, innlogget uten medlemskap, ansatt, leder, styrer
    ["opprett:barnehage", false, true, true, true, true],
    ["se:barnehage", false, false, true, true, true],
    ["les:lederstotte", false, false, false, true, true],
    ["endre:medlemmer", false, false, false, false, true],
    ["inviter", false, false, false, false, true],
    ["les:revisjonslogg", false, false, false, false, true],
    ["se:team", false, false, true, true, true],
    ["endre:team", false, false, false, false, true],
    ["endre:teammedlemmer", false, false, false, true, true],
    // Module feedback (ADR 0019)
    ["svar:tilbakemelding", false, false, true, true, true],
    ["se:tilbakemelding", false, false, false, true, true],
    ["les:tilbakemelding-fritekst", false, false, false, false, true],
    // Observation and the action repertoire (ADR 0035)
    ["planlegg:observasjon", false, false, false, true, true],
    ["se:repertoar", false, false, true, true, true],
    ["foreslaa:repertoar", false, false, true, true, true],
    ["vedta:repertoar", false, false, false, true, true],
  ];
  it.each(barnehageTabell)("%s: anonym %s, innlogget %s, ansatt %s, leder %s, styrer %s", (handling, anonym, innlogget, ansatt, leder, styrer) => {
    expect(kan(null, handling)).toBe(anonym);
    expect(kan(null, handling, som("styrer")), "et medlemskap uten aktør gir ingenting").toBe(anonym);
    expect(kan(person, handling, null)).toBe(innlogget);
    expect(kan(person, handling, som("ansatt"))).toBe(ansatt);
    expect(kan(person, handling, som("leder"))).toBe(leder);
    expect(kan(person, handling, som("styrer"))).toBe(styrer);
  });

  it("skal skjule lederstøtte for ansatte med «ikke funnet»", () => {
    expect(() => krev(person, "les:lederstotte", som("ansatt"))).toThrow(Response);
    expect(() => krev(person, "les:lederstotte", som("leder"))).not.toThrow();
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

// Owners and barnehage settings (ADR 0014).
describe("tilgangsreglene for eiere og barnehagens innstillinger", () => {
  const eier: EierMedlemskap = { eierId: "e1", eierNavn: "Solby kommune" };
  const som = (rolle: Rolle): Medlemskap => ({ barnehageId: "b1", barnehageNavn: "Solsikken", medlemId: "m1", rolle });
  const tabell: [Handling, boolean, boolean, boolean, boolean, boolean, boolean][] = [
    // handling, anonym, innlogget, eier, ansatt, leder, styrer
    ["opprett:eier", false, true, true, true, true, true],
    ["se:eier", false, false, true, false, false, false],
    ["endre:eier", false, false, true, false, false, false],
    ["endre:barnehage", false, false, false, false, false, true],
    // An owner's membership never opens a barnehage's own pages.
    ["se:barnehage", false, false, false, true, true, true],
    ["se:team", false, false, false, true, true, true],
    ["les:lederstotte", false, false, false, false, true, true],
    ["les:revisjonslogg", false, false, false, false, false, true],
  ];
  it.each(tabell)("%s: anonym %s, innlogget %s, eier %s, ansatt %s, leder %s, styrer %s", (handling, anonym, innlogget, erEier, ansatt, leder, styrer) => {
    expect(kan(null, handling)).toBe(anonym);
    expect(kan(null, handling, eier), "et eiermedlemskap uten aktør gir ingenting").toBe(anonym);
    expect(kan(person, handling)).toBe(innlogget);
    expect(kan(person, handling, eier)).toBe(erEier);
    expect(kan(person, handling, som("ansatt"))).toBe(ansatt);
    expect(kan(person, handling, som("leder"))).toBe(leder);
    expect(kan(person, handling, som("styrer"))).toBe(styrer);
  });
});
