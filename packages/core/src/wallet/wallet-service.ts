import { runIdempotent } from "../checkout/idempotent-request";
import type { Contract } from "../contracts/contract";
import { TesseraError } from "../errors/tessera-error";
import { fingerprintOf } from "../idempotency/idempotency-record";
import { formatResourceReference, type ResourceReference } from "../idempotency/resource-reference";
import type { Id } from "../ids/id";
import type { Money } from "../money/money";
import type { Payment } from "../payments/payment";
import type { ServiceContext } from "../ports/service-context";
import type { Page, PageRequest, Repositories } from "../ports/storage";
import { parseInput } from "../validation/parse-input";
import type { WalletEntry } from "./wallet-entry";
import {
  type PayFromBalanceInput,
  payFromBalanceInputSchema,
  type WalletCreditInput,
  type WalletDebitInput,
  type WalletReversalInput,
  walletCreditInputSchema,
  walletDebitInputSchema,
  walletReversalInputSchema,
} from "./wallet-input";
import { addWalletEntry, type WalletMovement } from "./wallet-ledger";
import { payContractFromBalance } from "./wallet-payment";

/** A wallet line as `credit`, `debit` or `reverse` answer it. */
export interface WalletOutcome extends WalletMovement {
  /** True when this answer comes from an earlier call with the same idempotency key; `balance` is then today's. */
  replayed: boolean;
}

/** Installments paid from the balance. */
export interface BalancePaymentOutcome {
  payment: Payment;
  contract: Contract;
  /** The debit that paid it. */
  entry: WalletEntry;
  balance: Money;
  replayed: boolean;
}

/**
 * A customer's account credit (imprimaSTORE seed: "crédito em conta"): an append-only ledger
 * whose balance is the sum of its lines and never goes below zero, in each currency. Every
 * change is a line — a credit, a debit, a refund credit, a reversal — written in the same
 * transaction as what it paid, and every write takes an idempotency key.
 *
 * @example
 * ```ts
 * await tessera.wallet.credit({
 *   customerId, unitId, amount: { amount: 20_000, currency: "BRL" }, method: "pix",
 *   note: "crédito para as próximas mensalidades", actor: staffId, idempotencyKey: crypto.randomUUID(),
 * });
 * await tessera.wallet.payFromBalance({ contractId, idempotencyKey: crypto.randomUUID() });
 * ```
 */
export interface WalletService {
  /** Money in, by the method it came in by, with a note and who took it. */
  credit(input: WalletCreditInput): Promise<WalletOutcome>;
  /** Money out by hand (cash given back); refused with `insufficient_balance` beyond the balance. */
  debit(input: WalletDebitInput): Promise<WalletOutcome>;
  /**
   * Undoes a credit or a manual debit with a line of the opposite amount, once: a line that
   * paid or refunded something is undone by refunding that payment instead, and a reversal
   * is not reversed (`invalid_transition`). Reversing a credit already spent is
   * `insufficient_balance`.
   */
  reverse(input: WalletReversalInput): Promise<WalletOutcome>;
  /**
   * Pays a contract's first unpaid installments from the balance, whole: a payment of method
   * `wallet` (raw status `paid_from_balance`) confirms them as any payment does. Refused with
   * `insufficient_balance` when the balance does not cover them, writing nothing; with
   * `payment_in_progress` while another attempt at them is open.
   */
  payFromBalance(input: PayFromBalanceInput): Promise<BalancePaymentOutcome>;
  balance(customerId: Id<"customer">, currency: string): Promise<Money>;
  /** One line by its id (whose customer a caller checks its scope by); null when there is none. */
  get(entryId: Id<"walletEntry">): Promise<WalletEntry | null>;
  /** The customer's lines, oldest first, a page at a time. */
  history(customerId: Id<"customer">, page?: PageRequest): Promise<Page<WalletEntry>>;
}

