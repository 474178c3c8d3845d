/**
 * The program the crash test runs in a child process and kills: it opens the shared SQLite
 * file and the sandbox with its ledger file, runs what its plan says (a restart — re-submissions,
 * payers paying, recovery — then sales and retries), and kills itself with SIGKILL at the
 * plan's kill point. The injection points live here and in the sandbox's `onCharge`, never
 * in core: the gateway the child hands to Tessera is the sandbox wrapped so that
 * `createPayment` can die before delegating and `getPayment` after answering.
 *
 * Usage: `node crash-child.mjs <plan.json>`.
 * @module
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { appendFileSync, readFileSync } from "node:fs";
import { setTimeout as delay } from "node:timers/promises";
import { type CardInput, type Clock, createTessera, type Gateway, type SaleOutcome } from "@tessera/core";
import { createSandboxGateway } from "@tessera/core/sandbox";
import { createSqliteStorage } from "../sqlite-storage";
import type { CrashCard, CrashChildPlan, CrashJournalLine, CrashOperation } from "./crash-plan";

const plan = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as CrashChildPlan;
const journal = (line: CrashJournalLine) => appendFileSync(plan.journalFile, `${JSON.stringify(line)}\n`);

/** Dies on the spot: SIGKILL to itself, and the thread blocked until the signal lands. */
function die(): never {
  process.kill(process.pid, "SIGKILL");
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10_000);
  throw new Error("SIGKILL did not end the process");
}

/** The operation (its index in `plan.operations`) a gateway call is made for. */
const currentOperation = new AsyncLocalStorage<number>();
const kill = plan.kill;
let phase: "restart" | "operations" = "restart";
let lookups = 0;

const clock: Clock = { now: () => new Date(Date.now() + plan.clockOffsetMs).toISOString() };
const sandbox = createSandboxGateway({
  clock,
  ledgerFile: plan.ledgerFile,
  onCharge() {
    if (kill?.at === "after_charge" && currentOperation.getStore() === kill.operation) die();
  },
});
const gateway: Gateway = {
  ...sandbox,
  async createPayment(request) {
    if (kill?.at === "before_gateway" && currentOperation.getStore() === kill.operation) die();
    return sandbox.createPayment(request);
  },
  async getPayment(lookup) {
    const found = await sandbox.getPayment(lookup);
    if (phase === "restart" && kill?.at === "during_recovery" && ++lookups === kill.lookup) die();
    return found;
  },
};
if (kill?.at === "any_moment") setTimeout(die, kill.afterMs);

const storage = await createSqliteStorage({ filename: plan.databaseFile });
const tessera = createTessera({ storage, clock, gateways: [gateway] });

async function tokenized(card: CrashCard): Promise<CardInput> {
  const { token } = await sandbox.sandbox.tokenizeCard({
    number: sandbox.sandbox.testCards[card].number,
    holder: "CRASH TEST",
    expMonth: 12,
    expYear: 2030,
    cvc: "123",
  });
  return { type: "token", token };
}

async function perform(operation: CrashOperation): Promise<SaleOutcome> {
  if (operation.kind === "retry") {
    return tessera.payments.retry({
      contractId: operation.contractId,
      method: "card",
      card: await tokenized(operation.card),
      idempotencyKey: operation.idempotencyKey,
    });
  }
  return tessera.sales.start({
    unitId: plan.unitId,
    planId: operation.planId,
    buyer: {
      name: operation.buyer.name,
      email: operation.buyer.email,
      document: { kind: "cpf", value: operation.buyer.cpf },
    },
    // The planner gives a card exactly to a card sale; a card sale's type requires it.
    ...(operation.method === "card"
      ? { method: "card" as const, card: await tokenized(operation.card!) }
      : { method: operation.method }),
    idempotencyKey: operation.idempotencyKey,
    source: "api",
  });
}

async function resubmit(operation: CrashOperation): Promise<void> {
  const chargesBefore = sandbox.sandbox.ledger().charges.length;
  const outcome = await perform(operation);
  journal({
    type: "resubmitted",
    idempotencyKey: operation.idempotencyKey,
    replayed: outcome.replayed,
    status: outcome.status,
    contractId: outcome.contract.id,
    chargesBefore,
    chargesAfter: sandbox.sandbox.ledger().charges.length,
  });
}

async function recover(): Promise<void> {
  // `olderThanMs: 0` takes rows updated strictly before now: let the clock pass the last write.
  await delay(2);
  const report = await tessera.payments.recover({ olderThanMs: 0 });
  journal({ type: "recovered", ...report });
}

if (plan.restart) {
  for (const paymentKey of plan.restart.payPix) {
    sandbox.sandbox.pay(paymentKey);
    journal({ type: "paid_pix", paymentKey });
  }
  if (!plan.restart.resubmitBeforeRecovery) await recover();
  for (const operation of plan.restart.resubmit) await resubmit(operation);
  await recover();
}
phase = "operations";

let next = 0;
async function worker(): Promise<void> {
  while (next < plan.operations.length) {
    const index = next++;
    const operation = plan.operations[index]!;
    journal({ type: "started", operation: index, idempotencyKey: operation.idempotencyKey });
    const outcome = await currentOperation.run(index, () => perform(operation));
    journal({
      type: "finished",
      operation: index,
      idempotencyKey: operation.idempotencyKey,
      status: outcome.status,
      contractId: outcome.contract.id,
      paymentKey: outcome.payment!.idempotencyKey,
    });
  }
}
await Promise.all(Array.from({ length: plan.concurrency }, worker));

if (kill?.at === "any_moment") {
  // The timer has not fired yet: wait for it, so every planned kill happens.
  await new Promise(() => setTimeout(() => {}, 60_000));
}
await storage.close();
journal({ type: "done" });
