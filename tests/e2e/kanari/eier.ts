import { expect } from "@playwright/test";
import { knyttBarnehageTilEier, lagEierKode, opprettEierMed } from "../hjelpere.ts";
import { MARKOR, type BarnehageB, type SaaKontekst } from "./markor.ts";

/**
 * Owners (ADR 0014, migration 0009-eiere): B's styrer founds an owner with the marker in its name
 * through the app's own form (two-factor is on already), links B to it with a code, and makes an
 * unused code for another owner person. The org number has no form yet: straight into the database.
 */
export async function saaEier({ db, baseURL }: SaaKontekst, b: BarnehageB): Promise<void> {
  const [styrer] = b.klienter;
  const eierId = await opprettEierMed(styrer!, baseURL, `Eier ${MARKOR}`);
  await knyttBarnehageTilEier(styrer!, styrer!, baseURL, eierId, b.barnehageId);
  await lagEierKode(styrer!, baseURL, eierId, "eier");
  await db.updateTable("eier").set({ orgnummer: MARKOR }).where("id", "=", eierId).execute();
  const knyttet = await db.selectFrom("eier_barnehage").select("eierId").where("organizationId", "=", b.barnehageId).executeTakeFirst();
  expect(knyttet?.eierId).toBe(eierId);
  b.parametre.eierId = eierId;
}
