import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALEKTER, lagTestDb, type TestDb, forventIkkeFunnet } from "#app/db/test-databaser.ts";
import { lagAuth, type Auth } from "#app/auth/auth.server.ts";
import type { Aktor } from "#app/kontekst.ts";
import type { Medlemskap } from "#app/auth/tilgang.ts";
import type { Modul } from "#app/domain/innhold/innhold.server.ts";
import { lagBarnehage } from "#app/test/fabrikk.ts";
import { fraOslo, tilOslo, visTid } from "./tid.ts";
import { escapeTekst, foldLinje, kalenderForHemmelighet, lagIcs, lagKalenderlenke, minKalender, trekkTilbakeKalenderlenke } from "./kalender.server.ts";
import { lederSkjema, planSkjema, samlingSkjema } from "./samling.schema.ts";
import {
  avlysSamling,
  avtalUtproving,
  endreSamling,
  flyttModul,
  hentSamling,
  hentTeamplan,
  lagreMittLedernotat,
  loggUtproving,
  mineNesteSamlinger,
  mittLedernotat,
  oppmoteliste,
  planleggSamling,
  registrerOppmote,
  samlingMedSteg,
  styrSamling,
  utprovingerISamling,
  velgModuler,
} from "./samling.server.ts";
import { finnSamling, hentPlan, listSamlinger, listUtprovinger, settSamlingTilstand, slettSamling, endreSamlingTid, hentOppmote } from "./samling.repo.server.ts";

describe("norsk tid (Europe/Oslo)", () => {
  it("skal lagre vintertid som UTC+1 og sommertid som UTC+2, og vise det tilbake likt", () => {
    expect(fraOslo("2026-12-03", "14:00")?.toISOString()).toBe("2026-12-03T13:00:00.000Z");
    expect(fraOslo("2026-06-10", "14:00")?.toISOString()).toBe("2026-06-10T12:00:00.000Z");
    // The last Sunday of March and October: the change itself.
    expect(fraOslo("2026-03-29", "03:00")?.toISOString()).toBe("2026-03-29T01:00:00.000Z");
    expect(fraOslo("2026-03-29", "02:30")).toBeUndefined();
    expect(fraOslo("2026-10-25", "04:00")?.toISOString()).toBe("2026-10-25T03:00:00.000Z");
    expect(tilOslo(new Date("2026-06-10T12:00:00Z"))).toEqual({ dato: "2026-06-10", klokke: "14:00" });
    expect(tilOslo(new Date("2026-12-31T23:30:00Z"))).toEqual({ dato: "2027-01-01", klokke: "00:30" });
    expect(visTid("2026-06-10T12:00:00Z", "nb")).toBe("onsdag 10. juni 2026 kl. 14:00");
    expect(fraOslo("2026-13-01", "14:00")).toBeUndefined();
  });
});

describe("iCalendar (RFC 5545)", () => {
  it("skal escape tekst, folde lange linjer på 75 byte uten å dele tegn, og bruke CRLF", () => {
    expect(escapeTekst("a,b;c\\d\ne")).toBe("a\\,b\\;c\\\\d\\ne");
    const lang = `SUMMARY:${"æøå".repeat(40)}`;
    const foldet = foldLinje(lang);
    const linjer = foldet.split("\r\n");
    expect(linjer.length).toBeGreaterThan(1);
    for (const l of linjer) expect(Buffer.byteLength(l, "utf8")).toBeLessThanOrEqual(75);
    expect(linjer.slice(1).every((l) => l.startsWith(" "))).toBe(true);
    expect(linjer.map((l, i) => (i ? l.slice(1) : l)).join("")).toBe(lang);
    const ics = lagIcs("Kalender", [{ uid: "x@samla", start: new Date("2026-12-03T13:00:00Z"), slutt: new Date("2026-12-03T14:25:00Z"), tittel: "Møte, team", beskrivelse: "linje 1\nlinje 2" }], new Date("2026-11-26T10:00:00.123Z"));
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics.replaceAll("\r\n", "")).not.toContain("\n");
    expect(ics).toContain("\r\nDTSTART:20261203T130000Z\r\nDTEND:20261203T142500Z\r\n");
    expect(ics).toContain("\r\nDTSTAMP:20261126T100000Z\r\n");
    expect(ics).toContain("SUMMARY:Møte\\, team");
    expect(ics).toContain("DESCRIPTION:linje 1\\nlinje 2");
  });
});

