import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import { somBool, somIso, somJson, somTall } from "#app/db/dialekt.ts";
import type { RevisjonsloggTabell } from "#app/domain/revisjon/revisjon.repo.server.ts";

/**
 * One person's own data (issue 4, point 9; ADR 0015). Every query here is keyed on the person's
 * user id: it reads or removes what belongs to them, never another person's row. Where a row is
 * shared with a barnehage (group notes, shared copies), the queries only touch the person's name
 * on it, never the team's text.
 */

/** Better Auth's account and verification tables, kept out of app/db/skjema.ts (typed where used). */
type KontoTabell = {
  id: string;
  accountId: string;
  providerId: string;
  userId: string;
  accessToken: string | null;
  refreshToken: string | null;
  idToken: string | null;
  scope: string | null;
  password: string | null;
  createdAt: string | Date;
  updatedAt: string | Date;
};
type VerifiseringTabell = { id: string; identifier: string; value: string; expiresAt: string | Date };

const medTabeller = (db: Kysely<Database>) =>
  db.withTables<{ account: KontoTabell; verification: VerifiseringTabell; revisjonslogg: RevisjonsloggTabell }>();

/** Marks a column that used to name the person after the account is gone (no foreign key: a plain value). */
export const SLETTET_BRUKER = "slettet-bruker";

const iso = (v: unknown) => (v === null || v === undefined ? null : somIso(v));

export async function hentBruker(db: Kysely<Database>, brukerId: string) {
  const r = await db.selectFrom("user").selectAll().where("id", "=", brukerId).executeTakeFirst();
  if (!r) return null;
  return { id: r.id, navn: r.name, epost: r.email, epostBekreftet: somBool(r.emailVerified), bilde: r.image, maalform: r.maalform, opprettet: iso(r.createdAt), endret: iso(r.updatedAt) };
}

/** Sign-in methods. Never the password hash or any token: only whether a password is set. */
export async function hentKontoer(db: Kysely<Database>, brukerId: string) {
  const rader = await medTabeller(db)
    .selectFrom("account")
    .select(["providerId", "accountId", "scope", "password", "createdAt", "updatedAt"])
    .where("userId", "=", brukerId)
    .orderBy("createdAt")
    .execute();
  return rader.map((r) => ({
    leverandor: r.providerId,
    // For an SSO identity this is the provider's `sub` for the person; for a password it is the user id.
    kontoId: r.accountId,
    omfang: r.scope,
    harPassord: r.password !== null,
    opprettet: iso(r.createdAt),
    endret: iso(r.updatedAt),
  }));
}

export async function harPassord(db: Kysely<Database>, brukerId: string): Promise<boolean> {
  const r = await medTabeller(db).selectFrom("account").select("id").where("userId", "=", brukerId).where("password", "is not", null).executeTakeFirst();
  return r !== undefined;
}

/** Sessions without their token (the token is the key to the session, not data about the person). */
export async function hentSesjoner(db: Kysely<Database>, brukerId: string) {
  const rader = await db
    .selectFrom("session")
    .select(["createdAt", "updatedAt", "expiresAt", "ipAddress", "userAgent"])
    .where("userId", "=", brukerId)
    .orderBy("createdAt")
    .execute();
  return rader.map((r) => ({ opprettet: iso(r.createdAt), sistBrukt: iso(r.updatedAt), utloper: iso(r.expiresAt), ipAdresse: r.ipAddress, nettleser: r.userAgent }));
}

export async function hentMedlemskap(db: Kysely<Database>, brukerId: string) {
  const rader = await db
    .selectFrom("member")
    .innerJoin("organization", "organization.id", "member.organizationId")
    .select(["member.id as medlemId", "organization.id as barnehageId", "organization.name as barnehage", "member.role as rolle", "member.createdAt as siden"])
    .where("member.userId", "=", brukerId)
    .orderBy("member.createdAt")
    .execute();
  return rader.map((r) => ({ ...r, siden: iso(r.siden) }));
}

export async function hentTeam(db: Kysely<Database>, brukerId: string) {
  const rader = await db
    .selectFrom("team_medlem")
    .innerJoin("team", (j) => j.onRef("team.id", "=", "team_medlem.teamId").onRef("team.organizationId", "=", "team_medlem.organizationId"))
    .select(["team.id as teamId", "team.navn as navn", "team.organizationId as barnehageId", "team_medlem.lagtTil as lagtTil"])
    .where("team_medlem.userId", "=", brukerId)
    .orderBy("team_medlem.lagtTil")
    .execute();
  return rader.map((r) => ({ ...r, lagtTil: iso(r.lagtTil) }));
}

