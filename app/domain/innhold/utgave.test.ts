import { beforeAll, describe, expect, it } from "vitest";
import { lesInnholdMedProblemer, type Innhold } from "./innhold.server.ts";
import { gjeldendeUtgave, innholdNaa, osloTilIso, synligUtgave, tekstIUtgave } from "./utgave.ts";
import { lagSok } from "./sok.server.ts";
import { lagInnholdMedUtgaver, M2_RETTELSE, M8_TITTEL } from "#app/test/innhold-utgaver.ts";

/**
 * Editions (ADR 0034) on a copy of the real package with fixtures: module 8 scheduled for 09:00 on
 * the Sunday summer time starts (28 March 2027: 02:00 → 03:00), and a correction of module 2.
 */
const navn = { modul: (n: number) => `Modul ${n}`, begreper: "Begreper", lov: "Loven", innledning: "Innledning" };
const oslo = (t: string) => new Date(osloTilIso(t)!);

describe("utgaver og planlagt publisering", () => {
  let alle: Innhold;
  let utkast: Innhold;
  beforeAll(async () => {
    const r = await lesInnholdMedProblemer(lagInnholdMedUtgaver({ m8: { status: "planlagt", publiseres: "2027-03-28T09:00", kommer: true }, m2Rettelse: { publisert: "2027-03-28T09:00" } }));
    expect(r.problemer).toEqual([]);
    alle = r.innhold!;
    const u = await lesInnholdMedProblemer(lagInnholdMedUtgaver({ m8: { status: "utkast" } }));
    expect(u.problemer).toEqual([]);
    utkast = u.innhold!;
  }, 60_000);

  it("skal regne norsk tid om til UTC også over sommertidsskiftet", () => {
    expect(osloTilIso("2027-03-27T09:00")).toBe("2027-03-27T08:00:00.000Z");
    expect(osloTilIso("2027-03-28T09:00")).toBe("2027-03-28T07:00:00.000Z");
    // The hour that does not exist in Oslo is refused, not guessed.
    expect(osloTilIso("2027-03-28T02:30")).toBeUndefined();
    // Autumn: summer time ends on 31 October 2027 (03:00 → 02:00).
    expect(osloTilIso("2027-10-30T09:00")).toBe("2027-10-30T07:00:00.000Z");
    expect(osloTilIso("2027-10-31T09:00")).toBe("2027-10-31T08:00:00.000Z");
  });

  it("skal publisere den planlagte modulen på riktig minutt over sommertidsskiftet", () => {
    const m8 = alle.moduler.find((m) => m.id === "m8")!;
    expect(m8.status).toBe("planlagt");
    // 08:59 Oslo summer time is 06:59 UTC; in winter time 09:00 would have been 08:00 UTC.
    expect(synligUtgave(m8, new Date("2027-03-28T06:59:59.999Z"))).toBeUndefined();
    expect(synligUtgave(m8, new Date("2027-03-28T07:00:00.000Z"))?.nummer).toBe(1);
    expect(innholdNaa(alle, oslo("2027-03-28T08:59")).modulEtterSlug("videre-arbeid")).toBeUndefined();
    expect(innholdNaa(alle, oslo("2027-03-28T09:00")).modulEtterSlug("videre-arbeid")?.tekst.nb.meta.tittel).toBe(M8_TITTEL.nb);
    expect(innholdNaa(alle, oslo("2027-03-28T09:00")).modulEtterSlug("videre-arbeid")?.tekst.nb.meta.sistEndret).toBe("2027-03-28");
  });

  it("skal aldri vise et utkast: ikke i modullista, søket, media eller versjonen", () => {
    for (const tid of ["2026-12-07T12:00", "2030-01-01T00:00"]) {
      const v = innholdNaa(utkast, oslo(tid));
      expect(v.moduler.map((m) => m.id)).not.toContain("m8");
      expect(v.modulEtterSlug("videre-arbeid")).toBeUndefined();
      expect([...v.media.keys()].filter((n) => n.startsWith("m8-"))).toEqual([]);
      const sok = lagSok(v, { nb: navn, nn: navn });
      expect(sok("testmodul", "nb")).toEqual([]);
      expect(sok("Videre arbeid", "nb").filter((t) => t.url.includes("videre-arbeid"))).toEqual([]);
    }
    // The draft is in the full index, for the editor.
    expect(utkast.moduler.find((m) => m.id === "m8")?.status).toBe("utkast");
  });

  it("skal gi sidebufferen en ny versjon akkurat når noe blir publisert", () => {
    const for_ = innholdNaa(alle, oslo("2027-03-28T08:59")).versjon;
    expect(innholdNaa(alle, oslo("2027-03-28T08:00")).versjon).toBe(for_);
    expect(innholdNaa(alle, oslo("2027-03-28T09:00")).versjon).not.toBe(for_);
  });

  it("skal vise «Kommer» for en planlagt modul før den publiseres", () => {
    expect(innholdNaa(alle, oslo("2027-03-27T12:00")).kommer?.map((k) => k.tekst.nb)).toEqual(["Kommer våren 2027"]);
    expect(innholdNaa(alle, oslo("2027-03-28T09:00")).kommer).toEqual([]);
  });

  it("skal la et team midt i en samling beholde utgaven, og flytte alle ved en juridisk rettelse", () => {
    const m2 = alle.moduler.find((m) => m.id === "m2")!;
    const etter = oslo("2027-03-28T09:00");
    expect(gjeldendeUtgave(m2, oslo("2027-03-28T08:59"))).toEqual({ utgave: 1, nyeste: 1, eldre: false });
    expect(gjeldendeUtgave(m2, etter)).toEqual({ utgave: 2, nyeste: 2, eldre: false });
    expect(gjeldendeUtgave(m2, etter, 1)).toEqual({ utgave: 1, nyeste: 2, eldre: true });
    expect(tekstIUtgave(m2, 1).nb.meta.ingress).not.toContain(M2_RETTELSE.nb);
    expect(tekstIUtgave(m2, 2).nb.meta.ingress).toContain(M2_RETTELSE.nb);
    const juridisk = { ...m2, utgaver: m2.utgaver.map((u) => (u.nummer === 2 ? { ...u, juridisk: true } : u)) };
    expect(gjeldendeUtgave(juridisk, etter, 1)).toEqual({ utgave: 2, nyeste: 2, eldre: false });
  });

  it("skal vise feil i et utkast til redaktøren uten å stoppe appen, men stoppe en planlagt modul med samme feil", async () => {
    const { readFileSync, writeFileSync } = await import("node:fs");
    const path = await import("node:path");
    for (const status of ["utkast", "planlagt"] as const) {
      const rot = lagInnholdMedUtgaver(status === "utkast" ? { m8: { status } } : { m8: { status, publiseres: "2027-03-28T09:00" } });
      const fil = path.join(rot, "moduler", "08-videre-arbeid", "nb.md");
      writeFileSync(fil, readFileSync(fil, "utf8").replace(/\n---\n\n/, "\n---\n\nTODO "));
      const r = await lesInnholdMedProblemer(rot);
      const melding = "moduler/08-videre-arbeid/nb.md: inneholder plassholdertekst (TODO, lorem ipsum, fyll inn …)";
      if (status === "utkast") {
        expect(r.problemer).toEqual([]);
        expect(r.innhold!.utkastProblemer!.map((p) => `${p.fil}: ${p.melding}`)).toEqual([melding]);
      } else {
        expect(r.problemer.map((p) => `${p.fil}: ${p.melding}`)).toEqual([melding]);
      }
    }
  }, 60_000);

  it("skal kreve teksten til eldre utgaver, og endringsnotat fra utgave 2", async () => {
    const { rmSync, readFileSync, writeFileSync } = await import("node:fs");
    const path = await import("node:path");
    const rot = lagInnholdMedUtgaver({ m8: { status: "utkast" }, m2Rettelse: { publisert: "2027-03-28T09:00" } });
    const m2 = path.join(rot, "moduler", "02-folge-med-melde-fra-undersoke");
    const meldinger = async () => (await lesInnholdMedProblemer(rot)).problemer.map((p) => `${p.fil}: ${p.melding}`);
    rmSync(path.join(m2, "utgaver", "1", "nn.md"));
    expect(await meldinger()).toEqual(["moduler/02-folge-med-melde-fra-undersoke/utgaver/1/nn.md: fila mangler"]);
    const yaml = path.join(m2, "utgaver.yaml");
    writeFileSync(yaml, readFileSync(yaml, "utf8").replace(/    endringer:\n.*\n.*\n/, ""));
    expect(await meldinger()).toEqual(["moduler/02-folge-med-melde-fra-undersoke/utgaver.yaml: utgaver.1.endringer: utgave 2 mangler endringer (nb og nn)"]);
  }, 60_000);

  it("skal la modulene 0–7 i den ekte pakken være publisert og uendret", async () => {
    const r = await lesInnholdMedProblemer("content");
    const v = innholdNaa(r.innhold!, new Date());
    expect(v.moduler.map((m) => m.id)).toEqual(["m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7"]);
    for (const m of v.moduler) expect(m.tekst.nb.meta.sistEndret).toBe(r.innhold!.moduler.find((x) => x.id === m.id)!.tekst.nb.meta.sistEndret);
  }, 60_000);
});
