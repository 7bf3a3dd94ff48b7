import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALEKTER, lagTestDb, type TestDb, forventIkkeFunnet } from "#app/db/test-databaser.ts";
import { lagAuth, type Auth } from "#app/auth/auth.server.ts";
import { hendelserForOrganisasjon } from "#app/domain/revisjon/revisjon.repo.server.ts";
import { lagBarnehage, lagPerson, type BarnehageVerden } from "#app/test/fabrikk.ts";
import { eksporterMineData } from "#app/domain/personvern/mine-data.server.ts";
import { invitasjonSkjema, ugyldigeAdresser } from "./barnehage.schema.ts";
import { fjernMedlem, krevMedlemskap } from "./barnehage.server.ts";
import { hentMedlemskap } from "./barnehage.repo.server.ts";
import {
  KODE_ALFABET,
  brukInvitasjon,
  invitasjoner,
  lagPersonalinvitasjon,
  personalKode,
  personalinvitasjon,
  personalinvitasjoner,
  sjekkKode,
  trekkTilbakeInvitasjon,
} from "./invitasjon.server.ts";

const DAG = 24 * 3600 * 1000;

for (const dialekt of DIALEKTER) {
  describe(`personalinvitasjon (ADR 0029) på ${dialekt}`, () => {
    let t: TestDb;
    let auth: Auth;
    let bh: BarnehageVerden;
    const dep = () => ({ db: t.db, auth });
    const styrer = () => ({ aktor: bh.styrer, m: bh.medlemskap[bh.styrer.navn]! });
    let nr = 0;
    const nyPerson = () => lagPerson(dep(), `Person${++nr}`);

    beforeAll(async () => {
      t = await lagTestDb(dialekt);
      auth = lagAuth(t.db, { baseURL: "http://localhost:3000", secret: "s".repeat(40), sikreCookies: false });
      bh = await lagBarnehage(dep(), { ledere: ["Leder"], ansatte: ["Ansatt"] });
    });
    afterAll(() => t.rydd());

    it("skal gi én kode som mange kan bruke, med rollen ansatt som standard og valgt rolle ellers", async () => {
      const { aktor, m } = styrer();
      const inv = await lagPersonalinvitasjon(aktor, m, { rolle: "ansatt", dager: 7, maksBruk: 3 }, dep());
      expect(inv.kode).toMatch(new RegExp(`^[${KODE_ALFABET}]{8}$`));
      // The code is derived from the secret and the id: shown again, never stored.
      expect(personalKode("s".repeat(40), inv.id)).toBe(inv.kode);
      expect(personalKode("t".repeat(40), inv.id)).not.toBe(inv.kode);
      const lagret = await t.db.selectFrom("invitasjonskode").selectAll().where("id", "=", inv.id).executeTakeFirstOrThrow();
      expect(JSON.stringify(lagret)).not.toContain(inv.kode);
      expect(await sjekkKode(inv.kode, dep())).toEqual({ ok: true, barnehageNavn: "Solsikken", rolle: "ansatt" });
      const a = await nyPerson();
      const b = await nyPerson();
      expect(await brukInvitasjon(a, inv.kode, dep())).toEqual({ ok: true, barnehageId: bh.barnehageId });
      expect(await brukInvitasjon(b, inv.kode, dep())).toEqual({ ok: true, barnehageId: bh.barnehageId });
      expect((await hentMedlemskap(t.db, bh.barnehageId, a.id))?.rolle).toBe("ansatt");
      // A member using it again is just let in, and takes no place.
      expect(await brukInvitasjon(a, inv.kode, dep())).toEqual({ ok: true, barnehageId: bh.barnehageId });
      const vist = await personalinvitasjon(aktor, m, inv.id, dep());
      expect(vist).toMatchObject({ status: "aktiv", antallBrukt: 2, maksBruk: 3, kode: inv.kode });

      const ledere = await lagPersonalinvitasjon(aktor, m, { rolle: "leder", dager: 1, maksBruk: 2 }, dep());
      const c = await nyPerson();
      expect((await brukInvitasjon(c, ledere.kode, dep())).ok).toBe(true);
      expect((await hentMedlemskap(t.db, bh.barnehageId, c.id))?.rolle).toBe("leder");
      // The single-use list does not show staff invitations.
      expect((await invitasjoner(aktor, m, dep())).map((i) => i.id)).not.toContain(inv.id);
    });

    it("skal aldri slippe inn flere enn plassene, heller ikke når mange prøver samtidig", async () => {
      const { aktor, m } = styrer();
      const inv = await lagPersonalinvitasjon(aktor, m, { rolle: "ansatt", dager: 7, maksBruk: 3 }, dep());
      const folk = [];
      for (let i = 0; i < 8; i++) folk.push(await nyPerson());
      const svar = await Promise.all(folk.map((p) => brukInvitasjon(p, inv.kode, dep())));
      expect(svar.filter((s) => s.ok)).toHaveLength(3);
      expect(svar.filter((s) => !s.ok)).toEqual(Array(5).fill({ ok: false, feil: "invitasjon.feil.brukt" }));
      const medlemmer = await Promise.all(folk.map((p) => hentMedlemskap(t.db, bh.barnehageId, p.id)));
      expect(medlemmer.filter(Boolean)).toHaveLength(3);
      const liste = (await personalinvitasjoner(aktor, m, dep())).find((p) => p.id === inv.id)!;
      expect(liste).toMatchObject({ status: "brukt", antallBrukt: 3, kode: null });
      expect(liste.brukere).toHaveLength(3);
      expect(await sjekkKode(inv.kode, dep())).toEqual({ ok: false, feil: "invitasjon.feil.brukt" });
    });

    it("skal slutte å virke når den går ut eller trekkes tilbake, og da ikke vises mer", async () => {
      const { aktor, m } = styrer();
      const gammel = await lagPersonalinvitasjon(aktor, m, { rolle: "ansatt", dager: 7, maksBruk: 10 }, dep(), new Date(Date.now() - 8 * DAG));
      expect(await sjekkKode(gammel.kode, dep())).toEqual({ ok: false, feil: "invitasjon.feil.utlopt" });
      expect(await brukInvitasjon(await nyPerson(), gammel.kode, dep())).toEqual({ ok: false, feil: "invitasjon.feil.utlopt" });
      expect((await personalinvitasjon(aktor, m, gammel.id, dep())).kode).toBeNull();
      // One day: valid just before, expired just after.
      const kort = await lagPersonalinvitasjon(aktor, m, { rolle: "ansatt", dager: 1, maksBruk: 10 }, dep());
      expect((await sjekkKode(kort.kode, dep(), new Date(Date.now() + DAG - 60_000))).ok).toBe(true);
      expect(await sjekkKode(kort.kode, dep(), new Date(Date.now() + DAG + 60_000))).toEqual({ ok: false, feil: "invitasjon.feil.utlopt" });

      const trukket = await lagPersonalinvitasjon(aktor, m, { rolle: "ansatt", dager: 7, maksBruk: 10 }, dep());
      const p = await nyPerson();
      expect((await brukInvitasjon(p, trukket.kode, dep())).ok).toBe(true);
      await trekkTilbakeInvitasjon(aktor, m, trukket.id, dep());
      expect(await brukInvitasjon(await nyPerson(), trukket.kode, dep())).toEqual({ ok: false, feil: "invitasjon.feil.trukket" });
      const vist = (await personalinvitasjoner(aktor, m, dep())).find((x) => x.id === trukket.id)!;
      expect(vist).toMatchObject({ status: "trukket", kode: null, antallBrukt: 1 });
      // Those who joined stay members: revoking stops new people, removing is separate.
      expect(await hentMedlemskap(t.db, bh.barnehageId, p.id)).not.toBeNull();
    });

    it("skal la styreren se hvem som ble med og fjerne noen med en gang, uten at koden slipper dem inn igjen", async () => {
      const { aktor, m } = styrer();
      const inv = await lagPersonalinvitasjon(aktor, m, { rolle: "ansatt", dager: 7, maksBruk: 10 }, dep());
      const x = await lagPerson(dep(), "Xenia");
      const y = await lagPerson(dep(), "Yngve");
      await brukInvitasjon(x, inv.kode, dep());
      await brukInvitasjon(y, inv.kode, dep());
      const vist = (await personalinvitasjoner(aktor, m, dep())).find((p) => p.id === inv.id)!;
      expect(vist.brukere.map((b) => b.navn).sort()).toEqual(["Xenia", "Yngve"]);
      expect(vist.brukere.every((b) => !b.fjernet && b.rolle === "ansatt")).toBe(true);

      expect(await fjernMedlem(aktor, m, x.id, dep())).toEqual({ ok: true });
      // From the next request: the membership is gone.
      await forventIkkeFunnet(krevMedlemskap(x, bh.barnehageId, dep()));
      expect(await brukInvitasjon(x, inv.kode, dep())).toEqual({ ok: false, feil: "invitasjon.feil.brukt" });
      const etter = (await personalinvitasjoner(aktor, m, dep())).find((p) => p.id === inv.id)!;
      expect(etter.brukere.find((b) => b.navn === "Xenia")).toMatchObject({ fjernet: true, rolle: null });
      expect(etter.antallBrukt).toBe(2);
    });

    it("skal bare la styreren lage, se og vise personalinvitasjoner, og bare i egen barnehage", async () => {
      const { aktor, m } = styrer();
      const inv = await lagPersonalinvitasjon(aktor, m, { rolle: "ansatt", dager: 7, maksBruk: 5 }, dep());
      for (const navn of ["Leder", "Ansatt"]) {
        const p = bh.personer[navn]!;
        const pm = bh.medlemskap[navn]!;
        await forventIkkeFunnet(lagPersonalinvitasjon(p, pm, { rolle: "ansatt", dager: 7, maksBruk: 5 }, dep()));
        await forventIkkeFunnet(personalinvitasjoner(p, pm, dep()));
        await forventIkkeFunnet(personalinvitasjon(p, pm, inv.id, dep()));
      }
      const annen = await lagBarnehage(dep(), { navn: "Blåbærlia", styrer: "Annenstyrer" });
      await forventIkkeFunnet(personalinvitasjon(annen.styrer, annen.medlemskap["Annenstyrer"]!, inv.id, dep()));
      await forventIkkeFunnet(trekkTilbakeInvitasjon(annen.styrer, annen.medlemskap["Annenstyrer"]!, inv.id, dep()));
    });

    it("skal føre personalinvitasjonen i revisjonsloggen og ta med bruken i egne data", async () => {
      const { aktor, m } = styrer();
      const inv = await lagPersonalinvitasjon(aktor, m, { rolle: "leder", dager: 3, maksBruk: 4 }, dep());
      const p = await nyPerson();
      await brukInvitasjon(p, inv.kode, dep());
      const { rader } = await hendelserForOrganisasjon(t.db, bh.barnehageId, { antall: 500 });
      expect(rader.find((r) => r.hendelse === "invitasjon_opprettet" && r.malId === inv.id)?.detaljer).toEqual({ rolle: "leder", maksBruk: 4, dager: 3 });
      expect(rader.find((r) => r.hendelse === "medlem_lagt_til" && r.malId === p.id)?.detaljer).toEqual({ rolle: "leder", invitasjon: inv.id });
      const data = await eksporterMineData(p, dep());
      expect(data.data.invitasjonerBrukt).toEqual([expect.objectContaining({ invitasjonId: inv.id, barnehageId: bh.barnehageId, fjernet: null })]);
    });
  });
}

