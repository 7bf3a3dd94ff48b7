import type { Kysely } from "kysely";
import { lagreLogg } from "#app/domain/samling/samling.repo.server.ts";
import type { Database } from "#app/db/skjema.ts";
import { forbered } from "#app/db/forbered.ts";
import { somIso, sorterNorsk } from "#app/db/dialekt.ts";

/**
 * Kysely only. Group notes, shared reflections, samlinger and catch-up are the barnehage's data:
 * every query takes the barnehage id and filters on it. Private reflections have no barnehage:
 * every query on `refleksjon` takes the author's own id and filters on it, and no function here
 * reads another person's reflection text.
 */

export type SamlingRad = { id: string; teamId: string; modulId: string; starter: string; status: "planlagt" | "pagaar" | "holdt"; holdt: string | null; modulUtgave?: number | null };
/** `gruppe` 0 is the whole team's note; 1..n are the groups' own notes (ADR 0027). */
export type GruppenotatRad = { aktivitetId: string; gruppe: number; tekst: string; versjon: number; oppdatert: string };
export type RefleksjonRad = { modulId: string; aktivitetId: string; tekst: string; oppdatert: string };
export type DeltRefleksjonRad = { id: string; aktivitetId: string; tekst: string; delt: string; forfatterNavn: string | null; erMin: boolean };
export type UtprovingRad = { id: string; hva: string; hvem: string; frist: string; minLogg: string | null };

const samlingKolonner = ["id", "teamId", "modulId", "starter", "status", "holdt", "modulUtgave"] as const;
function somSamling(r: { id: string; teamId: string; modulId: string; starter: unknown; status: SamlingRad["status"]; holdt: unknown; modulUtgave: unknown }): SamlingRad {
  return { id: r.id, teamId: r.teamId, modulId: r.modulId, starter: somIso(r.starter), status: r.status, holdt: r.holdt ? somIso(r.holdt) : null, modulUtgave: r.modulUtgave == null ? null : Number(r.modulUtgave) };
}

/** Is this person in this team of this barnehage (and still a member of the barnehage)? */
const erITeamSporring = forbered((db, p: { barnehageId: string; teamId: string; brukerId: string }) =>
  db
    .selectFrom("team_medlem")
    .innerJoin("member", (j) => j.onRef("member.organizationId", "=", "team_medlem.organizationId").onRef("member.userId", "=", "team_medlem.userId"))
    .select("team_medlem.teamId")
    .where("team_medlem.organizationId", "=", p.barnehageId)
    .where("team_medlem.teamId", "=", p.teamId)
    .where("team_medlem.userId", "=", p.brukerId),
);

export async function erITeam(db: Kysely<Database>, barnehageId: string, teamId: string, brukerId: string): Promise<boolean> {
  return (await erITeamSporring(db, { barnehageId, teamId, brukerId })).length > 0;
}

/** The team's current members (still in the barnehage), sorted the Norwegian way. */
export async function teamMedlemmer(db: Kysely<Database>, barnehageId: string, teamId: string): Promise<{ brukerId: string; navn: string }[]> {
  const rader = await db
    .selectFrom("team_medlem")
    .innerJoin("member", (j) => j.onRef("member.organizationId", "=", "team_medlem.organizationId").onRef("member.userId", "=", "team_medlem.userId"))
    .innerJoin("user", "user.id", "team_medlem.userId")
    .select(["user.id as brukerId", "user.name as navn"])
    .where("team_medlem.organizationId", "=", barnehageId)
    .where("team_medlem.teamId", "=", teamId)
    .execute();
  return sorterNorsk(rader, (r) => r.navn);
}

export async function finnSamling(db: Kysely<Database>, barnehageId: string, samlingId: string): Promise<SamlingRad | undefined> {
  const r = await db.selectFrom("samling").select(samlingKolonner).where("organizationId", "=", barnehageId).where("id", "=", samlingId).executeTakeFirst();
  return r ? somSamling(r) : undefined;
}

/** The team's samlinger about one module, oldest first. */
const samlingerOmModulSporring = forbered((db, p: { barnehageId: string; teamId: string; modulId: string }) =>
  db.selectFrom("samling").select(samlingKolonner).where("organizationId", "=", p.barnehageId).where("teamId", "=", p.teamId).where("modulId", "=", p.modulId).orderBy("starter"),
);

export async function samlingerOmModul(db: Kysely<Database>, barnehageId: string, teamId: string, modulId: string): Promise<SamlingRad[]> {
  return (await samlingerOmModulSporring(db, { barnehageId, teamId, modulId })).map(somSamling);
}

const gruppenotaterSporring = forbered((db, p: { barnehageId: string; samlingId: string }) =>
  db
    .selectFrom("gruppenotat")
    .select(["aktivitetId", "gruppe", "tekst", "versjon", "oppdatert"])
    .where("organizationId", "=", p.barnehageId)
    .where("samlingId", "=", p.samlingId)
    .orderBy("aktivitetId")
    .orderBy("gruppe"),
);