/** Invitations the person made. Not who used them: that is another person's data. */
export async function hentInvitasjoner(db: Kysely<Database>, brukerId: string) {
  const rader = await db
    .selectFrom("invitasjonskode")
    .select(["id", "organizationId", "rolle", "opprettet", "utloper", "trukketTilbake", "brukt", "maksBruk", "antallBrukt"])
    .where("opprettetAv", "=", brukerId)
    .orderBy("opprettet")
    .execute();
  return rader.map((r) => ({
    id: r.id,
    barnehageId: r.organizationId,
    rolle: r.rolle,
    opprettet: iso(r.opprettet),
    utloper: iso(r.utloper),
    trukketTilbake: iso(r.trukketTilbake),
    brukt: iso(r.brukt),
    // A staff invitation (ADR 0029): how many places, how many used; not who used them.
    maksBruk: r.maksBruk === null ? null : somTall(r.maksBruk),
    antallBrukt: somTall(r.antallBrukt),
  }));
}

/** The staff invitations the person joined through (ADR 0029), and whether they were removed. */
export async function hentInvitasjonerBrukt(db: Kysely<Database>, brukerId: string) {
  const rader = await db.selectFrom("invitasjon_bruk").select(["invitasjonId", "organizationId", "brukt", "fjernet"]).where("userId", "=", brukerId).orderBy("brukt").execute();
  return rader.map((r) => ({ invitasjonId: r.invitasjonId, barnehageId: r.organizationId, brukt: iso(r.brukt), fjernet: iso(r.fjernet) }));
}

/** Audit events the person did, or that were about them (their user id or one of their memberships). */
export async function hentHendelser(db: Kysely<Database>, brukerId: string, medlemIder: string[]) {
  const maal = [brukerId, ...medlemIder];
  const rader = await medTabeller(db)
    .selectFrom("revisjonslogg")
    .selectAll()
    .where((e) => e.or([e("aktor_id", "=", brukerId), e("mal_id", "in", maal)]))
    .orderBy("id")
    .execute();
  return rader.map((r) => ({
    id: somTall(r.id),
    tid: iso(r.tid),
    hendelse: r.hendelse,
    aktorId: r.aktor_id,
    barnehageId: r.organisasjon_id,
    gjelder: r.mal_id,
    detaljer: somJson<unknown>(r.detaljer),
  }));
}

// Working together (migration 0011-samarbeid).

export async function hentRefleksjoner(db: Kysely<Database>, brukerId: string) {
  const rader = await db.selectFrom("refleksjon").select(["id", "modulId", "aktivitetId", "tekst", "oppdatert"]).where("userId", "=", brukerId).orderBy("oppdatert").execute();
  return rader.map((r) => ({ ...r, oppdatert: iso(r.oppdatert) }));
}

export async function hentDelteRefleksjoner(db: Kysely<Database>, brukerId: string) {
  const rader = await db
    .selectFrom("delt_refleksjon")
    .select(["id", "organizationId", "teamId", "modulId", "aktivitetId", "tekst", "delt"])
    .where("forfatterId", "=", brukerId)
    .orderBy("delt")
    .execute();
  return rader.map((r) => ({ id: r.id, barnehageId: r.organizationId, teamId: r.teamId, modulId: r.modulId, aktivitetId: r.aktivitetId, tekst: r.tekst, delt: iso(r.delt) }));
}

export async function hentGruppenotater(db: Kysely<Database>, brukerId: string) {
  const rader = await db
    .selectFrom("gruppenotat")
    .select(["id", "organizationId", "samlingId", "aktivitetId", "gruppe", "tekst", "versjon", "oppdatert"])
    .where("oppdatertAv", "=", brukerId)
    .orderBy("oppdatert")
    .execute();
  return rader.map((r) => ({ id: r.id, barnehageId: r.organizationId, samlingId: r.samlingId, aktivitetId: r.aktivitetId, gruppe: Number(r.gruppe), tekst: r.tekst, versjon: r.versjon, oppdatert: iso(r.oppdatert) }));
}

