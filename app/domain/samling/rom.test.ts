import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALEKTER, lagTestDb, type TestDb, forventIkkeFunnet } from "#app/db/test-databaser.ts";
import { lagAuth, type Auth } from "#app/auth/auth.server.ts";
import type { Aktor } from "#app/kontekst.ts";
import type { Medlemskap } from "#app/auth/tilgang.ts";
import { lagBarnehage, lagModul, lagPlanlagtSamling } from "#app/test/fabrikk.ts";
import { lederSkjema, samlingskodeSkjema } from "./samling.schema.ts";
import { ANGREFRIST_MS, filmPosisjon, samlingMedSteg, styrSamling } from "./samling.server.ts";
import { finnSamling, merkEndret } from "./samling.repo.server.ts";
import {
  lagSkjermlenke,
  harSkjermlenke,
  liveEtag,
  normaliserKode,
  samlingForKoden,
  samlingForSkjerm,
  sikreKode,
  storskjermData,
  trekkTilbakeSkjermlenke,
  SAMLINGSKODE,
  SAMLINGSKODE_LENGDE,
} from "./rom.server.ts";
import { KODE_ALFABET } from "#app/domain/barnehage/invitasjon.server.ts";
import { medKodegrense } from "#app/domain/konto/grense.server.ts";
import { hentRundeside, lukkRunden, opprettRunde, svarPaRunde } from "#app/domain/stasted/stasted.server.ts";
import type { Modul } from "#app/domain/innhold/innhold.server.ts";

/** The samling in the room (issue 12, ADR 0026): countdown, film, confirmations, undo, screen link, join code, version check. */

const innhold = {
  moduler: [
    lagModul("m3", {
      nummer: 3,
      steg: [
        { type: "innledning", minutter: 5 },
        { type: "film", minutter: 5 },
        { type: "gruppe", minutter: 15 },
      ],
    }),
  ],
};
const T0 = new Date("2026-12-03T13:00:00Z");
const sek = (n: number) => new Date(T0.getTime() + n * 1000);

describe("skjemaene for rommet", () => {
  it("skal ta bekreftelsen og de nye styringene, og en kode fra skjermen", () => {
    expect(lederSkjema.parse({ intent: "avslutt", versjon: "4", bekreft: "ja" })).toEqual({ intent: "avslutt", versjon: 4, bekreft: "ja" });
    expect(lederSkjema.parse({ intent: "pluss5", versjon: "4" })).toEqual({ intent: "pluss5", versjon: 4 });
    expect(lederSkjema.safeParse({ intent: "avslutt", versjon: "4", bekreft: "kanskje" }).success).toBe(false);
    expect(lederSkjema.parse({ intent: "lag-skjerm" })).toEqual({ intent: "lag-skjerm" });
    expect(samlingskodeSkjema.safeParse({ kode: "  " }).error?.issues[0]?.message).toBe("rom.feil.kodeTom");
    // A form without the field (the fuzz found it): a Norwegian message key, never zod's English.
    expect(samlingskodeSkjema.safeParse({}).error?.issues[0]?.message).toBe("rom.feil.kodeTom");
    expect(normaliserKode(" k7p m2-q ")).toBe("K7PM2Q");
  });
});

