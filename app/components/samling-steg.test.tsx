// @vitest-environment happy-dom
import { describe, expect, it, vi, afterEach } from "vitest";
import { screen, within } from "@testing-library/react";
import { renderMedMaalform } from "#app/test/render.tsx";
import { LederStyring, Stegliste, Storskjerm, type LederStyringData, type LederSteg, type StorskjermData } from "./samling-steg.tsx";

/** Samling mode (ADR 0016) as the leader and the projector see it: which step, which buttons, what is on the big screen. */

const NAA = "2026-11-26T09:00:00.000Z";
const steg = (nummer: number, type: LederSteg["type"] = "gruppe"): LederSteg => ({ nummer, type, tittel: `Steg ${nummer}`, minutter: 10, beskrivelse: `Slik gjør dere steg ${nummer}` });
const utproving = { id: "u1", hva: "Prøve ut morgensamling", hvem: "Alle", frist: "2026-12-01", logger: [{ brukerId: "b1", navn: "Kari", tekst: "Gikk fint" }] };

function leder(over: Partial<LederStyringData>): LederStyringData {
  return { id: "bh1", samlingId: "sa1", status: "pagaar", versjon: 7, naa: NAA, stegSlutt: null, antallSteg: 3, naavaerende: steg(1), neste: steg(2), erSiste: false, tilbakemelding: [], ...over };
}
const knapp = (navn: string) => screen.queryByRole("button", { name: navn });
/** What a press on the button sends: the form's fields. */
const sender = (navn: string) => Object.fromEntries(new FormData(screen.getByRole("button", { name: navn }).closest("form")!));

afterEach(() => vi.useRealTimers());

