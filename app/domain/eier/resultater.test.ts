import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALEKTER, lagTestDb, type TestDb, forventIkkeFunnet } from "#app/db/test-databaser.ts";
import { lagAuth, type Auth } from "#app/auth/auth.server.ts";
import type { Aktor } from "#app/kontekst.ts";
import type { EierMedlemskap, Medlemskap } from "#app/auth/tilgang.ts";
import { dagIdag, hentRundeside, lukkRunden, opprettRunde, svarPaRunde } from "#app/domain/stasted/stasted.server.ts";
import { lagBarnehage, lagEier, som, type BarnehageVerden } from "#app/test/fabrikk.ts";
import { eierResultater, resultaterForEier } from "./eier.server.ts";
import { eierForBarnehage } from "./eier.repo.server.ts";

const NAA = new Date("2026-11-26T10:00:00Z");
const SENERE = new Date("2027-01-05T10:00:00Z");

for (const dialekt of DIALEKTER) {
  describe(`eierens resultater på ${dialekt}`, () => {
    let t: TestDb;
    let auth: Auth;
    const p: Record<string, Aktor> = {};
    const m: Record<string, Medlemskap> = {};
    let eier: EierMedlemskap;
    let annenEier: EierMedlemskap;
    const ider: Record<string, string> = {};
    const dep = () => ({ db: t.db, auth });

    /** A closed før round in the barnehage, answered by the given people (value 4 on every statement). */
    const rundeMedSvar = async (bh: BarnehageVerden, svarere: string[]) => {
      const styrer = som(bh, bh.styrer.navn);
      const r = await opprettRunde(styrer.aktor, styrer.medlemskap, { fase: "for", malgruppe: "alle", apner: dagIdag(NAA), lukker: "2026-12-31" }, dep(), NAA);
      if (!r.ok) throw new Error(r.feil);
      const side = await hentRundeside(styrer.aktor, styrer.medlemskap, r.verdi, dep(), NAA);
      for (const x of svarere) {
        const svar = await svarPaRunde(bh.personer[x]!, bh.medlemskap[x]!, r.verdi, side.innhold.utsagn.map((u) => ({ utsagnId: u.id, verdi: 4 })), dep(), NAA);
        expect(svar.ok).toBe(true);
      }
      await lukkRunden(styrer.aktor, styrer.medlemskap, r.verdi, dep(), SENERE);
    };

    beforeAll(async () => {
      t = await lagTestDb(dialekt);
      auth = lagAuth(t.db, { baseURL: "http://localhost:3000", secret: "s".repeat(40), sikreCookies: false });
      // A: five people, B: four, C: another owner's barnehage where A's staff also work (five people).
      const bhA = await lagBarnehage(dep(), { navn: "Barnehage A", styrer: "SA", ansatte: ["A1", "A2", "A3", "A4"] });
      const bhB = await lagBarnehage(dep(), { navn: "Barnehage B", styrer: "SB", ansatte: ["B1", "B2", "B3"] });
      const bhC = await lagBarnehage(dep(), { navn: "Barnehage C", styrer: "Kari", ansatte: ["A1", "A2", "A3", "A4"].map((x) => bhA.personer[x]!) });
      for (const [bh, verden] of [["A", bhA], ["B", bhB], ["C", bhC]] as const) {
        Object.assign(p, verden.personer);
        ider[bh] = verden.barnehageId;
        for (const [navn, ms] of Object.entries(verden.medlemskap)) m[`${navn}@${verden.barnehageId}`] = ms;
      }
      const solby = await lagEier(dep(), { navn: "Solby kommune", person: bhC.styrer, barnehager: [bhA, bhB] });
      const nordby = await lagEier(dep(), { navn: "Nordby", person: bhB.styrer, barnehager: [bhC] });
      eier = solby.medlemskap;
      annenEier = nordby.medlemskap;
      for (const [bh, e] of [[bhA, solby], [bhB, solby], [bhC, nordby]] as const) expect(await eierForBarnehage(t.db, bh.barnehageId)).toMatchObject({ eierId: e.eierId });
      await rundeMedSvar(bhA, ["SA", "A1", "A2", "A3", "A4"]);
      await rundeMedSvar(bhB, ["SB", "B1", "B2", "B3"]);
      await rundeMedSvar(bhC, ["Kari", "A1", "A2", "A3", "A4"]);
    }, 300_000); // ten accounts (password hashing) on a busy 2-core machine
    afterAll(() => t.rydd());

    it("skal bare vise resultatene til eierens egne folk", async () => {
      await forventIkkeFunnet(eierResultater(null, eier, dep()));
      // A barnehage membership is not an owner membership (the eier middleware gives the latter).
      await forventIkkeFunnet(eierResultater(p.SA!, m[`SA@${ider.A}`]! as unknown as EierMedlemskap, dep()));
    });

    it("skal gi eieren bare sine barnehager, og ståsted bare der minst fem svarte", async () => {
      const r = await eierResultater(p.Kari!, eier, dep());
      expect(r.barnehager.map((b) => b.id).sort()).toEqual([ider.A!, ider.B!].sort());
      expect(JSON.stringify(r)).not.toContain(ider.C!);
      const a = r.stasted.barnehager.find((b) => b.barnehageId === ider.A)!.faser[0]!;
      expect(a).toMatchObject({ fase: "for", antallRunder: 1, resultat: { antallSvar: 5, nok: true } });
      expect(a.resultat.omrader.every((o) => o.nok && o.snitt === 4)).toBe(true);
      const b = r.stasted.barnehager.find((x) => x.barnehageId === ider.B)!.faser[0]!;
      expect(b.resultat.nok).toBe(false);
      expect(b.resultat.omrader.every((o) => !o.nok && o.snitt === null && o.fordeling === null)).toBe(true);
      // Across both: only the five from A, and C's five (another owner's) are never counted in. B's
      // four are hidden and left out of the total too (ADR 0023): counting them in (nine, as before)
      // let «total minus A» reveal B's answers.
      expect(r.stasted.samlet[0]!.resultat.antallSvar).toBe(5);
      // Progress: counts without names, shares only at five people or more.
      const fa = r.barnehager.find((x) => x.id === ider.A)!.fremdrift;
      const fb = r.barnehager.find((x) => x.id === ider.B)!.fremdrift;
      expect(fa).toMatchObject({ medlemmer: 0, reflektert: null });
      expect(fb.reflektert).toBeNull();
      for (const navn of Object.keys(p)) expect(JSON.stringify(r)).not.toContain(p[navn]!.id);
    });

    it("skal gi en eier uten egne svar ingenting fra andres barnehager", async () => {
      const r = await resultaterForEier(t.db, annenEier.eierId);
      expect(r.barnehager.map((b) => b.id)).toEqual([ider.C]);
      expect(r.stasted.samlet[0]!.resultat).toMatchObject({ antallSvar: 5, nok: true });
      expect(JSON.stringify(r)).not.toContain(ider.A!);
      expect(r.tilbakemelding).toEqual([]);
    });
  });
}
