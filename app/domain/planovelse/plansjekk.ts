/**
 * The live § 42 check (issue 14, point 3): a pure function over a plan draft that says what is
 * missing or vague in each of the five points a–e the law requires in a written plan. It runs on
 * the server (the practice form without JavaScript: send → see the check) and in the browser while
 * one types, also in the real-plan mode that never sends anything. No I/O, no dates from the clock.
 *
 * The result is codes, not sentences: the page turns `plansjekk.<kode>` into nb or nn.
 */

export const PUNKTER = ["a", "b", "c", "d", "e"] as const;
export type Punkt = (typeof PUNKTER)[number];

export type Tiltak = { tekst: string; ansvarlig: string };

export type PlanUtkast = {
  /** a) which problems the measures shall solve */
  problem: string;
  /** b) the planned measures, each with d) who is responsible */
  tiltak: Tiltak[];
  /** c) when: the start date (YYYY-MM-DD, or "") and a text on how often and how long */
  fra: string;
  naar: string;
  /** e) when they will be evaluated: a date (YYYY-MM-DD, or "") and who and what */
  evalueres: string;
  evaluering: string;
};

export type MerknadKode =
  | "a.mangler"
  | "a.merkelapp"
  | "a.kort"
  | "b.mangler"
  | "b.uklart"
  | "c.mangler"
  | "c.uklart"
  | "d.ingen"
  | "d.mangler"
  | "d.alle"
  | "e.mangler"
  | "e.uklart"
  | "e.forTidlig";

export type Merknad = { punkt: Punkt; kode: MerknadKode; nummer?: number; ord?: string };

export const TOM_PLAN: PlanUtkast = { problem: "", tiltak: [], fra: "", naar: "", evalueres: "", evaluering: "" };

const ord = (tekst: string) => tekst.trim().split(/\s+/u).filter(Boolean);
const normal = (tekst: string) => ` ${tekst.normalize("NFC").toLocaleLowerCase("nb").replace(/[.,;:!?«»"()]/gu, " ").replace(/\s+/gu, " ")} `;

/** Finds the first phrase of a list in a text, as whole words; returns it as written in the list. */
function finn(tekst: string, fraser: readonly string[]): string | undefined {
  const t = normal(tekst);
  return fraser.find((f) => t.includes(` ${f} `));
}

/**
 * Words that say what a child *is* (a label) rather than what happens. Bokmål and nynorsk. The
 * list is short on purpose: it catches the common labels the module warns against, and the
 * sentence the page shows asks for behaviour, it does not judge the person writing.
 */
export const MERKELAPPER = [
  "sjenert", "sjenerte", "språkvansker", "språkvanskar", "språkvanske", "språkvanske", "utagerende", "utagerande",
  "aggressiv", "aggressive", "urolig", "uroleg", "umoden", "umogen", "innadvendt", "innesluttet", "innesletta",
  "engstelig", "engsteleg", "vanskelig", "vanskeleg", "krevende", "krevjande", "problembarn", "adhd", "autist",
  "autistisk", "sosialt svak", "svake sosiale ferdigheter", "svake sosiale ferdigheiter", "har det ikke bra",
  "har det ikkje bra", "ikke har det bra", "ikkje har det bra", "har det vanskelig", "har det vanskeleg", "slem", "frekk",
] as const;

/** Measures that say only «watch» or «talk», without what the adult does, where or how often. */
const UKLARE_TILTAK = ["følge med", "følgje med", "følge ekstra med", "følgje ekstra med", "snakke med barna", "ha fokus på", "ha fokus", "være obs", "vere obs", "være oppmerksom", "vere merksam", "ved behov"] as const;

/** «Everyone» is nobody: a role is responsible, not a group. */
const ALLE = ["alle", "personalet", "de voksne", "dei vaksne", "alle voksne", "alle vaksne", "avdelingen", "avdelinga", "barnehagen", "teamet", "vi", "oss", "ingen", "alle ansatte", "alle tilsette"] as const;

/** Words that sound like time but are not a date or a period. */
const UKLAR_TID = ["snart", "fremover", "framover", "etter hvert", "etter kvart", "ved behov", "til våren", "til høsten", "til hausten", "senere", "seinare", "seinere", "løpende", "fortløpende", "fortløpande", "kontinuerlig", "når det passer", "når vi har tid", "ved anledning"] as const;

