import {
  canSeeUnit,
  parseInput,
  retryInputSchema,
  type SaleInput,
  saleInputSchema,
  TesseraError,
  type Unit,
} from "@tessera/core";
import { saleOutcomeView } from "../api-response-schemas";
import { apiRoute, noQuery } from "../api-route";
import { contractForKey } from "../api-scope";
import { publicOutcome } from "../public-customer";

/** A sale's body: `SaleInput` without what the request decides (the header's key; `source` is `api`). */
const saleBodySchema = saleInputSchema.omit({ idempotencyKey: true, source: true });

/** A retry's body: `RetryInput` without the contract (the address) and the key (the header). */
const retryBodySchema = retryInputSchema.omit({ contractId: true, idempotencyKey: true });

const outcome = { name: "SaleOutcome", schema: saleOutcomeView };

/** A unit the key may not see is refused as core refuses one that does not exist: nothing leaks. */
const unitNotFound = () =>
  new TesseraError("validation_failed", "Invalid sale: unitId: no such unit.", {
    details: { issues: [{ path: ["unitId"], code: "not_found", message: "unit does not exist" }] },
  });

/** Selling and paying again: both move money, so both take an `Idempotency-Key`. */
export const saleRoutes = [
  apiRoute({
    method: "post",
    path: "/sales",
    operationId: "startSale",
    tag: "Sales",
    summary: "Sells a plan",
    description:
      "Creates the customer (or finds them by document), the contract and its installments, and charges the first. The same `Idempotency-Key` answers the first sale (`replayed: true`) and never charges twice; with other data it is a 422; while the first is still running it is a 409 with `Retry-After`.",
    query: noQuery,
    body: { name: "SaleInput", schema: saleBodySchema },
    idempotent: true,
    problems: [409, 503],
    response: { status: 201, description: "The sale's outcome.", schema: outcome },
    handle: async ({ tessera, key, body, idempotencyKey, audit }) => {
      const sale = parseInput(saleBodySchema, body, "sale");
      const unit = await tessera.organizations.getUnit(sale.unitId as Unit["id"]);
      if (!unit || !canSeeUnit(key, unit)) throw unitNotFound();
      // The parsed body is `SaleInputFields`; `sales.start` checks again which fields go together.
      const result = await tessera.sales.start({ ...sale, idempotencyKey, source: "api" } as SaleInput);
      await audit(
        "sale.started",
        { kind: "contract", id: result.contract.id },
        { planId: sale.planId, status: result.status, replayed: result.replayed },
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
      "After a decline, or with another method. Refused (409 `payment_in_progress`) while another attempt is open.",
    params: { contract: "The contract's id (`ctr_…`)." },
    query: noQuery,
    body: { name: "RetryInput", schema: retryBodySchema },
    idempotent: true,
    problems: [409, 503],
    response: { status: 201, description: "The new attempt's outcome.", schema: outcome },
    handle: async ({ tessera, key, params, body, idempotencyKey, audit }) => {
      const contract = await contractForKey(tessera, key, params["contract"] ?? "");
      const retry = parseInput(retryBodySchema, body, "payment retry");
      const result = await tessera.payments.retry({ ...retry, contractId: contract.id, idempotencyKey });
      await audit(
        "payment.retried",
        { kind: "contract", id: contract.id },
        { status: result.status, replayed: result.replayed },
      );
      return publicOutcome(result);
    },
  }),
];
