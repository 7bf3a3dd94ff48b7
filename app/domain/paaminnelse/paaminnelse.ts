/**
 * Reminders (issue 15, point 4; ADR 0031): the kinds a person can turn off on /profil, and the
 * occasions the job finds. Pure: no I/O.
 */
export const PAAMINNELSE_SLAG = ["samling", "stasted", "utproving", "taIgjen"] as const;
export type PaaminnelseSlag = (typeof PAAMINNELSE_SLAG)[number];

/** What one outbox row is about; each belongs to one kind a person can turn off. */
export const HENDELSER = {
  samling: "samling",
  stastedApnet: "stasted",
  stastedStenger: "stasted",
  utproving: "utproving",
  taIgjen: "taIgjen",
} as const satisfies Record<string, PaaminnelseSlag>;
export type Hendelse = keyof typeof HENDELSER;

export function erHendelse(s: string): s is Hendelse {
  return Object.hasOwn(HENDELSER, s);
}

/** A reminder to put in the outbox: unique per (type, person, object, occasion). */
export type Kandidat = { type: Hendelse; barnehageId: string; brukerId: string; objektId: string; anledning: string };

/** A calendar date (YYYY-MM-DD) moved by whole days (dates only, no time zone involved). */
export function leggTilDager(dato: string, dager: number): string {
  const d = new Date(`${dato}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + dager);
  return d.toISOString().slice(0, 10);
}
