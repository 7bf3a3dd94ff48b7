import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALEKTER, lagTestDb, type TestDb, forventIkkeFunnet } from "#app/db/test-databaser.ts";
import { lagAuth } from "#app/auth/auth.server.ts";
import { lagBarnehage, lagEier, type BarnehageVerden, type EierVerden } from "#app/test/fabrikk.ts";
import { oversetter, formaterDato } from "#app/i18n/i18n.ts";
import { rutineSkjema, type RutineInput } from "./rutine.schema.ts";
import { rutineForBarnehage, rutineForEier, rutineVersjon, rutinerForEier, vedtaRutine } from "./rutine.server.ts";
import { rutineDokument, rutinePdfBlokker } from "./rutine.ts";
import { anonymiserGodkjenner, hentGodkjentAv } from "./rutine.repo.server.ts";

const svar = (ekstra: Partial<RutineInput> = {}): RutineInput => ({
  meldeTil: "Styreren. Er styreren borte: pedagogisk leder på avdelingen.",
  meldeFrist: "Samme dag, muntlig og så skriftlig.",
  undersokerHvem: "Pedagogisk leder sammen med styreren.",
  undersokerHvordan: "Observasjon i en uke, samtale med barnet og foreldrene.",
  planSkriver: "Pedagogisk leder, i eierens planmal.",
  arkiv: "Eierens saksarkiv.",
  ledelsen: "Oppvekstsjefen, på telefon og e-post samme dag.",
  opplaering: "Styreren går gjennom rutinen første arbeidsdag.",
  vedtatt: "2026-12-07",
  ...ekstra,
});

describe("skjemaet for rutinen", () => {
  it("skal kreve svar på alle spørsmålene og en ekte dato", () => {
    const r = rutineSkjema.safeParse({ ...svar(), arkiv: "  ", vedtatt: "2026-02-31" });
    expect(r.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["arkiv", "rutine.feil.tom"],
      ["vedtatt", "rutine.feil.dato"],
    ]);
  });
});

describe("dokumentet", () => {
  it("skal ha lovteksten for §§ 41–43, barnehagens svar og hvem som vedtok, på bokmål og nynorsk", () => {
    const rutine = { versjon: 2, vedtatt: "2026-12-07", godkjentRolle: "styrer", godkjentNavn: "Kari Styrer", svar: { ...svar() } };
    const nb = rutineDokument(rutine, "Solsikken", oversetter("nb"), (d) => formaterDato(d, "nb"));
    expect(nb.vedtatt).toBe("Vedtatt 7. desember 2026 av styrer Kari Styrer. Versjon 2.");
    expect(nb.seksjoner.map((s) => s.overskrift)).toHaveLength(6);
    expect(JSON.stringify(nb)).toContain("melde fra direkte til barnehageeieren");
    expect(JSON.stringify(nb)).toContain("Oppvekstsjefen");
    const nn = rutineDokument({ ...rutine, godkjentNavn: null }, "Solsikken", oversetter("nn"), (d) => formaterDato(d, "nn"));
    expect(nn.vedtatt).toBe("Vedteken 7. desember 2026 av styrar. Versjon 2.");
    const blokker = rutinePdfBlokker(nb, oversetter("nb"));
    expect(blokker[0]).toEqual({ type: "overskrift", niva: 1, tekst: nb.tittel });
    expect(blokker.filter((b) => b.type === "overskrift" && b.niva === 2)).toHaveLength(6);
  });
});

