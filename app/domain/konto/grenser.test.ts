import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { somJson } from "#app/db/dialekt.ts";
import { DIALEKTER, lagTestDb, type TestDb } from "#app/db/test-databaser.ts";
import { EIERKODE, INVITASJONSKODE, PASSORDSJEKK, VINDU_MS, gjettegrense, grenseNokler, medKodegrense, passordsjekk, sjekkGrense, slippForesporsel, GLEMT_PASSORD } from "./grense.server.ts";
import { provIgjenKlokka } from "./grense.ts";
import { KLIENT_IP_HODE } from "../../../server/klient-ip.ts";

/** The one limit mechanism (ADR 0022): every guessable secret, keyed hashes, «try again at». */
const HEMMELIGHET = "g".repeat(40);
const start = new Date("2026-11-26T10:00:00.000Z");
const om = (ms: number) => new Date(start.getTime() + ms);

describe("nøklene for alle grensene", () => {
  it("skal skille formål og arter, normalisere koden og ikke inneholde det som telles", () => {
    const a = grenseNokler(HEMMELIGHET, INVITASJONSKODE, { ip: "10.0.0.1", kode: "abcd efgh" });
    expect(a).toEqual(grenseNokler(HEMMELIGHET, INVITASJONSKODE, { ip: "10.0.0.1", kode: "ABCDEFGH" }));
    expect(a.map((n) => n.maks)).toEqual([INVITASJONSKODE.perIp, INVITASJONSKODE.perKode]);
    expect(a[1]!.hash).not.toBe(grenseNokler(HEMMELIGHET, EIERKODE, { ip: "10.0.0.1", kode: "ABCDEFGH", konto: "u1" })[2]!.hash);
    expect(JSON.stringify([a, grenseNokler(HEMMELIGHET, PASSORDSJEKK, { konto: "bruker-1" })])).not.toMatch(/ABCDEFGH|10\.0\.0\.1|bruker-1/);
  });

  it("skal si klokkeslettet i norsk tid, rundet opp til hele minutter", () => {
    expect(provIgjenKlokka("2026-11-26T10:14:10.000Z")).toBe("11:15");
    expect(provIgjenKlokka("2026-07-01T10:14:00.000Z")).toBe("12:14");
  });
});

