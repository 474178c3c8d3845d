import {
  type ApiKey,
  canSeeUnit,
  decodePageCursor,
  encodePageCursor,
  isTesseraError,
  parseInput,
  type Tessera,
  TesseraError,
  type Unit,
  type WalletEntry,
  walletCreditInputSchema,
  walletDebitInputSchema,
  walletReversalInputSchema,
} from "@tessera/core";
import { pageQuerySchema } from "../api-pagination";
import { ApiProblem } from "../api-problem";
import { balancePaymentView, walletOutcomeView, walletView } from "../api-response-schemas";
import { apiRoute, noQuery } from "../api-route";
import { contractForKey, customerInScopeForKey } from "../api-scope";

const customerParam = { customer: "The customer's id (`cus_…`)." };

/** A credit's body: `WalletCreditInput` without what the request decides (the customer in the address, the header's key, the key as actor). */
const creditBodySchema = walletCreditInputSchema.omit({
  customerId: true,
  idempotencyKey: true,
  actor: true,
});

/** A manual debit's body, the same way: `WalletDebitInput` (its `note` is required). */
const debitBodySchema = walletDebitInputSchema.omit({ customerId: true, idempotencyKey: true, actor: true });

const outcome = { name: "WalletOutcome", schema: walletOutcomeView };

/** A reversal's body: why (`WalletReversalInput` without the line in the address, the header's key, the key as actor). */
const reversalBodySchema = walletReversalInputSchema.omit({
  entryId: true,
  idempotencyKey: true,
  actor: true,
});

/** The unit a body names, when the key may see it; one it may not is refused as one that does not exist. */
async function bodyUnitForKey(tessera: Tessera, key: ApiKey, unitId: string): Promise<Unit> {
  const unit = /^unit_[0-9A-Z]{1,60}$/.test(unitId)
    ? await tessera.organizations.getUnit(unitId as Unit["id"])
    : null;
  if (!unit || !canSeeUnit(key, unit)) {
    throw new TesseraError("validation_failed", "Invalid wallet line: unitId: no such unit.", {
      details: { issues: [{ path: ["unitId"], code: "not_found", message: "unit does not exist" }] },
    });
  }
  return unit;
}

/** The wallet page cursor: core's opaque form of the last line's id; anything else is a malformed query (400). */
function afterOf(cursor: string | undefined): string | undefined {
  try {
    return decodePageCursor("walletEntry", cursor);
  } catch (error) {
    if (isTesseraError(error, "validation_failed"))
      throw new ApiProblem("bad_request", "The query is not valid.", error.details.issues ?? []);
    throw error;
  }
}

/**
 * A customer's wallet (`tessera.wallet`): the balance and history, credits and manual debits
 * under the customer's address, and paying a contract from the balance. Every write takes an
 * `Idempotency-Key`, and the key is the line's actor. A line is reversed by its own id; the
 * key must see the line's customer, as for the customer's wallet.
 */
