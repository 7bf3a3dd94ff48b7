import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { DIALEKTER, lagTestDb, forventIkkeFunnet, type TestDb } from "#app/db/test-databaser.ts";
import type { Database } from "#app/db/skjema.ts";
import { lagAuth, type Auth } from "#app/auth/auth.server.ts";
import type { Epost, EpostSender } from "#app/epost/epost.server.ts";
import { lagBarnehage, lagHoldtSamling, lagInnhold, lagModul, lagPlanlagtSamling, som, type BarnehageVerden } from "#app/test/fabrikk.ts";
import { fraOslo } from "#app/domain/samling/tid.ts";
import { endreSamling, loggUtproving } from "#app/domain/samling/samling.server.ts";
import { lagJobbkjorer } from "#app/domain/jobb/jobbkjorer.server.ts";
import { slippLeie, taLeie } from "#app/domain/jobb/jobb.repo.server.ts";
import { finnPaaminnelser, lagrePaaminnelseValg, minePaaminnelseValg, paaminnelseJobb, paaminnelserITeam, sendPaaminnelser } from "./paaminnelse.server.ts";
import { paaminnelseSkjema } from "./paaminnelse.schema.ts";
import { hentMinePaaminnelser, slettMinePaaminnelser } from "./paaminnelse.repo.server.ts";
import { leggTilDager } from "./paaminnelse.ts";

const innhold = lagInnhold(lagModul("m1", { nummer: 1 }), lagModul("m2", { nummer: 2 }));

/** A sender that keeps the mails (the e2e test uses the real SMTP server). */
function postkasse(): EpostSender & { sendt: Epost[] } {
  const sendt: Epost[] = [];
  return { sendt, send: async (e) => void sendt.push(e) };
}

describe("påminnelser (rene regler)", () => {
  it("skal flytte kalenderdatoer over måneds- og årsskifte", () => {
    expect(leggTilDager("2026-12-31", 1)).toBe("2027-01-01");
    expect(leggTilDager("2027-03-01", -1)).toBe("2027-02-28");
  });
  it("skal lese av-knappene: en boks som ikke er krysset av, er av", () => {
    expect(paaminnelseSkjema.parse({ samling: "paa", utproving: "paa" })).toEqual(["samling", "utproving"]);
    expect(paaminnelseSkjema.parse({})).toEqual([]);
    expect(paaminnelseSkjema.safeParse({ samling: "ja" }).success).toBe(false);
  });
});

