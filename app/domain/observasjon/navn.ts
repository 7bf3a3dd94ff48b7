/**
 * The name check for observation logs and the action repertoire (issue 14, ADR 0035): children are
 * written as codes (barn A, barn B), never by name. A word that starts with a capital letter and is
 * a common Norwegian first name (FORNAVN below) makes the form ask the writer to use a code before
 * anything is saved. Names that are also everyday words (Per, Dag, Liv, Sol, Mai …) are left out on
 * purpose, so a sentence that starts with «Per dag» is not stopped. Pure: used by the server use
 * cases (the rule) and nothing else.
 */
export const FORNAVN: ReadonlySet<string> = new Set(
  `
  ada adam adrian ahmad ahmed aksel alba albert aleksander alexander alf ali alicia alma amalie amanda amelia amina amira
  anders andrea andreas ane anette anja anna anne annie anton ari aria arne arvid astrid august aurora ayan bastian
  benjamin bjørn bjørg brage camilla carl carla celine cecilie christian dani daniel david dina ebba edvard eira elias
  elin elisabeth ella elle ellinor elsa elvira embla emil emilie emma erik erle even eva fatima felix filip frida fredrik
  frøya gabriel geir gunnar guro hanna hanne hans harald hassan hedda hedvig heidi helene helga henrik henny hilde hugo
  ibrahim ida ina ine inga inger ingrid ingvild iris isabel isabella isak jakob jan jenny jens johan johanne johannes jon
  jonas jonatan josefine julia julie kai kaja karen kari karin karl kasper katrine kevin kim kristian kristin kristine
  lars laura lea leah lena leo leon lilly lina linnea linus liam live lotte louise lovise lucas ludvig lukas luna magnus
  maja malin marcus mari maria marie mariam marius markus marte martin martine mathea mathias matilde max maya mia mikkel
  milla mina mohamed mohammad mohammed mona muhammad nadia nathalie nikolai nils noah noor nora nova odin ola olav ole
  oliver olivia omar oscar oskar patrick peder petter philip rakel ragnhild rasmus ronja ruben sakarias samuel sander sara
  sarah sebastian selma selin signe sigrid silje simen simon siri sivert sofia sofie sondre stine storm susanne synne
  theodor thea theo thomas tiril tobias tomas tone tonje torstein trond tuva tyra ulrik una vera victor viktor vilde vilja
  viljar william yasmin yusuf ylva zara zainab
  `
    .split(/\s+/)
    .filter(Boolean),
);

/** Names that are also ordinary words in Norwegian; never flagged (see the note above). */
const ORD = new Set(["per", "dag", "liv", "sol", "mai", "ask", "vår", "tor", "siv", "storm", "live", "tone", "even", "mona"]);

/**
 * The first word in the text that looks like a child's name (capital first letter, then lower case,
 * and on the list), or null. «barn A» and other codes never match.
 */
export function finnNavn(tekst: string): string | null {
  for (const ord of tekst.normalize("NFC").match(/\p{L}+/gu) ?? []) {
    if (!/^\p{Lu}\p{Ll}+$/u.test(ord)) continue;
    const liten = ord.toLocaleLowerCase("nb-NO");
    if (FORNAVN.has(liten) && !ORD.has(liten)) return ord;
  }
  return null;
}

/** The first field (in the order given) whose text looks like it has a name, with the name. */
export function forsteNavn(felter: [felt: string, tekst: string][]): { felt: string; navn: string } | null {
  for (const [felt, tekst] of felter) {
    const navn = finnNavn(tekst);
    if (navn) return { felt, navn };
  }
  return null;
}
