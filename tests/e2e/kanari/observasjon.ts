import { randomUUID } from "node:crypto";
import { MARKOR, type BarnehageB, type SaaKontekst } from "./markor.ts";

/**
 * Issue 14 (migration 0025, ADR 0035): a practice period with a shared observation (of the case
 * film, with the marker in every text and category) and a private one, and an agreed repertoire
 * entry with its history, all in B. Straight into the database; the ids go into `parametre`, so
 * /…/observasjon/:periodeId and /…/repertoar/:oppforingId are tried with B's ids by A's people.
 */
export async function saaObservasjon({ db }: SaaKontekst, b: BarnehageB): Promise<void> {
  const naa = new Date();
  const org = b.barnehageId;
  const brukere = await db.selectFrom("member").select("userId").where("organizationId", "=", org).execute();
  const forfatter = brukere[0]!.userId;
  const periodeId = randomUUID();
  // Ends far ahead, so the retention sweep never removes it during the run.
  await db.insertInto("observasjon_periode").values({ id: periodeId, organizationId: org, teamId: b.teamId, fra: "2026-01-01", til: "2099-12-31", opprettetAv: forfatter, opprettet: naa }).execute();
  const observasjonId = randomUUID();
  for (const [id, delt, art] of [
    [observasjonId, naa, "film"],
    [randomUUID(), null, "praksis"],
  ] as const) {
    await db
      .insertInto("observasjon")
      .values({
        id,
        organizationId: org,
        periodeId,
        forfatterId: forfatter,
        art,
        malId: art === "film" ? "film" : "lek-ute",
        naar: `Når ${MARKOR}`,
        sted: `Sted ${MARKOR}`,
        situasjon: `Situasjon ${MARKOR}`,
        kategorier: JSON.stringify({ "hvem-leker": `Leker ${MARKOR}`, utenfor: `Utenfor ${MARKOR}`, voksne: `Voksne ${MARKOR}`, "hvor-naar": `Hvor ${MARKOR}` }),
        valg: JSON.stringify({ "tre-leker": "ja", "spor-faar-nei": "nei" }),
        delt,
        opprettet: naa,
        oppdatert: naa,
      })
      .execute();
  }
  const oppforingId = randomUUID();
  await db
    .insertInto("repertoar")
    .values({
      id: oppforingId,
      organizationId: org,
      teamId: b.teamId,
      situasjon: `Situasjon ${MARKOR}`,
      handling: `Handling ${MARKOR}`,
      hvem: `Hvem ${MARKOR}`,
      hvorfor: `Hvorfor ${MARKOR}`,
      niva: "gruppe",
      status: "vedtatt",
      foreslattAv: forfatter,
      kilde: null,
      versjon: 2,
      opprettet: naa,
      endret: naa,
      endretAv: forfatter,
    })
    .execute();
  await db
    .insertInto("repertoar_historikk")
    .values({ id: randomUUID(), organizationId: org, oppforingId, brukerId: forfatter, hendelse: "endret", endringer: JSON.stringify([{ felt: "hvem", for: `Før ${MARKOR}`, etter: `Etter ${MARKOR}` }]), tidspunkt: naa })
    .execute();
  Object.assign(b.parametre, { periodeId, oppforingId, observasjonId });
}
