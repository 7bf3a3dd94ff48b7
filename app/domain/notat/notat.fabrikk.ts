import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import type { Innhold, Modul } from "#app/domain/innhold/innhold.server.ts";

/**
 * Test factories for the notes and progress tests. Samlinger and practice tasks belong to the
 * samling feature (another branch builds their pages); these tests insert the rows directly.
 */
export function testModul(id: string, aktiviteter: string[]): Modul {
  const tekst = { meta: { tittel: `Modul ${id}` }, aktiviteter: aktiviteter.map((a) => ({ id: a, type: "refleksjon", tittel: a, html: "" })) };
  return { id, nummer: 1, slug: `modul-${id}`, tekst: { nb: tekst, nn: tekst } } as unknown as Modul;
}

export function testInnhold(...moduler: Modul[]): Innhold {
  return { moduler } as unknown as Innhold;
}

export async function lagSamling(
  db: Kysely<Database>,
  s: { barnehageId: string; teamId: string; modulId: string; status: "planlagt" | "pagaar" | "holdt"; starter: Date; av: string; oppmote?: string[] },
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto("samling")
    .values({
      id,
      organizationId: s.barnehageId,
      teamId: s.teamId,
      modulId: s.modulId,
      starter: s.starter,
      varighetMinutter: 90,
      status: s.status,
      holdt: s.status === "holdt" ? s.starter : null,
      stegStartet: null,
      opprettetAv: s.av,
      opprettet: s.starter,
    })
    .execute();
  for (const userId of s.oppmote ?? []) await db.insertInto("samling_oppmote").values({ samlingId: id, organizationId: s.barnehageId, userId }).execute();
  return id;
}

export async function lagUtproving(db: Kysely<Database>, u: { barnehageId: string; teamId: string; samlingId: string; hva: string }): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto("utproving")
    .values({ id, organizationId: u.barnehageId, teamId: u.teamId, samlingId: u.samlingId, hva: u.hva, hvem: "Alle", frist: "2026-12-10", opprettetAv: null, opprettet: new Date() })
    .execute();
  return id;
}
