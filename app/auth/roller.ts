import { createAccessControl } from "better-auth/plugins/access";
import { defaultStatements } from "better-auth/plugins/organization/access";

/**
 * The roles inside a barnehage, as real Better Auth roles (its organization plugin checks them on
 * its own endpoints). Our own pages ask `app/auth/tilgang.ts`, which builds on the same names.
 * eier is not a barnehage role: owners have their own tables and rules (ADR 0014).
 */
export const ROLLER = ["ansatt", "leder", "styrer"] as const;
export type Rolle = (typeof ROLLER)[number];

/** Roles a styrer may give through an invitation or a role change (styrer is given by creating). */
export const TILDELBARE_ROLLER = ["ansatt", "leder"] as const;

export function erRolle(verdi: unknown): verdi is Rolle {
  return typeof verdi === "string" && (ROLLER as readonly string[]).includes(verdi);
}

const ac = createAccessControl({ ...defaultStatements, lederstotte: ["read"] } as const);

export const tilgangskontroll = ac;
export const rolleDefinisjoner = {
  ansatt: ac.newRole({ organization: [], member: [], invitation: [], team: [], ac: ["read"], lederstotte: [] }),
  leder: ac.newRole({ organization: [], member: [], invitation: [], team: [], ac: ["read"], lederstotte: ["read"] }),
  styrer: ac.newRole({
    organization: ["update"],
    member: ["create", "update", "delete"],
    invitation: ["create", "cancel"],
    team: ["create", "update", "delete"],
    ac: ["read"],
    lederstotte: ["read"],
  }),
};
