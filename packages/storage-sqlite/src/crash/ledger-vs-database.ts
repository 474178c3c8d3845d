import { readSandboxLedgerFile } from "@tessera/core/sandbox";
import BetterSqlite3 from "better-sqlite3";

/**
 * The crash test's verdict: the provider's books (the sandbox ledger file) against
 * Tessera's (the SQLite file), both read from disk through their own paths — raw rows, not
 * Tessera's repositories — so the code under test never grades itself.
 */

export interface LedgerVsDatabase {
  counts: {
    /** Distinct idempotency keys the provider has a charge for. */
    ledgerCharges: number;
    /** Of those, charges the payer's money moved for (card approved, PIX paid). */
    paidCharges: number;
    databasePayments: number;
    /** Provider charges with exactly one payment row of the same key, in the same state. */
    matched: number;
    /** Payment rows the provider never saw, settled as `failed`/`never_received`. */
    neverReceived: number;
    activeContracts: number;
    contracts: number;
    /** Sale idempotency keys, each with its one contract. */
    saleKeys: number;
    /** A second charge under one key, or a second paid charge for one contract. */
    doubleCharges: number;
    /** A provider charge with no payment row, or a paid one the database does not show paid. */
    lostCharges: number;
    /** Payment rows still `unknown`, or with no answer stored (`raw_status` null). */
    unanswered: number;
  };
  /** Every broken rule, one line each; empty when the books agree. */
  violations: string[];
}

interface PaymentRow {
  id: string;
  idempotency_key: string;
  method: string;
  status: string;
  raw_status: string | null;
  failure_code: string | null;
  amount: number;
  contract_id: string | null;
}

/** The payment status Tessera must show for the provider's status of the same charge. */
const expectedStatus: Record<string, string> = {
  paid: "succeeded",
  pending: "pending",
  declined: "failed",
  canceled: "canceled",
  expired: "canceled",
};

/** A provider charge as the ledger file holds it now: its first record, then its status changes. */
export interface LedgerCharge {
  key: string;
  method: string;
  status: string;
  amount: number;
  /** How many `charge` lines carry this key (more than one is a double charge). */
  created: number;
}

/** Folds the sandbox's ledger file into one entry per idempotency key. */
export function readLedgerCharges(ledgerFile: string): Map<string, LedgerCharge> {
  const byKey = new Map<string, LedgerCharge>();
  const keyOfReference = new Map<string, string>();
  for (const entry of readSandboxLedgerFile(ledgerFile)) {
    if (entry.kind === "charge") {
      const earlier = byKey.get(entry.charge.idempotencyKey);
      byKey.set(entry.charge.idempotencyKey, {
        key: entry.charge.idempotencyKey,
        method: entry.charge.method,
        status: entry.charge.status,
        amount: entry.charge.amount.amount,
        created: (earlier?.created ?? 0) + 1,
      });
      keyOfReference.set(entry.charge.reference, entry.charge.idempotencyKey);
    } else if (entry.kind === "charge_status") {
      const key = keyOfReference.get(entry.reference);
      const charge = key === undefined ? undefined : byKey.get(key);
      if (charge) charge.status = entry.status;
    }
  }
  return byKey;
}

/** Compares the two books after recovery; every rule is checked, not just the first broken. */
export function compareLedgerWithDatabase(files: {
  ledgerFile: string;
  databaseFile: string;
}): LedgerVsDatabase {
  const ledger = readLedgerCharges(files.ledgerFile);
  const db = new BetterSqlite3(files.databaseFile, { readonly: true, fileMustExist: true });
  try {
    const payments = db
      .prepare(
        `SELECT p.id, p.idempotency_key, p.method, p.status, p.raw_status, p.failure_code, p.amount,
                (SELECT i.contract_id FROM payment_installments pi JOIN installments i ON i.id = pi.installment_id
                  WHERE pi.payment_id = p.id LIMIT 1) AS contract_id
           FROM payments p`,
      )
      .all() as PaymentRow[];
    const contracts = db.prepare("SELECT id, status FROM contracts").all() as {
      id: string;
      status: string;
    }[];
    const saleKeys = db
      .prepare("SELECT key, resource FROM idempotency_keys WHERE scope LIKE 'sale:%'")
      .all() as { key: string; resource: string }[];
    return judge(ledger, payments, contracts, saleKeys);
  } finally {
    db.close();
  }
}

