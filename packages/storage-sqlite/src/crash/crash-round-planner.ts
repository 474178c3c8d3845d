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
  /**
   * The restart planned to die completed instead: recovery asked the provider fewer than
   * `lookup` times. The next restart is planned to die at its first lookup, so the kill is
   * not lost, only moved.
   */
  restartSurvived(): void;
  /** About half of the pending PIX get paid by their payer before the restart recovers. */
  pixToPay(pending: string[]): string[];
  resubmitBeforeRecovery(): boolean;
}

/**
 * Where sales runs die, dealt from a shuffled deck (about 1 in 9 at any moment, the rest
 * split between the two write-ahead points): any 9 consecutive runs visit every kind, so a
 * short run covers them all and the seed only decides the order.
 */
const salesKillDeck: readonly Exclude<KillPoint["at"], "during_recovery">[] = [
  "any_moment",
  ...Array.from({ length: 4 }, () => "before_gateway" as const),
  ...Array.from({ length: 4 }, () => "after_charge" as const),
];
/** One restart in 7 is planned to die during recovery, dealt the same way. */
const restartKillDeck: readonly boolean[] = [true, ...Array.from({ length: 6 }, () => false)];

/** Deals `deck` in a shuffled order, reshuffling when it runs out. */
function dealer<T>(deck: readonly T[], random: () => number): () => T {
  let hand: T[] = [];
  return () => {
    if (hand.length === 0) {
      hand = [...deck];
      for (let i = hand.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [hand[i], hand[j]] = [hand[j]!, hand[i]!];
      }
    }
    return hand.pop()!;
  };
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
  const nextSalesKill = dealer(salesKillDeck, random);
  const nextRestartKill = dealer(restartKillDeck, random);
  let owedRestartKill = false;
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
      let kill: KillPoint;
      switch (nextSalesKill()) {
        case "any_moment":
          kill = { at: "any_moment", afterMs: integer(0, 40) };
          break;
        case "before_gateway":
          kill = { at: "before_gateway", operation: victim };
          break;
        case "after_charge": {
          kill = { at: "after_charge", operation: victim };
          // A card lost before the provider is never charged, so it cannot die after a charge.
          const target = operations[victim]!;
          if (target.card === "timeoutBeforeReceipt")
            operations[victim] = { ...target, card: "approvedVisa" };
          break;
        }
      }
      return { operations, concurrency: integer(1, 3), kill };
    },
    restartKill() {
      if (owedRestartKill) {
        owedRestartKill = false;
        return { at: "during_recovery", lookup: 1 };
      }
      return nextRestartKill() ? { at: "during_recovery", lookup: integer(1, 3) } : null;
    },
    restartSurvived() {
      owedRestartKill = true;
    },
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

/**
 * What a sale or retry idempotency key already points at: its contract, and whether the
 * provider holds a charge for the newest attempt at the same installments (the one a replay
 * answers from) — or null when the key's first transaction never committed.
 */
export function committedSaleOf(
  files: { databaseFile: string; ledgerFile: string },
  scope: string,
  idempotencyKey: string,
): { contractId: string; latestAttemptCharged: boolean } | null {
  const db = new BetterSqlite3(files.databaseFile, { readonly: true, fileMustExist: true });
  let row: { contract_id: string; latest_key: string } | undefined;
  try {
    row = db
      .prepare(
        `SELECT i.contract_id,
                (SELECT p.idempotency_key FROM payment_installments same
                   JOIN payments p ON p.id = same.payment_id
                  WHERE same.installment_id = pi.installment_id
                  ORDER BY p.id DESC LIMIT 1) AS latest_key
           FROM idempotency_keys k
           JOIN payment_installments pi ON 'payment:' || pi.payment_id = k.resource
           JOIN installments i ON i.id = pi.installment_id
          WHERE k.scope = ? AND k.key = ? LIMIT 1`,
      )
      .get(scope, idempotencyKey) as typeof row;
  } finally {
    db.close();
  }
  if (!row) return null;
  return {
    contractId: row.contract_id,
    latestAttemptCharged: readLedgerCharges(files.ledgerFile).has(row.latest_key),
  };
}
