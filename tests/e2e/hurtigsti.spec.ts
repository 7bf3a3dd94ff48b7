import { expect, test } from "./fixtures.ts";
import { saaGruppenotat, saaSamling } from "./notater-saa.ts";
import { fangKonsollfeil, sjekkUu } from "./hjelpere.ts";
import { aapneAppDb } from "./kanari/db.ts";

/**
 * The fast path for the team module page (ADR 0033, issue 16): the likhetstest. For the same
 * state, the page the fast path sends is byte for byte the page React Router rendered (the first
 * request for a state goes through React Router, the next is the fast path's), in bokmål and
 * nynorsk, without team state and with reflections, a shared reflection and group notes. A change
 * of state is never answered from the fast path's pages, and everyone React Router refuses is
 * refused the same way. With HURTIGSTI=av nothing is answered by it (the same spec then checks
 * React Router alone).
 */
const MODUL = "psykososialt-barnehagemiljo";
const AV = process.env.HURTIGSTI === "av";

type Svar = { status: number; hurtig: boolean; html: string; hoder: Headers };

/**
 * Fetching a page as someone, and the comparison of React Router's answer with the fast path's: the
 * first request for a state goes through React Router, the second must be the fast path's with the
 * same HTML and headers (each answer has its own nonce, which must be the header's in every place
 * in the page; then it is left out).
 */
function sammenligning(url: string, side: string) {
  const hent = async (cookie: string, sti = side): Promise<Svar> => {
    const r = await fetch(url + sti, { headers: { cookie }, redirect: "manual" });
    return { status: r.status, hurtig: r.headers.get("x-samla-hurtigsti") === "1", html: await r.text(), hoder: r.headers };
  };
  const utenNonce = (csp: string | null) => (csp ?? "").replace(/'nonce-[^']+'/g, "'nonce'");
  const normalisert = (s: Svar) => {
    const nonce = /'nonce-([^']+)'/.exec(s.hoder.get("content-security-policy") ?? "")?.[1];
    expect(nonce).toBeTruthy();
    const iSida = [...s.html.matchAll(/nonce="([^"]*)"/g)].map((m) => m[1]);
    expect(iSida.length).toBeGreaterThan(0);
    for (const n of iSida) expect(n, "sidas nonce er svarets").toBe(nonce);
    return s.html.replaceAll(nonce!, "{nonce}");
  };
  async function likt(cookie: string, hva: string): Promise<string> {
    const rr = await hent(cookie);
    expect(rr.status, hva).toBe(200);
    expect(rr.hurtig, `${hva}: en ny tilstand går alltid gjennom React Router`).toBe(false);
    const hs = await hent(cookie);
    expect(hs.status, hva).toBe(200);
    expect(hs.hurtig, hva).toBe(!AV);
    expect(normalisert(hs), `${hva}: samme HTML`).toBe(normalisert(rr));
    for (const h of ["content-type", "cache-control", "x-content-type-options", "referrer-policy", "x-frame-options"]) expect(hs.hoder.get(h), `${hva}: ${h}`).toBe(rr.hoder.get(h));
    expect(utenNonce(hs.hoder.get("content-security-policy")), hva).toBe(utenNonce(rr.hoder.get("content-security-policy")));
    expect(hs.hoder.get("set-cookie"), hva).toBeNull();
    return rr.html;
  }
  return { hent, likt };
}

