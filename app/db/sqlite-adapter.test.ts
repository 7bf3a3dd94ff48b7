import { describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DatabaseSync } from "node:sqlite";
import { aapneSqlite, sjekkSqliteInnstillinger, tilSqliteParameter } from "./sqlite-adapter.server.ts";

describe("SQLite-adapteren", () => {
  it("skal gjøre om verdier node:sqlite ellers lagrer feil", () => {
    expect(tilSqliteParameter(new Date("2026-01-02T03:04:05.000Z"))).toBe("2026-01-02T03:04:05.000Z");
    expect(tilSqliteParameter(true)).toBe(1);
    expect(tilSqliteParameter(false)).toBe(0);
    expect(tilSqliteParameter(undefined)).toBeNull();
    expect(tilSqliteParameter({ a: 1 })).toBe('{"a":1}');
  });

  it("skal åpne databasen i WAL-modus med synchronous=FULL", () => {
    const fil = path.join(mkdtempSync(path.join(tmpdir(), "samla-")), "a.sqlite");
    const db = aapneSqlite(fil);
    expect((db.prepare("PRAGMA journal_mode").get() as { journal_mode: string }).journal_mode).toBe("wal");
    expect((db.prepare("PRAGMA synchronous").get() as { synchronous: number }).synchronous).toBe(2);
    db.close();
  });

  it("skal nekte å starte uten WAL eller uten synchronous=FULL", () => {
    const fil = path.join(mkdtempSync(path.join(tmpdir(), "samla-")), "b.sqlite");
    const db = new DatabaseSync(fil);
    db.exec("PRAGMA journal_mode = DELETE");
    db.exec("PRAGMA synchronous = FULL");
    expect(() => sjekkSqliteInnstillinger(db, fil)).toThrow(/WAL/);
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA synchronous = NORMAL");
    expect(() => sjekkSqliteInnstillinger(db, fil)).toThrow(/synchronous=FULL/);
    db.close();
  });
});
