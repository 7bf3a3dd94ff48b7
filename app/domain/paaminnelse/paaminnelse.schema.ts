import { z } from "zod";
import { PAAMINNELSE_SLAG, type PaaminnelseSlag } from "./paaminnelse.ts";

/**
 * The reminder form on /profil: one checkbox per kind, named after the kind, value «paa». A box
 * that is not ticked is not posted, so a kind missing from the post is turned off.
 */
const avkrysning = z.literal("paa").optional();
export const paaminnelseSkjema = z
  .object({ samling: avkrysning, stasted: avkrysning, utproving: avkrysning, taIgjen: avkrysning })
  .transform((v) => PAAMINNELSE_SLAG.filter((s) => v[s] === "paa") as PaaminnelseSlag[]);
