/**
 * The billing run (`tessera.billing.run`) on a SQLite file in WAL mode, each due month
 * charged by the card kept at the sale:
 * 1. installments billed per second with the zero-latency sandbox, one run over
 *    `rateContracts` due months, as a ratio to raw better-sqlite3 transactions of 5 small
 *    inserts measured in the same run (the baseline the sales benchmark also prints), with
 *    what each billed month costs in SQL statements and transactions, and as a ratio to its
 *    hand-written floor (sqlite-billing-floor.ts: raw SQL writing the same rows, no provider)
 *    on a copy of the same seeded file;
 * 2. the peak RSS of one process billing all `memoryContracts` due months (the keepless
 *    provider: the sandbox keeps every charge in memory as a provider's books would), as a
 *    ratio to the peak of the same process that only opens the storage; beside it, the peak of
 *    a run billing a quarter of them (`maxClaims`, on a copy of the same file), so a flat
 *    figure shows memory does not grow with the number billed. The
 *    goal is 256 MB at 1,000,000 due (`BENCH_BILLING_CONTRACTS=1000000`). Up to
 *    `copySeedAbove` due months every one is a real sale (`sell`); above it, `templateSales`
 *    real sales are multiplied into the rest by SQL (billing-seed-copies.ts: each copy an
 *    independent sale with its own ids, buyer and payment references), since real sales go
 *    at a few hundred a second. The run must bill every one of them exactly once.
 * `BENCH_BILLING_ONLY=memory` runs part 2 alone: `BENCH_BILLING_ONLY=memory npm run bench -- billing`.
 * Seeding is not measured (its time is printed); temp files are removed at the end.
 */
import { spawn } from "node:child_process";
import { copyFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createTessera, type Instant, type Storage, type Tessera } from "@tessera/core";
import { createSandboxGateway } from "@tessera/core/sandbox";
import { createSqliteStorage } from "@tessera/storage-sqlite";
import { benchBuyers } from "./bench-buyers";
import type { Benchmark, BenchResult } from "./bench-result";
import { seedSaleCopies } from "./billing-seed-copies";
import { keeplessCardProvider } from "./keepless-provider";
import { rawFiveRowTransactionsPerSecond } from "./raw-transactions";
import { type BillingFloorResult, billSqliteFloor } from "./sqlite-billing-floor";

const rateContracts = 3_000;
const memoryContracts = Number(process.env["BENCH_BILLING_CONTRACTS"] ?? 20_000);
/** Above this many due months, the memory run's sales are copies of `templateSales` real ones. */
const copySeedAbove = 20_000;
const templateSales = 1_000;
const only = process.env["BENCH_BILLING_ONLY"];
if (only !== undefined && only !== "memory")
  throw new Error(`BENCH_BILLING_ONLY=${only}: the only part that runs alone is "memory"`);
const saleAt: Instant = "2026-03-10T15:00:00.000Z";
const dueAt: Instant = "2026-04-10T15:00:00.000Z";
const childScript = fileURLToPath(new URL("./billing-rss-child.ts", import.meta.url));

/** A clock a benchmark moves by hand (`@tessera/core/testing` has one, but it loads vitest). */
function handClock(start: Instant) {
  let now = Date.parse(start);
  return {
    now: () => new Date(now).toISOString() as Instant,
    advance(ms: number) {
      now += ms;
    },
  };
}

/** A studio selling an open-ended monthly plan by card on `tessera`, the card kept for renewals. */
async function studio(tessera: Tessera, gatewayId: string) {
  const organization = await tessera.organizations.createOrganization({ name: "Bench Studio" });
  const unit = await tessera.organizations.createUnit({
    organizationId: organization.id,
    name: "Unidade",
    slug: "bench",
    paymentMethods: [{ method: "card", gatewayId }],
  });
  const plan = await tessera.plans.create({
    unitId: unit.id,
    name: "Mensal",
    price: { amount: 12_990, currency: "BRL" },
  });
  return { unit, plan };
}

