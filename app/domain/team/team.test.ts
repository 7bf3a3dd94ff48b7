import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALEKTER, lagTestDb, type TestDb, forventIkkeFunnet } from "#app/db/test-databaser.ts";
import { lagAuth, type Auth } from "#app/auth/auth.server.ts";
import type { Aktor } from "#app/kontekst.ts";
import type { Medlemskap } from "#app/auth/tilgang.ts";
import { fjernMedlem, krevMedlemskap } from "#app/domain/barnehage/barnehage.server.ts";
import { lagBarnehage } from "#app/test/fabrikk.ts";
import { teamListeSkjema, teamSkjema } from "./team.schema.ts";
import { fjernFraTeam, giTeamNyttNavn, hentTeam, leggTilITeam, opprettTeam, slettTeamet, teamIBarnehagen } from "./team.server.ts";
import { finnTeam, hentTeamMedMedlemmer, leggTilTeamMedlem, listTeam, settTeamNavn, slettTeam } from "./team.repo.server.ts";


describe("skjemaene for team", () => {
  it("skal kreve et navn på høyst 60 tegn og en person å legge til", () => {
    expect(teamListeSkjema.safeParse({ intent: "opprett", navn: "  " }).error?.issues[0]?.message).toBe("team.feil.navn");
    expect(teamSkjema.safeParse({ intent: "gi-nytt-navn", navn: "x".repeat(61) }).error?.issues[0]?.message).toBe("team.feil.navnLangt");
    expect(teamSkjema.safeParse({ intent: "legg-til", brukerId: "" }).error?.issues[0]?.message).toBe("team.feil.velgPerson");
    expect(teamSkjema.safeParse({ intent: "slett" }).success).toBe(true);
    expect(teamListeSkjema.parse({ intent: "opprett", navn: " Blåklokka " })).toEqual({ intent: "opprett", navn: "Blåklokka" });
  });
});

