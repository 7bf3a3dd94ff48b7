import { describe, expect, it } from "vitest";
import { parseDokument } from "./markdown.server.ts";

const dok = (kropp: string) => parseDokument(`---\nid: x\n---\n${kropp}`);

describe("Markdown til blokker", () => {
  it("skal dele teksten i innledning og seksjoner med stabile id-er", () => {
    const d = dok("Innledning her.\n\n## Første del {#forste}\n\nTekst.\n\n## Andre del {#andre}\n\nMer.");
    expect(d.problemer).toEqual([]);
    expect(d.innledning).toHaveLength(1);
    expect(d.seksjoner.map((s) => [s.id, s.tittel])).toEqual([["forste", "Første del"], ["andre", "Andre del"]]);
  });

  it("skal lese film- og aktivitetsblokker", () => {
    const d = dok(
      "## Del {#del}\n\n::film{#m1-film-1}\n\n:::aktivitet[Snakk sammen]{#m1-a1 type=diskusjon individuelt=5 gruppe=15 plenum=10}\nHva ser dere?\n:::\n\n:::aktivitet[Tenk selv]{#m1-a2 type=refleksjon}\nSkriv.\n:::",
    );
    expect(d.problemer).toEqual([]);
    const blokker = d.seksjoner[0]!.blokker;
    expect(blokker[0]).toEqual({ type: "film", filmId: "m1-film-1" });
    expect(blokker[1]).toMatchObject({ type: "aktivitet", aktivitet: { id: "m1-a1", tittel: "Snakk sammen", igp: { individuelt: 5, gruppe: 15, plenum: 10 }, minutter: 30 } });
    expect(blokker[2]).toMatchObject({ type: "aktivitet", aktivitet: { id: "m1-a2", type: "refleksjon" } });
  });

  it("skal kreve IGP-minutter på en diskusjon og melde ukjente typer", () => {
    const d = dok(":::aktivitet[Uten minutter]{#m1-a1 type=diskusjon}\nTekst\n:::\n\n:::aktivitet[Feil]{#m1-a2 type=prat}\nTekst\n:::");
    expect(d.problemer.join("\n")).toMatch(/m1-a1.*individuelt/);
    expect(d.problemer.join("\n")).toMatch(/m1-a2/);
  });

  it("skal fjerne rå HTML og melde det", () => {
    const d = dok("Tekst <script>alert(1)</script> her.\n\n<div>blokk</div>");
    expect(d.problemer).toContain("rå HTML er ikke tillatt i innholdet");
    expect(JSON.stringify(d.innledning)).not.toMatch(/<script|<div/);
  });

  it("skal gjøre begreper og interne lenker om til adresser og notere dem", () => {
    const d = dok("Om :begrep[krenkelser]{#krenkelse}, [§ 42](lov:#p42) og [modul 2](modul:m2#undersoke).");
    expect(d.referanser).toEqual([
      { type: "begrep", id: "krenkelse" },
      { type: "lov", id: "lov", anker: "p42" },
      { type: "modul", id: "m2", anker: "undersoke" },
    ]);
    const html = (d.innledning[0] as { html: string }).html;
    expect(html).toContain('<a href="/begreper#krenkelse" class="begrep">krenkelser</a>');
    expect(html).toContain('href="/lov#p42"');
  });

  it("skal melde en overskrift uten id", () => {
    expect(dok("## Uten id\n\nTekst").problemer).toContain("overskriften «Uten id» mangler {#id}");
  });

  it("skal gi tilbake tekst som bare ligner et direktiv, som klokkeslett", () => {
    const d = dok("Møtet er kl. 10:30 i dag.");
    expect((d.innledning[0] as { html: string }).html).toContain("10:30");
  });
});
