import { expect, test } from "@playwright/test";
import { fangKonsollfeil, sjekkUu, sjekkUuUtenJs } from "./hjelpere.ts";

test.describe("den offentlige pakken", () => {
  test("forsiden, pakken og en modul på bokmål, så nynorsk", async ({ page }) => {
    const feil = fangKonsollfeil(page);
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "nb");
    await expect(page.getByRole("heading", { level: 1, name: "Lær sammen i barnehagen" })).toBeVisible();
    await sjekkUu(page);

    await page.getByRole("link", { name: "Les kompetansepakken" }).click();
    await expect(page).toHaveURL(/\/pakke$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Trygt og godt barnehagemiljø");
    await expect(page.getByText(/Sist endret \d+\. \w+ \d{4}/).first()).toBeVisible();
    await sjekkUu(page);

    await page.getByRole("link", { name: "Psykososialt barnehagemiljø" }).first().click();
    await expect(page).toHaveURL(/\/moduler\/psykososialt-barnehagemiljo$/);
    await expect(page.getByRole("navigation", { name: "Innhold i modulen" })).toBeVisible();
    const video = page.locator("video").first();
    await expect(video.locator("track[kind=captions][srclang=nb]")).toHaveAttribute("default", "");
    await expect(video.locator("track[kind=captions][srclang=nn]")).toHaveCount(1);
    await expect(video.locator("track[kind=descriptions]")).toHaveCount(2);
    await expect(page.locator(".aktivitet").first()).toBeVisible();
    await sjekkUu(page);

    await page.getByRole("button", { name: "Nynorsk" }).click();
    await expect(page).toHaveURL(/\/moduler\/psykososialt-barnehagemiljo$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "nn");
    await expect(page.getByRole("navigation", { name: "Innhald i modulen" })).toBeVisible();
    await expect(page.locator("video").first().locator("track[kind=captions][srclang=nn]")).toHaveAttribute("default", "");
    await sjekkUu(page);

    await page.goto("/pakke");
    await expect(page.getByRole("heading", { level: 2, name: "Modulane" })).toBeVisible();
    await page.getByRole("button", { name: "Bokmål" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "nb");
    expect(feil).toEqual([]);
  });

  test("filmen spiller med teksting, og filmfila støtter byte-områder", async ({ page, request }) => {
    await page.goto("/moduler/introduksjon");
    const video = page.locator("video").first();
    const src = await video.locator("source").getAttribute("src");
    const vtt = await video.locator("track[kind=captions][srclang=nb]").getAttribute("src");
    const r = await request.get(src!, { headers: { Range: "bytes=0-99" } });
    expect(r.status()).toBe(206);
    expect(r.headers()["content-range"]).toMatch(/^bytes 0-99\/\d+$/);
    expect(r.headers()["cache-control"]).toContain("immutable");
    expect((await request.get(vtt!)).headers()["content-type"]).toContain("text/vtt");
    const kanSpilles = await video.evaluate(async (v: HTMLVideoElement) => {
      v.muted = true;
      // Description tracks are not shown; "hidden" makes the browser load their cues all the same.
      const syn = [...v.textTracks].filter((t) => t.kind === "descriptions");
      for (const t of syn) t.mode = "hidden";
      await v.play();
      // Playing: the time moves. On a loaded machine the first frames may take a few seconds.
      for (let i = 0; i < 50 && v.currentTime === 0; i++) await new Promise((ok) => setTimeout(ok, 100));
      const spor = [...v.textTracks].find((t) => t.mode === "showing");
      for (let i = 0; i < 30 && [spor, ...syn].some((t) => !t?.cues?.length); i++) await new Promise((ok) => setTimeout(ok, 100));
      return {
        tid: v.currentTime,
        spor: spor?.language,
        feil: v.error?.code ?? null,
        klar: v.readyState,
        varighet: v.duration,
        bredde: v.videoWidth,
        tekstlinjer: spor?.cues?.length ?? 0,
        synstolking: syn.map((t) => `${t.language}:${t.cues?.length ?? 0}`),
      };
    });
    expect(kanSpilles.feil).toBeNull();
    expect(kanSpilles.tid).toBeGreaterThan(0);
    expect(kanSpilles.spor).toBe("nb");
    // One 1280×720 video for both målformer, 45–90 s, with captions and both description tracks loaded.
    expect(kanSpilles.klar).toBeGreaterThanOrEqual(2);
    expect(kanSpilles.bredde).toBe(1280);
    expect(kanSpilles.varighet).toBeGreaterThanOrEqual(45);
    expect(kanSpilles.varighet).toBeLessThanOrEqual(90.5);
    expect(kanSpilles.tekstlinjer).toBeGreaterThan(3);
    expect(kanSpilles.synstolking).toEqual([expect.stringMatching(/^nb:[1-9]/), expect.stringMatching(/^nn:[1-9]/)]);
    // The transcript under the player has each scene's description and the lines with who speaks.
    const tekst = page.locator(".film__tekst").first();
    await tekst.locator("summary").click();
    await expect(tekst.getByText(/^Synstolking: /).first()).toBeVisible();
    await expect(tekst.locator("p strong").first()).toHaveText(/^[A-ZÆØÅ][\p{L} ]+:$/u);
    await sjekkUu(page);
  });

  test("begrepslista og lovsida", async ({ page }) => {
    await page.goto("/begreper");
    await expect(page.locator("#krenkelse")).toBeVisible();
    await sjekkUu(page);
    await page.goto("/lov");
    await expect(page.locator("#p42")).toBeVisible();
    await expect(page.getByRole("link", { name: /lovdata/i }).first()).toBeVisible();
    await sjekkUu(page);
  });

  test("lovsida: lovteksten på bokmål ved siden av forklaringen, også på nynorsk og på 360 px", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto("/lov");
    for (const nr of ["41", "42", "43"]) {
      const lov = page.locator(`#p${nr}`).locator("xpath=..").locator("figure.lovtekst");
      await expect(lov.locator("blockquote[lang=nb]")).toContainText(`§ ${nr}.`);
      await expect(lov.getByRole("link", { name: `Les § ${nr} på Lovdata` })).toHaveAttribute("href", "https://lovdata.no/lov/2005-06-17-64/KAPITTEL_8");
    }
    const p41 = page.locator("#p41-1");
    await expect(p41).toContainText("Alle som arbeider i barnehagen, skal gripe inn når et barn i barnehagen utsettes for slike krenkelser.");
    // Two columns on a wide screen: the statute sits to the left of the explanation.
    const [lovboks, forklaring] = await Promise.all([page.locator("figure.lovtekst").first().boundingBox(), page.locator(".lov-forklaring").first().boundingBox()]);
    expect(lovboks!.x + lovboks!.width).toBeLessThanOrEqual(forklaring!.x);
    await expect(page.getByText(/Resten av paragrafen har vi ikke lagt inn/)).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Om lovteksten på denne siden" })).toBeVisible();
    await sjekkUu(page);

    await page.getByRole("button", { name: "Nynorsk" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "nn");
    await expect(page.locator("#p41-1")).toContainText("skal gripe inn når et barn i barnehagen utsettes for slike krenkelser");
    await expect(page.locator("#p41-1").locator("xpath=ancestor::blockquote")).toHaveAttribute("lang", "nb");
    await expect(page.getByText("Barnehagelova § 41, ordrett på bokmål")).toBeVisible();
    await sjekkUu(page);

    await page.setViewportSize({ width: 360, height: 800 });
    const bredde = await page.evaluate(() => ({ innhold: document.documentElement.scrollWidth, vindu: window.innerWidth }));
    expect(bredde.innhold).toBeLessThanOrEqual(bredde.vindu);
    const [smalLov, smalForklaring] = await Promise.all([page.locator("figure.lovtekst").first().boundingBox(), page.locator(".lov-forklaring").first().boundingBox()]);
    expect(smalLov!.y + smalLov!.height).toBeLessThanOrEqual(smalForklaring!.y);
    await page.getByRole("button", { name: "Bokmål" }).click();
  });

  test("ukjent adresse gir en vennlig 404-side på norsk", async ({ page }) => {
    const svar = await page.goto("/finnes/ikke");
    expect(svar?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Vi fant ikke siden" })).toBeVisible();
    await sjekkUu(page);
    const modul = await page.goto("/moduler/finnes-ikke");
    expect(modul?.status()).toBe(404);
  });

  test("sikkerhetshoder på hver respons, og CSP med ny nonce hver gang", async ({ request }) => {
    const a = await request.get("/pakke");
    const b = await request.get("/pakke");
    for (const r of [a, b]) {
      expect(r.headers()["x-content-type-options"]).toBe("nosniff");
      expect(r.headers()["x-frame-options"]).toBe("DENY");
      expect(r.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
      expect(r.headers()["content-security-policy"]).not.toContain("'unsafe-inline' 'nonce");
    }
    const nonce = (r: typeof a) => /nonce-([^']+)/.exec(r.headers()["content-security-policy"]!)![1];
    expect(nonce(a)).not.toBe(nonce(b));
    const reg = await request.get("/registrer");
    const html = await reg.text();
    const n = nonce(reg);
    expect(html).toContain(`nonce="${n}"`);
    expect((await request.get("/favicon.ico")).status()).toBe(200);
  });

  test("helsesjekken svarer når databasen svarer", async ({ request }) => {
    const r = await request.get("/helse");
    expect(r.status()).toBe(200);
    expect(await r.json()).toMatchObject({ status: "ok", database: "ok" });
  });

  test("skjemaposter fra et annet nettsted avvises", async ({ request }) => {
    const r = await request.post("/maalform", { form: { maalform: "nn" }, headers: { Origin: "https://ond.example" } });
    expect(r.status()).toBe(403);
  });
});

test("søk i pakken viser modul og seksjon, på lesarens målform, uten JavaScript", async ({ browser }) => {
  const ctx = await browser.newContext({ javaScriptEnabled: true });
  const page = await ctx.newPage();
  await page.goto("/sok");
  await sjekkUu(page);
  await page.getByLabel("Hva leter du etter?").fill("nulltoleranse");
  await page.getByRole("button", { name: "Søk", exact: true }).click();
  await expect(page).toHaveURL(/\/sok\?q=nulltoleranse$/);
  await expect(page.getByRole("heading", { level: 2, name: /\d+ treff på «nulltoleranse»/ })).toBeVisible();
  await expect(page.getByText(/^Modul \d: /).first()).toBeVisible();
  await sjekkUu(page);
  await page.getByRole("button", { name: "Nynorsk" }).click();
  await page.goto("/sok?q=krenkingar");
  await expect(page.getByRole("heading", { level: 2, name: /treff på «krenkingar»/ })).toBeVisible();
  await page.goto("/sok?q=zzzqqq");
  await expect(page.getByRole("heading", { level: 2, name: "Ingen treff på «zzzqqq». Prøv eit anna eller eit kortare ord." })).toBeVisible();
  await ctx.close();
});

for (const maalform of ["Bokmål", "Nynorsk"]) {
  test(`alle modulene på ${maalform.toLowerCase()}: axe, film med teksting, og ingen sidelengs rulling på 360 px`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto("/pakke");
    await page.getByRole("button", { name: maalform }).click();
    const lenker = await page.locator(".modulliste a").evaluateAll((a) => a.map((x) => (x as HTMLAnchorElement).pathname));
    expect(lenker).toHaveLength(8);
    for (const sti of lenker) {
      await page.goto(sti);
      await expect(page.locator("html")).toHaveAttribute("lang", maalform === "Bokmål" ? "nb" : "nn");
      const video = page.locator("video").first();
      await expect(video.locator("track[kind=captions]")).toHaveCount(2);
      await expect(video.locator("track[kind=descriptions]")).toHaveCount(2);
      await expect(page.locator(".aktivitet").first()).toBeVisible();
      const bredde = await page.evaluate(() => ({ innhold: document.documentElement.scrollWidth, vindu: window.innerWidth }));
      expect(bredde.innhold, `sidelengs rulling på ${sti}`).toBeLessThanOrEqual(bredde.vindu);
      await sjekkUu(page);
    }
  });
}

// Issue 15, point 3: on a phone the header is one row (it took 222 of 740 px), the menu behind one
// button that works without JavaScript (a <details>); the målform buttons stay in sight.
for (const js of [true, false]) {
  test(`på telefon er toppen én rad med menyen bak én knapp (${js ? "med" : "uten"} JavaScript)`, async ({ browser, baseURL }) => {
    const kontekst = await browser.newContext({ baseURL, viewport: { width: 360, height: 740 }, isMobile: true, javaScriptEnabled: js });
    const page = await kontekst.newPage();
    await page.goto("/pakke");
    const hode = await page.getByRole("banner").boundingBox();
    expect(hode!.height).toBeLessThanOrEqual(80);
    await expect(page.getByRole("button", { name: "Nynorsk" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Begrepsliste" })).toBeHidden();
    await page.getByText("Meny", { exact: true }).click();
    await expect(page.getByRole("link", { name: "Begrepsliste" })).toBeVisible();
    if (js) await sjekkUu(page);
    else await sjekkUuUtenJs(page, browser);
    await page.getByRole("link", { name: "Begrepsliste" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Begrepsliste" })).toBeVisible();
    // On a wide screen the menu is in the header itself, once.
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect(page.getByRole("link", { name: "Begrepsliste" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Hovedmeny" })).toHaveCount(1);
    await expect(page.getByText("Meny", { exact: true })).toBeHidden();
    await kontekst.close();
  });
}
