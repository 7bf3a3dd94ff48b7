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
  /** Better Auth's twoFactor plugin (migration 0008): true once TOTP is set up and confirmed. */
  twoFactorEnabled: ColumnType<boolean | number | null, boolean | undefined, boolean>;
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
  /** Null: one person (the single-use kind). A number: a staff invitation with that many places (ADR 0029). */
  maksBruk: number | null;
  antallBrukt: ColumnType<number, number | undefined, number>;
}

/** Who joined through a staff invitation (ADR 0029); `fjernet` stops the same code letting them back in. */
export interface InvitasjonBrukTabell {
  invitasjonId: string;
  organizationId: string;
  userId: string;
  brukt: Tid;
  fjernet: Tid | null;
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
  /** The samling in the room (0018): the countdown, the film on the projector, the join code, the screen link. */
  pauset: Tid | null;
  tilleggSekunder: ColumnType<number, number | undefined, number>;
  filmSpiller: ColumnType<boolean | number, boolean | undefined, boolean>;
  filmPosisjonMs: ColumnType<number, number | undefined, number>;
  filmEndret: Tid | null;
  visKode: ColumnType<boolean | number, boolean | undefined, boolean>;
  live: ColumnType<number, number | undefined, number>;
  kode: string | null;
  skjermHash: string | null;
  /** The module edition the samling started on (0024, ADR 0034); null before start. */
  modulUtgave: ColumnType<number | null, number | null | undefined, number | null>;
  /** The calendar's SEQUENCE (0022): one more each time the samling is moved or changed. */
  sekvens: ColumnType<number, number | undefined, number>;
}

/** Who has the editor role (0024, ADR 0034): granted by an operator command only. */
export interface RedaktorTabell {
  userId: string;
  gitt: Tid;
}

