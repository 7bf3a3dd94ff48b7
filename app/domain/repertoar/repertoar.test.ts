import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inflateSync } from "node:zlib";
import { DIALEKTER, lagTestDb, type TestDb, forventIkkeFunnet } from "#app/db/test-databaser.ts";
import { lagAuth, type Auth } from "#app/auth/auth.server.ts";
import type { Aktor } from "#app/kontekst.ts";
import type { Medlemskap } from "#app/auth/tilgang.ts";
import type { Innhold } from "#app/domain/innhold/innhold.server.ts";
import { lagBarnehage, lagHoldtSamling, lagInnhold, lagModul, som } from "#app/test/fabrikk.ts";
import { lagreGruppenotatet } from "#app/domain/notat/notat.server.ts";
import { eksporterMineData, slettKonto } from "#app/domain/personvern/mine-data.server.ts";
import { foreslaaSkjema, oppforingSkjema } from "./repertoar.schema.ts";
import { endre, foreslaa, gruppenotatSomKilde, oppforingen, plakaten, repertoaret, slett, vedta } from "./repertoar.server.ts";
import { plakatPdf } from "./plakat-pdf.server.ts";
import { iSetning } from "./repertoar.ts";

const inn = { situasjon: "at et barn ofte står alene ved lekehuset", handling: "går vi bort og blir med i leken", hvem: "Den voksne som ser det", hvorfor: "Slik at barnet kommer inn i leken", niva: "gruppe" as const };

describe("iSetning", () => {
  it("skal gi en tekst som står inne i setningen liten forbokstav, men la forkortelser og små bokstaver være", () => {
    expect(iSetning("Vi går bort")).toBe("vi går bort");
    expect(iSetning("at et barn står alene")).toBe("at et barn står alene");
    expect(iSetning("SFO-tida")).toBe("SFO-tida");
  });
});

describe("skjemaene for repertoaret", () => {
  it("skal kreve alle feltene og et kjent tiltaksnivå, med norske meldinger", () => {
    expect(foreslaaSkjema.safeParse({ ...inn, situasjon: " " }).error?.issues[0]?.message).toBe("repertoar.feil.situasjon");
    expect(foreslaaSkjema.safeParse({ ...inn, niva: "kommune" }).error?.issues[0]?.message).toBe("repertoar.feil.niva");
    expect(oppforingSkjema.safeParse({ intent: "vedta", versjon: "0" }).success).toBe(false);
  });
});

describe("plakaten som PDF", () => {
  it("skal være tagget: strukturtre, språk og tittel som vises", async () => {
    const oppforing = { ...inn, id: "x", status: "vedtatt" as const, foreslattAv: null, foreslattAvNavn: null, kilde: null, versjon: 2, opprettet: "2026-12-01T10:00:00Z", endret: "2026-12-02T10:00:00Z", endretAvNavn: null };
    for (const [sp, lang] of [["nb", "nb-NO"], ["nn", "nn-NO"]] as const) {
      const pdf = await plakatPdf({ barnehageNavn: "Solsikken", grupper: [{ niva: "gruppe", oppforinger: [oppforing] }], sistEndret: "2026-12-02T10:00:00Z" }, sp, "a3");
      const tekst = pdf.toString("latin1");
      expect(tekst.startsWith("%PDF-1.7")).toBe(true);
      expect(tekst).toContain("/StructTreeRoot");
      expect(tekst).toMatch(/\/Marked true/);
      expect(tekst).toContain(`/Lang (${lang})`);
      expect(tekst).toContain("/DisplayDocTitle true");
      for (const s of ["/S /Document", "/S /H1", "/S /H2", "/S /L", "/S /LI", "/S /LBody", "/S /P"]) expect(tekst, s).toContain(s);
      // The page content is marked for the structure tree (BDC … EMC).
      const strom = tekst.match(/stream\r?\n([\s\S]*?)endstream/g)!.map((s) => {
        try {
          return inflateSync(Buffer.from(s.replace(/^stream\r?\n/, "").replace(/endstream$/, ""), "latin1")).toString("latin1");
        } catch {
          return "";
        }
      });
      expect(strom.join("")).toMatch(/\/H1 <<\s*\/MCID 0\s*>> BDC/);
    }
  });
});

