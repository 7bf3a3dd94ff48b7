/**
 * The cast of the films: every person who can appear in a scene, by the name the manuscripts and
 * captions use (the same in bokmål and nynorsk), with how they look. The names are the package's
 * fixed cast (content-brief, issue 13): children, assistants, fagarbeider, pedagogiske ledere,
 * styrer; parents as «Mora til …» / «Faren til …». A new character needs a name not on the list.
 */

export type Rolle = "barn" | "assistent" | "fagarbeider" | "pedagogisk leder" | "styrer" | "forelder" | "vikar";

export type Utseende = {
  rolle: Rolle;
  hud: string;
  har: { farge: string; stil: "kort" | "langt" | "hestehale" | "krøller" | "fletter" | "knute" | "skallet" | "sidesveis" };
  /** Shirt / jacket and trousers (or skirt). */
  overdel: string;
  underdel: string;
  skjort?: boolean;
  hijab?: string;
  briller?: boolean;
  skjegg?: boolean;
  rullestol?: boolean;
  /** Children only: 0 = youngest (3 years) … 1 = oldest (6 years). */
  alder?: number;
};

const HUD = ["#F6D5BC", "#EBB892", "#D29B6C", "#B07245", "#8A552F", "#5E3A22"] as const;
const HAR = { svart: "#1E1A18", morkebrun: "#3B2616", brun: "#6B4326", lys: "#D8B46A", rod: "#A4502B", gra: "#A7A29C" } as const;