describe("skjemaene for samlinger", () => {
  it("skal gi norske feilnøkler og bruke lederstøttens varighet når feltet er tomt", () => {
    const ok = planSkjema.parse({ intent: "planlegg", dato: "2026-12-03", klokke: "14:00", modulId: "m1", varighet: "" });
    expect(ok).toMatchObject({ intent: "planlegg", varighet: undefined });
    expect(planSkjema.parse({ intent: "planlegg", dato: "2026-12-03", klokke: "14:00", modulId: "m1", varighet: "90" })).toMatchObject({ varighet: 90 });
    expect(planSkjema.safeParse({ intent: "planlegg", dato: "3.12", klokke: "14:00", modulId: "m1" }).error?.issues[0]?.message).toBe("samling.feil.dato");
    expect(planSkjema.safeParse({ intent: "planlegg", dato: "2026-12-03", klokke: "25:00", modulId: "m1" }).error?.issues[0]?.message).toBe("samling.feil.klokke");
    expect(planSkjema.safeParse({ intent: "planlegg", dato: "2026-12-03", klokke: "14:00", modulId: "m1", varighet: "5" }).error?.issues[0]?.message).toBe("samling.feil.varighet");
    expect(samlingSkjema.safeParse({ intent: "utproving", hva: " ", hvem: "alle", frist: "2026-12-10" }).error?.issues[0]?.message).toBe("samling.feil.hva");
    expect(samlingSkjema.safeParse({ intent: "logg", utprovingId: "x", logg: "" }).error?.issues[0]?.message).toBe("samling.feil.logg");
    expect(lederSkjema.parse({ intent: "neste", versjon: "3" })).toEqual({ intent: "neste", versjon: 3 });
  });
});

/** Two small modules are enough for the use cases (the real content is tested in app/domain/innhold). */
function lagModul(id: string, nummer: number, steg: { type: string; minutter: number }[]): Modul {
  const samlingsplan = steg.map((s, i) => ({ id: `s${i + 1}`, type: s.type, minutter: s.minutter, tittel: `${id} steg ${i + 1}`, beskrivelse: `Lederstøtte ${id} ${i + 1}` }));
  const leder = { meta: { modul: id, sistEndret: "2026-11-26", varighet: steg.reduce((s, x) => s + x.minutter, 0), samlingsplan }, seksjoner: [] };
  const tekst = { meta: { tittel: `Modul ${id}` }, innledning: [], innledningOrd: 0, seksjoner: [], aktiviteter: [] };
  return { id, nummer, slug: `modul-${id}`, mappe: "", tekst: { nb: tekst, nn: tekst }, leder: { nb: leder, nn: leder }, filmer: new Map() } as unknown as Modul;
}
const innhold = {
  moduler: [
    lagModul("m0", 0, [{ type: "innledning", minutter: 10 }, { type: "gruppe", minutter: 20 }, { type: "avtale", minutter: 10 }]),
    lagModul("m1", 1, [{ type: "innledning", minutter: 5 }, { type: "plenum", minutter: 15 }, { type: "avtale", minutter: 10 }]),
  ],
};

