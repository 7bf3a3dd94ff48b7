import { z } from "zod";
import { heltall, VERSJON_MAKS } from "#app/domain/heltall.schema.ts";
import { MAKS_TEKST } from "#app/domain/notat/notat.schema.ts";
import { velgGruppeFelter } from "#app/domain/gruppe/gruppe.schema.ts";

/** Form schemas for the plan, samlinger and practice tasks. Messages are i18n keys. */
const modulId = z.string().regex(/^m[0-9]$/, "samling.feil.modul");
const id = z.string().min(1, "konto.feil.ukjent").max(100, "konto.feil.ukjent");
const versjon = heltall(1, "konto.feil.ukjent", VERSJON_MAKS);

const samlingFelter = {
  dato: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "samling.feil.dato"),
  klokke: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "samling.feil.klokke"),
  modulId,
  // Empty: use the leader guide's suggested duration for the module.
  varighet: z.union([z.literal("").transform(() => undefined), z.coerce.number("samling.feil.varighet").int("samling.feil.varighet").min(15, "samling.feil.varighet").max(480, "samling.feil.varighet")]).optional(),
};

export const planSkjema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("velg-moduler") }),
    z.object({ intent: z.literal("flytt"), modulId, retning: z.enum(["opp", "ned"], "konto.feil.ukjent") }),
    z.object({ intent: z.literal("planlegg"), ...samlingFelter }),
    z.object({ intent: z.literal("endre"), samlingId: id, ...samlingFelter }),
    z.object({ intent: z.literal("avlys"), samlingId: id }),
  ],
  "konto.feil.ukjent",
);

const utprovingFelter = {
  hva: z.string().trim().min(1, "samling.feil.hva").max(500, "samling.feil.hvaLang"),
  hvem: z.string().trim().min(1, "samling.feil.hvem").max(200, "samling.feil.hvemLang"),
  frist: z.iso.date("samling.feil.frist"),
};
const logg = z.string().trim().min(1, "samling.feil.logg").max(4000, "samling.feil.loggLang");

/** «Ja» on a confirmation (start on another day, end the samling): the field is there or not. */
const bekreft = z.literal("ja", "konto.feil.ukjent").optional();

export const lederSkjema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.enum(["start", "neste", "forrige", "avslutt"]), versjon, bekreft }),
    z.object({
      intent: z.enum(["angre-avslutt", "pause", "fortsett", "pluss1", "pluss5", "film-spill", "film-pause", "film-start", "vis-kode", "skjul-kode"]),
      versjon,
    }),
    z.object({ intent: z.enum(["lag-skjerm", "trekk-skjerm"]) }),
    z.object({ intent: z.literal("notat"), notat: z.string().max(10_000, "samling.feil.notatLangt") }),
    z.object({ intent: z.literal("oppmote") }),
    z.object({ intent: z.literal("utproving"), ...utprovingFelter }),
  ],
  "konto.feil.ukjent",
);

export const samlingSkjema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("utproving"), ...utprovingFelter }),
    z.object({ intent: z.literal("logg"), utprovingId: id, logg }),
    // The participant page (ADR 0027): my private reflection on the step's activity, and picking a group.
    z.object({ intent: z.literal("refleksjon"), aktivitetId: id, tekst: z.string().trim().max(MAKS_TEKST, "notat.feil.forLang") }),
    z.object(velgGruppeFelter),
  ],
  "konto.feil.ukjent",
);

export const kalenderSkjema = z.discriminatedUnion("intent", [z.object({ intent: z.literal("lag") }), z.object({ intent: z.literal("trekk-tilbake") })], "konto.feil.ukjent");

/** The join code from the big screen (ADR 0026): six symbols; spaces and dashes are ignored. */
export const samlingskodeSkjema = z.object({
  kode: z.string("rom.feil.kodeTom").trim().min(1, "rom.feil.kodeTom").max(20, "rom.feil.kode"),
});
