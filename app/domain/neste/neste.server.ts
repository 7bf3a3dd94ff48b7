import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import type { Aktor } from "#app/kontekst.ts";
import { kan, krev, type Medlemskap } from "#app/auth/tilgang.ts";
import type { Innhold } from "#app/domain/innhold/innhold.server.ts";
import { mineBarnehager } from "#app/domain/barnehage/barnehage.repo.server.ts";
import { krevMedlemskap, medlemsliste } from "#app/domain/barnehage/barnehage.server.ts";
import { teamIBarnehagen } from "#app/domain/team/team.server.ts";
import { mineApneUtprovinger, mineNesteSamlinger } from "#app/domain/samling/samling.server.ts";
import { minFremdrift, teamenesFremdrift, type PersonFremdrift } from "#app/domain/fremdrift/fremdrift.server.ts";
import { runderSomVenter, stastedOversikt } from "#app/domain/stasted/stasted.server.ts";
import { nesteSteg, type NesteFakta, type NesteSteg, type OppsettFakta } from "./neste.ts";

type Dep = { db: Kysely<Database>; innhold: Innhold };

/**
 * How far a barnehage has come in setting up, for someone who leads it: each number comes from the
 * feature's own use case (members, teams, the teams' progress, ståsted). null for an ansatt.
 */
export async function oppsettFor(aktor: Aktor | null, m: Medlemskap, { db }: Dep, naa = new Date()): Promise<OppsettFakta | null> {
  krev(aktor, "se:barnehage", m);
  const k = {
    invitere: kan(aktor, "inviter", m),
    lageTeam: kan(aktor, "endre:team", m),
    planlegge: kan(aktor, "planlegg:samlinger", m),
    aapneStasted: kan(aktor, "opprett:stasted", m),
  };
  if (!k.invitere && !k.lageTeam && !k.planlegge && !k.aapneStasted) return null;
  const [medlemmer, team] = await Promise.all([medlemsliste(aktor, m, { db }), teamIBarnehagen(aktor, m, { db })]);
  const fremdrift = kan(aktor, "se:fremdrift", m) ? await teamenesFremdrift(aktor, m, { db }) : [];
  const stasted = kan(aktor, "se:stasted", m) ? await stastedOversikt(aktor, m, { db }, naa) : { runder: [] };
  return {
    barnehageId: m.barnehageId,
    barnehageNavn: m.barnehageNavn,
    andreMedlemmer: medlemmer.filter((x) => x.brukerId !== aktor!.id).length,
    team: team.length,
    samlinger: fremdrift.reduce((sum, t) => sum + t.samlingerPlanlagt, 0),
    stastedRunder: stasted.runder.length,
    kan: k,
    forsteTeamId: team[0]?.id ?? null,
  };
}

/** My own things to do across my barnehager and teams, `kunBarnehage` narrows to one barnehage. */
async function minFakta(aktor: Aktor | null, { db, innhold }: Dep, naa: Date, kunBarnehage?: string, kjentFremdrift?: PersonFremdrift[]): Promise<Omit<NesteFakta, "oppsett" | "barnehager" | "naa">> {
  const her = <T extends { barnehageId: string }>(x: T) => !kunBarnehage || x.barnehageId === kunBarnehage;
  const [samlinger, stasted, utprovinger, fremdrift] = await Promise.all([
    mineNesteSamlinger(aktor, { db }, naa),
    runderSomVenter(aktor, { db }, naa),
    mineApneUtprovinger(aktor, { db }, naa),
    kjentFremdrift ?? minFremdrift(aktor, { db }),
  ]);
  return {
    samlinger: samlinger.filter(her).map((s) => ({
      id: s.id,
      barnehageId: s.barnehageId,
      teamId: s.teamId,
      teamNavn: s.teamNavn,
      starter: s.starter,
      pagaar: s.status === "pagaar",
      modulSlug: innhold.moduler.find((x) => x.id === s.modulId)?.slug ?? null,
    })),
    stasted: stasted.filter(her).map((r) => ({ id: r.id, barnehageId: r.barnehageId, barnehageNavn: r.barnehageNavn, fase: r.fase, lukker: r.lukker })),
    utprovinger: utprovinger.filter(her),
    taIgjen: fremdrift.filter(her).flatMap((t) =>
      t.moduler.filter((x) => x.taIgjen && !x.steg.samling).map((x) => ({ samlingId: x.taIgjen!, barnehageId: t.barnehageId, teamNavn: t.teamNavn, modulId: x.modulId })),
    ),
  };
}

/** What the caller has already read for this person in this request (/start shows both too): not read again. */
type Kjent = { barnehager?: Awaited<ReturnType<typeof mineBarnehager>>; fremdrift?: PersonFremdrift[] };

/** The start page: what is next for me, across every barnehage I am in (set-up steps where I lead). */
export async function nesteForMeg(aktor: Aktor | null, dep: Dep, naa = new Date(), kjent: Kjent = {}): Promise<NesteSteg[]> {
  krev(aktor, "se:min-side");
  const barnehager = kjent.barnehager ?? (await mineBarnehager(dep.db, aktor!.id));
  const oppsett: OppsettFakta[] = [];
  for (const b of barnehager.filter((b) => b.rolle !== "ansatt")) {
    const o = await oppsettFor(aktor, await krevMedlemskap(aktor, b.id, dep), dep, naa);
    if (o) oppsett.push(o);
  }
  return nesteSteg({ naa: naa.toISOString(), barnehager: barnehager.length, oppsett, ...(await minFakta(aktor, dep, naa, undefined, kjent.fremdrift)) });
}

/** The barnehage overview: what is next for me in this barnehage. */
export async function nesteIBarnehagen(aktor: Aktor | null, m: Medlemskap, dep: Dep, naa = new Date()): Promise<NesteSteg[]> {
  krev(aktor, "se:barnehage", m);
  const o = await oppsettFor(aktor, m, dep, naa);
  return nesteSteg({ naa: naa.toISOString(), barnehager: 1, oppsett: o ? [o] : [], ...(await minFakta(aktor, dep, naa, m.barnehageId)) });
}
