import type { ColumnType } from "kysely";

/**
 * Table types for Kysely. Timestamps are ISO strings on SQLite and Dates on PostgreSQL; read them
 * through dialekt.ts (somIso) in repositories, never in routes.
 */
type Tid = ColumnType<string | Date, string | Date, string | Date>;
type Bool = ColumnType<boolean | number, boolean, boolean>;

export interface BrukerTabell {
  id: string;
  name: string;
  email: string;
  emailVerified: Bool;
  image: string | null;
  createdAt: Tid;
  updatedAt: Tid;
  maalform: string | null;
}

export interface SesjonTabell {
  id: string;
  expiresAt: Tid;
  token: string;
  createdAt: Tid;
  updatedAt: Tid;
  ipAddress: string | null;
  userAgent: string | null;
  userId: string;
  activeOrganizationId: string | null;
}

/** A barnehage (Better Auth's organization). */
export interface OrganisasjonTabell {
  id: string;
  name: string;
  slug: string;
  logo: string | null;
  createdAt: Tid;
  metadata: string | null;
  orgnummer: string | null;
}

/** A person's membership and role in one barnehage. */
export interface MedlemTabell {
  id: string;
  organizationId: string;
  userId: string;
  role: string;
  createdAt: Tid;
}

/** Better Auth's e-mail invitations (unused until e-mail arrives; kept so its schema is complete). */
export interface EpostInvitasjonTabell {
  id: string;
  organizationId: string;
  email: string;
  role: string | null;
  status: string;
  expiresAt: Tid;
  createdAt: Tid;
  inviterId: string;
}

/** Our invitations by code or link: only the hash of the code is stored. */
export interface InvitasjonskodeTabell {
  id: string;
  organizationId: string;
  kodeHash: string;
  rolle: string;
  opprettetAv: string;
  opprettet: Tid;
  utloper: Tid;
  trukketTilbake: Tid | null;
  brukt: Tid | null;
  bruktAv: string | null;
}

/** A team (avdeling or group) inside one barnehage. */
export interface TeamTabell {
  id: string;
  organizationId: string;
  navn: string;
  opprettet: Tid;
}

/** A barnehage member in a team; the barnehage id is kept so the database checks it (ADR 0011). */
export interface TeamMedlemTabell {
  teamId: string;
  organizationId: string;
  userId: string;
  lagtTil: Tid;
}

/** Which modules a team works through, in which order (issue 5). */
export interface TeamPlanTabell {
  teamId: string;
  organizationId: string;
  modulId: string;
  rekkefolge: number;
}

/** A samling of one team about one module; steg/stegStartet are samling mode's live state. */
export interface SamlingTabell {
  id: string;
  organizationId: string;
  teamId: string;
  modulId: string;
  starter: Tid;
  varighetMinutter: number;
  status: "planlagt" | "pagaar" | "holdt";
  steg: ColumnType<number, number | undefined, number>;
  stegStartet: Tid | null;
  holdt: Tid | null;
  opprettetAv: string;
  opprettet: Tid;
  versjon: ColumnType<number, number | undefined, number>;
}

/** Who was at a samling (marked by the leader). */
export interface SamlingOppmoteTabell {
  samlingId: string;
  organizationId: string;
  userId: string;
}

/** The team's shared notes for one activity at one samling; versjon is the optimistic lock. */
export interface GruppenotatTabell {
  id: string;
  organizationId: string;
  samlingId: string;
  aktivitetId: string;
  tekst: string;
  versjon: number;
  oppdatertAv: string | null;
  oppdatert: Tid;
}

/** A private reflection: readable by its author only (no barnehage column on purpose). */
export interface RefleksjonTabell {
  id: string;
  userId: string;
  modulId: string;
  aktivitetId: string;
  tekst: string;
  oppdatert: Tid;
}

/** An explicit copy of a reflection that its author shared with a team. */
export interface DeltRefleksjonTabell {
  id: string;
  organizationId: string;
  teamId: string;
  modulId: string;
  aktivitetId: string;
  forfatterId: string | null;
  tekst: string;
  delt: Tid;
}

/** A practice task agreed at a samling. frist is a calendar date (YYYY-MM-DD). */
export interface UtprovingTabell {
  id: string;
  organizationId: string;
  teamId: string;
  samlingId: string;
  hva: string;
  hvem: string;
  frist: string;
  opprettetAv: string | null;
  opprettet: Tid;
}

/** One member's log of how a practice task went (shared with the team). */
export interface UtprovingLoggTabell {
  utprovingId: string;
  organizationId: string;
  userId: string;
  tekst: string;
  oppdatert: Tid;
}

/** Module feedback (ADR 0019): the number of answers per barnehage and module; its row is the lock for a new answer. */
export interface ModulTilbakemeldingTabell {
  organizationId: string;
  modulId: string;
  antallSvar: number;
}

/** Module feedback: *that* a person answered, never what. */
export interface ModulTilbakemeldingDeltakelseTabell {
  organizationId: string;
  modulId: string;
  userId: string;
}

/** Module feedback: one statement answer (1–5, null for «vet ikke»), with no user, time or grouping per person. */
export interface ModulTilbakemeldingSvarTabell {
  id: string;
  organizationId: string;
  modulId: string;
  utsagnId: string;
  verdi: number | null;
}

/** Module feedback: an optional free text, not linked to the values; only the styrer reads it. */
export interface ModulTilbakemeldingFritekstTabell {
  id: string;
  organizationId: string;
  modulId: string;
  tekst: string;
}

export interface Database {
  user: BrukerTabell;
  session: SesjonTabell;
  organization: OrganisasjonTabell;
  member: MedlemTabell;
  invitation: EpostInvitasjonTabell;
  invitasjonskode: InvitasjonskodeTabell;
  team: TeamTabell;
  team_medlem: TeamMedlemTabell;
  team_plan: TeamPlanTabell;
  samling: SamlingTabell;
  samling_oppmote: SamlingOppmoteTabell;
  gruppenotat: GruppenotatTabell;
  refleksjon: RefleksjonTabell;
  delt_refleksjon: DeltRefleksjonTabell;
  utproving: UtprovingTabell;
  utproving_logg: UtprovingLoggTabell;
  modul_tilbakemelding: ModulTilbakemeldingTabell;
  modul_tilbakemelding_deltakelse: ModulTilbakemeldingDeltakelseTabell;
  modul_tilbakemelding_svar: ModulTilbakemeldingSvarTabell;
  modul_tilbakemelding_fritekst: ModulTilbakemeldingFritekstTabell;
}