for (const dialekt of DIALEKTER) {
  describe(`rutinen for internkontroll på ${dialekt}`, () => {
    let t: TestDb;
    let sol: BarnehageVerden;
    let blaa: BarnehageVerden;
    let eier: EierVerden;
    let annenEier: EierVerden;
    const dep = () => ({ db: t.db });

    beforeAll(async () => {
      t = await lagTestDb(dialekt);
      const auth = lagAuth(t.db, { baseURL: "http://localhost:3000", secret: "s".repeat(40), sikreCookies: false });
      const avh = { db: t.db, auth };
      sol = await lagBarnehage(avh, { ledere: ["Leder"], ansatte: ["Ansatt"] });
      blaa = await lagBarnehage(avh, { navn: "Blåbærlia", styrer: "Fremmed" });
      eier = await lagEier(avh, { barnehager: [sol] });
      annenEier = await lagEier(avh, { navn: "Annen kommune", person: "AnnenEier", barnehager: [blaa] });
    }, 180_000);
    afterAll(() => t.rydd());

    const m = (bh: BarnehageVerden, navn: string) => [bh.personer[navn]!, bh.medlemskap[navn]!] as const;

    it("skal la bare styreren vedta, og lage en ny versjon hver gang", async () => {
      await forventIkkeFunnet(vedtaRutine(...m(sol, "Leder"), svar(), dep()));
      await forventIkkeFunnet(vedtaRutine(...m(sol, "Ansatt"), svar(), dep()));
      expect((await rutineForBarnehage(...m(sol, "Ansatt"), dep())).gjeldende).toBeNull();
      expect((await vedtaRutine(...m(sol, "Styrer"), svar(), dep())).versjon).toBe(1);
      expect((await vedtaRutine(...m(sol, "Styrer"), svar({ arkiv: "Eierens nye arkiv.", vedtatt: "2027-01-10" }), dep())).versjon).toBe(2);
      const side = await rutineForBarnehage(...m(sol, "Ansatt"), dep());
      expect(side.gjeldende).toMatchObject({ versjon: 2, vedtatt: "2027-01-10", godkjentRolle: "styrer", godkjentNavn: "Styrer" });
      expect(side.gjeldende!.svar.arkiv).toBe("Eierens nye arkiv.");
      expect(side.historikk.map((h) => [h.versjon, h.vedtatt])).toEqual([[2, "2027-01-10"], [1, "2026-12-07"]]);
      expect((await rutineVersjon(...m(sol, "Leder"), 1, dep())).svar.arkiv).toBe("Eierens saksarkiv.");
    });

    it("skal ikke vise en annen barnehages rutine", async () => {
      await vedtaRutine(...m(blaa, "Fremmed"), svar({ arkiv: "BLÅ-MARKØR" }), dep());
      expect((await rutineForBarnehage(...m(sol, "Styrer"), dep())).gjeldende!.svar.arkiv).not.toContain("BLÅ");
      await forventIkkeFunnet(rutineVersjon(...m(sol, "Styrer"), 3, dep()));
    });

    it("skal vise eieren dato og versjon per barnehage, og la eieren lese bare sine barnehagers rutine", async () => {
      expect(await rutinerForEier(eier.aktor, eier.medlemskap, dep())).toEqual([{ id: sol.barnehageId, navn: sol.navn, rutine: { versjon: 2, vedtatt: "2027-01-10" } }]);
      expect((await rutineForEier(eier.aktor, eier.medlemskap, sol.barnehageId, dep())).rutine.svar.arkiv).toBe("Eierens nye arkiv.");
      await forventIkkeFunnet(rutineForEier(eier.aktor, eier.medlemskap, blaa.barnehageId, dep()));
      await forventIkkeFunnet(rutineForEier(annenEier.aktor, annenEier.medlemskap, sol.barnehageId, dep()));
    });

    it("skal eksportere det styreren har vedtatt, og fjerne navnet når kontoen slettes", async () => {
      const styrer = sol.personer.Styrer!;
      expect((await hentGodkjentAv(t.db, styrer.id)).map((r) => r.versjon).sort()).toEqual([1, 2]);
      await anonymiserGodkjenner(t.db, styrer.id);
      expect(await hentGodkjentAv(t.db, styrer.id)).toEqual([]);
      const etter = await rutineForBarnehage(...m(sol, "Ansatt"), dep());
      expect(etter.gjeldende).toMatchObject({ godkjentRolle: "styrer", godkjentNavn: null });
    });
  });
}

describe("skjemaet for rutinen uten felt", () => {
  it("skal gi norske feilnøkler også når et felt mangler helt", () => {
    const r = rutineSkjema.safeParse({});
    expect(new Set(r.error?.issues.map((i) => i.message))).toEqual(new Set(["rutine.feil.tom", "rutine.feil.dato"]));
  });
});
