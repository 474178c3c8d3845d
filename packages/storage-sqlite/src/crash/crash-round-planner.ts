import { isValidCpf } from "@tessera/core";
import BetterSqlite3 from "better-sqlite3";
import type { CrashBuyer, CrashCard, CrashOperation, KillPoint } from "./crash-plan";
import { readLedgerCharges } from "./ledger-vs-database";

/**
 * Draws the crash test's rounds at random from one seed, so a failing run can be replayed
 * exactly (`TESSERA_CRASH_SEED`): which sales and retries a child makes, how many at once,
 * where it dies, and what the restart after it does.
 */

/** mulberry32: a small, well-mixed PRNG; `Math.random` cannot be seeded. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Every kind of card answer: approved, declined, charged-but-answer-lost, never received. */
const cards: readonly CrashCard[] = [
  "approvedVisa",
  "approvedVisa",
  "approvedMastercard",
  "insufficientFunds",
  "doNotHonor",
  "timeoutAfterCharge",
  "timeoutBeforeReceipt",
];

export interface CrashRoundPlanner {
  /** A child's operations and the point it dies at (always inside the run, so it always dies). */
  salesRun(retryable: string[]): { operations: CrashOperation[]; concurrency: number; kill: KillPoint };
  /** Whether a restart is killed too, while recovery talks to the provider. */
  restartKill(): KillPoint | null;
  /** About half of the pending PIX get paid by their payer before the restart recovers. */
  pixToPay(pending: string[]): string[];
  resubmitBeforeRecovery(): boolean;
}

export function createCrashRoundPlanner(options: {
  random: () => number;
  planIds: string[];
}): CrashRoundPlanner {
  const { random } = options;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const integer = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  // A small pool of buyers, so documents repeat: known customers, concurrent first sales.
  const buyers: CrashBuyer[] = Array.from({ length: 12 }, (_, i) => ({
    name: `Buyer ${i}`,
    email: `buyer${i}@example.com`,
    cpf: validCpf(100_000_000 + i * 7_919_113),
  }));
  let sequence = 0;
  const key = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(sequence++).toString(36)}`;

  function sale(): CrashOperation {
    const method = random() < 0.35 ? "pix" : "card";
    return {
      kind: "sale",
      idempotencyKey: key("sale"),
      planId: pick(options.planIds),
      buyer: pick(buyers),
      method,
      card: method === "card" ? pick(cards) : null,
    };
  }

  return {
    salesRun(retryable) {
      const operations: CrashOperation[] = Array.from({ length: integer(1, 6) }, sale);
      const open = [...retryable];
      while (open.length > 0 && random() < 0.5) {
        const contractId = open.splice(Math.floor(random() * open.length), 1)[0]!;
        const at = integer(0, operations.length);
        operations.splice(at, 0, {
          kind: "retry",
          idempotencyKey: key("retry"),
          contractId,
          card: pick(cards),
        });
      }
      const victim = integer(0, operations.length - 1);
      const roll = random();
      let kill: KillPoint;
      if (roll < 0.1) {
        kill = { at: "any_moment", afterMs: integer(0, 40) };
      } else if (roll < 0.55) {
        kill = { at: "before_gateway", operation: victim };
      } else {
        kill = { at: "after_charge", operation: victim };
        // A card lost before the provider is never charged, so it cannot die after a charge.
        const target = operations[victim]!;
        if (target.card === "timeoutBeforeReceipt") operations[victim] = { ...target, card: "approvedVisa" };
      }
      return { operations, concurrency: integer(1, 3), kill };
    },
    restartKill: () => (random() < 0.15 ? { at: "during_recovery", lookup: integer(1, 3) } : null),
    pixToPay: (pending) => pending.filter(() => random() < 0.5),
    resubmitBeforeRecovery: () => random() < 0.5,
  };
}

/** A valid CPF whose first nine digits are `base`'s. */
function validCpf(base: number): string {
  const nine = String(base).padStart(9, "0").slice(0, 9);
  for (let check = 0; check < 100; check++) {
    const candidate = nine + String(check).padStart(2, "0");
    if (isValidCpf(candidate)) return candidate;
  }
  throw new Error(`no CPF starts with ${nine}`);
}

/** What a restart can act on, read from the two books on disk. */
export function readRestartCandidates(files: { databaseFile: string; ledgerFile: string }): {
  /** Contracts still `pending_payment` whose every attempt is closed: a retry is allowed. */
  retryable: string[];
  /** Payment keys of PIX charges the provider still has pending. */
  pendingPix: string[];
} {
  const pendingPix = [...readLedgerCharges(files.ledgerFile).values()]
    .filter((charge) => charge.method === "pix" && charge.status === "pending")
    .map((charge) => charge.key);
  const db = new BetterSqlite3(files.databaseFile, { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare(
        `SELECT c.id FROM contracts c
          WHERE c.status = 'pending_payment'
            AND NOT EXISTS (
              SELECT 1 FROM installments i
                JOIN payment_installments pi ON pi.installment_id = i.id
                JOIN payments p ON p.id = pi.payment_id
               WHERE i.contract_id = c.id AND p.status NOT IN ('failed', 'canceled'))`,
      )
      .all() as { id: string }[];
    return { retryable: rows.map((row) => row.id), pendingPix };
  } finally {
    db.close();
  }
}

/** The contract a sale or retry idempotency key already points at, or null when none was committed. */
export function committedContractOf(
  databaseFile: string,
  scope: string,
  idempotencyKey: string,
): string | null {
  const db = new BetterSqlite3(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const row = db
      .prepare(
        `SELECT i.contract_id FROM idempotency_keys k
           JOIN payment_installments pi ON 'payment:' || pi.payment_id = k.resource
           JOIN installments i ON i.id = pi.installment_id
          WHERE k.scope = ? AND k.key = ? LIMIT 1`,
      )
      .get(scope, idempotencyKey) as { contract_id: string } | undefined;
    return row?.contract_id ?? null;
  } finally {
    db.close();
  }
}
