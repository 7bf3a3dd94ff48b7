import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { lagDb, migrer } from "./db.server.ts";
import { DIALEKTER, adminSporring, testMappe } from "./test-dialekter.ts";

/**
 * Vitest's global set-up: migrate ONCE per dialect into a template, before any test file runs.
 * Each test file then gets a copy (app/db/test-databaser.ts): SQLite copies the file, PGlite loads
 * a dump of the migrated data folder (skipping initdb and the migrations), and PostgreSQL makes
 * `CREATE DATABASE … TEMPLATE`. Migrating from an empty database is still what builds each template,
 * so a broken migration fails here, on every dialect, before the first test.
 */
declare module "vitest" {
  interface ProvidedContext {
    sqliteMal: string;
    pgliteMal: string;
    postgresMal: string;
  }
}

export default async function setup(project: TestProject) {
  const mappe = mkdtempSync(path.join(testMappe(), "samla-maler-"));
  const rydd: (() => Promise<void>)[] = [async () => rmSync(mappe, { recursive: true, force: true })];

  // SQLite: a migrated file, checkpointed so the copy needs no WAL file beside it.
  const sqliteFil = path.join(mappe, "mal.sqlite");
  const sqlite = lagDb({ type: "sqlite", fil: sqliteFil });
  await migrer(sqlite);
  await sqlite.destroy(); // closing the last connection checkpoints the WAL into the file
  project.provide("sqliteMal", sqliteFil);

  if (DIALEKTER.includes("pglite")) {
    const pglite = new PGlite();
    await migrer(lagDb({ type: "pglite", pglite }));
    const dump = await pglite.dumpDataDir("none");
    const fil = path.join(mappe, "pglite.tar");
    writeFileSync(fil, Buffer.from(await dump.arrayBuffer()));
    await pglite.close();
    project.provide("pgliteMal", fil);
  }

  if (DIALEKTER.includes("postgres")) {
    const url = process.env.TEST_DATABASE_URL!;
    const navn = `samla_mal_${randomBytes(5).toString("hex")}`;
    await adminSporring(url, `create database ${navn}`);
    const malUrl = new URL(url);
    malUrl.pathname = `/${navn}`;
    const db = lagDb({ type: "postgres", url: malUrl.toString() });
    await migrer(db);
    await db.destroy(); // a template must have no open connections when it is copied
    project.provide("postgresMal", navn);
    rydd.push(() => adminSporring(url, `drop database if exists ${navn} with (force)`));
  }

  return async () => {
    for (const r of rydd.reverse()) await r();
  };
}

