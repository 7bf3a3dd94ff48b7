import type { Aktor } from "#app/kontekst.ts";
import type { Spraak } from "#app/domain/innhold/innhold.schema.ts";
import { tjenester } from "#app/tjenester.server.ts";
import { modulKort } from "#app/domain/innhold/visning.ts";
import { mineBarnehager } from "#app/domain/barnehage/barnehage.repo.server.ts";
import { mineEiere } from "#app/domain/eier/eier.server.ts";
import { nesteForMeg } from "#app/domain/neste/neste.server.ts";
import { minFremdrift, modulTitler } from "#app/domain/fremdrift/fremdrift.server.ts";

/**
 * /start's data: the loader's, and the fast path's (app/hurtigsti.server.ts, ADR 0033), so both
 * show the same. Reads only. The caller has checked "se:min-side".
 */
export async function startSide(aktor: Aktor, maalform: Spraak) {
  const { db, innhold } = tjenester();
  const titler = modulTitler(innhold, maalform);
  // Read once and shared with "what is next" (each would otherwise read them again).
  const [barnehager, fremdrift] = await Promise.all([mineBarnehager(db, aktor.id), minFremdrift(aktor, { db })]);
  return {
    navn: aktor.navn,
    // What is next for me (issue 15, point 3): samling, ståsted, practice, catch-up, set-up steps.
    neste: await nesteForMeg(aktor, { db, innhold }, new Date(), { barnehager, fremdrift }),
    modulNavn: innhold.moduler.map((m) => ({ id: m.id, slug: m.slug, nummer: m.nummer, tittel: m.tekst[maalform].meta.tittel })),
    // My own steps per module in my teams' plans (issue 5).
    fremdrift: fremdrift.map((f) => ({
      teamId: f.teamId,
      barnehageId: f.barnehageId,
      teamNavn: f.teamNavn,
      barnehageNavn: f.barnehageNavn,
      gjort: f.gjort,
      mulig: f.mulig,
      moduler: f.moduler.map((m) => ({ ...m, tittel: titler[m.modulId]?.tittel ?? m.modulId, slug: titler[m.modulId]?.slug ?? "" })),
    })),
    barnehager,
    eiere: await mineEiere(aktor, { db }),
    moduler: innhold.moduler.map((m) => modulKort(m, maalform)),
  };
}
export type StartData = Awaited<ReturnType<typeof startSide>>;

/**
 * The key of /start's page in the fast path's cache: everything the page shows, as it is, with the
 * content version and the root's data (ADR 0033). The module list is in the data (it follows the
 * editions the clock has published), so a newly published module changes the key too.
 */
export function startNokkel(d: StartData, rot: { maalform: Spraak; aktor: { navn: string } | null }, aktorId: string): string {
  return JSON.stringify([tjenester().innhold.versjon, aktorId, rot, d]);
}