for (const dialekt of DIALEKTER) {
  describe(`samlinger på ${dialekt}`, () => {
    let t: TestDb;
    let auth: Auth;
    const p: Record<string, Aktor> = {};
    const m: Record<string, Medlemskap> = {};
    const dep = () => ({ db: t.db, auth, innhold });
    let a = "";
    let b = "";
    let team = "";
    let annetTeam = "";

    beforeAll(async () => {
      t = await lagTestDb(dialekt);
      auth = lagAuth(t.db, { baseURL: "http://localhost:3000", secret: "s".repeat(40), sikreCookies: false });
      const sol = await lagBarnehage(dep(), { ledere: ["Leder"], ansatte: ["Medlem", "Utenfor"], team: [{ navn: "Blåklokka", medlemmer: ["Leder", "Medlem"] }] });
      const blaa = await lagBarnehage(dep(), { navn: "Blåbærlia", styrer: "Fremmed", team: [{ navn: "Fremmedteamet", medlemmer: [] }] });
      Object.assign(p, sol.personer, blaa.personer);
      Object.assign(m, sol.medlemskap, blaa.medlemskap);
      a = sol.barnehageId;
      b = blaa.barnehageId;
      team = sol.team.Blåklokka!;
      annetTeam = blaa.team.Fremmedteamet!;
    });
    afterAll(() => t.rydd());

    it("skal la leder velge og ordne moduler, og la teamets medlemmer se planen", async () => {
      await velgModuler(p.Leder!, m.Leder!, team, ["m1", "m0", "m9"], dep());
      expect(await hentPlan(t.db, a, team)).toEqual(["m0", "m1"]);
      await flyttModul(p.Leder!, m.Leder!, team, "m1", "opp", dep());
      expect(await hentPlan(t.db, a, team)).toEqual(["m1", "m0"]);
      await flyttModul(p.Leder!, m.Leder!, team, "m1", "opp", dep()); // already first: no change
      expect((await hentTeamplan(p.Medlem!, m.Medlem!, team, dep())).plan).toEqual(["m1", "m0"]);
      await velgModuler(p.Styrer!, m.Styrer!, team, ["m0"], dep());
      expect(await hentPlan(t.db, a, team)).toEqual(["m0"]);
      await velgModuler(p.Styrer!, m.Styrer!, team, ["m0", "m1"], dep());
      expect(await hentPlan(t.db, a, team)).toEqual(["m0", "m1"]);
    });

    it("skal gi «ikke funnet» til ansatte utenfor teamet, til ansatte som vil endre, og til andre barnehager", async () => {
      await forventIkkeFunnet(hentTeamplan(p.Utenfor!, m.Utenfor!, team, dep()));
      await forventIkkeFunnet(velgModuler(p.Medlem!, m.Medlem!, team, ["m0"], dep()));
      await forventIkkeFunnet(planleggSamling(p.Medlem!, m.Medlem!, team, { dato: "2026-12-03", klokke: "14:00", modulId: "m0" }, dep()));
      await forventIkkeFunnet(hentTeamplan(p.Fremmed!, m.Fremmed!, team, dep()));
      await forventIkkeFunnet(velgModuler(p.Fremmed!, m.Fremmed!, team, ["m0"], dep()));
      expect(await hentPlan(t.db, b, team)).toEqual([]);
      // Styrer sees every team's plan, also one they are not in.
      expect((await hentTeamplan(p.Styrer!, m.Styrer!, team, dep())).team.navn).toBe("Blåklokka");
    });

    let forste = "";
    let andre = "";
    it("skal planlegge samlinger i norsk tid med lederstøttens varighet som forslag, og endre og avlyse", async () => {
      const s1 = await planleggSamling(p.Leder!, m.Leder!, team, { dato: "2026-12-03", klokke: "14:00", modulId: "m0" }, dep());
      const s2 = await planleggSamling(p.Leder!, m.Leder!, team, { dato: "2027-01-14", klokke: "13:00", modulId: "m1", varighet: 60 }, dep());
      forste = s1.ok ? s1.verdi : "";
      andre = s2.ok ? s2.verdi : "";
      expect(await planleggSamling(p.Leder!, m.Leder!, team, { dato: "2026-03-29", klokke: "02:30", modulId: "m0" }, dep())).toEqual({ ok: false, felt: "klokke", feil: "samling.feil.klokkeFinnesIkke" });
      expect(await planleggSamling(p.Leder!, m.Leder!, team, { dato: "2026-12-03", klokke: "14:00", modulId: "m7" }, dep())).toEqual({ ok: false, felt: "modulId", feil: "samling.feil.modul" });
      const liste = await listSamlinger(t.db, a, team);
      expect(liste.map((s) => [s.modulId, s.starter, s.varighetMinutter, s.status])).toEqual([
        ["m0", "2026-12-03T13:00:00.000Z", 40, "planlagt"],
        ["m1", "2027-01-14T12:00:00.000Z", 60, "planlagt"],
      ]);
      const tredje = await planleggSamling(p.Styrer!, m.Styrer!, team, { dato: "2027-06-10", klokke: "09:00", modulId: "m1" }, dep());
      const id = tredje.ok ? tredje.verdi : "";
      expect(await endreSamling(p.Leder!, m.Leder!, id, { dato: "2027-06-11", klokke: "10:00", modulId: "m0", varighet: 45 }, dep())).toEqual({ ok: true, verdi: undefined });
      expect(await finnSamling(t.db, a, id)).toMatchObject({ starter: "2027-06-11T08:00:00.000Z", modulId: "m0", varighetMinutter: 45 });
      await forventIkkeFunnet(avlysSamling(p.Medlem!, m.Medlem!, id, dep()));
      expect(await avlysSamling(p.Leder!, m.Leder!, id, dep())).toEqual({ ok: true, verdi: undefined });
      expect(await finnSamling(t.db, a, id)).toBeUndefined();
    });

    it("skal aldri finne eller endre en samling fra en annen barnehage", async () => {
      expect(await finnSamling(t.db, b, forste)).toBeUndefined();
      expect(await listSamlinger(t.db, b, team)).toEqual([]);
      expect(await endreSamlingTid(t.db, b, forste, { modulId: "m1", starter: new Date(), varighetMinutter: 30 })).toBe(false);
      expect(await settSamlingTilstand(t.db, b, forste, 1, { status: "pagaar", steg: 0, stegStartet: new Date(), holdt: null })).toBe(false);
      expect(await slettSamling(t.db, b, forste)).toBe(false);
      await forventIkkeFunnet(hentSamling(p.Fremmed!, m.Fremmed!, forste, dep()));
      await forventIkkeFunnet(styrSamling(p.Fremmed!, m.Fremmed!, forste, "start", 1, dep()));
      await forventIkkeFunnet(planleggSamling(p.Fremmed!, m.Fremmed!, team, { dato: "2026-12-03", klokke: "14:00", modulId: "m0" }, dep()));
      await forventIkkeFunnet(planleggSamling(p.Styrer!, m.Styrer!, annetTeam, { dato: "2026-12-03", klokke: "14:00", modulId: "m0" }, dep()));
      expect((await finnSamling(t.db, a, forste))?.status).toBe("planlagt");
    });

    it("skal vise neste samling per team på startsida, bare for teamets medlemmer", async () => {
      const naa = new Date("2026-11-26T12:00:00Z");
      expect((await mineNesteSamlinger(p.Medlem!, dep(), naa)).map((s) => [s.id, s.teamNavn, s.barnehageNavn])).toEqual([[forste, "Blåklokka", "Solsikken"]]);
      expect(await mineNesteSamlinger(p.Utenfor!, dep(), naa)).toEqual([]);
      expect((await mineNesteSamlinger(p.Medlem!, dep(), new Date("2026-12-10T12:00:00Z"))).map((s) => s.id)).toEqual([andre]);
    });

    it("skal styre samlingsmodus i databasen med versjon som optimistisk lås", async () => {
      await forventIkkeFunnet(styrSamling(p.Medlem!, m.Medlem!, forste, "start", 1, dep()));
      const t0 = new Date("2026-12-03T13:01:00Z");
      let v = (await samlingMedSteg(p.Leder!, m.Leder!, forste, dep(), "nb")).samling.versjon;
      expect(await styrSamling(p.Leder!, m.Leder!, forste, "neste", v, dep())).toEqual({ ok: false, felt: "_skjema", feil: "samling.feil.ikkeMulig" });
      expect(await styrSamling(p.Leder!, m.Leder!, forste, "start", v, dep(), t0)).toEqual({ ok: true, verdi: undefined });
      let s = await samlingMedSteg(p.Medlem!, m.Medlem!, forste, dep(), "nb");
      expect([s.samling.status, s.naavaerende, s.steg[0]!.tittel]).toEqual(["pagaar", 0, "m0 steg 1"]);
      expect(s.stegSlutt).toBe("2026-12-03T13:11:00.000Z"); // started + 10 minutes
      v = s.samling.versjon;
      // Two clicks on «Neste» from the same page: the second is refused, one step only.
      expect(await styrSamling(p.Leder!, m.Leder!, forste, "neste", v, dep(), new Date("2026-12-03T13:12:00Z"))).toMatchObject({ ok: true });
      expect(await styrSamling(p.Leder!, m.Leder!, forste, "neste", v, dep())).toEqual({ ok: false, felt: "_skjema", feil: "samling.feil.endret" });
      // The same race at the database: only one of two updates with the same version wins.
      const naaVersjon = (await finnSamling(t.db, a, forste))!.versjon;
      const tilstand = { status: "pagaar" as const, steg: 2, stegStartet: new Date(), holdt: null };
      const svar = await Promise.all([settSamlingTilstand(t.db, a, forste, naaVersjon, tilstand), settSamlingTilstand(t.db, a, forste, naaVersjon, tilstand)]);
      expect(svar.filter(Boolean)).toHaveLength(1);
      s = await samlingMedSteg(p.Leder!, m.Leder!, forste, dep(), "nb");
      expect(s.naavaerende).toBe(2);
      expect(await styrSamling(p.Leder!, m.Leder!, forste, "neste", s.samling.versjon, dep())).toMatchObject({ ok: false, feil: "samling.feil.ikkeMulig" }); // last step
      expect(await styrSamling(p.Leder!, m.Leder!, forste, "forrige", s.samling.versjon, dep())).toMatchObject({ ok: true });
      s = await samlingMedSteg(p.Leder!, m.Leder!, forste, dep(), "nb");
      expect(s.naavaerende).toBe(1);
      expect(await endreSamling(p.Leder!, m.Leder!, forste, { dato: "2026-12-04", klokke: "14:00", modulId: "m0" }, dep())).toMatchObject({ ok: false, feil: "samling.feil.startet" });
      expect(await avlysSamling(p.Leder!, m.Leder!, forste, dep())).toMatchObject({ ok: false, feil: "samling.feil.startet" });
    });

    it("skal registrere oppmøte bare for teamets medlemmer, og la lederens notater være lederens egne", async () => {
      await registrerOppmote(p.Leder!, m.Leder!, forste, [p.Medlem!.id, p.Utenfor!.id, p.Fremmed!.id, p.Medlem!.id], dep());
      expect(await hentOppmote(t.db, a, forste)).toEqual([p.Medlem!.id]);
      expect(await hentOppmote(t.db, b, forste)).toEqual([]);
      expect((await oppmoteliste(p.Styrer!, m.Styrer!, forste, dep())).filter((x) => x.tilstede).map((x) => x.navn)).toEqual(["Medlem"]);
      await forventIkkeFunnet(registrerOppmote(p.Medlem!, m.Medlem!, forste, [p.Medlem!.id], dep()));
      await lagreMittLedernotat(p.Leder!, m.Leder!, forste, "Husk å spørre Per om filmen.", dep());
      expect(await mittLedernotat(p.Leder!, m.Leder!, forste, dep())).toBe("Husk å spørre Per om filmen.");
      expect(await mittLedernotat(p.Styrer!, m.Styrer!, forste, dep())).toBe("");
      await forventIkkeFunnet(mittLedernotat(p.Medlem!, m.Medlem!, forste, dep()));
    });

    let oppgave = "";
    it("skal avtale utprøvinger, la hvert medlem logge én gang (og endre), og åpne neste samling med tilbakemelding", async () => {
      await forventIkkeFunnet(avtalUtproving(p.Medlem!, m.Medlem!, forste, { hva: "x", hvem: "y", frist: "2026-12-10" }, dep()));
      oppgave = await avtalUtproving(p.Leder!, m.Leder!, forste, { hva: "Legg merke til trygge øyeblikk", hvem: "Alle på avdelingen", frist: "2026-12-17" }, dep());
      expect(await loggUtproving(p.Medlem!, m.Medlem!, oppgave, "Det gikk fint.", dep())).toBe(forste);
      await loggUtproving(p.Medlem!, m.Medlem!, oppgave, "Det gikk fint, særlig i garderoben.", dep());
      await loggUtproving(p.Leder!, m.Leder!, oppgave, "Vi så mange.", dep());
      await forventIkkeFunnet(loggUtproving(p.Utenfor!, m.Utenfor!, oppgave, "Jeg er ikke i teamet.", dep()));
      await forventIkkeFunnet(loggUtproving(p.Fremmed!, m.Fremmed!, oppgave, "Kapret", dep()));
      const liste = await utprovingerISamling(p.Medlem!, m.Medlem!, forste, dep());
      expect(liste.map((u) => [u.hva, u.frist, u.logger.map((l) => [l.navn, l.tekst])])).toEqual([
        ["Legg merke til trygge øyeblikk", "2026-12-17", [["Leder", "Vi så mange."], ["Medlem", "Det gikk fint, særlig i garderoben."]]],
      ]);
      expect(await listUtprovinger(t.db, b, forste)).toEqual([]);
      // m1's plan has no report-back step, so one is put first; the first samling had none.
      const neste = await samlingMedSteg(p.Medlem!, m.Medlem!, andre, dep(), "nn");
      expect(neste.steg[0]).toMatchObject({ type: "tilbakemelding", tittel: "Korleis gjekk utprøvinga?" });
      expect(neste.steg).toHaveLength(4);
      expect(neste.tilbakemelding.map((u) => u.logger.length)).toEqual([2]);
      const forrige = await samlingMedSteg(p.Medlem!, m.Medlem!, forste, dep(), "nb");
      expect(forrige.steg.some((s) => s.type === "tilbakemelding")).toBe(false);
    });

    it("skal avslutte samlingen", async () => {
      const v = (await finnSamling(t.db, a, forste))!.versjon;
      // «Avslutt» asks first: without the confirmation nothing changes.
      expect(await styrSamling(p.Leder!, m.Leder!, forste, "avslutt", v, dep())).toEqual({ ok: false, felt: "bekreft", feil: "samling.bekreftAvslutt" });
      expect((await finnSamling(t.db, a, forste))?.status).toBe("pagaar");
      expect(await styrSamling(p.Leder!, m.Leder!, forste, "avslutt", v, dep(), new Date(), true)).toMatchObject({ ok: true });
      const s = await samlingMedSteg(p.Leder!, m.Leder!, forste, dep(), "nb");
      expect([s.samling.status, s.naavaerende, s.stegSlutt]).toEqual(["holdt", null, null]);
      expect(s.samling.holdt).not.toBeNull();
    });

    it("skal lage kalenderen for mine samlinger og en hemmelig adresse som kan trekkes tilbake", async () => {
      const ics = await minKalender(p.Medlem!, "nb", dep(), "https://samla.example", new Date("2026-11-26T10:00:00Z"));
      // The two planned samlinger, and the one cancelled above as CANCELLED (migration 0022), so calendar apps drop it.
      expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(3);
      expect(ics.match(/STATUS:CONFIRMED/g)).toHaveLength(2);
      expect(ics.match(/STATUS:CANCELLED/g)).toHaveLength(1);
      expect(ics).toContain(`UID:samling-${forste}@samla\r\n`);
      expect(ics).toContain("DTSTART:20261203T130000Z\r\nDTEND:20261203T134000Z");
      expect(ics).toContain("SUMMARY:Samling\\, Blåklokka: Modul 0: Modul m0");
      expect(ics.match(/STATUS:CONFIRMED/g)).toHaveLength(2);
      expect(await minKalender(p.Utenfor!, "nb", dep(), "https://samla.example")).not.toContain("BEGIN:VEVENT");
      await forventIkkeFunnet(minKalender(null, "nb", dep(), "https://samla.example"));
      const hemmelighet = await lagKalenderlenke(p.Medlem!, dep());
      expect(await kalenderForHemmelighet(hemmelighet, dep(), "https://samla.example")).toContain(`UID:samling-${andre}@samla`);
      const stored = await t.db.selectFrom("kalender_hemmelighet").select("hash").where("userId", "=", p.Medlem!.id).executeTakeFirst();
      expect(stored?.hash).not.toContain(hemmelighet);
      const ny = await lagKalenderlenke(p.Medlem!, dep());
      expect(await kalenderForHemmelighet(hemmelighet, dep(), "https://samla.example")).toBeUndefined();
      expect(await kalenderForHemmelighet(ny, dep(), "https://samla.example")).toContain("BEGIN:VCALENDAR");
      await trekkTilbakeKalenderlenke(p.Medlem!, dep());
      expect(await kalenderForHemmelighet(ny, dep(), "https://samla.example")).toBeUndefined();
      expect(await kalenderForHemmelighet("kort", dep(), "https://samla.example")).toBeUndefined();
    });
  });
}
