import type { Kysely } from "kysely";
import type { Database } from "#app/db/skjema.ts";
import type { Aktor } from "#app/kontekst.ts";
import { krev, ikkeFunnet, type Medlemskap } from "#app/auth/tilgang.ts";
import { formaterDato, formaterKlokke, oversetter } from "#app/i18n/i18n.ts";
import { logg, feilInfo } from "#app/logg.server.ts";
import type { Innhold } from "#app/domain/innhold/innhold.server.ts";
import type { Spraak } from "#app/domain/innhold/innhold.schema.ts";
import { finnTeam } from "#app/domain/team/team.repo.server.ts";
import { dagIdag } from "#app/domain/stasted/stasted.server.ts";
import { fraOslo } from "#app/domain/samling/tid.ts";
import type { EpostSender } from "#app/epost/epost.server.ts";
import { lagPaaminnelseEpost, type PaaminnelseDeler } from "#app/epost/paaminnelse-maler.ts";
import type { Jobb } from "#app/domain/jobb/jobbkjorer.server.ts";
import { HENDELSER, PAAMINNELSE_SLAG, erHendelse, leggTilDager, type PaaminnelseSlag } from "./paaminnelse.ts";
import * as repo from "./paaminnelse.repo.server.ts";

/**
 * Reminders by e-mail (issue 15, point 4; ADR 0031). One job, run under a lease by whichever app
 * process gets it: find what is due (samling tomorrow, a ståsted round opened or closing, a
 * practice task due, catch-up after a missed samling), put each reminder in the outbox under its
 * unique key, then send the outbox one claimed row at a time. Everything is read again just
 * before a mail goes, so a moved samling, a closed round or a kind turned off sends nothing.
 */
export type PaaminnelseDep = { db: Kysely<Database>; innhold: Pick<Innhold, "moduler">; epost: EpostSender; baseUrl: string };

const DAG = 24 * 3600_000;
/** How long a claimed mail is someone's; after that another process may try it again. */
const SENDELEIE_MS = 2 * 60_000;
const MAKS_FORSOK = 5;
/** Done reminders and cancelled samlinger are kept this long (the calendar shows CANCELLED for 30 days). */
const RYDD_ETTER_DAGER = 90;

/** Finds what is due now and puts it in the outbox; returns how many candidates were found. */
export async function finnPaaminnelser(db: Kysely<Database>, naa: Date): Promise<number> {
  const idag = dagIdag(naa);
  const imorgen = leggTilDager(idag, 1);
  const kandidater = [
    ...(await repo.samlingKandidater(db, fraOslo(imorgen, "00:00")!, fraOslo(leggTilDager(idag, 2), "00:00")!)),
    ...(await repo.stastedApnetKandidater(db, idag, leggTilDager(idag, -7))),
    ...(await repo.stastedStengerKandidater(db, idag, imorgen)),
    ...(await repo.utprovingKandidater(db, idag, imorgen)),
    // Half an hour after the end, so the leader has time to register who was there.
    ...(await repo.taIgjenKandidater(db, new Date(naa.getTime() - 3 * DAG), new Date(naa.getTime() - 30 * 60_000))),
  ];
  await repo.leggIKo(db, kandidater, naa);
  return kandidater.length;
}

/** Sends the outbox: each row claimed by one compare-and-set before its mail goes. Returns how many were sent. */
export async function sendPaaminnelser(dep: PaaminnelseDep, kjorer: string, naa: Date): Promise<number> {
  let sendt = 0;
  for (const rad of await repo.ventende(dep.db, naa, MAKS_FORSOK, 200)) {
    if (!(await repo.taPaaminnelse(dep.db, rad.id, kjorer, naa, SENDELEIE_MS))) continue;
    try {
      const utfall = await sendEn(dep, rad, naa);
      await repo.fullfor(dep.db, rad.id, kjorer, naa, utfall);
      if (utfall === "sendt") {
        sendt += 1;
        logg.info("paaminnelse_sendt", { type: rad.type });
      }
    } catch (feil) {
      // The lease runs out and a later run tries again (at most MAKS_FORSOK times).
      logg.warn("paaminnelse_feilet", { type: rad.type, ...feilInfo(feil) });
    }
  }
  return sendt;
}

