import fc from "fast-check";
import type { Felt, Skjema } from "./skjemaer.ts";

/**
 * Bodies made from what a form really sends, then mutated: fields left out, huge strings (up to
 * and beyond the 1 MiB limit), NUL bytes, text that is not NFC, numbers outside every integer
 * range, negative numbers, the same field twice, wrong intents, and the wrong content-type.
 */
export const MIB = 1024 * 1024;

export type Par = [string, string];
export type Kodet = "urlencoded" | "multipart" | "json" | "tekst" | "xml" | "ingen";
export type Kropp = { kodet: Kodet; par: Par[]; mutasjoner: string[] };

/** A plausible value for a control the person fills in themselves (hidden values are kept as sent). */
function rimelig(f: Felt): string {
  if (f.valg?.length) return f.valg[f.valg.length - 1]!;
  if (f.type === "hidden" || f.type === "button" || f.verdi) return f.verdi;
  switch (f.type) {
    case "email":
      return "fuzz.person@example.no";
    case "password":
      return "et langt fuzzpassord";
    case "number":
      return "3";
    case "date":
      return "2030-05-02";
    case "time":
      return "14:00";
    case "checkbox":
      return "on";
    default:
      return f.navn === "kode" ? "ABCD2345" : "Fuzz tekst";
  }
}

export function grunnkropp(s: Skjema): Par[] {
  return s.felt.map((f) => [f.navn, rimelig(f)]);
}

const storLengde = fc.constantFrom(1024, 64 * 1024, MIB - 4096, MIB + 1);
const tall = fc.oneof(
  fc.constantFrom("2147483648", "-2147483649", "9223372036854775808", "-1", "-0", "1e309", "NaN", "Infinity", "0x7fffffff", "1.5", "00000000000000000001", " 3 ", "٣"),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String),
  fc.integer().map(String),
);
const ikkeNfc = fc.constantFrom("Fuzz e\u0301", "A\u030Asen", "O\u0308\u0301", "\uFB01 ligatur", "\u212B ångstrøm", "ﾊﾝｶｸ", "\u1100\u1161");
const rar = fc.oneof(
  fc.string({ maxLength: 40, unit: "binary" }),
  fc.string({ maxLength: 40, unit: "grapheme" }),
  fc.constantFrom("", " ", "\u0000", "a\u0000b", "\u0000".repeat(30), "\uD800", "\uFFFE", "<script>alert(1)</script>", "' OR 1=1 --", "../../etc/passwd", "%00", "\r\n\r\n", "null", "undefined", "[object Object]", "__proto__", "constructor"),
  ikkeNfc,
  tall,
);

type Mutasjon = (par: Par[], andreIntents: string[]) => fc.Arbitrary<[Par[], string]>;

const velgIndeks = (par: Par[]) => fc.nat({ max: Math.max(0, par.length - 1) });

const MUTASJONER: Record<string, Mutasjon> = {
  mangler: (par) => velgIndeks(par).map((i) => [par.filter((_, j) => j !== i), `mangler ${par[i]?.[0]}`]),
  stor: (par) =>
    fc.tuple(velgIndeks(par), storLengde, fc.constantFrom("x", "æ", "\u0000", "e\u0301")).map(([i, n, tegn]) => [
      par.map((p, j) => (j === i ? [p[0], tegn.repeat(Math.ceil(n / Buffer.byteLength(tegn)))] : p)) as Par[],
      `stor ${par[i]?.[0]} (${n} byte av ${JSON.stringify(tegn)})`,
    ]),
  rar: (par) => fc.tuple(velgIndeks(par), rar).map(([i, v]) => [par.map((p, j) => (j === i ? [p[0], v] : p)) as Par[], `${par[i]?.[0]}=${JSON.stringify(v).slice(0, 80)}`]),
  tall: (par) => fc.tuple(velgIndeks(par), tall).map(([i, v]) => [par.map((p, j) => (j === i ? [p[0], v] : p)) as Par[], `${par[i]?.[0]}=${v}`]),
  dobbel: (par) =>
    fc.tuple(velgIndeks(par), rar).map(([i, v]) => {
      const p = par[i];
      return [p ? [...par, [p[0], v] as Par] : par, `${p?.[0]} to ganger (siste ${JSON.stringify(v).slice(0, 40)})`];
    }),
  intent: (par, andre) =>
    fc.oneof(fc.constantFrom(...andre, "slett-alt", "", "INTENT", "opprett\u0000"), rar).map((v) => {
      const uten = par.filter((p) => p[0] !== "intent");
      return [[...uten, ["intent", v] as Par], `intent=${JSON.stringify(v).slice(0, 60)}`];
    }),
  ukjentFelt: (par) => fc.tuple(fc.constantFrom("__proto__", "constructor", "rolle", "barnehageId", "brukerId", "id", "versjon"), rar).map(([k, v]) => [[...par, [k, v] as Par], `ekstra ${k}`]),
};

