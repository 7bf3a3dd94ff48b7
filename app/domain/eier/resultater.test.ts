import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALEKTER, lagTestDb, type TestDb, forventIkkeFunnet } from "#app/db/test-databaser.ts";
import { lagAuth, type Auth } from "#app/auth/auth.server.ts";
import type { Aktor } from "#app/kontekst.ts";
import type { EierMedlemskap, Medlemskap } from "#app/auth/tilgang.ts";
import { krevMedlemskap, opprettBarnehage } from "#app/domain/barnehage/barnehage.server.ts";
import { brukInvitasjon, lagInvitasjon } from "#app/domain/barnehage/invitasjon.server.ts";
import { dagIdag, hentRundeside, lukkRunden, opprettRunde, svarPaRunde } from "#app/domain/stasted/stasted.server.ts";
import { eierResultater, krevEierMedlemskap, lagEierKode, opprettEier, resultaterForEier } from "./eier.server.ts";
import { knyttTilEier } from "./tilknytning.server.ts";

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
    const rundeMedSvar = async (styrer: string, barnehage: string, svarere: string[]) => {
      const ms = (navn: string) => m[`${navn}@${barnehage}`]!;
      const r = await opprettRunde(p[styrer]!, ms(styrer), { fase: "for", malgruppe: "alle", apner: dagIdag(NAA), lukker: "2026-12-31" }, dep(), NAA);
      if (!r.ok) throw new Error(r.feil);
      const side = await hentRundeside(p[styrer]!, ms(styrer), r.verdi, dep(), NAA);
      for (const x of svarere) {
        const svar = await svarPaRunde(p[x]!, ms(x), r.verdi, side.innhold.utsagn.map((u) => ({ utsagnId: u.id, verdi: 4 })), dep(), NAA);
        expect(svar.ok).toBe(true);
      }
      await lukkRunden(p[styrer]!, ms(styrer), r.verdi, dep(), SENERE);
    };

    beforeAll(async () => {
      t = await lagTestDb(dialekt);
      auth = lagAuth(t.db, { baseURL: "http://localhost:3000", secret: "s".repeat(40), sikreCookies: false });
      for (const navn of ["SA", "A1", "A2", "A3", "A4", "SB", "B1", "B2", "B3", "Kari"]) {
        const epost = `${navn.toLowerCase()}@example.no`;
        const { user } = await auth.api.signUpEmail({ body: { name: navn, email: epost, password: "et langt passord" } });
        p[navn] = { id: user.id, navn, epost, tofaktor: true };
      }
      // A: five people, B: four, C: another owner's barnehage where A's staff also work (five people).
      for (const [bh, styrer, ansatte] of [["A", "SA", ["A1", "A2", "A3", "A4"]], ["B", "SB", ["B1", "B2", "B3"]], ["C", "Kari", ["A1", "A2", "A3", "A4"]]] as const) {
        const id = await opprettBarnehage(p[styrer]!, { navn: `Barnehage ${bh}` }, dep());
        ider[bh] = id;
        m[`${styrer}@${id}`] = await krevMedlemskap(p[styrer]!, id, dep());
        for (const x of ansatte) {
          const { kode } = await lagInvitasjon(p[styrer]!, m[`${styrer}@${id}`]!, "ansatt", dep());
          await brukInvitasjon(p[x]!, kode, dep());
          m[`${x}@${id}`] = await krevMedlemskap(p[x]!, id, dep());
        }
      }
      eier = await krevEierMedlemskap(p.Kari!, await opprettEier(p.Kari!, { navn: "Solby kommune" }, dep()), dep());
      annenEier = await krevEierMedlemskap(p.SB!, await opprettEier(p.SB!, { navn: "Nordby" }, dep()), dep());
      for (const [bh, styrer, e] of [["A", "SA", eier], ["B", "SB", eier], ["C", "Kari", annenEier]] as const) {
        const { kode } = await lagEierKode(e === eier ? p.Kari! : p.SB!, e, "barnehage", dep());
        expect(await knyttTilEier(p[styrer]!, m[`${styrer}@${ider[bh]}`]!, kode, dep())).toMatchObject({ ok: true });
      }
      await rundeMedSvar("SA", ider.A!, ["SA", "A1", "A2", "A3", "A4"]);
      await rundeMedSvar("SB", ider.B!, ["SB", "B1", "B2", "B3"]);
      await rundeMedSvar("Kari", ider.C!, ["Kari", "A1", "A2", "A3", "A4"]);
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
      // Across both: nine answers, and C's five (another owner's) are never counted in.
      expect(r.stasted.samlet[0]!.resultat.antallSvar).toBe(9);
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
