import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isTesseraError, type Unit } from "@tessera/core";
import BetterSqlite3 from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSqliteConnection } from "./sqlite-connection";
import { createSqliteStorage } from "./sqlite-storage";
import { openWorkerConnection } from "./testing/worker-connection";

const organization = {
  id: "org_01JQ0000000000000000000000",
  name: "Estúdio",
  createdAt: "2026-03-01T12:00:00.000Z",
} as const;

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), "tessera-sqlite-unit-"));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

const tables = (filename: string) => {
  const raw = new BetterSqlite3(filename, { readonly: true });
  try {
    return (
      raw.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]
    ).map((t) => t.name);
  } finally {
    raw.close();
  }
};

describe("openSqliteConnection", () => {
  it("sets WAL, foreign keys, a 5 s busy timeout and synchronous NORMAL on a file", () => {
    const connection = openSqliteConnection(join(directory, "pragmas.db"));
    try {
      expect(connection.pragma("journal_mode", { simple: true })).toBe("wal");
      expect(connection.pragma("foreign_keys", { simple: true })).toBe(1);
      expect(connection.pragma("busy_timeout", { simple: true })).toBe(5000);
      // 1 = NORMAL (0 OFF, 2 FULL, 3 EXTRA).
      expect(connection.pragma("synchronous", { simple: true })).toBe(1);
    } finally {
      connection.close();
    }
  });

  it("keeps an in-memory database out of WAL, which memory cannot use, with the other pragmas set", () => {
    const connection = openSqliteConnection(":memory:");
    try {
      expect(connection.pragma("journal_mode", { simple: true })).toBe("memory");
      expect(connection.pragma("foreign_keys", { simple: true })).toBe(1);
    } finally {
      connection.close();
    }
  });
});

describe("createSqliteStorage", () => {
  it("creates the file's missing directories and migrates on open", async () => {
    const filename = join(directory, "a", "b", "tessera.db");
    const storage = await createSqliteStorage({ filename });
    await storage.close();
    expect(existsSync(filename)).toBe(true);
    expect(tables(filename)).toEqual(
      expect.arrayContaining(["organizations", "installments", "outbox", "tessera_migration"]),
    );
  });

  it("opens the same file again, migrating on start twice, and keeps its data", async () => {
    const filename = join(directory, "tessera.db");
    const first = await createSqliteStorage({ filename });
    await first.organizations.insert(organization);
    await first.close();
    const second = await createSqliteStorage({ filename });
    expect(await second.organizations.findById(organization.id)).toEqual(organization);
    expect(second.dialect).toBe("sqlite");
    await second.close();
  });

  it("leaves the schema alone with migrate: false until migrate() is called", async () => {
    const filename = join(directory, "tessera.db");
    const storage = await createSqliteStorage({ filename, migrate: false });
    expect(tables(filename)).not.toContain("organizations");
    await storage.migrate();
    expect(tables(filename)).toContain("organizations");
    await storage.close();
  });

  it("defaults to an in-memory database", async () => {
    const storage = await createSqliteStorage();
    await storage.organizations.insert(organization);
    expect(await storage.organizations.findById(organization.id)).toEqual(organization);
    await storage.close();
  });

  it("enforces foreign keys on its own connection", async () => {
    const storage = await createSqliteStorage();
    const orphan: Unit = {
      id: "unit_01JQ0000000000000000000000",
      organizationId: "org_01JQ9999999999999999999999",
      name: "Órfã",
      slug: "orfa",
      timeZone: "America/Sao_Paulo",
      currency: "BRL",
      locale: "pt-BR",
      notificationEmails: [],
      clientFeeBasisPoints: 0,
      paymentMethods: [],
      checkoutFields: [],
      dunningRetryDays: [1, 3, 7],
      renewalTerms: "plan",
      reminderDays: { before: 3, after: 3 },
      createdAt: organization.createdAt,
      updatedAt: organization.createdAt,
    };
    await expect(storage.units.insert(orphan)).rejects.toMatchObject({
      code: "SQLITE_CONSTRAINT_FOREIGNKEY",
    });
    await storage.close();
  });

  it("refuses the storage's own repositories inside its transaction instead of waiting on its one connection forever", async () => {
    const storage = await createSqliteStorage();
    const error = await storage
      .transaction(async (tx) => {
        await tx.organizations.insert(organization);
        await storage.organizations.findById(organization.id);
      })
      .catch((reason: unknown) => reason);
    expect(isTesseraError(error, "transaction_nesting")).toBe(true);
    expect(await storage.organizations.findById(organization.id)).toBeNull();
    await storage.close();
  });

  it("migrates one fresh file from two threads at once without either failing", async () => {
    const filename = join(directory, "race.db");
    const [here, there] = await Promise.all([
      createSqliteStorage({ filename }),
      openWorkerConnection(filename, { migrate: true }),
    ]);
    await there.organizations.insert(organization);
    expect(await here.organizations.findById(organization.id)).toEqual(organization);
    await there.close();
    await here.close();
  });
});
