import { Window } from "happy-dom";

/**
 * What a page's forms really send: their action, and every named control with its type and
 * value (hidden `intent`s included), read from the server's HTML (no JavaScript, as a browser
 * without it would post them).
 */
export type Felt = { navn: string; type: string; verdi: string; valg?: string[] };
export type Skjema = { action: string; metode: string; enctype: string; felt: Felt[] };

const vindu = new Window({ settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true, disableJavaScriptFileLoading: true, disableIframePageLoading: true } });

export function lesSkjemaer(html: string, sideUrl: string): Skjema[] {
  const dok = new vindu.DOMParser().parseFromString(html, "text/html");
  const ut: Skjema[] = [];
  for (const form of dok.querySelectorAll("form")) {
    const metode = (form.getAttribute("method") ?? "get").toLowerCase();
    if (metode !== "post") continue;
    const action = new URL(form.getAttribute("action") ?? sideUrl, sideUrl);
    const felt: Felt[] = [];
    const radioer = new Map<string, Felt>();
    for (const el of form.querySelectorAll("input, select, textarea, button")) {
      const navn = el.getAttribute("name");
      if (!navn) continue;
      const tag = el.tagName.toLowerCase();
      const type = tag === "input" ? (el.getAttribute("type") ?? "text").toLowerCase() : tag;
      if (type === "submit" || type === "image" || type === "reset") continue;
      if (tag === "button") {
        // A named submit button sends its value (e.g. intent) when it is the one pressed.
        felt.push({ navn, type: "button", verdi: el.getAttribute("value") ?? "" });
        continue;
      }
      if (tag === "select") {
        const valg = [...el.querySelectorAll("option")].map((o) => o.getAttribute("value") ?? o.textContent ?? "");
        felt.push({ navn, type, verdi: valg[0] ?? "", valg });
        continue;
      }
      if (type === "radio") {
        const f = radioer.get(navn) ?? { navn, type, verdi: el.getAttribute("value") ?? "on", valg: [] };
        f.valg!.push(el.getAttribute("value") ?? "on");
        if (!radioer.has(navn)) {
          radioer.set(navn, f);
          felt.push(f);
        }
        continue;
      }
      felt.push({ navn, type, verdi: tag === "textarea" ? (el.textContent ?? "") : (el.getAttribute("value") ?? (type === "checkbox" ? "on" : "")) });
    }
    ut.push({ action: action.pathname + action.search, metode, enctype: form.getAttribute("enctype") ?? "application/x-www-form-urlencoded", felt });
  }
  return ut;
}

/** One key per distinct form (its action, its field names and its fixed intent). */
export function skjemaNokkel(s: Skjema): string {
  const intent = s.felt.find((f) => f.navn === "intent")?.verdi ?? "";
  return `${s.action.split("?")[0]}|${intent}|${s.felt.map((f) => f.navn).sort().join(",")}`;
}