for (const dialekt of DIALEKTER) {
  describe(`samlingen i rommet på ${dialekt}`, () => {
    let t: TestDb;
    let auth: Auth;
    const p: Record<string, Aktor> = {};
    const m: Record<string, Medlemskap> = {};
    const dep = () => ({ db: t.db, auth, innhold });
    let team = "";
    let samling = "";
    const versjon = async () => (await finnSamling(t.db, m.Leder!.barnehageId, samling))!.versjon;
    const styr = async (h: Parameters<typeof styrSamling>[3], naa: Date, bekreftet = false) => styrSamling(p.Leder!, m.Leder!, samling, h, await versjon(), dep(), naa, bekreftet);

    beforeAll(async () => {
      t = await lagTestDb(dialekt);
      auth = lagAuth(t.db, { baseURL: "http://localhost:3000", secret: "s".repeat(40), sikreCookies: false });
      const sol = await lagBarnehage(dep(), { ledere: ["Leder"], ansatte: ["Medlem", "Utenfor"], team: [{ navn: "Blåklokka", medlemmer: ["Leder", "Medlem"] }] });
      const blaa = await lagBarnehage(dep(), { navn: "Blåbærlia", styrer: "Fremmed" });
      Object.assign(p, sol.personer, blaa.personer);
      Object.assign(m, sol.medlemskap, blaa.medlemskap);
      team = sol.team.Blåklokka!;
      samling = await lagPlanlagtSamling(dep(), { av: { aktor: p.Leder!, medlemskap: m.Leder! }, teamId: team, modulId: "m3", starter: T0 });
    });
    afterAll(() => t.rydd());

    it("skal spørre før en samling startes en annen dag enn planlagt, og starte den samme dag uten å spørre", async () => {
      const nesteDag = new Date("2026-12-04T08:00:00Z");
      expect(await styr("start", nesteDag)).toEqual({ ok: false, felt: "bekreft", feil: "samling.bekreftAnnenDag" });
      expect((await finnSamling(t.db, m.Leder!.barnehageId, samling))!.status).toBe("planlagt");
      // The planned day (Oslo time): no question.
      expect(await styr("start", T0)).toEqual({ ok: true, verdi: undefined });
    });

    it("skal pause, fortsette og forlenge klokka i databasen, så alle prosesser viser det samme", async () => {
      let v = await samlingMedSteg(p.Medlem!, m.Medlem!, samling, dep(), "nb");
      expect(v.stegSlutt).toBe("2026-12-03T13:05:00.000Z");
      expect(await styr("pause", sek(60))).toMatchObject({ ok: true });
      expect(await styr("pause", sek(70))).toMatchObject({ ok: false, feil: "samling.feil.ikkeMulig" }); // already paused
      v = await samlingMedSteg(p.Medlem!, m.Medlem!, samling, dep(), "nb");
      expect(v.samling.pauset).toBe(sek(60).toISOString());
      // Resumed 90 s later: the step keeps the four minutes it had left.
      expect(await styr("fortsett", sek(150))).toMatchObject({ ok: true });
      v = await samlingMedSteg(p.Medlem!, m.Medlem!, samling, dep(), "nb");
      expect([v.samling.pauset, v.stegSlutt]).toEqual([null, "2026-12-03T13:06:30.000Z"]);
      expect(await styr("pluss1", sek(160))).toMatchObject({ ok: true });
      expect(await styr("pluss5", sek(161))).toMatchObject({ ok: true });
      v = await samlingMedSteg(p.Medlem!, m.Medlem!, samling, dep(), "nb");
      expect(v.stegSlutt).toBe("2026-12-03T13:12:30.000Z");
      // Two clicks on «+5 min» from the same page: one extension only.
      const gammel = await versjon();
      expect(await styrSamling(p.Leder!, m.Leder!, samling, "pluss5", gammel, dep(), sek(170))).toMatchObject({ ok: true });
      expect(await styrSamling(p.Leder!, m.Leder!, samling, "pluss5", gammel, dep(), sek(171))).toMatchObject({ ok: false, feil: "samling.feil.endret" });
      // Only the leader drives; others get «not found».
      await forventIkkeFunnet(styrSamling(p.Medlem!, m.Medlem!, samling, "pause", await versjon(), dep()));
      await forventIkkeFunnet(styrSamling(p.Fremmed!, m.Fremmed!, samling, "pause", await versjon(), dep()));
      // A new step starts with its own time.
      expect(await styr("film-spill", sek(180))).toMatchObject({ ok: false, feil: "samling.feil.ikkeMulig" }); // not a film step
      expect(await styr("neste", sek(200))).toMatchObject({ ok: true });
      v = await samlingMedSteg(p.Medlem!, m.Medlem!, samling, dep(), "nb");
      expect([v.naavaerende, v.samling.tilleggSekunder, v.stegSlutt]).toEqual([1, 0, new Date(sek(200).getTime() + 5 * 60_000).toISOString()]);
    });

    it("skal spille og pause filmen på storskjermen fra lederen, med posisjonen regnet ut av tiden", async () => {
      expect(await styr("film-spill", sek(210))).toMatchObject({ ok: true });
      let s = (await finnSamling(t.db, m.Leder!.barnehageId, samling))!;
      expect(filmPosisjon(s, sek(222))).toBe(12_000);
      expect(await styr("film-pause", sek(225))).toMatchObject({ ok: true });
      s = (await finnSamling(t.db, m.Leder!.barnehageId, samling))!;
      expect([s.filmSpiller, s.filmPosisjonMs, filmPosisjon(s, sek(400))]).toEqual([false, 15_000, 15_000]);
      const v = await samlingMedSteg(p.Leder!, m.Leder!, samling, dep(), "nb");
      const d = await storskjermData(v, v.naavaerende, "nb", dep(), { baseUrl: "https://samla.example", naa: sek(400) });
      expect(d.steg?.type).toBe("film");
      expect(d.pauset).toBeNull();
      expect(await styr("film-spill", sek(230))).toMatchObject({ ok: true });
      expect(await styr("film-start", sek(240))).toMatchObject({ ok: true });
      s = (await finnSamling(t.db, m.Leder!.barnehageId, samling))!;
      expect([s.filmSpiller, s.filmPosisjonMs]).toEqual([false, 0]);
      expect(await styr("neste", sek(300))).toMatchObject({ ok: true });
    });

    it("skal vise en kode og QR som leder et medlem av teamet rett til samlingen, og ingen andre", async () => {
      const v = await samlingMedSteg(p.Leder!, m.Leder!, samling, dep(), "nb");
      const d = await storskjermData(v, v.naavaerende, "nb", dep(), { baseUrl: "https://samla.example" });
      const kode = d.bliinn!.kode;
      expect(kode).toMatch(new RegExp(`^[${KODE_ALFABET}]{${SAMLINGSKODE_LENGDE}}$`));
      expect(d.bliinn!.adresse).toBe("samla.example/s");
      expect(d.bliinn!.qr).toContain("<svg");
      // The same code every time (made once).
      expect(await sikreKode(t.db, (await finnSamling(t.db, m.Leder!.barnehageId, samling))!)).toBe(kode);
      // Never the leader guide on the projector.
      expect(JSON.stringify(d)).not.toContain("Lederstøtte");
      const riktig = { ok: true, barnehageId: m.Leder!.barnehageId, samlingId: samling };
      expect(await samlingForKoden(p.Medlem!, kode.toLowerCase().replace(/^(...)/, "$1 "), dep())).toEqual(riktig);
      expect(await samlingForKoden(p.Leder!, kode, dep())).toEqual(riktig);
      // A member of the barnehage outside the team, another barnehage, an unknown code: the same «no».
      expect(await samlingForKoden(p.Utenfor!, kode, dep())).toEqual({ ok: false });
      expect(await samlingForKoden(p.Fremmed!, kode, dep())).toEqual({ ok: false });
      expect(await samlingForKoden(p.Medlem!, kode === "AAAAAA" ? "BBBBBB" : "AAAAAA", dep())).toEqual({ ok: false });
      expect(await samlingForKoden(p.Medlem!, "' or 1=1 --", dep())).toEqual({ ok: false });
      // Guessing is limited (ADR 0022): ten wrong tries of one code from different places, then even
      // a member is refused with 429 for that code; the right code still works from a new IP.
      const proev = (k: string, ip: string) => medKodegrense(t.db, "h".repeat(40), SAMLINGSKODE, { ip, kode: k, konto: p.Utenfor!.id }, p.Utenfor!.id, () => samlingForKoden(p.Utenfor!, k, dep()));
      const gjettet = kode === "ZZZZZ2" ? "ZZZZZ3" : "ZZZZZ2";
      for (let i = 0; i < SAMLINGSKODE.perKode; i++) expect(await proev(gjettet, `192.0.2.${i}`)).toEqual({ ok: false });
      expect(await proev(gjettet, "192.0.2.99")).toMatchObject({ ok: false, status: 429 });
      expect(await medKodegrense(t.db, "h".repeat(40), SAMLINGSKODE, { ip: "198.51.100.7", kode, konto: p.Medlem!.id }, p.Medlem!.id, () => samlingForKoden(p.Medlem!, kode, dep()))).toMatchObject({ ok: true });
      // The leader hides the code: the projector shows none.
      expect(await styr("skjul-kode", sek(310))).toMatchObject({ ok: true });
      const uten = await storskjermData(await samlingMedSteg(p.Leder!, m.Leder!, samling, dep(), "nb"), 2, "nb", dep(), { baseUrl: "https://samla.example" });
      expect(uten.bliinn).toBeNull();
      expect(await styr("vis-kode", sek(320))).toMatchObject({ ok: true });
      // The last step (avtale): the module's feedback with a QR to its form and how many have answered.
      const sist = await storskjermData(await samlingMedSteg(p.Leder!, m.Leder!, samling, dep(), "nb"), 2, "nb", dep(), { baseUrl: "https://samla.example" });
      expect(sist.steg?.type).toBe("gruppe");
      expect(sist.modulTilbakemelding).toBeNull(); // m3 in this test ends with a group step
    });

    it("skal lage en skjermlenke som bare viser storskjermen, kan trekkes tilbake og slutter å virke når samlingen er holdt", async () => {
      await forventIkkeFunnet(lagSkjermlenke(p.Medlem!, m.Medlem!, samling, dep()));
      await forventIkkeFunnet(lagSkjermlenke(p.Fremmed!, m.Fremmed!, samling, dep()));
      expect(await harSkjermlenke(p.Leder!, m.Leder!, samling, dep())).toBe(false);
      const forste = await lagSkjermlenke(p.Leder!, m.Leder!, samling, dep());
      expect(forste).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect((await samlingForSkjerm(forste, dep()))?.id).toBe(samling);
      // Only the hash is stored.
      const rad = await t.db.selectFrom("samling").select("skjermHash").where("id", "=", samling).executeTakeFirst();
      expect(rad?.skjermHash).not.toContain(forste);
      const andre = await lagSkjermlenke(p.Styrer!, m.Styrer!, samling, dep());
      expect(await samlingForSkjerm(forste, dep())).toBeUndefined();
      expect((await samlingForSkjerm(andre, dep()))?.teamNavn).toBe("Blåklokka");
      expect(await samlingForSkjerm("x".repeat(43), dep())).toBeUndefined();
      expect(await samlingForSkjerm("kort", dep())).toBeUndefined();
      await trekkTilbakeSkjermlenke(p.Leder!, m.Leder!, samling, dep());
      expect(await samlingForSkjerm(andre, dep())).toBeUndefined();
      expect(await harSkjermlenke(p.Leder!, m.Leder!, samling, dep())).toBe(false);
      const tredje = await lagSkjermlenke(p.Leder!, m.Leder!, samling, dep());
      expect(await samlingForSkjerm(tredje, dep())).toBeDefined();
      // Held: the link stops; the code leads nowhere.
      const kode = (await finnSamling(t.db, m.Leder!.barnehageId, samling))!.kode!;
      expect(await styr("avslutt", sek(400), true)).toMatchObject({ ok: true });
      expect(await samlingForSkjerm(tredje, dep())).toBeUndefined();
      expect(await samlingForKoden(p.Medlem!, kode, dep())).toEqual({ ok: false });
      await forventIkkeFunnet(lagSkjermlenke(p.Leder!, m.Leder!, samling, dep()));
    });

    it("skal la lederen angre «Avslutt» i 15 minutter, og ikke senere", async () => {
      const holdt = (await finnSamling(t.db, m.Leder!.barnehageId, samling))!;
      expect(holdt.status).toBe("holdt");
      const slutt = new Date(holdt.holdt!);
      expect(await styr("angre-avslutt", new Date(slutt.getTime() + 10 * 60_000))).toMatchObject({ ok: true });
      const igjen = await samlingMedSteg(p.Leder!, m.Leder!, samling, dep(), "nb");
      expect([igjen.samling.status, igjen.naavaerende, igjen.samling.holdt]).toEqual(["pagaar", 2, null]);
      expect(await styr("avslutt", sek(1000))).toMatchObject({ ok: false, felt: "bekreft" });
      expect(await styr("avslutt", sek(1000), true)).toMatchObject({ ok: true });
      expect(await styr("angre-avslutt", new Date(sek(1000).getTime() + ANGREFRIST_MS + 1000))).toMatchObject({ ok: false, feil: "samling.feil.ikkeMulig" });
      expect((await finnSamling(t.db, m.Leder!.barnehageId, samling))!.status).toBe("holdt");
    });

    it("skal vise ståstedsrunden på storskjermen: QR inn i den åpne runden, antall svar, resultater først når den er lukket", async () => {
      // Module 0's ståsted step: an individual step on the activity m0-a2.
      const m0 = lagModul("m0", { nummer: 0, aktiviteter: ["m0-a2"], steg: [{ type: "individuelt", minutter: 15 }] }) as Modul & { leder: { nb: { meta: { samlingsplan: { aktivitet?: string }[] } } } };
      m0.leder.nb.meta.samlingsplan[0]!.aktivitet = "m0-a2";
      const medM0 = { ...dep(), innhold: { moduler: [...innhold.moduler, m0] } };
      const dag = new Date("2026-12-10T09:00:00Z");
      const id = await lagPlanlagtSamling(medM0, { av: { aktor: p.Leder!, medlemskap: m.Leder! }, teamId: team, modulId: "m0", starter: dag });
      const v0 = (await finnSamling(t.db, m.Leder!.barnehageId, id))!.versjon;
      expect(await styrSamling(p.Leder!, m.Leder!, id, "start", v0, medM0, dag)).toMatchObject({ ok: true });
      const vis = async () => {
        const v = await samlingMedSteg(p.Leder!, m.Leder!, id, medM0, "nb");
        return (await storskjermData(v, v.naavaerende, "nb", medM0, { baseUrl: "https://samla.example", naa: dag })).stasted;
      };
      expect(await vis()).toBeNull(); // no round yet
      const runde = await opprettRunde(p.Leder!, m.Leder!, { fase: "for", malgruppe: team, apner: "2026-12-10", lukker: "2026-12-31" }, medM0, dag);
      if (!runde.ok) throw new Error(runde.feil);
      let st = await vis();
      expect(st).toMatchObject({ antall: 0, apen: true, omrader: null });
      expect(st!.qr).toContain("<svg");
      const forste = (await hentRundeside(p.Medlem!, m.Medlem!, runde.verdi, medM0, dag)).innhold.utsagn[0]!.id;
      expect(await svarPaRunde(p.Medlem!, m.Medlem!, runde.verdi, [{ utsagnId: forste, verdi: 4 }], medM0, dag)).toMatchObject({ ok: true });
      st = await vis();
      // How many, never who; no results while it is open.
      expect(st).toMatchObject({ antall: 1, apen: true, omrader: null });
      expect(JSON.stringify(st)).not.toContain("Medlem");
      await lukkRunden(p.Leder!, m.Leder!, runde.verdi, medM0, dag);
      st = await vis();
      expect(st!.apen).toBe(false);
      expect(st!.qr).toBeNull();
      // One answer is below min-N: every area says «too few», no number.
      expect(st!.omrader!.length).toBeGreaterThan(0);
      expect(st!.omrader!.every((o) => o.snitt === null)).toBe(true);
    });

    it("skal gi en ny ETag bare når noe skjermene viser er endret", async () => {
      const a = m.Leder!.barnehageId;
      const foer = await liveEtag(t.db, samling);
      expect(foer).toMatch(/^"\d+\.\d+"$/);
      expect(await liveEtag(t.db, samling)).toBe(foer);
      await merkEndret(t.db, a, samling);
      const etter = await liveEtag(t.db, samling);
      expect(etter).not.toBe(foer);
      // Another barnehage's id never bumps this samling.
      await merkEndret(t.db, m.Fremmed!.barnehageId, samling);
      expect(await liveEtag(t.db, samling)).toBe(etter);
      expect(await liveEtag(t.db, "00000000-0000-4000-8000-000000000000")).toBeUndefined();
      expect(await liveEtag(t.db, "ikke en id")).toBeUndefined();
    });
  });
}