describe("LederStyring: stegnavigasjonen for den som leder", () => {
  it("før start: sier at samlingen ikke har startet, har bare «Start samlingen» og viser første steg som neste", () => {
    renderMedMaalform(<LederStyring d={leder({ status: "planlagt", naavaerende: null, neste: steg(1) })} />);
    expect(screen.getByRole("heading", { level: 2, name: "Samlingen har ikke startet" })).toBeTruthy();
    expect(sender("Start samlingen")).toEqual({ intent: "start", versjon: "7" });
    expect(knapp("Forrige steg")).toBeNull();
    expect(knapp("Neste steg")).toBeNull();
    expect(knapp("Avslutt samlingen")).toBeNull();
    expect(screen.getByRole("heading", { name: "Neste: Steg 1 (10 min)" })).toBeTruthy();
    expect(screen.queryByRole("timer")).toBeNull();
  });

  it("første steg: viser steget og beskrivelsen, ingen «Forrige», men «Neste» og «Avslutt» med versjonen", () => {
    renderMedMaalform(<LederStyring d={leder({ naavaerende: steg(1), neste: steg(2) })} />);
    expect(screen.getByRole("heading", { level: 2, name: "Nå: steg 1 av 3, Steg 1" })).toBeTruthy();
    expect(screen.getByText("Slik gjør dere steg 1")).toBeTruthy();
    expect(knapp("Forrige steg")).toBeNull();
    expect(knapp("Start samlingen")).toBeNull();
    expect(sender("Neste steg")).toEqual({ intent: "neste", versjon: "7" });
    expect(sender("Avslutt samlingen")).toEqual({ intent: "avslutt", versjon: "7" });
    expect(screen.getByRole("heading", { name: "Neste: Steg 2 (10 min)" })).toBeTruthy();
  });

  it("et steg i midten: både «Forrige» og «Neste»", () => {
    renderMedMaalform(<LederStyring d={leder({ naavaerende: steg(2), neste: steg(3) })} />);
    expect(screen.getByRole("heading", { level: 2, name: "Nå: steg 2 av 3, Steg 2" })).toBeTruthy();
    expect(sender("Forrige steg")).toEqual({ intent: "forrige", versjon: "7" });
    expect(knapp("Neste steg")).toBeTruthy();
  });

  it("siste steg: «Forrige» og «Avslutt», men ingen «Neste» og ikke noe neste steg", () => {
    renderMedMaalform(<LederStyring d={leder({ naavaerende: steg(3), neste: null, erSiste: true })} />);
    expect(screen.getByRole("heading", { level: 2, name: "Nå: steg 3 av 3, Steg 3" })).toBeTruthy();
    expect(knapp("Forrige steg")).toBeTruthy();
    expect(knapp("Neste steg")).toBeNull();
    expect(knapp("Avslutt samlingen")).toBeTruthy();
    expect(screen.queryByRole("heading", { name: /^Neste:/ })).toBeNull();
  });

  it("etter samlingen: sier at den er ferdig og har ingen knapper", () => {
    renderMedMaalform(<LederStyring d={leder({ status: "holdt", naavaerende: null, neste: null })} />);
    expect(screen.getByRole("heading", { level: 2, name: "Samlingen er ferdig" })).toBeTruthy();
    expect(screen.queryAllByRole("button")).toHaveLength(0);
  });

  it("viser nedtellingen for steget fra serverens klokke, og utprøvingene på tilbakemeldingssteget", () => {
    renderMedMaalform(<LederStyring d={leder({ naavaerende: steg(1, "tilbakemelding"), stegSlutt: "2026-11-26T09:05:30.000Z", tilbakemelding: [utproving] })} />);
    expect(screen.getByRole("timer").textContent).toBe("05:30");
    expect(screen.getByText("Tid igjen:")).toBeTruthy();
    expect(screen.getByRole("heading", { level: 3, name: "Prøve ut morgensamling" })).toBeTruthy();
    // The deadline in Norwegian, never as an ISO date (issue 15).
    expect(screen.getByText("Hvem: Alle. Frist: 1. desember 2026.")).toBeTruthy();
  });

  it("på nynorsk", () => {
    renderMedMaalform(<LederStyring d={leder({ naavaerende: steg(2), neste: steg(3), stegSlutt: "2026-11-26T09:01:00.000Z" })} />, "nn");
    expect(screen.getByRole("heading", { level: 2, name: "No: steg 2 av 3, Steg 2" })).toBeTruthy();
    expect(knapp("Førre steg")).toBeTruthy();
    expect(knapp("Avslutt samlinga")).toBeTruthy();
    expect(screen.getByText("Tid att:")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Opne storskjermvisinga (nytt vindauge)" }).getAttribute("href")).toBe("/barnehage/bh1/samling/sa1/vis");
  });
});

describe("Stegliste: stegene på samlingssida", () => {
  const liste = [1, 2, 3].map((n) => ({ id: `s${n}`, tittel: `Steg ${n}`, minutter: 5 * n }));

  it("merker steget som er i gang, og bare det", () => {
    renderMedMaalform(<Stegliste steg={liste} naavaerende={1} />);
    const punkter = within(screen.getByRole("list")).getAllByRole("listitem");
    expect(punkter.map((p) => p.textContent)).toEqual(["Steg 1 (5 min)", "Steg 2 (10 min) (nå)", "Steg 3 (15 min)"]);
    expect(punkter.map((p) => p.getAttribute("aria-current"))).toEqual([null, "step", null]);
  });

  it("før start er ingen steg i gang (nynorsk)", () => {
    renderMedMaalform(<Stegliste steg={liste} naavaerende={null} />, "nn");
    expect(screen.getByRole("heading", { name: "Slik går samlinga" })).toBeTruthy();
    expect(screen.queryByText("(no)")).toBeNull();
    expect(screen.getAllByRole("listitem").every((p) => !p.hasAttribute("aria-current"))).toBe(true);
  });
});

describe("Storskjerm: det projektoren viser per stegtype", () => {
  function vis(over: Partial<StorskjermData>): StorskjermData {
    return {
      modulTittel: "Lek ute",
      nummer: 2,
      tid: "torsdag 26. november kl. 10.00",
      status: "pagaar",
      naa: NAA,
      stegNummer: 1,
      antallSteg: 4,
      steg: { tittel: "Innledning", type: "innledning", minutter: 5 },
      stegSlutt: null,
      aktivitet: null,
      film: null,
      gruppenotat: "",
      tilbakemelding: [],
      oppfrisk: 5,
      ...over,
    };
  }

  it("før start: venter, med tidspunktet, uten steg og uten nedtelling", () => {
    renderMedMaalform(<Storskjerm d={vis({ status: "planlagt", stegNummer: null, steg: null })} />);
    expect(screen.getByRole("heading", { level: 1, name: "Samlingen har ikke startet ennå" })).toBeTruthy();
    expect(screen.getByText("torsdag 26. november kl. 10.00")).toBeTruthy();
    expect(screen.queryByText(/steg \d av/)).toBeNull();
    expect(screen.queryByRole("timer")).toBeNull();
  });

  it("gruppesteg: tittel, «steg 2 av 4», stor nedtelling, aktivitetens tekst og teamets gruppenotat", () => {
    renderMedMaalform(
      <Storskjerm
        d={vis({ stegNummer: 2, steg: { tittel: "Samtale i grupper", type: "gruppe", minutter: 15 }, stegSlutt: "2026-11-26T09:14:59.500Z", aktivitet: { tittel: "Hva er god lek?", html: "<p>Snakk sammen om leken.</p>" }, gruppenotat: "Gruppe 1: mer tid ute\nGruppe 2: færre overganger" })}
      />,
    );
    expect(screen.getByText("Modul 2: Lek ute · steg 2 av 4")).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1, name: "Samtale i grupper" })).toBeTruthy();
    expect(screen.getByRole("timer").textContent).toBe("15:00");
    const aktivitet = screen.getByRole("region", { name: "Hva er god lek?" });
    expect(within(aktivitet).getByText("Snakk sammen om leken.")).toBeTruthy();
    const notat = screen.getByRole("region", { name: "Gruppenotat" });
    expect(notat.textContent).toContain("Gruppe 1: mer tid ute\nGruppe 2: færre overganger");
    expect(screen.queryByRole("region", { name: "Utprøvinger fra forrige samling" })).toBeNull();
  });

  it("uten gruppenotat vises ingen tom notatboks", () => {
    renderMedMaalform(<Storskjerm d={vis({ steg: { tittel: "Plenum", type: "plenum", minutter: 10 }, aktivitet: { tittel: "A", html: "<p>x</p>" } })} />);
    expect(screen.queryByRole("region", { name: "Gruppenotat" })).toBeNull();
  });

  it("filmsteg: filmen med tittel og teksting på begge målformer", () => {
    const film = {
      id: "f1",
      tittel: "Leken i uterommet",
      beskrivelse: "En film om lek.",
      video: "/media/f1.mp4",
      spor: [
        { type: "captions" as const, sprak: "nb" as const, src: "/media/f1.nb.vtt", etikett: "Bokmål", standard: true },
        { type: "captions" as const, sprak: "nn" as const, src: "/media/f1.nn.vtt", etikett: "Nynorsk", standard: false },
        { type: "descriptions" as const, sprak: "nb" as const, src: "/media/f1.syn.nb.vtt", etikett: "Synstolking (bokmål)", standard: false },
      ],
      transkripsjon: [{ replikker: [{ hvem: "Per", tekst: "Barna leker." }], synstolking: "Uteområdet. Per står ved sandkassa." }],
    };
    const { container } = renderMedMaalform(<Storskjerm d={vis({ steg: { tittel: "Film", type: "film", minutter: 4 }, film })} />);
    expect(screen.getByRole("figure", { name: "Leken i uterommet" })).toBeTruthy();
    expect([...container.querySelectorAll("track[kind=captions]")].map((t) => t.getAttribute("label"))).toEqual(["Bokmål", "Nynorsk"]);
    expect([...container.querySelectorAll("track[kind=descriptions]")].map((t) => t.getAttribute("label"))).toEqual(["Synstolking (bokmål)"]);
    expect(container.textContent).toContain("Synstolking: Uteområdet. Per står ved sandkassa.");
  });

  it("tilbakemeldingssteg: det som ble avtalt og loggene, uten navn", () => {
    renderMedMaalform(<Storskjerm d={vis({ steg: { tittel: "Hvordan gikk det?", type: "tilbakemelding", minutter: 10 }, tilbakemelding: [{ id: "u1", hva: "Prøve ut morgensamling", logger: ["Gikk fint", "Barna likte det"] }] })} />);
    const del = screen.getByRole("region", { name: "Utprøvinger fra forrige samling" });
    expect(within(del).getByText("Prøve ut morgensamling")).toBeTruthy();
    expect(within(del).getByText("Barna likte det")).toBeTruthy();
    expect(del.textContent).not.toContain("Kari");
  });

  it("tilbakemeldingssteg uten utprøvinger sier det, på nynorsk", () => {
    renderMedMaalform(<Storskjerm d={vis({ steg: { tittel: "Korleis gjekk det?", type: "tilbakemelding", minutter: 10 } })} />, "nn");
    const del = screen.getByRole("region", { name: "Utprøvingar frå førre samling" });
    expect(within(del).getByText("Ingen utprøvingar er avtalte enno.")).toBeTruthy();
  });

  it("etter samlingen: ferdig og takk", () => {
    renderMedMaalform(<Storskjerm d={vis({ status: "holdt", stegNummer: null, steg: null })} />, "nn");
    expect(screen.getByRole("heading", { level: 1, name: "Samlinga er ferdig" })).toBeTruthy();
    expect(screen.getByText("Takk for i dag!")).toBeTruthy();
  });
});