for (const dialekt of DIALEKTER) {
  describe(`team på ${dialekt}`, () => {
    let t: TestDb;
    let auth: Auth;
    const p: Record<string, Aktor> = {};
    const m: Record<string, Medlemskap> = {};
    const dep = () => ({ db: t.db, auth });
    let a = "";
    let b = "";

    beforeAll(async () => {
      t = await lagTestDb(dialekt);
      auth = lagAuth(t.db, { baseURL: "http://localhost:3000", secret: "s".repeat(40), sikreCookies: false });
      // No teams from the factory: creating them and their members is what is tested here.
      const sol = await lagBarnehage(dep(), { ledere: ["Leder"], ansatte: ["Ansatt"] });
      const blaa = await lagBarnehage(dep(), { navn: "Blåbærlia", styrer: "Fremmed" });
      Object.assign(p, sol.personer, blaa.personer);
      Object.assign(m, sol.medlemskap, blaa.medlemskap);
      a = sol.barnehageId;
      b = blaa.barnehageId;
    });
    afterAll(() => t.rydd());

    let blaaklokka = "";
    it("skal la styreren opprette og gi nytt navn til et team, men ikke to med samme navn", async () => {
      const ny = await opprettTeam(p.Styrer!, m.Styrer!, "Blåklokke", dep());
      expect(ny.ok).toBe(true);
      blaaklokka = ny.ok ? ny.verdi : "";
      expect(await giTeamNyttNavn(p.Styrer!, m.Styrer!, blaaklokka, "Blåklokka", dep())).toEqual({ ok: true, verdi: undefined });
      const solsikke = await opprettTeam(p.Styrer!, m.Styrer!, "Solsikkene", dep());
      expect(await opprettTeam(p.Styrer!, m.Styrer!, "BLÅKLOKKA", dep())).toEqual({ ok: false, felt: "navn", feil: "team.feil.finnes" });
      expect(await giTeamNyttNavn(p.Styrer!, m.Styrer!, solsikke.ok ? solsikke.verdi : "", "blåklokka", dep())).toMatchObject({ ok: false, feil: "team.feil.finnes" });
      expect((await teamIBarnehagen(p.Ansatt!, m.Ansatt!, dep())).map((x) => x.navn)).toEqual(["Blåklokka", "Solsikkene"]);
    });

    it("skal la bare styreren opprette, gi nytt navn og slette (ellers «ikke funnet»)", async () => {
      await forventIkkeFunnet(opprettTeam(p.Leder!, m.Leder!, "Lederteam", dep()));
      await forventIkkeFunnet(opprettTeam(p.Ansatt!, m.Ansatt!, "Ansatteam", dep()));
      await forventIkkeFunnet(giTeamNyttNavn(p.Leder!, m.Leder!, blaaklokka, "Nytt", dep()));
      await forventIkkeFunnet(slettTeamet(p.Ansatt!, m.Ansatt!, blaaklokka, dep()));
      await forventIkkeFunnet(opprettTeam(null, m.Styrer!, "X", dep()));
    });

    it("skal la leder og styrer legge til medlemmer av samme barnehage, og en person kan være i flere team", async () => {
      await leggTilITeam(p.Styrer!, m.Styrer!, blaaklokka, p.Ansatt!.id, dep());
      await leggTilITeam(p.Leder!, m.Leder!, blaaklokka, p.Leder!.id, dep());
      await leggTilITeam(p.Leder!, m.Leder!, blaaklokka, p.Leder!.id, dep()); // twice changes nothing
      const annet = await opprettTeam(p.Styrer!, m.Styrer!, "Kjøkkenet", dep());
      const kjokken = annet.ok ? annet.verdi : "";
      await leggTilITeam(p.Styrer!, m.Styrer!, kjokken, p.Ansatt!.id, dep());
      const team = await hentTeam(p.Ansatt!, m.Ansatt!, blaaklokka, dep());
      expect(team.medlemmer.map((x) => x.navn)).toEqual(["Ansatt", "Leder"]);
      const alle = await teamIBarnehagen(p.Ansatt!, m.Ansatt!, dep());
      expect(alle.filter((x) => x.medlemmer.some((y) => y.brukerId === p.Ansatt!.id)).map((x) => x.navn)).toEqual(["Blåklokka", "Kjøkkenet"]);
      await forventIkkeFunnet(leggTilITeam(p.Ansatt!, m.Ansatt!, blaaklokka, p.Styrer!.id, dep()));
    });

    it("skal aldri legge til noen fra en annen barnehage, verken i use case eller i databasen", async () => {
      await forventIkkeFunnet(leggTilITeam(p.Styrer!, m.Styrer!, blaaklokka, p.Fremmed!.id, dep()));
      await expect(leggTilTeamMedlem(t.db, a, blaaklokka, p.Fremmed!.id, new Date())).rejects.toThrow();
      await expect(leggTilTeamMedlem(t.db, b, blaaklokka, p.Fremmed!.id, new Date())).rejects.toThrow();
    });

    it("skal aldri finne et team fra en annen barnehage", async () => {
      expect(await finnTeam(t.db, b, blaaklokka)).toBeUndefined();
      expect(await hentTeamMedMedlemmer(t.db, b, blaaklokka)).toBeUndefined();
      expect(await listTeam(t.db, b)).toEqual([]);
      expect(await settTeamNavn(t.db, b, blaaklokka, "Kapret")).toBe(false);
      expect(await slettTeam(t.db, b, blaaklokka)).toBe(false);
      await forventIkkeFunnet(hentTeam(p.Fremmed!, m.Fremmed!, blaaklokka, dep()));
      await forventIkkeFunnet(giTeamNyttNavn(p.Fremmed!, m.Fremmed!, blaaklokka, "Kapret", dep()));
      await forventIkkeFunnet(slettTeamet(p.Fremmed!, m.Fremmed!, blaaklokka, dep()));
      await forventIkkeFunnet(leggTilITeam(p.Fremmed!, m.Fremmed!, blaaklokka, p.Fremmed!.id, dep()));
      await forventIkkeFunnet(fjernFraTeam(p.Fremmed!, m.Fremmed!, blaaklokka, p.Ansatt!.id, dep()));
      expect((await finnTeam(t.db, a, blaaklokka))?.navn).toBe("Blåklokka");
    });

    it("skal ta en person ut av et team, og ut av alle team når de fjernes fra barnehagen", async () => {
      await fjernFraTeam(p.Leder!, m.Leder!, blaaklokka, p.Leder!.id, dep());
      await forventIkkeFunnet(fjernFraTeam(p.Styrer!, m.Styrer!, blaaklokka, p.Leder!.id, dep()));
      expect((await hentTeam(p.Styrer!, m.Styrer!, blaaklokka, dep())).medlemmer.map((x) => x.navn)).toEqual(["Ansatt"]);
      expect(await fjernMedlem(p.Styrer!, m.Styrer!, p.Ansatt!.id, dep())).toEqual({ ok: true });
      const alle = await teamIBarnehagen(p.Styrer!, m.Styrer!, dep());
      expect(alle.flatMap((x) => x.medlemmer)).toEqual([]);
      expect(await t.db.selectFrom("team_medlem").selectAll().where("userId", "=", p.Ansatt!.id).execute()).toEqual([]);
    });

    it("skal slette et team med medlemskapene, men ikke personene", async () => {
      await leggTilITeam(p.Styrer!, m.Styrer!, blaaklokka, p.Leder!.id, dep());
      await slettTeamet(p.Styrer!, m.Styrer!, blaaklokka, dep());
      await forventIkkeFunnet(hentTeam(p.Styrer!, m.Styrer!, blaaklokka, dep()));
      await forventIkkeFunnet(slettTeamet(p.Styrer!, m.Styrer!, blaaklokka, dep()));
      expect(await t.db.selectFrom("team_medlem").selectAll().where("teamId", "=", blaaklokka).execute()).toEqual([]);
      expect(await krevMedlemskap(p.Leder!, a, dep())).toMatchObject({ rolle: "leder" });
    });
  });
}
