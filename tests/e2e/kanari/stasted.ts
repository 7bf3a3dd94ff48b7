import { randomUUID } from "node:crypto";
import { expect } from "@playwright/test";
import { somJson } from "../../../app/db/dialekt.ts";
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

  // The round is closed as if five had answered: counts per statement and area, no answer rows
  // (closing deletes them), so its results page and PDF exist for B.
  await db.insertInto("stasted_deltakelse").values({ rundeId, organizationId: org, userId: brukere[0]!.userId }).execute();
  const rad = await db.selectFrom("stasted_runde").select("utsagn").where("id", "=", rundeId).executeTakeFirstOrThrow();
  const innhold = somJson<{ omrader: { id: string }[]; utsagn: { id: string }[] }>(rad.utsagn);
  for (const u of innhold.utsagn) await db.insertInto("stasted_resultat").values({ rundeId, organizationId: org, utsagnId: u.id, verdi: 4, antall: 5 }).execute();
  for (const o of innhold.omrader) await db.insertInto("stasted_omradetall").values({ rundeId, organizationId: org, omradeId: o.id, antall: 5 }).execute();
  await db.updateTable("stasted_runde").set({ status: "lukket", antallSvar: 5, lukket: new Date() }).where("id", "=", rundeId).execute();
  // An open round with one anonymous answer as well.
  const aapen = await styrer!.post(`/barnehage/${b.barnehageId}/stasted`, { form: { intent: "opprett", fase: "etter", malgruppe: "alle", apner: idag, lukker }, maxRedirects: 0 });
  expect(aapen.status()).toBe(302);
  const aapenId = /\/stasted\/([^/?]+)$/.exec(aapen.headers()["location"]!)![1]!;
  const svarsettId = randomUUID();
  await db.insertInto("stasted_deltakelse").values({ rundeId: aapenId, organizationId: org, userId: brukere[0]!.userId }).execute();
  await db.insertInto("stasted_svarsett").values({ id: svarsettId, rundeId: aapenId, organizationId: org, kvitteringHash: randomUUID() }).execute();
  await db.insertInto("stasted_svar").values({ svarsettId, utsagnId: innhold.utsagn[0]!.id, verdi: 4 }).execute();
  await db.insertInto("stasted_onsket").values({ teamId: b.teamId, organizationId: org, tekst: `Hvor vil vi ${MARKOR}`, oppdatert: new Date() }).execute();

  await db.insertInto("modul_tilbakemelding").values({ organizationId: org, modulId: "tiltak", antallSvar: brukere.length }).execute();
  for (const { userId } of brukere) await db.insertInto("modul_tilbakemelding_deltakelse").values({ organizationId: org, modulId: "tiltak", userId }).execute();
  await db.insertInto("modul_tilbakemelding_svar").values({ id: randomUUID(), organizationId: org, modulId: "tiltak", utsagnId: "t1", verdi: 5 }).execute();
  await db.insertInto("modul_tilbakemelding_fritekst").values({ id: randomUUID(), organizationId: org, modulId: "tiltak", tekst: `Tilbakemelding ${MARKOR}` }).execute();
  b.parametre.rundeId = rundeId;
}