function judge(
  ledger: Map<string, LedgerCharge>,
  payments: PaymentRow[],
  contracts: { id: string; status: string }[],
  saleKeys: { key: string; resource: string }[],
): LedgerVsDatabase {
  const violations: string[] = [];
  const counts: LedgerVsDatabase["counts"] = {
    ledgerCharges: ledger.size,
    paidCharges: 0,
    databasePayments: payments.length,
    matched: 0,
    neverReceived: 0,
    activeContracts: contracts.filter((c) => c.status === "active").length,
    contracts: contracts.length,
    saleKeys: saleKeys.length,
    doubleCharges: 0,
    lostCharges: 0,
    unanswered: 0,
  };
  const paymentsByKey = new Map<string, PaymentRow[]>();
  for (const payment of payments) {
    paymentsByKey.set(payment.idempotency_key, [
      ...(paymentsByKey.get(payment.idempotency_key) ?? []),
      payment,
    ]);
  }
  const contractStatus = new Map(contracts.map((c) => [c.id, c.status]));
  const paidPerContract = new Map<string, number>();

  for (const charge of ledger.values()) {
    if (charge.status === "paid") counts.paidCharges++;
    if (charge.created > 1) {
      counts.doubleCharges++;
      violations.push(`key ${charge.key}: the provider created ${charge.created} charges`);
    }
    const rows = paymentsByKey.get(charge.key) ?? [];
    if (rows.length !== 1) {
      counts.lostCharges++;
      violations.push(`key ${charge.key}: ${rows.length} payment rows for one provider charge`);
      continue;
    }
    const row = rows[0]!;
    const expected = expectedStatus[charge.status];
    if (row.status !== expected) {
      if (charge.status === "paid") counts.lostCharges++;
      violations.push(`payment ${row.id}: ${row.status}, the provider says ${charge.status}`);
    } else if (row.amount !== charge.amount) {
      violations.push(`payment ${row.id}: ${row.amount}, the provider charged ${charge.amount}`);
    } else {
      counts.matched++;
    }
    if (charge.status === "paid" && row.contract_id !== null) {
      paidPerContract.set(row.contract_id, (paidPerContract.get(row.contract_id) ?? 0) + 1);
      if (contractStatus.get(row.contract_id) !== "active") {
        violations.push(
          `contract ${row.contract_id}: ${contractStatus.get(row.contract_id)} after paid charge ${charge.key}`,
        );
      }
    }
  }

  for (const payment of payments) {
    if (payment.status === "unknown" || payment.raw_status === null) {
      counts.unanswered++;
      violations.push(`payment ${payment.id}: left ${payment.status} with no answer after recovery`);
    }
    if (ledger.has(payment.idempotency_key)) continue;
    if (payment.status === "failed" && payment.failure_code === "never_received") {
      counts.neverReceived++;
    } else {
      if (payment.status === "succeeded") counts.lostCharges++;
      violations.push(`payment ${payment.id}: ${payment.status}, but the provider has no charge for it`);
    }
  }

  for (const [contractId, paid] of paidPerContract) {
    if (paid > 1) {
      counts.doubleCharges++;
      violations.push(`contract ${contractId}: ${paid} paid charges`);
    }
  }
  for (const contract of contracts) {
    if (contract.status === "active" && !paidPerContract.has(contract.id)) {
      violations.push(`contract ${contract.id}: active, but the provider was never paid for it`);
    }
  }

  const contractsOfSales = new Map<string, number>();
  const contractOfPayment = new Map(payments.map((p) => [p.id, p.contract_id]));
  for (const { key, resource } of saleKeys) {
    const contractId = contractOfPayment.get(resource.replace(/^payment:/, ""));
    if (!contractId) {
      violations.push(`sale key ${key}: points at no payment of a contract (${resource})`);
      continue;
    }
    contractsOfSales.set(contractId, (contractsOfSales.get(contractId) ?? 0) + 1);
  }
  for (const contract of contracts) {
    const sales = contractsOfSales.get(contract.id) ?? 0;
    if (sales !== 1) violations.push(`contract ${contract.id}: made by ${sales} sale keys`);
  }
  return { counts, violations };
}

/**
 * Right after a kill, before any restart: payment rows with no answer stored, split by
 * whether the provider holds a charge for them. Proves where a kill landed — after the
 * charge, or before the gateway was called.
 */
export function unansweredAfterKill(files: { ledgerFile: string; databaseFile: string }): {
  charged: number;
  uncharged: number;
} {
  const ledger = readLedgerCharges(files.ledgerFile);
  const db = new BetterSqlite3(files.databaseFile, { readonly: true, fileMustExist: true });
  try {
    const keys = db.prepare("SELECT idempotency_key FROM payments WHERE raw_status IS NULL").all() as {
      idempotency_key: string;
    }[];
    const charged = keys.filter((row) => ledger.has(row.idempotency_key)).length;
    return { charged, uncharged: keys.length - charged };
  } finally {
    db.close();
  }
}