describe("Samlingen i rommet (ADR 0026): lederens styring og storskjermen", () => {
  const steg = (nummer: number, type: LederSteg["type"] = "gruppe"): LederSteg => ({ nummer, type, tittel: `Steg ${nummer}`, minutter: 10, beskrivelse: `Lederstøtte ${nummer}` });
  const leder = (over: Partial<LederStyringData>): LederStyringData => ({
    id: "bh1",
    samlingId: "sa1",
    status: "pagaar",
    versjon: 3,
    naa: NAA,
    stegSlutt: "2026-11-26T09:10:00.000Z",
    antallSteg: 3,
    naavaerende: steg(1),
    neste: steg(2),
    erSiste: false,
    tilbakemelding: [],
    visKode: true,
    ...over,
  });
  const sender = (navn: string) => Object.fromEntries(new FormData(screen.getByRole("button", { name: navn }).closest("form")!));

  it("klokka: pause, +1 og +5 min med versjonen; en pauset klokke har «Start klokka igjen»", () => {
    const { unmount } = renderMedMaalform(<LederStyring d={leder({})} />);
    expect(sender("Pause klokka")).toEqual({ intent: "pause", versjon: "3" });
    expect(sender("+1 min")).toEqual({ intent: "pluss1", versjon: "3" });
    expect(sender("+5 min")).toEqual({ intent: "pluss5", versjon: "3" });
    expect(sender("Skjul koden for å bli med")).toEqual({ intent: "skjul-kode", versjon: "3" });
    expect(screen.getByRole("heading", { level: 3, name: "Fra lederstøtten" })).toBeTruthy();
    expect(screen.getByText("Lederstøtte 1")).toBeTruthy();
    unmount();
    renderMedMaalform(<LederStyring d={leder({ pauset: "2026-11-26T09:02:00.000Z" })} />);
    expect(sender("Start klokka igjen")).toEqual({ intent: "fortsett", versjon: "3" });
    // Stands still at what was left when it was paused: 8 minutes.
    expect(screen.getByRole("timer").textContent).toBe("08:00");
    expect(screen.getByText("Pause:")).toBeTruthy();
  });

  it("filmsteg: spill og pause filmen på storskjermen; andre steg har ingen filmknapper", () => {
    const { unmount } = renderMedMaalform(<LederStyring d={leder({ naavaerende: steg(2, "film"), filmSpiller: false })} />);
    expect(sender("Spill filmen på storskjermen")).toEqual({ intent: "film-spill", versjon: "3" });
    expect(screen.getByText("Filmen står stille på storskjermen.")).toBeTruthy();
    unmount();
    const { unmount: u2 } = renderMedMaalform(<LederStyring d={leder({ naavaerende: steg(2, "film"), filmSpiller: true })} />);
    expect(sender("Pause filmen")).toEqual({ intent: "film-pause", versjon: "3" });
    u2();
    renderMedMaalform(<LederStyring d={leder({})} />);
    expect(screen.queryByRole("button", { name: "Spill filmen på storskjermen" })).toBeNull();
  });

  it("«Avslutt» spør først og sender bekreft=ja; etterpå kan den angres (nynorsk)", () => {
    const { unmount } = renderMedMaalform(<LederStyring d={leder({ bekreft: "avslutt" })} />);
    expect(screen.getByRole("alert").textContent).toContain("Vil du avslutte samlingen? Du kan angre i 15 minutter.");
    expect(sender("Ja, avslutt samlingen")).toEqual({ intent: "avslutt", versjon: "3", bekreft: "ja" });
    unmount();
    renderMedMaalform(<LederStyring d={leder({ status: "holdt", naavaerende: null, neste: null, stegSlutt: null, angreTil: "2026-11-26T09:15:00.000Z" })} />, "nn");
    expect(sender("Angre avsluttinga")).toEqual({ intent: "angre-avslutt", versjon: "3" });
    expect(screen.getByText("Du kan angre til klokka 10:15.")).toBeTruthy();
  });

  it("piltast høyre og Page Down sender «Neste steg», venstre og Page Up «Forrige steg», men ikke fra et felt", () => {
    renderMedMaalform(<LederStyring d={leder({ naavaerende: steg(2), neste: steg(3) })} />);
    const sendt: string[] = [];
    for (const f of document.querySelectorAll("form")) f.requestSubmit = () => void sendt.push(f.getAttribute("data-tast") ?? "");
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight" }));
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "PageUp" }));
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "PageDown" }));
    const felt = document.createElement("textarea");
    document.body.append(felt);
    felt.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true }));
    expect(sendt).toEqual(["neste", "forrige", "neste"]);
  });

  const vis = (over: Partial<StorskjermData>): StorskjermData => ({
    modulTittel: "Tiltak",
    nummer: 3,
    tid: "i dag",
    status: "pagaar",
    naa: NAA,
    stegNummer: 1,
    antallSteg: 9,
    steg: { tittel: "Velkommen", type: "innledning", minutter: 5 },
    stegSlutt: null,
    aktivitet: null,
    film: null,
    gruppenotat: "",
    tilbakemelding: [],
    oppfrisk: 5,
    bliinn: { kode: "K7PM2Q", adresse: "samla.example/s", qr: '<svg role="img" aria-label="QR"></svg>' },
    bliinnStor: true,
    ...over,
  });

  it("storskjermen er én <main> med h1, koden stor på første steg og i hjørnet senere; forhåndsvisningen er skjult for skjermlesere", () => {
    const { container, unmount } = renderMedMaalform(<Storskjerm d={vis({})} />);
    expect(container.querySelectorAll("main")).toHaveLength(1);
    expect(screen.getByRole("complementary", { name: "Bli med på samlingen" }).className).toContain("bliinn--stor");
    expect(screen.getByText("K7PM2Q")).toBeTruthy();
    unmount();
    const { unmount: u2 } = renderMedMaalform(<Storskjerm d={vis({ stegNummer: 4, bliinnStor: false, steg: { tittel: "Gruppe", type: "gruppe", minutter: 15 } })} />);
    expect(screen.getByRole("complementary", { name: "Bli med på samlingen" }).className).not.toContain("bliinn--stor");
    u2();
    const { container: c3 } = renderMedMaalform(<Storskjerm d={vis({ bliinn: null })} innebygd />);
    expect(c3.querySelector("main")).toBeNull();
    expect(c3.firstElementChild?.getAttribute("aria-hidden")).toBe("true");
    expect(c3.querySelector("noscript")).toBeNull();
  });

  it("siste steg: tilbakemeldingen på modulen med QR og antall som har svart", () => {
    renderMedMaalform(<Storskjerm d={vis({ modulTilbakemelding: { qr: '<svg role="img" aria-label="QR til tilbakemeldingen"></svg>', antall: 3 } })} />, "nn");
    const del = screen.getByRole("region", { name: "Kva syntest du om modulen?" });
    expect(within(del).getByText("3 har svart")).toBeTruthy();
    expect(within(del).getByRole("img", { name: "QR til tilbakemeldingen" })).toBeTruthy();
  });

  it("ståstedsrunden: antall som har svart, og tall per område bare der det er nok svar", () => {
    renderMedMaalform(
      <Storskjerm d={vis({ stasted: { qr: null, antall: 7, apen: false, omrader: [{ navn: "Trygghet", snitt: 3.46 }, { navn: "Lek", snitt: null }] } })} />,
    );
    const del = screen.getByRole("region", { name: "Ståstedsrunden" });
    expect(within(del).getByText("7 har svart")).toBeTruthy();
    expect(within(del).getAllByRole("listitem").map((l) => l.textContent)).toEqual(["Trygghet 3,5", "Lek for få svar"]);
  });
});
