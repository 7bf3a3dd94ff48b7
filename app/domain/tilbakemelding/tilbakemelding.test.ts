import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { DIALEKTER, lagTestDb, type TestDb, forventIkkeFunnet } from "#app/db/test-databaser.ts";
import { lagAuth, type Auth } from "#app/auth/auth.server.ts";
import type { Aktor } from "#app/kontekst.ts";
import type { Medlemskap } from "#app/auth/tilgang.ts";
import type { Innhold, Modul } from "#app/domain/innhold/innhold.server.ts";
import { lagBarnehage } from "#app/test/fabrikk.ts";
import { tilbakemeldingSkjema, type TilbakemeldingSvar } from "./tilbakemelding.schema.ts";
import { MIN_SVAR, leggSammen, oppsummer, stokk, type Telling } from "./tilbakemelding.ts";
import { svarPaTilbakemelding, tilbakemeldingForEier, tilbakemeldingForModul, tilbakemeldingIBarnehagen, tilbakemeldingsinstrument } from "./tilbakemelding.server.ts";
import { hentAggregater, hentFritekster, harSvart, lagreSvar } from "./tilbakemelding.repo.server.ts";

const IDER = ["t1", "t2", "t3"];
/** Three answers and an optional free text, as the use case gets them from the form. */
const svar = (t1: number | null, t2: number | null = 4, t3: number | null = 3, fritekst: string | null = null): TilbakemeldingSvar => ({
  svar: [
    { utsagnId: "t1", verdi: t1 },
    { utsagnId: "t2", verdi: t2 },
    { utsagnId: "t3", verdi: t3 },
  ],
  fritekst,
});

describe("skjemaet for tilbakemelding", () => {
  const skjema = tilbakemeldingSkjema(IDER);
  it("skal kreve et valg på hvert utsagn, der «vet ikke» er et gyldig valg uten verdi", () => {
    const feil = skjema.safeParse({ t1: "3", t3: "6" });
    expect(feil.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["t2", "tilbakemelding.feil.velg"],
      ["t3", "tilbakemelding.feil.velg"],
    ]);
    expect(skjema.parse({ t1: "5", t2: "vet-ikke", t3: "1", fritekst: "  " })).toEqual({
      svar: [
        { utsagnId: "t1", verdi: 5 },
        { utsagnId: "t2", verdi: null },
        { utsagnId: "t3", verdi: 1 },
      ],
      fritekst: null,
    });
  });

  it("skal godta fritekst opp til 1000 tegn, ikke mer", () => {
    expect(skjema.parse({ t1: "1", t2: "2", t3: "3", fritekst: " Nyttig. " }).fritekst).toBe("Nyttig.");
    expect(skjema.safeParse({ t1: "1", t2: "2", t3: "3", fritekst: "x".repeat(1001) }).error?.issues[0]?.message).toBe("tilbakemelding.feil.fritekstLang");
  });

  it("skal bruke utsagnene i instrumentet", async () => {
    expect((await tilbakemeldingsinstrument()).modulTilbakemelding.utsagn.map((u) => u.id)).toEqual(IDER);
  });
});

