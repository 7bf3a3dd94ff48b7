import { randomUUID } from "node:crypto";
import { MARKOR, type BarnehageB, type SaaKontekst } from "./markor.ts";

/**
 * Issue 5 (working together, migration 0011-samarbeid): a plan, a samling, attendance, a group
 * note (the whole team's, and one group's own: migration 0019), groups, a private reflection and its shared copy, a practice task and a log, all in B with the
 * marker in every text. Straight into the database: the pages for them are built on other
 * branches. When they land, this can go through the UI instead; the ids go into `parametre`, so
 * routes such as /…/samling/:samlingId are tried with B's ids.
 */
export async function saaSamarbeid({ db }: SaaKontekst, b: BarnehageB): Promise<void> {
  const naa = new Date();
  const brukere = await db.selectFrom("member").select("userId").where("organizationId", "=", b.barnehageId).execute();
  const forfatter = brukere[0]!.userId;
  const samlingId = randomUUID();
  const utprovingId = randomUUID();
  const org = b.barnehageId;
  await db.insertInto("team_plan").values({ teamId: b.teamId, organizationId: org, modulId: "tiltak", rekkefolge: 1 }).execute();
  await db
    .insertInto("samling")
    .values({ id: samlingId, organizationId: org, teamId: b.teamId, modulId: "tiltak", starter: naa, varighetMinutter: 90, status: "planlagt", opprettetAv: forfatter, opprettet: naa })
    .execute();
  for (const { userId } of brukere) await db.insertInto("samling_oppmote").values({ samlingId, organizationId: org, userId }).execute();
  const notatId = randomUUID();
  await db.insertInto("gruppenotat").values({ id: notatId, organizationId: org, samlingId, aktivitetId: "m1-a1", tekst: `Gruppenotat ${MARKOR}`, versjon: 1, oppdatertAv: forfatter, oppdatert: naa }).execute();
  // Groups (migration 0019, ADR 0027): a grouping with self-pick open, everyone in a group, and
  // group 1's own note with the marker, so no page of A ever shows another barnehage's group note.
  await db.insertInto("samling_gruppering").values({ samlingId, organizationId: org, antall: 2, selvvalg: true, fremhevet: 1, oppdatert: naa }).execute();
  for (const [i, { userId }] of brukere.entries()) await db.insertInto("samling_gruppe_medlem").values({ samlingId, organizationId: org, userId, gruppe: (i % 2) + 1 }).execute();
  await db
    .insertInto("gruppenotat")
    .values({ id: randomUUID(), organizationId: org, samlingId, aktivitetId: "m1-a1", gruppe: 1, tekst: `Gruppe 1 sitt notat ${MARKOR}`, versjon: 1, oppdatertAv: forfatter, oppdatert: naa })
    .execute();
  const refleksjonId = randomUUID();
  await db.insertInto("refleksjon").values({ id: refleksjonId, userId: forfatter, modulId: "tiltak", aktivitetId: "m1-a1", tekst: `Privat refleksjon ${MARKOR}`, oppdatert: naa }).execute();
  const deltId = randomUUID();
  await db
    .insertInto("delt_refleksjon")
    .values({ id: deltId, organizationId: org, teamId: b.teamId, modulId: "tiltak", aktivitetId: "m1-a1", forfatterId: forfatter, tekst: `Delt refleksjon ${MARKOR}`, delt: naa })
    .execute();
  await db
    .insertInto("utproving")
    .values({ id: utprovingId, organizationId: org, teamId: b.teamId, samlingId, hva: `Utprøving ${MARKOR}`, hvem: `Alle ${MARKOR}`, frist: "2026-12-31", opprettetAv: forfatter, opprettet: naa })
    .execute();
  await db.insertInto("utproving_logg").values({ utprovingId, organizationId: org, userId: forfatter, tekst: `Logg ${MARKOR}`, oppdatert: naa }).execute();
  Object.assign(b.parametre, { samlingId, utprovingId, refleksjonId, notatId, deltId, gruppenotatId: notatId });
}
