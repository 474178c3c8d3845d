import { closeSync, existsSync, fsyncSync, openSync, readFileSync, truncateSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { z } from "zod";
import { gatewayError } from "../errors/gateway-error";
import { moneySchema } from "../money/money";
import {
  type SandboxCharge,
  type SandboxRefund,
  sandboxChargeSchema,
  sandboxRefundSchema,
} from "./sandbox-charge";
import { createDueIndex } from "./sandbox-due-index";
import { createRecurrenceBook } from "./sandbox-recurrence-book";
import { keptCardSchema, type SandboxRecurrence, sandboxRecurrenceSchema } from "./sandbox-recurrence-record";

/**
 * The sandbox provider's books: an append-only list of what it did (a charge created, a
 * charge's status changed, a refund made, a card stored, a recurrence started or stopped),
 * folded into the current state.
 * With a file, every entry is one JSON line written and fsync'ed before the call that made
 * it returns, and the file is read back at creation — so a test can kill the process at
 * any point and still compare the provider's books with Tessera's.
 */

const storedCardSchema = keptCardSchema;

export const sandboxLedgerEntrySchema = z.discriminatedUnion("kind", [
  /** `startsRecurrence`: the recurrence charge 1 starts, in the same line so neither exists without the other. */
  z.object({
    kind: z.literal("charge"),
    at: z.string(),
    charge: sandboxChargeSchema,
    startsRecurrence: sandboxRecurrenceSchema.optional(),
  }),
  z.object({
    kind: z.literal("charge_status"),
    at: z.string(),
    reference: z.string(),
    status: z.enum(["paid", "canceled", "expired"]),
  }),
  /** An authorized card charge captured, for `amount` (what it now collects; at most what was held). */
  z.object({ kind: z.literal("charge_capture"), at: z.string(), reference: z.string(), amount: moneySchema }),
  z.object({ kind: z.literal("refund"), at: z.string(), refund: sandboxRefundSchema }),
  /** A pending refund settled (`asyncRefunds`). */
  z.object({
    kind: z.literal("refund_status"),
    at: z.string(),
    chargeReference: z.string(),
    refundKey: z.string(),
    status: z.enum(["succeeded", "failed"]),
  }),
  /** A reusable card token (Cielo's CardToken) and the card facts behind it — never the number. */
  z.object({ kind: z.literal("stored_card"), at: z.string(), token: z.string(), card: storedCardSchema }),
  /** A recurrence stopped by `deactivateRecurrence` (one that finished or gave up says so on its last charge). */
  z.object({
    kind: z.literal("recurrence_status"),
    at: z.string(),
    reference: z.string(),
    status: z.literal("deactivated"),
  }),
]);
export type SandboxLedgerEntry = z.infer<typeof sandboxLedgerEntrySchema>;
export type StoredCard = z.infer<typeof storedCardSchema>;

export interface SandboxLedger {
  /** Writes the entry (to the file first, when there is one) and applies it. */
  append(entry: SandboxLedgerEntry): void;
  findCharge(reference: string): SandboxCharge | null;
  findChargeByKey(idempotencyKey: string): SandboxCharge | null;
  findRefund(chargeReference: string, refundKey: string): SandboxRefund | null;
  /** One charge's refunds, oldest first. */
  refundsOf(chargeReference: string): SandboxRefund[];
  /** The refunds still pending, oldest first (only `asyncRefunds` makes any). */
  pendingRefunds(): SandboxRefund[];
  findStoredCard(token: string): StoredCard | null;
  /** The pending charges and authorizations, oldest first: the only ones time or the payer can still change. */
  openCharges(): SandboxCharge[];
  /**
   * The pending charges whose `settlesAt` is at or before `nowMs`, oldest first. It reads
   * only those (and the ones closed since they were indexed), never the whole book, so a
   * sandbox that made a million charges settles as fast as one that made ten.
   */
  dueCharges(nowMs: number): SandboxCharge[];
  findRecurrence(reference: string): SandboxRecurrence | null;
  /**
   * The active recurrence whose next charge is due earliest, at or before `nowMs`, or null;
   * it stays due until one of its charges is appended. Reads only what is due (an index, as
   * `dueCharges`), never every recurrence.
   */
  nextDueRecurrence(nowMs: number): SandboxRecurrence | null;
  recurrences(): SandboxRecurrence[];
  charges(): SandboxCharge[];
  refunds(): SandboxRefund[];
  /** Every entry in the order it was written. */
  entries(): SandboxLedgerEntry[];
}

/**
 * Opens the ledger, in memory or backed by `file`. A last line cut short by a crash is
 * dropped (and cut from the file, so the next line starts clean); any other unreadable
 * line is a corrupt ledger and throws `gateway_configuration`.
 *
 * `settlesAt` says when a pending charge settles by itself (paid or expired; `Infinity`:
 * never), which orders the due index. It is the gateway's rule, not the books': a ledger
 * file reopened with other options is indexed by the new rule. `recurrenceDueAt`, likewise,
 * says when an active recurrence charges next (`Infinity`: never; the default).
 */
export function openSandboxLedger(options: {
  gatewayId: string;
  file: string | null;
  settlesAt?: (charge: SandboxCharge) => number;
  recurrenceDueAt?: (recurrence: SandboxRecurrence) => number;
}): SandboxLedger {
  const settlesAt = options.settlesAt ?? (() => Number.POSITIVE_INFINITY);
  const recurrences = createRecurrenceBook(options.recurrenceDueAt ?? (() => Number.POSITIVE_INFINITY));
  const log: SandboxLedgerEntry[] = [];
  const charges = new Map<string, SandboxCharge>();
  const byKey = new Map<string, string>();
  const refunds = new Map<string, SandboxRefund>();
  const refundsByCharge = new Map<string, Map<string, SandboxRefund>>();
  const storedCards = new Map<string, StoredCard>();
  // Pending refunds in creation order; one leaves when it settles.
  const pending = new Map<string, SandboxRefund>();
  // Pending charges in creation order; a charge leaves when its status changes.
  const open = new Map<string, SandboxCharge>();
  const due = createDueIndex();
  let sequence = 0;

  function apply(entry: SandboxLedgerEntry): void {
    log.push(entry);
    switch (entry.kind) {
      case "charge": {
        const charge = { ...entry.charge };
        charges.set(charge.reference, charge);
        // A charge the provider made for a recurrence keeps charge 1's key (as Cielo keeps the
        // MerchantOrderId): a lookup by our key must still find charge 1, never the latest.
        if ((charge.recurrence?.sequence ?? 1) === 1) byKey.set(charge.idempotencyKey, charge.reference);
        recurrences.recordCharge(charge, entry.startsRecurrence);
        sequence += 1;
        // An authorization is open too: it is captured, or lapses by itself.
        if (charge.status === "pending" || charge.status === "authorized") {
          open.set(charge.reference, charge);
          const at = settlesAt(charge);
          if (at !== Number.POSITIVE_INFINITY) due.push({ at, sequence, reference: charge.reference });
        }
        return;
      }
      case "charge_status": {
        const charge = charges.get(entry.reference);
        if (!charge) return;
        charge.status = entry.status;
        if (entry.status === "paid") charge.paidAt = entry.at;
        else charge.closedAt = entry.at;
        // Its entry in the due index, if any, goes when it comes up (see dueCharges).
        open.delete(entry.reference);
        return;
      }
      case "charge_capture": {
        const charge = charges.get(entry.reference);
        if (!charge) return;
        charge.status = "paid";
        charge.paidAt = entry.at;
        charge.amount = entry.amount;
        open.delete(entry.reference);
        return;
      }
      case "refund": {
        keepRefund({ ...entry.refund });
        return;
      }
      case "refund_status": {
        const refund = refunds.get(refundIndex(entry.chargeReference, entry.refundKey));
        if (refund) keepRefund({ ...refund, status: entry.status, settledAt: entry.at });
        return;
      }
      case "stored_card":
        storedCards.set(entry.token, entry.card);
        return;
      case "recurrence_status":
        recurrences.deactivate(entry.reference, entry.at);
        return;
    }
  }

  function keepRefund(refund: SandboxRefund): void {
    const { chargeReference, refundKey } = refund;
    refunds.set(refundIndex(chargeReference, refundKey), refund);
    let ofCharge = refundsByCharge.get(chargeReference);
    if (ofCharge === undefined) {
      ofCharge = new Map();
      refundsByCharge.set(chargeReference, ofCharge);
    }
    ofCharge.set(refundKey, refund);
    if (refund.status === "pending") pending.set(refundIndex(chargeReference, refundKey), refund);
    else pending.delete(refundIndex(chargeReference, refundKey));
  }

  if (options.file !== null) {
    for (const entry of readLedgerFile(options.gatewayId, options.file, { repairTornTail: true }))
      apply(entry);
  }

  return {
    append(entry) {
      if (options.file !== null) appendDurably(options.file, `${JSON.stringify(entry)}\n`);
      apply(entry);
    },
    findCharge: (reference) => copy(charges.get(reference)),
    findChargeByKey(idempotencyKey) {
      const reference = byKey.get(idempotencyKey);
      return reference === undefined ? null : copy(charges.get(reference));
    },
    findRefund: (chargeReference, refundKey) => refunds.get(refundIndex(chargeReference, refundKey)) ?? null,
    refundsOf: (chargeReference) => [...(refundsByCharge.get(chargeReference)?.values() ?? [])],
    pendingRefunds: () => [...pending.values()],
    findStoredCard: (token) => storedCards.get(token) ?? null,
    openCharges: () => [...open.values()].map((charge) => ({ ...charge })),
    dueCharges(nowMs) {
      // Entries of charges closed since they were indexed are dropped here, once.
      const found = due.popUpTo(nowMs).filter((item) => open.has(item.reference));
      // Back in the index, so a caller that leaves one pending is handed it again next time.
      for (const item of found) due.push(item);
      return found
        .sort((a, b) => a.sequence - b.sequence)
        .map((item) => ({ ...(open.get(item.reference) as SandboxCharge) }));
    },
    findRecurrence: (reference) => recurrences.find(reference),
    nextDueRecurrence: (nowMs) => recurrences.nextDue(nowMs),
    recurrences: () => recurrences.all(),
    charges: () => [...charges.values()].map((charge) => ({ ...charge })),
    refunds: () => [...refunds.values()],
    entries: () => [...log],
  };
}

function refundIndex(chargeReference: string, refundKey: string): string {
  return `${chargeReference}\u0000${refundKey}`;
}

function copy(charge: SandboxCharge | undefined): SandboxCharge | null {
  return charge === undefined ? null : { ...charge };
}

/**
 * Reads a ledger file as it stands on disk — the independent path a crash test compares
 * Tessera's books against. A missing file is an empty ledger.
 */
export function readSandboxLedgerFile(file: string): SandboxLedgerEntry[] {
  return readLedgerFile("sandbox", file, { repairTornTail: false });
}

function readLedgerFile(
  gatewayId: string,
  file: string,
  options: { repairTornTail: boolean },
): SandboxLedgerEntry[] {
  if (!existsSync(file)) return [];
  const text = readFileSync(file, "utf8");
  const lines = text.split("\n");
  const entries: SandboxLedgerEntry[] = [];
  let validLength = 0;
  for (const [index, line] of lines.entries()) {
    const isLast = index === lines.length - 1;
    if (line === "") {
      if (!isLast) throw corrupt(gatewayId, file, index + 1);
      continue;
    }
    const entry = parseLine(line);
    if (entry === null) {
      // Only the final, unterminated line can be torn by a crash mid-write.
      if (isLast) break;
      throw corrupt(gatewayId, file, index + 1);
    }
    entries.push(entry);
    validLength += Buffer.byteLength(line, "utf8") + 1;
  }
  if (options.repairTornTail && validLength < Buffer.byteLength(text, "utf8"))
    truncateSync(file, validLength);
  return entries;
}

function parseLine(line: string): SandboxLedgerEntry | null {
  try {
    const parsed = sandboxLedgerEntrySchema.safeParse(JSON.parse(line));
    return parsed.success ? (parsed.data as SandboxLedgerEntry) : null;
  } catch {
    return null;
  }
}

function corrupt(gatewayId: string, file: string, line: number) {
  return gatewayError(
    gatewayId,
    "gateway_configuration",
    `The sandbox ledger ${file} is unreadable at line ${line}.`,
    {
      details: { file, line },
    },
  );
}

/** One line, written and flushed to the disk before returning (write + fsync). */
function appendDurably(file: string, line: string): void {
  const isNew = !existsSync(file);
  const fd = openSync(file, "a");
  try {
    writeSync(fd, line);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  if (isNew) syncDirectory(dirname(file));
}

/** A new file's name is durable only once its directory is flushed too (Linux). */
function syncDirectory(directory: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(directory, "r");
    fsyncSync(fd);
  } catch {
    // Some platforms cannot fsync a directory; the file's own fsync is the best they offer.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
