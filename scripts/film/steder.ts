/**
 * The places of the films, drawn as SVG at 1280×720: a background (behind the people), an optional
 * foreground (a table in front of seated people), where feet stand (gulv: y at depth 0 … 1), and
 * the words a description may use for things that are visible there. The description test uses
 * the words: a description cue that names a thing from another place fails. A word ending in *
 * also matches longer words (garderobe* matches garderoben); others match whole words only.
 */

export type Sted = {
  /** Words for what is visible here, per language (lower case). */
  ord: { nb: string[]; nn: string[] };
  bakgrunn: string;
  forgrunn?: string;
  gulv: { topp: number; bunn: number };
  /** Where a board with pictograms hangs, if the place has one. */
  tavle?: { x: number; y: number; b: number; h: number };
};

const vindu = (x: number, y: number, b: number, h: number, himmel = "#BFE3F2") =>
  `<rect x="${x - 8}" y="${y - 8}" width="${b + 16}" height="${h + 16}" rx="6" fill="#FFFFFF"/>` +
  `<rect x="${x}" y="${y}" width="${b}" height="${h}" fill="${himmel}"/>` +
  `<ellipse cx="${x + b * 0.3}" cy="${y + h * 0.35}" rx="${b * 0.18}" ry="${h * 0.08}" fill="#FFFFFF" opacity="0.8"/>` +
  `<rect x="${x + b / 2 - 4}" y="${y}" width="8" height="${h}" fill="#FFFFFF"/>` +
  `<rect x="${x}" y="${y + h / 2 - 4}" width="${b}" height="8" fill="#FFFFFF"/>`;

const plante = (x: number, y: number) =>
  `<path d="M${x - 24},${y} L${x + 24},${y} L${x + 18},${y + 44} L${x - 18},${y + 44} Z" fill="#C0713D"/>` +
  [-30, -10, 10, 30].map((v) => `<ellipse cx="${x + v * 0.6}" cy="${y - 30}" rx="13" ry="34" transform="rotate(${v} ${x} ${y})" fill="#4F8A55"/>`).join("");

const rom = (vegg: string, gulv: string, horisont = 470) =>
  `<rect width="1280" height="${horisont}" fill="${vegg}"/>` +
  `<rect y="${horisont}" width="1280" height="${720 - horisont}" fill="${gulv}"/>` +
  `<rect y="${horisont - 14}" width="1280" height="14" fill="#FFFFFF" opacity="0.6"/>`;

const knagger = (x0: number, antall: number) =>
  Array.from({ length: antall }, (_, i) => {
    const x = x0 + i * 130;
    const farger = ["#E76F51", "#2A9D8F", "#E9C46A", "#8AB17D", "#6D6875", "#F4A261", "#457B9D", "#D62828"];
    const jakke = farger[i % farger.length]!;
    return (
      `<rect x="${x - 48}" y="120" width="96" height="300" fill="#F8E9C8" stroke="#D9C39A" stroke-width="4"/>` +
      `<rect x="${x - 48}" y="112" width="96" height="16" fill="#C9A56B"/>` +
      `<circle cx="${x}" cy="170" r="6" fill="#7A6A55"/>` +
      (i % 3 !== 2
        ? `<path d="M${x - 30},176 Q${x},160 ${x + 30},176 L${x + 36},300 L${x - 36},300 Z" fill="${jakke}"/><path d="M${x},176 L${x},300" stroke="#00000033" stroke-width="3"/>`
        : `<ellipse cx="${x}" cy="200" rx="26" ry="20" fill="${jakke}"/>`) +
      `<ellipse cx="${x - 14}" cy="396" rx="16" ry="9" fill="#3D405B"/><ellipse cx="${x + 16}" cy="396" rx="16" ry="9" fill="#3D405B"/>`
    );
  }).join("");

const tre = (x: number, y: number, s = 1) =>
  `<rect x="${x - 12 * s}" y="${y - 40 * s}" width="${24 * s}" height="${120 * s}" fill="#7A5230"/>` +
  `<circle cx="${x}" cy="${y - 90 * s}" r="${70 * s}" fill="#5E9E5A"/><circle cx="${x - 50 * s}" cy="${y - 50 * s}" r="${48 * s}" fill="#6DAE63"/><circle cx="${x + 52 * s}" cy="${y - 56 * s}" r="${50 * s}" fill="#569154"/>`;

