import { z } from "zod";
import { tryggTil } from "#app/auth/sesjon.ts";
import { heltall, VERSJON_MAKS } from "#app/domain/heltall.schema.ts";
import { MAKS_GRUPPER } from "#app/domain/gruppe/gruppe.ts";

/** Form schemas for reflections, group notes and catch-up. Messages are i18n keys. */
export const MAKS_TEKST = 5000;
const aktivitetId = z.string().min(1, "konto.feil.ukjent").max(100, "konto.feil.ukjent");
const valgfriTekst = z.string().trim().max(MAKS_TEKST, "notat.feil.forLang");
const tekst = valgfriTekst.min(1, "notat.feil.tom");

/** A local path to go back to after saving (never another site). */
export const tilSkjema = z
  .string()
  .regex(/^\/(?![/\\])[^\s]*$/, "konto.feil.ukjent")
  .max(500, "konto.feil.ukjent")
  // The same rule as after sign-in: only what tryggTil keeps unchanged (no %09, no encoded CR/LF).
  .refine((v) => tryggTil(v, "") === v, "konto.feil.ukjent");

export const refleksjonSkjema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("lagre-refleksjon"), aktivitetId, tekst: valgfriTekst }),
    z.object({ intent: z.literal("del-refleksjon"), aktivitetId, tekst }),
    z.object({ intent: z.literal("slett-delt"), id: z.string().min(1, "konto.feil.ukjent").max(100, "konto.feil.ukjent"), aktivitetId: aktivitetId.optional() }),
    // Editions (ADR 0034): the leader moves the samling in progress on to the newest edition.
    z.object({ intent: z.literal("bytt-utgave"), samlingId: z.string().min(1, "konto.feil.ukjent").max(100, "konto.feil.ukjent") }),
  ],
  "konto.feil.ukjent",
);

/** A group's number (ADR 0027): 0 or missing is the whole team's note. */
export const gruppeNummer = heltall(0, "konto.feil.ukjent", MAKS_GRUPPER);

export const gruppenotatSkjema = z.object({
  tekst: valgfriTekst,
  versjon: heltall(0, "konto.feil.ukjent", VERSJON_MAKS),
  gruppe: gruppeNummer.optional(),
  til: tilSkjema.optional(),
});

export const taIgjenSkjema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("lagre-refleksjon"), aktivitetId, tekst: valgfriTekst }),
    z.object({ intent: z.literal("logg-utproving"), utprovingId: aktivitetId, tekst }),
    z.object({ intent: z.literal("tatt-igjen") }),
  ],
  "konto.feil.ukjent",
);