for (const dialekt of DIALEKTER) {
  describe(`handlingsrepertoaret på ${dialekt}`, () => {
    let t: TestDb;
    let auth: Auth;
    const p: Record<string, Aktor> = {};
    const m: Record<string, Medlemskap> = {};
    const modul = lagModul("m3", { aktiviteter: ["m3-a1"] });
    const innhold = lagInnhold(modul) as Innhold;
    const dep = () => ({ db: t.db, auth, innhold });
    let samling = "";
    let id = "";
    const naa = new Date("2026-12-07T10:00:00Z");

    beforeAll(async () => {
      t = await lagTestDb(dialekt);
      auth = lagAuth(t.db, { baseURL: "http://localhost:3000", secret: "s".repeat(40), sikreCookies: false });
      const sol = await lagBarnehage(dep(), { ledere: ["Leder"], ansatte: ["Anne", "Berit"], team: [{ navn: "Blåklokka", medlemmer: ["Anne"] }] });
      const blaa = await lagBarnehage(dep(), { navn: "Blåbærlia", styrer: "Fremmed" });
      Object.assign(p, sol.personer, blaa.personer);
      Object.assign(m, sol.medlemskap, blaa.medlemskap);
      samling = (await lagHoldtSamling(dep(), { av: som(sol, "Leder"), teamId: sol.team.Blåklokka!, modulId: "m3", starter: new Date("2026-11-02T09:00:00Z"), oppmote: [p.Anne!] })).samlingId;
      await lagreGruppenotatet(p.Anne!, m.Anne!, samling, "m3-a1", "Vi går bort og blir med i leken", 0, dep());
    });
    afterAll(() => t.rydd());

    it("skal la et teammedlem foreslå fra et gruppenotat, og stoppe et navn før det lagres", async () => {
      const kilde = { samlingId: samling, aktivitetId: "m3-a1", gruppe: 0 };
      expect((await gruppenotatSomKilde(p.Anne!, m.Anne!, kilde, dep())).tekst).toBe("Vi går bort og blir med i leken");
      // Berit is not in the team, the other barnehage cannot see the samling at all.
      await forventIkkeFunnet(gruppenotatSomKilde(p.Berit!, m.Berit!, kilde, dep()));
      await forventIkkeFunnet(foreslaa(p.Fremmed!, m.Fremmed!, inn, kilde, dep(), naa));
      expect(await foreslaa(p.Anne!, m.Anne!, { ...inn, situasjon: "at Emil står alene" }, kilde, dep(), naa)).toEqual({ ok: false, felt: "situasjon", navn: "Emil" });
      const svar = await foreslaa(p.Anne!, m.Anne!, inn, kilde, dep(), naa);
      if (!svar.ok) throw new Error("ikke lagret");
      id = svar.id;
      const r = await repertoaret(p.Berit!, m.Berit!, dep());
      expect(r.grupper.map((g) => [g.niva, g.oppforinger.map((o) => [o.status, o.foreslattAvNavn])])).toEqual([["gruppe", [["foreslatt", "Anne"]]]]);
      expect(r.kanVedta).toBe(false);
      expect((await plakaten(p.Anne!, m.Anne!, dep())).grupper).toEqual([]);
    });

    it("skal la forslagsstilleren endre sitt forslag, en leder vedta og endre, med historikk og lås", async () => {
      await forventIkkeFunnet(endre(p.Berit!, m.Berit!, id, 1, inn, dep(), naa));
      await forventIkkeFunnet(vedta(p.Anne!, m.Anne!, id, 1, dep(), naa));
      expect(await endre(p.Anne!, m.Anne!, id, 1, { ...inn, hvem: "Den som står nærmest" }, dep(), new Date("2026-12-07T10:05:00Z"))).toEqual({ ok: true, id });
      expect(await vedta(p.Leder!, m.Leder!, id, 1, dep(), naa)).toEqual({ ok: false, konflikt: true });
      expect(await vedta(p.Leder!, m.Leder!, id, 2, dep(), new Date("2026-12-07T10:10:00Z"))).toEqual({ ok: true, id });
      // Agreed: the proposer may no longer change it; the leder may.
      expect((await oppforingen(p.Anne!, m.Anne!, id, dep())).kanEndre).toBe(false);
      await forventIkkeFunnet(endre(p.Anne!, m.Anne!, id, 3, inn, dep(), naa));
      expect(await endre(p.Leder!, m.Leder!, id, 3, { ...inn, hvem: "Den som står nærmest", niva: "personale" }, dep(), new Date("2026-12-07T10:15:00Z"))).toEqual({ ok: true, id });
      const s = await oppforingen(p.Berit!, m.Berit!, id, dep());
      expect([s.oppforing.status, s.oppforing.niva, s.oppforing.versjon, s.oppforing.endretAvNavn]).toEqual(["vedtatt", "personale", 4, "Leder"]);
      expect(s.historikk.map((h) => [h.hendelse, h.brukerNavn, h.endringer.map((e) => [e.felt, e.for, e.etter])])).toEqual([
        ["endret", "Leder", [["niva", "gruppe", "personale"]]],
        ["vedtatt", "Leder", []],
        ["endret", "Anne", [["hvem", "Den voksne som ser det", "Den som står nærmest"]]],
        ["foreslatt", "Anne", []],
      ]);
      const plakat = await plakaten(p.Anne!, m.Anne!, dep());
      expect(plakat.grupper.map((g) => g.niva)).toEqual(["personale"]);
      expect(plakat.sistEndret).toBe("2026-12-07T10:15:00.000Z");
    });

    it("skal aldri vise en annen barnehages oppføringer, og la bare ledere slette", async () => {
      expect((await repertoaret(p.Fremmed!, m.Fremmed!, dep())).grupper).toEqual([]);
      await forventIkkeFunnet(oppforingen(p.Fremmed!, m.Fremmed!, id, dep()));
      await forventIkkeFunnet(vedta(p.Fremmed!, m.Fremmed!, id, 4, dep(), naa));
      await forventIkkeFunnet(slett(p.Fremmed!, m.Fremmed!, id, dep()));
      await forventIkkeFunnet(slett(p.Anne!, m.Anne!, id, dep()));
    });

    it("skal eksportere forslag og endringer, og ta bort personen (ikke oppføringen) når kontoen slettes", async () => {
      const d = (await eksporterMineData(p.Anne!, dep(), naa)).data;
      expect((d.repertoarForslag as { situasjon: string }[]).map((x) => x.situasjon)).toEqual([inn.situasjon]);
      expect((d.repertoarEndringer as { hendelse: string }[]).map((x) => x.hendelse)).toEqual(["foreslatt", "endret"]);
      expect((await slettKonto(p.Anne!, dep(), naa)).ok).toBe(true);
      const s = await oppforingen(p.Leder!, m.Leder!, id, dep());
      expect(s.oppforing.foreslattAvNavn).toBeNull();
      expect(s.historikk.filter((h) => h.brukerNavn === null).map((h) => h.hendelse)).toEqual(["endret", "foreslatt"]);
      await slett(p.Leder!, m.Leder!, id, dep());
      await forventIkkeFunnet(oppforingen(p.Leder!, m.Leder!, id, dep()));
    });
  });
}