const gjerde = (y: number) =>
  `<rect x="0" y="${y + 20}" width="1280" height="12" fill="#B08D57"/><rect x="0" y="${y + 70}" width="1280" height="12" fill="#B08D57"/>` +
  Array.from({ length: 33 }, (_, i) => `<path d="M${i * 40 + 6},${y + 110} L${i * 40 + 6},${y + 8} L${i * 40 + 18},${y - 4} L${i * 40 + 30},${y + 8} L${i * 40 + 30},${y + 110} Z" fill="#D9B778" stroke="#B08D57" stroke-width="2"/>`).join("");

const tavle = (x: number, y: number, b: number, h: number) =>
  `<rect x="${x - 10}" y="${y - 10}" width="${b + 20}" height="${h + 20}" rx="8" fill="#9AA5B1"/>` +
  `<rect x="${x}" y="${y}" width="${b}" height="${h}" rx="4" fill="#FBFBF8"/>` +
  `<rect x="${x + b * 0.3}" y="${y + h + 10}" width="${b * 0.4}" height="10" rx="4" fill="#9AA5B1"/>`;

export const STEDER: Record<string, Sted> = {
  garderobe: {
    ord: { nb: ["garderobe*", "knagg*", "benk*", "jakke*", "yttertøy*", "dør*"], nn: ["garderobe*", "knagg*", "benk*", "jakke*", "yttertøy*", "dør*"] },
    bakgrunn:
      rom("#F3E3C3", "#C9B79C") +
      `<rect x="40" y="140" width="150" height="330" rx="6" fill="#8FB8DE"/><rect x="52" y="152" width="126" height="318" fill="#A9CBEA"/><circle cx="160" cy="320" r="8" fill="#5C6F82"/>` +
      knagger(330, 7) +
      `<rect x="260" y="430" width="940" height="26" rx="6" fill="#B5835A"/><rect x="280" y="456" width="20" height="46" fill="#8C6239"/><rect x="1160" y="456" width="20" height="46" fill="#8C6239"/>`,
    gulv: { topp: 560, bunn: 690 },
  },
  uteomrade: {
    ord: { nb: ["uteområde*", "ute", "sandkass*", "lekehus*", "gjerde*", "sklie*", "sklia", "himmel*", "plen*", "gress*", "sol*"], nn: ["uteområde*", "ute", "sandkass*", "leikehus*", "gjerde*", "sklie*", "sklia", "himmel*", "plen*", "gras*", "sol*"] },
    bakgrunn:
      `<rect width="1280" height="720" fill="#CDEBF7"/><circle cx="1120" cy="110" r="56" fill="#FFE08A"/>` +
      `<ellipse cx="300" cy="120" rx="90" ry="26" fill="#FFFFFF"/><ellipse cx="700" cy="80" rx="120" ry="30" fill="#FFFFFF" opacity="0.9"/>` +
      tre(110, 380, 1.1) + tre(1200, 360, 0.9) +
      `<rect y="420" width="1280" height="300" fill="#9CCB7B"/>` +
      gjerde(330) +
      // Playhouse, right
      `<rect x="930" y="300" width="220" height="170" fill="#E07A5F"/><path d="M910,305 L1040,210 L1170,305 Z" fill="#8D3B2F"/>` +
      `<rect x="1010" y="370" width="60" height="100" fill="#6B3A2E"/><rect x="950" y="330" width="44" height="40" fill="#BFE3F2" stroke="#FFFFFF" stroke-width="5"/>` +
      // Slide, left-middle
      `<rect x="220" y="300" width="12" height="170" fill="#5C6F82"/><rect x="290" y="300" width="12" height="170" fill="#5C6F82"/>` +
      Array.from({ length: 5 }, (_, i) => `<rect x="220" y="${320 + i * 30}" width="82" height="8" fill="#5C6F82"/>`).join("") +
      `<path d="M296,300 L310,300 Q360,330 420,470 L400,470 Q350,340 296,312 Z" fill="#F2C14E"/>` +
      // Sandbox, middle
      `<rect x="480" y="470" width="380" height="110" rx="10" fill="#B5835A"/><rect x="496" y="480" width="348" height="84" rx="6" fill="#F1D6A0"/>` +
      `<path d="M560,540 q30,-30 60,0 Z" fill="#E3C282"/><rect x="700" y="520" width="34" height="24" fill="#E63946"/><path d="M740,500 l36,-30" stroke="#457B9D" stroke-width="6"/>`,
    gulv: { topp: 560, bunn: 700 },
  },
  lekerom: {
    ord: { nb: ["lekerom*", "dukkekrok*", "dukkeseng*", "dukke", "hylle*", "klosser", "vannbord*", "teppe*"], nn: ["leikerom*", "dokkekrok*", "dokkeseng*", "dokke", "hylle*", "klossar", "vassbord*", "teppe*"] },
    bakgrunn:
      rom("#DDEBD8", "#D8C3A5") +
      vindu(520, 90, 240, 170) +
      // Shelves with toys, left
      `<rect x="50" y="200" width="300" height="270" fill="#C9A56B"/>` +
      [230, 310, 390].map((y) => `<rect x="50" y="${y}" width="300" height="10" fill="#A6824D"/>`).join("") +
      `<rect x="70" y="196" width="40" height="34" fill="#E63946"/><rect x="120" y="206" width="34" height="24" fill="#2A9D8F"/><circle cx="190" cy="214" r="16" fill="#F4A261"/>` +
      `<rect x="80" y="270" width="60" height="40" fill="#457B9D"/><rect x="160" y="280" width="40" height="30" fill="#E9C46A"/><rect x="220" y="260" width="50" height="50" fill="#8AB17D"/>` +
      `<circle cx="110" cy="372" r="18" fill="#E76F51"/><rect x="150" y="352" width="60" height="38" fill="#6D6875"/>` +
      // Doll corner, middle: doll bed with a doll
      `<rect x="420" y="400" width="170" height="60" rx="8" fill="#F4ACB7"/><rect x="420" y="380" width="20" height="80" fill="#D4869C"/><rect x="570" y="380" width="20" height="80" fill="#D4869C"/>` +
      `<circle cx="462" cy="398" r="16" fill="#F6D5BC"/><rect x="478" y="388" width="80" height="22" rx="8" fill="#FFFFFF"/>` +
      // Water table, right
      `<rect x="900" y="380" width="260" height="22" rx="6" fill="#5C6F82"/><rect x="910" y="360" width="240" height="30" rx="8" fill="#8ECAE6"/>` +
      `<rect x="920" y="402" width="14" height="90" fill="#5C6F82"/><rect x="1126" y="402" width="14" height="90" fill="#5C6F82"/><circle cx="980" cy="362" r="9" fill="#FFD166"/>` +
      // Rug
      `<ellipse cx="640" cy="600" rx="330" ry="70" fill="#E9C46A" opacity="0.55"/>`,
    gulv: { topp: 545, bunn: 690 },
  },
  samlingsstund: {
    ord: { nb: ["samlingsstund*", "ring", "ringen", "teppe*", "pute*", "tegning*"], nn: ["samlingsstund*", "ring", "ringen", "teppe*", "pute*", "teikning*"] },
    bakgrunn:
      rom("#E4E1F2", "#CDB99A") +
      vindu(120, 100, 220, 170) + vindu(940, 100, 220, 170) +
      `<rect x="470" y="120" width="340" height="200" rx="10" fill="#FFF8E7" stroke="#E0C9A6" stroke-width="6"/>` +
      // Children's drawings on the wall (shapes only)
      `<circle cx="540" cy="200" r="34" fill="#F6AE2D"/><path d="M600,270 L650,160 L700,270 Z" fill="#2A9D8F"/><rect x="720" y="180" width="60" height="80" fill="#E76F51"/>` +
      `<ellipse cx="640" cy="610" rx="470" ry="95" fill="#A8DADC"/><ellipse cx="640" cy="610" rx="400" ry="70" fill="#BDE3E4"/>`,
    gulv: { topp: 560, bunn: 690 },
  },
  maltid: {
    ord: { nb: ["måltid*", "bord*", "lunsj*", "tallerk*", "kopp*", "frokost*"], nn: ["måltid*", "bord*", "lunsj*", "tallerk*", "kopp*", "frukost*"] },
    bakgrunn: rom("#FCEBD9", "#C7B299") + vindu(180, 90, 260, 190) + vindu(840, 90, 260, 190) + plante(640, 400),
    forgrunn:
      `<rect x="120" y="610" width="1040" height="30" rx="10" fill="#C08552"/><rect x="150" y="640" width="980" height="22" fill="#A06A3F"/>` +
      `<rect x="170" y="662" width="22" height="60" fill="#8C5A34"/><rect x="1088" y="662" width="22" height="60" fill="#8C5A34"/>` +
      [260, 440, 620, 800, 980].map((x) => `<ellipse cx="${x}" cy="614" rx="46" ry="12" fill="#FFFFFF"/><ellipse cx="${x}" cy="612" rx="24" ry="6" fill="#F4A261"/><rect x="${x + 56}" y="588" width="22" height="26" rx="4" fill="#8ECAE6"/>`).join(""),
    gulv: { topp: 690, bunn: 710 },
  },
  personalrom: {
    ord: { nb: ["personalrom*", "bord*", "tavl*", "kaffe*", "kopp*", "plante*"], nn: ["personalrom*", "bord*", "tavl*", "kaffi*", "kopp*", "plante*"] },
    bakgrunn: rom("#E3ECEF", "#B9B2A8") + tavle(380, 70, 520, 300) + vindu(70, 110, 200, 200) + plante(1160, 420),
    forgrunn:
      `<rect x="200" y="590" width="880" height="30" rx="10" fill="#8D6E63"/><rect x="220" y="620" width="840" height="20" fill="#6D4C41"/>` +
      `<rect x="250" y="640" width="22" height="90" fill="#5D4037"/><rect x="1008" y="640" width="22" height="90" fill="#5D4037"/>` +
      [330, 560, 760, 960].map((x) => `<rect x="${x}" y="566" width="30" height="30" rx="5" fill="#FFFFFF"/><path d="M${x + 30},574 q14,6 0,16" stroke="#FFFFFF" stroke-width="5" fill="none"/>`).join("") +
      `<rect x="420" y="578" width="90" height="14" fill="#FFFFFF" transform="rotate(-4 465 585)"/><rect x="660" y="580" width="80" height="12" fill="#F1FAEE" transform="rotate(3 700 586)"/>`,
    gulv: { topp: 650, bunn: 700 },
    tavle: { x: 380, y: 70, b: 520, h: 300 },
  },
  kontor: {
    ord: { nb: ["kontor*", "pult*", "skrivebord*", "pc", "skjerm*", "bokhylle*", "perm*"], nn: ["kontor*", "pult*", "skrivebord*", "pc", "skjerm*", "bokhylle*", "perm*"] },
    bakgrunn:
      rom("#EDE6DA", "#A89F91") +
      vindu(860, 100, 240, 190) +
      `<rect x="80" y="120" width="280" height="350" fill="#B08968"/>` +
      [200, 290, 380].map((y) => `<rect x="80" y="${y}" width="280" height="10" fill="#7F5539"/>`).join("") +
      Array.from({ length: 12 }, (_, i) => `<rect x="${96 + (i % 6) * 42}" y="${(i < 6 ? 140 : 230) + (i % 2) * 6}" width="32" height="${56 - (i % 2) * 6}" fill="${["#457B9D", "#E63946", "#2A9D8F", "#F4A261", "#6D6875", "#8AB17D"][i % 6]}"/>`).join("") +
      `<rect x="96" y="320" width="120" height="56" fill="#DDB892"/>` +
      plante(1180, 420),
    forgrunn:
      `<rect x="820" y="470" width="110" height="80" rx="6" fill="#2B2D42"/><rect x="830" y="480" width="90" height="58" fill="#8ECAE6"/><rect x="866" y="550" width="18" height="30" fill="#2B2D42"/>` +
      `<rect x="300" y="580" width="680" height="30" rx="8" fill="#7F5539"/><rect x="320" y="610" width="640" height="110" fill="#9C6644"/>` +
      `<rect x="520" y="560" width="110" height="22" fill="#FFFFFF" transform="rotate(-3 575 570)"/>`,
    gulv: { topp: 650, bunn: 700 },
  },
};

export const STEDSNAVN = Object.keys(STEDER);