export async function gruppenotater(db: Kysely<Database>, barnehageId: string, samlingId: string): Promise<GruppenotatRad[]> {
  const rader = await gruppenotaterSporring(db, { barnehageId, samlingId });
  return rader.map((r) => ({ aktivitetId: r.aktivitetId, gruppe: Number(r.gruppe), tekst: r.tekst, versjon: Number(r.versjon), oppdatert: somIso(r.oppdatert) }));
}

/** One note: the whole team's (gruppe 0) or one group's. */
export async function hentGruppenotat(db: Kysely<Database>, barnehageId: string, samlingId: string, aktivitetId: string, gruppe = 0): Promise<GruppenotatRad | undefined> {
  const r = await db
    .selectFrom("gruppenotat")
    .select(["aktivitetId", "gruppe", "tekst", "versjon", "oppdatert"])
    .where("organizationId", "=", barnehageId)
    .where("samlingId", "=", samlingId)
    .where("aktivitetId", "=", aktivitetId)
    .where("gruppe", "=", gruppe)
    .executeTakeFirst();
  return r ? { aktivitetId: r.aktivitetId, gruppe: Number(r.gruppe), tekst: r.tekst, versjon: Number(r.versjon), oppdatert: somIso(r.oppdatert) } : undefined;
}

/**
 * Saves a group note only if it is still at the version the writer started from (0: no note yet).
 * The check and the write are one statement (an UPDATE … WHERE versjon = ?, or an INSERT that
 * the unique index refuses when someone else created the note first), so two writers can never
 * both win. Returns false on a conflict. Each group's note is its own row (`gruppe`, 0 = the whole
 * team), so the lock is per group: two groups saving at the same moment never conflict.
 */