describe("oppsummeringen", () => {
  const telling = (par: [number | null, number][]): Telling => par.map(([verdi, antall]) => ({ verdi, antall }));
  it("skal ikke vise noe under fem svar", () => {
    expect(oppsummer(4, IDER, new Map([["t1", telling([[5, 4]])]]))).toEqual({ antallSvar: 4, vist: false });
  });

  it("skal regne fordeling og gjennomsnitt uten «vet ikke», og skjule et utsagn med under fem verdier", () => {
    const r = oppsummer(
      6,
      IDER,
      new Map([
        ["t1", telling([[1, 1], [4, 2], [5, 2], [null, 1]])],
        ["t2", telling([[3, 4], [null, 2]])],
        ["t3", telling([[2, 6]])],
      ]),
    );
    expect(r).toEqual({
      antallSvar: 6,
      vist: true,
      utsagn: [
        { utsagnId: "t1", vist: true, fordeling: [1, 0, 0, 2, 2], vetIkke: 1, gjennomsnitt: 3.8 },
        { utsagnId: "t2", vist: false },
        { utsagnId: "t3", vist: true, fordeling: [0, 6, 0, 0, 0], vetIkke: 0, gjennomsnitt: 2 },
      ],
    });
  });

  it("skal legge sammen tellinger fra flere barnehager", () => {
    const sum = leggSammen([new Map([["t1", telling([[1, 2], [null, 1]])]]), new Map([["t1", telling([[1, 3], [5, 1]])], ["t2", telling([[2, 1]])]])]);
    expect(sum.get("t1")).toEqual(telling([[1, 5], [null, 1], [5, 1]]));
    expect(sum.get("t2")).toEqual(telling([[2, 1]]));
  });

  it("skal stokke uten å miste eller legge til noe", () => {
    const liste = Array.from({ length: 50 }, (_, i) => i);
    const stokket = stokk(liste, (n) => Math.floor(Math.random() * n));
    expect([...stokket].sort((a, b) => a - b)).toEqual(liste);
    expect(stokk(liste, () => 0)).not.toEqual(liste);
  });
});

/** Two modules are enough: the use cases only need id, slug and number. */
const moduler = [
  { id: "m1", slug: "en", nummer: 1 },
  { id: "m2", slug: "to", nummer: 2 },
] as unknown as Modul[];
const innhold: Pick<Innhold, "moduler" | "modulEtterSlug"> = { moduler, modulEtterSlug: (slug) => moduler.find((m) => m.slug === slug) };