export async function hentUtprovingslogger(db: Kysely<Database>, brukerId: string) {
  const rader = await db
    .selectFrom("utproving_logg")
    .innerJoin("utproving", (j) => j.onRef("utproving.id", "=", "utproving_logg.utprovingId").onRef("utproving.organizationId", "=", "utproving_logg.organizationId"))
    .select(["utproving.id as utprovingId", "utproving.organizationId as barnehageId", "utproving.hva as hva", "utproving_logg.tekst as tekst", "utproving_logg.oppdatert as oppdatert"])
    .where("utproving_logg.userId", "=", brukerId)
    .orderBy("utproving_logg.oppdatert")
    .execute();
  return rader.map((r) => ({ ...r, oppdatert: iso(r.oppdatert) }));
}

export async function hentOppmote(db: Kysely<Database>, brukerId: string) {
  return db.selectFrom("samling_oppmote").select(["samlingId", "organizationId as barnehageId"]).where("userId", "=", brukerId).orderBy("samlingId").execute().then((r) => r.map((x) => ({ ...x })));
}

/** Samlinger and practice tasks the person created (the rows are the team's; the person is named on them). */
export async function hentOpprettetISamarbeid(db: Kysely<Database>, brukerId: string) {
  const samlinger = await db.selectFrom("samling").select(["id", "organizationId", "teamId", "modulId", "starter"]).where("opprettetAv", "=", brukerId).orderBy("opprettet").execute();
  const utprovinger = await db.selectFrom("utproving").select(["id", "organizationId", "teamId", "hva", "hvem", "frist"]).where("opprettetAv", "=", brukerId).orderBy("opprettet").execute();
  return {
    samlinger: samlinger.map((s) => ({ id: s.id, barnehageId: s.organizationId, teamId: s.teamId, modulId: s.modulId, starter: iso(s.starter) })),
    utprovinger: utprovinger.map((u) => ({ id: u.id, barnehageId: u.organizationId, teamId: u.teamId, hva: u.hva, hvem: u.hvem, frist: u.frist })),
  };
}

// Owners, two-factor, samlinger, catch-up, ståsted and module feedback (migrations 0008–0015).

/** Owners the person represents (ADR 0014). */
export async function hentEiere(db: Kysely<Database>, brukerId: string) {
  const rader = await db
    .selectFrom("eier_medlem")
    .innerJoin("eier", "eier.id", "eier_medlem.eierId")
    .select(["eier.id as eierId", "eier.navn as navn", "eier.orgnummer as orgnummer", "eier_medlem.lagtTil as lagtTil"])
    .where("eier_medlem.userId", "=", brukerId)
    .orderBy("eier_medlem.lagtTil")
    .execute();
  return rader.map((r) => ({ ...r, lagtTil: iso(r.lagtTil) }));
}

/** Only whether two-factor sign-in is on: never the secret or the recovery codes (ADR 0013). */
export async function hentTofaktor(db: Kysely<Database>, brukerId: string) {
  const bruker = await db.selectFrom("user").select("twoFactorEnabled").where("id", "=", brukerId).executeTakeFirst();
  return { paa: somBool(bruker?.twoFactorEnabled ?? false) };
}

/** The person's own private notes from the presenter view (ADR 0016). They go with the account (cascade). */
export async function hentLedernotater(db: Kysely<Database>, brukerId: string) {
  const rader = await db
    .selectFrom("samling_ledernotat")
    .select(["samlingId", "organizationId", "tekst", "oppdatert"])
    .where("userId", "=", brukerId)
    .orderBy("oppdatert")
    .execute();
  return rader.map((r) => ({ samlingId: r.samlingId, barnehageId: r.organizationId, tekst: r.tekst, oppdatert: iso(r.oppdatert) }));
}

/** Only whether a calendar feed exists and since when: never the hash of its secret. Goes by cascade. */
export async function hentKalender(db: Kysely<Database>, brukerId: string) {
  const r = await db.selectFrom("kalender_hemmelighet").select("opprettet").where("userId", "=", brukerId).executeTakeFirst();
  return { harKalenderfeed: r !== undefined, opprettet: r ? iso(r.opprettet) : null };
}

export async function hentTattIgjen(db: Kysely<Database>, brukerId: string) {
  const rader = await db.selectFrom("samling_tatt_igjen").select(["samlingId", "organizationId", "tidspunkt"]).where("userId", "=", brukerId).orderBy("tidspunkt").execute();
  return rader.map((r) => ({ samlingId: r.samlingId, barnehageId: r.organizationId, tidspunkt: iso(r.tidspunkt) }));
}