/** `count` paid sales a month before the due day, each with `token()`'s card kept. */
async function sell(tessera: Tessera, count: number, token: () => Promise<string>, gatewayId: string) {
  const { unit, plan } = await studio(tessera, gatewayId);
  for (const buyer of benchBuyers(1, count)) {
    const outcome = await tessera.sales.start({
      unitId: unit.id,
      planId: plan.id,
      buyer: { name: buyer.name, email: buyer.email, document: { kind: "cpf", value: buyer.cpf } },
      method: "card",
      card: { type: "token", token: await token(), saveForRenewals: true },
      idempotencyKey: buyer.idempotencyKey,
      source: "api",
    });
    if (outcome.status !== "succeeded") throw new Error(`a seeding sale answered ${outcome.status}`);
  }
}

async function billingRate(directory: string): Promise<{
  perSecond: number;
  paid: number;
  ms: number;
  statements: number;
  transactions: number;
  floor: BillingFloorResult;
}> {
  const clock = handClock(saleAt);
  const sandbox = createSandboxGateway({ clock, providerRecurrence: false });
  const file = join(directory, "rate.db");
  const seeded = await createSqliteStorage({ filename: file });
  try {
    const card = { number: "4111111111111111", holder: "BENCH", expMonth: 12, expYear: 2030, cvc: "123" };
    await sell(
      createTessera({ storage: seeded, clock, gateways: [sandbox] }),
      rateContracts,
      async () => (await sandbox.sandbox.tokenizeCard(card)).token,
      sandbox.id,
    );
  } finally {
    await seeded.close();
  }
  // The floor bills a copy of the same months by hand-written SQL.
  const floorFile = join(directory, "floor.db");
  await copyFile(file, floorFile);
  clock.advance(Date.parse(dueAt) - Date.parse(saleAt));
  const floor = billSqliteFloor(floorFile, dueAt.slice(0, 10), "2026-05-10", clock.now());
  if (floor.billed !== rateContracts) throw new Error(`the floor billed ${floor.billed} of ${rateContracts}`);
  // What the run costs in SQL, beside its time: statements, and transactions (their commits).
  const cost = { counting: false, statements: 0, transactions: 0 };
  const storage: Storage = await createSqliteStorage({
    filename: file,
    onQuery: (sql) => {
      if (!cost.counting) return;
      if (/^\s*commit\b/i.test(sql)) cost.transactions++;
      else if (!/^\s*(begin|rollback)\b/i.test(sql)) cost.statements++;
    },
  });
  try {
    const tessera = createTessera({ storage, clock, gateways: [sandbox] });
    cost.counting = true;
    const start = performance.now();
    const report = await tessera.billing.run({ batchSize: 200, concurrency: 4 });
    const ms = performance.now() - start;
    cost.counting = false;
    if (report.outcomes.paid !== rateContracts)
      throw new Error(`billed ${report.outcomes.paid} of ${rateContracts}`);
    return {
      perSecond: report.outcomes.paid / (ms / 1000),
      paid: report.outcomes.paid,
      ms,
      statements: cost.statements,
      transactions: cost.transactions,
      floor,
    };
  } finally {
    await storage.close();
  }
}

interface ChildReport {
  maxRssKb: number;
  claimed: number;
  paid: number;
  ms: number;
}

function runChild(settings: {
  file: string;
  mode: "bill" | "idle";
  maxClaims?: number;
}): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        "--conditions=@tessera/source",
        "--import",
        "tsx",
        childScript,
        JSON.stringify({ ...settings, dueAt }),
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`the billing child exited ${code}: ${err.trim()}`));
      resolve(JSON.parse(out.trim().split("\n").at(-1)!) as ChildReport);
    });
  });
}

/** `memoryContracts` paid sales in `file`: real ones, or `templateSales` real ones and their copies. */
async function seedMemoryRun(file: string): Promise<{ ms: number; seededBy: string }> {
  const start = performance.now();
  const clock = handClock(saleAt);
  const provider = keeplessCardProvider(clock);
  const copied = memoryContracts > copySeedAbove;
  const storage = await createSqliteStorage({ filename: file });
  try {
    const tessera = createTessera({ storage, clock, gateways: [provider] });
    await sell(tessera, copied ? templateSales : memoryContracts, async () => "checkout-token", provider.id);
  } finally {
    await storage.close();
  }
  if (!copied) return { ms: performance.now() - start, seededBy: "sales" };
  const sold = performance.now() - start;
  const copies = seedSaleCopies(file, { sales: memoryContracts });
  return {
    ms: performance.now() - start,
    seededBy: `${templateSales} sales (${Math.round(sold / 1000)} s) + SQL copies (${Math.round(copies.ms / 1000)} s)`,
  };
}

