/**
 * Pictograms that appear on the board in the explainer films, drawn as SVG in a 120×120 box
 * centred on (0, 0). No letters or numbers: one video serves bokmål and nynorsk. `ord` are the
 * words a description may use for the pictogram (checked by the description test; * as in steder.ts).
 */

export type Ikon = { ord: { nb: string[]; nn: string[] }; svg: string };

const S = `stroke="#264653" stroke-width="6" stroke-linecap="round" stroke-linejoin="round"`;

const barnFigur = (x: number, y: number, farge: string, s = 1) =>
  `<g transform="translate(${x} ${y}) scale(${s})"><circle cx="0" cy="-30" r="13" fill="#E9B48A"/><path d="M-16,-12 Q0,-20 16,-12 L14,20 L-14,20 Z" fill="${farge}"/><rect x="-11" y="20" width="8" height="18" fill="#264653"/><rect x="3" y="20" width="8" height="18" fill="#264653"/></g>`;
const voksenFigur = (x: number, y: number, farge: string, s = 1) =>
  `<g transform="translate(${x} ${y}) scale(${s})"><circle cx="0" cy="-44" r="14" fill="#C68B59"/><path d="M-20,-26 Q0,-34 20,-26 L18,18 L-18,18 Z" fill="${farge}"/><rect x="-14" y="18" width="10" height="30" fill="#264653"/><rect x="4" y="18" width="10" height="30" fill="#264653"/></g>`;