/** Which group the person was in at each samling (ADR 0027). */
export async function hentGrupper(db: Kysely<Database>, brukerId: string) {
  const rader = await db.selectFrom("samling_gruppe_medlem").select(["samlingId", "organizationId", "gruppe"]).where("userId", "=", brukerId).orderBy("samlingId").execute();
  return rader.map((r) => ({ samlingId: r.samlingId, barnehageId: r.organizationId, gruppe: Number(r.gruppe) }));
}

/** No foreign key to the user: removed here. The group's notes stay with the team. */
export async function slettGrupper(db: Kysely<Database>, brukerId: string) {
  await db.deleteFrom("samling_gruppe_medlem").where("userId", "=", brukerId).execute();
}

/** No foreign key to the user: removed here. */
export async function slettTattIgjen(db: Kysely<Database>, brukerId: string) {
  await db.deleteFrom("samling_tatt_igjen").where("userId", "=", brukerId).execute();
}

const ANONYME_SVAR =
  "Du har svart. Svarene dine er anonyme: Samla lagrer at du har svart, men ikke hva du svarte sammen med deg. Derfor kan svarene ikke tas med her, og ingen kan finne dem igjen.";

/** That the person answered ståsted rounds (ADR 0008): the rounds only, never the answers. Also rounds they opened. */
export async function hentStastedDeltakelse(db: Kysely<Database>, brukerId: string) {
  const runder = await db.selectFrom("stasted_deltakelse").select(["rundeId", "organizationId"]).where("userId", "=", brukerId).orderBy("rundeId").execute();
  const opprettet = await db.selectFrom("stasted_runde").select(["id", "organizationId", "fase", "opprettet"]).where("opprettetAv", "=", brukerId).orderBy("opprettet").execute();
  return {
    merknad: ANONYME_SVAR,
    harSvartI: runder.map((r) => ({ rundeId: r.rundeId, barnehageId: r.organizationId })),
    runderJegHarApnet: opprettet.map((r) => ({ rundeId: r.id, barnehageId: r.organizationId, fase: r.fase, opprettet: iso(r.opprettet) })),
  };
}

/**
 * The participation rows stay, so a round still counts the right number of people, but with a new
 * random id in place of the person's (unique per row, so the key holds, and it points at nothing).
 * Rounds the person opened keep only SLETTET_BRUKER as their creator.
 */
export async function anonymiserStasted(db: Kysely<Database>, brukerId: string) {
  const rader = await db.selectFrom("stasted_deltakelse").select(["rundeId", "organizationId"]).where("userId", "=", brukerId).execute();
  for (const r of rader) {
    await db
      .updateTable("stasted_deltakelse")
      .set({ userId: `${SLETTET_BRUKER}-${randomUUID()}` })
      .where("rundeId", "=", r.rundeId)
      .where("organizationId", "=", r.organizationId)
      .where("userId", "=", brukerId)
      .execute();
  }
  await db.updateTable("stasted_runde").set({ opprettetAv: SLETTET_BRUKER }).where("opprettetAv", "=", brukerId).execute();
}

/** That the person gave feedback on a module (ADR 0019): the module only, never the answers. Goes by cascade; the count stays. */
export async function hentTilbakemeldingDeltakelse(db: Kysely<Database>, brukerId: string) {
  const rader = await db.selectFrom("modul_tilbakemelding_deltakelse").select(["organizationId", "modulId"]).where("userId", "=", brukerId).orderBy("modulId").execute();
  return { merknad: ANONYME_SVAR, harSvartPa: rader.map((r) => ({ barnehageId: r.organizationId, modulId: r.modulId })) };
}

// Deletion. Run inside one transaction by the use case.

/** Barnehager where the person is styrer, with how many other styrere and other members there are. */
export async function styrerskap(db: Kysely<Database>, brukerId: string) {
  const mine = await db
    .selectFrom("member")
    .innerJoin("organization", "organization.id", "member.organizationId")
    .select(["organization.id as barnehageId", "organization.name as navn"])
    .where("member.userId", "=", brukerId)
    .where("member.role", "=", "styrer")
    .execute();
  const svar: { barnehageId: string; navn: string; andreStyrere: number; andreMedlemmer: number }[] = [];
  for (const b of mine) {
    const andre = await db.selectFrom("member").select(["role"]).where("organizationId", "=", b.barnehageId).where("userId", "!=", brukerId).execute();
    svar.push({ barnehageId: b.barnehageId, navn: b.navn, andreStyrere: andre.filter((a) => a.role === "styrer").length, andreMedlemmer: andre.length });
  }
  return svar;
}

