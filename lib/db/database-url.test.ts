import path from "node:path";
import { describe, expect, it } from "vitest";
import { describeTarget, parseDatabaseUrl } from "./database-url";

const cwd = path.resolve("/srv/cpas");

describe("parseDatabaseUrl", () => {
  it("defaults to PGlite in <cwd>/data/pglite when unset or blank", () => {
    for (const value of [undefined, "", "   "]) {
      expect(parseDatabaseUrl(value, cwd)).toEqual({ kind: "pglite", dataDir: path.join(cwd, "data", "pglite") });
    }
  });

  it("uses process.cwd() when no cwd is given", () => {
    expect(parseDatabaseUrl(undefined)).toEqual({ kind: "pglite", dataDir: path.resolve("data", "pglite") });
  });

  it("resolves pglite:PATH against cwd, and keeps absolute paths", () => {
    expect(parseDatabaseUrl("pglite:./tmp/db", cwd)).toEqual({ kind: "pglite", dataDir: path.join(cwd, "tmp", "db") });
    expect(parseDatabaseUrl("pglite:tmp/db", cwd)).toEqual({ kind: "pglite", dataDir: path.join(cwd, "tmp", "db") });
    expect(parseDatabaseUrl("pglite:/var/lib/cpas", cwd)).toEqual({ kind: "pglite", dataDir: path.resolve("/var/lib/cpas") });
  });

  it("rejects pglite: without a path", () => {
    expect(() => parseDatabaseUrl("pglite:", cwd)).toThrow(/sans chemin/);
  });

  it("parses postgresql:// and postgres:// URLs", () => {
    const url = "postgresql://app:s%40cret@db.example.org:6543/cpas_prod?sslmode=require";
    expect(parseDatabaseUrl(url)).toEqual({
      kind: "postgres",
      url,
      host: "db.example.org",
      port: 6543,
      user: "app",
      password: "s@cret",
      database: "cpas_prod",
    });
    expect(parseDatabaseUrl("postgres://postgres@127.0.0.1/cpas")).toMatchObject({
      kind: "postgres",
      host: "127.0.0.1",
      port: 5432,
      user: "postgres",
      password: undefined,
      database: "cpas",
    });
  });

  it("applies defaults for the user and unbrackets IPv6 hosts", () => {
    expect(parseDatabaseUrl("postgresql://[::1]:5433/cpas")).toMatchObject({ host: "::1", port: 5433, user: "postgres" });
  });

  it("requires a database name and a valid port", () => {
    expect(() => parseDatabaseUrl("postgresql://postgres@localhost")).toThrow(/sans nom de base/);
    expect(() => parseDatabaseUrl("postgresql://postgres@localhost/")).toThrow(/sans nom de base/);
    expect(() => parseDatabaseUrl("postgresql://postgres@localhost:0/cpas")).toThrow(/port invalide/);
  });

  it("rejects other schemes in French, without echoing credentials", () => {
    const attempt = () => parseDatabaseUrl("mysql://root:hunter2@localhost/cpas");
    expect(attempt).toThrow(/DATABASE_URL non reconnue \(schéma « mysql: »\)/);
    expect(attempt).not.toThrow(/hunter2/);
    expect(() => parseDatabaseUrl("file:./dev.db")).toThrow(/non reconnue/);
    expect(() => parseDatabaseUrl("just-some-text")).toThrow(/attendu postgresql:/);
  });

  it("does not echo a malformed URL's password", () => {
    const attempt = () => parseDatabaseUrl("postgresql://u:hunter2@bad host/db");
    expect(attempt).toThrow(/mal formée/);
    expect(attempt).not.toThrow(/hunter2/);
  });
});

describe("describeTarget", () => {
  it("never includes the password", () => {
    const text = describeTarget(parseDatabaseUrl("postgresql://app:hunter2@localhost:5432/cpas"));
    expect(text).toBe("PostgreSQL app@localhost:5432/cpas");
    expect(describeTarget({ kind: "pglite", dataDir: "/x/y" })).toBe("PGlite (/x/y)");
  });
});
