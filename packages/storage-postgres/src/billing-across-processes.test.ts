import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { type BillingRunReport, createTessera, type Id, type Instant } from "@tessera/core";
import { createSandboxGateway, readSandboxLedgerFile, type SandboxCharge } from "@tessera/core/sandbox";
import { createManualClock } from "@tessera/core/testing";
import { afterAll, describe, expect, it, vi } from "vitest";
import type { BillingWorkerSettings } from "./testing/billing-worker";
import { openTestDatabase, testDatabaseUrl } from "./testing/test-database";

const database = await openTestDatabase();
afterAll(() => database.close());

/**
 * DESIGN §4 "Billing run", exactly once under faults: four billing workers, each its own
 * process with its own pool, bill one PostgreSQL schema at once while one of them SIGKILLs
 * itself inside a charge (the provider made it, the answer is lost, its other claims still
 * held). Then, as the next scheduler pass would, recovery and one more run finish the rest,
 * and the provider's books — the sandbox's ledger file every worker appended to — must match
 * the database: every due month charged exactly once.
 *
 * Sized by work, not time: `npm test` bills 120 contracts, `npm run test:soak` 600. The
 * limits only catch a hang, many times what the work takes on a loaded machine.
 */
const contractCount = process.env["TESSERA_SOAK"] === "1" ? 600 : 120;
const workersTimeoutMs = 60_000 + contractCount * 1_000;
vi.setConfig({ testTimeout: workersTimeoutMs + 120_000 });

const saleDay: Instant = "2026-03-10T15:00:00.000Z";
/** The workers' clock starts on the second month's due day. */
const dueDay: Instant = "2026-04-10T15:00:00.000Z";
/** After every lease (3 s) and recovery's grace (2 min): what the next pass sees. */
const finishAt: Instant = "2026-04-10T15:10:00.000Z";
const webhookSecret = "billing-processes-secret-0123456789";
const workerScript = fileURLToPath(new URL("./testing/billing-worker.ts", import.meta.url));

interface WorkerRun {
  owner: string;
  process: ChildProcess;
  ready: Promise<void>;
  /** Resolves at the worker's first charge. */
  firstCharge: Promise<void>;
  exited: Promise<{ report: BillingRunReport | null; died: boolean }>;
}