test("hurtigstien gir samme side som React Router for samme tilstand, i begge målformer, og aldri en gammel", async ({ verden, baseURL }) => {
  test.setTimeout(120_000);
  const url = baseURL!;
  const bh = await verden.barnehage({
    navn: "Hurtigbakken barnehage",
    styrer: "Siri Styrer",
    ledere: ["Lise Leder"],
    ansatte: ["Anne Ansatt", "Berit Berg", "Cato Utenfor"],
    team: [{ navn: "Blåklokka", medlemmer: ["Anne Ansatt", "Berit Berg"] }],
  });
  const a = bh.barnehageId;
  const team = bh.team["Blåklokka"]!;
  const side = `/barnehage/${a}/team/${team}/moduler/${MODUL}`;
  const anne = await verden.cookie("Anne Ansatt");
  const berit = await verden.cookie("Berit Berg");

  const { hent, likt } = sammenligning(url, side);
  const post = (cookie: string, sti: string, form: Record<string, string>) =>
    fetch(url + sti, { method: "POST", headers: { cookie, origin: url, "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(form), redirect: "manual" });

  // Without team state (the first visit also records the team's edition).
  const tom = await likt(anne, "bokmål uten tilstand");
  expect(tom).toContain('lang="nb"');
  const nn = await likt(`${anne}; maalform=nn`, "nynorsk uten tilstand");
  expect(nn).toContain('lang="nn"');
  expect(nn).not.toBe(tom);

  // Anne's private reflection: the next request is React Router's, with the new text.
  const PRIVAT = "Anne-privat-hurtig-7f3a: garderoben <b>om morgenen</b> & «roen»";
  expect((await post(anne, side, { intent: "lagre-refleksjon", aktivitetId: "m1-a1", tekst: PRIVAT })).status).toBe(302);
  const medRefleksjon = await likt(anne, "bokmål med privat refleksjon");
  expect(medRefleksjon).toContain("garderoben &lt;b&gt;om morgenen&lt;/b&gt; &amp; «roen»");
  // Berit never sees it, on either path.
  const beritSide = await likt(berit, "Berits side");
  expect(beritSide).not.toContain("Anne-privat-hurtig-7f3a");

  // Berit shares one; a held samling with a group note for the whole team and one group's note.
  const DELT = "Berit-delt-hurtig-2c9d: vi hilser ved døra";
  expect((await post(berit, side, { intent: "del-refleksjon", aktivitetId: "m1-a1", tekst: DELT })).status).toBe(302);
  const samling = await saaSamling({ barnehageId: a, teamId: team, modulId: "m1", status: "holdt", starter: "2026-11-02T09:00:00.000Z", av: bh.personer["Lise Leder"]!.id });
  const NOTAT = "Teamnotat-hurtig-5e1b: vi så på overgangene";
  const notat = await post(anne, `/barnehage/${a}/samling/${samling}/notat/m1-a1`, { versjon: "0", til: `${side}#m1-a1`, tekst: NOTAT });
  expect(notat.status).toBe(302);
  const GRUPPE = "Gruppe-2-hurtig-8a0c: leken i sandkassa";
  await saaGruppenotat({ barnehageId: a, samlingId: samling, aktivitetId: "m1-a1", gruppe: 2, tekst: GRUPPE, av: bh.personer["Anne Ansatt"]!.id });
  const full = await likt(anne, "bokmål med refleksjon, delt refleksjon og gruppenotater");
  for (const tekst of ["Anne-privat-hurtig-7f3a", DELT, NOTAT, GRUPPE]) expect(full).toContain(tekst);
  const fullNn = await likt(`${anne}; maalform=nn`, "nynorsk med teamtilstand");
  for (const tekst of ["Anne-privat-hurtig-7f3a", DELT, NOTAT, GRUPPE]) expect(fullNn).toContain(tekst);

  // A shared reflection deleted: gone at once (the state changed, so React Router answers).
  const delt = /name="id" value="([^"]+)"/.exec((await hent(berit)).html)![1]!;
  expect((await post(berit, side, { intent: "slett-delt", id: delt, aktivitetId: "m1-a1" })).status).toBe(302);
  expect((await hent(anne)).html).not.toContain(DELT);

  // Whoever React Router refuses, the fast path refuses the same way: someone outside the team
  // (404), the leder of the barnehage outside the team, a stranger, no session, a query string.
  const cato = await verden.cookie("Cato Utenfor");
  const utenfor = await hent(cato);
  expect(utenfor.hurtig).toBe(false);
  expect(utenfor.status).toBe(404);
  expect((await hent("samla.session_token=ugyldig.ugyldig")).status).toBe(302);
  expect((await hent("")).status).toBe(302);
  const medSporsmal = await hent(anne, `${side}?lagret=refleksjon-m1-a1`);
  expect(medSporsmal.hurtig).toBe(false);
  expect(medSporsmal.status).toBe(200);
  // Taken out of the team, and out of the barnehage: refused at once, though the page was kept.
  const styrer = await verden.cookie("Siri Styrer");
  await hent(berit);
  expect((await hent(berit)).hurtig).toBe(!AV);
  expect((await post(styrer, `/barnehage/${a}/team/${team}`, { intent: "fjern", brukerId: bh.personer["Berit Berg"]!.id })).status).toBe(302);
  const utAvTeamet = await hent(berit);
  expect(utAvTeamet.hurtig).toBe(false);
  expect(utAvTeamet.status).toBe(404);
  const lise = await verden.cookie("Lise Leder");
  await likt(lise, "lederen utenfor teamet ser teamets arbeid");
  expect((await post(styrer, `/barnehage/${a}?index`, { intent: "fjern", brukerId: bh.personer["Lise Leder"]!.id })).status).toBe(302);
  const utAvBarnehagen = await hent(lise);
  expect(utAvBarnehagen.hurtig).toBe(false);
  expect(utAvBarnehagen.status).toBe(404);

  // A signed-out session: the page it had is never sent again.
  expect((await post(anne, "/logg-ut", {})).status).toBeLessThan(400);
  const utlogget = await hent(anne);
  expect(utlogget.hurtig).toBe(false);
  expect(utlogget.status).toBe(302);
});

test("sida fra hurtigstien virker i nettleseren: stilarket lastes med svarets nonce, ingen CSP-feil, 0 axe-brudd", async ({ verden, sideSom }) => {
  const bh = await verden.barnehage({ navn: "Nonceby barnehage", styrer: "Siri Styrer", ansatte: ["Anne Ansatt"], team: [{ navn: "Blåklokka", medlemmer: ["Anne Ansatt"] }] });
  const side = `/barnehage/${bh.barnehageId}/team/${bh.team["Blåklokka"]!}/moduler/${MODUL}`;
  const page = await sideSom("Anne Ansatt", { viewport: { width: 360, height: 740 } });
  const feil = fangKonsollfeil(page);
  await page.goto(side);
  const svar = await page.goto(side);
  expect(svar!.headers()["x-samla-hurtigsti"]).toBe(AV ? undefined : "1");
  await expect(page.getByRole("heading", { level: 1, name: "Psykososialt barnehagemiljø" })).toBeVisible();
  // The design system's stylesheet applied (it was blocked if the page's nonce were not the header's).
  expect(await page.evaluate(() => document.styleSheets.length)).toBeGreaterThan(0);
  expect(await page.locator("header.sidehode").evaluate((e) => getComputedStyle(e).display)).not.toBe("inline");
  await sjekkUu(page);
  expect(feil).toEqual([]);
});

/**
 * /start on the fast path (issue 16): a page with scripts, so the loader data is in the HTML too
 * (React Router's stream), and every inline script carries the answer's nonce. The same state gives
 * the same page; a new samling, a new barnehage or another målform is a new state for React Router.
 */
test("/start: hurtigstien gir samme side som React Router, også med skriptene, og aldri en gammel", async ({ verden, baseURL }) => {
  test.setTimeout(120_000);
  const url = baseURL!;
  const bh = await verden.barnehage({
    navn: "Startbakken barnehage",
    styrer: "Siri Styrer",
    ledere: ["Lise Leder"],
    ansatte: ["Anne Ansatt"],
    team: [{ navn: "Blåklokka", medlemmer: ["Anne Ansatt", "Lise Leder"] }],
  });
  const anne = await verden.cookie("Anne Ansatt");
  const { hent, likt } = sammenligning(url, "/start");

  const tom = await likt(anne, "bokmål, ingen samling");
  expect(tom).toContain("Startbakken barnehage");
  // React Router's inline scripts carry the nonce too (the comparison checks each one is the answer's).
  expect(tom.match(/<script nonce="/g)?.length ?? 0).toBeGreaterThan(1);
  const nn = await likt(`${anne}; maalform=nn`, "nynorsk");
  expect(nn).toContain('lang="nn"');

  // A samling is planned: Anne's next step changes, so the next answer is React Router's.
  const samling = await saaSamling({ barnehageId: bh.barnehageId, teamId: bh.team["Blåklokka"]!, modulId: "m1", status: "planlagt", starter: "2031-03-04T09:00:00.000Z", av: bh.personer["Lise Leder"]!.id });
  expect(samling).toBeTruthy();
  const medSamling = await likt(anne, "bokmål med neste samling");
  expect(medSamling).not.toBe(tom);
  expect(medSamling).toContain("2031");
  expect(tom).not.toContain("2031");

  // Another person never gets Anne's page; the leader's own state is rendered for her.
  const lise = await verden.cookie("Lise Leder");
  const liseSide = await likt(lise, "lederen");
  expect(liseSide).not.toContain("Anne Ansatt");
  expect(liseSide).toContain("Lise Leder");

  // Refusals as React Router: no session, an invalid one, a query string, a signed-out session.
  expect((await hent("")).status).toBe(302);
  expect((await hent("samla.session_token=ugyldig.ugyldig")).status).toBe(302);
  const medSporsmal = await hent(anne, "/start?x=1");
  expect(medSporsmal.hurtig).toBe(false);
  expect(medSporsmal.status).toBe(200);
  expect((await fetch(url + "/logg-ut", { method: "POST", headers: { cookie: anne, origin: url }, redirect: "manual" })).status).toBeLessThan(400);
  const utlogget = await hent(anne);
  expect(utlogget.hurtig).toBe(false);
  expect(utlogget.status).toBe(302);
});

test("/start fra hurtigstien hydreres i nettleseren: skriptene kjører med svarets nonce, ingen konsollfeil, 0 axe-brudd", async ({ verden, sideSom }) => {
  await verden.barnehage({ navn: "Hydrerbakken barnehage", styrer: "Siri Styrer", ansatte: ["Anne Ansatt"], team: [{ navn: "Blåklokka", medlemmer: ["Anne Ansatt"] }] });
  const page = await sideSom("Anne Ansatt", { viewport: { width: 360, height: 740 } });
  const feil = fangKonsollfeil(page);
  await page.goto("/start");
  const svar = await page.goto("/start");
  expect(svar!.headers()["x-samla-hurtigsti"]).toBe(AV ? undefined : "1");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Anne Ansatt");
  // Hydrated: a link is followed by the client router (no new document), which only works when
  // the inline scripts ran with the answer's nonce and React took over the HTML without a mismatch.
  await page.evaluate(() => ((window as unknown as { fraForrigeDokument: boolean }).fraForrigeDokument = true));
  await page.getByRole("link", { name: "Hydrerbakken barnehage" }).click();
  await expect(page).toHaveURL(/\/barnehage\/[^/]+$/);
  expect(await page.evaluate(() => (window as unknown as { fraForrigeDokument?: boolean }).fraForrigeDokument)).toBe(true);
  await page.goBack();
  await sjekkUu(page);
  expect(feil).toEqual([]);
});

/**
 * The sliding renewal (Better Auth moves expiresAt 14 days ahead at most once a day): the fast path
 * never renews, so a session due for it goes to React Router, which renews it in the database and
 * sends the renewed cookie with the page (before, the cookie was never sent again, so the browser
 * dropped it 14 days after sign-in however much the person used Samla). The next answer is the
 * fast path's again, without a cookie.
 */
test("en økt som skal fornyes, fornyes av React Router med ny cookie; hurtigstien svarer igjen etterpå", async ({ verden, baseURL }) => {
  const url = baseURL!;
  const bh = await verden.barnehage({ navn: "Fornybakken barnehage", styrer: "Siri Styrer", ansatte: ["Anne Ansatt"], team: [{ navn: "Blåklokka", medlemmer: ["Anne Ansatt"] }] });
  const side = `/barnehage/${bh.barnehageId}/team/${bh.team["Blåklokka"]!}/moduler/${MODUL}`;
  const anne = await verden.cookie("Anne Ansatt");
  const { hent } = sammenligning(url, side);
  for (const sti of [side, "/start"]) {
    await hent(anne, sti);
    expect((await hent(anne, sti)).hurtig, sti).toBe(!AV);
  }
  const token = decodeURIComponent(/samla\.session_token=([^;]+)/.exec(anne)![1]!).split(".")[0]!;
  const db = aapneAppDb();
  try {
    // Last renewed 25 hours ago (expiresIn 14 days, updateAge 1 day).
    const forfall = new Date(Date.now() + 14 * 24 * 3600_000 - 25 * 3600_000);
    const erSqlite = !process.env.E2E_DATABASE_URL;
    // Either page: the first request renews, with a new cookie for the session's full lifetime.
    for (const sti of [side, "/start"]) {
      await db.updateTable("session").set({ expiresAt: (erSqlite ? forfall.toISOString() : forfall) as never }).where("token", "=", token).execute();
      const fornyet = await hent(anne, sti);
      expect(fornyet.status, sti).toBe(200);
      expect(fornyet.hurtig, `${sti}: fornyelsen går gjennom React Router`).toBe(false);
      expect(fornyet.hoder.getSetCookie().find((c) => c.startsWith("samla.session_token=")), `${sti}: fornyet cookie`).toMatch(/Max-Age=1209600/i);
      const rad = await db.selectFrom("session").select("expiresAt").where("token", "=", token).executeTakeFirstOrThrow();
      expect(new Date(rad.expiresAt as string | Date).getTime()).toBeGreaterThan(forfall.getTime() + 3600_000);
      const igjen = await hent(anne, sti);
      expect(igjen.hurtig, `${sti}: etter fornyelsen`).toBe(!AV);
      expect(igjen.hoder.get("set-cookie")).toBeNull();
    }
  } finally {
    await db.destroy();
  }
});