/** Deletes a barnehage the person is the only member of (its teams and their rows follow by cascade). */
export async function slettTomBarnehage(db: Kysely<Database>, barnehageId: string, brukerId: string): Promise<void> {
  const andre = await db.selectFrom("member").select("id").where("organizationId", "=", barnehageId).where("userId", "!=", brukerId).executeTakeFirst();
  if (andre) throw new Error("Barnehagen har andre medlemmer og kan ikke slettes med kontoen.");
  await db.deleteFrom("organization").where("id", "=", barnehageId).execute();
}

/** Owners the person belongs to, with how many other people and linked barnehager each has. */
export async function eierskap(db: Kysely<Database>, brukerId: string) {
  const mine = await db
    .selectFrom("eier_medlem")
    .innerJoin("eier", "eier.id", "eier_medlem.eierId")
    .select(["eier.id as eierId", "eier.navn as navn"])
    .where("eier_medlem.userId", "=", brukerId)
    .execute();
  const svar: { eierId: string; navn: string; andrePersoner: number; barnehager: number }[] = [];
  for (const e of mine) {
    const andre = await db.selectFrom("eier_medlem").select("userId").where("eierId", "=", e.eierId).where("userId", "!=", brukerId).execute();
    const bh = await db.selectFrom("eier_barnehage").select("organizationId").where("eierId", "=", e.eierId).execute();
    svar.push({ eierId: e.eierId, navn: e.navn, andrePersoner: andre.length, barnehager: bh.length });
  }
  return svar;
}

/** Deletes an owner the person is the only one of and that has no barnehager (its codes follow by cascade). */
export async function slettTomEier(db: Kysely<Database>, eierId: string, brukerId: string): Promise<void> {
  const andre = await db.selectFrom("eier_medlem").select("userId").where("eierId", "=", eierId).where("userId", "!=", brukerId).executeTakeFirst();
  const bh = await db.selectFrom("eier_barnehage").select("organizationId").where("eierId", "=", eierId).executeTakeFirst();
  if (andre || bh) throw new Error("Eieren har andre personer eller barnehager og kan ikke slettes med kontoen.");
  await db.deleteFrom("eier").where("id", "=", eierId).execute();
}

export async function slettRefleksjoner(db: Kysely<Database>, brukerId: string) {
  await db.deleteFrom("refleksjon").where("userId", "=", brukerId).execute();
}

/** The shared copies stay with the team, without the author's name. */
export async function fjernForfatter(db: Kysely<Database>, brukerId: string) {
  await db.updateTable("delt_refleksjon").set({ forfatterId: null }).where("forfatterId", "=", brukerId).execute();
}

/** Group notes stay with the team; only «last changed by» goes. */
export async function fjernFraGruppenotater(db: Kysely<Database>, brukerId: string) {
  await db.updateTable("gruppenotat").set({ oppdatertAv: null }).where("oppdatertAv", "=", brukerId).execute();
}

export async function slettUtprovingslogger(db: Kysely<Database>, brukerId: string) {
  await db.deleteFrom("utproving_logg").where("userId", "=", brukerId).execute();
}

export async function slettOppmote(db: Kysely<Database>, brukerId: string) {
  await db.deleteFrom("samling_oppmote").where("userId", "=", brukerId).execute();
}

/** Samlinger and practice tasks stay with the team; the creator's id goes. */
export async function fjernSomOppretter(db: Kysely<Database>, brukerId: string) {
  await db.updateTable("samling").set({ opprettetAv: SLETTET_BRUKER }).where("opprettetAv", "=", brukerId).execute();
  await db.updateTable("utproving").set({ opprettetAv: null }).where("opprettetAv", "=", brukerId).execute();
}

/** Pending sign-in tokens of the person (password reset: the value is the user id; e-mail change: the address). */
export async function slettVerifiseringer(db: Kysely<Database>, brukerId: string, epost: string) {
  await medTabeller(db)
    .deleteFrom("verification")
    .where((e) => e.or([e("value", "=", brukerId), e("identifier", "=", epost), e("value", "like", `%${brukerId}%`)]))
    .execute();
}

/**
 * The user row. Sessions, accounts, memberships (and with them team memberships), invitations
 * they made and their private reflections go by foreign-key cascade; «used by» on others'
 * invitations is set to null.
 */
export async function slettBrukeren(db: Kysely<Database>, brukerId: string): Promise<boolean> {
  const r = await db.deleteFrom("user").where("id", "=", brukerId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
