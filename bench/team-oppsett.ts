import { randomUUID } from "node:crypto";
import path from "node:path";
import { DatabaseSync } from "node:sqlite";
import { slaaPaaTofaktor } from "./felles.ts";

/**
 * Shared by bench/team-modul.ts and bench/fart.ts: a barnehage of 30 staff (a styrer with
 * two-factor sign-in, a leder and 28 ansatte in three teams), plans, samlinger and practice tasks
 * inserted into the SQLite database in `mappe/data`, and some team state on the module page. Made
 * through the app's own forms where the app has them.
 */
export const SLUG = "psykososialt-barnehagemiljo";

export async function lagTeamOppsett(BASE: string, mappe: string) {
  function cookie(svar: Response): string {
    return svar.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  }

  async function post(sti: string, form: Record<string, string>, kake = ""): Promise<Response> {
    return fetch(`${BASE}${sti}`, { method: "POST", body: new URLSearchParams(form), headers: { Origin: BASE, Cookie: kake }, redirect: "manual" });
  }

  async function nyKonto(navn: string): Promise<string> {
    const svar = await post("/registrer", { navn, epost: `${randomUUID()}@example.no`, passord: "et godt langt passord" });
    if (svar.status !== 302) throw new Error(`registrering feilet: ${svar.status}`);
    return cookie(svar);
  }

  async function bliMed(styrer: string, barnehage: string, navn: string, rolle: "ansatt" | "leder"): Promise<{ kake: string; id: string }> {
    const html = await (await post(`/barnehage/${barnehage}/invitasjoner`, { intent: "opprett", rolle }, styrer)).text();
    const kode = /data-invitasjonskode="true">([A-Z0-9]{8})</.exec(html)![1]!;
    const epost = `${randomUUID()}@example.no`;
    const svar = await post(`/bli-med?kode=${kode}`, { intent: "registrer", kode, navn, epost, passord: "et godt langt passord" });
    const kake = cookie(svar);
    // Better Auth's own session endpoint is not open over HTTP (ADR 0021): the id is read from the database.
    const db = new DatabaseSync(path.join(mappe, "data", "samla.sqlite"), { readOnly: true });
    const rad = db.prepare(`select id from user where email = ?`).get(epost) as { id: string } | undefined;
    db.close();
    if (!rad) throw new Error("fant ikke den nye brukeren");
    return { kake, id: rad.id };
  }

  // A barnehage of 30 staff: a styrer, a leder and 28 ansatte in three teams of about ten.
  // A styrer must have two-factor sign-in (ADR 0013) before the barnehage's pages answer.
  const styrer = await slaaPaaTofaktor(BASE, await nyKonto("Bench Styrer"), "et godt langt passord");
  const ny = await post("/barnehage/ny", { navn: "Benchmark barnehage" }, styrer);
  const barnehage = /\/barnehage\/([^/?]+)$/.exec(ny.headers.get("location")!)![1]!;
  const leder = await bliMed(styrer, barnehage, "Bench Leder", "leder");
  const ansatte: { kake: string; id: string }[] = [];
  for (let i = 0; i < 28; i++) ansatte.push(await bliMed(styrer, barnehage, `Ansatt ${String(i + 1).padStart(2, "0")}`, "ansatt"));
  const team: string[] = [];
  for (const navn of ["Blåklokka", "Solsikka", "Kjøkkenet"]) {
    const svar = await post(`/barnehage/${barnehage}/team`, { intent: "opprett", navn }, styrer);
    team.push(/\/team\/([^/?]+)$/.exec(svar.headers.get("location")!)![1]!);
  }
  for (const [i, a] of ansatte.entries()) await post(`/barnehage/${barnehage}/team/${team[i % 3]}`, { intent: "legg-til", brukerId: a.id }, styrer);

  // Plans, two samlinger per team (one held with most there), a practice task each.
  const db = new DatabaseSync(path.join(mappe, "data", "samla.sqlite"));
  db.exec("pragma busy_timeout = 5000");
  const naa = new Date().toISOString();
  const samlinger: string[] = [];
  for (const [ti, t] of team.entries()) {
    for (const [r, modul] of ["m0", "m1", "m2", "m3"].entries()) db.prepare(`insert into team_plan values (?, ?, ?, ?)`).run(t, barnehage, modul, r + 1);
    for (const [modul, status] of [["m1", "holdt"], ["m2", "planlagt"]] as const) {
      const id = randomUUID();
      db.prepare(`insert into samling (id, organizationId, teamId, modulId, starter, varighetMinutter, status, steg, holdt, opprettetAv, opprettet, versjon) values (?, ?, ?, ?, ?, 90, ?, 0, ?, ?, ?, 1)`).run(
        id, barnehage, t, modul, status === "holdt" ? "2026-11-02T09:00:00.000Z" : "2099-01-01T09:00:00.000Z", status, status === "holdt" ? naa : null, leder.id, naa,
      );
      if (status === "holdt") {
        samlinger.push(id);
        for (const [i, a] of ansatte.entries()) if (i % 3 === ti && i % 4 !== 0) db.prepare(`insert into samling_oppmote values (?, ?, ?)`).run(id, barnehage, a.id);
        db.prepare(`insert into utproving (id, organizationId, teamId, samlingId, hva, hvem, frist, opprettetAv, opprettet) values (?, ?, ?, ?, ?, ?, ?, null, ?)`).run(randomUUID(), barnehage, t, id, "Se barnet i utkanten", "Alle", "2026-11-20", naa);
      }
    }
  }
  db.close();

  // Some team state on the page: group notes, a private reflection and shared copies.
  const [forste] = ansatte;
  const modulSide = `/barnehage/${barnehage}/team/${team[0]}/moduler/${SLUG}`;
  for (const aktivitet of ["m1-a1", "m1-a2", "m1-a3"]) {
    await post(`/barnehage/${barnehage}/samling/${samlinger[0]}/notat/${aktivitet}`, { tekst: `Gruppenotat om ${aktivitet}. `.repeat(10), versjon: "0" }, forste!.kake);
    await post(modulSide, { intent: "del-refleksjon", aktivitetId: aktivitet, tekst: `Delt refleksjon om ${aktivitet}.` }, ansatte[3]!.kake);
    await post(modulSide, { intent: "lagre-refleksjon", aktivitetId: aktivitet, tekst: `Min egen refleksjon om ${aktivitet}.` }, forste!.kake);
  }
  return { styrer, barnehage, leder, ansatte, team, samlinger, forste: forste!, modulSide };
}