const DAGER = "mandag|måndag|tirsdag|tysdag|onsdag|torsdag|fredag|lørdag|laurdag|søndag|sundag";
const MANEDER = "januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember";
/** A date, a week number, a weekday, a month or a length of time: something one can put in a calendar. */
const TIDSPUNKT = new RegExp(
  [
    "\\b\\d{1,2}\\.\\s?\\d{1,2}\\.?",
    "\\b\\d{4}-\\d{2}-\\d{2}\\b",
    "\\b(uke|veke|uka|veka)\\s?\\d{1,2}\\b",
    `\\b(${DAGER})(en|ane|er)?\\b`,
    `\\b\\d{1,2}\\.\\s?(${MANEDER})\\b`,
    "\\b(i|om)\\s\\S+\\s(uker|veker|dager|dagar|måneder|månader)\\b",
    "\\b(hver|kvar)\\s(dag|uke|veke|formiddag|morgen|morgon|ettermiddag)\\b",
  ].join("|"),
  "iu",
);

const erDato = (verdi: string) => /^\d{4}-\d{2}-\d{2}$/.test(verdi) && !Number.isNaN(Date.parse(`${verdi}T00:00:00Z`));

/** The measures that have a text (empty rows in the form are not measures). */
export function utfylteTiltak(plan: PlanUtkast): (Tiltak & { nummer: number })[] {
  return plan.tiltak.filter((t) => t.tekst.trim() !== "").map((t, i) => ({ ...t, nummer: i + 1 }));
}

/** The check: what is missing or vague, point by point, in the order a–e. Empty list: nothing to remark. */
export function sjekkPlan(plan: PlanUtkast): Merknad[] {
  const merknader: Merknad[] = [];

  // a) the problem as behaviour: what was seen and heard, not a label on the child
  if (plan.problem.trim() === "") merknader.push({ punkt: "a", kode: "a.mangler" });
  else {
    const merkelapp = finn(plan.problem, MERKELAPPER);
    if (merkelapp) merknader.push({ punkt: "a", kode: "a.merkelapp", ord: merkelapp });
    else if (ord(plan.problem).length < 8) merknader.push({ punkt: "a", kode: "a.kort" });
  }

  // b) concrete measures
  const tiltak = utfylteTiltak(plan);
  if (tiltak.length === 0) merknader.push({ punkt: "b", kode: "b.mangler" });
  for (const t of tiltak) {
    const antall = ord(t.tekst).length;
    if (antall < 5 || (finn(t.tekst, UKLARE_TILTAK) && antall < 12)) merknader.push({ punkt: "b", kode: "b.uklart", nummer: t.nummer });
  }

  // c) a date or a period
  const fra = erDato(plan.fra) ? plan.fra : "";
  if (!fra && !TIDSPUNKT.test(plan.naar)) {
    const uklart = finn(plan.naar, UKLAR_TID);
    merknader.push(uklart ? { punkt: "c", kode: "c.uklart", ord: uklart } : { punkt: "c", kode: "c.mangler" });
  }

  // d) a role responsible for each measure
  if (tiltak.length === 0) merknader.push({ punkt: "d", kode: "d.ingen" });
  for (const t of tiltak) {
    if (t.ansvarlig.trim() === "") merknader.push({ punkt: "d", kode: "d.mangler", nummer: t.nummer });
    else {
      const alle = ALLE.find((a) => normal(t.ansvarlig).trim() === a);
      if (alle) merknader.push({ punkt: "d", kode: "d.alle", nummer: t.nummer, ord: t.ansvarlig.trim() });
    }
  }

  // e) an evaluation date, after c)
  const evalueres = erDato(plan.evalueres) ? plan.evalueres : "";
  if (!evalueres && !TIDSPUNKT.test(plan.evaluering)) {
    const uklart = finn(plan.evaluering, UKLAR_TID);
    merknader.push(uklart ? { punkt: "e", kode: "e.uklart", ord: uklart } : { punkt: "e", kode: "e.mangler" });
  } else if (evalueres && fra && evalueres <= fra) merknader.push({ punkt: "e", kode: "e.forTidlig" });

  return merknader;
}

/** The points (a–e) that have at least one remark. */
export function punkterMedMerknad(merknader: Merknad[]): Set<Punkt> {
  return new Set(merknader.map((m) => m.punkt));
}