/** A form's body with one to three mutations. */
export function mutertKropp(s: Skjema, andreIntents: string[]): fc.Arbitrary<Kropp> {
  const navn = Object.keys(MUTASJONER);
  return fc
    .tuple(fc.array(fc.constantFrom(...navn), { minLength: 1, maxLength: 3 }), fc.constantFrom<Kodet>("urlencoded", "urlencoded", "urlencoded", "multipart"))
    .chain(([valgte, kodet]) => {
      let arb: fc.Arbitrary<[Par[], string[]]> = fc.constant([grunnkropp(s), []]);
      for (const m of valgte) arb = arb.chain(([par, beskr]) => MUTASJONER[m]!(par, andreIntents).map(([p, b]) => [p, [...beskr, b]] as [Par[], string[]]));
      return arb.map(([par, mutasjoner]) => ({ kodet, par, mutasjoner }));
    });
}

/**
 * The form's own fields, sent as a body a form never is: JSON, text/plain, XML, or no content-type.
 * An EMPTY body with no content-type is an empty form by definition (`lesForm` in
 * app/components/skjema.ts), the same as what a form without fields sends, so a form without fields
 * gets one field here: an untyped body with content must be refused.
 */
export function fremmedKropp(s: Skjema): fc.Arbitrary<Kropp> {
  return fc.constantFrom<Kodet>("json", "tekst", "xml", "ingen").map((kodet) => {
    const par = grunnkropp(s);
    return { kodet, par: kodet === "ingen" && par.length === 0 ? ([["felt", "verdi"]] as Par[]) : par, mutasjoner: [`som ${kodet}`] };
  });
}

const GRENSE = "----samlafuzz7MA4YWxkTrZu0gW";

export function kod(k: Kropp): { type?: string; kropp: Buffer } {
  switch (k.kodet) {
    case "urlencoded":
      return { type: "application/x-www-form-urlencoded", kropp: Buffer.from(new URLSearchParams(k.par).toString()) };
    case "multipart":
      return {
        type: `multipart/form-data; boundary=${GRENSE}`,
        kropp: Buffer.from(k.par.map(([n, v]) => `--${GRENSE}\r\nContent-Disposition: form-data; name="${n.replace(/"/g, "%22")}"\r\n\r\n${v}\r\n`).join("") + `--${GRENSE}--\r\n`),
      };
    case "json":
      return { type: "application/json", kropp: Buffer.from(JSON.stringify(Object.fromEntries(k.par))) };
    case "tekst":
      return { type: "text/plain", kropp: Buffer.from(k.par.map(([n, v]) => `${n}=${v}`).join("\r\n")) };
    case "xml":
      return { type: "application/xml", kropp: Buffer.from(`<?xml version="1.0"?><skjema>${k.par.map(([n, v]) => `<${n}>${v.replace(/[<&]/g, "")}</${n}>`).join("")}</skjema>`) };
    case "ingen":
      return { kropp: Buffer.from(new URLSearchParams(k.par).toString()) };
  }
}