export async function lagreGruppenotat(
  db: Kysely<Database>,
  rad: { id: string; barnehageId: string; samlingId: string; aktivitetId: string; gruppe?: number; tekst: string; versjon: number; brukerId: string; naa: Date },
): Promise<boolean> {
  const gruppe = rad.gruppe ?? 0;
  if (rad.versjon === 0) {
    const r = await db
      .insertInto("gruppenotat")
      .values({
        id: rad.id,
        organizationId: rad.barnehageId,
        samlingId: rad.samlingId,
        aktivitetId: rad.aktivitetId,
        gruppe,
        tekst: rad.tekst,
        versjon: 1,
        oppdatertAv: rad.brukerId,
        oppdatert: rad.naa,
      })
      .onConflict((oc) => oc.columns(["samlingId", "aktivitetId", "gruppe"]).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  }
  const r = await db
    .updateTable("gruppenotat")
    .set({ tekst: rad.tekst, versjon: rad.versjon + 1, oppdatertAv: rad.brukerId, oppdatert: rad.naa })
    .where("organizationId", "=", rad.barnehageId)
    .where("samlingId", "=", rad.samlingId)
    .where("aktivitetId", "=", rad.aktivitetId)
    .where("gruppe", "=", gruppe)
    .where("versjon", "=", rad.versjon)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The author's own reflections, optionally for one module. Always filtered on the author. */
const mineRefleksjonerSporring = forbered((db, p: { forfatterId: string; modulId?: string }) => {
  const q = db.selectFrom("refleksjon").select(["modulId", "aktivitetId", "tekst", "oppdatert"]).where("userId", "=", p.forfatterId);
  return p.modulId === undefined ? q : q.where("modulId", "=", p.modulId);
});

export async function mineRefleksjoner(db: Kysely<Database>, forfatterId: string, modulId?: string): Promise<RefleksjonRad[]> {
  const rader = await mineRefleksjonerSporring(db, { forfatterId, modulId: modulId || undefined });
  return rader.map((r) => ({ modulId: r.modulId, aktivitetId: r.aktivitetId, tekst: r.tekst, oppdatert: somIso(r.oppdatert) }));
}

/** Writes (or replaces) the author's own reflection on one activity; empty text deletes it. */
export async function lagreRefleksjon(db: Kysely<Database>, rad: { id: string; forfatterId: string; modulId: string; aktivitetId: string; tekst: string; naa: Date }) {
  if (rad.tekst === "") {
    await db.deleteFrom("refleksjon").where("userId", "=", rad.forfatterId).where("modulId", "=", rad.modulId).where("aktivitetId", "=", rad.aktivitetId).execute();
    return;
  }
  await db
    .insertInto("refleksjon")
    .values({ id: rad.id, userId: rad.forfatterId, modulId: rad.modulId, aktivitetId: rad.aktivitetId, tekst: rad.tekst, oppdatert: rad.naa })
    .onConflict((oc) => oc.columns(["userId", "modulId", "aktivitetId"]).doUpdateSet({ tekst: rad.tekst, oppdatert: rad.naa }))
    .execute();
}

export async function lagreDeltRefleksjon(
  db: Kysely<Database>,
  rad: { id: string; barnehageId: string; teamId: string; modulId: string; aktivitetId: string; forfatterId: string; tekst: string; naa: Date },
) {
  await db
    .insertInto("delt_refleksjon")
    .values({ id: rad.id, organizationId: rad.barnehageId, teamId: rad.teamId, modulId: rad.modulId, aktivitetId: rad.aktivitetId, forfatterId: rad.forfatterId, tekst: rad.tekst, delt: rad.naa })
    .execute();
}

/** The copies shared with a team about one module, oldest first, with the author's name. */
const delteRefleksjonerSporring = forbered((db, p: { barnehageId: string; teamId: string; modulId: string }) =>
  db
    .selectFrom("delt_refleksjon")
    .leftJoin("user", "user.id", "delt_refleksjon.forfatterId")
    .select(["delt_refleksjon.id as id", "aktivitetId", "tekst", "delt", "forfatterId", "user.name as forfatterNavn"])
    .where("delt_refleksjon.organizationId", "=", p.barnehageId)
    .where("delt_refleksjon.teamId", "=", p.teamId)
    .where("delt_refleksjon.modulId", "=", p.modulId)
    .orderBy("delt"),
);

export async function delteRefleksjoner(db: Kysely<Database>, barnehageId: string, teamId: string, modulId: string, leserId: string): Promise<DeltRefleksjonRad[]> {
  const rader = await delteRefleksjonerSporring(db, { barnehageId, teamId, modulId });
  return rader.map((r) => ({ id: r.id, aktivitetId: r.aktivitetId, tekst: r.tekst, delt: somIso(r.delt), forfatterNavn: r.forfatterNavn ?? null, erMin: r.forfatterId === leserId }));
}

/** Only its author deletes a shared copy. */
export async function slettDeltRefleksjon(db: Kysely<Database>, barnehageId: string, id: string, forfatterId: string): Promise<boolean> {
  const r = await db.deleteFrom("delt_refleksjon").where("organizationId", "=", barnehageId).where("id", "=", id).where("forfatterId", "=", forfatterId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** The practice tasks agreed at a samling, with this person's own log (if any). */
export async function utprovinger(db: Kysely<Database>, barnehageId: string, samlingId: string, brukerId: string): Promise<UtprovingRad[]> {
  const rader = await db
    .selectFrom("utproving")
    .leftJoin("utproving_logg", (j) =>
      j.onRef("utproving_logg.utprovingId", "=", "utproving.id").onRef("utproving_logg.organizationId", "=", "utproving.organizationId").on("utproving_logg.userId", "=", brukerId),
    )
    .select(["utproving.id as id", "hva", "hvem", "frist", "utproving_logg.tekst as minLogg"])
    .where("utproving.organizationId", "=", barnehageId)
    .where("utproving.samlingId", "=", samlingId)
    .orderBy("utproving.opprettet")
    .execute();
  return rader.map((r) => ({ id: r.id, hva: r.hva, hvem: r.hvem, frist: r.frist, minLogg: r.minLogg ?? null }));
}

/** One member's log of how a practice task went (one per person and task; saving again replaces it). */
export async function lagreUtprovingLogg(db: Kysely<Database>, rad: { barnehageId: string; samlingId: string; utprovingId: string; brukerId: string; tekst: string; naa: Date }): Promise<boolean> {
  const finnes = await db
    .selectFrom("utproving")
    .select("id")
    .where("organizationId", "=", rad.barnehageId)
    .where("samlingId", "=", rad.samlingId)
    .where("id", "=", rad.utprovingId)
    .executeTakeFirst();
  if (!finnes) return false;
  // The write itself is the samling domain's (the table is theirs); this adds the check that the
  // task belongs to this samling.
  await lagreLogg(db, rad.barnehageId, rad.utprovingId, rad.brukerId, rad.tekst, rad.naa);
  return true;
}

export async function varPaaSamling(db: Kysely<Database>, barnehageId: string, samlingId: string, brukerId: string): Promise<boolean> {
  const r = await db
    .selectFrom("samling_oppmote")
    .select("userId")
    .where("organizationId", "=", barnehageId)
    .where("samlingId", "=", samlingId)
    .where("userId", "=", brukerId)
    .executeTakeFirst();
  return r !== undefined;
}

export async function harTattIgjen(db: Kysely<Database>, barnehageId: string, samlingId: string, brukerId: string): Promise<boolean> {
  const r = await db
    .selectFrom("samling_tatt_igjen")
    .select("userId")
    .where("organizationId", "=", barnehageId)
    .where("samlingId", "=", samlingId)
    .where("userId", "=", brukerId)
    .executeTakeFirst();
  return r !== undefined;
}

export async function merkTattIgjen(db: Kysely<Database>, barnehageId: string, samlingId: string, brukerId: string, naa: Date) {
  await db
    .insertInto("samling_tatt_igjen")
    .values({ samlingId, organizationId: barnehageId, userId: brukerId, tidspunkt: naa })
    .onConflict((oc) => oc.columns(["samlingId", "userId"]).doNothing())
    .execute();
}