describe("skjemaene for personalinvitasjon og e-postlister", () => {
  it("skal kreve 1–30 dager og 1–200 plasser", () => {
    const ok = invitasjonSkjema.safeParse({ intent: "opprett-personal", rolle: "ansatt", dager: "7", maksBruk: "30" });
    expect(ok.success && ok.data).toEqual({ intent: "opprett-personal", rolle: "ansatt", dager: 7, maksBruk: 30 });
    const feil = (v: Record<string, string>) => invitasjonSkjema.safeParse({ intent: "opprett-personal", rolle: "ansatt", dager: "7", maksBruk: "30", ...v }).error?.issues[0]?.message;
    expect(feil({ dager: "31" })).toBe("invitasjon.feil.dager");
    expect(feil({ dager: "0" })).toBe("invitasjon.feil.dager");
    expect(feil({ maksBruk: "201" })).toBe("invitasjon.feil.plasser");
    expect(feil({ maksBruk: "x" })).toBe("invitasjon.feil.plasser");
    expect(feil({ rolle: "styrer" })).toBe("barnehage.feil.rolle");
  });

  it("skal lese innlimte adresser, uten dubletter, og si hvilke som ikke er adresser", () => {
    const les = (adresser: string) => invitasjonSkjema.safeParse({ intent: "send-mange", rolle: "ansatt", adresser });
    const r = les("Kari@Example.no, ola@example.no;\nkari@example.no  per@example.no");
    expect(r.success && r.data.intent === "send-mange" && r.data.adresser).toEqual(["kari@example.no", "ola@example.no", "per@example.no"]);
    const fraEpostprogram = les('"Kari K" <kari@example.no>, Ola <ola@example.no>');
    expect(fraEpostprogram.success && fraEpostprogram.data.intent === "send-mange" && fraEpostprogram.data.adresser).toEqual(["kari@example.no", "ola@example.no"]);
    expect(ugyldigeAdresser(["kari@example.no", "ola.example.no", "per@"])).toEqual(["ola.example.no", "per@"]);
    expect(les("   ").error?.issues[0]?.message).toBe("invitasjon.feil.ingenAdresser");
    expect(les(Array.from({ length: 51 }, (_, i) => `p${i}@example.no`).join("\n")).error?.issues[0]?.message).toBe("invitasjon.feil.forMangeAdresser");
  });
});
