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

export interface Database {
  user: BrukerTabell;
  session: SesjonTabell;
  organization: OrganisasjonTabell;
  member: MedlemTabell;
  invitation: EpostInvitasjonTabell;
  invitasjonskode: InvitasjonskodeTabell;
  team: TeamTabell;
  team_medlem: TeamMedlemTabell;
}