function startWorker(settings: BillingWorkerSettings): WorkerRun {
  const child = spawn(
    process.execPath,
    ["--conditions=@tessera/source", "--import", "tsx", workerScript, JSON.stringify(settings)],
    { stdio: ["pipe", "pipe", "pipe"] },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  let report: BillingRunReport | null = null;
  let died = false;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  let markCharged: () => void = () => {};
  const firstCharge = new Promise<void>((resolve) => {
    markCharged = resolve;
  });
  const lines = createInterface({ input: child.stdout! });
  lines.on("line", (line) => {
    if (line === "ready") markReady();
    else if (line.startsWith("charged ")) markCharged();
    else if (line === "dying") died = true;
    else if (line.startsWith("report "))
      report = JSON.parse(line.slice("report ".length)) as BillingRunReport;
  });
  const exited = new Promise<{ report: BillingRunReport | null; died: boolean }>((resolve, reject) => {
    child.on("close", (code, signal) => {
      lines.close();
      if (code === 0 || (died && signal === "SIGKILL")) resolve({ report, died });
      else reject(new Error(`${settings.owner} exited with ${code ?? signal}: ${stderr.trim()}`));
    });
  });
  return { owner: settings.owner, process: child, ready, firstCharge, exited };
}

describe.skipIf(database.kind !== "server")("the billing run across 4 worker processes on PostgreSQL", () => {
  it(`charges each of ${contractCount} due months exactly once, a worker killed mid-charge`, async () => {
    const directory = await mkdtemp(join(tmpdir(), "tessera-billing-"));
    const ledgerFile = join(directory, "ledger.jsonl");
    const under = await database.freshStorage();
    const workers: WorkerRun[] = [];
    try {
      // The sales, a month before, each card kept for renewals.
      const clock = createManualClock(saleDay);
      const seller = createSandboxGateway({ clock, ledgerFile, webhookSecret, providerRecurrence: false });
      const tessera = createTessera({ storage: under.storage, clock, gateways: [seller] });
      const org = await tessera.organizations.createOrganization({ name: "Estúdio Aurora" });
      const unit = await tessera.organizations.createUnit({
        organizationId: org.id,
        name: "Centro",
        slug: "aurora-centro",
        paymentMethods: [{ method: "card", gatewayId: "sandbox" }],
      });
      const plan = await tessera.plans.create({
        unitId: unit.id,
        name: "Mensal",
        price: { amount: 12_990, currency: "BRL" },
      });
      const contracts: Id<"contract">[] = [];
      for (let index = 0; index < contractCount; index++) {
        const { token } = await seller.sandbox.tokenizeCard({
          number: "4111111111111111",
          holder: "ANA SOUZA",
          expMonth: 12,
          expYear: 2030,
          cvc: "123",
        });
        const sale = await tessera.sales.start({
          unitId: unit.id,
          planId: plan.id,
          buyer: {
            name: `Aluna ${index}`,
            email: `aluna.${index}@example.com`,
            document: { kind: "cpf", value: "52998224725" },
          },
          method: "card",
          card: { type: "token", token, saveForRenewals: true },
          idempotencyKey: `billing-processes-sale-${index}`,
          source: "api",
        });
        expect(sale.status).toBe("succeeded");
        contracts.push(sale.contract.id);
      }

      const shared = {
        url: testDatabaseUrl,
        schema: under.schema,
        ledgerFile,
        webhookSecret,
        startAt: dueDay,
      };
      for (let index = 0; index < 4; index++)
        workers.push(
          startWorker({
            ...shared,
            owner: `billing-worker-${index}`,
            batchSize: 5,
            concurrency: 2,
            leaseMs: 3_000,
            ...(index === 0 ? { killAfterCharges: 2 } : {}),
          }),
        );
      const timer = setTimeout(() => {
        for (const worker of workers) worker.process.kill("SIGKILL");
      }, workersTimeoutMs);
      let results: { report: BillingRunReport | null; died: boolean }[];
      try {
        await Promise.all(workers.map((worker) => worker.ready));
        // Worker 0 first, the others at its first charge: it then dies inside its second, which
        // it is sure to make — its first batch (5 groups, 2 at a time) is leased to it alone —
        // holding claims on the rest of that batch while the others bill around it.
        const [first, ...others] = workers;
        first!.process.stdin?.write("go\n");
        await Promise.race([first!.firstCharge, first!.exited]);
        for (const worker of others) worker.process.stdin?.write("go\n");
        results = await Promise.all(workers.map((worker) => worker.exited));
      } finally {
        clearTimeout(timer);
      }
      const [killed, ...survivors] = results;
      expect(killed).toEqual({ report: null, died: true });
      for (const survivor of survivors) expect(survivor.report?.outcomes.error).toBe(0);

      // What comes after, past every lease and recovery's grace, with a sandbox that reads the
      // books anew: first a `tessera bill` run on its own; it, or a survivor that outlived the
      // killed worker's lease, must leave the attempt that worker died in alone (open, its
      // answer unknown) rather than charge again; then
      // recovery, which finds that charge by our key; then the next day's run, for anything
      // the killed worker held but never sent.
      const later = createManualClock(finishAt);
      const finisher = createSandboxGateway({
        clock: later,
        ledgerFile,
        webhookSecret,
        providerRecurrence: false,
      });
      const next = createTessera({ storage: under.storage, clock: later, gateways: [finisher] });
      const straightAfter = await next.billing.run();
      expect(straightAfter.outcomes.error).toBe(0);
      // Left alone by whoever met it first: a survivor that outlived the lease, or this run.
      const leftAlone = [...survivors.map((survivor) => survivor.report!), straightAfter].reduce(
        (sum, report) => sum + report.outcomes.in_progress,
        0,
      );
      expect(leftAlone).toBeGreaterThanOrEqual(1);
      const recovered = await next.payments.recover();
      expect(recovered.failed).toBe(0);
      // The charge the killed worker died in: made by the provider, its answer lost, found by our key.
      expect(recovered.settled).toBeGreaterThanOrEqual(1);
      later.advance(24 * 3600_000);
      const nextDay = await next.billing.run();
      expect(nextDay.outcomes.error).toBe(0);

      // The provider's books against the database: each April month charged once, and paid once.
      const charges = readSandboxLedgerFile(ledgerFile)
        .filter((entry): entry is Extract<typeof entry, { kind: "charge" }> => entry.kind === "charge")
        .map((entry) => entry.charge as SandboxCharge);
      const paidKeys = charges
        .filter((charge) => charge.status === "paid")
        .map((charge) => charge.idempotencyKey);
      expect(new Set(paidKeys).size).toBe(paidKeys.length);
      expect(paidKeys).toHaveLength(contractCount * 2);
      const aprilKeys: string[] = [];
      for (const contractId of contracts) {
        const april = (await under.storage.installments.listByContract(contractId)).filter(
          (line) => line.dueDate === "2026-04-10",
        );
        expect(april.map((line) => line.status)).toEqual(["confirmed"]);
        const paid = (await under.storage.payments.listByInstallment(april[0]!.id)).filter(
          (payment) => payment.status === "succeeded",
        );
        expect(paid).toHaveLength(1);
        aprilKeys.push(paid[0]!.idempotencyKey);
      }
      const saleKeys = new Set(paidKeys.filter((key) => !aprilKeys.includes(key)));
      expect(saleKeys.size).toBe(contractCount);
      expect(aprilKeys.every((key) => paidKeys.includes(key))).toBe(true);
    } finally {
      for (const worker of workers) if (worker.process.exitCode === null) worker.process.kill("SIGKILL");
      await under.cleanup();
      await rm(directory, { recursive: true, force: true });
    }
  });
});
