import { describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DatabaseSync } from "node:sqlite";
import { aapneSqlite, sjekkSqliteInnstillinger, sqliteAdapter, tilSqliteParameter } from "./sqlite-adapter.server.ts";

describe("SQLite-adapteren", () => {
  it("skal gjøre om verdier node:sqlite ellers lagrer feil", () => {
    expect(tilSqliteParameter(new Date("2026-01-02T03:04:05.000Z"))).toBe("2026-01-02T03:04:05.000Z");
    expect(tilSqliteParameter(true)).toBe(1);
    expect(tilSqliteParameter(false)).toBe(0);
    expect(tilSqliteParameter(undefined)).toBeNull();
    expect(tilSqliteParameter({ a: 1 })).toBe('{"a":1}');
  });

  it("skal ta skrivelåsen når en transaksjon starter, så en annen prosess venter i stedet for å feile midt i", () => {
    const fil = path.join(mkdtempSync(path.join(tmpdir(), "samla-")), "t.sqlite");
    const a = sqliteAdapter(aapneSqlite(fil));
    a.prepare("create table t (x integer)").run([]);
    a.prepare("begin").run([]);
    // Another connection (another app process) cannot start writing while the transaction is open.
    const b = new DatabaseSync(fil);
    b.exec("PRAGMA busy_timeout = 0");
    expect(() => b.exec("begin immediate")).toThrow(/locked|busy/i);
    a.prepare("insert into t values (1)").run([]);
    a.prepare("commit").run([]);
    b.exec("begin immediate");
    b.exec("commit");
    b.close();
    a.close();
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

  it("skal gjenbruke forberedte spørringer, holde bufferen avgrenset og tåle skjemaendringer", () => {
    const db = new DatabaseSync(":memory:");
    let forberedt = 0;
    const ekte = db.prepare.bind(db);
    db.prepare = ((sql: string) => (forberedt++, ekte(sql))) as typeof db.prepare;
    const a = sqliteAdapter(db, 2);
    a.prepare("create table t (x integer)").run([]);
    for (let i = 0; i < 3; i++) a.prepare("insert into t values (?)").run([i]);
    expect(forberedt).toBe(2); // the insert is prepared once
    expect(a.prepare("select x from t order by x").all([])).toEqual([{ x: 0 }, { x: 1 }, { x: 2 }]);
    a.prepare("select count(*) as n from t").all([]); // evicts the oldest (create table)
    const for_ = forberedt;
    a.prepare("create table u (y integer)").run([]);
    expect(forberedt).toBe(for_ + 1);
    // A cached statement still works after the schema changed under it.
    a.prepare("alter table t add column z text").run([]);
    expect(a.prepare("select x from t order by x").all([])).toHaveLength(3);
    a.close();
  });

  it("skal ikke la en annen spørring nullstille en iterator som er halvveis lest", () => {
    const a = sqliteAdapter(new DatabaseSync(":memory:"));
    a.prepare("create table t (x integer)").run([]);
    for (let i = 0; i < 4; i++) a.prepare("insert into t values (?)").run([i]);
    const sql = "select x from t where x >= ? order by x";
    const it = a.prepare(sql).iterate([0]) as Iterator<{ x: number }>;
    expect(it.next().value).toEqual({ x: 0 });
    expect(a.prepare(sql).all([2])).toEqual([{ x: 2 }, { x: 3 }]);
    expect(it.next().value).toEqual({ x: 1 });
    a.close();
  });
});