export function createWalletService(ctx: ServiceContext): WalletService {
  async function entryOrThrow(repos: Repositories, id: Id<"walletEntry">): Promise<WalletEntry> {
    const entry = await repos.wallet.findById(id);
    if (!entry) {
      throw new TesseraError("not_found", `Wallet entry ${id} does not exist.`, {
        details: { entity: "walletEntry", id },
      });
    }
    return entry;
  }

  async function replayedEntry(reference: ResourceReference): Promise<WalletOutcome> {
    if (reference.kind !== "walletEntry")
      throw new Error(`a wallet key names ${reference.kind} ${reference.id}`);
    const entry = await entryOrThrow(ctx.storage, reference.id);
    const balance = await ctx.storage.wallet.balance(entry.customerId, entry.amount.currency);
    return { entry, balance, replayed: true };
  }

  /** Checks the customer is the unit's organization's, as a staff member or key of that unit may touch. */
  async function checkOwner(tx: Repositories, customerId: Id<"customer">, unitId: Id<"unit">): Promise<void> {
    const [customer, unit] = await Promise.all([
      tx.customers.findById(customerId),
      tx.units.findById(unitId),
    ]);
    if (!unit)
      throw new TesseraError("not_found", `Unit ${unitId} does not exist.`, {
        details: { entity: "unit", id: unitId },
      });
    if (!customer || customer.organizationId !== unit.organizationId) {
      throw new TesseraError("not_found", `Customer ${customerId} does not exist.`, {
        details: { entity: "customer", id: customerId },
      });
    }
  }

  /** A manual line under its idempotency key, scoped to the customer's wallet. */
  function manualLine(
    label: string,
    data: { customerId: string; idempotencyKey: string },
    fingerprint: unknown,
    write: (tx: Repositories) => Promise<WalletMovement>,
  ): Promise<WalletOutcome> {
    const scope = `wallet:${data.customerId}`;
    const hash = fingerprintOf(fingerprint);
    return runIdempotent(
      ctx,
      { scope, key: data.idempotencyKey, fingerprint: hash, label, lookup: "first" },
      replayedEntry,
      () =>
        ctx.storage.transaction(async (tx) => {
          const movement = await write(tx);
          await tx.idempotencyKeys.insert({
            scope,
            key: data.idempotencyKey,
            fingerprint: hash,
            resource: formatResourceReference({ kind: "walletEntry", id: movement.entry.id }),
            createdAt: ctx.clock.now(),
          });
          return { ...movement, replayed: false };
        }),
    );
  }

  return {
    async credit(input) {
      const data = parseInput(walletCreditInputSchema, input, "wallet credit");
      const { idempotencyKey: _key, actor: _actor, ...meant } = data;
      return manualLine("wallet credit", data, { credit: meant }, async (tx) => {
        await checkOwner(tx, data.customerId as Id<"customer">, data.unitId as Id<"unit">);
        return addWalletEntry(ctx, tx, {
          customerId: data.customerId as Id<"customer">,
          unitId: data.unitId as Id<"unit">,
          kind: "credit",
          amount: data.amount,
          method: data.method,
          note: data.note,
          actor: data.actor,
        });
      });
    },

    async debit(input) {
      const data = parseInput(walletDebitInputSchema, input, "wallet debit");
      const { idempotencyKey: _key, actor: _actor, ...meant } = data;
      return manualLine("wallet debit", data, { debit: meant }, async (tx) => {
        await checkOwner(tx, data.customerId as Id<"customer">, data.unitId as Id<"unit">);
        return addWalletEntry(ctx, tx, {
          customerId: data.customerId as Id<"customer">,
          unitId: data.unitId as Id<"unit">,
          kind: "debit",
          amount: { amount: -data.amount.amount, currency: data.amount.currency },
          method: null,
          note: data.note,
          actor: data.actor,
        });
      });
    },

    async reverse(input) {
      const data = parseInput(walletReversalInputSchema, input, "wallet reversal");
      const original = await entryOrThrow(ctx.storage, data.entryId as Id<"walletEntry">);
      const refuse = (why: string) =>
        new TesseraError("invalid_transition", `Wallet entry ${original.id} cannot be reversed: ${why}.`, {
          details: { entity: "walletEntry", id: original.id, from: original.kind, to: "reversal" },
        });
      if (original.kind === "reversal") throw refuse("it is a reversal itself");
      if (original.kind === "refund_credit" || original.paymentId !== null || original.orderId !== null)
        throw refuse("it paid or refunded a payment; refund that payment instead");
      // One reversal per line: its marker is unique, so two racing reversals cannot both land.
      const marker = { scope: "wallet-reversal", key: original.id };
      return manualLine(
        "wallet reversal",
        { customerId: original.customerId, idempotencyKey: data.idempotencyKey },
        { reverse: original.id },
        async (tx) => {
          if (await tx.idempotencyKeys.find(marker.scope, marker.key))
            throw refuse("it was reversed already");
          const movement = await addWalletEntry(ctx, tx, {
            customerId: original.customerId,
            unitId: original.unitId,
            kind: "reversal",
            amount: { amount: -original.amount.amount, currency: original.amount.currency },
            method: original.method,
            note: data.note,
            actor: data.actor,
            reversesEntryId: original.id,
          });
          await tx.idempotencyKeys.insert({
            ...marker,
            fingerprint: fingerprintOf({ reverse: original.id }),
            resource: formatResourceReference({ kind: "walletEntry", id: movement.entry.id }),
            createdAt: ctx.clock.now(),
          });
          return movement;
        },
      );
    },

    async payFromBalance(input) {
      const data = parseInput(payFromBalanceInputSchema, input, "payment from balance");
      const contractId = data.contractId as Id<"contract">;
      const scope = `wallet-payment:${contractId}`;
      const fingerprint = fingerprintOf({ contractId });
      return runIdempotent<BalancePaymentOutcome>(
        ctx,
        { scope, key: data.idempotencyKey, fingerprint, label: "payment from balance", lookup: "first" },
        async (reference) => {
          if (reference.kind !== "payment") throw new Error(`a wallet payment's key names ${reference.kind}`);
          const payment = await ctx.storage.payments.findById(reference.id);
          const contract = await ctx.storage.contracts.findById(contractId);
          const entry = payment?.providerReference
            ? await ctx.storage.wallet.findById(payment.providerReference as Id<"walletEntry">)
            : null;
          if (!payment || !contract || !entry)
            throw new Error(`the wallet payment of key ${data.idempotencyKey} is incomplete`);
          const balance = await ctx.storage.wallet.balance(payment.customerId, payment.amount.currency);
          return { payment, contract, entry, balance, replayed: true };
        },
        () =>
          ctx.storage.transaction(async (tx) => {
            const paid = await payContractFromBalance(ctx, tx, { contractId, actor: data.actor });
            await tx.idempotencyKeys.insert({
              scope,
              key: data.idempotencyKey,
              fingerprint,
              resource: formatResourceReference({ kind: "payment", id: paid.payment.id }),
              createdAt: ctx.clock.now(),
            });
            return {
              payment: paid.payment,
              contract: paid.contract,
              entry: paid.movement.entry,
              balance: paid.movement.balance,
              replayed: false,
            };
          }),
      );
    },

    balance(customerId, currency) {
      return ctx.storage.wallet.balance(customerId, currency);
    },

    get(entryId) {
      return ctx.storage.wallet.findById(entryId);
    },

    history(customerId, page) {
      return ctx.storage.wallet.listEntries(customerId, page);
    },
  };
}
