import { z } from "zod";
import { heltall, VERSJON_MAKS } from "#app/domain/heltall.schema.ts";
import { gruppeNummer } from "#app/domain/notat/notat.schema.ts";

/** Form schemas for the action repertoire (ADR 0035). Messages are i18n keys. */
export const NIVAER = ["barn", "gruppe", "personale", "barnehage"] as const;
export type Niva = (typeof NIVAER)[number];
export const MAKS_FELT = 1000;

const felt = z.string().trim().max(MAKS_FELT, "repertoar.feil.forLang");
const id = z.string().min(1, "konto.feil.ukjent").max(100, "konto.feil.ukjent");

export const oppforingFelter = {
  situasjon: felt.min(1, "repertoar.feil.situasjon"),
  handling: felt.min(1, "repertoar.feil.handling"),
  hvem: felt.min(1, "repertoar.feil.hvem"),
  hvorfor: felt.min(1, "repertoar.feil.hvorfor"),
  niva: z.enum(NIVAER, "repertoar.feil.niva"),
};
export type OppforingInn = { situasjon: string; handling: string; hvem: string; hvorfor: string; niva: Niva };

/** Where a proposal comes from: a group note in a samling (`gruppe` 0 is the whole team's note). */
export const kildeFelter = { samlingId: id.optional(), aktivitetId: id.optional(), gruppe: gruppeNummer.optional() };

export const foreslaaSkjema = z.object({ ...oppforingFelter, ...kildeFelter });

export const oppforingSkjema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("endre"), versjon: heltall(1, "konto.feil.ukjent", VERSJON_MAKS), ...oppforingFelter }),
    z.object({ intent: z.literal("vedta"), versjon: heltall(1, "konto.feil.ukjent", VERSJON_MAKS) }),
    z.object({ intent: z.literal("slett") }),
  ],
  "konto.feil.ukjent",
);
