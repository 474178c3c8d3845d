import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ActivationCode, type Customer, createTessera, type Storage, type Tessera } from "@tessera/core";
import { createSqliteStorage } from "@tessera/storage-sqlite";
import { type ComposeOverrides, composeServer } from "../composition/compose-server";
import type { ServerConfig } from "../config/server-config";
import { seedDemo } from "../demo/demo-seed";
import { createLogger, type Logger } from "../logging/logger";
import { createApp } from "./create-app";

/** A configuration for tests: a temp data directory, nothing on disk is read. */
export function testConfig(dataDir: string, overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    port: 0,
    host: "127.0.0.1",
    dataDir,
    database: { kind: "sqlite", filename: join(dataDir, "tessera.db") },
    logLevel: "info",
    defaultLocale: "pt-BR",
    publicUrl: null,
    demo: true,
    sandboxAutoPayMs: null,
    schedulerIntervalMs: null,
    clientCertificateHeader: null,
    webhookTls: null,
    mail: { kind: "mailbox", directory: join(dataDir, "mailbox"), from: "Tessera <no-reply@localhost>" },
    homeUnits: [],
    credentialsKey: null,
    previousCredentialsKeys: [],
    configFile: null,
    ...overrides,
  };
}

/** A logger that keeps its lines in memory, for asserting on them (and keeping tests quiet). */
export function memoryLogger(): {
  logger: Logger;
  records: () => Record<string, unknown>[];
  lines: string[];
} {
  const lines: string[] = [];
  const logger = createLogger({ level: "debug", write: (line) => lines.push(line) });
  return { logger, lines, records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

/** The app over a real SQLite file in a fresh temp directory; `cleanup` closes and deletes it. */
export async function sqliteTestApp(overrides: Partial<ServerConfig> = {}) {
  const dir = await mkdtemp(join(tmpdir(), "tessera-server-"));
  const storage = await createSqliteStorage({ filename: join(dir, "tessera.db") });
  const tessera = createTessera({ storage });
  const log = memoryLogger();
  const config = testConfig(dir, overrides);
  return {
    app: createApp({ tessera, config, logger: log.logger }),
    tessera,
    storage,
    log,
    async cleanup() {
      await storage.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A Tessera instance over a storage whose every repository call runs `behaviour` — to
 * prove how the app answers a failing or misbehaving database.
 */
export function tesseraOverFailingStorage(behaviour: () => Promise<never>): Tessera {
  const repository = new Proxy({}, { get: () => behaviour });
  const storage = new Proxy(
    {
      dialect: "failing",
      migrate: async () => undefined,
      transaction: behaviour,
      close: async () => undefined,
    } as Partial<Storage>,
    { get: (target, key) => (key in target ? target[key as keyof Storage] : repository) },
  ) as Storage;
  return createTessera({ storage });
}

/**
 * The server as `serve` composes it (`composeServer`: SQLite in a fresh temp directory,
 * the sandbox, the plugins given), with the demo seeded and the app over it.
 */
export async function composedTestServer(
  overrides: Partial<ServerConfig> = {},
  compose: ComposeOverrides = {},
) {
  const dir = await mkdtemp(join(tmpdir(), "tessera-server-"));
  const log = memoryLogger();
  const config = testConfig(dir, overrides);
  const parts = await composeServer(config, { logger: log.logger, ...compose });
  const seeded = await seedDemo(parts.tessera);
  if (!seeded.created) throw new Error("a fresh database already had the demo");
  return {
    ...parts,
    sandbox: parts.sandbox!,
    app: createApp({
      tessera: parts.tessera,
      config,
      logger: log.logger,
      sandbox: parts.sandbox,
      mailbox: parts.mailbox,
      notifier: parts.notifier,
      serverKey: parts.serverKey,
    }),
    unit: seeded.unit,
    plans: seeded.plans,
    /** The demo owner's sign-in, with the one-time password `seedDemo` made. */
    demoOwner: seeded.owner,
    log,
    config,
    async cleanup() {
      await parts.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export type ComposedTestServer = Awaited<ReturnType<typeof composedTestServer>>;

/** The buyer of the server's tests: a valid CPF and a phone, no address. */
export const testBuyer = {
  name: "Ana Souza",
  email: "ana@example.com",
  document: { kind: "cpf" as const, value: "529.982.247-25" },
  phone: "+55 11 98888-7777",
};

/** The test buyer with the address a boleto needs (Banco Inter's rule, which the sandbox keeps). */
export const testBuyerWithAddress = {
  ...testBuyer,
  address: {
    street: "Rua Augusta",
    number: "1500",
    district: "Consolação",
    city: "São Paulo",
    state: "SP",
    postalCode: "01304-001",
  },
};

/** A PIX sale of the demo's day pass (one payment, no renewal), as a buyer online makes it; its payment. */
export async function demoPixSale(server: ComposedTestServer, idempotencyKey: string) {
  const pass = server.plans.find((plan) => plan.kind === "pass");
  if (!pass) throw new Error("the demo has no pass");
  const outcome = await server.tessera.sales.start({
    unitId: server.unit.id,
    planId: pass.id,
    buyer: testBuyer,
    method: "pix",
    idempotencyKey,
    source: "online",
  });
  if (!outcome.payment)
    throw new Error(`a PIX sale of the day pass answered ${outcome.status} without a payment`);
  return outcome.payment;
}

/** A day pass sold online and paid through the sandbox's notification: its contract's unattached code. */
export async function demoPaidPass(
  server: ComposedTestServer,
  idempotencyKey: string,
): Promise<{ code: ActivationCode; customerId: Customer["id"] }> {
  const payment = await demoPixSale(server, idempotencyKey);
  server.sandbox.sandbox.pay(payment.idempotencyKey);
  for (const notification of server.sandbox.sandbox.takeNotifications()) {
    await server.tessera.webhooks.receive(server.sandbox.id, notification);
  }
  const codes = await server.tessera.activation.listUnattached(server.unit.id);
  const contracts = await Promise.all(
    codes.map((code) => server.storage.contracts.findById(code.contractId)),
  );
  const index = contracts.findIndex((contract) => contract?.customerId === payment.customerId);
  const code = codes[index];
  if (!code) throw new Error("the paid pass has no activation code");
  return { code, customerId: payment.customerId };
}
