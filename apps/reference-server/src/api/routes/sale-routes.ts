import {
  type ApiKey,
  type AuditDetailValue,
  canSeeUnit,
  type ParsedSaleInput,
  type Plan,
  parseInput,
  retryInputSchema,
  type SaleInput,
  type SaleOutcome,
  saleInputSchema,
  type Tessera,
  TesseraError,
  type Unit,
} from "@tessera/core";
import { findCustomerOfUnit } from "../../scope/customer-of-unit";
import { saleOutcomeView } from "../api-response-schemas";
import { apiRoute, noQuery } from "../api-route";
import { contractForKey } from "../api-scope";
import { publicOutcome } from "../public-customer";

/**
 * A sale's body: `SaleInput` without what the request decides (the header's key; `source` is
 * `api`; `actor`, the key — the wallet line of a split payment names it).
 */
const saleBodySchema = saleInputSchema.omit({ idempotencyKey: true, source: true, actor: true });

/**
 * A retry's body: `RetryInput` without the contract (the address), the key (the header) and
 * `actor` — the wallet line of a split payment names the API key, as every wallet route does.
 */
const retryBodySchema = retryInputSchema.omit({ contractId: true, idempotencyKey: true, actor: true });

const outcome = { name: "SaleOutcome", schema: saleOutcomeView };

/** A unit the key may not see is refused as core refuses one that does not exist: nothing leaks. */
const unitNotFound = () =>
  new TesseraError("validation_failed", "Invalid sale: unitId: no such unit.", {
    details: { issues: [{ path: ["unitId"], code: "not_found", message: "unit does not exist" }] },
  });

/** What the audit keeps of a payment's wallet part: its amount, when there is one. */
function balanceDetails(outcome: SaleOutcome): Record<string, AuditDetailValue> {
  const part = outcome.payment?.fromBalance;
  return part ? { fromBalance: part.amount.amount, walletEntry: part.entryId } : {};
}

/**
 * A unit's key spends only the balance of a customer it sees (one with a contract in its
 * unit), the line the wallet routes draw: a buyer the organization knows from another unit
 * only is answered as a buyer with no balance — `insufficient_balance` when the body asks
 * for `fromBalance`, and "choose how to pay" when it leaves the method out of a plan with
 * something to collect (core would pay it from their wallet by itself). An organization's
 * key sees every customer.
 */
async function checkBalanceScope(tessera: Tessera, key: ApiKey, unit: Unit, sale: ParsedSaleInput) {
  if (key.scope.kind !== "unit" || !sale.buyer.document) return;
  if (sale.fromBalance === undefined && sale.method !== undefined) return;
  const customer = await tessera.customers.findByDocument(unit.organizationId, sale.buyer.document);
  if (!customer || (await findCustomerOfUnit(tessera, unit, customer.id))) return;
  if (sale.fromBalance) {
    throw new TesseraError("insufficient_balance", "The buyer's balance does not cover `fromBalance`.", {
      details: { balance: { amount: 0, currency: sale.fromBalance.currency } },
    });
  }
  const balance = await tessera.wallet.balance(customer.id, unit.currency);
  const plan = await tessera.plans.get(sale.planId as Plan["id"]);
  const free = plan && plan.price.amount === 0 && (plan.enrollmentFee?.amount ?? 0) === 0;
  if (balance.amount > 0 && plan?.unitId === unit.id && !free) {
    throw new TesseraError("validation_failed", "Invalid sale: method: choose how to pay.", {
      details: { issues: [{ path: ["method"], code: "required", message: "choose how to pay" }] },
    });
  }
}

/** Selling and paying again: both move money, so both take an `Idempotency-Key`. */
export const saleRoutes = [
  apiRoute({
    method: "post",
    path: "/sales",
    operationId: "startSale",
    tag: "Sales",
    summary: "Sells a plan",
    description:
      "Creates the customer (or finds them by document), the contract and its installments, and charges the first. `fromBalance` pays that much of it from the customer's wallet and the rest by `method` (the payment's `fromBalance` shows the part); with no `method`, a known buyer whose balance covers what is due pays it all from the wallet (payment method `wallet`). A balance short of `fromBalance` is a 422 `insufficient_balance`; a part not less than what is due, with a method, a 422 on `fromBalance` (`too_big`). A unit's key spends only the balance of a customer with a contract in its unit. The same `Idempotency-Key` answers the first sale (`replayed: true`) and never charges twice; with other data it is a 422; while the first is still running it is a 409 with `Retry-After`.",
    query: noQuery,
    body: { name: "SaleInput", schema: saleBodySchema },
    idempotent: true,
    problems: [409, 503],
    response: { status: 201, description: "The sale's outcome.", schema: outcome },
    handle: async ({ tessera, key, body, idempotencyKey, audit }) => {
      const sale = parseInput(saleBodySchema, body, "sale");
      const unit = await tessera.organizations.getUnit(sale.unitId as Unit["id"]);
      if (!unit || !canSeeUnit(key, unit)) throw unitNotFound();
      await checkBalanceScope(tessera, key, unit, { ...sale, idempotencyKey, source: "api" });
      // The parsed body is `SaleInputFields`; `sales.start` checks again which fields go together.
      const result = await tessera.sales.start({
        ...sale,
        idempotencyKey,
        source: "api",
        actor: key.id,
      } as SaleInput);
      await audit(
        "sale.started",
        { kind: "contract", id: result.contract.id },
        { planId: sale.planId, status: result.status, replayed: result.replayed, ...balanceDetails(result) },
      );
      return publicOutcome(result);
    },
  }),
  apiRoute({
    method: "post",
    path: "/contracts/{contract}/retry",
    operationId: "retryContractPayment",
    tag: "Sales",
    summary: "Pays a contract's pending installments again",
    description:
      "After a decline, or with another method. `fromBalance` pays that much from the customer's wallet and the rest by `method` (less than what is due: all of it is `pay-from-balance`); the wallet line's actor is the key. Debited with the attempt and given back if it fails. Refused (409 `payment_in_progress`) while another attempt is open; a balance short of `fromBalance` is a 422 `insufficient_balance`.",
    params: { contract: "The contract's id (`ctr_…`)." },
    query: noQuery,
    body: { name: "RetryInput", schema: retryBodySchema },
    idempotent: true,
    problems: [409, 503],
    response: { status: 201, description: "The new attempt's outcome.", schema: outcome },
    handle: async ({ tessera, key, params, body, idempotencyKey, audit }) => {
      const contract = await contractForKey(tessera, key, params["contract"] ?? "");
      const retry = parseInput(retryBodySchema, body, "payment retry");
      const result = await tessera.payments.retry({
        ...retry,
        contractId: contract.id,
        actor: key.id,
        idempotencyKey,
      });
      await audit(
        "payment.retried",
        { kind: "contract", id: contract.id },
        { status: result.status, replayed: result.replayed, ...balanceDetails(result) },
      );
      return publicOutcome(result);
    },
  }),
];