for (const dialekt of DIALEKTER) {
  describe(`tilbakemelding etter modulene på ${dialekt}`, () => {
    let t: TestDb;
    let auth: Auth;
    const p: Record<string, Aktor> = {};
    const m: Record<string, Medlemskap> = {};
    const dep = () => ({ db: t.db, innhold });
    const ANSATTE = ["A1", "A2", "A3", "A4", "A5", "A6"];
    let a = "";
    let b = "";

    beforeAll(async () => {
      t = await lagTestDb(dialekt);
      auth = lagAuth(t.db, { baseURL: "http://localhost:3000", secret: "s".repeat(40), sikreCookies: false });
      const avh = { db: t.db, auth };
      const sol = await lagBarnehage(avh, { ledere: ["Leder"], ansatte: ANSATTE });
      const blaa = await lagBarnehage(avh, { navn: "Blåbærlia", styrer: "Fremmed", ansatte: ["FremmedAnsatt"] });
      Object.assign(p, sol.personer, blaa.personer);
      Object.assign(m, sol.medlemskap, blaa.medlemskap);
      a = sol.barnehageId;
      b = blaa.barnehageId;
    }, 180_000); // ten accounts (password hashing) and a migrated database: slow on a busy shared machine
    afterAll(() => t.rydd());

    const resultatFor = async (hvem: string, modulId = "m1") => (await tilbakemeldingIBarnehagen(p[hvem]!, m[hvem]!, dep())).find((x) => x.modulId === modulId)!;

    it("skal la et medlem svare én gang per modul og barnehage", async () => {
      expect((await tilbakemeldingForModul(p.A1!, m.A1!, "en", dep())).harSvart).toBe(false);
      expect(await svarPaTilbakemelding(p.A1!, m.A1!, "en", svar(5, 4, 3, "Vi lærte mye om å se hele gruppa."), dep())).toEqual({ ok: true });
      expect(await svarPaTilbakemelding(p.A1!, m.A1!, "en", svar(1, 1, 1, "Et nytt forsøk"), dep())).toEqual({ ok: false, feil: "tilbakemelding.feil.harSvart" });
      expect((await tilbakemeldingForModul(p.A1!, m.A1!, "en", dep())).harSvart).toBe(true);
      expect((await tilbakemeldingForModul(p.A1!, m.A1!, "to", dep())).harSvart).toBe(false);
      expect((await resultatFor("A1")).harSvart).toBe(true);
      expect((await resultatFor("A2")).harSvart).toBe(false);
      // The second attempt left nothing behind.
      expect(await hentFritekster(t.db, a, "m1")).toEqual(["Vi lærte mye om å se hele gruppa."]);
      const [agg] = await hentAggregater(t.db, [a]);
      expect(agg?.antallSvar).toBe(1);
    });

    it("skal avvise ukjente moduler, svar som ikke passer instrumentet og folk uten tilgang", async () => {
      await forventIkkeFunnet(tilbakemeldingForModul(p.A2!, m.A2!, "finnes-ikke", dep()));
      await forventIkkeFunnet(svarPaTilbakemelding(p.A2!, m.A2!, "finnes-ikke", svar(3), dep()));
      await forventIkkeFunnet(svarPaTilbakemelding(null, m.A2!, "en", svar(3), dep()));
      expect(await svarPaTilbakemelding(p.A2!, m.A2!, "en", { ...svar(3), svar: svar(3).svar.slice(0, 2) }, dep())).toEqual({ ok: false, feil: "tilbakemelding.feil.velg" });
      expect(await svarPaTilbakemelding(p.A2!, m.A2!, "en", svar(7), dep())).toEqual({ ok: false, feil: "tilbakemelding.feil.velg" });
      expect(await harSvart(t.db, a, "m1", p.A2!.id)).toBe(false);
    });

    it("skal vise «for få svar» ved fire svar og resultatet ved fem, bare for leder og styrer", async () => {
      await svarPaTilbakemelding(p.A2!, m.A2!, "en", svar(4, 4, null, "Filmen var god."), dep());
      await svarPaTilbakemelding(p.A3!, m.A3!, "en", svar(4, 5, null), dep());
      await svarPaTilbakemelding(p.A4!, m.A4!, "en", svar(2, 4, 3, "For lite tid til å snakke sammen."), dep());
      expect((await resultatFor("Leder")).resultat).toEqual({ antallSvar: 4, vist: false });
      expect((await resultatFor("Styrer")).resultat).toEqual({ antallSvar: 4, vist: false });
      expect((await resultatFor("Styrer")).fritekster, "fritekst bare ved minst fem svar").toBeNull();

      await svarPaTilbakemelding(p.Leder!, m.Leder!, "en", svar(null, 3, 3), dep());
      const leder = await resultatFor("Leder");
      expect(leder.resultat).toEqual({
        antallSvar: 5,
        vist: true,
        utsagn: [
          // t1: 5, 4, 4, 2 and one «vet ikke»: only four values, so this statement stays hidden.
          { utsagnId: "t1", vist: false },
          { utsagnId: "t2", vist: true, fordeling: [0, 0, 1, 3, 1], vetIkke: 0, gjennomsnitt: 4 },
          // t3: 3, null, null, 3, 3: three values.
          { utsagnId: "t3", vist: false },
        ],
      });
      expect((await resultatFor("Leder", "m2")).resultat).toEqual({ antallSvar: 0, vist: false });
    });

    it("skal vise friteksten bare for styreren (ikke leder eller ansatt), og aldri resultater for ansatte", async () => {
      expect((await resultatFor("Leder")).fritekster).toBeNull();
      const ansatt = await resultatFor("A5");
      expect(ansatt.resultat).toBeNull();
      expect(ansatt.fritekster).toBeNull();
      const styrer = await resultatFor("Styrer");
      expect([...styrer.fritekster!].sort()).toEqual(["Filmen var god.", "For lite tid til å snakke sammen.", "Vi lærte mye om å se hele gruppa."]);
    });

    it("skal ikke kunne koble et svar til en person: ingen bruker-id, ingen tid og samme transaksjon på alle radene", async () => {
      const brukerIder = Object.values(p).map((x) => x.id);
      const svarRader = await t.db.selectFrom("modul_tilbakemelding_svar").selectAll().execute();
      const tekstRader = await t.db.selectFrom("modul_tilbakemelding_fritekst").selectAll().execute();
      const deltakelse = await t.db.selectFrom("modul_tilbakemelding_deltakelse").selectAll().execute();
      expect(svarRader).toHaveLength(5 * 3);
      expect(Object.keys(svarRader[0]!).sort()).toEqual(["id", "modulId", "organizationId", "utsagnId", "verdi"]);
      expect(Object.keys(tekstRader[0]!).sort()).toEqual(["id", "modulId", "organizationId", "tekst"]);
      expect(Object.keys(deltakelse[0]!).sort()).toEqual(["modulId", "organizationId", "userId"]);
      // Every value in every column: no user id, no point in time, nothing shared with participation but barnehage and module.
      for (const rad of [...svarRader, ...tekstRader]) {
        for (const verdi of Object.values(rad)) {
          const tekst = String(verdi);
          expect(brukerIder.some((id) => tekst.includes(id)), tekst).toBe(false);
          expect(/\d{4}-\d{2}-\d{2}T/.test(tekst), tekst).toBe(false);
        }
      }
      const delte = new Set(deltakelse.flatMap((d) => [d.userId]));
      expect(svarRader.some((r) => Object.values(r).some((v) => delte.has(String(v))))).toBe(false);
      // Each answer is one row per statement, not a row per person that ties t1, t2 and t3 together.
      expect(new Set(svarRader.map((r) => r.id)).size).toBe(svarRader.length);
      if (dialekt !== "sqlite") {
        // PostgreSQL stamps each row with the transaction that wrote it (xmin). All rows of the
        // module were rewritten by the last answer, so xmin cannot tell whose answer a row is.
        const xmin = await sql<{ x: string }>`select xmin::text as x from modul_tilbakemelding_svar where "organizationId" = ${a} and "modulId" = 'm1'`.execute(t.db);
        expect(new Set(xmin.rows.map((r) => r.x)).size).toBe(1);
        const tekstXmin = await sql<{ x: string }>`select xmin::text as x from modul_tilbakemelding_fritekst where "organizationId" = ${a} and "modulId" = 'm1'`.execute(t.db);
        expect(new Set(tekstXmin.rows.map((r) => r.x)).size).toBe(1);
      } else {
        // On SQLite the answer tables have no rowid, so rows are stored in the order of their random key.
        const ddl = await sql<{ sql: string }>`select sql from sqlite_master where name in ('modul_tilbakemelding_svar', 'modul_tilbakemelding_fritekst')`.execute(t.db);
        expect(ddl.rows.map((r) => /without rowid/i.test(r.sql))).toEqual([true, true]);
      }
    });

    it("skal holde barnehagene adskilt", async () => {
      await svarPaTilbakemelding(p.FremmedAnsatt!, m.FremmedAnsatt!, "en", svar(1, 1, 1, "Hemmelig fra Blåbærlia"), dep());
      const fremmed = (await tilbakemeldingIBarnehagen(p.Fremmed!, m.Fremmed!, dep())).find((x) => x.modulId === "m1")!;
      expect(fremmed.resultat).toEqual({ antallSvar: 1, vist: false });
      expect(fremmed.harSvart).toBe(false);
      expect(await harSvart(t.db, b, "m1", p.A1!.id)).toBe(false);
      expect(await hentFritekster(t.db, b, "m1")).toEqual(["Hemmelig fra Blåbærlia"]);
      expect(await hentFritekster(t.db, a, "m1")).not.toContain("Hemmelig fra Blåbærlia");
      expect((await hentAggregater(t.db, [a]))[0]?.antallSvar).toBe(5);
    });

    it("skal tåle mange svar på samme modul samtidig uten å miste eller doble rader", async () => {
      const folk = ["A1", "A2", "A3", "A4", "A5", "A6", "Leder", "Styrer"];
      const svarene = await Promise.all(folk.map((navn, i) => lagreSvar(t.db, { barnehageId: a, modulId: "m2", brukerId: p[navn]!.id, svar: svar((i % 5) + 1).svar, fritekst: `Tekst ${i}` })));
      expect(svarene.every(Boolean)).toBe(true);
      expect(await lagreSvar(t.db, { barnehageId: a, modulId: "m2", brukerId: p.A1!.id, svar: svar(1).svar, fritekst: null })).toBe(false);
      // The same person twice at the same moment (two tabs): one answer counts, the other is refused.
      expect(await lagreSvar(t.db, { barnehageId: a, modulId: "m9", brukerId: p.A2!.id, svar: svar(2).svar, fritekst: null })).toBe(true);
      const toGanger = await Promise.all([1, 2].map(() => lagreSvar(t.db, { barnehageId: a, modulId: "m9", brukerId: p.A1!.id, svar: svar(2).svar, fritekst: null })));
      expect(toGanger.sort()).toEqual([false, true]);
      const agg = (await hentAggregater(t.db, [a])).find((x) => x.modulId === "m2")!;
      expect(agg.antallSvar).toBe(folk.length);
      expect(agg.tellinger.get("t1")!.reduce((s, x) => s + x.antall, 0)).toBe(folk.length);
      expect((await hentFritekster(t.db, a, "m2")).sort()).toEqual(folk.map((_, i) => `Tekst ${i}`).sort());
    });

    it("skal gi eieren tall per barnehage og samlet, med samme minimum og aldri fritekst", async () => {
      const eier = await tilbakemeldingForEier(t.db, [a, b]);
      expect(JSON.stringify(eier)).not.toMatch(/Tekst|Filmen|Hemmelig|lærte/);
      const m1 = eier.find((x) => x.modulId === "m1")!;
      expect(m1.perBarnehage).toHaveLength(2);
      expect(m1.perBarnehage.find((x) => x.barnehageId === b)!.resultat).toEqual({ antallSvar: 1, vist: false });
      expect(m1.perBarnehage.find((x) => x.barnehageId === a)!.resultat).toMatchObject({ antallSvar: 5, vist: true });
      // The total counts only barnehager (and statements) that are shown on their own, so B's
      // single answer can never be found as «total minus A».
      expect(m1.samlet).toMatchObject({ antallSvar: 5, antallBarnehager: 1, vist: true });
      expect(m1.samlet).toEqual({ ...m1.perBarnehage.find((x) => x.barnehageId === a)!.resultat, antallBarnehager: 1 });
      const m2 = eier.find((x) => x.modulId === "m2")!;
      expect(m2.samlet).toMatchObject({ antallSvar: 8, vist: true });
      expect(await tilbakemeldingForEier(t.db, [])).toEqual([]);
      expect(await tilbakemeldingForEier(t.db, [b])).toEqual([{ modulId: "m1", samlet: { antallSvar: 0, vist: false, antallBarnehager: 0 }, perBarnehage: [{ barnehageId: b, resultat: { antallSvar: 1, vist: false } }] }]);
    });

    it("skal legge sammen barnehager som hver når minimum", async () => {
      // Give B five answers on m2 from people who are members there only in the data (the repository trusts its caller).
      for (const navn of ["Fremmed", "FremmedAnsatt", "A1", "A2", "A3"]) {
        expect(await lagreSvar(t.db, { barnehageId: b, modulId: "m2", brukerId: p[navn]!.id, svar: svar(5, 5, 5).svar, fritekst: null })).toBe(true);
      }
      const m2 = (await tilbakemeldingForEier(t.db, [a, b])).find((x) => x.modulId === "m2")!;
      expect(m2.samlet).toMatchObject({ antallSvar: 13, antallBarnehager: 2, vist: true });
      expect(MIN_SVAR).toBe(5);
    });
  });
}
