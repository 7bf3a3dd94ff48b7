import { PassThrough } from "node:stream";
import { text } from "node:stream/consumers";
import { Suspense, use } from "react";
import { describe, expect, it } from "vitest";
import { stromSide } from "./strom-side.server.ts";

const tidsur = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
const valg = { nonce: "n", ventPaaAlt: false, tidsfristMs: 60_000, lagKropp: () => new PassThrough(), onError: () => {} };

describe("stromSide", () => {
  it("skal strømme sida og ikke holde på tidsfristen når sida er skrevet", async () => {
    const for_ = tidsur();
    const kropp = await stromSide(<p>Hei på deg</p>, valg);
    expect(await text(kropp)).toContain("<p>Hei på deg</p>");
    await new Promise((ok) => setImmediate(ok));
    // A timer left here would keep the whole render alive for a minute.
    expect(tidsur()).toBe(for_);
  });

  it("skal avbryte en side som fortsatt venter etter tidsfristen, og melde feilen etter skallet", async () => {
    const aldri = new Promise<string>(() => {});
    function Venter() {
      return <span>{use(aldri)}</span>;
    }
    const feil: boolean[] = [];
    const kropp = await stromSide(
      <div>
        <h1>Skallet</h1>
        <Suspense fallback={<i>laster</i>}>
          <Venter />
        </Suspense>
      </div>,
      { ...valg, tidsfristMs: 50, onError: (_f, etterSkallet) => void feil.push(etterSkallet) },
    );
    const html = await text(kropp);
    expect(html).toContain("<h1>Skallet</h1>");
    expect(html).toContain("<i>laster</i>");
    expect(feil).toEqual([true]);
  });

  it("skal avvise når skallet feiler, uten å la tidsfristen stå", async () => {
    const for_ = tidsur();
    function Feiler(): never {
      throw new Error("skallet feilet");
    }
    await expect(stromSide(<Feiler />, valg)).rejects.toThrow("skallet feilet");
    expect(tidsur()).toBe(for_);
  });
});