for (const dialekt of DIALEKTER) {
  describe(`grenser for alt som kan gjettes på ${dialekt}`, () => {
    let t: TestDb;
    beforeAll(async () => {
      t = await lagTestDb(dialekt);
    });
    afterAll(() => t.rydd());

    it("skal sperre nåværende passord per konto etter grensen og si når det går igjen", async () => {
      const g = gjettegrense(t.db, HEMMELIGHET, PASSORDSJEKK, { konto: "konto-a" });
      for (let i = 0; i < PASSORDSJEKK.perKonto; i++) {
        expect(await g.foer(om(i * 60_000)), `forsøk ${i + 1}`).toBeNull();
        await g.feil(om(i * 60_000));
      }
      const sperre = await g.foer(om(10 * 60_000));
      expect(sperre).toMatchObject({ ok: false, status: 429, feil: "konto.feil.forMangeForsok" });
      // The first failure (at 0) leaves the window at 15 minutes: that is when one more is let through.
      expect(sperre!.provIgjen).toBe(om(VINDU_MS).toISOString());
      expect(await g.foer(om(VINDU_MS + 1))).toBeNull();
      // Another account is not touched.
      expect(await gjettegrense(t.db, HEMMELIGHET, PASSORDSJEKK, { konto: "konto-b" }).foer(om(10 * 60_000))).toBeNull();
    });

    it("skal nullstille kontoen ved riktig passord og skrive feil i revisjonsloggen uten personlige data", async () => {
      const p = passordsjekk(t.db, HEMMELIGHET, "konto-c");
      for (let i = 0; i < PASSORDSJEKK.perKonto; i++) await p.feil("passordbytte");
      expect(await p.foer()).not.toBeNull();
      await p.riktig();
      expect(await p.foer()).toBeNull();
      const rader = (await sql<{ detaljer: unknown; aktor_id: string }>`select detaljer, aktor_id from revisjonslogg where hendelse = 'bekreftelse_feilet'`.execute(t.db)).rows;
      expect(rader).toHaveLength(PASSORDSJEKK.perKonto);
      expect(somJson<Record<string, unknown>>(rader.at(-1)!.detaljer)).toMatchObject({ hva: "passordbytte", sperret: true });
      expect(rader.at(-1)!.aktor_id).toBe("konto-c");
    });

    it("skal telle feil koder per kode og per IP, ikke riktige, og sperre før koden slås opp", async () => {
      let oppslag = 0;
      const feilKode = async () => (oppslag++, { ok: false as const, feil: "invitasjon.feil.ukjent" });
      const riktigKode = async () => (oppslag++, { ok: true as const });
      for (let i = 0; i < INVITASJONSKODE.perKode; i++) {
        expect(await medKodegrense(t.db, HEMMELIGHET, INVITASJONSKODE, { ip: `192.0.2.${i}`, kode: "ZZZZZZZZ" }, null, feilKode)).toMatchObject({ ok: false, feil: "invitasjon.feil.ukjent" });
      }
      // The code is used up, whatever IP tries it; it is not even looked up.
      const foer = oppslag;
      expect(await medKodegrense(t.db, HEMMELIGHET, INVITASJONSKODE, { ip: "192.0.2.200", kode: "zzzz zzzz" }, null, riktigKode)).toMatchObject({ ok: false, status: 429 });
      expect(oppslag).toBe(foer);
      // One IP guessing many codes: blocked at perIp; right codes do not count.
      for (let i = 0; i < 5; i++) expect(await medKodegrense(t.db, HEMMELIGHET, INVITASJONSKODE, { ip: "198.51.100.1", kode: "RIKTIG00" }, null, riktigKode)).toEqual({ ok: true });
      for (let i = 0; i < INVITASJONSKODE.perIp; i++) await medKodegrense(t.db, HEMMELIGHET, INVITASJONSKODE, { ip: "198.51.100.1", kode: `KODE${String(i).padStart(4, "A")}` }, null, feilKode);
      expect(await medKodegrense(t.db, HEMMELIGHET, INVITASJONSKODE, { ip: "198.51.100.1", kode: "RIKTIG00" }, null, riktigKode)).toMatchObject({ ok: false, status: 429 });
      const logg = (await sql<{ detaljer: unknown }>`select detaljer from revisjonslogg where hendelse = 'kode_feilet'`.execute(t.db)).rows.map((r) => JSON.stringify(somJson(r.detaljer)));
      expect(logg.length).toBe(INVITASJONSKODE.perKode + INVITASJONSKODE.perIp);
      expect(logg.join()).not.toMatch(/ZZZZZZZZ|192\.0\.2|198\.51/);
    });

    it("skal gi e-postgrensen med tidspunkt og ikke telle det som blir nektet", async () => {
      const h = new Headers({ [KLIENT_IP_HODE]: "10.9.9.9" });
      for (let i = 0; i < GLEMT_PASSORD.perEpost; i++) expect(await slippForesporsel(t.db, HEMMELIGHET, GLEMT_PASSORD, "x@example.no", h, om(i * 1000))).toBeNull();
      const nei = await slippForesporsel(t.db, HEMMELIGHET, GLEMT_PASSORD, "x@example.no", h, om(5000));
      expect(nei).toEqual({ ok: false, status: 429, feil: "personvern.grense.forMange", provIgjen: om(VINDU_MS).toISOString() });
      const nokler = grenseNokler(HEMMELIGHET, GLEMT_PASSORD, { epost: "x@example.no", ip: "10.9.9.9" });
      expect(await sjekkGrense(t.db, nokler, om(VINDU_MS + 1))).toEqual({ sperret: false });
    });
  });
}