for (const dialekt of DIALEKTER) {
  describe(`påminnelser på ${dialekt}`, () => {
    let t: TestDb;
    let auth: Auth;
    let sol: BarnehageVerden;
    let annen: BarnehageVerden;
    let team = "";
    // Tuesday 9 March 2027, 11:00 in Oslo; «tomorrow» is Wednesday 10 March.
    const naa = new Date("2027-03-09T10:00:00Z");
    const dep = (db: Kysely<Database> = t.db, epost: EpostSender = postkasse()) => ({ db, auth, innhold, epost, baseUrl: "https://samla.example" });

    beforeAll(async () => {
      t = await lagTestDb(dialekt);
      auth = lagAuth(t.db, { baseURL: "http://localhost:3000", secret: "s".repeat(40), sikreCookies: false });
      sol = await lagBarnehage({ db: t.db, auth }, { ledere: ["Leder"], ansatte: ["Ane", "Bo", "Utenfor"], team: [{ navn: "Blåklokka", medlemmer: ["Leder", "Ane", "Bo"] }] });
      annen = await lagBarnehage({ db: t.db, auth }, { navn: "Blåbærlia", styrer: "Fremmed", team: [{ navn: "Fremmedteamet", medlemmer: ["Fremmed"] }] });
      team = sol.team.Blåklokka!;
      await t.db.updateTable("user").set({ maalform: "nn" }).where("id", "=", sol.personer.Bo!.id).execute();
    });
    afterAll(() => t.rydd());

    it("skal gi leien til én kjører om gangen, og til en annen når tiden er ute", async () => {
      expect(await taLeie(t.db, "test", "a", naa, 60_000)).toBe(true);
      expect(await taLeie(t.db, "test", "b", naa, 60_000)).toBe(false);
      expect(await taLeie(t.db, "test", "b", new Date(naa.getTime() + 61_000), 60_000)).toBe(true);
      await slippLeie(t.db, "test", "a", naa, true); // not the holder any more: nothing happens
      expect(await taLeie(t.db, "test", "a", new Date(naa.getTime() + 62_000), 60_000)).toBe(false);
      await slippLeie(t.db, "test", "b", naa, true);
      expect(await taLeie(t.db, "test", "a", new Date(naa.getTime() + 62_000), 60_000)).toBe(true);
    });

    it("skal sende påminnelsen om morgendagens samling nøyaktig én gang med to kjørere, på personens målform og med det som skal forberedes", async () => {
      const samlingId = await lagPlanlagtSamling(dep(), { av: som(sol, "Leder"), teamId: team, modulId: "m1", starter: fraOslo("2027-03-10", "14:00")! });
      // A samling in another barnehage the day after tomorrow: nobody here hears of it.
      await lagPlanlagtSamling(dep(), { av: som(annen, "Fremmed"), teamId: annen.team.Fremmedteamet!, modulId: "m1", starter: fraOslo("2027-03-11", "14:00")! });
      const post = postkasse();
      // Two «processes»: two runners, each on its own connection where the database has one.
      const andreDb = t.nyTilkobling?.() ?? t.db;
      const ja = lagJobbkjorer({ db: t.db, jobber: [paaminnelseJobb(dep(t.db, post), "a")], id: "a", naa: () => naa });
      const jb = lagJobbkjorer({ db: andreDb, jobber: [paaminnelseJobb(dep(andreDb, post), "b")], id: "b", naa: () => naa });
      for (let i = 0; i < 3; i++) await Promise.all([ja.tikk(), jb.tikk()]);
      // And without the job lease: both find and both send at once; the key and the row lease hold.
      await Promise.all([finnPaaminnelser(t.db, naa), finnPaaminnelser(andreDb, naa)]);
      await Promise.all([sendPaaminnelser(dep(t.db, post), "a", naa), sendPaaminnelser(dep(andreDb, post), "b", naa)]);
      if (andreDb !== t.db) await andreDb.destroy();

      const til = post.sendt.map((e) => e.til).sort();
      expect(til).toEqual([sol.personer.Ane!.epost, sol.personer.Bo!.epost, sol.personer.Leder!.epost].sort());
      const ane = post.sendt.find((e) => e.til === sol.personer.Ane!.epost)!;
      expect(ane.emne).toBe("Samling i morgen: Modul 1: Modul m1");
      expect(ane.tekst).toContain("Blåklokka har samling i morgen, 10. mars 2027 kl. 14:00, om Modul 1: Modul m1.");
      expect(ane.tekst).toContain("Les modulteksten «Modul m1»");
      expect(ane.tekst).toContain(`https://samla.example/barnehage/${sol.barnehageId}/team/${team}/moduler/modul-m1`);
      expect(ane.tekst).toContain(`https://samla.example/barnehage/${sol.barnehageId}/samling/${samlingId}`);
      expect(ane.tekst).toContain("https://samla.example/profil#paaminnelser");
      expect(ane.html).toContain('<html lang="nb">');
      const bo = post.sendt.find((e) => e.til === sol.personer.Bo!.epost)!;
      expect(bo.emne).toBe("Samling i morgon: Modul 1: Modul m1");
      expect(bo.html).toContain('<html lang="nn">');

      // A moved samling is a new occasion: the day before its new date, one more mail each.
      const flyttet = await endreSamling(sol.personer.Leder!, sol.medlemskap.Leder!, samlingId, { dato: "2027-03-12", klokke: "09:00", modulId: "m1" }, dep());
      expect(flyttet.ok).toBe(true);
      const post2 = postkasse();
      await sendPaaminnelser(dep(t.db, post2), "a", naa);
      await finnPaaminnelser(t.db, naa);
      await sendPaaminnelser(dep(t.db, post2), "a", naa);
      expect(post2.sendt).toEqual([]);
      const torsdag = new Date("2027-03-11T10:00:00Z");
      await finnPaaminnelser(t.db, torsdag);
      await sendPaaminnelser(dep(t.db, post2), "a", torsdag);
      expect(post2.sendt).toHaveLength(3);
    });

    it("skal ikke sende til den som har slått av typen, og lederen ser antallet (ikke hvem)", async () => {
      const ane = sol.personer.Ane!;
      expect(await minePaaminnelseValg(ane, { db: t.db })).toEqual({ samling: true, stasted: true, utproving: true, taIgjen: true });
      expect(await paaminnelserITeam(sol.personer.Leder!, sol.medlemskap.Leder!, team, { db: t.db })).toEqual({ paa: 3, totalt: 3 });
      await lagrePaaminnelseValg(ane, ["stasted", "utproving", "taIgjen"], { db: t.db });
      expect(await minePaaminnelseValg(ane, { db: t.db })).toEqual({ samling: false, stasted: true, utproving: true, taIgjen: true });
      expect(await paaminnelserITeam(sol.personer.Leder!, sol.medlemskap.Leder!, team, { db: t.db })).toEqual({ paa: 2, totalt: 3 });
      await forventIkkeFunnet(paaminnelserITeam(sol.personer.Ane!, sol.medlemskap.Ane!, team, { db: t.db }));
      await forventIkkeFunnet(paaminnelserITeam(annen.styrer, annen.medlemskap.Fremmed!, team, { db: t.db }));

      const fredag = new Date("2027-03-18T10:00:00Z");
      await lagPlanlagtSamling(dep(), { av: som(sol, "Leder"), teamId: team, modulId: "m2", starter: fraOslo("2027-03-19", "08:30")! });
      const post = postkasse();
      await finnPaaminnelser(t.db, fredag);
      await sendPaaminnelser(dep(t.db, post), "a", fredag);
      expect(post.sendt.map((e) => e.til).sort()).toEqual([sol.personer.Bo!.epost, sol.personer.Leder!.epost].sort());
      await lagrePaaminnelseValg(ane, ["samling", "stasted", "utproving", "taIgjen"], { db: t.db });
    });

    it("skal minne om frist for utprøving og om å ta igjen en samling man ikke var med på", async () => {
      const leder = som(sol, "Leder");
      const starter = fraOslo("2027-04-06", "13:00")!;
      const { samlingId, utprovinger } = await lagHoldtSamling(dep(), { av: leder, teamId: team, modulId: "m2", starter, oppmote: [sol.personer.Leder!, sol.personer.Ane!], utprovinger: ["Si navnet til hvert barn i garderoben"] });
      await t.db.updateTable("utproving").set({ frist: "2027-04-09" }).where("id", "=", utprovinger[0]!).execute();
      await loggUtproving(sol.personer.Ane!, sol.medlemskap.Ane!, utprovinger[0]!, "Det gikk fint", dep());
      const etter = new Date("2027-04-08T09:00:00Z"); // Thursday: the task is due Friday
      const post = postkasse();
      await finnPaaminnelser(t.db, etter);
      await sendPaaminnelser(dep(t.db, post), "a", etter);
      const emner = post.sendt.map((e) => `${e.til} ${e.emne}`).sort();
      expect(emner).toEqual(
        [
          `${sol.personer.Bo!.epost} Frist for utprøvinga 9. april 2027`,
          `${sol.personer.Leder!.epost} Frist for utprøvingen 9. april 2027`,
          `${sol.personer.Bo!.epost} Ta igjen samlinga du ikkje var med på`,
        ].sort(),
      );
      const taIgjen = post.sendt.find((e) => e.emne.startsWith("Ta igjen"))!;
      expect(taIgjen.tekst).toContain(`/barnehage/${sol.barnehageId}/samling/${samlingId}/ta-igjen`);
      expect(taIgjen.tekst).toContain("Du var ikkje med på samlinga 6. april 2027 om Modul 2: Modul m2.");
      expect(post.sendt.find((e) => e.til === sol.personer.Leder!.epost)!.tekst).toContain("«Si navnet til hvert barn i garderoben»");
    });

    it("skal minne om en ståstedsrunde som har åpnet og som snart stenger, bare til dem som ikke har svart", async () => {
      const runde = randomUUID();
      await t.db
        .insertInto("stasted_runde")
        .values({ id: runde, organizationId: sol.barnehageId, teamId: null, fase: "for", apner: "2027-05-03", lukker: "2027-05-07", status: "apen", instrumentVersjon: 1, utsagn: JSON.stringify([]), antallSvar: null, opprettetAv: sol.styrer.id, opprettet: new Date("2027-05-01T10:00:00Z"), lukket: null })
        .execute();
      await t.db.insertInto("stasted_deltakelse").values({ rundeId: runde, organizationId: sol.barnehageId, userId: sol.personer.Ane!.id }).execute();
      const post = postkasse();
      const mandag = new Date("2027-05-03T08:00:00Z");
      await finnPaaminnelser(t.db, mandag);
      await sendPaaminnelser(dep(t.db, post), "a", mandag);
      // Everyone in the barnehage but Ane (who answered), and nobody in the other barnehage.
      expect(post.sendt.map((e) => e.til).sort()).toEqual(["Leder", "Bo", "Utenfor", "Styrer"].map((n) => sol.personer[n]!.epost).sort());
      expect(new Set(post.sendt.map((e) => e.emne))).toEqual(new Set(["Ståstedsrunden er åpen", "Ståstadsrunden er open"]));
      const torsdag = new Date("2027-05-06T08:00:00Z");
      await finnPaaminnelser(t.db, torsdag);
      await sendPaaminnelser(dep(t.db, post), "a", torsdag);
      expect(post.sendt.filter((e) => e.emne.includes("stenger snart") || e.emne.includes("stengjer snart"))).toHaveLength(4);
      expect(post.sendt.find((e) => e.emne === "Ståstedsrunden stenger snart")!.tekst).toContain("er åpen til og med 7. mai 2027");
    });

    it("skal rydde bort ferdige påminnelser etter 90 dager, uten at de sendes på nytt", async () => {
      const ane = sol.personer.Ane!;
      const for_ = (await hentMinePaaminnelser(t.db, ane.id)).sendt.length;
      expect(for_).toBeGreaterThan(0);
      const post = postkasse();
      const senere = new Date("2027-09-01T10:00:00Z");
      await paaminnelseJobb(dep(t.db, post), "a").kjor(senere);
      expect((await hentMinePaaminnelser(t.db, ane.id)).sendt).toEqual([]);
      expect(post.sendt).toEqual([]);
    });

    it("skal ta med påminnelsene i egen eksport og slette dem med kontoen", async () => {
      const bo = sol.personer.Bo!;
      await t.db.insertInto("paaminnelse").values({ id: randomUUID(), organizationId: sol.barnehageId, userId: bo.id, type: "samling", objektId: randomUUID(), anledning: "x", opprettet: naa, sendt: naa, utfall: "sendt" }).execute();
      const mine = await hentMinePaaminnelser(t.db, bo.id);
      expect(mine.sendt.length).toBeGreaterThan(0);
      expect(mine.sendt.every((p) => p.barnehageId === sol.barnehageId)).toBe(true);
      await slettMinePaaminnelser(t.db, bo.id);
      expect((await hentMinePaaminnelser(t.db, bo.id)).sendt).toEqual([]);
    });
  });
}
