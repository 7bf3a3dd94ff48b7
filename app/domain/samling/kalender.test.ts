import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALEKTER, lagTestDb, type TestDb } from "#app/db/test-databaser.ts";
import { lagAuth, type Auth } from "#app/auth/auth.server.ts";
import { lagBarnehage, lagInnhold, lagModul, lagPlanlagtSamling, som, type BarnehageVerden } from "#app/test/fabrikk.ts";
import { lagIcs, minKalender } from "./kalender.server.ts";
import { avlysSamling, endreSamling } from "./samling.server.ts";
import { fraOslo } from "./tid.ts";

/** The VEVENT with this UID, unfolded, as «NAME:value» lines. */
function hendelse(ics: string, uid: string): string[] {
  const linjer = ics.replace(/\r\n /g, "").split("\r\n");
  const start = linjer.findIndex((l, i) => l === `UID:${uid}` && linjer[i - 1] === "BEGIN:VEVENT");
  if (start < 0) return [];
  return linjer.slice(start, linjer.indexOf("END:VEVENT", start));
}

describe("iCalendar: SEQUENCE og STATUS (RFC 5545 3.8.7.4, 3.8.1.11)", () => {
  it("skal skrive SEQUENCE (0 som standard) og STATUS:CONFIRMED, eller CANCELLED for en avlyst samling", () => {
    const felles = { start: new Date("2027-01-12T13:00:00Z"), slutt: new Date("2027-01-12T14:00:00Z"), tittel: "Samling", beskrivelse: "Modul 1" };
    const ics = lagIcs("Kalender", [{ uid: "a@samla", ...felles }, { uid: "b@samla", ...felles, sekvens: 3, avlyst: true }], new Date("2027-01-01T10:00:00Z"));
    expect(hendelse(ics, "a@samla")).toEqual(expect.arrayContaining(["SEQUENCE:0", "STATUS:CONFIRMED"]));
    expect(hendelse(ics, "b@samla")).toEqual(expect.arrayContaining(["SEQUENCE:3", "STATUS:CANCELLED"]));
    expect(ics).not.toContain("STATUS:CANCELLED\r\nSTATUS");
  });
});

const innhold = lagInnhold(lagModul("m1", { nummer: 1 }));

for (const dialekt of DIALEKTER) {
  describe(`kalenderen når en samling flyttes eller avlyses, på ${dialekt}`, () => {
    let t: TestDb;
    let auth: Auth;
    let sol: BarnehageVerden;
    let annen: BarnehageVerden;
    const dep = () => ({ db: t.db, auth, innhold });
    const naa = new Date("2027-01-05T10:00:00Z");

    beforeAll(async () => {
      t = await lagTestDb(dialekt);
      auth = lagAuth(t.db, { baseURL: "http://localhost:3000", secret: "s".repeat(40), sikreCookies: false });
      sol = await lagBarnehage(dep(), { ledere: ["Leder"], ansatte: ["Ane", "Utenfor"], team: [{ navn: "Blåklokka", medlemmer: ["Leder", "Ane"] }] });
      annen = await lagBarnehage(dep(), { navn: "Blåbærlia", styrer: "Fremmed", team: [{ navn: "Fremmedteamet", medlemmer: ["Fremmed"] }] });
    });
    afterAll(() => t.rydd());

    it("skal øke SEQUENCE når samlingen flyttes, og vise en avlyst samling som CANCELLED bare for teamet", async () => {
      const leder = som(sol, "Leder");
      const id = await lagPlanlagtSamling(dep(), { av: leder, teamId: sol.team.Blåklokka!, modulId: "m1", starter: fraOslo("2027-01-12", "14:00")! });
      const uid = `samling-${id}@samla`;
      const kalender = () => minKalender(sol.personer.Ane!, "nb", dep(), "https://samla.example", naa);
      expect(hendelse(await kalender(), uid)).toEqual(expect.arrayContaining(["SEQUENCE:0", "STATUS:CONFIRMED", "DTSTART:20270112T130000Z"]));

      expect((await endreSamling(leder.aktor, leder.medlemskap, id, { dato: "2027-01-13", klokke: "09:00", modulId: "m1" }, dep())).ok).toBe(true);
      expect(hendelse(await kalender(), uid)).toEqual(expect.arrayContaining(["SEQUENCE:1", "STATUS:CONFIRMED", "DTSTART:20270113T080000Z"]));

      expect((await avlysSamling(leder.aktor, leder.medlemskap, id, dep())).ok).toBe(true);
      const avlyst = hendelse(await kalender(), uid);
      expect(avlyst).toEqual(expect.arrayContaining(["SEQUENCE:2", "STATUS:CANCELLED", "DTSTART:20270113T080000Z"]));
      expect(avlyst.some((l) => l.startsWith("URL:"))).toBe(false);
      // Not in the team, or in another barnehage: not in their calendar at all.
      expect(await minKalender(sol.personer.Utenfor!, "nb", dep(), "https://samla.example", naa)).not.toContain(uid);
      expect(await minKalender(annen.styrer, "nb", dep(), "https://samla.example", naa)).not.toContain(uid);
      // A month after its date the cancelled samling has left the feed.
      expect(await minKalender(sol.personer.Ane!, "nb", dep(), "https://samla.example", new Date("2027-02-20T10:00:00Z"))).not.toContain(uid);
    });
  });
}
