import path from "node:path";
import { test, expect } from "./fixtures.ts";
import { APP_URL } from "../../playwright.config.ts";
import { sjekkUu } from "./hjelpere.ts";
import { lesInnhold } from "../../app/domain/innhold/innhold.server.ts";

/**
 * Issue 13, point 3: every leader guide shows «Dette bør komme fram» for each diskusjon and case of
 * its module, in the leader's målform, readable on a 360 px phone (axe, no sideways scrolling).
 * The expected answers are read from the content index, so a new activity is checked too.
 */
test("lederstøtten for alle modulene viser «Dette bør komme fram» for hver diskusjon og case, på bokmål og nynorsk", async ({ verden, sideSom }) => {
  test.setTimeout(240_000);
  const innhold = await lesInnhold(path.resolve("content"));
  const bh = await verden.barnehage({ navn: "Svarbarnehagen", styrer: "Hanne Styrer" });
  const side = await sideSom("Hanne Styrer", { telefon: true });
  for (const [sp, overskrift] of [["nb", "Dette bør komme fram"], ["nn", "Dette bør kome fram"]] as const) {
    expect((await side.request.post(`${APP_URL}/maalform`, { form: { maalform: sp, til: "/" }, headers: { Origin: APP_URL }, maxRedirects: 0 })).status()).toBe(302);
    for (const m of innhold.moduler) {
      await side.goto(`/barnehage/${bh.barnehageId}/moduler/${m.slug}/lederstotte`);
      await expect(side.getByRole("heading", { level: 2, name: overskrift })).toBeVisible();
      const forventet = m.tekst[sp].aktiviteter.filter((a) => a.type === "diskusjon" || a.type === "case");
      expect(forventet.length).toBeGreaterThan(0);
      await expect(side.locator("section.svar")).toHaveCount(forventet.length);
      for (const a of forventet) {
        await expect(side.locator(`#svar-${a.id}`).getByRole("heading", { level: 3, name: a.tittel, exact: true })).toBeVisible();
      }
      const b = await side.evaluate(() => ({ innhold: document.documentElement.scrollWidth, vindu: window.innerWidth }));
      expect(b.innhold, `sidelengs rulling på ${side.url()}`).toBeLessThanOrEqual(b.vindu);
      await sjekkUu(side);
    }
  }
});