export const walletRoutes = [
  apiRoute({
    method: "get",
    path: "/customers/{customer}/wallet",
    operationId: "getWallet",
    tag: "Wallet",
    summary: "A customer's wallet: the balance and a page of its lines, oldest first",
    description:
      "The balance is the customer's in the whole organization, one per currency its units use. A unit's key sees the wallet of a customer with a contract in its unit.",
    params: customerParam,
    query: pageQuerySchema,
    response: {
      status: 200,
      description: "The balances and a page of lines.",
      schema: { name: "Wallet", schema: walletView },
    },
    handle: async ({ tessera, key, params, query }) => {
      const customer = await customerInScopeForKey(tessera, key, params["customer"] ?? "");
      const after = afterOf(query.cursor);
      const units = await tessera.organizations.listUnits(customer.organizationId);
      const currencies = [...new Set(units.map((unit) => unit.currency))].sort();
      const [balances, page] = await Promise.all([
        Promise.all(currencies.map((currency) => tessera.wallet.balance(customer.id, currency))),
        tessera.wallet.history(customer.id, { limit: query.limit, ...(after ? { after } : {}) }),
      ]);
      return {
        customerId: customer.id,
        balances,
        data: page.items,
        nextCursor: encodePageCursor(page.nextCursor),
      };
    },
  }),
  apiRoute({
    method: "post",
    path: "/customers/{customer}/wallet/credits",
    operationId: "creditWallet",
    tag: "Wallet",
    summary: "Adds money to a customer's wallet, by the method it came in by",
    description:
      "`unitId` is the unit where the money came in, one the key sees. The same `Idempotency-Key` answers the first line (`replayed: true`, today's balance); with other data it is a 422.",
    params: customerParam,
    query: noQuery,
    body: { name: "WalletCreditInput", schema: creditBodySchema },
    idempotent: true,
    response: { status: 201, description: "The credit line and the balance after it.", schema: outcome },
    handle: async ({ tessera, key, params, body, idempotencyKey, audit }) => {
      const customer = await customerInScopeForKey(tessera, key, params["customer"] ?? "");
      const credit = parseInput(creditBodySchema, body, "wallet credit");
      await bodyUnitForKey(tessera, key, credit.unitId);
      const result = await tessera.wallet.credit({
        ...credit,
        customerId: customer.id,
        actor: key.id,
        idempotencyKey,
      });
      await audit(
        "wallet.credited",
        { kind: "wallet_entry", id: result.entry.id },
        {
          customerId: customer.id,
          amount: result.entry.amount.amount,
          currency: result.entry.amount.currency,
          method: credit.method,
          replayed: result.replayed,
        },
      );
      return result;
    },
  }),
  apiRoute({
    method: "post",
    path: "/customers/{customer}/wallet/debits",
    operationId: "debitWallet",
    tag: "Wallet",
    summary: "Takes money out of a customer's wallet by hand, with why",
    description:
      "Money given back in cash, say; paying a contract is `pay-from-balance`. Beyond the balance it is a 422 `insufficient_balance`, and nothing is written.",
    params: customerParam,
    query: noQuery,
    body: { name: "WalletDebitInput", schema: debitBodySchema },
    idempotent: true,
    response: { status: 201, description: "The debit line and the balance after it.", schema: outcome },
    handle: async ({ tessera, key, params, body, idempotencyKey, audit }) => {
      const customer = await customerInScopeForKey(tessera, key, params["customer"] ?? "");
      const debit = parseInput(debitBodySchema, body, "wallet debit");
      await bodyUnitForKey(tessera, key, debit.unitId);
      const result = await tessera.wallet.debit({
        ...debit,
        customerId: customer.id,
        actor: key.id,
        idempotencyKey,
      });
      await audit(
        "wallet.debited",
        { kind: "wallet_entry", id: result.entry.id },
        {
          customerId: customer.id,
          amount: result.entry.amount.amount,
          currency: result.entry.amount.currency,
          replayed: result.replayed,
        },
      );
      return result;
    },
  }),
  apiRoute({
    method: "post",
    path: "/wallet-entries/{entry}/reversal",
    operationId: "reverseWalletEntry",
    tag: "Wallet",
    summary: "Undoes a credit or a manual debit with a line of the opposite amount, once",
    description:
      "A line that paid or refunded a payment, a reversal, or a line reversed already is a 409 `invalid_transition`; reversing a credit already spent is a 422 `insufficient_balance`. A line of a customer the key does not see is a 404. The same `Idempotency-Key` answers the first reversal.",
    params: { entry: "The wallet line's id (`wal_…`)." },
    query: noQuery,
    body: { name: "WalletReversalInput", schema: reversalBodySchema },
    idempotent: true,
    problems: [409, 422],
    response: { status: 201, description: "The reversal line and the balance after it.", schema: outcome },
    handle: async ({ tessera, key, params, body, idempotencyKey, audit }) => {
      const id = params["entry"] ?? "";
      const entry = /^wal_[0-9A-Z]{1,60}$/.test(id)
        ? await tessera.wallet.get(id as WalletEntry["id"])
        : null;
      if (!entry)
        throw new TesseraError("not_found", "No such wallet line.", {
          details: { entity: "walletEntry", id },
        });
      const customer = await customerInScopeForKey(tessera, key, entry.customerId);
      const reversal = parseInput(reversalBodySchema, body, "wallet reversal");
      const result = await tessera.wallet.reverse({
        entryId: entry.id,
        note: reversal.note,
        actor: key.id,
        idempotencyKey,
      });
      await audit(
        "wallet.reversed",
        { kind: "wallet_entry", id: result.entry.id },
        { customerId: customer.id, reverses: entry.id, replayed: result.replayed },
      );
      return result;
    },
  }),
  apiRoute({
    method: "post",
    path: "/contracts/{contract}/pay-from-balance",
    operationId: "payContractFromBalance",
    tag: "Wallet",
    summary: "Pays a contract's next unpaid installments from the customer's wallet",
    description:
      "The first unpaid installments due together, whole: a payment of method `wallet` confirms them as any payment does (a declined sale's contract is activated). A balance short of them is a 422 `insufficient_balance`; another attempt still open at them is a 409 `payment_in_progress`. The same `Idempotency-Key` answers the first payment.",
    params: { contract: "The contract's id (`ctr_…`)." },
    query: noQuery,
    idempotent: true,
    problems: [409, 422],
    response: {
      status: 201,
      description: "The payment, the contract, the debit and the balance left.",
      schema: { name: "BalancePayment", schema: balancePaymentView },
    },
    handle: async ({ tessera, key, params, idempotencyKey, audit }) => {
      const contract = await contractForKey(tessera, key, params["contract"] ?? "");
      const result = await tessera.wallet.payFromBalance({
        contractId: contract.id,
        actor: key.id,
        idempotencyKey,
      });
      await audit(
        "wallet.paid_from_balance",
        { kind: "payment", id: result.payment.id },
        {
          contract: contract.id,
          customerId: contract.customerId,
          walletEntry: result.entry.id,
          amount: result.payment.amount.amount,
          currency: result.payment.amount.currency,
          replayed: result.replayed,
        },
      );
      return result;
    },
  }),
];
