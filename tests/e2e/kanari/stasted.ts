import { randomUUID } from "node:crypto";
import { expect } from "@playwright/test";
import { MARKOR, type BarnehageB, type SaaKontekst } from "./markor.ts";

/**
 * Ståsted and module feedback (issue 6; ADR 0008, 0018, 0019; migrations 0014 and 0015). B's
 * styrer opens a round through the app's form; the round's statements come from the public
 * package. Participation, anonymous answers, the team's «hvor vil vi?» text and the feedback rows
 * go straight into the database (answers hold only numbers and ids; the free text gets the marker).
 */
export async function saaStasted({ db }: SaaKontekst, b: BarnehageB): Promise<void> {
  const [styrer] = b.klienter;
  const idag = new Date().toISOString().slice(0, 10);
  const lukker = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  const runde = await styrer!.post(`/barnehage/${b.barnehageId}/stasted`, { form: { intent: "opprett", fase: "for", malgruppe: "alle", apner: idag, lukker }, maxRedirects: 0 });
  expect(runde.status()).toBe(302);
  const rundeId = /\/stasted\/([^/?]+)$/.exec(runde.headers()["location"]!)![1]!;
  const org = b.barnehageId;
  const brukere = await db.selectFrom("member").select("userId").where("organizationId", "=", org).execute();

  const svarsettId = randomUUID();
  await db.insertInto("stasted_deltakelse").values({ rundeId, organizationId: org, userId: brukere[0]!.userId }).execute();
  await db.insertInto("stasted_svarsett").values({ id: svarsettId, rundeId, organizationId: org, kvitteringHash: randomUUID() }).execute();
  await db.insertInto("stasted_svar").values({ svarsettId, utsagnId: "u01", verdi: 4 }).execute();
  await db.insertInto("stasted_onsket").values({ teamId: b.teamId, organizationId: org, tekst: `Hvor vil vi ${MARKOR}`, oppdatert: new Date() }).execute();

  await db.insertInto("modul_tilbakemelding").values({ organizationId: org, modulId: "tiltak", antallSvar: brukere.length }).execute();
  for (const { userId } of brukere) await db.insertInto("modul_tilbakemelding_deltakelse").values({ organizationId: org, modulId: "tiltak", userId }).execute();
  await db.insertInto("modul_tilbakemelding_svar").values({ id: randomUUID(), organizationId: org, modulId: "tiltak", utsagnId: "t1", verdi: 5 }).execute();
  await db.insertInto("modul_tilbakemelding_fritekst").values({ id: randomUUID(), organizationId: org, modulId: "tiltak", tekst: `Tilbakemelding ${MARKOR}` }).execute();
  b.parametre.rundeId = rundeId;
}