/** The job for the runner: find, send, then tidy what is old. */
export function paaminnelseJobb(dep: PaaminnelseDep, kjorer: string): Jobb {
  return {
    navn: "paaminnelser",
    async kjor(naa) {
      await finnPaaminnelser(dep.db, naa);
      await sendPaaminnelser(dep, kjorer, naa);
      await repo.ryddGamle(dep.db, naa, RYDD_ETTER_DAGER);
    },
  };
}

async function sendEn(dep: PaaminnelseDep, rad: repo.KoRad, naa: Date): Promise<"sendt" | "av" | "utdatert"> {
  if (!erHendelse(rad.type)) return "utdatert";
  const person = await repo.mottaker(dep.db, rad.barnehageId, rad.brukerId);
  if (!person) return "utdatert";
  if ((await repo.avSlaatteSlag(dep.db, rad.brukerId)).includes(HENDELSER[rad.type])) return "av";
  const sp: Spraak = person.maalform === "nn" ? "nn" : "nb";
  const deler = await innholdFor(dep, rad, sp, naa);
  if (!deler) return "utdatert";
  const e = lagPaaminnelseEpost(sp, person.navn, deler, `${dep.baseUrl}/profil#paaminnelser`);
  await dep.epost.send({ til: person.epost, ...e });
  return "sendt";
}

/** What the mail says, read from the database now; undefined when the reminder no longer holds. */
async function innholdFor(dep: PaaminnelseDep, rad: repo.KoRad, sp: Spraak, naa: Date): Promise<PaaminnelseDeler | undefined> {
  const { db, innhold, baseUrl } = dep;
  const t = oversetter(sp);
  const bh = `${baseUrl}/barnehage/${rad.barnehageId}`;
  const idag = dagIdag(naa);
  const modulNavn = (modulId: string) => {
    const modul = innhold.moduler.find((m) => m.id === modulId);
    return { modul, navn: modul ? `${t("pakke.modul", { nummer: modul.nummer })}: ${modul.tekst[sp].meta.tittel}` : modulId };
  };
  switch (rad.type) {
    case "samling": {
      const s = await repo.samlingInfo(db, rad.barnehageId, rad.objektId);
      if (!s || s.status !== "planlagt" || s.starter !== rad.anledning || new Date(s.starter) <= naa) return undefined;
      const { modul, navn } = modulNavn(s.modulId);
      const modulside = modul ? `${bh}/team/${s.teamId}/moduler/${modul.slug}` : undefined;
      const punkter = modul
        ? [
            { tekst: t("paaminnelse.samling.les", { tittel: modul.tekst[sp].meta.tittel }), lenke: modulside },
            ...[...modul.filmer.values()].map((f) => ({ tekst: t("paaminnelse.samling.film", { film: f.manus.tittel[sp] }), lenke: modulside })),
          ]
        : [];
      return {
        emne: "paaminnelse.samling.emne",
        verdier: { modul: navn, team: s.teamNavn, dato: formaterDato(s.starter, sp), klokka: formaterKlokke(s.starter, sp) },
        avsnitt: [{ n: "paaminnelse.samling.tekst" }],
        ...(punkter.length ? { liste: { tittel: "paaminnelse.samling.forbered" as const, punkter } } : {}),
        knapp: { n: "paaminnelse.samling.knapp", lenke: `${bh}/samling/${rad.objektId}` },
      };
    }
    case "stastedApnet":
    case "stastedStenger": {
      const r = await repo.rundeInfo(db, rad.barnehageId, rad.objektId, rad.brukerId);
      if (!r || r.status !== "apen" || r.svart || r.lukker < idag || r.apner > idag) return undefined;
      if (rad.type === "stastedStenger" && rad.anledning !== `lukker-${r.lukker}`) return undefined;
      const apnet = rad.type === "stastedApnet";
      return {
        emne: apnet ? "paaminnelse.stastedApnet.emne" : "paaminnelse.stastedStenger.emne",
        verdier: { gruppe: r.teamNavn ?? t("paaminnelse.stasted.heleBarnehagen"), dato: formaterDato(r.lukker, sp) },
        avsnitt: [{ n: apnet ? "paaminnelse.stastedApnet.tekst" : "paaminnelse.stastedStenger.tekst" }, { n: "paaminnelse.stasted.anonymt" }],
        knapp: { n: "paaminnelse.stasted.knapp", lenke: `${bh}/stasted/${rad.objektId}` },
      };
    }
    case "utproving": {
      const u = await repo.utprovingInfo(db, rad.barnehageId, rad.objektId, rad.brukerId);
      if (!u || u.logget || u.frist !== rad.anledning || u.frist < idag) return undefined;
      return {
        emne: "paaminnelse.utproving.emne",
        verdier: { team: u.teamNavn, oppgave: u.hva, dato: formaterDato(u.frist, sp) },
        avsnitt: [{ n: "paaminnelse.utproving.tekst" }],
        knapp: { n: "paaminnelse.utproving.knapp", lenke: `${bh}/samling/${u.samlingId}` },
      };
    }
    case "taIgjen": {
      const s = await repo.samlingInfo(db, rad.barnehageId, rad.objektId);
      if (!s || s.status !== "holdt" || (await repo.harVaertMedEllerTattIgjen(db, rad.barnehageId, rad.objektId, rad.brukerId))) return undefined;
      return {
        emne: "paaminnelse.taIgjen.emne",
        verdier: { modul: modulNavn(s.modulId).navn, dato: formaterDato(s.starter, sp) },
        avsnitt: [{ n: "paaminnelse.taIgjen.tekst" }],
        knapp: { n: "paaminnelse.taIgjen.knapp", lenke: `${bh}/samling/${rad.objektId}/ta-igjen` },
      };
    }
  }
}