export const ROLLER: Record<string, Utseende> = {
  // Barn
  Jonas: { rolle: "barn", hud: HUD[0], har: { farge: HAR.lys, stil: "kort" }, overdel: "#E4572E", underdel: "#2F4858", alder: 0.8 },
  Amal: { rolle: "barn", hud: HUD[4], har: { farge: HAR.svart, stil: "krøller" }, overdel: "#F2C14E", underdel: "#7D5BA6", alder: 0.5 },
  Noor: { rolle: "barn", hud: HUD[3], har: { farge: HAR.svart, stil: "fletter" }, overdel: "#E26D9A", underdel: "#3D5A80", skjort: true, alder: 0.8 },
  Ella: { rolle: "barn", hud: HUD[0], har: { farge: HAR.rod, stil: "hestehale" }, overdel: "#4CB5AE", underdel: "#33415C", alder: 0.85 },
  Leo: { rolle: "barn", hud: HUD[1], har: { farge: HAR.brun, stil: "kort" }, overdel: "#5C9EAD", underdel: "#4A4E69", alder: 0.3, briller: true },
  Sara: { rolle: "barn", hud: HUD[2], har: { farge: HAR.svart, stil: "langt" }, overdel: "#F08A4B", underdel: "#4F6D7A", skjort: true, alder: 0.55 },
  Nora: { rolle: "barn", hud: HUD[0], har: { farge: HAR.lys, stil: "fletter" }, overdel: "#8E7DBE", underdel: "#3C3C58", alder: 0.55 },
  Emil: { rolle: "barn", hud: HUD[1], har: { farge: HAR.morkebrun, stil: "sidesveis" }, overdel: "#6A994E", underdel: "#2B2D42", alder: 0.6 },
  Lina: { rolle: "barn", hud: HUD[2], har: { farge: HAR.morkebrun, stil: "hestehale" }, overdel: "#F4A259", underdel: "#5B8E7D", alder: 0.5, briller: true },
  Omar: { rolle: "barn", hud: HUD[4], har: { farge: HAR.svart, stil: "kort" }, overdel: "#3E92CC", underdel: "#2A2B2A", alder: 0.75 },
  Ida: { rolle: "barn", hud: HUD[0], har: { farge: HAR.brun, stil: "langt" }, overdel: "#D1495B", underdel: "#3D405B", skjort: true, alder: 0.8 },
  Sofie: { rolle: "barn", hud: HUD[1], har: { farge: HAR.lys, stil: "hestehale" }, overdel: "#66A182", underdel: "#4A4E69", alder: 0.85 },
  Aksel: { rolle: "barn", hud: HUD[0], har: { farge: HAR.rod, stil: "sidesveis" }, overdel: "#2E86AB", underdel: "#3B3B3B", alder: 0.9 },
  Maja: { rolle: "barn", hud: HUD[3], har: { farge: HAR.svart, stil: "krøller" }, overdel: "#F6AE2D", underdel: "#33658A", skjort: true, alder: 0.85 },
  Oskar: { rolle: "barn", hud: HUD[1], har: { farge: HAR.lys, stil: "kort" }, overdel: "#9BC53D", underdel: "#404E4D", alder: 0.95 },
  Selma: { rolle: "barn", hud: HUD[5], har: { farge: HAR.svart, stil: "knute" }, overdel: "#C3423F", underdel: "#5D576B", alder: 0.7 },
  Adam: { rolle: "barn", hud: HUD[3], har: { farge: HAR.morkebrun, stil: "krøller" }, overdel: "#FDE74C", underdel: "#5BC0EB", alder: 0.1 },
  Tiril: { rolle: "barn", hud: HUD[0], har: { farge: HAR.lys, stil: "langt" }, overdel: "#A06CD5", underdel: "#3C4F76", alder: 0.35 },
  // Voksne
  Per: { rolle: "assistent", hud: HUD[1], har: { farge: HAR.brun, stil: "kort" }, overdel: "#3A7D44", underdel: "#2F3E46", skjegg: true },
  Siri: { rolle: "assistent", hud: HUD[0], har: { farge: HAR.lys, stil: "hestehale" }, overdel: "#E07A5F", underdel: "#3D405B" },
  Ali: { rolle: "assistent", hud: HUD[4], har: { farge: HAR.svart, stil: "kort" }, overdel: "#F2CC8F", underdel: "#264653", skjegg: true },
  Mirela: { rolle: "assistent", hud: HUD[2], har: { farge: HAR.morkebrun, stil: "krøller" }, overdel: "#81B29A", underdel: "#463F3A", briller: true },
  Kari: { rolle: "fagarbeider", hud: HUD[0], har: { farge: HAR.gra, stil: "knute" }, overdel: "#6D597A", underdel: "#355070", briller: true },
  Amira: { rolle: "pedagogisk leder", hud: HUD[3], har: { farge: HAR.svart, stil: "langt" }, overdel: "#457B9D", underdel: "#1D3557", hijab: "#B5838D" },
  Tom: { rolle: "pedagogisk leder", hud: HUD[1], har: { farge: HAR.rod, stil: "sidesveis" }, overdel: "#F4A261", underdel: "#2A3D45", rullestol: true, briller: true },
  Hanne: { rolle: "styrer", hud: HUD[1], har: { farge: HAR.morkebrun, stil: "knute" }, overdel: "#9D4EDD", underdel: "#22223B" },
  Mona: { rolle: "vikar", hud: HUD[2], har: { farge: HAR.brun, stil: "hestehale" }, overdel: "#EF476F", underdel: "#073B4C" },
  // Foreldre
  "Mora til Nora": { rolle: "forelder", hud: HUD[0], har: { farge: HAR.lys, stil: "langt" }, overdel: "#2A9D8F", underdel: "#264653" },
  "Faren til Sara": { rolle: "forelder", hud: HUD[2], har: { farge: HAR.svart, stil: "kort" }, overdel: "#6C757D", underdel: "#343A40", skjegg: true },
  "Faren til Amal": { rolle: "forelder", hud: HUD[4], har: { farge: HAR.svart, stil: "skallet" }, overdel: "#8D99AE", underdel: "#2B2D42", briller: true },
  "Faren til Maja": { rolle: "forelder", hud: HUD[2], har: { farge: HAR.morkebrun, stil: "sidesveis" }, overdel: "#3A5A40", underdel: "#344E41" },
  "Mora til Noor": { rolle: "forelder", hud: HUD[3], har: { farge: HAR.svart, stil: "langt" }, overdel: "#BC6C25", underdel: "#283618", hijab: "#606C38" },
};

export const NAVN = Object.keys(ROLLER);

export function erBarn(navn: string): boolean {
  return ROLLER[navn]?.rolle === "barn";
}

/**
 * Names of cast members mentioned in a text, longest first, so «Mora til Nora» counts as the
 * mother and not also as Nora. Matches whole words only; case-insensitive for the parent names
 * («mora til Nora» mid-sentence).
 */
export function navnITekst(tekst: string): string[] {
  let rest = tekst;
  const funnet: string[] = [];
  for (const navn of [...NAVN].sort((a, b) => b.length - a.length)) {
    const monster = new RegExp(`(?<![\\p{L}])${navn.replace(/ /g, "\\s+")}(?![\\p{L}])`, navn.includes(" ") ? "giu" : "gu");
    if (monster.test(rest)) {
      funnet.push(navn);
      rest = rest.replace(monster, " ");
    }
  }
  return funnet;
}
