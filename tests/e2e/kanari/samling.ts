import { expect } from "@playwright/test";
import { MARKOR, type BarnehageB, type SaaKontekst } from "./markor.ts";
import { oktFor } from "../okt.ts";
import { sikreKode } from "../../../app/domain/samling/rom.server.ts";

/**
 * Samlinger, notes and catch-up (ADR 0016 and 0017, migrations 0012-samling and 0013-notater):
 * B's styrer writes a private leader note with the marker in the presenter view and makes a
 * calendar feed, both through the app's forms; B's leader has caught up on B's samling (the
 * row holds only ids and a time, so it goes straight into the database).
 */
export async function saaSamling({ db }: SaaKontekst, b: BarnehageB): Promise<void> {
  const [styrer, leder] = b.klienter;
  const samlingId = b.parametre.samlingId!;
  const notat = await styrer!.post(`/barnehage/${b.barnehageId}/samling/${samlingId}/leder`, { form: { intent: "notat", notat: `Ledernotat ${MARKOR}` }, maxRedirects: 0 });
  expect(notat.status()).toBe(302);
  const kalender = await styrer!.post("/profil/kalender", { form: { intent: "lag" }, maxRedirects: 0 });
  expect(kalender.status()).toBeLessThan(400);

  const lederId = ((await oktFor(leder!)) as { user: { id: string } }).user.id;
  await db.insertInto("samling_tatt_igjen").values({ samlingId, organizationId: b.barnehageId, userId: lederId, tidspunkt: new Date() }).execute();
  expect(await db.selectFrom("samling_ledernotat").select("tekst").where("samlingId", "=", samlingId).execute()).toEqual([{ tekst: `Ledernotat ${MARKOR}` }]);
  expect(await db.selectFrom("kalender_hemmelighet").select("hash").innerJoin("member", "member.userId", "kalender_hemmelighet.userId").where("member.organizationId", "=", b.barnehageId).execute()).toHaveLength(1);
  b.parametre.aktivitetId = "m1-a1";
  // The join code on B's big screen (ADR 0026; made as when B's projector is first shown): A's
  // people who try it get «not found», never B's samling. (The screen link's secret is a key, like
  // the calendar feed's: B's cannot be known, so kanari.spec.ts tries a wrong one.)
  const kode = await sikreKode(db, { id: samlingId, barnehageId: b.barnehageId, kode: null });
  expect(kode).toMatch(/^[A-Z2-9]{6}$/);
  b.parametre.kode = kode;
}