// --- The person's choices and the leader's count ------------------------------------------------

export type PaaminnelseValg = Record<PaaminnelseSlag, boolean>;

/** Which kinds of reminder I get (all on until I turn one off). */
export async function minePaaminnelseValg(aktor: Aktor | null, { db }: { db: Kysely<Database> }): Promise<PaaminnelseValg> {
  krev(aktor, "se:min-side");
  const av = new Set(await repo.avSlaatteSlag(db, aktor!.id));
  return Object.fromEntries(PAAMINNELSE_SLAG.map((s) => [s, !av.has(s)])) as PaaminnelseValg;
}

/** Saves which kinds are on; the rest are off. Returns when it was saved («Lagret kl.»). */
export async function lagrePaaminnelseValg(aktor: Aktor | null, paa: PaaminnelseSlag[], { db }: { db: Kysely<Database> }, naa = new Date()): Promise<{ lagret: string }> {
  krev(aktor, "se:min-side");
  await repo.settAvSlaatte(db, aktor!.id, PAAMINNELSE_SLAG.filter((s) => !paa.includes(s)));
  logg.info("paaminnelser_endret", { paa: paa.length });
  return { lagret: naa.toISOString() };
}

/**
 * For the leader planning samlinger: how many in the team get the reminder the day before (a
 * count, never who).
 */
export async function paaminnelserITeam(aktor: Aktor | null, m: Medlemskap, teamId: string, { db }: { db: Kysely<Database> }): Promise<{ paa: number; totalt: number }> {
  krev(aktor, "planlegg:samlinger", m);
  if (!(await finnTeam(db, m.barnehageId, teamId))) throw ikkeFunnet();
  return repo.antallMedPaa(db, m.barnehageId, teamId, "samling");
}
