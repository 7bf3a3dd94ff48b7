import { randomUUID } from "node:crypto";
import path from "node:path";
import { DatabaseSync } from "node:sqlite";
import pg from "pg";

/**
 * Seeds rows the samling feature owns (its pages are built on another branch): the team's plan,
 * samlinger with attendance, and practice tasks. Opens the app's own database: the SQLite file in
 * the run's data folder (playwright.config.ts), or E2E_DATABASE_URL on PostgreSQL.
 */
type Verdi = string | number | null;

async function kjor(sql: string, verdier: Verdi[]) {
  const url = process.env.E2E_DATABASE_URL;
  if (url) {
    const klient = new pg.Client({ connectionString: url });
    await klient.connect();
    try {
      let i = 0;
      await klient.query(sql.replace(/\?/g, () => `$${++i}`), verdier);
    } finally {
      await klient.end();
    }
    return;
  }
  const db = new DatabaseSync(path.join(process.env.SAMLA_E2E_DATA_DIR!, "samla.sqlite"));
  try {
    db.exec("pragma busy_timeout = 5000");
    db.prepare(sql).run(...verdier);
  } finally {
    db.close();
  }
}

export async function saaPlan(barnehageId: string, teamId: string, moduler: string[]) {
  for (const [i, modulId] of moduler.entries()) {
    await kjor(`insert into team_plan ("teamId", "organizationId", "modulId", rekkefolge) values (?, ?, ?, ?)`, [teamId, barnehageId, modulId, i + 1]);
  }
}

export async function saaSamling(s: { barnehageId: string; teamId: string; modulId: string; status: "planlagt" | "holdt"; starter: string; av: string; oppmote?: string[] }): Promise<string> {
  const id = randomUUID();
  await kjor(
    `insert into samling (id, "organizationId", "teamId", "modulId", starter, "varighetMinutter", status, steg, holdt, "opprettetAv", opprettet, versjon) values (?, ?, ?, ?, ?, 90, ?, 0, ?, ?, ?, 1)`,
    [id, s.barnehageId, s.teamId, s.modulId, s.starter, s.status, s.status === "holdt" ? s.starter : null, s.av, s.starter],
  );
  for (const userId of s.oppmote ?? []) {
    await kjor(`insert into samling_oppmote ("samlingId", "organizationId", "userId") values (?, ?, ?)`, [id, s.barnehageId, userId]);
  }
  return id;
}

export async function saaUtproving(u: { barnehageId: string; teamId: string; samlingId: string; hva: string; hvem: string; frist: string }): Promise<string> {
  const id = randomUUID();
  await kjor(`insert into utproving (id, "organizationId", "teamId", "samlingId", hva, hvem, frist, "opprettetAv", opprettet) values (?, ?, ?, ?, ?, ?, ?, null, ?)`, [
    id,
    u.barnehageId,
    u.teamId,
    u.samlingId,
    u.hva,
    u.hvem,
    u.frist,
    new Date().toISOString(),
  ]);
  return id;
}

/** One group's own note at a samling (group 1..n; ADR 0027), as the grouping page would leave it. */
export async function saaGruppenotat(n: { barnehageId: string; samlingId: string; aktivitetId: string; gruppe: number; tekst: string; av: string }) {
  await kjor(
    `insert into gruppenotat (id, "organizationId", "samlingId", "aktivitetId", gruppe, tekst, versjon, "oppdatertAv", oppdatert) values (?, ?, ?, ?, ?, ?, 1, ?, ?)`,
    [randomUUID(), n.barnehageId, n.samlingId, n.aktivitetId, n.gruppe, n.tekst, n.av, "2026-11-02T10:00:00.000Z"],
  );
}