const mb = (kb: number) => Math.round((kb / 1024) * 10) / 10;

const benchmark: Benchmark = async () => {
  const directory = await mkdtemp(join(tmpdir(), "tessera-billing-bench-"));
  try {
    if (only === "memory") return [await memoryRun(directory)];
    const fiveRowPerSecond = rawFiveRowTransactionsPerSecond(join(directory, "raw.db"), {
      warmUpMs: 1_000,
      measureMs: 2_000,
    });
    const rate = await billingRate(directory);
    const rateResult: BenchResult = {
      name: "billing run, saved card, zero-latency sandbox (SQLite)",
      ratio: rate.perSecond / fiveRowPerSecond,
      ratioMeaning: "installments billed/s ÷ raw 5-row transactions/s",
      measured: { value: rate.perSecond, unit: "installments/s" },
      baseline: { name: "raw 5-row transactions", value: fiveRowPerSecond, unit: "tx/s" },
      notes: {
        billed: rate.paid,
        runMs: Math.round(rate.ms),
        batchSize: 200,
        concurrency: 4,
        statementsPerInstallment: Math.round((rate.statements / rate.paid) * 10) / 10,
        transactionsPerInstallment: Math.round((rate.transactions / rate.paid) * 10) / 10,
      },
    };
    const floorPerSecond = rate.floor.billed / (rate.floor.ms / 1000);
    const floorResult: BenchResult = {
      name: "billing run against its hand-written floor (SQLite)",
      ratio: rate.perSecond / floorPerSecond,
      ratioMeaning: "installments billed/s ÷ the floor's (raw SQL writing the same rows, no provider)",
      measured: { value: rate.perSecond, unit: "installments/s" },
      baseline: { name: "hand-written floor", value: floorPerSecond, unit: "installments/s" },
      notes: {
        statementsPerInstallment: `${Math.round((rate.statements / rate.paid) * 10) / 10} (floor ${Math.round((rate.floor.statements / rate.floor.billed) * 10) / 10})`,
        transactionsPerInstallment: `${Math.round((rate.transactions / rate.paid) * 10) / 10} (floor ${rate.floor.transactions / rate.floor.billed})`,
      },
    };
    return [rateResult, floorResult, await memoryRun(directory)];
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
};

async function memoryRun(directory: string): Promise<BenchResult> {
  const file = join(directory, "memory.db");
  const seeding = await seedMemoryRun(file);
  // The quarter runs on a copy of the seeded file, so the whole run below starts from every
  // month due, as the quarter did.
  const quarterFile = join(directory, "memory-quarter.db");
  await copyFile(file, quarterFile);
  const idle = await runChild({ file, mode: "idle" });
  const quarter = await runChild({
    file: quarterFile,
    mode: "bill",
    maxClaims: Math.floor(memoryContracts / 4),
  });
  await rm(quarterFile, { force: true });
  const whole = await runChild({ file, mode: "bill" });
  if (whole.paid !== memoryContracts) throw new Error(`billed ${whole.paid} of ${memoryContracts}`);
  return {
    name: `billing run peak RSS over ${memoryContracts.toLocaleString("en-US")} due months (SQLite)`,
    ratio: whole.maxRssKb / idle.maxRssKb,
    ratioMeaning:
      "peak RSS of one run billing every due month ÷ peak RSS of the same process only opening the storage",
    measured: { value: mb(whole.maxRssKb), unit: `MB (goal ≤ 256 at 1,000,000)` },
    baseline: { name: "storage opened, nothing billed", value: mb(idle.maxRssKb), unit: "MB" },
    notes: {
      billed: whole.paid,
      [`peakMbBilling${quarter.paid}`]: mb(quarter.maxRssKb),
      growthFor4xItems: Math.round((whole.maxRssKb / quarter.maxRssKb) * 100) / 100,
      perSecond: Math.round(whole.paid / (whole.ms / 1000)),
      seedSeconds: Math.round(seeding.ms / 1000),
      seededBy: seeding.seededBy,
    },
  };
}

export default benchmark;