/** The newest module edition a team has been told about (0024): the change note shows once per team. */
export interface TeamModulUtgaveTabell {
  organizationId: string;
  teamId: string;
  modulId: string;
  utgave: number;
  oppdatert: Tid;
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
  /** 0: the whole team's note; 1..n: that group's own note (migration 0019, ADR 0027). */
  gruppe: ColumnType<number, number | undefined, number>;
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

/** Better Auth's twoFactor table: the TOTP secret and recovery codes, encrypted by Better Auth (ADR 0013). */
export interface TofaktorTabell {
  id: string;
  secret: string;
  backupCodes: string;
  userId: string;
  verified: ColumnType<boolean | number | null, boolean | undefined, boolean>;
  failedVerificationCount: ColumnType<number | null, number | undefined, number>;
  lockedUntil: Tid | null;
}

/** An owner (eier): a municipality or a private owner of barnehager (ADR 0014). */
export interface EierTabell {
  id: string;
  navn: string;
  orgnummer: string | null;
  opprettet: Tid;
}

/** A person who acts for an owner (role eier). */
export interface EierMedlemTabell {
  eierId: string;
  userId: string;
  lagtTil: Tid;
}

/** A barnehage linked to its owner (at most one owner per barnehage). */
export interface EierBarnehageTabell {
  organizationId: string;
  eierId: string;
  tilknyttet: Tid;
}

/** A short code from an owner, by hash only: link a barnehage («barnehage») or join the owner («eier»). */
export interface EierKodeTabell {
  id: string;
  eierId: string;
  formaal: "barnehage" | "eier";
  kodeHash: string;
  opprettetAv: string | null;
  opprettet: Tid;
  utloper: Tid;
  brukt: Tid | null;
}

/** The leader's own private notes for a samling (presenter view only, author only). */
export interface SamlingLedernotatTabell {
  samlingId: string;
  organizationId: string;
  userId: string;
  tekst: string;
  oppdatert: Tid;
}

/** Ståsted (issue 6, ADR 0008): a self-assessment round for a team (teamId) or the whole barnehage (null). */
export interface StastedRundeTabell {
  id: string;
  organizationId: string;
  teamId: string | null;
  fase: "for" | "underveis" | "etter";
  apner: string;
  lukker: string;
  status: "apen" | "lukket";
  instrumentVersjon: number;
  utsagn: unknown;
  antallSvar: number | null;
  opprettetAv: string;
  opprettet: Tid;
  lukket: Tid | null;
}

/** That a person answered a round; never linked to what they answered. */
export interface StastedDeltakelseTabell {
  rundeId: string;
  organizationId: string;
  userId: string;
}

/** One anonymous set of answers while the round is open: a random id and the hash of the receipt. */
export interface StastedSvarsettTabell {
  id: string;
  rundeId: string;
  organizationId: string;
  kvitteringHash: string;
}

/** One answer in a set: 1–5, or 0 for «vet ikke / vil ikke svare». */
export interface StastedSvarTabell {
  svarsettId: string;
  utsagnId: string;
  verdi: number;
}

/** After closing: how many gave each value to each statement. */
export interface StastedResultatTabell {
  rundeId: string;
  organizationId: string;
  utsagnId: string;
  verdi: number;
  antall: number;
}

/** After closing: how many answered at least one statement of the area on the scale. */
export interface StastedOmradetallTabell {
  rundeId: string;
  organizationId: string;
  omradeId: string;
  antall: number;
}

/** A team's «hvor vil vi?» text. */
export interface StastedOnsketTabell {
  teamId: string;
  organizationId: string;
  tekst: string;
  oppdatert: Tid;
}

/** A person's secret calendar feed: only the SHA-256 hash of the secret is stored. */
export interface KalenderHemmelighetTabell {
  userId: string;
  hash: string;
  opprettet: Tid;
}

/** A member who missed a held samling and has caught up afterwards (issue 5, catch-up). */
export interface SamlingTattIgjenTabell {
  samlingId: string;
  organizationId: string;
  userId: string;
  tidspunkt: Tid;
}

/** Groups at a samling (ADR 0027): one grouping per samling, reused by every group step. */
export interface SamlingGrupperingTabell {
  samlingId: string;
  organizationId: string;
  /** Groups are numbered 1..antall. */
  antall: number;
  /** Members may pick their own group on the phone. */
  selvvalg: Bool;
  /** The group the leader highlights for the plenary (null: none). */
  fremhevet: number | null;
  oppdatert: Tid;
}

/** Which group a person is in at a samling (one row per person and samling). */
export interface SamlingGruppeMedlemTabell {
  samlingId: string;
  organizationId: string;
  userId: string;
  gruppe: number;
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

/** The last TOTP time step whose code was accepted, per person (migration 0017): codes are single-use. */
export interface TofaktorBruktTabell {
  userId: string;
  sisteSteg: number;
}

/** One row per health check: /helse writes it, so an unwritable database gives 503. */
export interface HelseTabell {
  id: string;
  sist: string;
}

/** A periodic job's lease (0022, ADR 0031): held by one process until `laastTil`. */
export interface JobbLaasTabell {
  navn: string;
  laastAv: string | null;
  laastTil: Tid | null;
  sistFullfort: Tid | null;
}

/** The reminder outbox (0022): one row per (type, person, object, occasion), sent once. */
export interface PaaminnelseTabell {
  id: string;
  organizationId: string;
  userId: string;
  type: string;
  objektId: string;
  anledning: string;
  opprettet: Tid;
  sendt: Tid | null;
  utfall: "sendt" | "av" | "utdatert" | null;
  laastAv: string | null;
  laastTil: Tid | null;
  forsok: ColumnType<number, number | undefined, number>;
}

/** A kind of reminder a person has turned off (0022). */
export interface PaaminnelseAvTabell {
  userId: string;
  type: string;
}

/** A cancelled samling, kept so calendar feeds can say STATUS:CANCELLED (0022). */
export interface SamlingAvlystTabell {
  samlingId: string;
  organizationId: string;
  teamId: string;
  modulId: string;
  starter: Tid;
  varighetMinutter: number;
  sekvens: number;
  avlyst: Tid;
}

/** The barnehage's routine for internkontroll (migration 0026, ADR 0036): one row per adopted version. */
export interface InternkontrollRutineTabell {
  id: string;
  organizationId: string;
  versjon: number;
  /** The guided form's answers, JSON text. */
  svar: string;
  /** Calendar date, YYYY-MM-DD. */
  vedtatt: string;
  godkjentRolle: string;
  godkjentNavn: string | null;
  godkjentAv: string | null;
  opprettet: Tid;
}

/** A team's practice period for observation (ADR 0035); fra/til are calendar dates (YYYY-MM-DD). */
export interface ObservasjonPeriodeTabell {
  id: string;
  organizationId: string;
  teamId: string;
  fra: string;
  til: string;
  opprettetAv: string | null;
  opprettet: Tid;
}

/** One person's observation log: private to the author until `delt` is set (ADR 0035). */
export interface ObservasjonTabell {
  id: string;
  organizationId: string;
  periodeId: string;
  forfatterId: string;
  art: "praksis" | "film";
  malId: string;
  naar: string;
  sted: string;
  situasjon: string;
  kategorier: unknown;
  valg: unknown;
  delt: Tid | null;
  opprettet: Tid;
  oppdatert: Tid;
}

/** The barnehage's action repertoire: «Når vi ser …, gjør vi …» (ADR 0035). */
export interface RepertoarTabell {
  id: string;
  organizationId: string;
  teamId: string | null;
  situasjon: string;
  handling: string;
  hvem: string;
  hvorfor: string;
  niva: string;
  status: "foreslatt" | "vedtatt";
  foreslattAv: string | null;
  kilde: string | null;
  versjon: number;
  opprettet: Tid;
  endret: Tid;
  endretAv: string | null;
}

/** Who changed what in a repertoire entry, and when. */
export interface RepertoarHistorikkTabell {
  id: string;
  organizationId: string;
  oppforingId: string;
  brukerId: string | null;
  hendelse: string;
  endringer: unknown;
  tidspunkt: Tid;
}

export interface Database {
  jobb_laas: JobbLaasTabell;
  paaminnelse: PaaminnelseTabell;
  paaminnelse_av: PaaminnelseAvTabell;
  samling_avlyst: SamlingAvlystTabell;
  helse: HelseTabell;
  internkontroll_rutine: InternkontrollRutineTabell;
  user: BrukerTabell;
  session: SesjonTabell;
  organization: OrganisasjonTabell;
  member: MedlemTabell;
  invitation: EpostInvitasjonTabell;
  invitasjonskode: InvitasjonskodeTabell;
  invitasjon_bruk: InvitasjonBrukTabell;
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
  twoFactor: TofaktorTabell;
  tofaktor_brukt: TofaktorBruktTabell;
  eier: EierTabell;
  eier_medlem: EierMedlemTabell;
  eier_barnehage: EierBarnehageTabell;
  eier_kode: EierKodeTabell;
  samling_ledernotat: SamlingLedernotatTabell;
  kalender_hemmelighet: KalenderHemmelighetTabell;
  samling_tatt_igjen: SamlingTattIgjenTabell;
  samling_gruppering: SamlingGrupperingTabell;
  samling_gruppe_medlem: SamlingGruppeMedlemTabell;
  stasted_runde: StastedRundeTabell;
  stasted_deltakelse: StastedDeltakelseTabell;
  stasted_svarsett: StastedSvarsettTabell;
  stasted_svar: StastedSvarTabell;
  stasted_resultat: StastedResultatTabell;
  stasted_omradetall: StastedOmradetallTabell;
  stasted_onsket: StastedOnsketTabell;
  modul_tilbakemelding: ModulTilbakemeldingTabell;
  modul_tilbakemelding_deltakelse: ModulTilbakemeldingDeltakelseTabell;
  modul_tilbakemelding_svar: ModulTilbakemeldingSvarTabell;
  modul_tilbakemelding_fritekst: ModulTilbakemeldingFritekstTabell;
  redaktor: RedaktorTabell;
  team_modul_utgave: TeamModulUtgaveTabell;
  observasjon_periode: ObservasjonPeriodeTabell;
  observasjon: ObservasjonTabell;
  repertoar: RepertoarTabell;
  repertoar_historikk: RepertoarHistorikkTabell;
}
