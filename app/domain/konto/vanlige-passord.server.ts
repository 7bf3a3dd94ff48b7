import type { ZxcvbnFactory } from "@zxcvbn-ts/core";

/**
 * Common passwords are refused (issue 11, point 9; ADR 0021) with zxcvbn-ts and its maintained
 * common-language dictionaries (the most common passwords, diceware words, keyboard walks), plus the
 * person's own name and e-mail as words. Refused: a score below 3 ("safely unguessable" starts at 3),
 * which is how zxcvbn says "this is on the lists or a small twist of it" for a password that already
 * has the 10 characters our schema asks for.
 *
 * The dictionaries (about 1 MB) load on the first password that is set, not at start-up, so a
 * process that never sets a password never holds them. Only the first 32 characters are scored:
 * zxcvbn's cost grows fast with length (a 128-character random password took 1.9 s, 32 take a few
 * ms), and nothing on the lists is longer.
 */
export const MIN_SKAAR = 3;
const MAKS_LENGDE = 32;

let fabrikk: Promise<ZxcvbnFactory> | undefined;

function hent(): Promise<ZxcvbnFactory> {
  fabrikk ??= (async () => {
    const [{ ZxcvbnFactory }, felles] = await Promise.all([import("@zxcvbn-ts/core"), import("@zxcvbn-ts/language-common")]);
    return new ZxcvbnFactory({
      dictionary: { ...felles.dictionary },
      graphs: felles.adjacencyGraphs,
      useLevenshteinDistance: false,
      maxLength: MAKS_LENGDE,
    });
  })();
  return fabrikk;
}

/**
 * Words from Samla's own context that make easy passwords here (ASVS 6.1.2 / 6.2.11, listed in
 * docs/sikkerhet.md): the product, the package, the roles and the words of a barnehage's day.
 */
export const KONTEKSTORD: readonly string[] = [
  "samla", "barnehage", "barnehagen", "barnehagemiljø", "kompetanse", "kompetansepakke", "trygt", "godt",
  "styrer", "styreren", "leder", "ansatt", "pedagog", "fagarbeider", "assistent", "eier", "kommune",
  "avdeling", "samling", "refleksjon", "feide", "udir", "barnehageloven",
];

/** Whether the password is too common to use. `egne`: the person's name and e-mail, as extra words. */
export async function erVanligPassord(passord: string, egne: (string | undefined)[] = []): Promise<boolean> {
  const personlige = egne.filter((x): x is string => typeof x === "string" && x.length > 0).flatMap((x) => [x, ...x.split(/[\s@.]+/)]).filter((x) => x.length >= 3);
  const ord = [...KONTEKSTORD, ...personlige];
  const svar = (await hent()).check(passord, ord);
  return svar.score < MIN_SKAAR;
}

/** Whether the dictionaries are loaded (for the test that start-up does not load them). */
export const erLastet = () => fabrikk !== undefined;
