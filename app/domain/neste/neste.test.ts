import { describe, expect, it } from "vitest";
import { nesteOppsettsteg, nesteSteg, type NesteFakta, type OppsettFakta } from "./neste.ts";

const NAA = "2026-12-07T10:00:00.000Z";
const tom: NesteFakta = { naa: NAA, barnehager: 1, samlinger: [], stasted: [], utprovinger: [], taIgjen: [], oppsett: [] };
const styrer = { invitere: true, lageTeam: true, planlegge: true, aapneStasted: true };
const nyBarnehage: OppsettFakta = { barnehageId: "b1", barnehageNavn: "Solsikken", andreMedlemmer: 0, team: 0, samlinger: 0, stastedRunder: 0, kan: styrer, forsteTeamId: null };
const samling = (id: string, starter: string, pagaar = false) => ({ id, barnehageId: "b1", teamId: "t1", teamNavn: "Blå", starter, pagaar, modulSlug: "m1" });

describe("nesteOppsettsteg", () => {
  it.each([
    ["inviter personalet først", {}, "inviter"],
    ["lag team når noen er med", { andreMedlemmer: 3 }, "team"],
    ["planlegg den første samlingen når det finnes et team", { andreMedlemmer: 3, team: 1 }, "planlegg"],
    ["åpne ståstedsrunden når en samling er planlagt", { andreMedlemmer: 3, team: 1, samlinger: 1 }, "stasted"],
    ["ingenting når alt er satt opp", { andreMedlemmer: 3, team: 1, samlinger: 1, stastedRunder: 1 }, null],
  ] as const)("%s", (_, endring, forventet) => {
    expect(nesteOppsettsteg({ ...nyBarnehage, ...endring })).toBe(forventet);
  });

  it("tilbyr bare steg personen kan ta: en leder som ikke kan lage team, får planleggingen når det finnes team", () => {
    const leder = { invitere: false, lageTeam: false, planlegge: true, aapneStasted: true };
    expect(nesteOppsettsteg({ ...nyBarnehage, kan: leder })).toBeNull();
    expect(nesteOppsettsteg({ ...nyBarnehage, kan: leder, team: 1 })).toBe("planlegg");
  });
});

describe("nesteSteg", () => {
  it("en som ikke er med i noen barnehage, får «bli med» (og aldri «opprett en barnehage»)", () => {
    expect(nesteSteg({ ...tom, barnehager: 0 })).toEqual([{ type: "bli-med" }]);
  });

  it("en assistent uten noe å gjøre får ingen steg", () => {
    expect(nesteSteg(tom)).toEqual([]);
  });

  it("en styrer uten team får «lag team» når personalet er invitert", () => {
    expect(nesteSteg({ ...tom, oppsett: [{ ...nyBarnehage, andreMedlemmer: 4 }] })).toEqual([
      { type: "oppsett", steg: "team", barnehageId: "b1", barnehageNavn: "Solsikken", teamId: null },
    ]);
  });

  it("samlingen som pågår kommer først, så oppsett, ståsted, ta igjen, utprøvinger etter frist og samlingene lenger fram etter tid", () => {
    const steg = nesteSteg({
      naa: NAA,
      barnehager: 1,
      samlinger: [samling("s3", "2027-01-20T08:00:00.000Z"), samling("s2", "2027-01-10T08:00:00.000Z"), samling("s1", "2026-12-07T08:00:00.000Z", true)],
      stasted: [{ id: "r1", barnehageId: "b1", barnehageNavn: "Solsikken", fase: "for", lukker: "2026-12-20" }],
      utprovinger: [
        { id: "u2", samlingId: "s0", barnehageId: "b1", teamNavn: "Blå", hva: "B", frist: "2027-01-13" },
        { id: "u1", samlingId: "s0", barnehageId: "b1", teamNavn: "Blå", hva: "A", frist: "2026-12-24" },
      ],
      taIgjen: [{ samlingId: "s0", barnehageId: "b1", teamNavn: "Blå", modulId: "m0" }],
      oppsett: [{ ...nyBarnehage, andreMedlemmer: 4, team: 1 }],
    });
    expect(steg.map((s) => (s.type === "oppsett" ? `oppsett:${s.steg}` : s.type === "samling" || s.type === "samling-naa" ? `${s.type}:${s.samlingId}` : s.type === "utproving" ? `utproving:${s.utprovingId}` : s.type))).toEqual([
      "samling-naa:s1",
      "oppsett:planlegg",
      "stasted",
      "ta-igjen",
      "utproving:u1",
      "utproving:u2",
      "samling:s2",
      "samling:s3",
    ]);
  });

  it("en samling innen to uker er det neste å forberede, foran ståsted, ta igjen og utprøvinger", () => {
    const steg = nesteSteg({
      ...tom,
      samlinger: [samling("langt", "2027-03-01T08:00:00.000Z"), samling("snart", "2026-12-10T08:00:00.000Z")],
      utprovinger: [{ id: "u1", samlingId: "s0", barnehageId: "b1", teamNavn: "Blå", hva: "A", frist: "2026-12-24" }],
    });
    expect(steg.map((s) => (s.type === "samling" ? s.samlingId : s.type))).toEqual(["snart", "utproving", "langt"]);
  });
});
