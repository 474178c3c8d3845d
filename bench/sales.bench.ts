/**
 * Completed sales through the library (`tessera.sales.start`, an approved card) on a SQLite
 * file in WAL mode with the sandbox provider:
 * 1. with a zero-latency provider, sales/s as a ratio to raw better-sqlite3 transactions of
 *    5 inserts per second on a file with the same settings (WAL, synchronous NORMAL) — a
 *    sale commits two transactions and a few dozen rows, so this says what the library
 *    costs over the machine's own write limit;
 * 2. with 200 ms of provider latency at concurrency 50, sales/s ÷ 250 (50 calls in flight ÷
 *    0.2 s): how close the write-ahead flow comes to hiding the provider's wait.
 * Each run is bounded in time and preceded by a warm-up; temp files are removed at the end.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTessera, isValidCpf, type Tessera } from "@tessera/core";
import { createSandboxGateway, type SandboxGateway } from "@tessera/core/sandbox";
import { createSqliteStorage } from "@tessera/storage-sqlite";
import BetterSqlite3 from "better-sqlite3";
import type { Benchmark, BenchResult } from "./bench-result";

const warmUpMs = 1_000;
const measureMs = 3_000;
const latencyMs = 200;
const concurrency = 50;

/** Raw better-sqlite3: transactions of 5 inserts per second, on a WAL file with synchronous NORMAL. */
function rawFiveRowTransactionsPerSecond(file: string): number {
  const db = new BetterSqlite3(file);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.exec("CREATE TABLE rows (id INTEGER PRIMARY KEY, body TEXT NOT NULL, amount INTEGER NOT NULL)");
    const insert = db.prepare("INSERT INTO rows (body, amount) VALUES (?, ?)");
    const fiveRows = db.transaction((n: number) => {
      for (let i = 0; i < 5; i++) insert.run(`row ${n}.${i}`, n * 5 + i);
    });
    const runFor = (ms: number) => {
      let count = 0;
      const start = performance.now();
      while (performance.now() - start < ms) fiveRows(count++);
      return count / ((performance.now() - start) / 1000);
    };
    runFor(warmUpMs);
    return runFor(measureMs);
  } finally {
    db.close();
  }
}

/** A different valid CPF for each number, so each sale registers a new buyer, as a checkout does. */
function cpf(n: number): string {
  const nine = String(100_000_000 + n).slice(0, 9);
  for (let check = 0; check < 100; check++) {
    const candidate = nine + String(check).padStart(2, "0");
    if (isValidCpf(candidate)) return candidate;
  }
  throw new Error(`no CPF starts with ${nine}`);
}

interface SalesWorld {
  sell(): Promise<boolean>;
  close(): Promise<void>;
}

async function openSalesWorld(file: string, providerLatencyMs: number): Promise<SalesWorld> {
  const storage = await createSqliteStorage({ filename: file });
  const gateway: SandboxGateway = createSandboxGateway({ latencyMs: providerLatencyMs });
  const tessera: Tessera = createTessera({ storage, gateways: [gateway] });
  const org = await tessera.organizations.createOrganization({ name: "Bench Studio" });
  const unit = await tessera.organizations.createUnit({
    organizationId: org.id,
    name: "Centro",
    slug: "bench-centro",
    paymentMethods: [{ method: "card", gatewayId: gateway.id }],
  });
  const plan = await tessera.plans.create({
    unitId: unit.id,
    name: "Mensal",
    price: { amount: 14990, currency: "BRL" },
    enrollmentFee: { amount: 5000, currency: "BRL" },
    autoRenew: true,
    onlineSale: { enabled: true, slug: "mensal" },
  });
  let sequence = 0;
  return {
    async sell() {
      const n = sequence++;
      // The buyer's browser tokenizes the card (in-process here), then the server sells.
      const { token } = await gateway.sandbox.tokenizeCard({
        number: gateway.sandbox.testCards.approvedVisa.number,
        holder: "BENCH BUYER",
        expMonth: 12,
        expYear: 2030,
        cvc: "123",
      });
      const outcome = await tessera.sales.start({
        unitId: unit.id,
        planId: plan.id,
        buyer: {
          name: `Buyer ${n}`,
          email: `buyer${n}@example.com`,
          document: { kind: "cpf", value: cpf(n) },
        },
        method: "card",
        card: { type: "token", token },
        idempotencyKey: `bench-sale-${n}`,
        source: "online",
      });
      return outcome.status === "succeeded";
    },
    close: () => storage.close(),
  };
}

/** Completed sales per second with `workers` selling at once for `ms`. */
async function salesPerSecond(world: SalesWorld, workers: number, ms: number): Promise<number> {
  let completed = 0;
  const start = performance.now();
  const deadline = start + ms;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (performance.now() < deadline) {
        if (!(await world.sell())) throw new Error("a benchmark sale with an approved card did not succeed");
        completed++;
      }
    }),
  );
  return completed / ((performance.now() - start) / 1000);
}

const benchmark: Benchmark = async () => {
  const directory = await mkdtemp(join(tmpdir(), "tessera-sales-bench-"));
  try {
    const rawPerSecond = rawFiveRowTransactionsPerSecond(join(directory, "raw.db"));

    const fast = await openSalesWorld(join(directory, "fast.db"), 0);
    let fastPerSecond: number;
    try {
      await salesPerSecond(fast, 1, warmUpMs);
      fastPerSecond = await salesPerSecond(fast, 1, measureMs);
    } finally {
      await fast.close();
    }

    const slow = await openSalesWorld(join(directory, "slow.db"), latencyMs);
    let slowPerSecond: number;
    try {
      await salesPerSecond(slow, concurrency, warmUpMs);
      slowPerSecond = await salesPerSecond(slow, concurrency, measureMs);
    } finally {
      await slow.close();
    }
    const ideal = concurrency / (latencyMs / 1000);

    const zeroLatency: BenchResult = {
      name: "sales through the library, SQLite, zero-latency sandbox",
      ratio: fastPerSecond / rawPerSecond,
      ratioMeaning: "completed sales/s ÷ raw better-sqlite3 5-row transactions/s",
      measured: { value: fastPerSecond, unit: "sales/s" },
      baseline: {
        name: "raw 5-row transactions (WAL, synchronous NORMAL)",
        value: rawPerSecond,
        unit: "tx/s",
      },
      notes: { measuredMs: measureMs, warmUpMs },
    };
    const withLatency: BenchResult = {
      name: `sales through the library, SQLite, ${latencyMs} ms provider latency, concurrency ${concurrency}`,
      ratio: slowPerSecond / ideal,
      ratioMeaning: `completed sales/s ÷ (${concurrency} ÷ ${latencyMs / 1000} s)`,
      measured: { value: slowPerSecond, unit: "sales/s" },
      baseline: { name: "ideal", value: ideal, unit: "sales/s" },
      notes: { measuredMs: measureMs, warmUpMs },
    };
    return [zeroLatency, withLatency];
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
};

export default benchmark;