export const IKONER: Record<string, Ikon> = {
  oye: {
    ord: { nb: ["øye", "øyet", "øyne"], nn: ["auge", "auget", "augo"] },
    svg: `<path d="M-52,0 Q0,-46 52,0 Q0,46 -52,0 Z" fill="#FFFFFF" ${S}/><circle cx="0" cy="0" r="18" fill="#2A9D8F"/><circle cx="0" cy="0" r="8" fill="#264653"/><circle cx="5" cy="-5" r="3" fill="#FFFFFF"/>`,
  },
  snakkeboble: {
    ord: { nb: ["snakkeboble*"], nn: ["snakkeboble*"] },
    svg: `<path d="M-50,-38 h100 a10,10 0 0 1 10,10 v46 a10,10 0 0 1 -10,10 h-54 l-24,22 l4,-22 h-26 a10,10 0 0 1 -10,-10 v-46 a10,10 0 0 1 10,-10 Z" fill="#E9F5F3" ${S}/><circle cx="-22" cy="-4" r="6" fill="#264653"/><circle cx="0" cy="-4" r="6" fill="#264653"/><circle cx="22" cy="-4" r="6" fill="#264653"/>`,
  },
  lupe: {
    ord: { nb: ["lupe*", "forstørrelsesglass*"], nn: ["lupe*", "forstørringsglas*"] },
    svg: `<circle cx="-10" cy="-10" r="32" fill="#DFF3F7" ${S}/><line x1="14" y1="14" x2="46" y2="46" ${S} stroke-width="12"/>`,
  },
  verktoy: {
    ord: { nb: ["verktøy*"], nn: ["verktøy*"] },
    svg: `<rect x="-44" y="-12" width="70" height="16" rx="6" transform="rotate(-40)" fill="#F4A261" ${S}/><rect x="-20" y="-44" width="48" height="24" rx="4" transform="rotate(-40)" fill="#8D99AE" ${S}/><rect x="-40" y="-6" width="80" height="14" rx="6" transform="rotate(45)" fill="#8D99AE" ${S}/><circle cx="36" cy="36" r="14" fill="none" ${S}/>`,
  },
  dokument: {
    ord: { nb: ["ark", "arket", "dokument*"], nn: ["ark", "arket", "dokument*"] },
    svg: `<path d="M-36,-50 h50 l22,22 v78 h-72 Z" fill="#FFFFFF" ${S}/><path d="M14,-50 v22 h22" fill="none" ${S}/>` + [-18, -2, 14, 30].map((y) => `<line x1="-22" y1="${y}" x2="22" y2="${y}" ${S} stroke-width="4"/>`).join(""),
  },
  kalender: {
    ord: { nb: ["kalender*"], nn: ["kalender*"] },
    svg: `<rect x="-46" y="-40" width="92" height="86" rx="8" fill="#FFFFFF" ${S}/><rect x="-46" y="-40" width="92" height="22" rx="6" fill="#E76F51"/><line x1="-24" y1="-52" x2="-24" y2="-30" ${S}/><line x1="24" y1="-52" x2="24" y2="-30" ${S}/>` +
      [-26, 0, 26].flatMap((x) => [0, 24].map((y) => `<rect x="${x - 8}" y="${y - 6}" width="16" height="14" rx="2" fill="${x === 0 && y === 24 ? "#E76F51" : "#A8DADC"}"/>`)).join(""),
  },
  person: {
    ord: { nb: ["voksenfigur", "voksenfiguren"], nn: ["vaksenfigur", "vaksenfiguren"] },
    svg: voksenFigur(0, 6, "#457B9D", 1.2),
  },
  hake: {
    ord: { nb: ["hake", "haken", "avkrysning*"], nn: ["hake", "haken", "avkryssing*"] },
    svg: `<circle cx="0" cy="0" r="48" fill="#D8F3DC" ${S}/><path d="M-24,2 L-6,20 L26,-18" fill="none" ${S} stroke="#2D6A4F" stroke-width="10"/>`,
  },
  trist: {
    ord: { nb: ["trist ansikt*"], nn: ["trist andlet*"] },
    svg: `<circle cx="0" cy="0" r="46" fill="#FFE8A3" ${S}/><circle cx="-16" cy="-10" r="6" fill="#264653"/><circle cx="16" cy="-10" r="6" fill="#264653"/><path d="M-20,24 Q0,8 20,24" fill="none" ${S}/><path d="M-16,0 q-4,12 0,16 q4,-4 0,-16" fill="#8ECAE6"/>`,
  },
  stopp: {
    ord: { nb: ["stoppskilt*"], nn: ["stoppskilt*"] },
    svg: `<path d="M0,-54 L38,-38 L54,0 L38,38 L0,54 L-38,38 L-54,0 L-38,-38 Z" fill="#E63946" ${S} stroke="#9D0208"/><path d="M-14,28 v-30 m0,0 v-22 m12,22 v-30 m12,30 v-26 m12,28 v-16 M-14,-2 q-10,-6 -14,4 l14,26 h28 q10,-6 10,-26" fill="none" stroke="#FFFFFF" stroke-width="6" stroke-linecap="round"/>`,
  },
  hjerte: {
    ord: { nb: ["hjerte*"], nn: ["hjarte*"] },
    svg: `<path d="M0,44 C-70,0 -50,-60 0,-24 C50,-60 70,0 0,44 Z" fill="#E76F51" ${S} stroke="#9D0208"/>`,
  },
  barnehage: {
    ord: { nb: ["hus", "huset"], nn: ["hus", "huset"] },
    svg: `<path d="M-52,-4 L0,-48 L52,-4" fill="none" ${S}/><rect x="-40" y="-10" width="80" height="58" fill="#F4A261" ${S}/><rect x="-12" y="14" width="24" height="34" fill="#264653"/><circle cx="-24" cy="8" r="7" fill="#A8DADC"/><circle cx="24" cy="8" r="7" fill="#A8DADC"/>`,
  },
  eier: {
    ord: { nb: ["bygning*", "søyle*"], nn: ["bygning*", "søyle*"] },
    svg: `<path d="M-54,-22 L0,-52 L54,-22 Z" fill="#CED4DA" ${S}/><rect x="-50" y="36" width="100" height="12" fill="#CED4DA" ${S}/>` + [-34, -12, 12, 34].map((x) => `<rect x="${x - 6}" y="-18" width="12" height="52" fill="#E9ECEF" ${S} stroke-width="4"/>`).join(""),
  },
  pil: {
    ord: { nb: ["pil", "pila", "pilen"], nn: ["pil", "pila"] },
    svg: `<path d="M-50,0 H34 M10,-24 L38,0 L10,24" fill="none" ${S} stroke-width="10"/>`,
  },
  klokke: {
    ord: { nb: ["klokke*"], nn: ["klokke*"] },
    svg: `<circle cx="0" cy="0" r="48" fill="#FFFFFF" ${S}/><path d="M0,-30 V0 L22,12" fill="none" ${S}/><circle cx="0" cy="0" r="4" fill="#264653"/>`,
  },
  arkiv: {
    ord: { nb: ["arkivskap*"], nn: ["arkivskap*"] },
    svg: `<rect x="-36" y="-52" width="72" height="104" rx="6" fill="#ADB5BD" ${S}/>` + [-26, 8].map((y) => `<rect x="-26" y="${y}" width="52" height="28" rx="3" fill="#DEE2E6" ${S} stroke-width="4"/><line x1="-10" y1="${y + 10}" x2="10" y2="${y + 10}" ${S}/>`).join(""),
  },
  barn: {
    ord: { nb: ["barnefigur", "barnefiguren"], nn: ["barnefigur", "barnefiguren"] },
    svg: barnFigur(0, 0, "#F4A261", 1.5),
  },
  barnegruppe: {
    ord: { nb: ["barnegruppe", "barnegruppa"], nn: ["barnegruppe", "barnegruppa"] },
    svg: barnFigur(-34, 8, "#2A9D8F", 1.1) + barnFigur(34, 8, "#E9C46A", 1.1) + barnFigur(0, -2, "#E76F51", 1.2),
  },
  personalet: {
    ord: { nb: ["voksenfigurer", "voksenfigurene"], nn: ["vaksenfigurar", "vaksenfigurane"] },
    svg: voksenFigur(-24, 2, "#6D597A", 1) + voksenFigur(24, 2, "#457B9D", 1),
  },
  ore: {
    ord: { nb: ["øre", "øret"], nn: ["øyre", "øyret"] },
    svg: `<path d="M-10,-48 C30,-52 40,-14 24,6 C14,18 14,30 4,42 C-8,54 -28,44 -26,30" fill="#F6D5BC" ${S}/><path d="M-2,-26 C16,-28 20,-6 8,4" fill="none" ${S}/>`,
  },
  hender: {
    ord: { nb: ["hender", "hendene"], nn: ["hender", "hendene"] },
    svg: `<path d="M-56,4 L-24,-16 L0,-10 L24,-20 L56,0 L30,24 L6,30 L-20,22 Z" fill="#E9B48A" ${S}/><path d="M-8,-10 L12,10 M4,-14 L24,6" fill="none" ${S} stroke-width="4"/>`,
  },
  lek: {
    ord: { nb: ["lekeklosser", "lekeklossene"], nn: ["leikeklossar", "leikeklossane"] },
    svg: `<rect x="-50" y="4" width="44" height="44" fill="#E76F51" ${S}/><rect x="6" y="4" width="44" height="44" fill="#2A9D8F" ${S}/><rect x="-22" y="-44" width="44" height="44" fill="#E9C46A" ${S}/>`,
  },
  kart: {
    ord: { nb: ["kart", "kartet", "kryss"], nn: ["kart", "kartet", "kryss"] },
    svg: `<path d="M-54,-36 L-18,-48 L18,-36 L54,-48 V40 L18,52 L-18,40 L-54,52 Z" fill="#E9F5DB" ${S}/><path d="M-18,-48 V40 M18,-36 V52" ${S} stroke-width="3"/><path d="M-42,-14 l14,14 m0,-14 l-14,14 M24,8 l14,14 m0,-14 l-14,14" ${S} stroke="#E63946"/><circle cx="-2" cy="22" r="9" fill="none" ${S} stroke="#457B9D"/>`,
  },
  arshjul: {
    ord: { nb: ["årshjul*"], nn: ["årshjul*"] },
    svg:
      Array.from({ length: 12 }, (_, i) => {
        const a = (i * Math.PI) / 6;
        const b = ((i + 1) * Math.PI) / 6;
        const r = 52;
        const farger = ["#8ECAE6", "#A8DADC", "#B7E4C7", "#95D5B2", "#FFE8A3", "#FFD166", "#F4A261", "#E76F51", "#CDB4DB", "#BDB2FF", "#A0C4FF", "#CAF0F8"];
        return `<path d="M0,0 L${(Math.sin(a) * r).toFixed(1)},${(-Math.cos(a) * r).toFixed(1)} A${r},${r} 0 0 1 ${(Math.sin(b) * r).toFixed(1)},${(-Math.cos(b) * r).toFixed(1)} Z" fill="${farger[i]}" stroke="#FFFFFF" stroke-width="3"/>`;
      }).join("") + `<circle cx="0" cy="0" r="16" fill="#FFFFFF" ${S}/>`,
  },
  notat: {
    ord: { nb: ["notatblokk*", "blyant*"], nn: ["notatblokk*", "blyant*"] },
    svg: `<rect x="-40" y="-48" width="70" height="96" rx="6" fill="#FFF3B0" ${S}/>` + [-24, -6, 12, 30].map((y) => `<line x1="-28" y1="${y}" x2="18" y2="${y}" ${S} stroke-width="3"/>`).join("") + `<rect x="20" y="-40" width="14" height="70" rx="3" transform="rotate(25 27 -5)" fill="#F4A261" ${S} stroke-width="4"/>`,
  },
  dor: {
    ord: { nb: ["dør*"], nn: ["dør*"] },
    svg: `<rect x="-34" y="-54" width="68" height="108" rx="4" fill="#8FB8DE" ${S}/><circle cx="20" cy="4" r="6" fill="#264653"/>`,
  },
};

export const IKONNAVN = Object.keys(IKONER);
