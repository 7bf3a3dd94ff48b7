import { randomUUID } from "node:crypto";
import { expect } from "@playwright/test";
import { aktiverTofaktorMedKlient } from "../hjelpere.ts";
import { MARKOR, type BarnehageB, type SaaKontekst } from "./markor.ts";
import { oktFor } from "../okt.ts";

/**
 * Issue 4 (people and barnehager): B's styrer and a member with the marker in name, e-mail and
 * browser (User-Agent: session.userAgent), B itself with the marker in every text field, a team,
 * an invitation, and a staff invitation one more person joined through. Better Auth's unused e-mail invitation table and the fields our UI does not
 * set (logo, metadata, image, scope) get the marker straight in the database.
 */
export async function saaKonto({ db, playwright, baseURL }: SaaKontekst, b: BarnehageB): Promise<void> {
  const klient = async (rolle: string) => {
    const k = await playwright.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL, "User-Agent": `Kanari ${MARKOR} ${rolle}` } });
    b.klienter.push(k);
    return k;
  };
  const styrer = await klient("styrer");
  const r = await styrer.post("/registrer", { form: { navn: `Styrer ${MARKOR}`, epost: `styrer.${MARKOR}@example.no`, passord: "et godt langt passord" }, maxRedirects: 0 });
  expect(r.status()).toBe(302);
  const ny = await styrer.post("/barnehage/ny", { form: { navn: `Barnehage ${MARKOR}` }, maxRedirects: 0 });
  expect(ny.status()).toBe(302);
  b.barnehageId = /\/barnehage\/([^/?]+)$/.exec(ny.headers()["location"]!)![1]!;
  // A styrer must have two-factor sign-in (ADR 0013); this also gives B a twoFactor row.
  await aktiverTofaktorMedKlient(styrer, baseURL);

  // A member who joins by code (account and membership in one form), and an unused invitation.
  const inv = await styrer.post(`/barnehage/${b.barnehageId}/invitasjoner`, { form: { intent: "opprett", rolle: "leder" }, maxRedirects: 0 });
  const kode = /data-invitasjonskode="true">([A-Z0-9]{8})</.exec(await inv.text())![1]!;
  const medlem = await klient("leder");
  const med = await medlem.post(`/bli-med?kode=${kode}`, {
    form: { intent: "registrer", kode, navn: `Leder ${MARKOR}`, epost: `leder.${MARKOR}@example.no`, passord: "et godt langt passord" },
    maxRedirects: 0,
  });
  expect(med.status()).toBe(302);
  await styrer.post(`/barnehage/${b.barnehageId}/invitasjoner`, { form: { intent: "opprett", rolle: "ansatt" }, maxRedirects: 0 });

  const team = await styrer.post(`/barnehage/${b.barnehageId}/team`, { form: { intent: "opprett", navn: `Team ${MARKOR}` }, maxRedirects: 0 });
  expect(team.status()).toBe(302);
  b.teamId = /\/team\/([^/?]+)$/.exec(team.headers()["location"]!)![1]!;
  const lederId = ((await oktFor(medlem)) as { user: { id: string } }).user.id;
  expect((await styrer.post(`/barnehage/${b.barnehageId}/team/${b.teamId}`, { form: { intent: "legg-til", brukerId: lederId }, maxRedirects: 0 })).status()).toBe(302);

  // A staff invitation (ADR 0029) that one more person joins through: B's invitation id goes into
  // the walk's route parameters (the big-screen view), and B gets an invitasjon_bruk row.
  const personal = await styrer.post(`/barnehage/${b.barnehageId}/invitasjoner`, { form: { intent: "opprett-personal", rolle: "ansatt", dager: "7", maksBruk: "10" }, maxRedirects: 0 });
  expect(personal.status()).toBe(302);
  b.parametre.invitasjonId = /#personal-([^/?#]+)$/.exec(personal.headers()["location"]!)![1]!;
  const personalKode = /data-personalkode="true">([A-Z0-9]{8})</.exec(await (await styrer.get(`/barnehage/${b.barnehageId}/invitasjoner`)).text())![1]!;
  const ansatt = await klient("ansatt");
  const medKode = await ansatt.post(`/bli-med?kode=${personalKode}`, {
    form: { intent: "registrer", kode: personalKode, navn: `Ansatt ${MARKOR}`, epost: `ansatt.${MARKOR}@example.no`, passord: "et godt langt passord" },
    maxRedirects: 0,
  });
  expect(medKode.status()).toBe(302);

  // Fields the UI does not set (yet).
  await db.updateTable("organization").set({ logo: `https://example.no/${MARKOR}.png`, metadata: JSON.stringify({ merknad: MARKOR }), orgnummer: MARKOR }).where("id", "=", b.barnehageId).execute();
  const brukere = await db.selectFrom("member").select("userId").where("organizationId", "=", b.barnehageId).execute();
  const ider = brukere.map((x) => x.userId);
  await db.updateTable("user").set({ image: `https://example.no/${MARKOR}.jpg` }).where("id", "in", ider).execute();
  await db.withTables<{ account: { userId: string; scope: string | null } }>().updateTable("account").set({ scope: `openid ${MARKOR}` }).where("userId", "in", ider).execute();
  const naa = new Date();
  await db
    .insertInto("invitation")
    .values({ id: randomUUID(), organizationId: b.barnehageId, email: `invitert.${MARKOR}@example.no`, role: "ansatt", status: "pending", expiresAt: new Date(naa.getTime() + 86_400_000), createdAt: naa, inviterId: ider[0]! })
    .execute();
}
